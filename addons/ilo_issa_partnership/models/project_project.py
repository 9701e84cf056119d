# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

LEAD_ORGANISATIONS = [("ilo", "ILO"), ("issa", "ISSA"), ("joint", "Joint ILO-ISSA")]


class ProjectProject(models.Model):
    _name = "project.project"
    _inherit = ["project.project", "ilo.budget.totals.mixin"]
    _budget_line_field = "project_id"

    collaboration_area_id = fields.Many2one(
        "ilo.collaboration.area",
        string="Collaboration area",
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    is_partnership = fields.Boolean(
        string="Partnership project",
        compute="_compute_is_partnership",
        store=True,
        index=True,
        help="Set when the project has a collaboration area: partnership menus show "
        "only these projects.",
    )
    lead_organisation = fields.Selection(
        LEAD_ORGANISATIONS, default="joint", tracking=True
    )
    country_ids = fields.Many2many("res.country", string="Countries")
    institution_ids = fields.Many2many(
        "res.partner",
        "project_project_ilo_institution_rel",
        "project_id",
        "partner_id",
        string="Counterpart institutions",
        help="Social security institutions, ministries, employers' and workers' "
        "organisations the project works with.",
    )
    mission_ids = fields.One2many(
        "ilo.advisory.mission", "project_id", string="Missions"
    )
    training_ids = fields.One2many("ilo.training", "project_id", string="Trainings")
    deliverable_ids = fields.One2many(
        "ilo.deliverable", "project_id", string="Deliverables"
    )
    budget_line_ids = fields.One2many("ilo.budget.line", "project_id", string="Budget")
    mission_count = fields.Integer(compute="_compute_activity_counts")
    training_count = fields.Integer(compute="_compute_activity_counts")
    deliverable_count = fields.Integer(compute="_compute_activity_counts")

    @api.depends("collaboration_area_id")
    def _compute_is_partnership(self):
        for project in self:
            project.is_partnership = bool(project.collaboration_area_id)

    def _compute_activity_counts(self):
        counts = {}
        for model, field in (
            ("ilo.advisory.mission", "mission_count"),
            ("ilo.training", "training_count"),
            ("ilo.deliverable", "deliverable_count"),
        ):
            groups = self.env[model]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
            counts[field] = {project.id: count for project, count in groups}
        for project in self:
            for field, by_project in counts.items():
                project[field] = by_project.get(project.id, 0)

    def _action_activities(self, model, name):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            f"ilo_issa_partnership.{model.replace('.', '_')}_action"
        )
        action.update(
            {
                "name": name,
                "domain": [("project_id", "=", self.id)],
                "context": {"default_project_id": self.id},
            }
        )
        return action

    def action_view_missions(self):
        return self._action_activities("ilo.advisory.mission", self.env._("Missions"))

    def action_view_trainings(self):
        return self._action_activities("ilo.training", self.env._("Trainings"))

    def action_view_deliverables(self):
        return self._action_activities("ilo.deliverable", self.env._("Deliverables"))
