# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CampaignCommon


@tagged("post_install", "-at_install")
class TestGapAssessment(CampaignCommon):
    def _line(self, code, **vals):
        return dict(self.compliant_line(code, **vals), part_id=self.parts[code].id)

    def test_line_results(self):
        assessment = self._assessment(
            self.kenya,
            [
                self._line("V"),
                self._line("III", benefit_rate=40, waiting_days=5),
                self._line("IX", coverage_basis="residents"),
                self._line("X", pensionable_age=70),
            ],
        )
        lines = {line.part_id.code: line for line in assessment.line_ids}
        self.assertEqual(lines["V"].result, "compliant")
        self.assertFalse(lines["V"].gap_summary)
        self.assertEqual(lines["III"].result, "gap")
        self.assertIn(
            "Benefit rate: required 45%, national 40%", lines["III"].gap_summary
        )
        self.assertIn(
            "Waiting period: required at most 3 days, national 5 days",
            lines["III"].gap_summary,
        )
        self.assertEqual(lines["IX"].result, "gap")
        self.assertIn("Coverage basis", lines["IX"].gap_summary)
        self.assertEqual(lines["X"].result, "compliant")  # age only matters for Part V
        self.assertEqual(
            (assessment.compliant_count, assessment.gap_count, assessment.review_count),
            (2, 2, 0),
        )
        lines["V"].pensionable_age = 67
        self.assertEqual(lines["V"].result, "review")
        self.assertEqual(assessment.review_count, 1)

    def test_validation_moves_stage_and_readiness(self):
        self.kenya.stage = "awareness"
        assessment = self._assessment(
            self.kenya,
            [
                self._line("II"),
                self._line("V"),
                self._line("VII"),
                self._line("III", benefit_rate=10),
            ],
        )
        self.assertFalse(self.kenya.ratification_ready)
        self.assertEqual(
            self.kenya.readiness_reason, "No validated gap assessment yet."
        )
        with self.assertRaises(UserError):
            assessment.with_user(self.users["officer"]).action_validate()
        assessment.with_user(self.users["manager"]).action_validate()
        self.assertEqual(assessment.state, "validated")
        self.assertEqual(self.kenya.stage, "gap_assessment")
        self.assertEqual(self.kenya.latest_assessment_id, assessment)
        self.assertEqual(
            self.kenya.compliant_part_ids.mapped("code"), ["II", "V", "VII"]
        )
        self.assertTrue(self.kenya.ratification_ready)
        self.assertIn(
            self.kenya, self.Country.search([("ratification_ready", "=", True)])
        )
        # a later validated assessment replaces it
        later = self._assessment(
            self.kenya, [self._line("II"), self._line("VII")], date="2026-06-01"
        )
        later.action_validate()
        self.assertEqual(self.kenya.latest_assessment_id, later)
        self.assertFalse(self.kenya.ratification_ready)
        self.assertIn("at least three", self.kenya.readiness_reason)

    def test_validation_never_moves_stage_back(self):
        self.kenya.stage = "roadmap"
        self._assessment(self.kenya, [self._line("V")]).action_validate()
        self.assertEqual(self.kenya.stage, "roadmap")

    def test_validated_assessment_is_locked(self):
        assessment = self._assessment(self.kenya, [self._line("V")])
        with self.assertRaisesMsg(UserError, "no Part"):
            self._assessment(self.kenya, []).action_validate()
        assessment.action_validate()
        with self.assertRaisesMsg(UserError, "cannot be changed"):
            assessment.line_ids.coverage_rate = 10
        with self.assertRaises(UserError):
            assessment.date = "2020-01-01"
        with self.assertRaises(UserError):
            assessment.action_validate()
        assessment.action_draft()
        assessment.line_ids.coverage_rate = 10
        self.assertEqual(assessment.line_ids.result, "gap")

    def test_line_bad_input(self):
        with self.assertRaisesMsg(ValidationError, "between 0 and 100"):
            self._assessment(self.kenya, [self._line("V", coverage_rate=150)])
        with self.assertRaisesMsg(ValidationError, "negative"):
            self._assessment(self.kenya, [self._line("V", benefit_rate=-1)])

    def test_officers_are_told_a_manager_validates(self):
        assessment = self._assessment(self.kenya, [self._line("V")])
        for role in ("officer", "reader", "leadership"):
            with self.subTest(role=role):
                hint = assessment.with_user(self.users[role]).workflow_hint
                self.assertIn("a partnership manager validates", hint)
        self.assertFalse(assessment.with_user(self.users["manager"]).workflow_hint)
        assessment.action_validate()
        self.assertFalse(assessment.with_user(self.users["officer"]).workflow_hint)

    def test_lines_follow_the_assessment_lock(self):
        assessment = self._assessment(self.kenya, [self._line("V")])
        assessment.action_validate()
        officer = self.users["officer"]
        Line = self.env["c102.gap.assessment.line"].with_user(officer)
        with self.assertRaisesMsg(UserError, "cannot be changed"):
            Line.create(dict(self._line("VII"), assessment_id=assessment.id))
        with self.assertRaisesMsg(UserError, "cannot be changed"):
            assessment.line_ids.with_user(officer).unlink()
        with self.assertRaisesMsg(UserError, "Only partnership managers"):
            assessment.with_user(officer).action_draft()
        assessment.with_user(self.users["manager"]).action_draft()
        Line.create(dict(self._line("VII"), assessment_id=assessment.id))
        self.assertEqual(len(assessment.line_ids), 2)


