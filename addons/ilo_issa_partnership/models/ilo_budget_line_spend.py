# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models

from .res_currency_rate import rate_cache, rate_missing

# what decides which costs a budget line is matched with
MATCHED_BUDGET_FIELDS = frozenset(
    ("project_id", "funding_source_id", "category", "date_from", "date_to")
)


class IloBudgetLine(models.Model):
    """Actual spend on a budget line: entered from the line's form (on the project's
    analytic account) and converted at each cost's date — never 1:1 when a rate is
    missing: the line is flagged instead."""

    _inherit = "ilo.budget.line"

    project_account_id = fields.Many2one(
        related="project_id.account_id", string="Project analytic account"
    )
    ilo_rate_missing = fields.Boolean(
        string="Rate missing",
        compute="_compute_ilo_rate_missing",
        store=True,
        index="btree_not_null",
        help="An exchange rate is missing for the line's currency or a cost's: at the "
        "line's start (company-currency amounts) or at a cost's date. What cannot be "
        "converted is left out of the actual until the rate is entered.",
    )

    @api.depends(
        "analytic_line_ids.ilo_rate_missing",
        "analytic_line_ids.date",
        "currency_id",
        "company_id",
        "date_from",
    )
    def _compute_ilo_rate_missing(self):
        reporting = self._ilo_reporting_currency()
        costs_of = self._ilo_costs()
        for company, lines, first_dates in self._ilo_rate_groups():
            for line in lines:
                costs = costs_of[line]
                dates = [line.date_from, *costs.mapped("date")]
                unconverted = costs.filtered(
                    lambda c, line=line: c.ilo_rate_missing
                    and c.ilo_spend_currency_id != line.currency_id
                )
                line.ilo_rate_missing = (
                    bool(unconverted)
                    or any(
                        rate_missing(line.currency_id, company, day, first_dates)
                        for day in dates
                        if day
                    )
                    or rate_missing(reporting, company, line.date_from, first_dates)
                )

    @api.depends(
        "analytic_line_ids.amount",
        "analytic_line_ids.date",
        "analytic_line_ids.currency_id",
        "analytic_line_ids.ilo_spend_amount",
        "analytic_line_ids.ilo_spend_currency_id",
        "analytic_line_ids.ilo_rate_missing",
        "currency_id",
        "company_id",
    )
    def _compute_amount_actual(self):
        """The sum of the line's costs in its currency, each at its date: a cost paid
        in the line's currency counts as paid; others are converted from the company's
        currency; a cost that cannot be converted (a rate missing) is left out and the
        line flagged (``ilo_rate_missing``). Each rate is asked once per batch."""
        convert = rate_cache()
        costs_of = self._ilo_costs()
        for company, lines, first_dates in self._ilo_rate_groups():
            for line in lines:
                total = 0.0
                for cost in costs_of[line]:
                    day = cost.date or fields.Date.context_today(self)
                    if cost.ilo_spend_currency_id == line.currency_id:
                        total += cost.ilo_spend_amount
                    elif cost.ilo_rate_missing:
                        continue
                    elif not rate_missing(line.currency_id, company, day, first_dates):
                        # costs are negative analytic amounts, in the company's currency
                        total += convert(
                            -cost.amount,
                            cost.currency_id,
                            line.currency_id,
                            company,
                            day,
                        )
                line.amount_actual = total

    def _ilo_costs(self):
        """{budget line: its costs}, the costs of saved lines read in one query with
        what the totals need (not each line's costs in turn: a batch of budget lines
        with a million costs between them)."""
        if not all(isinstance(id_, int) for id_ in self._ids):  # forms' new lines
            return {line: line.analytic_line_ids for line in self}
        costs = (
            self.env["account.analytic.line"]
            .sudo()
            .search_fetch(
                [("ilo_budget_line_id", "in", self.ids)],
                [
                    "ilo_budget_line_id",
                    "date",
                    "amount",
                    "currency_id",
                    "ilo_spend_amount",
                    "ilo_spend_currency_id",
                    "ilo_rate_missing",
                ],
                order="id",
            )
        )
        by_line = defaultdict(list)
        for cost in costs:
            by_line[cost.ilo_budget_line_id.id].append(cost.id)
        return {line: costs.browse(by_line[line.id]) for line in self}

    # --- costs found by their analytic distribution -------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._ilo_rematch_spend(lines.sudo().project_account_id)
        return lines

    def write(self, vals):
        matched = {
            "project_id",
            "funding_source_id",
            "category",
            "date_from",
            "date_to",
        }
        if not matched & vals.keys():
            return super().write(vals)
        accounts = self.sudo().project_account_id
        result = super().write(vals)
        self._ilo_rematch_spend(accounts | self.sudo().project_account_id)
        return result

    @api.model
    def _ilo_rematch_spend(self, accounts):
        """Budget lines created or changed: the costs on these project accounts that
        are not linked by hand find their budget line again."""
        if accounts:
            self.env["account.analytic.line"].sudo().search(
                [
                    ("account_id", "in", accounts.ids),
                    ("ilo_budget_line_manual", "=", False),
                ]
            )._ilo_match_budget_lines()
