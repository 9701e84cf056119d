# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "C102 Ratification Campaign",
    "summary": "The ILO global campaign for ratification of Convention No. 102: "
    "countries, accepted Parts, gap assessments and tripartite dialogues",
    "version": "18.0.1.0.0",
    "category": "Project",
    "website": "https://github.com/ilo-issa/partnership",
    "author": "ILO-ISSA partnership programme",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": ["ilo_issa_partnership"],
    "data": [
        "security/ir.model.access.csv",
        "data/c102_part_data.xml",
        "views/c102_part_views.xml",
        "views/menus.xml",
    ],
}
