# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ILO-ISSA Partnership",
    "summary": "The five collaboration areas of the ILO-ISSA partnership run as "
    "projects with missions, trainings, deliverables and budgets",
    "version": "18.0.1.3.0",
    "category": "Project",
    "website": "https://github.com/ilo-issa/partnership",
    "author": "ILO-ISSA partnership programme",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": True,
    "installable": True,
    "depends": ["project", "mail", "portal", "analytic", "base_import"],
    "data": [
        "security/ilo_issa_partnership_security.xml",
        "security/ir.model.access.csv",
        "security/ilo_issa_partnership_rules.xml",
        "data/ilo_collaboration_area_data.xml",
        "views/ilo_collaboration_area_views.xml",
        "views/res_partner_views.xml",
        "views/project_project_views.xml",
        "views/ilo_advisory_mission_views.xml",
        "views/ilo_training_views.xml",
        "views/ilo_deliverable_views.xml",
        "views/ilo_funding_source_views.xml",
        "views/ilo_budget_line_views.xml",
        "views/ilo_result_views.xml",
        "views/budget_tabs_views.xml",
        "wizard/ilo_budget_report_wizard_views.xml",
        "wizard/ilo_partnership_report_wizard_views.xml",
        "report/ilo_partnership_analysis_views.xml",
        "report/partnership_report_templates.xml",
        "views/ilo_partnership_dashboard_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
        "views/portal_templates.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "ilo_issa_partnership/static/src/views/*.js",
        ],
        "web.assets_frontend": [
            "ilo_issa_partnership/static/src/scss/portal.scss",
        ],
        "web.assets_tests": [
            "ilo_issa_partnership/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/project_project_demo.xml",
        "demo/ilo_activity_demo.xml",
        "demo/ilo_budget_demo.xml",
        "demo/ilo_result_demo.xml",
        "demo/portal_demo.xml",
    ],
}
