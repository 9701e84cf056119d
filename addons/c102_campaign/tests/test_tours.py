# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


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
