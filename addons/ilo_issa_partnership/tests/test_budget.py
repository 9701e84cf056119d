# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import re
from datetime import date, datetime

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import format_amount

from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestBudget(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.usd = cls.env.company.currency_id
        # rates: 1 company-currency unit = rate CHF
        cls.chf = cls._chf_at(("2030-01-01", 0.5), ("2030-07-01", 0.8))
        cls.analytic = cls.env["account.analytic.account"].create(
            {
                "name": "Test project account",
                "plan_id": cls.env.ref("analytic.analytic_plan_projects").id,
            }
        )
        cls.project.account_id = cls.analytic
        cls.source_chf = cls._funding_source("ISSA-T", currency=cls.chf, amount=100_000)
        cls.mission = cls.env["ilo.advisory.mission"].create(cls._mission_vals())

    def _line(self, **vals):
        return self.env["ilo.budget.line"].create(
            {
                "project_id": self.project.id,
                "mission_id": self.mission.id,
                "funding_source_id": self.source_chf.id,
                "category": "travel",
                "date_from": "2030-01-01",
                "date_to": "2030-12-31",
                "amount_planned": 10_000,
                **vals,
            }
        )

    def _spend(self, line, amount, when="2030-07-15", **vals):
        return self.env["account.analytic.line"].create(
            {
                "name": "Cost",
                "account_id": self.analytic.id,
                "ilo_budget_line_id": line.id,
                "date": when,
                "amount": -amount,
                **vals,
            }
        )

    def test_currency_defaults_and_company_amounts_at_dated_rates(self):
        line = self._line(amount_committed=1000)
        self.assertEqual(line.currency_id, self.chf)
        # 10,000 CHF at 0.5 CHF per company unit (rate of 2030-01-01)
        self.assertAlmostEqual(line.amount_planned_company, 20_000)
        self.assertAlmostEqual(line.amount_committed_company, 2_000)
        self.assertEqual(line.year, 2030)
        line.date_from = "2030-07-01"
        self.assertAlmostEqual(line.amount_planned_company, 12_500)  # 10,000 / 0.8

    def test_actuals_follow_analytic_lines(self):
        line = self._line()
        cost = self._spend(line, 1000, when="2030-03-01")  # rate 0.5
        self.assertAlmostEqual(line.amount_actual, 500)
        self.assertAlmostEqual(line.amount_available, 9_500)
        self.assertAlmostEqual(line.delivery_rate, 5.0)
        cost.amount = -2000
        self.assertAlmostEqual(line.amount_actual, 1000)
        cost.date = "2030-08-01"  # rate 0.8
        self.assertAlmostEqual(line.amount_actual, 1600)
        other = self._spend(line, 500, when="2030-08-01")
        self.assertAlmostEqual(line.amount_actual, 2000)
        (cost | other).unlink()
        self.assertAlmostEqual(line.amount_actual, 0)
        self.assertAlmostEqual(line.amount_available, 10_000)

    def test_analytic_line_on_another_account_refused(self):
        line = self._line()
        other = self.env["account.analytic.account"].create(
            {
                "name": "Elsewhere",
                "plan_id": self.env.ref("analytic.analytic_plan_projects").id,
            }
        )
        with self.assertRaisesMsg(ValidationError, "analytic account of project"):
            self._spend(line, 100, account_id=other.id)

    def test_allocation_limit(self):
        self._line(amount_planned=60_000)
        with self.assertRaisesMsg(ValidationError, "beyond its envelope"):
            self._line(
                amount_planned=50_000, date_from="2031-01-01", date_to="2031-12-31"
            )
        self._line(amount_planned=40_000, date_from="2031-01-01", date_to="2031-12-31")
        self.assertAlmostEqual(self.source_chf.amount_allocated, 100_000)
        self.assertAlmostEqual(self.source_chf.amount_remaining, 0)
        with self.assertRaisesMsg(ValidationError, "beyond its envelope"):
            self.source_chf.amount = 90_000

    def test_bad_input(self):
        cases = {
            "negative": ({"amount_planned": -1}, "cannot be negative"),
            "reversed": (
                {"date_from": "2030-06-01", "date_to": "2030-05-01"},
                "before the start",
            ),
            "too long": (
                {"date_from": "2030-01-01", "date_to": "2031-01-01"},
                "at most one year",
            ),
            "currency": ({"currency_id": self.usd.id}, "funding source"),
            "two activities": (
                {
                    "training_id": self.env["ilo.training"]
                    .create({"name": "T", "project_id": self.project.id})
                    .id
                },
                "at most one mission",
            ),
            "other project": (
                {"project_id": self.project_training.id},
                "another project",
            ),
        }
        for case, (vals, message) in cases.items():
            with (
                self.subTest(case=case),
                self.assertRaisesMsg(ValidationError, message),
            ):
                self._line(**vals)

    def test_budget_messages_in_the_readers_number_format(self):
        """A French reader sees French digit grouping and decimal comma."""
        self.env["res.lang"]._activate_lang("fr_FR")
        line = self._line(amount_planned=2000, amount_committed=400)
        finance = self.users["finance"]
        with self.assertRaisesMsg(UserError, r"2[\s\u202f]000,00"):
            line.with_user(finance).with_context(lang="fr_FR").write(
                {"amount_committed": 2600}
            )
        with self.assertRaisesMsg(UserError, r"2,000\.00"):
            line.with_user(finance).with_context(lang="en_US").write(
                {"amount_committed": 2600}
            )

    def test_over_budget_control(self):
        line = self._line(amount_planned=1000, amount_committed=400)
        self._spend(line, 1000, when="2030-03-01")  # 500 CHF actual
        self.assertFalse(line.is_over_budget)
        finance = self.users["finance"]
        # amounts as Odoo formats money in the reader's language
        shortfall = format_amount(self.env, 100, self.source_chf.currency_id)
        self.assertEqual(shortfall, "CHF\xa0100.00")
        with self.assertRaisesMsg(UserError, re.escape(f"short by {shortfall}")):
            line.with_user(finance).amount_committed = 600
        self.assertEqual(line.amount_committed, 400)
        # a manager may exceed it: flagged and logged
        line.with_user(self.users["manager"]).amount_committed = 600
        self.assertTrue(line.is_over_budget)
        self.assertIn(
            line, self.env["ilo.budget.line"].search([("is_over_budget", "=", True)])
        )
        body = str(line.message_ids[0].body).replace("&nbsp;", "\xa0")
        self.assertIn(f"Over budget by {shortfall}", body)
        # actual spend pushing a line over is recorded, and flagged
        other = self._line(
            amount_planned=1000, date_from="2031-01-01", date_to="2031-12-31"
        )
        self._spend(other, 4000, when="2031-02-01")
        self.assertTrue(other.is_over_budget)

    def test_totals_on_project_mission_training(self):
        self._line(
            amount_planned=10_000, amount_committed=2_000
        )  # 20,000 / 4,000 company
        self._line(mission_id=False, category="staff", amount_planned=5_000)  # 10,000
        self._spend(
            self.mission.budget_line_ids[:1], 5_000, when="2030-03-01"
        )  # 2,500 CHF
        self.assertAlmostEqual(self.mission.budget_planned, 20_000)
        self.assertAlmostEqual(self.mission.budget_committed, 4_000)
        self.assertAlmostEqual(self.mission.budget_actual, 5_000)
        self.assertAlmostEqual(self.mission.budget_available, 11_000)
        self.assertAlmostEqual(self.mission.budget_delivery_rate, 25.0)
        self.assertAlmostEqual(self.project.budget_planned, 30_000)
        action = self.mission.action_view_budget_lines()
        self.assertEqual(action["context"]["default_mission_id"], self.mission.id)
        self.assertEqual(len(self.env["ilo.budget.line"].search(action["domain"])), 1)

    def test_pivot_aggregates_in_company_currency(self):
        usd_source = self._funding_source("RB-T", amount=50_000)
        self._line(amount_planned=10_000)  # CHF -> 20,000
        self._line(
            funding_source_id=usd_source.id,
            currency_id=self.usd.id,
            amount_planned=7_000,
        )
        groups = self.env["ilo.budget.line"]._read_group(
            [("project_id", "=", self.project.id)],
            [
                "collaboration_area_id",
                "funding_source_id",
                "category",
                "date_from:year",
            ],
            ["amount_planned_company:sum"],
        )
        totals = {source.code: total for _area, source, _cat, _year, total in groups}
        self.assertEqual(totals, {"ISSA-T": 20_000, "RB-T": 7_000})

    def test_pivot_groups_in_sql_order(self):
        """The pivot's read_group sorts area and funding source groups by their models'
        order without joining them to the lines: same groups, same order as SQL."""
        usd_source = self._funding_source("AA-T", amount=50_000)  # code before ISSA-T
        self.area_training.sequence = 0  # before the advisory area, created first
        self._line(amount_planned=1_000)
        self._line(funding_source_id=usd_source.id, currency_id=self.usd.id)
        self._line(category="staff", date_from="2031-01-01", date_to="2031-12-31")
        self.env["ilo.budget.line"].create(
            {
                "project_id": self.project_training.id,
                "funding_source_id": usd_source.id,
                "category": "other",
                "date_from": "2030-01-01",
                "date_to": "2030-12-31",
                "amount_planned": 500,
            }
        )
        Line = self.env["ilo.budget.line"].with_user(self.users["finance"])
        domain = [("funding_source_id", "in", (usd_source | self.source_chf).ids)]
        fields = ["amount_planned_company"]
        for groupby in (
            [
                "collaboration_area_id",
                "funding_source_id",
                "category",
                "date_from:year",
            ],
            ["funding_source_id", "collaboration_area_id"],
            ["category", "project_id", "is_over_budget"],
            ["mission_id", "funding_source_id"],
        ):
            with self.subTest(groupby=groupby):
                groups = Line.read_group(domain, fields, groupby, lazy=False)
                # with a limit, the groups come in SQL's order (joined models)
                in_sql = Line.read_group(domain, fields, groupby, lazy=False, limit=99)
                self.assertEqual(groups, in_sql)
        groups = Line.read_group(
            domain, fields, ["collaboration_area_id", "funding_source_id"], lazy=False
        )
        self.assertEqual(
            [
                (g["collaboration_area_id"][0], g["funding_source_id"][0])
                for g in groups
            ],
            [
                (self.area_training.id, usd_source.id),
                (self.area_advisory.id, usd_source.id),
                (self.area_advisory.id, self.source_chf.id),
            ],
        )

    def test_access(self):
        line = self._line()
        for role in ("reader", "officer", "leadership"):
            user = self.users[role]
            with self.subTest(role=role):
                self.assertTrue(line.with_user(user).read(["amount_planned"]))
                self.assertTrue(
                    self.source_chf.with_user(user).read(["amount_remaining"])
                )
                with self.assertRaises(AccessError):
                    line.with_user(user).amount_planned = 5
                with self.assertRaises(AccessError):
                    self.source_chf.with_user(user).amount = 5
        for role in ("finance", "manager"):
            user = self.users[role]
            line.with_user(user).amount_planned = 9_000
            self._funding_source(f"NEW-{role}").with_user(user).unlink()

    def test_xlsx_report(self):
        self._line(amount_planned=10_000, amount_committed=1_000)
        self._line(mission_id=False, category="staff", amount_planned=3_000)
        self._line(
            amount_planned=500, date_from="2029-01-01", date_to="2029-12-31"
        )  # out
        wizard = self.env["ilo.budget.report.wizard"].create(
            {
                "funding_source_id": self.source_chf.id,
                "date_from": "2030-01-01",
                "date_to": "2030-12-31",
            }
        )
        action = wizard.action_generate()
        self.assertEqual(action["report_type"], "xlsx")
        self.assertEqual(
            action["report_name"], "ilo_issa_partnership.report_budget_xlsx"
        )
        content, kind = self.env["ir.actions.report"]._render_xlsx(
            action["report_name"], wizard.ids, None
        )
        self.assertEqual(kind, "xlsx")
        book = openpyxl.load_workbook(io.BytesIO(content))
        sheet = book["Budget lines"]
        self.assertEqual(sheet["A4"].value, "Currency")
        self.assertEqual(sheet["B4"].value, "CHF")
        self.assertEqual(sheet["B5"].number_format, "#,##0.00")  # the envelope
        header = [cell.value for cell in sheet[8]]
        self.assertEqual(
            header,
            [
                "Project",
                "Area",
                "Activity",
                "Category",
                "From",
                "To",
                "Planned",
                "Committed",
                "Actual",
                "Available",
                "Delivery rate",
                "Over budget",
            ],
        )
        rows = [r for r in sheet.iter_rows(min_row=9) if r[0].value]
        self.assertEqual(len(rows), 3)  # two lines and the total
        travel, staff, total = rows
        self.assertEqual(
            [c.value for c in travel[3:8]],
            ["Travel", datetime(2030, 1, 1), datetime(2030, 12, 31), 10_000, 1_000],
        )
        self.assertEqual(travel[4].number_format, "yyyy-mm-dd")
        self.assertEqual(travel[6].number_format, "#,##0.00")
        self.assertEqual(travel[10].number_format, "0.0%")
        self.assertEqual(staff[3].value, "Staff")
        self.assertEqual(total[0].value, "Total")
        self.assertEqual(total[6].value, "=SUM(G9:G10)")
        self.assertEqual(sheet.column_dimensions["A"].width, 28 + 0.7109375)
        categories = {
            r[0]: r[1]
            for r in book["By category"].iter_rows(min_row=2, values_only=True)
        }
        self.assertEqual(categories, {"Travel": 10_000, "Staff": 3_000})
        # every amount is a number: nothing committed is 0, not Excel's FALSE
        for row in book["By category"].iter_rows(min_row=2, values_only=True):
            for value in row[1:]:
                self.assertIsInstance(value, int | float, row)
        # two periods in one workbook: each its two sheets, numbered
        both = wizard | wizard.copy(
            {"date_from": "2029-01-01", "date_to": "2029-12-31"}
        )
        content, kind = self.env["ir.actions.report"]._render_xlsx(
            action["report_name"], both.ids, None
        )
        self.assertEqual(
            openpyxl.load_workbook(io.BytesIO(content)).sheetnames,
            ["1. Budget lines", "1. By category", "2. Budget lines", "2. By category"],
        )
        wizard.write({"date_to": "2029-01-01"})
        with self.assertRaises(UserError):
            wizard.action_generate()
        with self.assertRaises(UserError):
            self.env["ir.actions.report"]._render_xlsx(
                action["report_name"], wizard.ids, None
            )


@tagged("post_install", "-at_install")
class TestBudgetTracking(TransactionCase):
    def test_planned_and_committed_changes_are_tracked(self):
        finance = new_test_user(
            self.env, login="track_finance", groups="ilo_issa_partnership.group_finance"
        )
        project = self.env["project.project"].create(
            {
                "name": "P",
                "collaboration_area_id": self.env.ref(
                    "ilo_issa_partnership.area_policy"
                ).id,
            }
        )
        source = self.env["ilo.funding.source"].create(
            {"name": "RB", "code": "RB-TRACK", "amount": 10_000}
        )
        line = (
            self.env["ilo.budget.line"]
            .with_user(finance)
            .create(
                {
                    "project_id": project.id,
                    "funding_source_id": source.id,
                    "date_from": date(2030, 1, 1),
                    "date_to": date(2030, 12, 31),
                    "amount_planned": 1_000,
                }
            )
        )
        self.env.cr.flush()
        line.write({"amount_planned": 2_000, "amount_committed": 500})
        self.env.flush_all()
        self.env.cr.flush()
        values = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", line._name),
                ("mail_message_id.res_id", "=", line.id),
            ]
        )
        by_field = {v.field_id.name: v for v in values}
        self.assertEqual(by_field["amount_planned"].old_value_float, 1_000)
        self.assertEqual(by_field["amount_planned"].new_value_float, 2_000)
        self.assertEqual(by_field["amount_committed"].new_value_float, 500)
        self.assertEqual(values.mail_message_id.author_id, finance.partner_id)
