# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "C102 Ratification Campaign",
    "summary": "The ILO global campaign for ratification of Convention No. 102: "
    "countries, accepted Parts, gap assessments and tripartite dialogues",
    "version": "18.0.1.4.0",
    "category": "Project",
    "website": "https://github.com/ilo-issa/partnership",
    "author": "ILO-ISSA partnership programme",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["ilo_issa_partnership"],
    "external_dependencies": {"python": ["pygal", "pygal_maps_world"]},
    "data": [
        "security/ir.model.access.csv",
        "data/c102_part_data.xml",
        "data/c102_country_data.xml",
        "views/c102_part_views.xml",
        "views/c102_country_views.xml",
        "views/c102_gap_assessment_views.xml",
        "views/c102_coverage_views.xml",
        "views/c102_dialogue_views.xml",
        "views/c102_part_acceptance_report_views.xml",
        "views/ilo_partnership_analysis_views.xml",
        "views/c102_campaign_dashboard_views.xml",
        "views/ilo_activity_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/c102_ratification_import_views.xml",
        "views/c102_supervision_views.xml",
        "report/c102_country_profile_templates.xml",
        "report/c102_report_templates.xml",
        "views/digest_digest_views.xml",
        "data/digest_data.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_backend": ["c102_campaign/static/src/dashboard/*"],
        "web.assets_tests": ["c102_campaign/static/tests/tours/*.js"],
    },
    "demo": ["demo/c102_campaign_demo.xml", "demo/c102_coverage_demo.xml"],
    # read by c102.country (SOURCE_DATA): the 63 ratifications, loaded at install and
    # by the 18.0.1.2.0 migration
    "oca_data_manual": ["data/c102_ratifications.csv"],
}
