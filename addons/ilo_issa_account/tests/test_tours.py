# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.tests import HttpCase, new_test_user, tagged

from .common import AccountingBridgeCommon


@tagged("post_install", "-at_install")
class TestFinanceBillTour(AccountingBridgeCommon, HttpCase):
    def test_finance_posts_a_vendor_bill(self):
        """Finance (partnership Finance with Odoo's Billing rights) posts a vendor
        bill distributed on a budget line: the line's actual moves and the
        partnership dashboard shows it."""
        finance = new_test_user(
            self.env,
            login="tour_acct_finance",
            groups="base.group_user,ilo_issa_partnership.group_finance,"
            "account.group_account_invoice",
            name="Tour Finance",
        )
        source = self._funding_source("TOUR-BILL", amount=500_000)
        budget = self._budget_line(source, amount_planned=40_000)
        bill = self._bill(12_345, {self._key(source): 100.0})
        self.assertAlmostEqual(budget.amount_actual, 0)
        # the bill lines' distribution column, without Analytic Accounting
        self.assertFalse(finance.has_group("analytic.group_analytic_accounting"))
        arch = (
            self.env["account.move"]
            .with_user(finance)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        lines = etree.fromstring(arch).find(".//field[@name='invoice_line_ids']")
        self.assertIsNotNone(lines.find(".//field[@name='analytic_distribution']"))
        self.start_tour(
            f"/odoo/action-account.action_move_in_invoice_type/{bill.id}",
            "ilo_account_finance_bill_tour",
            login=finance.login,
        )
        self.assertEqual(bill.state, "posted")
        self.assertAlmostEqual(budget.amount_actual, 12_345)
        self.start_tour(
            "/odoo/action-ilo_issa_partnership.ilo_partnership_dashboard_action",
            "ilo_account_finance_dashboard_tour",
            login=finance.login,
        )
