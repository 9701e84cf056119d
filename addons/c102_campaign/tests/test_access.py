# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Campaign access: officers maintain records and assessments, managers validate,
leadership and finance read."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CampaignCommon

READERS = ("reader", "finance", "leadership")


@tagged("post_install", "-at_install")
class TestCampaignAccess(CampaignCommon):
    def test_models_are_all_in_the_matrix(self):
        models = set(
            self.env["ir.model"]
            .search([("model", "=like", "c102.%"), ("transient", "=", False)])
            .mapped("model")
        )
        covered = {
            "c102.part",
            "c102.country",
            "c102.article3.exception",
            "c102.superseded.part",
            "c102.gap.assessment",
            "c102.gap.assessment.line",
            "c102.dialogue",
            "c102.stage.history",
            "c102.supervision.comment",
            "c102.part.acceptance.report",
            "c102.campaign.map",  # abstract: renders the map, stores nothing
            "c102.campaign.dashboard",  # abstract: the client action's data
            # the social protection profile: test_access_table
            "c102.coverage",
            "c102.coverage.history",
            "c102.convention.ratification",
        }
        self.assertEqual(models - covered, set())

    def test_readers_read_only(self):
        assessment = self._assessment(self.kenya, [])
        for role in READERS:
            user = self.users[role]
            with self.subTest(role=role):
                self.assertTrue(self.Country.with_user(user).search([]))
                self.env["c102.part.acceptance.report"].with_user(user).search([])
                for record, vals in (
                    (self.kenya, {"target_year": 2030}),
                    (assessment, {"source_document": "x"}),
                ):
                    with self.assertRaises(AccessError):
                        record.with_user(user).write(vals)
                with self.assertRaises(AccessError):
                    self.Country.with_user(user).create(
                        {"country_id": self.env.ref("base.gh").id}
                    )
                with self.assertRaises(AccessError):
                    self.env["c102.dialogue"].with_user(user).create(
                        {"c102_country_id": self.kenya.id, "name": "D"}
                    )
                with self.assertRaises(AccessError):
                    self.env["c102.ratification.import"].with_user(user).create({})

    def test_officer_maintains_manager_validates(self):
        officer, manager = self.users["officer"], self.users["manager"]
        country = self.Country.with_user(officer).create(
            {"country_id": self.env.ref("base.gh").id}
        )
        country.write({"stage": "awareness", "focal_point_id": officer.id})
        assessment = (
            self.env["c102.gap.assessment"]
            .with_user(officer)
            .create(
                {
                    "c102_country_id": country.id,
                    "line_ids": [
                        (
                            0,
                            0,
                            dict(self.compliant_line("V"), part_id=self.parts["V"].id),
                        )
                    ],
                }
            )
        )
        self.env["c102.dialogue"].with_user(officer).create(
            {"c102_country_id": country.id, "name": "D", "government_count": 1}
        )
        with self.assertRaises(UserError):
            assessment.action_validate()
        with self.assertRaises(AccessError):
            country.unlink()
        assessment.with_user(manager).action_validate()
        self.assertEqual(country.stage, "gap_assessment")
        with self.assertRaises(UserError):
            assessment.with_user(officer).action_draft()
        assessment.with_user(manager).action_draft()
        with self.assertRaises(AccessError):
            self.parts["V"].with_user(officer).write({"name": "X"})
