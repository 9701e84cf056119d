# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from lxml import etree

from odoo.exceptions import UserError, ValidationError
from odoo.tests import BaseCase, tagged

from ..iati_export import validate_xml
from ..rules import PeriodValue, check_value, progress, value_to_date
from .common import PartnershipCommon
from .test_iati import SHARED

D = date.fromisoformat


class TestResultRules(BaseCase):
    """rules/results.py, case by case."""

    def test_value_to_date(self):
        periods = [PeriodValue(D("2025-12-31"), 10), PeriodValue(D("2026-12-31"), 4)]
        cases = [
            ("unit", "sum", periods, 14),
            ("unit", "latest", periods, 4),
            ("unit", "latest", list(reversed(periods)), 4),
            ("percentage", "latest", periods, 4),
            ("percentage", "sum", periods, 14),
            ("unit", "sum", [], None),
            ("qualitative", "sum", periods, None),
            ("qualitative", "latest", periods, None),
        ]
        for measure, aggregation, values, expected in cases:
            with self.subTest(measure=measure, aggregation=aggregation):
                self.assertEqual(value_to_date(measure, aggregation, values), expected)
        for measure, aggregation in (("count", "sum"), ("unit", "average")):
            with self.assertRaises(ValueError):
                value_to_date(measure, aggregation, periods)

    def test_progress(self):
        cases = [
            # measure, baseline, target, value, clip, expected
            ("unit", 0, 100, 40, True, 40.0),
            ("unit", 20, 120, 70, True, 50.0),
            ("unit", 0, 100, 150, True, 100.0),
            ("unit", 0, 100, 150, False, 150.0),
            ("unit", 50, 100, 20, True, 0.0),
            ("unit", 50, 100, 20, False, -60.0),
            ("unit", 30, 10, 20, True, 50.0),  # decreasing indicator
            ("unit", 30, 10, 5, True, 100.0),
            ("percentage", 30, 50, 40, True, 50.0),
            ("unit", None, 10, 5, True, 50.0),  # no baseline: from zero
            ("unit", 10, 10, 12, True, None),  # nothing to cover
            ("unit", 0, None, 5, True, None),
            ("unit", 0, 10, None, True, None),
            ("qualitative", 0, 10, 5, True, None),
            ("unit", 0, 3, 1, True, 33.3),
        ]
        for measure, baseline, target, value, clip, expected in cases:
            with self.subTest(case=(measure, baseline, target, value, clip)):
                self.assertEqual(
                    progress(measure, baseline, target, value, clip=clip), expected
                )

    def test_check_value(self):
        cases = [
            ("percentage", 0, None),
            ("percentage", 100, None),
            ("percentage", 100.1, "percentage"),
            ("percentage", -0.1, "percentage"),
            ("unit", 0, None),
            ("unit", 1e9, None),
            ("unit", -1, "negative"),
            ("qualitative", -5, None),
            ("unit", None, None),
        ]
        for measure, value, expected in cases:
            with self.subTest(measure=measure, value=value):
                self.assertEqual(check_value(measure, value), expected)


