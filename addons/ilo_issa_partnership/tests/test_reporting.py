# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from odoo.exceptions import AccessError
from odoo.tests import BaseCase, HttpCase, tagged

from ..rules import StatusInput, project_status
from .common import PartnershipCommon

# queries to read a page of the mission list, whatever its size
LIST_PAGE_QUERIES = 12


@tagged("post_install", "-at_install")
class TestStatusRules(BaseCase):
    def test_rules(self):
        cases = [
            (StatusInput(), "on_track"),
            (StatusInput(late_deliverables=1), "at_risk"),
            (StatusInput(late_deliverables=2), "off_track"),
            (StatusInput(overdue_reports=1), "at_risk"),
            (StatusInput(overdue_reports=3), "off_track"),
            # spending vs elapsed time: 10 / 25 points are the thresholds
            (StatusInput(planned=100, actual=60, elapsed_share=50), "on_track"),  # +10
            (StatusInput(planned=100, actual=61, elapsed_share=50), "at_risk"),  # +11
            (StatusInput(planned=100, actual=75, elapsed_share=50), "at_risk"),  # +25
            (StatusInput(planned=100, actual=76, elapsed_share=50), "off_track"),  # +26
            (
                StatusInput(planned=100, actual=10, elapsed_share=90),
                "on_track",
            ),  # behind
            (
                StatusInput(planned=0, actual=500, elapsed_share=10),
                "on_track",
            ),  # no plan
            (
                StatusInput(planned=100, actual=99, elapsed_share=None),
                "on_track",
            ),  # no dates
            # the worst signal wins
            (StatusInput(late_deliverables=1, overdue_reports=2), "off_track"),
        ]
        for data, expected in cases:
            with self.subTest(data=data):
                status, reasons = project_status(data)
                self.assertEqual(status, expected)
                self.assertEqual(bool(reasons), expected != "on_track")


