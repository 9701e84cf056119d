# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAssessmentTour(HttpCase):
    def test_record_validate_see_readiness(self):
        kenya = self.env["c102.country"].create(
            {"country_id": self.env.ref("base.ke").id, "stage": "awareness"}
        )
        self.start_tour("/odoo", "c102_assessment_tour", login="admin")
        self.assertEqual(kenya.latest_assessment_id.state, "validated")
        self.assertEqual(kenya.compliant_part_ids.mapped("code"), ["II", "V", "VII"])
        self.assertTrue(kenya.ratification_ready)
        self.assertEqual(kenya.stage, "gap_assessment")

    def test_campaign_officer_records_a_manager_validates(self):
        officer = new_test_user(
            self.env,
            login="c102_tour_officer",
            groups="base.group_user,ilo_issa_partnership.group_programme_officer",
            name="Campaign Officer",
        )
        kenya = self.env["c102.country"].create(
            {"country_id": self.env.ref("base.ke").id, "stage": "awareness"}
        )
        self.start_tour("/odoo", "c102_officer_tour", login=officer.login)
        assessment = self.env["c102.gap.assessment"].search(
            [("c102_country_id", "=", kenya.id)]
        )
        self.assertEqual(assessment.state, "draft")
        self.assertEqual(assessment.create_uid, officer)
        self.assertEqual(assessment.line_ids.part_id.code, "V")
        self.assertFalse(kenya.ratification_ready)