@tagged("post_install", "-at_install")
class TestResults(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Result = cls.env["ilo.result"]
        cls.outcome = Result.create(
            {
                "name": "Institutions apply the actuarial guidelines",
                "code": "1",
                "result_type": "outcome",
                "project_id": cls.project_training.id,
            }
        )
        cls.output = Result.create(
            {
                "name": "Actuaries trained",
                "code": "1.1",
                "result_type": "output",
                "parent_id": cls.outcome.id,
                "project_id": cls.project_training.id,
            }
        )
        cls.trained = cls.env["ilo.indicator"].create(
            {
                "name": "People trained",
                "result_id": cls.output.id,
                "source": "people_trained",
                "measure": "unit",
                "disaggregate_sex": True,
                "disaggregate_group": True,
                "target_value": 100,
            }
        )
        cls.manual = cls.env["ilo.indicator"].create(
            {
                "name": "Institutions with an action plan",
                "result_id": cls.outcome.id,
                "measure": "unit",
                "aggregation": "latest",
                "baseline_value": 2,
                "baseline_year": 2029,
                "target_value": 12,
            }
        )
        cls.training = cls.env["ilo.training"].create(
            {
                "name": "Actuarial valuation course",
                "project_id": cls.project_training.id,
                "date_start": "2030-03-02",
                "date_end": "2030-03-06",
            }
        )
        people = [
            ("female", "government", True),
            ("female", "social_security_institution", True),
            ("male", "worker", True),
            ("undisclosed", "employer", True),
            ("female", "government", False),  # did not attend
        ]
        cls.env["ilo.training.participant"].create(
            [
                {
                    "training_id": cls.training.id,
                    "name": f"Participant {i}",
                    "gender": gender,
                    "constituent_group": group,
                    "attended": attended,
                }
                for i, (gender, group, attended) in enumerate(people)
            ]
        )
        cls.training.state = "done"

    def _period(self, indicator, start="2030-01-01", end="2030-12-31", **vals):
        return self.env["ilo.indicator.period"].create(
            {"indicator_id": indicator.id, "date_start": start, "date_end": end, **vals}
        )

    def _commit_tracking(self):
        """Tracking values are written when the transaction commits."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    # ------------------------------------------------------------ hierarchy
    def test_hierarchy(self):
        self.assertEqual(self.output.parent_id, self.outcome)
        self.assertEqual(self.outcome.child_ids, self.output)
        self.assertEqual(self.output.display_name, "1.1 Actuaries trained")
        self.assertEqual(self.outcome.indicator_count, 1)
        self.assertIn(self.outcome, self.project_training.ilo_result_ids)
        self.assertEqual(
            self.project_training.ilo_indicator_ids, self.trained | self.manual
        )
        with self.assertRaisesMsg(ValidationError, "can only contribute to an outcome"):
            self.env["ilo.result"].create(
                {
                    "name": "Sub-output",
                    "result_type": "output",
                    "parent_id": self.output.id,
                    "project_id": self.project_training.id,
                }
            )
        with self.assertRaisesMsg(ValidationError, "a result of another project"):
            self.env["ilo.result"].create(
                {
                    "name": "Elsewhere",
                    "result_type": "output",
                    "parent_id": self.outcome.id,
                    "project_id": self.project.id,
                }
            )
        # Odoo's parent store refuses the loop before the constraint does
        with self.assertRaisesMsg(UserError, "Recursion|cannot contribute to itself"):
            self.outcome.parent_id = self.outcome
        with self.assertRaisesMsg(ValidationError, "no collaboration area"):
            self.env["ilo.result"].create(
                {"name": "Plain", "project_id": self.plain_project.id}
            )

    # ------------------------------------------------------------ checks
    def test_indicator_checks(self):
        Indicator = self.env["ilo.indicator"]
        base = {"name": "Share", "result_id": self.outcome.id, "measure": "percentage"}
        with self.assertRaisesMsg(ValidationError, "between 0 and 100"):
            Indicator.create({**base, "target_value": 120})
        with self.assertRaisesMsg(ValidationError, "cannot be negative"):
            Indicator.create({**base, "measure": "unit", "baseline_value": -3})
        with self.assertRaisesMsg(ValidationError, "baseline year 12"):
            Indicator.create({**base, "baseline_year": 12})
        with self.assertRaisesMsg(ValidationError, "set its measure to Percentage"):
            Indicator.create({**base, "measure": "unit", "source": "women_share"})
        Indicator.create({**base, "target_value": 50, "source": "women_share"})

    def test_period_checks(self):
        self._period(self.manual, "2030-01-01", "2030-06-30")
        with self.assertRaisesMsg(ValidationError, "ends before it starts"):
            self._period(self.manual, "2031-02-01", "2031-01-01")
        with self.assertRaisesMsg(ValidationError, "at most one year"):
            self._period(self.manual, "2031-01-01", "2032-01-01")
        self._period(self.manual, "2031-01-01", "2031-12-31")  # exactly a year
        with self.assertRaisesMsg(ValidationError, "overlaps another period"):
            self._period(self.manual, "2030-06-30", "2030-09-30")
        with self.assertRaisesMsg(ValidationError, "cannot be negative"):
            self._period(self.manual, "2029-01-01", "2029-03-31", actual_value=-1)
        with self.assertRaisesMsg(ValidationError, "Women cannot be negative"):
            self._period(self.manual, "2029-01-01", "2029-03-31", actual_female=-1)

    # ------------------------------------------------------------ actuals
    def test_actuals_counted_from_trainings(self):
        period = self._period(self.trained, target_value=40)
        period.with_user(self.users["officer"]).action_submit()
        self.assertEqual(period.state, "submitted")
        self.assertRecordValues(
            period,
            [
                {
                    "actual_value": 4,
                    "actual_female": 2,
                    "actual_male": 1,
                    "actual_government": 1,
                    "actual_employer": 1,
                    "actual_worker": 1,
                    "actual_ssi": 1,
                }
            ],
        )
        # outside the period: not counted
        other = self._period(self.trained, "2031-01-01", "2031-12-31")
        other.action_refresh_actuals()
        self.assertEqual(other.actual_value, 0)

    def test_women_share_and_publications(self):
        share = self.env["ilo.indicator"].create(
            {
                "name": "Women trained",
                "result_id": self.output.id,
                "measure": "percentage",
                "source": "women_share",
                "aggregation": "latest",
            }
        )
        period = self._period(share)
        period.action_refresh_actuals()
        self.assertEqual(period.actual_value, 66.7)  # 2 of 3 disclosed
        published = self.env["ilo.indicator"].create(
            {
                "name": "Guidelines published",
                "result_id": self.output.id,
                "source": "guidelines_published",
            }
        )
        Deliverable = self.env["ilo.deliverable"]
        for name, kind in (("Guideline", "guideline"), ("Report", "report")):
            deliverable = Deliverable.create(
                {
                    "name": name,
                    "project_id": self.project_training.id,
                    "deliverable_type": kind,
                    "state": "accepted",
                }
            )
            deliverable.action_publish()
            self.assertEqual(deliverable.date_published, date.today())
        today = date.today()
        period = self._period(published, today - timedelta(days=10), today)
        period.action_refresh_actuals()
        self.assertEqual(period.actual_value, 1)

    def test_each_source_is_counted_by_its_own_method(self):
        period = self._period(self.trained)
        self.assertEqual(
            period._count_source("people_trained"), period._count_people_trained()
        )
        with self.assertRaisesMsg(UserError, "no way to count the actuals of source x"):
            period._count_source("x")

    # ------------------------------------------------------------ workflow
    def test_approval_workflow_and_frozen_figures(self):
        officer, manager = self.users["officer"], self.users["manager"]
        period = self._period(self.manual, target_value=4, actual_value=5)
        self._commit_tracking()  # a new request: creation is not tracked
        period = period.with_user(officer).with_context(
            tracking_disable=False, mail_notrack=False
        )
        period.action_submit()
        self._commit_tracking()
        with self.assertRaisesMsg(UserError, "already Submitted"):
            period.action_submit()
        with self.assertRaisesMsg(UserError, "Only partnership managers"):
            period.action_approve()
        period.with_user(manager).action_approve()
        self._commit_tracking()
        self.assertEqual(period.state, "approved")
        self.assertEqual(period.approved_by_id, manager)
        self.assertEqual(self.manual.actual_to_date, 5)
        self.assertEqual(self.manual.progress, 30.0)  # 2 -> 5 of 2 -> 12
        for user in (officer, manager):
            with self.assertRaisesMsg(UserError, "figures are frozen"):
                period.with_user(user).actual_value = 6
        period.with_user(officer).actual_comment  # noqa: B018 - still readable
        with self.assertRaisesMsg(UserError, "Only partnership managers"):
            period.with_user(officer).action_reset_draft()
        period.with_user(manager).action_reset_draft()
        period.with_user(officer).actual_value = 6
        self.assertEqual(self.manual.actual_to_date, 0)  # nothing approved
        self._commit_tracking()
        messages = period.sudo().message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name == "state"
        )
        self.assertEqual(
            sorted(messages.mapped("new_value_char")),
            ["Approved", "Draft", "Submitted"],
        )

    def test_submitted_and_counted_figures_are_not_typed_over(self):
        officer = self.users["officer"]
        counted = self._period(self.trained)
        with self.assertRaisesMsg(UserError, "use Recount"):
            counted.with_user(officer).actual_value = 400
        counted.with_user(officer).target_value = 40  # the target is the officer's
        counted.with_user(officer).action_submit()
        self.assertEqual(counted.actual_value, 4)
        with self.assertRaisesMsg(UserError, "wait for the manager"):
            counted.with_user(officer).target_value = 50
        manual = self._period(self.manual, actual_value=3)
        manual.with_user(officer).actual_value = 5  # entered by officers
        self.assertEqual(manual.actual_value, 5)

    def test_sum_and_latest(self):
        first = self._period(self.manual, "2030-01-01", "2030-12-31", actual_value=5)
        second = self._period(self.manual, "2031-01-01", "2031-12-31", actual_value=8)
        (first | second).action_submit()
        (first | second).action_approve()
        self.assertEqual(self.manual.actual_to_date, 8)  # latest
        self.manual.aggregation = "sum"
        self.assertEqual(self.manual.actual_to_date, 13)
        self.assertEqual(self.manual.last_period_end, D("2031-12-31"))

    def test_deletion_of_approved_results(self):
        period = self._period(self.manual, actual_value=5)
        period.action_submit()
        period.action_approve()
        for records in (period, self.manual, self.outcome):
            with self.assertRaisesMsg(UserError, "approved and cannot be deleted"):
                records.unlink()
        # nor through the project (results cascade in the database)
        project = self.env["project.project"].create(
            {"name": "Results only", "collaboration_area_id": self.area_policy.id}
        )
        result = self.env["ilo.result"].create({"name": "O", "project_id": project.id})
        indicator = self.env["ilo.indicator"].create(
            {"name": "I", "result_id": result.id}
        )
        self._period(indicator, state="approved")
        with self.assertRaisesMsg(UserError, "approved results"):
            project.unlink()
        self.manual.action_archive()
        self.assertFalse(self.manual.active)
        draft = self._period(self.trained)
        draft.unlink()
        self.assertFalse(draft.exists())

    # ------------------------------------------------------------ outputs
    def test_iati_results(self):
        period = self._period(self.trained, target_value=40)
        period.action_submit()
        period.action_approve()
        self.project_training.write({"date_start": "2030-01-01", "date": "2031-12-31"})
        self.project_training.iati_region_code = "998"  # a global activity
        self.env["res.lang"]._activate_lang("fr_FR")
        self.outcome.with_context(
            lang="fr_FR"
        ).name = "Les institutions appliquent les lignes directrices actuarielles"
        result = self.project_training.iati_export_xml()
        self.assertEqual(result["errors"], [])
        xsd = SHARED / "2.03" / "iati-activities-schema.xsd"
        self.assertEqual(validate_xml(result["xml"].encode(), str(xsd)), [])
        activity = etree.fromstring(result["xml"].encode()).find("iati-activity")
        results = activity.findall("result")
        self.assertEqual([r.get("type") for r in results], ["2", "1"])
        lang = "{http://www.w3.org/XML/1998/namespace}lang"
        french = results[0].find(f"title/narrative[@{lang}='fr']")
        self.assertEqual(french.text[:15], "Les institution")
        indicator = results[1].find("indicator")
        self.assertEqual(indicator.get("measure"), "1")
        actuals = indicator.findall("period/actual")
        self.assertEqual(actuals[0].get("value"), "4")
        dimensions = {
            (a.find("dimension").get("value")): a.get("value") for a in actuals[1:]
        }
        self.assertEqual(dimensions["female"], "2")
        self.assertEqual(dimensions["government"], "1")
        # the outcome's indicator has no approved period: no <period>
        self.assertIsNone(results[0].find("indicator/period"))
        # the last element of the activity (schema order)
        self.assertEqual(activity[-1].tag, "result")

    def test_reports_show_results(self):
        period = self._period(self.manual, actual_value=5)
        period.action_submit()
        period.action_approve()
        report = self.env.ref("ilo_issa_partnership.action_report_project_sheet")
        html = report._render_qweb_html(report.report_name, self.project_training.ids)[
            0
        ].decode()
        self.assertIn("Institutions with an action plan", html)
        self.assertIn("30 %", html)
        wizard = self.env["ilo.partnership.report.wizard"].create(
            {"date_from": "2030-01-01", "date_to": "2030-12-31"}
        )
        report = self.env.ref("ilo_issa_partnership.action_report_partnership")
        html = report._render_qweb_html(report.report_name, wizard.ids)[0].decode()
        self.assertIn("Results", html)
        self.assertIn("People trained", html)