@tagged("post_install", "-at_install")
class TestReporting(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = date.today()
        cls.project.write(
            {
                "date_start": today - timedelta(days=50),
                "date": today + timedelta(days=50),
            }
        )
        cls.mission = cls.env["ilo.advisory.mission"].create(cls._mission_vals())
        cls.training = cls.env["ilo.training"].create(
            {
                "name": "Report training",
                "project_id": cls.project.id,
                "country_id": cls.country.id,
                "date_start": today,
                "participant_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "A",
                            "gender": "female",
                            "constituent_group": "government",
                        },
                    ),
                    (
                        0,
                        0,
                        {"name": "B", "gender": "male", "constituent_group": "worker"},
                    ),
                ],
            }
        )
        chf = cls.env.ref("base.CHF")
        chf.active = True
        cls.env["res.currency.rate"].create(
            {"currency_id": chf.id, "name": "2030-01-01", "rate": 0.5}
        )
        cls.chf_source = cls._funding_source("CHF-R", currency=chf, amount=100_000)
        cls._fund(cls.mission, amount=1_000)  # company currency
        cls._fund(
            cls.training, amount=2_000, funding_source_id=cls.chf_source.id
        )  # 4,000

    def test_analysis_rows_match_sources(self):
        Analysis = self.env["ilo.partnership.analysis"]
        rows = Analysis.search([("project_id", "=", self.project.id)])
        self.assertEqual(sorted(rows.mapped("activity_type")), ["mission", "training"])
        training_row = rows.filtered(lambda r: r.activity_type == "training")
        self.assertEqual(training_row.participant_count, 2)
        self.assertEqual(training_row.female_count, 1)
        self.assertEqual(training_row.country_id, self.country)
        self.assertEqual(training_row.collaboration_area_id, self.area_advisory)
        # totals equal the sums of budget lines, across currencies (company currency)
        [[total]] = Analysis._read_group(
            [("project_id", "=", self.project.id)], [], ["budget_planned:sum"]
        )
        lines = self.env["ilo.budget.line"].search(
            [("project_id", "=", self.project.id)]
        )
        self.assertAlmostEqual(total, sum(lines.mapped("amount_planned_company")))
        self.assertAlmostEqual(total, 5_000)

    def test_analysis_lateness(self):
        """Open missions past their end and deliverables past their deadline are late
        in the analysis, in the user's day, as on the activities themselves."""
        today = date.today()
        self.mission.write(
            {
                "state": "approved",
                "date_start": today - timedelta(days=5),
                "date_end": today - timedelta(days=1),
            }
        )
        Deliverable = self.env["ilo.deliverable"]
        late = Deliverable.create(
            {
                "name": "Late analysis deliverable",
                "project_id": self.project.id,
                "date_deadline": today - timedelta(days=1),
            }
        )
        Deliverable.create(
            {
                "name": "Published analysis deliverable",
                "project_id": self.project.id,
                "date_deadline": today - timedelta(days=1),
                "state": "published",
            }
        )
        self.env.flush_all()  # the analysis is a view on the tables
        Analysis = self.env["ilo.partnership.analysis"]
        rows = Analysis.search([("project_id", "=", self.project.id)])
        self.assertEqual(
            sorted(rows.filtered("is_late").mapped("name")),
            sorted([self.mission.name, late.name]),
        )
        late_rows = Analysis.search(
            [("project_id", "=", self.project.id), ("is_late", "=", True)]
        )
        self.assertEqual(late_rows, rows.filtered("is_late"))
        self.assertEqual(
            Analysis.search(
                [("project_id", "=", self.project.id), ("is_late", "!=", True)]
            ),
            rows - late_rows,
        )
        self.assertTrue(late.is_late)

    def test_analysis_groups_in_sql_order(self):
        """The analysis' read_group (its pivot) orders area, project and country groups
        by their models' order after grouping: the same groups in the same order as
        Odoo's SQL (with a limit)."""
        self.area_training.sequence = 0  # before the advisory area
        self.env["ilo.deliverable"].create(
            {"name": "Report deliverable", "project_id": self.project_training.id}
        )
        Report = self.env["ilo.partnership.analysis"].with_user(
            self.users["leadership"]
        )
        fields = ["budget_planned", "activity_count"]
        for groupby in (
            ["collaboration_area_id", "date:year"],
            ["country_id", "project_id"],
            ["activity_type", "collaboration_area_id"],
        ):
            with self.subTest(groupby=groupby):
                groups = Report.read_group([], fields, groupby, lazy=False)
                in_sql = Report.read_group([], fields, groupby, lazy=False, limit=10**6)
                self.assertEqual(groups, in_sql)
        areas = [
            group["collaboration_area_id"]
            for group in Report.read_group(
                [("project_id", "in", (self.project | self.project_training).ids)],
                fields,
                ["collaboration_area_id"],
                lazy=False,
            )
        ]
        self.assertEqual(
            [area[0] for area in areas],
            [self.area_training.id, self.area_advisory.id],
        )

    def test_financial_fields_restricted(self):
        Analysis = self.env["ilo.partnership.analysis"]
        officer_rows = Analysis.with_user(self.users["officer"]).search(
            [("project_id", "=", self.project.id)]
        )
        self.assertEqual(len(officer_rows), 2)
        with self.assertRaises(AccessError):
            officer_rows.read(["budget_planned"])
        for role in ("finance", "leadership", "manager"):
            rows = Analysis.with_user(self.users[role]).search(
                [("project_id", "=", self.project.id)]
            )
            self.assertTrue(rows.read(["budget_planned"]))
        Dashboard = self.env["ilo.partnership.dashboard"]
        data = Dashboard.with_user(self.users["officer"]).get_dashboard_data()
        self.assertIs(data["spend"], False)
        data = Dashboard.with_user(self.users["leadership"]).get_dashboard_data()
        self.assertIn("CHF-R", " ".join(line["source"] for line in data["spend"]))

    def test_dashboard_figures(self):
        Dashboard = self.env["ilo.partnership.dashboard"]
        data = Dashboard.get_dashboard_data()
        self.assertGreaterEqual(data["figures"]["activity_count"], 2)
        self.assertIn(
            self.area_advisory.name, [s["label"] for s in data["delivery"]["series"]]
        )
        self.assertIn("Government", data["participants"]["labels"])
        action = Dashboard.action_open()
        self.assertEqual(action["tag"], "ilo_partnership_dashboard")
        # the dashboard's "people trained" is the report's: attended participants
        # of trainings held, not of trainings still planned
        self.assertEqual(self.training.state, "planned")
        planned = Dashboard.get_dashboard_data()["figures"]["participant_count"]
        self.training.action_start()
        self.training.action_done()
        held = Dashboard.get_dashboard_data()["figures"]["participant_count"]
        self.assertEqual(held, planned + 2)

    def test_project_status_rollup(self):
        self.assertEqual(self.project.ilo_status, "on_track")
        self.env["ilo.deliverable"].create(
            {
                "name": "Late",
                "project_id": self.project.id,
                "date_deadline": date.today() - timedelta(days=3),
            }
        )
        self.project.invalidate_recordset(["ilo_status"])
        self.assertEqual(self.project.ilo_status, "at_risk")
        self.assertIn("1 late deliverable", self.project.ilo_status_reasons)
        # a mission ended three weeks ago, approved but never closed with its report
        overdue = self.env["ilo.advisory.mission"].create(
            self._mission_vals(
                name="Old",
                date_start=date.today() - timedelta(days=30),
                date_end=date.today() - timedelta(days=21),
            )
        )
        overdue.state = "ongoing"
        self.project.invalidate_recordset(["ilo_status"])
        self.assertEqual(self.project.ilo_status, "at_risk")
        self.env["ilo.deliverable"].create(
            {
                "name": "Late 2",
                "project_id": self.project.id,
                "date_deadline": date.today() - timedelta(days=1),
            }
        )
        self.project.invalidate_recordset(["ilo_status"])
        self.assertEqual(self.project.ilo_status, "off_track")
        # Odoo's project update starts from it
        update = self.env["project.update"].with_context(
            default_project_id=self.project.id
        )
        self.assertEqual(
            update.default_get(["status", "project_id"])["status"], "off_track"
        )
        self.assertFalse(self.plain_project.ilo_status)

    def test_partnership_pdf_report(self):
        wizard = self.env["ilo.partnership.report.wizard"].create(
            {
                "date_from": date.today() - timedelta(days=365),
                "date_to": date.today() + timedelta(days=365),
            }
        )
        self.mission.write(
            {
                "state": "done",
                "back_to_office_report": "<p>Done</p>",
                "date_start": date.today() - timedelta(days=5),
                "date_end": date.today() - timedelta(days=2),
            }
        )
        long_late = self.env["ilo.deliverable"].create(
            {
                "name": "Late long before the period",
                "project_id": self.project.id,
                "date_deadline": date.today() - timedelta(days=800),
            }
        )
        self.assertTrue(long_late.is_late)
        action = wizard.action_print()
        # the report, or first Odoo's document layout setup on a fresh company
        self.assertIn(action["type"], ("ir.actions.report", "ir.actions.act_window"))
        report = self.env.ref("ilo_issa_partnership.action_report_partnership")
        html = report._render_qweb_html(report.report_name, wizard.ids)[0].decode()
        self.assertIn("ILO–ISSA partnership report", html)
        self.assertIn(self.mission.name, html)
        self.assertIn("Report training", html)
        self.assertIn("Budget by funding source", html)  # admin sees money
        self.assertNotIn("Late long before the period", html)
        html_officer = (
            report.with_user(self.users["officer"])
            ._render_qweb_html(
                report.report_name, wizard.with_user(self.users["officer"]).ids
            )[0]
            .decode()
        )
        self.assertNotIn("Budget by funding source", html_officer)

    def test_project_sheet(self):
        report = self.env.ref("ilo_issa_partnership.action_report_project_sheet")
        html = report._render_qweb_html(report.report_name, self.project.ids)[
            0
        ].decode()
        self.assertIn(self.project.name, html)
        self.assertIn("Report training", html)
        self.assertIn("Budget", html)

    def test_mission_list_query_count(self):
        """Reading a list page costs the same queries for 10 and for 100 missions."""
        Mission = self.env["ilo.advisory.mission"]
        Mission.create(
            [
                self._mission_vals(name=f"M{i}", date_start=False, date_end=False)
                for i in range(100)
            ]
        )
        fields = [
            "name",
            "project_id",
            "collaboration_area_id",
            "country_id",
            "date_start",
            "date_end",
            "member_ids",
            "state",
            "budget_planned",
        ]

        def page(limit):
            self.env.invalidate_all()
            return Mission.web_search_read([], {f: {} for f in fields}, limit=limit)

        page(10)  # warm the caches (metadata, access rules)
        with self.assertQueryCount(LIST_PAGE_QUERIES):
            self.assertEqual(len(page(10)["records"]), 10)
        with self.assertQueryCount(LIST_PAGE_QUERIES):
            self.assertEqual(len(page(100)["records"]), 100)


@tagged("post_install", "-at_install")
class TestReportPdf(HttpCase):
    """wkhtmltopdf fetches the report's assets from the server (HttpCase)."""

    def test_pdf_produced(self):
        report = self.env.ref("ilo_issa_partnership.action_report_partnership")
        wizard = self.env["ilo.partnership.report.wizard"].create(
            {"date_from": "2020-01-01", "date_to": "2030-12-31"}
        )
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, wizard.ids
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
