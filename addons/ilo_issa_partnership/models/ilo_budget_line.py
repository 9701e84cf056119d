# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_amount

from .ilo_budget_totals_mixin import AMOUNTS
from .res_currency_rate import first_rate_dates, rate_missing

BUDGET_CATEGORIES = [
    ("staff", "Staff"),
    ("travel", "Travel"),
    ("consultants", "Consultants"),
    ("meetings", "Meetings"),
    ("translation", "Translation"),
    ("printing", "Printing"),
    ("equipment", "Equipment"),
    ("other", "Other"),
]


class IloBudgetLine(models.Model):
    """What an activity is planned to cost, per funding source, category and year;
    what is committed, and what was actually spent (from analytic accounting)."""

    _name = "ilo.budget.line"
    _description = "Activity Budget Line"
    _inherit = ["mail.thread", "ilo.group.order.mixin", "ilo.input.check.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    active = fields.Boolean(
        default=True,
        tracking=True,
        help="Archive a line to close it: it leaves the lists, and its amounts still "
        "count in every total and report.",
    )
    project_id = fields.Many2one(
        "project.project",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_partnership", "=", True)],
        tracking=True,
    )
    collaboration_area_id = fields.Many2one(
        related="project_id.collaboration_area_id", store=True, string="Area"
    )
    company_id = fields.Many2one(related="project_id.company_id", store=True)
    company_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company currency"
    )
    mission_id = fields.Many2one(
        "ilo.advisory.mission", index=True, ondelete="restrict", check_company=True
    )
    training_id = fields.Many2one(
        "ilo.training", index=True, ondelete="restrict", check_company=True
    )
    deliverable_id = fields.Many2one(
        "ilo.deliverable", index=True, ondelete="restrict", check_company=True
    )
    funding_source_id = fields.Many2one(
        "ilo.funding.source",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    category = fields.Selection(BUDGET_CATEGORIES, required=True, default="other")
    date_from = fields.Date(
        required=True,
        tracking=True,
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
        help="Taken from the mission or training when one is chosen; change it if "
        "needed.",
    )
    date_to = fields.Date(
        required=True,
        tracking=True,
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
    )
    year = fields.Integer(compute="_compute_year", store=True, aggregator=None)
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        compute="_compute_currency_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    amount_planned = fields.Monetary(string="Planned", tracking=True)
    amount_committed = fields.Monetary(string="Committed", tracking=True)
    amount_actual = fields.Monetary(
        string="Actual", compute="_compute_amount_actual", store=True
    )
    amount_available = fields.Monetary(
        string="Available", compute="_compute_amount_available", store=True
    )
    amount_planned_company = fields.Monetary(
        string="Planned (company currency)",
        compute="_compute_company_amounts",
        store=True,
        currency_field="company_currency_id",
    )
    amount_committed_company = fields.Monetary(
        string="Committed (company currency)",
        compute="_compute_company_amounts",
        store=True,
        currency_field="company_currency_id",
    )
    amount_actual_company = fields.Monetary(
        string="Actual (company currency)",
        compute="_compute_company_amounts",
        store=True,
        currency_field="company_currency_id",
    )
    amount_available_company = fields.Monetary(
        string="Available (company currency)",
        compute="_compute_company_amounts",
        store=True,
        currency_field="company_currency_id",
    )
    reporting_currency_id = fields.Many2one(
        "res.currency",
        string="Reporting currency",
        compute="_compute_company_amounts",
        store=True,
        help="The programme's one currency for totals across companies and "
        "currencies (system parameter ilo_issa_partnership.reporting_currency, an ISO "
        "code; USD unless set).",
    )
    amount_planned_reporting = fields.Monetary(
        string="Planned (reporting currency)",
        compute="_compute_company_amounts",
        store=True,
        currency_field="reporting_currency_id",
    )
    amount_committed_reporting = fields.Monetary(
        string="Committed (reporting currency)",
        compute="_compute_company_amounts",
        store=True,
        currency_field="reporting_currency_id",
    )
    amount_actual_reporting = fields.Monetary(
        string="Actual (reporting currency)",
        compute="_compute_company_amounts",
        store=True,
        currency_field="reporting_currency_id",
    )
    amount_available_reporting = fields.Monetary(
        string="Available (reporting currency)",
        compute="_compute_company_amounts",
        store=True,
        currency_field="reporting_currency_id",
    )
    delivery_rate = fields.Float(
        string="Delivery rate (%)",
        compute="_compute_amount_available",
        store=True,
        aggregator=None,
    )
    is_over_budget = fields.Boolean(
        string="Over budget",
        compute="_compute_amount_available",
        store=True,
        index=True,
        tracking=True,
        help="Committed plus actual exceed the planned amount.",
    )
    analytic_line_ids = fields.One2many(
        "account.analytic.line", "ilo_budget_line_id", string="Actual spend"
    )

    @api.depends("project_id.name", "category", "year", "funding_source_id.code")
    def _compute_name(self):
        labels = dict(self._fields["category"]._description_selection(self.env))
        for line in self:
            if not line.name:
                line.name = " / ".join(
                    filter(
                        None,
                        [
                            line.funding_source_id.code,
                            labels.get(line.category),
                            str(line.year or ""),
                        ],
                    )
                )

    @api.depends("mission_id", "training_id")
    def _compute_dates(self):
        """A line of a mission or training takes its dates (a new line, or the
        activity changed); lines without a dated activity keep theirs."""
        for line in self:
            activity = line.mission_id or line.training_id
            if activity.date_start:
                line.date_from = activity.date_start
                line.date_to = activity.date_end or activity.date_start
            else:
                line.date_from = line.date_from
                line.date_to = line.date_to

    @api.depends("date_from")
    def _compute_year(self):
        for line in self:
            line.year = line.date_from.year if line.date_from else 0

    @api.depends("funding_source_id")
    def _compute_currency_id(self):
        for line in self:
            if line.funding_source_id and not line.currency_id:
                line.currency_id = line.funding_source_id.currency_id

    @api.depends(
        "analytic_line_ids.amount",
        "analytic_line_ids.date",
        "analytic_line_ids.currency_id",
        "currency_id",
        "company_id",
    )
    def _compute_amount_actual(self):
        for line in self:
            total = 0.0
            for cost in line.analytic_line_ids:
                # costs are negative analytic amounts, in the company's currency
                total += cost.currency_id._convert(
                    -cost.amount,
                    line.currency_id,
                    line.company_id or self.env.company,
                    cost.date or fields.Date.context_today(self),
                )
            line.amount_actual = total

    @api.depends("amount_planned", "amount_committed", "amount_actual")
    def _compute_amount_available(self):
        for line in self:
            spent = line.amount_committed + line.amount_actual
            line.amount_available = line.amount_planned - spent
            line.delivery_rate = (
                100.0 * line.amount_actual / line.amount_planned
                if line.amount_planned
                else 0.0
            )
            line.is_over_budget = (
                line.currency_id.compare_amounts(spent, line.amount_planned) > 0
                if line.currency_id
                else spent > line.amount_planned
            )

    @api.depends(
        "amount_planned",
        "amount_committed",
        "amount_actual",
        "currency_id",
        "date_from",
    )
    def _compute_company_amounts(self):
        """In the company's currency and in the reporting currency, at the rate of
        the line's start; without a rate on or before it, zero (never 1:1): the line
        is flagged ``ilo_rate_missing`` until a rate comes."""
        reporting = self._ilo_reporting_currency()
        for company, lines, first_dates in self._ilo_rate_groups():
            for line in lines:
                line.reporting_currency_id = reporting
                for target, suffix in (
                    (company.currency_id, "company"),
                    (reporting, "reporting"),
                ):
                    for field in AMOUNTS:
                        line[f"{field}_{suffix}"] = line._ilo_convert(
                            line[field], target, company, first_dates
                        )

    def _ilo_rate_groups(self):
        """(company, its lines, the first rate dates of their currencies and the
        reporting currency), per company of these lines."""
        reporting = self._ilo_reporting_currency()
        for company, lines in self.grouped("company_id").items():
            company = company or self.env.company
            currencies = lines.currency_id | reporting
            yield company, lines, first_rate_dates(self.env, currencies, company)

    def _ilo_convert(self, amount, target, company, first_dates):
        """``amount`` of the line's currency in ``target``, at the rate of the line's
        start; zero when either currency has no rate on or before it (never 1:1)."""
        date = self.date_from or fields.Date.context_today(self)
        if not self.currency_id or any(
            rate_missing(currency, company, date, first_dates)
            for currency in (self.currency_id, target)
        ):
            return 0.0
        return self.currency_id._convert(amount, target, company, date)

    @api.model
    def _ilo_reporting_currency(self):
        """The programme's reporting currency: totals across companies and
        currencies are given in it only, at the rates of each line's start."""
        code = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("ilo_issa_partnership.reporting_currency", "USD")
        )
        currency = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search([("name", "=", code)], limit=1)
        )
        return currency or self.env.ref("base.USD")

    # --- validation ---------------------------------------------------------------

    @api.constrains("amount_planned", "amount_committed")
    def _check_amounts(self):
        for line in self:
            if line.amount_planned < 0 or line.amount_committed < 0:
                raise ValidationError(
                    self.env._(
                        "%(line)s: planned and committed amounts cannot be negative.",
                        line=line.display_name,
                    )
                )

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        """In order, and at most one year (both dates are required: the database
        refuses an empty one)."""
        for line in self.filtered(lambda line: line.date_from and line.date_to):
            if line.date_to < line.date_from:
                raise ValidationError(
                    self.env._(
                        "%(line)s: the end date is before the start date.",
                        line=line.display_name,
                    )
                )
            if line.date_to >= line.date_from + relativedelta(years=1):
                raise ValidationError(
                    self.env._(
                        "%(line)s: a budget line covers at most one year; split longer "
                        "envelopes into yearly lines.",
                        line=line.display_name,
                    )
                )

    @api.constrains("currency_id", "funding_source_id")
    def _check_currency(self):
        for line in self:
            source = line.funding_source_id
            if line.currency_id != source.currency_id:
                raise ValidationError(
                    self.env._(
                        "%(line)s: the line is in %(line_currency)s but its funding "
                        "source %(funding)s is in %(source_currency)s.",
                        line=line.display_name,
                        line_currency=line.currency_id.name,
                        funding=source.display_name,
                        source_currency=source.currency_id.name,
                    )
                )

    @api.constrains("mission_id", "training_id", "deliverable_id", "project_id")
    def _check_single_activity(self):
        """At most one activity, and one of the line's project."""
        for line in self:
            activities = [
                a for a in (line.mission_id, line.training_id, line.deliverable_id) if a
            ]
            if len(activities) > 1:
                raise ValidationError(
                    self.env._(
                        "%(line)s: a budget line belongs to at most one mission, "
                        "training or deliverable.",
                        line=line.display_name,
                    )
                )
            if activities and activities[0].project_id != line.project_id:
                raise ValidationError(
                    self.env._(
                        "%(line)s: %(activity)s belongs to another project.",
                        line=line.display_name,
                        activity=activities[0].display_name,
                    )
                )

    @api.constrains("amount_planned", "funding_source_id")
    def _check_envelope(self):
        """The funding sources' envelopes hold what their lines plan."""
        self.funding_source_id._check_allocation()

    def _check_budget_control(self):
        """Committed + actual above planned: refused for non-managers, flagged and
        logged for managers."""
        over = self.filtered("is_over_budget")
        if not over:
            return
        if not self.env.user._ilo_is_manager():
            raise UserError(
                "\n".join(
                    self.env._(
                        "Budget line %(line)s: planned %(planned)s, committed "
                        "%(committed)s, actual %(actual)s: short by %(shortfall)s. "
                        "Only a partnership manager can exceed the budget.",
                        line=line.display_name,
                        planned=format_amount(
                            self.env, line.amount_planned, line.currency_id
                        ),
                        committed=format_amount(
                            self.env, line.amount_committed, line.currency_id
                        ),
                        actual=format_amount(
                            self.env, line.amount_actual, line.currency_id
                        ),
                        shortfall=format_amount(
                            self.env, -line.amount_available, line.currency_id
                        ),
                    )
                    for line in over
                )
            )
        for line in over:
            # a note, never a mail: the manager may have no e-mail address
            line._message_log(
                body=self.env._(
                    "Over budget by %(shortfall)s (authorised by %(user)s).",
                    shortfall=format_amount(
                        self.env, -line.amount_available, line.currency_id
                    ),
                    user=self.env.user.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_budget_control()
        return lines

    def write(self, vals):
        result = super().write(vals)
        if {"amount_planned", "amount_committed"} & set(vals):
            self._check_budget_control()
        return result

    @api.constrains("funding_source_id", "project_id")
    def _check_funding_company(self):
        """A project of one company is not funded from another company's source
        (projects shared by all companies may use any source)."""
        for line in self:
            company = line.project_id.company_id
            if company and line.funding_source_id.company_id != company:
                raise ValidationError(
                    self.env._(
                        "%(line)s: the funding source %(funding_source)s belongs to "
                        "%(source_company)s, the project to %(company)s.",
                        line=line.display_name,
                        funding_source=line.funding_source_id.display_name,
                        source_company=line.funding_source_id.company_id.name,
                        company=company.name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_spent(self):
        for line in self:
            if line.analytic_line_ids or line.amount_committed:
                raise UserError(
                    self.env._(
                        "%(line)s cannot be deleted: it records money committed or "
                        "spent (committed %(committed)s, actual %(actual)s, %(count)s "
                        "costs). Archive it to close it; its amounts keep counting.",
                        line=line.display_name,
                        committed=format_amount(
                            self.env, line.amount_committed, line.currency_id
                        ),
                        actual=format_amount(
                            self.env, line.amount_actual, line.currency_id
                        ),
                        count=len(line.analytic_line_ids),
                    )
                )

    # --- totals for projects and activities ----------------------------------------

    @api.model
    def _totals(self, field, records):
        """Budget totals in company currency per record of ``field`` (one query), and
        whether a rate is missing under them (``rate_missing``). Archived lines are
        closed, not gone: their money still counts."""
        groups = self.with_context(active_test=False)._read_group(
            [(field, "in", records.ids)],
            [field],
            [f"{name}_company:sum" for name in AMOUNTS] + ["ilo_rate_missing:bool_or"],
        )
        return {
            record: dict(zip((*AMOUNTS, "rate_missing"), sums, strict=True))
            for record, *sums in groups
        }
