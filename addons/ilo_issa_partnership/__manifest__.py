# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ILO-ISSA Partnership",
    "summary": "The five collaboration areas of the ILO-ISSA partnership run as "
    "projects with missions, trainings, deliverables and budgets",
    "version": "18.0.1.0.0",
    "category": "Project",
    "website": "https://github.com/ilo-issa/partnership",
    "author": "ILO-ISSA partnership programme",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": True,
    "installable": True,
    "depends": ["project", "mail", "analytic"],
    "data": [
        "security/ilo_issa_partnership_security.xml",
        "security/ir.model.access.csv",
        "data/ilo_collaboration_area_data.xml",
        "views/ilo_collaboration_area_views.xml",
        "views/menus.xml",
    ],
}
