# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Money is right: a cost in a currency without a rate for its date is flagged and
left out, never converted 1:1; amounts follow the rates entered or corrected later."""

from odoo.tests import tagged

from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestSpendRates(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.usd = cls.env.company.currency_id
        cls.chf = cls._chf_at(("2030-01-01", 0.5))
        cls.mru = cls.env.ref("base.MRU")
        cls.mru.active = True
        cls.env["res.currency.rate"].search([("currency_id", "=", cls.mru.id)]).unlink()
        cls.project.account_id = cls.env["account.analytic.account"].create(
            {
                "name": "Rates test account",
                "plan_id": cls.env.ref("analytic.analytic_plan_projects").id,
            }
        )
        cls.Line = cls.env["account.analytic.line"]

    def _budget(self, source, **vals):
        return self.env["ilo.budget.line"].create(
            {
                "project_id": self.project.id,
                "funding_source_id": source.id,
                "category": "travel",
                "date_from": "2030-01-01",
                "date_to": "2030-12-31",
                "amount_planned": 1_000_000,
                **vals,
            }
        )

    def _cost(self, amount, currency, day="2030-05-10", budget=None):
        return self.Line.create(
            {
                "name": "Nouakchott workshop",
                "date": day,
                "account_id": self.project.account_id.id,
                "ilo_spend_amount": amount,
                "ilo_spend_currency_id": currency.id,
                "ilo_budget_line_id": budget.id if budget else False,
            }
        )

    def _rate(self, currency, day, rate):
        return self.env["res.currency.rate"].create(
            {"currency_id": currency.id, "name": day, "rate": rate}
        )

    def test_missing_rate_flagged_never_one_to_one(self):
        budget = self._budget(self.funding_source)  # in USD, the company's currency
        cost = self._cost(400_000, self.mru, budget=budget)
        self.assertTrue(cost.ilo_rate_missing)
        self.assertEqual(cost.amount, 0.0)
        self.assertEqual(budget.amount_actual, 0.0)
        self.assertTrue(budget.ilo_rate_missing)
        # a rate after the cost's date does not count for it (Odoo would use it)
        self._rate(self.mru, "2030-06-01", 40.0)
        self.assertTrue(cost.ilo_rate_missing)
        self.assertEqual(cost.amount, 0.0)
        # the rate of the month is entered: the cost and the budget follow
        rate = self._rate(self.mru, "2030-05-01", 40.0)
        self.assertFalse(cost.ilo_rate_missing)
        self.assertAlmostEqual(cost.amount, -10_000)
        self.assertAlmostEqual(budget.amount_actual, 10_000)
        self.assertFalse(budget.ilo_rate_missing)
        # corrected: they follow again
        rate.rate = 50.0
        self.assertAlmostEqual(cost.amount, -8_000)
        self.assertAlmostEqual(budget.amount_actual, 8_000)
        self.assertAlmostEqual(budget.amount_available, 992_000)
        # removed: flagged again, not converted at the later rate
        rate.unlink()
        self.assertTrue(cost.ilo_rate_missing)
        self.assertEqual(budget.amount_actual, 0.0)
        self.assertTrue(
            self.Line.search([("ilo_rate_missing", "=", True), ("id", "=", cost.id)])
        )

    def test_budget_in_a_currency_without_rate(self):
        """400,000 MRU planned, spend in USD: no MRU rate, so no actual in MRU and no
        company amount read 1:1; both follow when the rate comes."""
        source = self._funding_source("MRU-T", currency=self.mru, amount=5_000_000)
        budget = self._budget(source, amount_planned=400_000)
        cost = self._cost(1_000, self.usd, budget=budget)
        self.assertFalse(cost.ilo_rate_missing)
        self.assertAlmostEqual(cost.amount, -1_000)
        self.assertTrue(budget.ilo_rate_missing)
        self.assertEqual(budget.amount_actual, 0.0)
        self._rate(self.mru, "2029-12-01", 40.0)
        self.assertFalse(budget.ilo_rate_missing)
        self.assertAlmostEqual(budget.amount_actual, 40_000)
        self.assertAlmostEqual(budget.amount_planned_company, 10_000)
        # spend paid in the line's own currency counts as paid, whatever the rates
        self._cost(2_000, self.mru, budget=budget)
        self.assertAlmostEqual(budget.amount_actual, 42_000)

    def test_company_amounts_follow_a_corrected_rate(self):
        source = self._funding_source("CHF-T", currency=self.chf, amount=100_000)
        budget = self._budget(source, amount_planned=10_000)
        cost = self._cost(1_000, self.chf, budget=budget, day="2030-03-01")
        self.assertAlmostEqual(budget.amount_planned_company, 20_000)
        self.assertAlmostEqual(cost.amount, -2_000)
        self.assertAlmostEqual(budget.amount_actual, 1_000)
        rate = self.env["res.currency.rate"].search(
            [("currency_id", "=", self.chf.id), ("name", "=", "2030-01-01")]
        )
        rate.rate = 0.8
        self.assertAlmostEqual(budget.amount_planned_company, 12_500)
        self.assertAlmostEqual(budget.amount_actual_company, 1_250)
        self.assertAlmostEqual(cost.amount, -1_250)
        self.assertAlmostEqual(cost.ilo_cost_company, 1_250)
        self.assertFalse(budget.ilo_rate_missing)
