# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CampaignCommon
from .test_rules import CONFIRMED_RATIFICATIONS


@tagged("post_install", "-at_install")
class TestCountry(CampaignCommon):
    def test_confirmed_ratifications_loaded(self):
        ratified = self.Country.search([("ratified", "=", True)])
        self.assertGreaterEqual(len(ratified), 26)
        by_name = {r.country_id.name: r for r in ratified}
        for country in CONFIRMED_RATIFICATIONS:
            record = by_name.get(country)
            self.assertTrue(record, country)
            with self.subTest(country=country):
                self.assertEqual(record.stage, "ratified")
                self.assertTrue(record.check_article_2()["ok"])
        albania = self.env.ref("c102_campaign.c102_country_al")
        self.assertEqual(albania.ratification_date, date(2006, 1, 18))
        self.assertEqual(albania.entry_into_force_date, date(2007, 1, 18))
        self.assertEqual(
            albania.accepted_part_ids.mapped("code"),
            ["II", "III", "IV", "V", "VI", "VIII", "IX", "X"],
        )
        chad = self.env.ref("c102_campaign.c102_country_td")
        self.assertEqual(
            sorted(chad.article3_exception_ids.mapped("article")),
            ["27(d)", "33(b)", "34(3)", "41(d)", "55(d)", "61(d)"],
        )
        self.assertEqual(
            chad.article3_exception_ids.filtered(
                lambda e: e.article == "34(3)"
            ).part_id.code,
            "VI",
        )
        bih = self.env.ref("c102_campaign.c102_country_ba")
        self.assertTrue(bih.is_succession)
        self.assertEqual(bih.entry_into_force_date, date(1992, 3, 6))
        honduras = self.env.ref("c102_campaign.c102_country_hn")
        self.assertEqual(honduras.ratification_date_precision, "year")

    def test_one_record_per_country(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.Country.create({"country_id": self.env.ref("base.ke").id})

    def test_ratification_sets_stage_and_entry_into_force(self):
        self.kenya.write(
            {
                "ratification_date": "2026-03-10",
                "accepted_part_ids": self.part_ids("II", "V", "VII"),
            }
        )
        self.assertEqual(self.kenya.stage, "ratified")
        self.assertTrue(self.kenya.ratified)
        self.assertEqual(self.kenya.ratification_year, 2026)
        self.assertEqual(self.kenya.entry_into_force_date, date(2027, 3, 10))
        self.assertEqual(self.kenya.date_ratified, date.today())
        self.kenya.is_succession = True
        self.assertEqual(self.kenya.entry_into_force_date, date(2026, 3, 10))

    def test_ratification_failing_article_2_refused(self):
        with self.assertRaisesMsg(
            ValidationError, "at least one of Parts IV, V, VI, IX or X"
        ):
            self.kenya.write(
                {
                    "ratification_date": "2026-03-10",
                    "accepted_part_ids": self.part_ids("II", "III", "VII"),
                }
            )
        with self.assertRaisesMsg(ValidationError, "at least three"):
            self.kenya.write(
                {
                    "ratification_date": "2026-03-10",
                    "accepted_part_ids": self.part_ids("V", "X"),
                }
            )
        self.assertFalse(self.kenya.ratified)
        # removing a Part from a valid ratification is refused too
        self.kenya.write(
            {
                "ratification_date": "2026-03-10",
                "accepted_part_ids": self.part_ids("II", "V", "VII"),
            }
        )
        with self.assertRaises(ValidationError):
            self.kenya.accepted_part_ids = [(3, self.parts["V"].id)]

    def test_ratified_stage_needs_a_date(self):
        with self.assertRaisesMsg(ValidationError, "needs the ratification date"):
            self.kenya.stage = "ratified"
        self.kenya.write(
            {
                "ratification_date": "2026-03-10",
                "accepted_part_ids": self.part_ids("II", "V", "VII"),
            }
        )
        with self.assertRaisesMsg(ValidationError, "must be 'Ratified'"):
            self.kenya.stage = "roadmap"

    def test_stage_dates(self):
        self.kenya.stage = "awareness"
        self.assertEqual(self.kenya.date_awareness, date.today())
        self.assertFalse(self.kenya.date_roadmap)
        self.kenya._advance_stage("roadmap")
        self.assertEqual(self.kenya.stage, "roadmap")
        self.assertEqual(self.kenya.date_roadmap, date.today())
        self.kenya._advance_stage("awareness")  # never backwards
        self.assertEqual(self.kenya.stage, "roadmap")

    def test_superseded_parts_must_be_accepted(self):
        self.kenya.write(
            {
                "ratification_date": "2026-03-10",
                "accepted_part_ids": self.part_ids("II", "V", "VII"),
            }
        )
        self.kenya.superseded_line_ids = [
            (0, 0, {"part_id": self.parts["V"].id, "superseded_by": "C128"})
        ]
        self.assertEqual(self.kenya.superseded_part_ids.mapped("code"), ["V"])
        with self.assertRaisesMsg(ValidationError, "not accepted: IX"):
            self.kenya.superseded_line_ids = [
                (0, 0, {"part_id": self.parts["IX"].id, "superseded_by": "C128"})
            ]
        with self.assertRaisesMsg(ValidationError, "not accepted: V"):
            self.kenya.accepted_part_ids = self.part_ids("II", "VI", "VII")

    def test_activities_in_the_country(self):
        kenya = self.env.ref("base.ke")
        self.project.country_ids = kenya
        mission = self.env["ilo.advisory.mission"].create(
            self._mission_vals(country_id=kenya.id)
        )
        training = self.env["ilo.training"].create(
            {"name": "T", "project_id": self.project.id, "country_id": kenya.id}
        )
        regional = self.env["ilo.training"].create(
            {"name": "R", "project_id": self.project.id}
        )
        deliverable = self.env["ilo.deliverable"].create(
            {"name": "D", "project_id": self.project.id}
        )
        self.assertEqual(
            (
                self.kenya.mission_count,
                self.kenya.training_count,
                self.kenya.deliverable_count,
            ),
            (1, 1, 1),
        )
        self.assertEqual(mission.c102_country_ids, self.kenya)
        self.assertEqual(training.c102_country_ids, self.kenya)
        self.assertEqual(regional.c102_country_ids, self.kenya)  # via its project
        self.assertEqual(deliverable.c102_country_ids, self.kenya)
        action = self.kenya.action_view_missions()
        self.assertEqual(
            self.env[action["res_model"]].search(action["domain"]), mission
        )
        # a country without campaign record shows none
        mission.country_id = self.env.ref("base.gh")
        self.assertFalse(mission.c102_country_ids)

    def test_analysis_by_campaign_stage(self):
        """The campaign extends the partnership analysis (its SQL view's _select
        and _from): each activity's row carries its country's campaign stage."""
        kenya, ghana = self.env.ref("base.ke"), self.env.ref("base.gh")
        in_kenya = self.env["ilo.advisory.mission"].create(
            self._mission_vals(country_id=kenya.id)
        )
        in_ghana = self.env["ilo.advisory.mission"].create(
            self._mission_vals(country_id=ghana.id)
        )
        self.env.flush_all()
        Analysis = self.env["ilo.partnership.analysis"]

        def stages(country):
            rows = Analysis.search(
                [("activity_type", "=", "mission"), ("country_id", "=", country.id)]
            )
            self.assertTrue(rows, country.name)
            return set(rows.mapped("c102_stage"))

        self.assertTrue(in_kenya and in_ghana)
        self.assertEqual(stages(kenya), {self.kenya.stage})
        self.assertEqual(stages(ghana), {False})  # not in the campaign
        groups = dict(
            Analysis._read_group(
                [("country_id", "=", kenya.id)], ["c102_stage"], ["__count"]
            )
        )
        self.assertEqual(set(groups), {self.kenya.stage})

    def test_activity_counts_constant_queries(self):
        self.project.country_ids = (self.kenya | self.senegal).country_id
        self.env["ilo.deliverable"].create({"name": "D", "project_id": self.project.id})
        records = self.kenya | self.senegal | self.Country.search([], limit=18)
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        records.read(["mission_count", "training_count", "deliverable_count"])
        many = self.cr.sql_log_count - before
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        (self.kenya | self.senegal).read(
            ["mission_count", "training_count", "deliverable_count"]
        )
        few = self.cr.sql_log_count - before
        self.assertEqual(many, few)

    def test_country_brief_report(self):
        chad = self.env.ref("c102_campaign.c102_country_td")
        report = self.env.ref("c102_campaign.action_report_country_brief")
        html = report._render_qweb_html(report.report_name, chad.ids)[0].decode()
        self.assertIn("C102 country brief", html)
        self.assertIn("V, VI, VII, IX, X", html)
        self.assertIn("27(d)", html)
        kenya = self.kenya
        self._assessment(
            kenya, [dict(self.compliant_line("V"), part_id=self.parts["V"].id)]
        ).action_validate()
        html = report._render_qweb_html(report.report_name, kenya.ids)[0]
        html = html.decode()
        self.assertIn("Latest gap assessment", html)
        self.assertIn("Old-Age Benefit", html)


@tagged("post_install", "-at_install")
class TestCountryDeletion(CampaignCommon):
    def test_ratified_and_assessed_countries_are_archived_not_deleted(self):
        ratified = self.Country.search([("ratification_date", "!=", False)], limit=1)
        with self.assertRaisesMsg(UserError, "has ratified the Convention"):
            ratified.unlink()
        assessment = self._assessment(
            self.kenya, [dict(self.compliant_line("V"), part_id=self.parts["V"].id)]
        )
        assessment.action_validate()
        with self.assertRaisesMsg(UserError, "is validated"):
            assessment.unlink()
        with self.assertRaisesMsg(UserError, "validated gap assessment"):
            self.kenya.unlink()
        self.kenya.action_archive()
        self.assertFalse(self.Country.search([("id", "=", self.kenya.id)]))
        ghana = self.Country.create({"country_id": self.env.ref("base.gh").id})
        ghana.unlink()
        self.assertFalse(ghana.exists())
