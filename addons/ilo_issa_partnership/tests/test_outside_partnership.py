# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The organisation's other Odoo users: what the addon adds to Odoo's own models is
invisible and harmless to them (Odoo's own suites run with the addons installed too:
`make upstream`)."""

from odoo.tests import Form, new_test_user, tagged

from .common import GROUPS, PartnershipCommon

ADDED_PROJECT_FIELDS = (
    "collaboration_area_id",
    "is_partnership",
    "budget_line_ids",
    "budget_planned",
    "mission_ids",
    "ilo_status",
    "iati_identifier",
)


@tagged("post_install", "-at_install")
class TestOutsidePartnership(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project_user = new_test_user(
            cls.env, login="plain_project_user", groups="project.group_project_manager"
        )
        cls.internal_user = new_test_user(
            cls.env, login="plain_internal_user", groups="base.group_user"
        )
        cls.env["ilo.budget.line"].create(
            {
                "project_id": cls.project.id,
                "funding_source_id": cls.env["ilo.funding.source"]
                .create(
                    {
                        "name": "Outside test fund",
                        "code": "OUT-1",
                        "amount": 1000.0,
                    }
                )
                .id,
                "category": "travel",
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
                "amount_planned": 100.0,
            }
        )

    def test_project_form_is_odoos_own(self):
        """A Project user outside the partnership creates and edits projects in
        Odoo's form: none of the addon's fields, buttons or tabs, no access error."""
        Project = self.env["project.project"].with_user(self.project_user)
        arch = Project.get_views([(False, "form")])["views"]["form"]["arch"]
        for name in (
            "budget_line_ids",
            "collaboration_area_id",
            "action_view_missions",
        ):
            self.assertNotIn(name, arch)
        form = Form(Project)
        form.name = "Office move"
        form.is_favorite = True
        project = form.save()
        with Form(project) as form:
            form.name = "Office move 2027"
        self.assertEqual(project.name, "Office move 2027")
        # a partnership project they may read (public visibility) opens too
        self.project.sudo().privacy_visibility = "employees"
        Form(self.project.with_user(self.project_user))

    def test_fields_are_not_theirs(self):
        Project = self.env["project.project"].with_user(self.project_user)
        described = Project.fields_get()
        for name in ADDED_PROJECT_FIELDS:
            self.assertNotIn(name, described)
        self.project.sudo().privacy_visibility = "employees"
        # reading every field they may read computes none of ours
        values = self.project.with_user(self.project_user).read()[0]
        for name in ADDED_PROJECT_FIELDS:
            self.assertNotIn(name, values)
        # and a partnership Reader has them
        reader_fields = Project.with_user(self.users["reader"]).fields_get()
        for name in ADDED_PROJECT_FIELDS:
            self.assertIn(name, reader_fields)

    def test_partner_and_analytic_views(self):
        for user in (self.project_user, self.internal_user):
            Partner = self.env["res.partner"].with_user(user)
            arch = Partner.get_views([(False, "form"), (False, "search")])["views"]
            self.assertNotIn("constituent_group", arch["form"]["arch"])
            self.assertNotIn("issa_member", arch["search"]["arch"])
            self.assertNotIn("constituent_group", Partner.fields_get())
        reader = self.env["res.partner"].with_user(self.users["reader"])
        self.assertIn(
            "constituent_group",
            reader.get_views([(False, "form")])["views"]["form"]["arch"],
        )
        analytic_fields = (
            self.env["account.analytic.line"].with_user(self.internal_user).fields_get()
        )
        for name in (
            "ilo_budget_line_id",
            "ilo_project_id",
            "ilo_spend_amount",
            "ilo_spend_currency_id",
            "ilo_cost_company",
            "ilo_funding_source_id",
        ):
            self.assertNotIn(name, analytic_fields)

    def test_reports_and_actions_not_offered(self):
        """The project sheet and the IATI export are bound to projects for the
        partnership only."""
        for xmlid in (
            "ilo_issa_partnership.action_report_project_sheet",
            "ilo_issa_partnership.project_project_action_iati_export",
        ):
            action = self.env.ref(xmlid)
            self.assertTrue(action.groups_id)
            self.assertFalse(action.groups_id & self.project_user.groups_id, xmlid)

    def test_project_update_outside_partnership(self):
        project = self.env["project.project"].create(
            {"name": "Plain", "user_id": self.project_user.id}
        )
        project.message_subscribe(partner_ids=self.project_user.partner_id.ids)
        update = (
            self.env["project.update"]
            .with_user(self.project_user)
            .with_context(default_project_id=project.id)
            .create({"name": "Week 1"})
        )
        self.assertEqual(update.status, "on_track")

    def test_no_widening_on_odoo_models(self):
        """Access rights and record rules of ours on Odoo's own models are granted to
        the partnership's groups only (reading partnership projects; finance entering
        analytic spend): what Odoo grants everyone else on tasks, projects, partners,
        analytic lines... stays as Odoo grants it."""
        ours_groups = self.env["res.groups"].browse(
            self.env.ref(xmlid).id for xmlid in GROUPS.values()
        )
        for model in ("ir.model.access", "ir.rule"):
            records = self.env[model].search([])
            ours = records.filtered(
                lambda r: r.get_external_id()[r.id].split(".")[0]
                in ("ilo_issa_partnership", "c102_campaign")
                and not r.model_id.model.startswith(("ilo.", "c102."))
            )
            self.assertTrue(ours, model)
            for record in ours:
                groups = (
                    record.group_id if model == "ir.model.access" else record.groups
                )
                self.assertTrue(groups, record.name)
                self.assertLessEqual(groups, ours_groups, record.name)
            self.assertNotIn("project.task", ours.model_id.mapped("model"), model)
        task = self.env["project.task"].create({"name": "Private", "project_id": False})
        self.assertFalse(
            self.env["project.task"]
            .with_user(self.users["reader"])
            .search([("id", "=", task.id)])
        )
        self.assertFalse(
            self.env["project.project"]
            .with_user(self.internal_user)
            .search([("id", "=", self.project.id)])
        )

    def test_duplicate_project(self):
        """Odoo's project managers duplicate any project they may read; a partnership
        manager's duplicate keeps the partnership's side."""
        # Odoo's copy reads every copied field as the user: none of the fields the
        # addons restrict to their groups may be copied that way (copy_data copies
        # them for partnership users)
        restricted = [
            name
            for name, field in self.env["project.project"]._fields.items()
            if field.groups
            and field._module in ("ilo_issa_partnership", "c102_campaign")
            and field.copy
        ]
        self.assertEqual(restricted, [])
        self.project.sudo().write(
            {
                "privacy_visibility": "employees",
                "country_ids": [(6, 0, self.env.ref("base.sn").ids)],
                "lead_organisation": "issa",
            }
        )
        copy = self.project.with_user(self.project_user).copy()
        self.assertFalse(copy.sudo().collaboration_area_id)
        self.assertFalse(copy.sudo().is_partnership)
        manager = self.users["manager"]
        manager.groups_id |= self.env.ref("project.group_project_manager")
        copy = self.project.with_user(manager).copy()
        self.assertEqual(copy.collaboration_area_id, self.area_advisory)
        self.assertEqual(copy.lead_organisation, "issa")
        self.assertEqual(copy.country_ids, self.env.ref("base.sn"))
        self.assertTrue(copy.is_partnership)