@tagged("post_install", "-at_install")
class TestDialogue(CampaignCommon):
    def _dialogue(self, **vals):
        return self.env["c102.dialogue"].create(
            {"c102_country_id": self.kenya.id, "name": "Dialogue", **vals}
        )

    def test_tripartite_and_stages(self):
        bipartite = self._dialogue(
            government_count=5, employer_count=3, roadmap_agreed=True
        )
        self.assertFalse(bipartite.is_tripartite)
        self.assertEqual(self.kenya.stage, "not_started")
        tripartite = self._dialogue(
            government_count=5, employer_count=3, worker_count=4
        )
        self.assertTrue(tripartite.is_tripartite)
        self.assertEqual(self.kenya.stage, "national_dialogue")
        tripartite.roadmap_agreed = True
        self.assertEqual(self.kenya.stage, "roadmap")
        self.assertEqual(self.kenya.dialogue_count, 2)

    def test_negative_counts(self):
        with self.assertRaises(ValidationError):
            self._dialogue(worker_count=-1)


@tagged("post_install", "-at_install")
class TestDashboard(CampaignCommon):
    def test_kpis(self):
        self.env["ir.config_parameter"].sudo().set_param("c102_campaign.target", 70)
        Dashboard = self.env["c102.campaign.dashboard"]
        figures = Dashboard.get_dashboard_data()["figures"]
        ratified = self.Country.search_count([("ratified", "=", True)])
        self.assertEqual(figures["ratified_count"], ratified)
        self.assertEqual(figures["target"], 70)
        self.assertEqual(figures["remaining_count"], 70 - ratified)
        self.kenya.write(
            {
                "ratification_date": "2026-03-10",
                "accepted_part_ids": self.part_ids("II", "V", "VII"),
            }
        )
        data = Dashboard.get_dashboard_data()
        self.assertEqual(data["figures"]["ratified_count"], ratified + 1)
        stages = dict(
            zip(
                data["stages"]["labels"],
                data["stages"]["series"][0]["values"],
                strict=True,
            )
        )
        self.assertEqual(stages["Ratified"], ratified + 1)
        action = Dashboard.action_open()
        self.assertEqual(action["tag"], "c102_campaign_dashboard")
        report = self.env["c102.part.acceptance.report"].search(
            [("c102_country_id", "=", self.kenya.id)]
        )
        self.assertEqual(report.part_id.mapped("code"), ["II", "V", "VII"])


@tagged("post_install", "-at_install")
class TestCampaignIndicators(CampaignCommon):
    def test_assessed_countries_are_a_level(self):
        project = self.env["project.project"].create(
            {"name": "Campaign results", "collaboration_area_id": self.area_policy.id}
        )
        result = self.env["ilo.result"].create(
            {"name": "Countries ready", "project_id": project.id}
        )
        with Form(self.env["ilo.indicator"]) as form:
            form.name = "Countries with a validated gap assessment"
            form.result_id = result
            form.source = "c102_assessed"
        indicator = form.record
        self.assertEqual((indicator.measure, indicator.aggregation), ("unit", "latest"))
        self._assessment(
            self.kenya, [dict(self.compliant_line("V"), part_id=self.parts["V"].id)]
        ).action_validate()
        period = self.env["ilo.indicator.period"].create(
            {
                "indicator_id": indicator.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        period.action_refresh_actuals()
        self.assertGreaterEqual(period.actual_value, 1)
