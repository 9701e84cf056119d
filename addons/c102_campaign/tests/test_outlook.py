# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The outlook through the models: the stage history it learns from, the figures
shown on the dashboard, the country form, the reports and over RPC."""

import base64
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.modules.migration import load_script
from odoo.tests import new_test_user, tagged
from odoo.tools.misc import file_path

from .common import CampaignCommon


@tagged("post_install", "-at_install")
class TestStageHistory(CampaignCommon):
    def test_every_stage_change_is_recorded(self):
        today = fields.Date.context_today(self.Country)
        ghana = self.Country.create(
            {"country_id": self.env.ref("base.gh").id, "stage": "awareness"}
        )
        self.assertEqual(
            [(h.stage, h.previous_stage, h.date) for h in ghana.stage_history_ids],
            [("awareness", False, today)],
        )
        ghana.stage = "gap_assessment"
        ghana.stage = "awareness"  # back
        ghana.write(
            {
                "ratification_date": today - timedelta(days=10),
                "accepted_part_ids": [(6, 0, self.part_ids("II", "V", "VII"))],
            }
        )
        history = ghana.stage_history_ids.sorted(lambda h: (h.date, h.id))
        self.assertEqual(
            [(h.stage, h.previous_stage) for h in history],
            [
                ("ratified", "awareness"),  # on its ratification date
                ("awareness", False),
                ("gap_assessment", "awareness"),
                ("awareness", "gap_assessment"),
            ],
        )
        self.assertEqual(history[0].date, today - timedelta(days=10))

    def test_stages_reached_before_the_record(self):
        burkina = self.Country.create(
            {
                "country_id": self.env.ref("base.bf").id,
                "stage": "roadmap",
                "date_awareness": "2021-03-01",
                "date_gap_assessment": "2022-06-01",
            }
        )
        self.assertEqual(
            [
                (h.stage, h.previous_stage, str(h.date))
                for h in burkina.stage_history_ids.sorted("date")
            ],
            [
                ("awareness", False, "2021-03-01"),
                ("gap_assessment", "awareness", "2022-06-01"),
                ("roadmap", "gap_assessment", str(burkina.date_roadmap)),
            ],
        )

    def test_migration_writes_the_history_the_stage_dates_tell(self):
        self.kenya.write({"stage": "gap_assessment", "date_awareness": "2022-02-01"})
        self.kenya.stage_history_ids.filtered(
            lambda h: h.stage == "gap_assessment"
        ).unlink()
        kept = self.kenya.stage_history_ids
        path = "c102_campaign/migrations/18.0.1.3.0/post-migration.py"
        script = load_script(file_path(path), "c102_campaign_migration_1_3")
        script.migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()
        history = self.kenya.stage_history_ids
        self.assertIn(kept, history)
        self.assertEqual(
            sorted((h.stage, str(h.date)) for h in history - kept),
            [
                ("awareness", "2022-02-01"),
                ("gap_assessment", str(self.kenya.date_gap_assessment)),
            ],
        )
        # run again: nothing more
        script.migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()
        self.assertEqual(self.kenya.stage_history_ids, history)

    def test_source_ratifications_start_with_their_ratification(self):
        albania = self.Country.search([("country_id.code", "=", "AL")])
        self.assertEqual(
            [(h.stage, str(h.date)) for h in albania.stage_history_ids],
            [("ratified", "2006-01-18")],
        )


@tagged("post_install", "-at_install")
class TestOutlook(CampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # two years ahead, whatever the day the tests run
        year = fields.Date.context_today(cls.Country).year + 2
        cls.env["ir.config_parameter"].set_param("c102_campaign.target_year", year)

    def test_only_the_partnership_reads_it(self):
        portal = new_test_user(
            self.env, login="c102_outlook_portal", groups="base.group_portal"
        )
        with self.assertRaises(AccessError):
            self.Country.with_user(portal).get_outlook()
        outlook = self.Country.with_user(self.users["reader"]).get_outlook()
        self.assertEqual(outlook, self.Country.get_outlook())

    def test_campaign_figures(self):
        outlook = self.Country.get_outlook(limit=100)
        kpis = self.env["c102.country"]._campaign_kpis()
        self.assertEqual(outlook["ratified"], kpis["ratified_count"])
        self.assertEqual(outlook["target"], kpis["target"])
        self.assertEqual(outlook["target_date"], f"{kpis['target_year']}-12-31")
        candidates = self.Country.search([("ratified", "=", False)])
        self.assertEqual(outlook["candidates"], len(candidates))
        self.assertEqual(len(outlook["countries"]), len(candidates))
        expected = outlook["ratified"] + sum(
            c["probability"] for c in outlook["countries"]
        )
        self.assertAlmostEqual(outlook["expected"], expected, places=2)
        self.assertLessEqual(outlook["low"], outlook["expected"] + 1)
        self.assertLessEqual(outlook["low"], outlook["high"])
        self.assertGreaterEqual(outlook["low"], outlook["ratified"])
        chances = [c["probability"] for c in outlook["countries"]]
        self.assertEqual(chances, sorted(chances, reverse=True))
        self.assertEqual(len(self.Country.get_outlook(limit=1)["countries"]), 1)
        self.assertEqual(
            [s["stage"] for s in outlook["stages"]],
            [
                "not_started",
                "awareness",
                "gap_assessment",
                "national_dialogue",
                "roadmap",
                "submitted",
            ],
        )

    def test_a_later_stage_is_likelier_and_the_form_agrees(self):
        self.kenya.stage = "awareness"
        self.kenya.invalidate_recordset()
        before = self.kenya.outlook_probability
        self.kenya.stage = "submitted"
        self.kenya.invalidate_recordset()
        self.assertGreater(self.kenya.outlook_probability, before)
        [entry] = [
            c
            for c in self.Country.get_outlook(limit=1000)["countries"]
            if c["id"] == self.kenya.id
        ]
        self.assertAlmostEqual(
            self.kenya.outlook_probability, 100 * entry["probability"], delta=0.06
        )
        self.assertEqual(str(self.kenya.outlook_expected_date), entry["expected_date"])
        # a ratified country has no outlook of its own
        albania = self.Country.search([("country_id.code", "=", "AL")])
        self.assertEqual(albania.outlook_probability, 0.0)
        self.assertFalse(albania.outlook_expected_date)

    def test_what_stands_in_the_way(self):
        self.kenya.stage = "awareness"
        self.kenya.invalidate_recordset()
        self.assertIn("No validated gap assessment yet", self.kenya.outlook_obstacles)
        self.assertIn(
            "Article 2: 3 more compliant Part(s), one of them among Parts IV, V, VI, "
            "IX or X",
            self.kenya.outlook_obstacles,
        )
        assessment = self._assessment(
            self.kenya,
            [
                dict(self.compliant_line("V"), part_id=self.parts["V"].id),
                dict(
                    self.compliant_line("III"),
                    part_id=self.parts["III"].id,
                    benefit_rate=30,
                ),
            ],
        )
        assessment.action_validate()
        # three years in the gap assessment stage (the dates corrected by hand):
        # overdue
        today = fields.Date.context_today(self.kenya)
        for entry in self.kenya.stage_history_ids:
            days = {"gap_assessment": 1095, "awareness": 1200}.get(entry.stage, 1500)
            entry.date = today - timedelta(days=days)
        self.kenya.invalidate_recordset()
        lines = self.kenya.outlook_obstacles.split("\n")
        self.assertTrue(self.kenya.outlook_overdue)
        self.assertRegex(
            lines[0], r"^Gap assessment overdue: 36 months, against \d+ on average$"
        )
        self.assertIn("Part III — Sickness Benefit: Gap", lines)
        self.assertIn("Article 2: 2 more compliant Part(s)", lines)
        [entry] = [
            c
            for c in self.Country.get_outlook(limit=1000)["countries"]
            if c["id"] == self.kenya.id
        ]
        self.assertEqual(entry["obstacles"], lines)
        self.assertTrue(entry["overdue"])

    def test_dashboard_and_reports_show_it(self):
        outlook = self.Country.get_outlook()
        data = self.env["c102.campaign.dashboard"].get_dashboard_data()["outlook"]
        self.assertAlmostEqual(data["expected"], outlook["expected"], delta=0.06)
        self.assertEqual((data["low"], data["high"]), (outlook["low"], outlook["high"]))
        self.assertAlmostEqual(
            data["probability"], 100 * outlook["probability_target"], delta=0.06
        )
        self.assertEqual(
            [c["country"] for c in data["countries"]],
            [c["country"] for c in outlook["countries"]],
        )
        brief = self.env.ref("c102_campaign.action_report_country_brief")
        html = brief._render_qweb_html(brief.report_name, self.kenya.ids)[0].decode()
        self.assertIn("Outlook to the target", html)
        self.assertIn("What stands in the way", html)
        albania = self.Country.search([("country_id.code", "=", "AL")])
        html = brief._render_qweb_html(brief.report_name, albania.ids)[0].decode()
        self.assertNotIn("Outlook to the target", html)
        self.assertIn("Next Article 22 report due", html)
        wizard = self.env["ilo.partnership.report.wizard"].create(
            {"date_from": "2020-01-01", "date_to": "2030-12-31"}
        )
        report = self.env.ref("ilo_issa_partnership.action_report_partnership")
        html = report._render_qweb_html(report.report_name, wizard.ids)[0].decode()
        self.assertIn("Outlook to the target", html)
        self.assertIn("Most likely to ratify next", html)


@tagged("post_install", "-at_install")
class TestOutlookInFrench(CampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(
            ["c102_campaign"], ["fr_FR"], overwrite=True
        )

    def test_obstacles_and_report_basis(self):
        fr = self.kenya.with_context(lang="fr_FR")
        self.assertIn(
            "Pas encore d'évaluation comparative validée", fr.outlook_obstacles
        )
        self.assertIn(
            "Article 2 : encore 3 partie(s) conforme(s), dont une parmi les parties "
            "IV, V, VI, IX ou X",
            fr.outlook_obstacles,
        )
        albania = self.Country.search([("country_id.code", "=", "AL")])
        basis = albania.with_context(lang="fr_FR").next_report_basis
        self.assertIn("tous les 6 ans", basis)
        Wizard = self.env["c102.supervision.import"].with_context(lang="fr_FR")
        wizard = Wizard.create(
            {"file": base64.b64encode("Pays;Année\nAlbanie;2023\n".encode())}
        )
        with self.assertRaisesMsg(
            UserError,
            r"(?s)Rien n'a été importé : 1 problème\(s\).*aucune colonne pour",
        ):
            wizard.action_import()
