# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date, timedelta

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFrench(TransactionCase):
    """Users work in French: labels, rule messages and reports follow their language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(
            ["ilo_issa_partnership", "c102_campaign"], ["fr_FR"], overwrite=True
        )
        cls.fr = cls.env(context={"lang": "fr_FR"})

    def test_labels_and_messages(self):
        area = self.fr.ref("ilo_issa_partnership.area_advisory")
        self.assertEqual(area._fields["name"].get_description(self.fr)["string"], "Nom")
        stages = dict(
            self.fr["c102.country"]._fields["stage"]._description_selection(self.fr)
        )
        self.assertEqual(stages["gap_assessment"], "Évaluation comparative")
        parts = self.fr["c102.part"].search([("code", "in", ["II", "III"])])
        self.assertIn(
            "au moins trois des parties II à X", parts.check_article_2()["reason"]
        )

    def test_analysis_states_in_french(self):
        """The analysis' state (the list a dashboard bar opens) reads in French."""
        states = dict(
            self.fr["ilo.partnership.analysis"]
            ._fields["state"]
            ._description_selection(self.fr)
        )
        self.assertEqual(states["in_progress"], "En cours")
        self.assertEqual(states["published"], "Publié")
        self.assertEqual(states["done"], "Terminée")

    def test_country_names_as_the_ilo_writes_them(self):
        """Odoo says "Czech Republic"/"République tchèque" and "Turquie"; the
        campaign says what the ILO says, in the reader's language, and finds a
        country by either name."""
        czechia = self.env.ref("c102_campaign.c102_country_cz")
        self.assertEqual(czechia.with_context(lang="en_US").name, "Czechia")
        self.assertEqual(czechia.with_context(lang="fr_FR").name, "Tchéquie")
        self.assertEqual(czechia.with_context(lang="fr_FR").display_name, "Tchéquie")
        Country = self.fr["c102.country"]
        for text in ("Tchéquie", "tchéq", "Czech Republic", "czechia", "Tcheque"):
            with self.subTest(text=text):
                self.assertIn(czechia, Country.search([("name", "ilike", text)]))
        self.assertIn(czechia, Country.search([("name", "=", "Tchéquie")]))
        ivory_coast = Country.search(
            [("country_id", "=", self.env.ref("base.ci").id)]
        ) or Country.create({"country_id": self.env.ref("base.ci").id})
        self.assertEqual(
            Country.search([("name", "ilike", "Cote d'Ivoire")]), ivory_coast
        )
        self.assertNotIn(czechia, Country.search([("name", "not ilike", "Tchéquie")]))
        self.assertEqual(
            self.env.ref("c102_campaign.c102_country_tr")
            .with_context(lang="fr_FR")
            .name,
            "Türkiye",
        )

    def test_readiness_reason_in_the_readers_language(self):
        """The reason is worded when read: an English-speaking officer's change does
        not leave it in English for a French reader."""
        country = self.env["c102.country"].create(
            {"country_id": self.env.ref("base.ke").id}
        )
        self.assertEqual(country.readiness_reason, "No validated gap assessment yet.")
        self.assertEqual(
            country.with_context(lang="fr_FR").readiness_reason,
            "Pas encore d'évaluation comparative validée.",
        )

    def test_ratifications_in_french(self):
        part = self.fr.ref("c102_campaign.part_V")
        self.assertEqual(part.display_name, "Partie V — Prestations de vieillesse")
        parts = self.fr["c102.part"].search([("code", "in", ["II", "V", "VII"])])
        self.assertEqual(
            parts._article_2_met(), "3 parties dont la partie V : article 2 respecté"
        )
        sweden = self.fr["c102.country"].search([("country_id.code", "=", "SE")])
        self.assertIn("Non renseignée", sweden.parts_table)
        self.assertIn("Partie II — Soins médicaux", sweden.parts_table)
        wizard = self.fr["c102.ratification.import"].create(
            {
                "file": base64.b64encode(
                    b"Pays,Date\nYougoslavie,20-12-1954\nAtlantide,2020\n"
                ),
                "filename": "ratifications.csv",
            }
        )
        wizard.action_preview()
        skipped, unknown = wizard.line_ids
        self.assertIn("La Yougoslavie est un ancien État", skipped.warning)
        self.assertIn("pays inconnu « Atlantide »", unknown.error)

    def test_gap_summary_in_french(self):
        country = self.env["c102.country"].create(
            {"country_id": self.env.ref("base.ke").id}
        )
        assessment = self.fr["c102.gap.assessment"].create(
            {
                "c102_country_id": country.id,
                "line_ids": [
                    (
                        0,
                        0,
                        {
                            "part_id": self.env.ref("c102_campaign.part_III").id,
                            "coverage_basis": "employees",
                            "coverage_rate": 60,
                            "benefit_rate": 40,
                        },
                    )
                ],
            }
        )
        self.assertIn(
            "Taux de prestation : exigé 45 %", assessment.line_ids.gap_summary
        )

    def test_partnership_report_in_french(self):
        wizard = self.fr["ilo.partnership.report.wizard"].create(
            {"date_from": date.today() - timedelta(days=365), "date_to": date.today()}
        )
        report = self.fr.ref("ilo_issa_partnership.action_report_partnership")
        html = report._render_qweb_html(report.report_name, wizard.ids)[0].decode()
        self.assertIn("Rapport du partenariat OIT–AISS", html)
        self.assertIn("Campagne de ratification de la C102", html)
        self.assertIn("Services de conseil technique", html)
