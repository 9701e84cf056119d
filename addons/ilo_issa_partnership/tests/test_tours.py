# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestMissionTours(HttpCase):
    def test_officer_plans_manager_approves(self):
        officer = new_test_user(
            self.env,
            login="tour_officer",
            groups="base.group_user,ilo_issa_partnership.group_programme_officer",
            name="Tour Officer",
        )
        project = self.env["project.project"].create(
            {
                "name": "Tour project",
                "collaboration_area_id": self.env.ref(
                    "ilo_issa_partnership.area_advisory"
                ).id,
            }
        )
        self.start_tour("/odoo", "ilo_mission_officer_tour", login=officer.login)
        mission = self.env["ilo.advisory.mission"].search(
            [("project_id", "=", project.id)]
        )
        self.assertEqual(mission.name, "Tour mission to Senegal")
        self.assertEqual(mission.state, "submitted")
        self.assertEqual(mission.create_uid, officer)
        self.assertEqual(mission.country_id, self.env.ref("base.sn"))

        # finance gives it a budget, which approval requires
        source = self.env["ilo.funding.source"].create(
            {"name": "RB", "code": "RB-TOUR", "amount": 50000}
        )
        self.env["ilo.budget.line"].create(
            {
                "project_id": project.id,
                "mission_id": mission.id,
                "funding_source_id": source.id,
                "date_from": mission.date_start,
                "date_to": mission.date_end,
                "amount_planned": 8000,
            }
        )
        self.start_tour("/odoo", "ilo_mission_manager_tour", login="admin")
        self.assertEqual(mission.state, "approved")

    def test_manager_approves_from_the_activity(self):
        officer = new_test_user(
            self.env,
            login="tour_officer_activity",
            groups="base.group_user,ilo_issa_partnership.group_programme_officer",
        )
        project = self.env["project.project"].create(
            {
                "name": "Tour activity project",
                "collaboration_area_id": self.env.ref(
                    "ilo_issa_partnership.area_advisory"
                ).id,
            }
        )
        mission = (
            self.env["ilo.advisory.mission"]
            .with_user(officer)
            .create(
                {
                    "name": "Mission awaiting approval",
                    "project_id": project.id,
                    "country_id": self.env.ref("base.sn").id,
                    "date_start": "2031-02-02",
                    "date_end": "2031-02-04",
                }
            )
        )
        source = self.env["ilo.funding.source"].create(
            {"name": "RB", "code": "RB-TOUR-ACT", "amount": 50000}
        )
        self.env["ilo.budget.line"].create(
            {
                "project_id": project.id,
                "mission_id": mission.id,
                "funding_source_id": source.id,
                "date_from": "2031-01-01",
                "date_to": "2031-12-31",
                "amount_planned": 8000,
            }
        )
        mission.action_submit()
        admin = self.env.ref("base.user_admin")
        approval = "ilo_issa_partnership.mail_activity_type_approval"
        self.assertIn(admin, mission.activity_search([approval]).user_id)
        self.start_tour(
            "/odoo", "ilo_mission_approve_from_activity_tour", login="admin"
        )
        self.assertEqual(mission.state, "approved")
        self.assertFalse(mission.activity_search([approval]))
