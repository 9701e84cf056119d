# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestPartnershipProject(PartnershipCommon):
    def test_is_partnership_follows_area(self):
        self.assertTrue(self.project.is_partnership)
        self.assertFalse(self.plain_project.is_partnership)
        self.plain_project.collaboration_area_id = self.area_policy
        self.assertTrue(self.plain_project.is_partnership)
        self.assertIn(
            self.plain_project,
            self.env["project.project"].search([("is_partnership", "=", True)]),
        )

    def test_counts_and_smart_buttons(self):
        Mission = self.env["ilo.advisory.mission"]
        Mission.create(self._mission_vals())
        Mission.create(
            self._mission_vals(date_start="2030-07-01", date_end="2030-07-02")
        )
        self.env["ilo.training"].create({"name": "T", "project_id": self.project.id})
        self.assertEqual(
            (
                self.project.mission_count,
                self.project.training_count,
                self.project.deliverable_count,
            ),
            (2, 1, 0),
        )
        self.assertEqual(self.project_training.mission_count, 0)
        for method, model in (
            ("action_view_missions", "ilo.advisory.mission"),
            ("action_view_trainings", "ilo.training"),
            ("action_view_deliverables", "ilo.deliverable"),
        ):
            action = getattr(self.project, method)()
            self.assertEqual(action["res_model"], model)
            self.assertEqual(action["context"], {"default_project_id": self.project.id})

    def test_counts_query_count_is_constant(self):
        """Counting activities costs the same queries for 2 or 20 projects."""
        Project = self.env["project.project"]
        projects = Project.create(
            [
                {"name": f"P{i}", "collaboration_area_id": self.area_policy.id}
                for i in range(20)
            ]
        )
        for project in projects[:10]:
            self.env["ilo.training"].create({"name": "T", "project_id": project.id})
        self.env.invalidate_all()

        def queries(records):
            records.invalidate_recordset()
            before = self.cr.sql_log_count
            records.read(["mission_count", "training_count", "deliverable_count"])
            return self.cr.sql_log_count - before

        queries(projects[:2])  # warm caches (metadata, access rules)
        few, many = queries(projects[2:4]), queries(projects)
        self.assertEqual(few, many)
        self.assertLessEqual(many, 4)

    def test_partner_fields(self):
        self.assertTrue(self.institution.is_issa_member)
        self.assertEqual(
            self.institution.constituent_group, "social_security_institution"
        )
        self.project.institution_ids = self.institution
        self.assertEqual(
            self.project.institution_ids.constituent_group,
            "social_security_institution",
        )

    def test_every_partnership_user_reads_partnership_projects(self):
        # The project is 'followers only' and nobody follows it, yet the whole
        # partnership reads it; a non-partnership project stays out of reach.
        for role, user in self.users.items():
            with self.subTest(role=role):
                visible = (
                    self.env["project.project"]
                    .with_user(user)
                    .search([("id", "in", (self.project | self.plain_project).ids)])
                )
                self.assertIn(self.project, visible)
        self.plain_project.privacy_visibility = "followers"
        visible = (
            self.env["project.project"]
            .with_user(self.users["finance"])
            .search([("id", "=", self.plain_project.id)])
        )
        self.assertFalse(visible)
