# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import LazyTranslate

from ..rules import assess_part
from ..rules.ilostat import PART_CONTINGENCY, divergence
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
# How the gap check's figures read (Failure.required_term / national_term phrases).
PHRASES = {
    "one_of": _lt("one of %(options)s"),
    "pct_of": _lt("%(pct)s%% of %(basis)s"),
    "pct": _lt("%(value)s%%"),
    "max_years": _lt("at most %(years)s years of %(basis)s"),
    "throughout": _lt("throughout the contingency"),
    "min_weeks": _lt("at least %(weeks)s weeks or throughout the contingency"),
    "max_days": _lt("at most %(days)s days"),
    "max_age": _lt(
        "at most %(age)s years (or higher with due regard to the working "
        "ability of elderly persons, Art. 26(2))"
    ),
    "years": _lt("%(value)s years"),
    "weeks": _lt("%(value)s weeks"),
    "days": _lt("%(value)s days"),
}


# the fields the gap check (rules/standards.py) reads
ASSESSED_FIELDS = (
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


class C102GapAssessmentLine(models.Model):
    """One Part of the Convention against one national scheme."""

    _name = "c102.gap.assessment.line"
    _inherit = ["ilo.workflow.mixin", "ilo.input.check.mixin"]
    _lock_parent_field = "assessment_id"
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
    # law beside practice: the branch's effective coverage (SDG 1.3.1), latest year
    effective_coverage = fields.Float(
        compute="_compute_effective_coverage",
        string="Effective coverage (%)",
        digits=(16, 1),
        help="The effective coverage of this branch in the same country (ILOSTAT, "
        "SDG 1.3.1, both sexes, latest year), beside the legal coverage recorded.",
    )
    effective_year = fields.Integer(
        compute="_compute_effective_coverage", string="Effective coverage year"
    )
    coverage_divergence = fields.Float(
        compute="_compute_effective_coverage",
        string="Law minus practice (points)",
        digits=(16, 1),
    )
    coverage_diverges = fields.Boolean(
        compute="_compute_effective_coverage",
        string="Law and practice diverge",
        help="Legal and effective coverage differ by more than the threshold set in "
        "the settings (C102 Campaign: divergence threshold).",
    )
    # not stored: worded in the reader's language each time (no query involved)
    gap_summary = fields.Text(compute="_compute_gap_summary")
    note = fields.Text()

    _sql_constraints = [
        (
            "part_unique",
            "unique(assessment_id, part_id)",
            "Each Part is assessed once per assessment.",
        ),
    ]

    @api.model
    def _divergence_threshold(self):
        params = self.env["ir.config_parameter"].sudo()
        try:
            return float(params.get_param("c102_campaign.divergence_threshold", 20))
        except ValueError:
            return 20.0

    @api.depends(
        "part_id",
        "coverage_rate",
        "assessment_id.c102_country_id.coverage_ids.value",
        "assessment_id.c102_country_id.coverage_ids.year",
    )
    def _compute_effective_coverage(self):
        threshold = self._divergence_threshold()
        countries = self.assessment_id.c102_country_id
        latest = self.env["c102.coverage"]._latest(countries)
        for line in self:
            contingency = PART_CONTINGENCY.get(line.part_id.code)
            key = (line.assessment_id.c102_country_id.id, contingency)
            figure = latest.get(key) if contingency else None
            points, diverges = divergence(
                line.coverage_rate, figure.value if figure else None, threshold
            )
            line.effective_coverage = figure.value if figure else 0.0
            line.effective_year = figure.year if figure else 0
            line.coverage_divergence = points or 0.0
            line.coverage_diverges = diverges

    def _assess(self):
        """The gap check of rules/standards.py for this line (None without Part)."""
        self.ensure_one()
        if not self.part_id:
            return None
        return assess_part(
            self.part_id.code,
            coverage_basis=self.coverage_basis,
            coverage_rate=self.coverage_rate,
            benefit_rate=self.benefit_rate,
            family_rate_basis=self.family_rate_basis,
            qualifying_basis=self.qualifying_basis,
            qualifying_years=self.qualifying_years,
            benefit_duration_weeks=self.benefit_duration_weeks,
            waiting_days=self.waiting_days,
            pensionable_age=self.pensionable_age,
            uses_article3=self.uses_article3,
        )

    @api.depends(*ASSESSED_FIELDS)
    def _compute_result(self):
        for line in self:
            outcome = line._assess()
            line.result = outcome.result if outcome else False

    @api.depends(*ASSESSED_FIELDS)
    def _compute_gap_summary(self):
        for line in self:
            outcome = line._assess()
            line.gap_summary = outcome and "\n".join(
                self.env._(
                    "%(criterion)s: required %(required)s, national %(national)s",
                    criterion=str(CRITERIA[f.criterion]),
                    required=line._describe(*f.required_term),
                    national=line._describe(*f.national_term),
                )
                for f in outcome.failures
            )

    def _describe(self, phrase, values):
        """A figure of the gap check (rules/standards.py) in the user's language."""
        lang = self.env.lang or "en_US"
        bases = dict(self._fields["coverage_basis"]._description_selection(self.env))
        if phrase == "basis":
            return bases.get(values["basis"]) or self.env._("none")
        if phrase not in PHRASES:
            return str(values)
        params = {
            key: f"{value:g}" if isinstance(value, int | float) else value
            for key, value in values.items()
        }
        if phrase == "one_of":
            percent = PHRASES["pct"]._translate(lang)
            params["options"] = ", ".join(
                f"{bases.get(basis, basis)} {percent % {'value': f'{pct:g}'}}"
                for basis, pct in values["bases"]
            )
        elif phrase == "pct_of":
            params["basis"] = bases.get(values["basis"], values["basis"])
        elif phrase == "max_years":
            qualifying = dict(
                self._fields["qualifying_basis"]._description_selection(self.env)
            )
            params["basis"] = qualifying.get(values["basis"], values["basis"]).lower()
        return PHRASES[phrase]._translate(lang) % params

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
