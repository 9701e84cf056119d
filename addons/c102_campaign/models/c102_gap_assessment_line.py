# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..rules import assess_part
from .c102_part import COVERAGE_BASES

_lt = LazyTranslate(__name__)

RESULTS = [("compliant", "Compliant"), ("gap", "Gap"), ("review", "Review")]
CRITERIA = {
    "coverage_basis": _lt("Coverage basis"),
    "coverage_rate": _lt("Coverage"),
    "benefit_rate": _lt("Benefit rate"),
    "qualifying_years": _lt("Qualifying period"),
    "benefit_duration_weeks": _lt("Duration"),
    "waiting_days": _lt("Waiting period"),
    "pensionable_age": _lt("Pensionable age"),
}


class C102GapAssessmentLine(models.Model):
    """One Part of the Convention against one national scheme."""

    _name = "c102.gap.assessment.line"
    _description = "C102 Gap Assessment Line"
    _order = "assessment_id, part_sequence, id"

    assessment_id = fields.Many2one(
        "c102.gap.assessment", required=True, ondelete="cascade", index=True
    )
    part_id = fields.Many2one("c102.part", required=True, ondelete="restrict")
    part_sequence = fields.Integer(related="part_id.sequence", store=True)
    part_code = fields.Char(related="part_id.code")
    coverage_basis = fields.Selection(
        COVERAGE_BASES, required=True, default="employees"
    )
    coverage_rate = fields.Float(
        string="Coverage (%)", help="Share of the reference population protected."
    )
    benefit_rate = fields.Float(
        string="Benefit rate (%)",
        help="Benefit of the standard beneficiary as a percentage of the reference "
        "wage; for Part VII, the total value of family benefits as a percentage of "
        "the ordinary labourer's wage times the number of children.",
    )
    family_rate_basis = fields.Selection(
        [
            ("protected_children", "Children of protected persons"),
            ("all_children", "All children of residents"),
        ],
        default="protected_children",
    )
    qualifying_basis = fields.Selection(
        [("contribution", "Contribution or employment"), ("residence", "Residence")],
        default="contribution",
    )
    qualifying_years = fields.Float(string="Qualifying period (years)")
    benefit_duration_weeks = fields.Integer(
        string="Duration (weeks)", help="0 when the benefit is paid throughout."
    )
    waiting_days = fields.Integer()
    pensionable_age = fields.Float(help="Part V only.")
    uses_article3 = fields.Boolean(
        string="Article 3 exception",
        help="The country declared the Article 3 exception.",
    )
    result = fields.Selection(RESULTS, compute="_compute_result", store=True)
    gap_summary = fields.Text(compute="_compute_result", store=True)
    note = fields.Text()

    _sql_constraints = [
        (
            "part_unique",
            "unique(assessment_id, part_id)",
            "Each Part is assessed once per assessment.",
        ),
    ]

    @api.depends(
        "part_id",
        "coverage_basis",
        "coverage_rate",
        "benefit_rate",
        "family_rate_basis",
        "qualifying_basis",
        "qualifying_years",
        "benefit_duration_weeks",
        "waiting_days",
        "pensionable_age",
        "uses_article3",
    )
    def _compute_result(self):
        for line in self:
            if not line.part_id:
                line.result = False
                line.gap_summary = False
                continue
            outcome = assess_part(
                line.part_id.code,
                coverage_basis=line.coverage_basis,
                coverage_rate=line.coverage_rate,
                benefit_rate=line.benefit_rate,
                family_rate_basis=line.family_rate_basis,
                qualifying_basis=line.qualifying_basis,
                qualifying_years=line.qualifying_years,
                benefit_duration_weeks=line.benefit_duration_weeks,
                waiting_days=line.waiting_days,
                pensionable_age=line.pensionable_age,
                uses_article3=line.uses_article3,
            )
            line.result = outcome.result
            line.gap_summary = "\n".join(
                self.env._(
                    "%(criterion)s: required %(required)s, national %(national)s",
                    criterion=str(CRITERIA[f.criterion]),
                    required=f.required,
                    national=f.national,
                )
                for f in outcome.failures
            )

    @api.constrains(
        "coverage_rate", "benefit_rate", "qualifying_years", "benefit_duration_weeks"
    )
    def _check_ranges(self):
        for line in self:
            if not 0 <= line.coverage_rate <= 100:
                raise ValidationError(
                    self.env._("Coverage must be between 0 and 100%.")
                )
            if line.benefit_rate < 0 or line.qualifying_years < 0:
                raise ValidationError(
                    self.env._("Rates and qualifying periods cannot be negative.")
                )
            if line.benefit_duration_weeks < 0 or line.waiting_days < 0:
                raise ValidationError(
                    self.env._("Durations and waiting days cannot be negative.")
                )

    def _check_assessment_draft(self):
        if any(line.assessment_id.state == "validated" for line in self):
            raise UserError(
                self.env._(
                    "A validated assessment cannot be changed: reset it to draft first."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_assessment_draft()
        return lines

    def write(self, vals):
        self._check_assessment_draft()
        return super().write(vals)

    def unlink(self):
        self._check_assessment_draft()
        return super().unlink()
