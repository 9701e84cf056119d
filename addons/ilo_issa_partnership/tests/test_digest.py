# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The weekly digest to leadership and managers: key figures and the exceptions
that need a decision, in each recipient's language."""

from datetime import date, datetime, timedelta

from odoo.tests import new_test_user, tagged

from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestDigest(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["res.lang"]._activate_lang("fr_FR")
        env["ir.module.module"]._load_module_terms(
            ["ilo_issa_partnership"], ["fr_FR"], overwrite=True
        )
        cls.digest = env.ref("ilo_issa_partnership.digest_partnership_weekly")
        today = date.today()
        cls.mission = env["ilo.advisory.mission"].create(
            cls._mission_vals(
                name="Digest mission without report",
                date_start=today - timedelta(days=5),
                date_end=today - timedelta(days=2),
            )
        )
        cls.mission.write({"state": "done"})
        cls.late = env["ilo.deliverable"].create(
            {
                "name": "Digest late deliverable",
                "project_id": cls.project.id,
                "date_deadline": today - timedelta(days=3),
            }
        )
        groups = "base.group_user,ilo_issa_partnership.group_leadership"
        cls.leaders = {
            lang: new_test_user(
                env, login=f"dig_{lang}", groups=groups, lang=lang, name=f"Dig {lang}"
            )
            for lang in ("en_US", "fr_FR")
        }

    def _week(self, user):
        end = datetime.now()
        return self.digest.with_user(user).with_context(
            start_datetime=end - timedelta(weeks=1), end_datetime=end
        )

    def test_kpi_values(self):
        leader = self.leaders["en_US"]
        week = self._week(leader)
        today = date.today()
        done = self.env["ilo.advisory.mission"].search_count(
            [
                ("state", "=", "done"),
                ("date_end", ">=", today - timedelta(weeks=1)),
                ("date_end", "<", today),
            ]
        )
        self.assertGreaterEqual(done, 1)
        self.assertEqual(week.kpi_ilo_missions_completed_value, done)
        lines = self.env["ilo.budget.line"].search(
            [("date_from", "<", today), ("date_to", ">=", today - timedelta(weeks=1))]
        )
        planned = sum(lines.mapped("amount_planned_company"))
        actual = sum(lines.mapped("amount_actual_company"))
        self.assertAlmostEqual(
            week.kpi_ilo_delivery_rate_value,
            100.0 * actual / planned if planned else 0.0,
        )
        self.assertGreaterEqual(week.kpi_ilo_people_trained_value, 0)
        # an officer does not see money: the digest leaves the delivery rate out
        kpis = self.digest._compute_kpis(self.env.company, self.users["officer"])
        names = [kpi["kpi_name"] for kpi in kpis]
        self.assertIn("kpi_ilo_missions_completed", names)
        self.assertNotIn("kpi_ilo_delivery_rate", names)
        names = [
            kpi["kpi_name"]
            for kpi in self.digest._compute_kpis(self.env.company, leader)
        ]
        self.assertIn("kpi_ilo_delivery_rate", names)

    def _mail_body(self, user):
        Mail = self.env["mail.mail"].sudo()
        before = Mail.search([], order="id desc", limit=1).id or 0
        self.digest.with_context(lang=user.lang)._action_send_to_user(user)
        mail = Mail.search([("id", ">", before)], order="id desc", limit=1)
        self.assertTrue(mail)
        return mail.body_html

    def test_mail_in_english(self):
        body = self._mail_body(self.leaders["en_US"])
        self.assertIn("Missions completed", body)
        self.assertIn("To decide", body)
        self.assertIn("Deliverables late", body)
        self.assertIn("Digest late deliverable", body)
        self.assertIn(f"/odoo/ilo.deliverable/{self.late.id}", body)
        self.assertIn("Missions without a back-to-office report", body)
        self.assertIn(f"/odoo/ilo.advisory.mission/{self.mission.id}", body)

    def test_mail_in_french(self):
        body = self._mail_body(self.leaders["fr_FR"])
        self.assertIn("Missions réalisées", body)
        self.assertIn("À décider", body)
        self.assertIn("Livrables en retard", body)
        self.assertIn("Missions sans rapport de retour de mission", body)
        self.assertIn(f"/odoo/ilo.deliverable/{self.late.id}", body)
        self.assertNotIn("To decide", body)

    def test_no_exceptions_outside_the_partnership(self):
        outsider = new_test_user(
            self.env, login="dig_outsider", groups="base.group_user"
        )
        exceptions = self.digest._compute_ilo_exceptions(outsider.company_id, outsider)
        self.assertEqual(exceptions, [])

    def test_the_template_gets_its_data_and_calls_no_method(self):
        """As Odoo's own digest values (kpi_data, tips), the exceptions are computed
        for the recipient before rendering; the template only reads them."""
        arch = self.env.ref("ilo_issa_partnership.digest_mail_main").arch
        self.assertIn("ctx.get('ilo_exceptions')", arch)
        self.assertNotIn("object._", arch)
        leader = self.leaders["en_US"]
        sections = self.digest._compute_ilo_exceptions(leader.company_id, leader)
        self.assertIn("Deliverables late", [s["title"] for s in sections])
