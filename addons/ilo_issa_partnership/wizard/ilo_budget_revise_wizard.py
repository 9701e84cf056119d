# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class IloBudgetReviseWizard(models.TransientModel):
    """Revise a budget line's planned amount, saying why: the revision is kept with
    who and when, the original amount stays on the line."""

    _name = "ilo.budget.revise.wizard"
    _description = "Revise a Budget Line"

    budget_line_id = fields.Many2one("ilo.budget.line", required=True, readonly=True)
    currency_id = fields.Many2one(related="budget_line_id.currency_id")
    amount_original = fields.Monetary(related="budget_line_id.amount_original")
    amount_current = fields.Monetary(
        related="budget_line_id.amount_planned", string="Planned now"
    )
    amount_new = fields.Monetary(
        string="New planned amount",
        required=True,
        compute="_compute_amount_new",
        store=True,
        readonly=False,
        precompute=True,
    )
    reason = fields.Text(required=True)

    @api.depends("budget_line_id")
    def _compute_amount_new(self):
        for wizard in self:
            wizard.amount_new = wizard.budget_line_id.amount_planned

    def action_revise(self):
        self.ensure_one()
        self._check_revision()
        self.budget_line_id.with_context(
            ilo_revision_reason=self.reason.strip()
        ).amount_planned = self.amount_new
        return {"type": "ir.actions.act_window_close"}

    def _check_revision(self):
        line = self.budget_line_id
        if not (self.reason or "").strip():
            raise UserError(
                self.env._(
                    "%(line)s: say why the budget is revised.", line=line.display_name
                )
            )
        if not line.currency_id.compare_amounts(self.amount_new, line.amount_planned):
            raise UserError(
                self.env._(
                    "%(line)s: the new planned amount is the current one; enter the "
                    "revised amount.",
                    line=line.display_name,
                )
            )
