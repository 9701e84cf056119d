# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPlanningTours(HttpCase):
    def test_officer_plans_manager_approves(self):
        officer = new_test_user(
            self.env,
            login="planning_officer",
            groups="base.group_user,ilo_issa_partnership.group_programme_officer",
            name="Planning Officer",
        )
        project = self.env["project.project"].create(
            {
                "name": "Planning tour project",
                "collaboration_area_id": self.env.ref(
                    "ilo_issa_partnership.area_advisory"
                ).id,
            }
        )
        self.env["ilo.funding.source"].create(
            {"name": "Regular budget", "code": "RB-PLAN", "amount": 50000}
        )
        self.env["ilo.dsa.rate"].create(
            {
                "country_id": self.env.ref("base.sn").id,
                "rate": 200,
                "date_from": "2020-01-01",
                "currency_id": self.env.company.currency_id.id,
            }
        )
        self.start_tour("/odoo", "ilo_planning_officer_tour", login=officer.login)
        mission = self.env["ilo.advisory.mission"].search(
            [("project_id", "=", project.id)]
        )
        year = date.today().year + 1
        self.assertEqual(mission.state, "submitted")
        self.assertEqual(mission.member_ids, officer)
        self.assertEqual(mission.estimate_amount, 1800)
        self.assertIn("Independence Day", mission.holiday_warning)
        line = mission.budget_line_ids
        self.assertEqual(
            (line.mission_proposal, line.amount_proposed), ("proposed", 1800)
        )

        # the officer also runs a training during the mission: a conflict
        self.env["ilo.training"].create(
            {
                "name": "Overlapping training",
                "project_id": project.id,
                "user_id": officer.id,
                "date_start": mission.date_end,
                "date_end": mission.date_end,
            }
        )
        self.assertTrue(mission.has_conflict)
        self.start_tour("/odoo", "ilo_planning_manager_tour", login="admin")
        self.assertEqual(mission.state, "approved")
        self.assertEqual(
            (line.mission_proposal, line.amount_planned), ("committed", 1800)
        )
        summaries = set(
            mission.activity_ids.filtered(lambda a: a.user_id == officer).mapped(
                "summary"
            )
        )
        self.assertEqual(
            summaries,
            {
                "Security clearance",
                "Visa",
                "Travel booked",
                "Terms of reference sent to the counterpart",
                "Back-to-office report",
            },
        )
        event = mission.calendar_event_id
        self.assertEqual(event.partner_ids, officer.partner_id)
        self.assertEqual(
            (event.start_date, event.stop_date), (date(year, 4, 2), date(year, 4, 6))
        )
