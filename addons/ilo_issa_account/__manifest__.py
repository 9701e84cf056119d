# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "ILO-ISSA Partnership: Accounting bridge",
    "summary": "Vendor bills and expense reports are the actual spend of activity "
    "budgets, open purchase orders their committed amount; missions show their "
    "travel expenses",
    "version": "18.0.1.0.0",
    "category": "Accounting",
    "website": "https://github.com/ilo-issa/partnership",
    "author": "ILO-ISSA partnership programme",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["ilo_issa_partnership", "account", "purchase", "hr_expense"],
    "data": [
        "views/account_move_views.xml",
        "views/hr_expense_views.xml",
        "views/ilo_advisory_mission_views.xml",
        "views/ilo_budget_line_views.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ilo_issa_account/static/tests/tours/*.js",
        ],
    },
    "pre_init_hook": "pre_init_hook",
    "post_init_hook": "post_init_hook",
}
