# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from odoo.addons.ilo_issa_partnership.models.res_users import MANAGER

_lt = LazyTranslate(__name__)


class C102GapAssessment(models.Model):
    """A comparative (gap) assessment of national law and practice against C102."""

    _name = "c102.gap.assessment"
    _description = "C102 Gap Assessment"
    _inherit = ["ilo.workflow.mixin", "mail.thread", "ilo.input.check.mixin"]
    _order = "date desc, id desc"
    _locked_states = ("validated",)
    _workflow_waiting = {
        "draft": (
            MANAGER,
            _lt(
                "Draft: a partnership manager validates the assessment once its "
                "Parts are assessed; it then counts for the country's readiness."
            ),
        )
    }

    name = fields.Char(compute="_compute_name", store=True)
    c102_country_id = fields.Many2one(
        "c102.country", string="Country", required=True, index=True, tracking=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("validated", "Validated")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    author_id = fields.Many2one(
        "res.users", string="Author", default=lambda self: self.env.user, tracking=True
    )
    source_document = fields.Char(
        help="Reference or link of the study the assessment is based on."
    )
    source_attachment = fields.Binary(string="Source file", attachment=True)
    source_filename = fields.Char()
    line_ids = fields.One2many(
        "c102.gap.assessment.line", "assessment_id", string="Assessed Parts", copy=True
    )
    compliant_count = fields.Integer(compute="_compute_counts", store=True)
    gap_count = fields.Integer(compute="_compute_counts", store=True)
    review_count = fields.Integer(compute="_compute_counts", store=True)

    @api.depends("c102_country_id.name", "date")
    def _compute_name(self):
        for assessment in self:
            assessment.name = self.env._(
                "%(country)s gap assessment, %(date)s",
                country=assessment.c102_country_id.name or "",
                date=assessment.date or "",
            )

    @api.depends("line_ids.result")
    def _compute_counts(self):
        for assessment in self:
            results = assessment.line_ids.mapped("result")
            assessment.compliant_count = results.count("compliant")
            assessment.gap_count = results.count("gap")
            assessment.review_count = results.count("review")

    def action_validate(self):
        self._check_group(MANAGER, self.env._("validate assessments"))
        self._check_has_lines()
        self._transition(["draft"], "validated")
        self.c102_country_id._advance_stage("gap_assessment")
        return True

    def action_draft(self):
        self._check_group(MANAGER, self.env._("reopen validated assessments"))
        return self._transition(["validated"], "draft")

    def _check_has_lines(self):
        for assessment in self.filtered(lambda a: not a.line_ids):
            raise UserError(
                self.env._(
                    "%(name)s assesses no Part: add at least one line.",
                    name=assessment.name,
                )
            )

    def _locked_message(self):
        return self.env._(
            "A validated assessment cannot be changed: reset it to draft first."
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_validated(self):
        validated = self.filtered(lambda a: a.state == "validated")
        if validated:
            raise UserError(
                self.env._(
                    "%(name)s is validated: it is the basis of the country's "
                    "readiness and cannot be deleted. A manager can reopen it first.",
                    name=validated[0].name,
                )
            )
