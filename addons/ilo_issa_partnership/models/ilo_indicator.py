# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules import PeriodValue, check_value, progress, value_to_date

MEASURES = [
    ("unit", "Number"),
    ("percentage", "Percentage"),
    ("qualitative", "Qualitative"),
]
AGGREGATIONS = [
    ("sum", "Periods add up"),
    ("latest", "Latest period"),
]
# Where the actuals of an indicator come from. "manual": officers enter them; the
# others are counted from the programme itself for the project and the period (see
# ilo.indicator.period._programme_actuals). c102_campaign adds its own.
SOURCES = [
    ("manual", "Entered by officers"),
    ("people_trained", "People trained (attended)"),
    ("women_share", "Share of women among people trained (%)"),
    ("guidelines_published", "Guidelines published"),
    ("deliverables_published", "Deliverables published"),
    ("missions_done", "Advisory missions completed"),
]
SOURCE_MEASURES = {
    "people_trained": "unit",
    "women_share": "percentage",
    "guidelines_published": "unit",
    "deliverables_published": "unit",
    "missions_done": "unit",
}
SOURCE_DISAGGREGATION = {"people_trained"}


class IloIndicator(models.Model):
    """An indicator of a result, with its baseline, target and periods."""

    _name = "ilo.indicator"
    _description = "Result Indicator"
    _inherit = ["mail.thread", "ilo.input.check.mixin"]
    _order = "result_id, sequence, id"

    name = fields.Char(required=True, tracking=True, translate=True)
    sequence = fields.Integer(default=10)
    result_id = fields.Many2one(
        "ilo.result", string="Result", required=True, index=True, ondelete="cascade"
    )
    result_type = fields.Selection(related="result_id.result_type", store=True)
    project_id = fields.Many2one(
        related="result_id.project_id", store=True, index=True, string="Project"
    )
    company_id = fields.Many2one(
        related="result_id.company_id", store=True, index=True, string="Company"
    )
    collaboration_area_id = fields.Many2one(
        related="result_id.collaboration_area_id", store=True, index=True
    )
    measure = fields.Selection(MEASURES, required=True, default="unit", tracking=True)
    unit_label = fields.Char(
        string="Unit", translate=True, help="What is counted, e.g. people, countries."
    )
    aggregation = fields.Selection(
        AGGREGATIONS,
        string="Value to date",
        required=True,
        default="sum",
        tracking=True,
        help="Periods add up: the value to date is the sum of the approved periods "
        "(people trained each year). Latest period: each period states a level and "
        "the value to date is the latest approved one (a share, a number of "
        "countries).",
    )
    source = fields.Selection(
        SOURCES,
        string="Actuals",
        required=True,
        default="manual",
        tracking=True,
        help="Entered by officers, or counted from the programme for the project and "
        "the period when the period is submitted (and with Refresh while in draft).",
    )
    disaggregate_sex = fields.Boolean(
        string="By sex", help="Periods record the actual for women and for men."
    )
    disaggregate_group = fields.Boolean(
        string="By constituent group",
        help="Periods record the actual per constituent group (governments, "
        "employers' and workers' organisations, social security institutions).",
    )
    # figures of different units: never summed in grouped lists
    baseline_value = fields.Float(string="Baseline", tracking=True, aggregator=None)
    baseline_year = fields.Integer(tracking=True, aggregator=None)
    baseline_comment = fields.Text(string="Baseline (qualitative)")
    target_value = fields.Float(
        string="Target",
        tracking=True,
        aggregator=None,
        help="The life-of-project target.",
    )
    target_comment = fields.Text(string="Target (qualitative)")
    period_ids = fields.One2many(
        "ilo.indicator.period", "indicator_id", string="Periods"
    )
    actual_to_date = fields.Float(
        compute="_compute_progress",
        store=True,
        aggregator=None,
        help="From the approved periods: their sum, or the latest, by the indicator's "
        "setting.",
    )
    progress = fields.Float(
        string="Progress (%)",
        compute="_compute_progress",
        store=True,
        aggregator="avg",
        help="Share of the way from the baseline to the target covered to date.",
    )
    has_progress = fields.Boolean(compute="_compute_progress", store=True)
    last_period_end = fields.Date(compute="_compute_progress", store=True)
    active = fields.Boolean(default=True)

    @api.depends(
        "measure",
        "aggregation",
        "baseline_value",
        "target_value",
        "period_ids.state",
        "period_ids.actual_value",
        "period_ids.date_end",
    )
    def _compute_progress(self):
        for indicator in self:
            approved = indicator.period_ids.filtered(lambda p: p.state == "approved")
            value = value_to_date(
                indicator.measure,
                indicator.aggregation,
                [PeriodValue(p.date_end, p.actual_value) for p in approved],
            )
            share = progress(
                indicator.measure,
                indicator.baseline_value,
                indicator.target_value,
                value,
            )
            indicator.actual_to_date = value or 0.0
            indicator.progress = share or 0.0
            indicator.has_progress = share is not None
            indicator.last_period_end = max(approved.mapped("date_end"), default=False)

    @api.onchange("source")
    def _onchange_source(self):
        measure = self._source_measure()
        if measure:
            self.measure = measure
            self.aggregation = self._source_aggregation()
        if self.source in SOURCE_DISAGGREGATION:
            self.disaggregate_sex = True

    @api.constrains("measure", "source")
    def _check_source_measure(self):
        labels = dict(self._fields["measure"]._description_selection(self.env))
        for indicator in self:
            expected = indicator._source_measure()
            if expected and expected != indicator.measure:
                raise ValidationError(
                    self.env._(
                        "%(indicator)s counts its actuals from the programme as a "
                        "%(expected)s; set its measure to %(expected)s.",
                        indicator=indicator.display_name,
                        expected=labels[expected],
                    )
                )

    def _source_aggregation(self):
        """How the periods of an automatic source combine: counts of events add up,
        shares are levels."""
        self.ensure_one()
        return "latest" if self._source_measure() == "percentage" else "sum"

    def _source_measure(self):
        """The measure the indicator's automatic source produces (None: manual)."""
        self.ensure_one()
        return SOURCE_MEASURES.get(self.source)

    @api.constrains("measure", "baseline_value", "target_value")
    def _check_values(self):
        for indicator in self:
            for what, value in (
                (self.env._("The baseline"), indicator.baseline_value),
                (self.env._("The target"), indicator.target_value),
            ):
                indicator._raise_value_error(what, value)

    def _raise_value_error(self, what, value):
        error = check_value(self.measure, value)
        if error == "percentage":
            raise ValidationError(
                self.env._(
                    "%(what)s of %(indicator)s must be between 0 and 100 "
                    "(got %(value)s).",
                    what=what,
                    indicator=self.display_name,
                    value=value,
                )
            )
        if error == "negative":
            raise ValidationError(
                self.env._(
                    "%(what)s of %(indicator)s cannot be negative (got %(value)s).",
                    what=what,
                    indicator=self.display_name,
                    value=value,
                )
            )

    @api.constrains("baseline_year")
    def _check_baseline_year(self):
        for indicator in self:
            year = indicator.baseline_year
            if year and not 1950 <= year <= 2100:
                raise ValidationError(
                    self.env._(
                        "%(indicator)s: the baseline year %(year)s is not a year "
                        "between 1950 and 2100.",
                        indicator=indicator.display_name,
                        year=year,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        self.period_ids._check_approved_unlink()
