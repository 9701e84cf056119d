# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class IloActivityMixin(models.AbstractModel):
    """What missions, trainings and deliverables share: they belong to a partnership
    project, inherit its collaboration area, and move through a state workflow."""

    _name = "ilo.activity.mixin"
    _inherit = ["ilo.workflow.mixin"]
    _description = "Partnership Activity"
    # states in which an activity has history: archived, never deleted
    _history_states = ()

    project_id = fields.Many2one(
        "project.project",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain=[("is_partnership", "=", True)],
    )
    collaboration_area_id = fields.Many2one(
        related="project_id.collaboration_area_id",
        store=True,
        index=True,
        string="Collaboration area",
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, string="Company"
    )

    @api.constrains("project_id")
    def _check_partnership_project(self):
        for activity in self:
            if not activity.project_id.is_partnership:
                raise ValidationError(
                    self.env._(
                        "%(activity)s: the project %(project)s is not a partnership "
                        "project (it has no collaboration area).",
                        activity=activity.display_name,
                        project=activity.project_id.display_name,
                    )
                )

    def _check_dates(self, start_field, end_field):
        for activity in self:
            start, end = activity[start_field], activity[end_field]
            if start and end and end < start:
                raise ValidationError(
                    self.env._(
                        "%(activity)s: the end date (%(end)s) is before the start date "
                        "(%(start)s).",
                        activity=activity.display_name,
                        end=end,
                        start=start,
                    )
                )

    def _history_reason(self):
        """Why an activity in one of ``_history_states`` cannot be deleted."""
        raise NotImplementedError

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        self._refuse_unlink(
            self.filtered(lambda a: a.state in self._history_states),
            self._history_reason(),
        )
        self._refuse_unlink_with_budget()

    def _refuse_unlink(self, records, reason):
        """Refuse deleting ``records`` (records with history) with ``reason``; the
        message says to archive instead."""
        if records:
            raise UserError(
                self.env._(
                    "%(record)s cannot be deleted: %(reason)s Archive it instead "
                    "(Action → Archive): it then leaves the lists but keeps its "
                    "history.",
                    record=records[0].display_name,
                    reason=reason,
                )
            )

    def _refuse_unlink_with_budget(self):
        """Activities with budget lines: the lines (money) would be orphaned."""
        lines = self.env["ilo.budget.line"].sudo().with_context(active_test=False)
        funded = lines.search([(self._budget_line_field, "in", self.ids)], limit=1)
        if funded:
            raise UserError(
                self.env._(
                    "%(record)s cannot be deleted: it has budget lines (%(line)s). "
                    "Finance must move or delete them first, or archive the "
                    "activity.",
                    record=funded[self._budget_line_field].display_name,
                    line=funded.display_name,
                )
            )
