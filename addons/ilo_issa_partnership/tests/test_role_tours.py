# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each role's first steps in a real browser, from users made the way an administrator
makes them (the tours are in static/tests/tours/role_tours.js)."""

from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRoleTours(HttpCase):
    def test_admin_gives_roles(self):
        """Settings → Users → New, roles picked in the partnership's drop-downs: the
        user gets exactly those rights and lands in the Partnership app."""
        self.start_tour("/odoo", "ilo_admin_gives_roles_tour", login="admin")
        user = self.env["res.users"].search(
            [("login", "=", "aissata.diallo@example.org")]
        )
        self.assertEqual(user.name, "Aïssata Diallo")
        self.assertTrue(user.has_group("ilo_issa_partnership.group_programme_officer"))
        self.assertTrue(user.has_group("ilo_issa_partnership.group_finance"))
        self.assertFalse(
            user.has_group("ilo_issa_partnership.group_partnership_manager")
        )
        self.assertFalse(user.has_group("ilo_issa_partnership.group_leadership"))
        self.assertEqual(
            user.action_id.id,
            self.env.ref("ilo_issa_partnership.ilo_partnership_dashboard_action").id,
        )

    def test_leadership_reads_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["ilo_issa_partnership"], ["fr_FR"], overwrite=True
        )
        leader = new_test_user(
            self.env,
            login="tour_leader_fr",
            groups="base.group_user,ilo_issa_partnership.group_leadership",
            name="Directrice",
            lang="fr_FR",
        )
        self.assertEqual(
            leader.action_id.id,
            self.env.ref("ilo_issa_partnership.ilo_partnership_dashboard_action").id,
        )
        self.start_tour("/odoo", "ilo_leadership_fr_tour", login=leader.login)

    def test_finance_finds_and_edits_a_budget(self):
        finance = new_test_user(
            self.env,
            login="tour_finance",
            groups="base.group_user,ilo_issa_partnership.group_finance",
            name="Tour Finance",
        )
        project = self.env["project.project"].create(
            {
                "name": "Finance tour project",
                "collaboration_area_id": self.env.ref(
                    "ilo_issa_partnership.area_training"
                ).id,
            }
        )
        source = self.env["ilo.funding.source"].create(
            {"name": "Tour donor", "code": "TOUR-FIN", "amount": 50000}
        )
        line = self.env["ilo.budget.line"].create(
            {
                "project_id": project.id,
                "funding_source_id": source.id,
                "date_from": date(2026, 1, 1),
                "date_to": date(2026, 12, 31),
                "amount_planned": 7345,
            }
        )
        self.start_tour("/odoo", "ilo_finance_tour", login=finance.login)
        self.assertEqual(line.amount_planned, 9000)
        self.assertEqual(line.write_uid, finance)
        tracked = line.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "amount_planned"
        )
        self.assertEqual(tracked[:1].old_value_float, 7345)
