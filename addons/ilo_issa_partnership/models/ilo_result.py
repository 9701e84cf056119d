# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

RESULT_TYPES = [("outcome", "Outcome"), ("output", "Output")]


class IloResult(models.Model):
    """An outcome or output of a partnership project's results framework.

    Outcomes are the changes the project contributes to (a national social protection
    floor extended, an institution applying the ISSA guidelines); outputs are what the
    project delivers towards an outcome (advice given, people trained). Outputs sit
    under an outcome of the same project; outcomes may sit under a broader outcome.
    """

    _name = "ilo.result"
    _description = "Result (outcome or output)"
    _inherit = ["mail.thread", "ilo.input.check.mixin"]
    _parent_store = True
    _order = "project_id, parent_path, sequence, id"

    name = fields.Char(required=True, tracking=True, translate=True)
    code = fields.Char(
        help="The result's number in the project document, e.g. 1 or 1.2.",
        tracking=True,
    )
    sequence = fields.Integer(default=10)
    result_type = fields.Selection(
        RESULT_TYPES, string="Type", required=True, default="outcome", tracking=True
    )
    project_id = fields.Many2one(
        "project.project",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        domain=[("is_partnership", "=", True)],
    )
    company_id = fields.Many2one(
        related="project_id.company_id", store=True, index=True, string="Company"
    )
    collaboration_area_id = fields.Many2one(
        related="project_id.collaboration_area_id", store=True, index=True
    )
    parent_id = fields.Many2one(
        "ilo.result",
        string="Contributes to",
        index=True,
        ondelete="cascade",
        domain="[('project_id', '=', project_id), ('result_type', '=', 'outcome')]",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("ilo.result", "parent_id", string="Contributions")
    description = fields.Html(sanitize=True)
    indicator_ids = fields.One2many("ilo.indicator", "result_id", string="Indicators")
    indicator_count = fields.Integer(compute="_compute_indicator_count")
    active = fields.Boolean(default=True)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for result in self:
            result.display_name = (
                f"{result.code} {result.name}" if result.code else result.name
            )

    def _compute_indicator_count(self):
        counts = dict(
            self.env["ilo.indicator"]._read_group(
                [("result_id", "in", self.ids)], ["result_id"], ["__count"]
            )
        )
        for result in self:
            result.indicator_count = counts.get(result, 0)

    @api.constrains("parent_id", "project_id", "result_type")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._("A result cannot contribute to itself, even indirectly.")
            )
        for result in self:
            parent = result.parent_id
            if not parent:
                continue
            if parent.project_id != result.project_id:
                raise ValidationError(
                    self.env._(
                        "%(result)s contributes to %(parent)s, a result of another "
                        "project (%(project)s).",
                        result=result.display_name,
                        parent=parent.display_name,
                        project=parent.project_id.display_name,
                    )
                )
            if parent.result_type != "outcome":
                raise ValidationError(
                    self.env._(
                        "%(result)s can only contribute to an outcome; %(parent)s is "
                        "an output.",
                        result=result.display_name,
                        parent=parent.display_name,
                    )
                )

    @api.constrains("project_id")
    def _check_partnership_project(self):
        for result in self:
            if not result.project_id.is_partnership:
                raise ValidationError(
                    self.env._(
                        "%(result)s: results belong to partnership projects; "
                        "%(project)s has no collaboration area.",
                        result=result.display_name,
                        project=result.project_id.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        indicators = (
            self.env["ilo.indicator"]
            .with_context(active_test=False)
            .search([("result_id", "child_of", self.ids)])
        )
        indicators.period_ids._check_approved_unlink()
