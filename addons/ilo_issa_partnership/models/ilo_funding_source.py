# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_amount


class IloFundingSource(models.Model):
    """A funding envelope: regular budget, ISSA contribution or a donor agreement."""

    _name = "ilo.funding.source"
    _description = "Funding Source"
    _inherit = ["mail.thread", "ilo.input.check.mixin"]
    _order = "code"
    # found by its code too (budget lines, the command-line import's funding_source)
    _rec_names_search = ["code", "name"]

    name = fields.Char(required=True, tracking=True)
    code = fields.Char(required=True, tracking=True)
    donor_id = fields.Many2one("res.partner", string="Donor", tracking=True)
    agreement_reference = fields.Char(tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.company.currency_id,
        tracking=True,
    )
    amount = fields.Monetary(string="Envelope", tracking=True)
    date_start = fields.Date(tracking=True)
    date_end = fields.Date(tracking=True)
    active = fields.Boolean(default=True)
    budget_line_ids = fields.One2many("ilo.budget.line", "funding_source_id")
    amount_allocated = fields.Monetary(compute="_compute_amounts", string="Allocated")
    amount_committed = fields.Monetary(compute="_compute_amounts", string="Committed")
    amount_actual = fields.Monetary(compute="_compute_amounts", string="Actual")
    amount_remaining = fields.Monetary(
        compute="_compute_amounts",
        string="Not allocated",
        help="Envelope minus the planned amounts of its budget lines.",
    )
    rate_missing = fields.Boolean(
        string="Rates missing",
        compute="_compute_amounts",
        help="An exchange rate is missing for one of its budget lines: what cannot be "
        "converted is left out of the actual (never counted 1:1) until the rate is "
        "entered.",
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "The code of a funding source must be unique."),
    ]

    def _compute_amounts(self):
        lines = self.env["ilo.budget.line"].with_context(active_test=False)
        groups = lines._read_group(
            [("funding_source_id", "in", self.ids)],
            ["funding_source_id"],
            [
                "amount_planned:sum",
                "amount_committed:sum",
                "amount_actual:sum",
                "ilo_rate_missing:bool_or",
            ],
        )
        totals = {source: rest for source, *rest in groups}
        for source in self:
            planned, committed, actual, missing = totals.get(
                source, (0.0, 0.0, 0.0, False)
            )
            source.rate_missing = missing
            source.amount_allocated = planned
            source.amount_committed = committed
            source.amount_actual = actual
            source.amount_remaining = source.amount - planned

    @api.constrains("amount", "date_start", "date_end")
    def _check_amount_and_dates(self):
        for source in self:
            if source.amount < 0:
                raise ValidationError(
                    self.env._(
                        "%(funding)s: the envelope cannot be negative.",
                        funding=source.name,
                    )
                )
            if (
                source.date_start
                and source.date_end
                and source.date_end < source.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "%(funding)s: the agreement ends before it starts.",
                        funding=source.name,
                    )
                )
        self._check_allocation()

    def _check_allocation(self):
        """Planned budget lines must fit in the envelope (archived ones too)."""
        lines = self.env["ilo.budget.line"].with_context(active_test=False)
        groups = lines._read_group(
            [("funding_source_id", "in", self.ids)],
            ["funding_source_id"],
            ["amount_planned:sum"],
        )
        allocations = dict(groups)
        for source in self:
            allocated = allocations.get(source, 0.0)
            if source.currency_id.compare_amounts(allocated, source.amount) > 0:
                raise ValidationError(
                    self.env._(
                        "Funding source %(funding)s: %(allocated)s would be allocated "
                        "to budget lines, beyond its envelope of %(amount)s (by "
                        "%(excess)s).",
                        funding=source.display_name,
                        allocated=format_amount(
                            self.env, allocated, source.currency_id
                        ),
                        amount=format_amount(
                            self.env, source.amount, source.currency_id
                        ),
                        excess=format_amount(
                            self.env, allocated - source.amount, source.currency_id
                        ),
                    )
                )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for source in self:
            source.display_name = (
                f"[{source.code}] {source.name}" if source.code else source.name
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_budgeted(self):
        lines = self.env["ilo.budget.line"].with_context(active_test=False)
        for source in self:
            count = lines.search_count([("funding_source_id", "=", source.id)])
            if count:
                raise UserError(
                    self.env._(
                        "%(funding_source)s cannot be deleted: %(count)s budget "
                        "lines are funded by it. Archive it instead; its lines keep "
                        "their funding.",
                        funding_source=source.display_name,
                        count=count,
                    )
                )
