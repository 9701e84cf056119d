# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.ilo_issa_partnership.models.ilo_budget_line_spend import (
    MATCHED_BUDGET_FIELDS,
)
from odoo.addons.ilo_issa_partnership.models.ilo_funding_source_analytic import (
    category_accounts,
)


class IloBudgetLine(models.Model):
    """With Odoo Accounting: the committed amount is computed: the open amount of the
    confirmed purchase orders distributed on the line, plus what is committed outside
    Purchase (typed or imported, as before the bridge)."""

    _inherit = "ilo.budget.line"

    amount_committed = fields.Monetary(
        compute="_compute_amount_committed",
        inverse="_inverse_amount_committed",
        store=True,
    )
    ilo_committed_purchase = fields.Monetary(
        string="Committed by purchase orders",
        compute="_compute_ilo_committed_purchase",
        store=True,
        help="Confirmed purchase orders not billed yet (untaxed), whose analytic "
        "distribution matches the line, converted at each order's date; the line's "
        "share of the distribution counts. Computed, never typed.",
    )
    ilo_committed_manual = fields.Monetary(
        string="Committed outside Purchase",
        help="Commitments not in Odoo Purchase (a contract, an agreement signed "
        "elsewhere): what finance types or imports as committed, beside the purchase "
        "orders.",
    )
    ilo_purchase_line_ids = fields.Many2many(
        "purchase.order.line",
        "ilo_budget_line_purchase_line_rel",
        "budget_line_id",
        "purchase_line_id",
        string="Purchase order lines",
        readonly=True,
        copy=False,
        groups="purchase.group_purchase_user",
    )

    @api.depends("ilo_committed_manual", "ilo_committed_purchase")
    def _compute_amount_committed(self):
        for budget in self:
            budget.amount_committed = (
                budget.ilo_committed_manual + budget.ilo_committed_purchase
            )

    def _inverse_amount_committed(self):
        """Committed typed or imported: what the purchase orders do not explain is
        committed outside Purchase."""
        for budget in self:
            budget.ilo_committed_manual = (
                budget.amount_committed - budget.ilo_committed_purchase
            )

    @api.depends(
        "ilo_purchase_line_ids.ilo_open_amount",
        "ilo_purchase_line_ids.currency_id",
        "ilo_purchase_line_ids.analytic_distribution",
        "currency_id",
        "company_id",
    )
    def _compute_ilo_committed_purchase(self):
        for budget in self:
            total = 0.0
            company = budget.company_id or self.env.company
            for line in budget.sudo().ilo_purchase_line_ids:
                share = line._ilo_budget_shares().get(budget._origin, 0.0)
                if not (share and line.ilo_open_amount):
                    continue
                total += line.currency_id._convert(
                    line.ilo_open_amount * share / 100.0,
                    budget.currency_id,
                    company,
                    line._ilo_date(),
                )
            budget.ilo_committed_purchase = total

    @api.model
    def _ilo_distribution_shares(self, distribution, day):
        """{budget line: percentage} of an analytic distribution ({"12,34,56": 60.0})
        on ``day``: each of its keys is spend of the budget line whose project,
        funding-source and category accounts it holds, ``day`` in its period (the
        earliest, as costs are matched)."""
        keys = {
            key: {int(i) for i in key.split(",") if i.isdigit()}
            for key in distribution or {}
        }
        ids = set().union(*keys.values()) if keys else set()
        categories = {a: c for a, c in category_accounts(self.env).items() if a in ids}
        if not categories:
            return {}
        candidates = self.with_context(active_test=False).search(
            [
                ("project_id.account_id", "in", list(ids)),
                ("funding_source_id.analytic_account_id", "in", list(ids)),
                ("category", "in", list(categories.values())),
                ("date_from", "<=", day),
                ("date_to", ">=", day),
            ],
            order="date_from, id",
        )
        shares = {}
        for key, accounts in keys.items():
            budget = next(
                (
                    b
                    for b in candidates
                    if b.project_id.account_id.id in accounts
                    and b.funding_source_id.analytic_account_id.id in accounts
                    and any(categories.get(a) == b.category for a in accounts)
                ),
                None,
            )
            if budget:
                shares[budget] = shares.get(budget, 0.0) + distribution[key]
        return shares

    @api.model_create_multi
    def create(self, vals_list):
        budgets = super().create(vals_list)
        budgets._ilo_rematch_purchases(budgets.sudo().project_account_id)
        return budgets

    def write(self, vals):
        if not MATCHED_BUDGET_FIELDS & vals.keys():
            return super().write(vals)
        accounts = self.sudo().project_account_id
        result = super().write(vals)
        self._ilo_rematch_purchases(accounts | self.sudo().project_account_id)
        return result

    @api.model
    def _ilo_rematch_purchases(self, accounts):
        if accounts:
            self.env["purchase.order.line"].sudo().search(
                [("analytic_distribution", "in", accounts.ids)]
            )._ilo_rematch_budget_lines()
