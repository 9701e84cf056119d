# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The country brief, and the campaign in the partnership report, as PDFs."""

import base64
import io

from PIL import Image

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.ilo_issa_partnership.tests.pdf_text import (
    CORPORATION,
    MISSION,
    SSC,
    assert_names_drawn,
    pages_text,
    stamped,
)


@tagged("post_install", "-at_install")
class TestCampaignPdfs(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        for lang in ("fr_FR", "ar_001"):
            env["res.lang"]._activate_lang(lang)
        env["ir.module.module"]._load_module_terms(
            ["ilo_issa_partnership", "c102_campaign"], ["fr_FR"], overwrite=True
        )
        groups = "base.group_user,ilo_issa_partnership.group_leadership"
        cls.readers = {
            lang: new_test_user(
                env, login=f"repc_{lang}", groups=groups, lang=lang, name=f"Rc {lang}"
            )
            for lang in ("en_US", "fr_FR", "ar_001")
        }
        cls.country = env["c102.country"].search(
            [("ratified", "=", False), ("stage", "!=", "not_started")], limit=1
        )

    def _texts(self, xmlid, records, lang):
        report = self.env.ref(xmlid).with_user(self.readers[lang])
        report = report.with_context(force_report_rendering=True, lang=lang)
        pdf, _kind = report._render_qweb_pdf(report.report_name, records.ids)
        texts = pages_text(pdf)
        for number, text in enumerate(texts, start=1):
            self.assertRegex(text, rf"Page:? {number} / {len(texts)}")
        return texts

    def test_country_brief_in_english_and_french(self):
        for lang, title in (
            ("en_US", "C102 country brief"),
            ("fr_FR", "Fiche pays C102"),
        ):
            texts = self._texts(
                "c102_campaign.action_report_country_brief", self.country, lang
            )
            country = self.country.with_context(lang=lang)
            for text in texts if stamped() else texts[:1]:
                self.assertIn(title, text)
                self.assertIn(country.name, text)
            self.assertIn(
                dict(country._fields["stage"]._description_selection(country.env))[
                    country.stage
                ],
                " ".join(texts),
            )

    def test_partnership_report_gives_the_campaign(self):
        kpis = self.env["c102.country"]._campaign_kpis()
        wizard = self.env["ilo.partnership.report.wizard"].create(
            {"date_from": "2020-01-01", "date_to": "2030-12-31"}
        )
        # in French only: the PDF's text is slow to extract from the map's paths
        for lang, heading, legend in (
            ("fr_FR", "Campagne de ratification de la C102", "Ratifiée"),
        ):
            text = " ".join(
                self._texts(
                    "ilo_issa_partnership.action_report_partnership", wizard, lang
                )
            )
            self.assertIn(heading, text)
            self.assertIn(f"{kpis['ratified_count']} ratifications", text)
            # the map's legend, whole, in the report's font (extractable text)
            self.assertIn(f"{legend} ({kpis['ratified_count']})", text)

    def test_partnership_report_map_is_a_picture_with_a_written_legend(self):
        """The map prints as a picture (its 2,000 vector outlines took the
        printer seconds and most of the file), its legend as text."""
        kpis = self.env["c102.country"]._campaign_kpis()
        report_map = self.env["c102.campaign.map"].render_report_map(800, 400)
        png = base64.b64decode(report_map["image"].split(",", 1)[1])
        with Image.open(io.BytesIO(png)) as picture:
            self.assertEqual(picture.size, (1600, 800))
            # coloured countries, not a blank page: the ratified green is there
            colours = picture.convert("RGB").getcolors(1 << 20)
            green = (0x23, 0x8B, 0x45)
            self.assertTrue(
                any(
                    count > 1000
                    and max(abs(a - b) for a, b in zip(rgb, green, strict=True)) <= 8
                    for count, rgb in colours
                )
            )
        self.assertLess(len(png), 300_000)
        self.assertFalse(report_map["svg"])
        self.assertIn(
            (f"Ratified ({kpis['ratified_count']})", "#238b45"), report_map["legend"]
        )

    def test_weekly_digest_gives_ratifications_against_the_target(self):
        kpis = self.env["c102.country"]._campaign_kpis()
        digest = self.env.ref("ilo_issa_partnership.digest_partnership_weekly")
        values = {
            kpi["kpi_name"]: kpi["kpi_col2"]["value"]
            for kpi in digest._compute_kpis(self.env.company, self.readers["fr_FR"])
        }
        self.assertEqual(values["kpi_c102_ratifications"], kpis["ratified_count"])
        self.assertEqual(values["kpi_c102_still_needed"], kpis["remaining_count"])

    def test_country_brief_with_arabic_names(self):
        """Arabic beside Latin text, digits and brackets (a focal point, a
        mission, a training in the country) in the bidi algorithm's order, in
        an English, a French and an Arabic reader's brief; nothing drawn over."""
        country = self.country
        self.env["ilo.advisory.mission"].search([], limit=1).write(
            {"name": MISSION, "country_id": country.country_id.id}
        )
        self.env["ilo.training"].search([], limit=1).write(
            {"name": CORPORATION, "country_id": country.country_id.id}
        )
        country.focal_point_id = new_test_user(self.env, login="focal_ssc", name=SSC)
        for lang in ("en_US", "fr_FR", "ar_001"):
            with self.subTest(lang=lang):
                report = self.env.ref("c102_campaign.action_report_country_brief")
                report = report.with_user(self.readers[lang]).with_context(
                    force_report_rendering=True, lang=lang
                )
                pdf, _kind = report._render_qweb_pdf(report.report_name, country.ids)
                assert_names_drawn(self, pdf, [SSC, MISSION, CORPORATION])
