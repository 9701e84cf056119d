# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the bridge adds to Odoo's bills, orders and expenses stays invisible to the
organisation's users outside the partnership."""

from odoo.tests import new_test_user, tagged

from .common import AccountingBridgeCommon

ADDED = {
    "hr.expense": {"ilo_mission_id"},
    "purchase.order.line": {"ilo_budget_line_ids", "ilo_qty_billed", "ilo_open_amount"},
}


@tagged("post_install", "-at_install")
class TestOutsidePartnership(AccountingBridgeCommon):
    def test_accountant_outside_the_partnership(self):
        accountant = new_test_user(
            self.env,
            login="acct_outsider",
            groups="base.group_user,account.group_account_invoice,"
            "purchase.group_purchase_user,hr_expense.group_hr_expense_team_approver",
        )
        for model, fields in ADDED.items():
            Model = self.env[model].with_user(accountant)
            self.assertFalse(fields & Model.fields_get().keys(), model)
            for view_type in ("form", "list", "search"):
                arch = Model.get_views([(False, view_type)])["views"][view_type]["arch"]
                for field in fields:
                    self.assertNotIn(f'name="{field}"', arch, (model, view_type))
        # and posting a bill distributed on a partnership budget works for them
        bill = self._bill(700).with_user(accountant)
        bill.action_post()
        self.assertEqual(bill.state, "posted")
        self.assertAlmostEqual(self.budget.amount_actual, 700)

    def test_partnership_users_see_the_mission_link(self):
        Expense = self.env["hr.expense"].with_user(self.users["officer"])
        self.assertIn("ilo_mission_id", Expense.fields_get())
        arch = Expense.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('name="ilo_mission_id"', arch)
