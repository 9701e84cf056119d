# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Money is right beyond the budget line: a missing rate shows in every total (project,
mission, funding source, dashboard) and never converts 1:1; IATI budgets follow a
corrected rate; across companies, amounts keep their own currency and totals are
given in the one reporting currency at the stated rates."""

from odoo.tests import tagged

from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestMoneyRight(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mru = cls.env.ref("base.MRU")
        cls.mru.active = True
        cls.env["res.currency.rate"].search([("currency_id", "=", cls.mru.id)]).unlink()
        cls.source_mru = cls._funding_source("MRU-M", currency=cls.mru, amount=10**7)

    def _budget(self, source, project=None, **vals):
        return self.env["ilo.budget.line"].create(
            {
                "project_id": (project or self.project).id,
                "funding_source_id": source.id,
                "category": "travel",
                "date_from": "2031-01-01",
                "date_to": "2031-12-31",
                "amount_planned": 400_000,
                **vals,
            }
        )

    def test_missing_rate_in_every_total(self):
        line = self._budget(self.source_mru)
        # never 1:1: nothing converted, the line flagged
        self.assertTrue(line.ilo_rate_missing)
        self.assertEqual(line.amount_planned_company, 0.0)
        self.assertEqual(line.amount_planned_reporting, 0.0)
        # the totals above it say so
        self.assertTrue(self.project.budget_rate_missing)
        self.assertEqual(self.project.budget_planned, 0.0)
        self.assertTrue(self.source_mru.rate_missing)
        self.assertFalse(self.funding_source.rate_missing)
        dashboard = self.env["ilo.partnership.dashboard"]

        def mru_source():
            [line] = [s for s in dashboard._spend_data() if "MRU-M" in s["source"]]
            return line["source"]

        self.assertIn("rates missing", mru_source())
        # the rate comes: everything follows
        rate = self.env["res.currency.rate"].create(
            {"currency_id": self.mru.id, "name": "2030-12-01", "rate": 40.0}
        )
        self.project.invalidate_recordset()
        self.source_mru.invalidate_recordset()
        self.assertFalse(line.ilo_rate_missing)
        self.assertAlmostEqual(line.amount_planned_company, 10_000)
        self.assertAlmostEqual(line.amount_planned_reporting, 10_000)
        self.assertFalse(self.project.budget_rate_missing)
        self.assertAlmostEqual(self.project.budget_planned, 10_000)
        self.assertFalse(self.source_mru.rate_missing)
        self.assertNotIn("rates missing", mru_source())
        # IATI budgets follow a corrected rate
        currency = self.env.company.currency_id.name
        self.assertAlmostEqual(self.project._iati_budgets(currency)[0]["value"], 10_000)
        rate.rate = 50.0
        self.assertAlmostEqual(self.project._iati_budgets(currency)[0]["value"], 8_000)

    def _geneva(self):
        """A CHF company (1.25 USD for 1 CHF from 2031) with a project and a CHF
        funding source, and an environment allowed on both companies."""
        usd, chf = self.env.ref("base.USD"), self.env.ref("base.CHF")
        chf.active = True
        company_usd = self.env.company
        self.assertEqual(company_usd.currency_id, usd)
        company_chf = self.env["res.company"].create(
            {"name": "ISSA Geneva (test)", "currency_id": chf.id}
        )
        # the CHF company's rate: 1.25 USD for 1 CHF
        self.env["res.currency.rate"].create(
            {
                "currency_id": usd.id,
                "name": "2031-01-01",
                "rate": 1.25,
                "company_id": company_chf.id,
            }
        )
        env = self.env(
            context=dict(
                self.env.context, allowed_company_ids=[company_usd.id, company_chf.id]
            )
        )
        project_chf = env["project.project"].create(
            {
                "name": "Geneva project",
                "collaboration_area_id": self.area_advisory.id,
                "company_id": company_chf.id,
            }
        )
        source_chf = env["ilo.funding.source"].create(
            {
                "name": "Swiss donor",
                "code": "CH-M",
                "company_id": company_chf.id,
                "currency_id": chf.id,
                "amount": 100_000,
            }
        )
        return env, company_chf, project_chf, source_chf

    def test_companies_keep_their_currency(self):
        """A CHF company's project read from the USD company: amounts in CHF; the
        totals of both only in the reporting currency (USD) at the CHF company's
        stated rate."""
        usd, chf = self.env.ref("base.USD"), self.env.ref("base.CHF")
        company_usd = self.env.company
        env, company_chf, project_chf, source_chf = self._geneva()
        line_chf = self._budget(
            source_chf, project=project_chf, amount_planned=1_000
        ).with_env(env)
        line_usd = self._budget(self.funding_source, amount_planned=1_000)
        self.assertFalse(line_chf.ilo_rate_missing)
        # read from the USD company, the CHF project's totals are in CHF
        self.assertEqual(env.company, company_usd)
        project_chf.invalidate_recordset()
        self.assertEqual(project_chf.budget_currency_id, chf)
        self.assertAlmostEqual(project_chf.budget_planned, 1_000)
        self.assertEqual(line_chf.company_currency_id, chf)
        self.assertAlmostEqual(line_chf.amount_planned_company, 1_000)
        # across both: only in the reporting currency, at the stated rate
        self.assertEqual(line_chf.reporting_currency_id, usd)
        self.assertAlmostEqual(line_chf.amount_planned_reporting, 1_250)
        [(total,)] = (
            env["ilo.budget.line"]
            .sudo()
            ._read_group(
                [("id", "in", (line_chf | line_usd).ids)],
                [],
                ["amount_planned_reporting:sum"],
            )
        )
        self.assertAlmostEqual(total, 2_250)
        # the CHF company's rate corrected: its reporting amount follows
        self.env["res.currency.rate"].search(
            [("company_id", "=", company_chf.id), ("currency_id", "=", usd.id)]
        ).rate = 1.1
        self.assertAlmostEqual(line_chf.amount_planned_reporting, 1_100)

    def test_reporting_rate_missing_is_flagged(self):
        """A company whose rates do not reach the reporting currency: flagged, its
        reporting amounts zero, never 1:1."""
        chf = self.env.ref("base.CHF")
        chf.active = True
        company_chf = self.env["res.company"].create(
            {"name": "ISSA Lausanne (test)", "currency_id": chf.id}
        )
        project = self.env["project.project"].create(
            {
                "name": "Lausanne project",
                "collaboration_area_id": self.area_advisory.id,
                "company_id": company_chf.id,
            }
        )
        source = self.env["ilo.funding.source"].create(
            {
                "name": "Swiss canton",
                "code": "VD-M",
                "company_id": company_chf.id,
                "currency_id": chf.id,
                "amount": 100_000,
            }
        )
        line = self._budget(source, project=project, amount_planned=1_000)
        self.assertTrue(line.ilo_rate_missing)
        self.assertAlmostEqual(line.amount_planned_company, 1_000)
        self.assertEqual(line.amount_planned_reporting, 0.0)

    def test_analysis_totals_in_reporting_currency(self):
        """The partnership analysis adds a CHF company's and a USD company's budgets
        only in the reporting currency (USD, at the CHF company's rate), and says
        so: never CHF and USD added together."""
        usd = self.env.ref("base.USD")
        env, company_chf, project_chf, source_chf = self._geneva()
        dates = {"date_start": "2031-03-02", "date_end": "2031-03-06"}
        mission_chf = env["ilo.advisory.mission"].create(
            self._mission_vals(project_id=project_chf.id, name="Geneva", **dates)
        )
        mission_usd = env["ilo.advisory.mission"].create(
            self._mission_vals(name="Washington", **dates)
        )
        self._budget(
            source_chf,
            project=project_chf,
            mission_id=mission_chf.id,
            amount_planned=1_000,
        )
        self._budget(
            self.funding_source, mission_id=mission_usd.id, amount_planned=1_000
        )
        # the analysis is an SQL view: the budget lines' amounts written first
        env.flush_all()
        Analysis = env["ilo.partnership.analysis"]
        domain = [
            ("activity_type", "=", "mission"),
            ("project_id", "in", (project_chf | self.project).ids),
            ("name", "in", ["Geneva", "Washington"]),
        ]
        rows = Analysis.search(domain)
        self.assertEqual(len(rows), 2)
        self.assertEqual(rows.currency_id, usd)
        by_company = dict(
            Analysis._read_group(domain, ["company_id"], ["budget_planned:sum"])
        )
        # the CHF company's 1,000 CHF are 1,250 USD; its row is not 1,000
        self.assertAlmostEqual(by_company[company_chf], 1_250)
        self.assertAlmostEqual(by_company[self.project.company_id], 1_000)
        [(total, currencies)] = Analysis._read_group(
            domain, [], ["budget_planned:sum", "currency_id:array_agg"]
        )
        self.assertAlmostEqual(total, 2_250)
        self.assertEqual(set(currencies), {usd.id})
