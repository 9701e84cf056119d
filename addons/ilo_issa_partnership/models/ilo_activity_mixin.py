# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


def _refuse_state(records):
    raise UserError(
        records.env._(
            "%(model)s: the status changes through the workflow buttons (or their "
            "methods over RPC), not by writing it.",
            model=records._description,
        )
    )


def check_state_write(records, vals):
    """A workflow's state moves through its actions only (approval needs a manager,
    closing needs a report...): writing ``state`` from the UI, an import or RPC is
    refused. The actions check their own rules and the user's write access, then
    write through ``workflow_write``; data files (superuser) may set it. (No
    context key opens this: RPC callers choose their context.)"""
    if "state" in vals and not records.env.su:
        _refuse_state(records)


def check_state_create(model, vals_list):
    """New records start in the workflow's first state (see check_state_write)."""
    if model.env.su:
        return
    first = model.default_get(["state"]).get("state")
    if any(vals.get("state", first) != first for vals in vals_list):
        _refuse_state(model)


def workflow_write(records, vals):
    """Write a workflow step once the action has checked its own rules: the user
    must be allowed to write these records (access rights and record rules), then
    the write runs as superuser with the same user (tracking names them)."""
    records.check_access("write")
    return records.sudo().write(vals)


class IloActivityMixin(models.AbstractModel):
    """What missions, trainings and deliverables share: they belong to a partnership
    project, inherit its collaboration area, and move through a state workflow."""

    _name = "ilo.activity.mixin"
    _description = "Partnership Activity"

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

    def _transition(self, from_states, to_state):
        """Move to ``to_state``; every record must be in one of ``from_states``."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for activity in self:
            if activity.state not in from_states:
                raise UserError(
                    self.env._(
                        "%(activity)s cannot go from '%(current)s' to '%(target)s'; "
                        "it must be %(allowed)s first.",
                        activity=activity.display_name,
                        current=labels[activity.state],
                        target=labels[to_state],
                        allowed=self.env._(" or ").join(
                            f"'{labels[s]}'" for s in from_states
                        ),
                    )
                )
        workflow_write(self, {"state": to_state})
        return True

    @api.model_create_multi
    def create(self, vals_list):
        check_state_create(self, vals_list)
        return super().create(vals_list)

    def write(self, vals):
        check_state_write(self, vals)
        return super().write(vals)

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

    def _check_manager(self, action_label):
        if not self.env.user.has_group(
            "ilo_issa_partnership.group_partnership_manager"
        ):
            raise UserError(
                self.env._(
                    "Only partnership managers can %(action)s.", action=action_label
                )
            )
