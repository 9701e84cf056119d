# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The country brief, and the campaign in the partnership report, as PDFs."""

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.ilo_issa_partnership.tests.pdf_text import pages_text, stamped


@tagged("post_install", "-at_install")
class TestCampaignPdfs(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["res.lang"]._activate_lang("fr_FR")
        env["ir.module.module"]._load_module_terms(
            ["ilo_issa_partnership", "c102_campaign"], ["fr_FR"], overwrite=True
        )
        groups = "base.group_user,ilo_issa_partnership.group_leadership"
        cls.readers = {
            lang: new_test_user(
                env, login=f"repc_{lang}", groups=groups, lang=lang, name=f"Rc {lang}"
            )
            for lang in ("en_US", "fr_FR")
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

    def test_weekly_digest_gives_ratifications_against_the_target(self):
        kpis = self.env["c102.country"]._campaign_kpis()
        digest = self.env.ref("ilo_issa_partnership.digest_partnership_weekly")
        values = {
            kpi["kpi_name"]: kpi["kpi_col2"]["value"]
            for kpi in digest._compute_kpis(self.env.company, self.readers["fr_FR"])
        }
        self.assertEqual(values["kpi_c102_ratifications"], kpis["ratified_count"])
        self.assertEqual(values["kpi_c102_still_needed"], kpis["remaining_count"])
