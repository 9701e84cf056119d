# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class IloBudgetRevision(models.Model):
    """A revision of a budget line's planned amount: who, when, why, from what to
    what. The line keeps its original amount (the first revision's amount before, or
    its planned amount when never revised)."""

    _name = "ilo.budget.revision"
    _description = "Budget Revision"
    _order = "date desc, id desc"
    _check_company_auto = True

    budget_line_id = fields.Many2one(
        "ilo.budget.line",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
    )
    company_id = fields.Many2one(related="budget_line_id.company_id", store=True)
    project_id = fields.Many2one(related="budget_line_id.project_id", store=True)
    funding_source_id = fields.Many2one(
        related="budget_line_id.funding_source_id", store=True
    )
    currency_id = fields.Many2one(related="budget_line_id.currency_id")
    date = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now, string="Revised on"
    )
    user_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        string="Revised by",
    )
    reason = fields.Text(required=True, readonly=True)
    amount_before = fields.Monetary(string="Planned before", readonly=True)
    amount_after = fields.Monetary(string="Planned after", readonly=True)
    amount_change = fields.Monetary(
        string="Change", compute="_compute_amount_change", store=True
    )

    @api.depends("amount_before", "amount_after")
    def _compute_amount_change(self):
        for revision in self:
            revision.amount_change = revision.amount_after - revision.amount_before
