# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Finance records actual spend by hand: Finance → Actual Spend, or on a budget
line's form. Only the analytic lines of partnership projects are theirs; Odoo's own
analytic accountants keep theirs."""

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import PartnershipCommon

SPEND_FORM = "ilo_issa_partnership.account_analytic_line_view_form_spend"
SPEND_ACTION = "ilo_issa_partnership.account_analytic_line_action_spend"


@tagged("post_install", "-at_install")
class TestActualSpend(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.usd = cls.env.company.currency_id
        cls.chf = cls._chf_at(("2030-01-01", 0.5))
        plan = cls.env.ref("analytic.analytic_plan_projects")
        Account = cls.env["account.analytic.account"]
        cls.analytic = Account.create(
            {"name": "Spend test account", "plan_id": plan.id}
        )
        cls.project.account_id = cls.analytic
        cls.other_account = Account.create({"name": "Office rent", "plan_id": plan.id})
        cls.plain_project.account_id = cls.other_account
        cls.mission = cls.env["ilo.advisory.mission"].create(cls._mission_vals())
        cls.budget = cls.env["ilo.budget.line"].create(
            {
                "project_id": cls.project.id,
                "mission_id": cls.mission.id,
                "funding_source_id": cls.funding_source.id,
                "category": "travel",
                "date_from": "2030-01-01",
                "date_to": "2030-12-31",
                "amount_planned": 10_000,
            }
        )
        # a cost of the organisation's own, outside the partnership
        cls.office_cost = cls.env["account.analytic.line"].create(
            {"name": "Rent", "account_id": cls.other_account.id, "amount": -900}
        )
        cls.finance = cls.users["finance"]
        cls.Line = cls.env["account.analytic.line"].with_context(ilo_spend_entry=True)

    def _messages(self, record):
        return record.message_ids.mapped("body")

    def test_finance_enters_spend_in_the_menu(self):
        Line = self.Line.with_user(self.finance)
        with Form(Line, view=SPEND_FORM) as form:
            self.assertEqual(form.ilo_spend_currency_id, self.usd)
            form.name = "Dakar workshop: interpretation"
            form.date = "2030-03-10"
            form.account_id = self.analytic
            form.ilo_budget_line_id = self.budget
            form.ilo_spend_amount = 1200
        self.assertTrue(form.record.ilo_budget_line_manual)
        cost = form.record
        self.assertEqual(cost.ilo_project_id, self.project)
        self.assertEqual(cost.ilo_funding_source_id, self.funding_source)
        self.assertEqual(cost.ilo_budget_category, "travel")
        self.assertAlmostEqual(cost.amount, -1200)
        self.assertAlmostEqual(cost.ilo_cost_company, 1200)
        self.assertAlmostEqual(self.budget.amount_actual, 1200)
        self.assertAlmostEqual(self.budget.amount_available, 8800)
        self.assertTrue(
            any("Cost recorded" in body for body in self._messages(self.budget))
        )
        # corrected later: the analytic amount, the budget and the chatter follow
        with Form(cost.with_user(self.finance), view=SPEND_FORM) as form:
            form.ilo_spend_amount = 1500
        self.assertAlmostEqual(cost.amount, -1500)
        self.assertAlmostEqual(self.budget.amount_actual, 1500)
        changed = [b for b in self._messages(self.budget) if "Cost changed" in b]
        self.assertEqual(len(changed), 1)
        self.assertIn("1,200.00", changed[0])
        self.assertIn("1,500.00", changed[0])
        cost.with_user(self.finance).unlink()
        self.assertAlmostEqual(self.budget.amount_actual, 0)
        self.assertTrue(
            any("Cost removed" in body for body in self._messages(self.budget))
        )

    def test_spend_in_another_currency(self):
        cost = self.Line.with_user(self.finance).create(
            {
                "name": "Geneva hotel",
                "date": "2030-02-01",
                "account_id": self.analytic.id,
                "ilo_spend_amount": 400,
                "ilo_spend_currency_id": self.chf.id,
            }
        )
        # 400 CHF at 0.5 CHF per USD
        self.assertAlmostEqual(cost.amount, -800)
        cost.ilo_spend_amount = 100
        self.assertAlmostEqual(cost.amount, -200)
        self.assertFalse(cost.ilo_budget_line_id)

    def test_spend_on_the_budget_line_form(self):
        with Form(self.budget.with_user(self.finance)) as form:
            with form.analytic_line_ids.new() as cost:
                cost.name = "Taxi Dakar"
                cost.date = "2030-03-11"
                cost.ilo_spend_amount = 80
        cost = self.budget.analytic_line_ids
        self.assertEqual(len(cost), 1)
        self.assertEqual(cost.account_id, self.analytic)
        self.assertEqual(cost.ilo_spend_currency_id, self.budget.currency_id)
        self.assertAlmostEqual(self.budget.amount_actual, 80)

    def test_finance_sees_partnership_spend_only(self):
        mine = self.Line.create(
            {"name": "Ticket", "account_id": self.analytic.id, "ilo_spend_amount": 10}
        )
        Line = self.env["account.analytic.line"].with_user(self.finance)
        theirs = Line.search([])
        self.assertIn(mine, theirs)
        self.assertNotIn(self.office_cost, theirs)
        self.assertTrue(all(theirs.sudo().mapped("ilo_project_id.is_partnership")))
        action = self.env.ref(SPEND_ACTION)
        self.assertIn("ilo_project_id", action.domain)
        with self.assertRaises(AccessError):
            self.office_cost.with_user(self.finance).read(["amount"])
        with self.assertRaises(AccessError):
            Line.create(
                {"name": "Rent", "account_id": self.other_account.id, "amount": -5}
            )
        # readers (leadership) read the spend, do not enter it
        leadership = self.env["account.analytic.line"].with_user(
            self.users["leadership"]
        )
        self.assertEqual(leadership.search([]), theirs)
        with self.assertRaises(AccessError):
            leadership.create(
                {"name": "Ticket", "account_id": self.analytic.id, "amount": -1}
            )
        with self.assertRaises(AccessError):
            mine.with_user(self.users["leadership"]).amount = -2

    def test_analytic_accountants_keep_their_lines(self):
        accountant = new_test_user(
            self.env,
            login="plain_analytic_accountant",
            groups="base.group_user,analytic.group_analytic_accounting",
        )
        lines = self.env["account.analytic.line"].with_user(accountant)
        self.assertIn(self.office_cost, lines.search([]))
        self.assertNotIn("ilo_spend_amount", lines.fields_get())
        cost = lines.create(
            {"name": "Stationery", "account_id": self.other_account.id, "amount": -30}
        )
        cost.amount = -35
        self.assertAlmostEqual(cost.amount, -35)
        # one of them who also works for the partnership keeps all of them
        accountant.groups_id |= self.env.ref("ilo_issa_partnership.group_finance")
        self.assertIn(self.office_cost, lines.search([]))

    def test_menu_is_for_the_partnership(self):
        menu = self.env.ref("ilo_issa_partnership.account_analytic_line_menu_spend")
        project_user = new_test_user(
            self.env,
            login="plain_project_user_spend",
            groups="project.group_project_user",
        )
        visible = self.env["ir.ui.menu"].with_user(project_user)._visible_menu_ids()
        self.assertNotIn(menu.id, visible)
        visible = self.env["ir.ui.menu"].with_user(self.finance)._visible_menu_ids()
        self.assertIn(menu.id, visible)
