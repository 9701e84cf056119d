# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every ratification, with how sure the sources are: the product's data on a fresh
install, the dashboards, the map, the country form."""

import re
from datetime import date, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import CampaignCommon
from .test_ratification_rules import shipped_rows

# States the trial saw as not ratified on the map
NOT_ON_THE_MAP_BEFORE = ("AT", "NL", "SE", "NO", "ES", "PT", "GB")


@tagged("post_install", "-at_install")
class TestRatifications(CampaignCommon):
    def by_code(self, code):
        return self.Country.search([("country_id.code", "=", code)])

    def test_fresh_install_63_ratified_7_to_go(self):
        ratified = self.Country.search([("ratified", "=", True)])
        self.assertEqual(len(ratified), 63)
        self.assertEqual(
            set(ratified.country_id.mapped("code")),
            {cells["code"] for cells in shipped_rows()},
        )
        kpis = self.env["c102.country"]._campaign_kpis()
        self.assertEqual((kpis["ratified_count"], kpis["target"]), (63, 70))
        self.assertEqual(kpis["remaining_count"], 7)
        self.assertEqual(kpis["target_year"], 2026)
        self.assertEqual(kpis["to_confirm_count"], 26)  # 15 "at least" + 11 unknown
        figures = self.env["c102.campaign.dashboard"].get_dashboard_data()["figures"]
        self.assertEqual(
            (figures["ratified_count"], figures["remaining_count"]), (63, 7)
        )
        main = self.env["ilo.partnership.dashboard"].get_dashboard_data()
        self.assertEqual(main["campaign"]["figures"]["ratified_count"], 63)
        for code in NOT_ON_THE_MAP_BEFORE:
            with self.subTest(country=code):
                self.assertEqual(self.by_code(code).stage, "ratified")

    def test_what_is_known_of_each_ratification(self):
        norway = self.by_code("NO")
        self.assertEqual(norway.ratification_date, date(1954, 9, 30))
        self.assertEqual(norway.parts_status, "partial")
        self.assertTrue(norway.parts_to_confirm)
        self.assertEqual(
            [
                (line.part_id.code, line.superseded_by)
                for line in norway.superseded_line_ids
            ],
            [("III", "C130"), ("V", "C128"), ("IX", "C128"), ("X", "C128")],
        )
        self.assertEqual(
            norway.superseded_part_ids.mapped("code"), ["III", "V", "IX", "X"]
        )
        croatia = self.by_code("HR")
        self.assertTrue(croatia.is_succession)
        self.assertEqual(croatia.superseded_line_ids.superseded_by, "C121")
        self.assertEqual(self.by_code("RS").superseded_line_ids.part_id.code, "VI")
        spain = self.by_code("ES")
        self.assertEqual(
            (spain.parts_status, spain.accepted_part_ids.ids), ("unknown", [])
        )
        sweden = self.by_code("SE")
        self.assertEqual(sweden.ratification_date_precision, "year")
        self.assertEqual(sweden.ratification_year, 1953)
        turkiye = self.by_code("TR")
        self.assertEqual(
            turkiye.article3_exception_ids.mapped("article"), ["9(d)", "48(c)"]
        )
        self.assertEqual(
            turkiye.article3_exception_ids.part_id.mapped("code"), ["II", "VIII"]
        )
        self.assertIn("not identified", self.by_code("PE").article3_note)
        self.assertIn("C128", self.by_code("BB").superseded_note)
        self.assertEqual(self.by_code("SK").source_confidence, "unverified")
        self.assertIn("https://dauc.cz/", self.by_code("SK").source_urls)
        bih = self.env.ref("c102_campaign.c102_country_ba")
        self.assertEqual(bih.entry_into_force_date, date(1992, 3, 6))
        self.assertEqual(
            self.env.ref("c102_campaign.c102_country_gb").ratification_year, 1954
        )

    def test_partial_lists_flagged_never_refused(self):
        sweden = self.by_code("SE")
        sweden.accepted_part_ids = self.part_ids(
            "II"
        )  # fewer than three: still partial
        self.assertTrue(sweden.ratified)
        self.assertTrue(sweden.parts_to_confirm)
        spain = self.by_code("ES")
        spain.ratification_date = "1988-06-30"
        self.assertTrue(spain.ratified)
        # a complete list is checked against Article 2
        with self.assertRaisesMsg(ValidationError, "at least three of Parts II to X"):
            sweden.parts_status = "complete"
        sweden.write(
            {
                "parts_status": "complete",
                "accepted_part_ids": self.part_ids("II", "III", "IV", "VII"),
            }
        )
        self.assertFalse(sweden.parts_to_confirm)
        kpis = self.env["c102.country"]._campaign_kpis()
        self.assertEqual((kpis["ratified_count"], kpis["to_confirm_count"]), (63, 25))

    def test_new_ratifications_entered_by_users_are_checked(self):
        form = Form(self.kenya)
        form.ratification_date = date(2026, 3, 10)
        form.parts_status = "partial"  # "at least" does not excuse a new one
        form.accepted_part_ids.add(self.parts["V"])
        with self.assertRaisesMsg(ValidationError, "at least three of Parts II to X"):
            form.save()
        self.kenya.invalidate_recordset()
        self.assertFalse(self.kenya.ratified)
        form = Form(self.kenya)
        form.ratification_date = date(2026, 3, 10)
        for code in ("II", "V", "VII"):
            form.accepted_part_ids.add(self.parts[code])
        form.save()
        self.assertEqual(self.kenya.stage, "ratified")
        self.assertEqual(self.kenya.parts_status, "complete")
        kpis = self.env["c102.country"]._campaign_kpis()
        self.assertEqual((kpis["ratified_count"], kpis["remaining_count"]), (64, 6))

    def test_parts_no_longer_applicable_in_the_form(self):
        form = Form(self.env.ref("c102_campaign.c102_country_de"))
        with form.superseded_line_ids.new() as line:
            line.part_id = self.parts["V"]
            line.superseded_by = "C128"
        germany = form.save()
        self.assertEqual(germany.superseded_part_ids.mapped("code"), ["V"])
        self.assertIn("Accepted; no longer applicable (C128)", germany.parts_table)
        form = Form(germany)
        with form.superseded_line_ids.new() as line:
            line.part_id = self.parts["VI"]
            line.superseded_by = "C121"
        with self.assertRaisesMsg(ValidationError, "not accepted: VI"):
            form.save()

    def test_parts_table(self):
        table = self.by_code("TR").parts_table
        self.assertIn("Part II — Medical Care", table)
        self.assertIn("Art. 9(d) exception", table)
        self.assertIn("Not accepted", table)  # Part IV: the list is complete
        table = self.by_code("SE").parts_table
        self.assertIn("Not recorded", table)
        self.assertNotIn("Not accepted", table)
        self.assertFalse(self.kenya.parts_table)

    def test_part_names_carry_their_numbers(self):
        self.assertEqual(self.parts["V"].display_name, "Part V — Old-Age Benefit")
        self.assertEqual(
            self.env["c102.part"].name_search("Old-Age")[0][1],
            "Part V — Old-Age Benefit",
        )
        self.assertEqual(
            self.env["c102.part"].name_search("IX")[0][1],
            "Part IX — Invalidity Benefit",
        )

    def test_a_ready_country_says_why(self):
        self._assessment(
            self.kenya,
            [
                dict(self.compliant_line(code), part_id=self.parts[code].id)
                for code in ("II", "V", "VII")
            ],
        ).action_validate()
        self.assertTrue(self.kenya.ratification_ready)
        self.assertEqual(
            self.kenya.readiness_reason, "3 Parts incl. Part V: Article 2 met"
        )
        self._assessment(
            self.kenya,
            [
                dict(self.compliant_line(code), part_id=self.parts[code].id)
                for code in ("II", "V", "VI", "IX")
            ],
            date="2026-02-01",
        ).action_validate()
        self.assertEqual(
            self.kenya.readiness_reason, "4 Parts incl. Parts V, VI, IX: Article 2 met"
        )
        report = self.env.ref("c102_campaign.action_report_country_brief")
        html = report._render_qweb_html(report.report_name, self.kenya.ids)[0].decode()
        self.assertIn("4 Parts incl. Parts V, VI, IX: Article 2 met", html)

    def test_the_map_colours_every_ratifying_state(self):
        svg = self.env["c102.campaign.map"].render_svg()
        legend = re.findall(r"Ratified \((\d+)\)", svg)
        self.assertEqual(set(legend), {"63"})
        series = {
            code: serie
            for code, serie in re.findall(
                r'<g class="([a-z]{2}) country map-element color-\d+ serie-(\d+)', svg
            )
        }
        ratified_serie = series["fr"]
        for code in self.Country.search([("ratified", "=", True)]).country_id.mapped(
            "code"
        ):
            with self.subTest(country=code):
                self.assertEqual(series.get(code.lower()), ratified_serie)

    def test_reports_say_63_and_7(self):
        wizard = self.env["ilo.partnership.report.wizard"].create(
            {"date_from": date.today() - timedelta(days=365), "date_to": date.today()}
        )
        report = self.env.ref("ilo_issa_partnership.action_report_partnership")
        html = report._render_qweb_html(report.report_name, wizard.ids)[0].decode()
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
        self.assertIn("63 ratifications of Convention No. 102", text)
        self.assertIn("(7 still needed)", text)
        brief = self.env.ref("c102_campaign.action_report_country_brief")
        html = brief._render_qweb_html(brief.report_name, self.by_code("SE").ids)[
            0
        ].decode()
        self.assertIn("1953 (year only)", html)
        self.assertIn("to confirm against NORMLEX", html)


@tagged("post_install", "-at_install")
class TestSourceDataLoader(CampaignCommon):
    """The loader the migration runs on databases that had the campaign already."""

    def test_again_changes_nothing(self):
        Country = self.Country.with_context(active_test=False)
        before = {r.id: r._ratification_facts() for r in Country.search([])}
        Country._load_source_ratifications()
        after = {r.id: r._ratification_facts() for r in Country.search([])}
        self.assertEqual(before, after)

    def test_existing_records_keep_their_facts_and_gain_the_new_ones(self):
        # as before 18.0.1.2.0: Spain followed by the campaign without a ratification,
        # Austria entered by a user with its Parts, Chad without its sources
        spain = self.env.ref("c102_campaign.c102_country_es")
        self.env["ir.model.data"].search(
            [("module", "=", "c102_campaign"), ("name", "=", "c102_country_es")]
        ).unlink()
        spain.with_context(c102_source_data=True).sudo().write(
            {"ratification_date": False, "stage": "awareness"}
        )
        austria = self.env.ref("c102_campaign.c102_country_at")
        austria.write(
            {
                "accepted_part_ids": self.part_ids("II", "IV", "V", "VII", "VIII"),
                "parts_status": "complete",
            }
        )
        chad = self.env.ref("c102_campaign.c102_country_td")
        chad.write({"source_urls": False, "source_confidence": False})
        self.Country._load_source_ratifications()
        self.assertEqual(self.env.ref("c102_campaign.c102_country_es"), spain)
        self.assertEqual((spain.stage, spain.parts_status), ("ratified", "unknown"))
        self.assertEqual(spain.ratification_date, date(1988, 6, 29))
        self.assertEqual(
            austria.accepted_part_ids.mapped("code"), ["II", "IV", "V", "VII", "VIII"]
        )
        self.assertEqual(austria.parts_status, "complete")
        self.assertEqual(chad.source_confidence, "confirmed")
        self.assertTrue(chad.source_urls)
