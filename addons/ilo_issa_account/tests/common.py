# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command

from odoo.addons.ilo_issa_partnership.tests.common import PartnershipCommon


class AccountingBridgeCommon(PartnershipCommon):
    """A partnership project with its analytic account, a 2030 travel budget line
    and what Odoo Accounting needs (a chart of accounts, a vendor, a product)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        if not company.chart_template:
            cls.env["account.chart.template"].try_loading(
                "generic_coa", company, install_demo=False
            )
        cls.project.account_id = cls.env["account.analytic.account"].create(
            {
                "name": "Bridge test account",
                "plan_id": cls.env.ref("analytic.analytic_plan_projects").id,
            }
        )
        cls.travel = cls.env.ref("ilo_issa_partnership.analytic_budget_category_travel")
        cls.budget = cls._budget_line(cls.funding_source)
        cls.vendor = cls.env["res.partner"].create({"name": "Dakar Travel Agency"})
        cls.product = cls.env["product.product"].create(
            {
                "name": "Air ticket (test)",
                "type": "service",
                "purchase_method": "purchase",
                "can_be_expensed": True,
                "standard_price": 0.0,
                "supplier_taxes_id": [Command.clear()],
                "taxes_id": [Command.clear()],
            }
        )

    @classmethod
    def _budget_line(cls, source, category="travel", **vals):
        return cls.env["ilo.budget.line"].create(
            {
                "project_id": cls.project.id,
                "funding_source_id": source.id,
                "category": category,
                "date_from": "2030-01-01",
                "date_to": "2030-12-31",
                "amount_planned": 100_000,
                **vals,
            }
        )

    @classmethod
    def _key(cls, source=None, category=None):
        """An analytic distribution key: project, funding source, category."""
        accounts = (
            cls.project.account_id,
            (source or cls.funding_source).analytic_account_id,
            category or cls.travel,
        )
        return ",".join(str(account.id) for account in accounts)

    @classmethod
    def _bill(cls, amount, distribution=None, currency=None, day="2030-03-10"):
        return cls.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": cls.vendor.id,
                "invoice_date": day,
                "date": day,
                "currency_id": (currency or cls.env.company.currency_id).id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Air ticket Geneva-Dakar",
                            "product_id": cls.product.id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.clear()],
                            "analytic_distribution": distribution
                            or {cls._key(): 100.0},
                        }
                    )
                ],
            }
        )
