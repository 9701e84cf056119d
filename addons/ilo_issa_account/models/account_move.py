# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError
from odoo.tools import format_date

from odoo.addons.ilo_issa_partnership.models.ilo_funding_source_analytic import (
    FUNDING_PLAN,
)
from odoo.addons.ilo_issa_partnership.models.res_currency_rate import (
    first_rate_dates,
    rate_missing,
)


class AccountMove(models.Model):
    """A bill or expense report distributed on a partnership funding source is not
    posted in a currency with no exchange rate on its date: Odoo would convert it 1:1
    and the budget's actual would be wrong."""

    _inherit = "account.move"

    def _post(self, soft=True):
        self._ilo_check_rates()
        return super()._post(soft=soft)

    def _ilo_check_rates(self):
        plan = self.env.ref(FUNDING_PLAN, raise_if_not_found=False)
        if not plan:
            return
        for move in self.filtered(lambda m: m.currency_id != m.company_id.currency_id):
            if not move._ilo_is_partnership_spend(plan):
                continue
            company = move.company_id
            day = move.invoice_date or move.date
            first = first_rate_dates(self.env, move.currency_id, company)
            if rate_missing(move.currency_id, company, day, first):
                raise UserError(
                    self.env._(
                        "%(move)s is spend of the partnership's budgets in "
                        "%(currency)s, which has no exchange rate on or before "
                        "%(date)s: enter that rate (Accounting → Configuration → "
                        "Currencies) and post again.",
                        move=move.display_name,
                        currency=move.currency_id.name,
                        date=format_date(self.env, day),
                    )
                )

    def _ilo_is_partnership_spend(self, plan):
        """Whether a line of the move is distributed on a funding source's account."""
        self.ensure_one()
        ids = {
            int(account_id)
            for line in self.line_ids
            for key in (line.analytic_distribution or {})
            for account_id in key.split(",")
        }
        accounts = self.env["account.analytic.account"].sudo().browse(ids).exists()
        return plan in accounts.root_plan_id
