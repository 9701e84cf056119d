# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Analytic plans, the Odoo 18 way: funding sources and budget categories are plans
beside the project plan; a cost distributed over a project's account, a funding
source's and a category's is actual spend of the budget line they match in its
period. No per-line linking; a link by hand stays possible; what matches nothing is
unbudgeted spend."""

from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from ..models.ilo_funding_source_analytic import plan_columns
from .common import PartnershipCommon

SPEND_FORM = "ilo_issa_partnership.account_analytic_line_view_form_spend"
UNBUDGETED = "ilo_issa_partnership.account_analytic_line_action_unbudgeted"


@tagged("post_install", "-at_install")
class TestSpendMatching(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.account_id = cls.env["account.analytic.account"].create(
            {
                "name": "Matching test account",
                "plan_id": cls.env.ref("analytic.analytic_plan_projects").id,
            }
        )
        cls.funding_col, cls.category_col = plan_columns(cls.env)
        cls.travel = cls.env.ref("ilo_issa_partnership.analytic_budget_category_travel")
        cls.meetings = cls.env.ref(
            "ilo_issa_partnership.analytic_budget_category_meetings"
        )
        cls.fund = cls.funding_source.analytic_account_id
        cls.budget_2030 = cls._budget(cls, "2030-01-01", "2030-12-31")
        cls.Line = cls.env["account.analytic.line"]

    def _budget(self, date_from, date_to, category="travel", **vals):
        return self.env["ilo.budget.line"].create(
            {
                "project_id": self.project.id,
                "funding_source_id": self.funding_source.id,
                "category": category,
                "date_from": date_from,
                "date_to": date_to,
                "amount_planned": 10_000,
                **vals,
            }
        )

    def _cost(self, amount, day="2030-05-10", category=None, **vals):
        return self.Line.create(
            {
                "name": "Cost",
                "date": day,
                "account_id": self.project.account_id.id,
                self.funding_col: self.fund.id,
                self.category_col: (category or self.travel).id,
                "ilo_spend_amount": amount,
                **vals,
            }
        )

    def test_plans_and_accounts(self):
        funding_plan = self.env.ref(
            "ilo_issa_partnership.analytic_plan_funding_sources"
        )
        self.assertEqual(self.fund.plan_id, funding_plan)
        self.assertEqual(self.fund.code, "RB-TEST")
        self.funding_source.write({"name": "Regular budget", "code": "RB-T2"})
        self.assertEqual(self.fund.name, "Regular budget")
        self.assertEqual(self.fund.code, "RB-T2")
        self.funding_source.active = False
        self.assertFalse(self.fund.active)
        self.assertEqual(
            self.travel.plan_id,
            self.env.ref("ilo_issa_partnership.analytic_plan_budget_categories"),
        )
        # one column per plan on analytic lines, as Odoo 18 makes them
        self.assertTrue(self.funding_col.startswith("x_plan"))
        self.assertIn(self.category_col, self.Line._fields)

    def test_a_distributed_cost_finds_its_budget_line(self):
        cost = self._cost(1_200)
        self.assertEqual(cost.ilo_budget_line_id, self.budget_2030)
        self.assertFalse(cost.ilo_budget_line_manual)
        self.assertAlmostEqual(self.budget_2030.amount_actual, 1_200)
        # another category, another period: not this line's spend
        meeting = self._cost(300, category=self.meetings)
        late = self._cost(50, day="2031-02-01")
        self.assertFalse(meeting.ilo_budget_line_id)
        self.assertFalse(late.ilo_budget_line_id)
        unbudgeted = self.env.ref(UNBUDGETED)
        found = self.Line.search(safe_eval(unbudgeted.domain))
        self.assertIn(meeting, found)
        self.assertIn(late, found)
        self.assertNotIn(cost, found)
        # the unbudgeted list says why: the source and category the cost is posted on
        self.assertFalse(meeting.ilo_funding_source_id)
        self.assertEqual(meeting.ilo_posted_funding_source_id, self.funding_source)
        self.assertEqual(meeting.ilo_posted_category, "meetings")
        self.assertEqual(cost.ilo_posted_category, "travel")
        # finance resolves: plans the 2031 line, fixes the category of the other
        budget_2031 = self._budget("2031-01-01", "2031-12-31")
        self.assertEqual(late.ilo_budget_line_id, budget_2031)
        meeting.write({self.category_col: self.travel.id})
        self.assertEqual(meeting.ilo_budget_line_id, self.budget_2030)
        self.assertAlmostEqual(self.budget_2030.amount_actual, 1_500)
        # the cost moves: the budget line follows
        cost.date = "2031-03-01"
        self.assertEqual(cost.ilo_budget_line_id, budget_2031)
        self.assertAlmostEqual(self.budget_2030.amount_actual, 300)
        self.assertAlmostEqual(budget_2031.amount_actual, 1_250)
        # a budget line recategorised: its costs leave it
        budget_2031.category = "meetings"
        self.assertFalse(cost.ilo_budget_line_id)
        self.assertAlmostEqual(budget_2031.amount_actual, 0)

    def test_link_by_hand_is_the_exception(self):
        other = self._budget("2030-01-01", "2030-12-31", category="printing")
        cost = self._cost(80, ilo_budget_line_id=other.id)
        self.assertTrue(cost.ilo_budget_line_manual)
        self.assertEqual(cost.ilo_budget_line_id, other)
        cost.date = "2030-06-01"
        self.assertEqual(cost.ilo_budget_line_id, other)
        # unlinked by hand: back to matching
        with Form(cost.with_user(self.users["finance"]), view=SPEND_FORM) as form:
            form.ilo_budget_line_manual = False
        self.assertEqual(cost.ilo_budget_line_id, self.budget_2030)

    def test_finance_distributes_in_the_form(self):
        Line = self.Line.with_user(self.users["finance"]).with_context(
            ilo_spend_entry=True
        )
        with Form(Line, view=SPEND_FORM) as form:
            form.name = "Dakar: interpreters"
            form.date = "2030-04-02"
            form.account_id = self.project.account_id
            setattr(form, self.funding_col, self.fund)
            setattr(form, self.category_col, self.travel)
            form.ilo_spend_amount = 640
        self.assertEqual(form.record.ilo_budget_line_id, self.budget_2030)
        self.assertAlmostEqual(self.budget_2030.amount_actual, 640)
