# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import api, models


def first_rate_dates(env, currencies, company):
    """{currency: the date of its first rate} as Odoo converts for ``company`` (the
    rates of its root company, or shared ones)."""
    if not currencies:
        return {}
    groups = (
        env["res.currency.rate"]
        .sudo()
        ._read_group(
            [
                ("currency_id", "in", currencies.ids),
                ("company_id", "in", [False, company.root_id.id]),
            ],
            ["currency_id"],
            ["name:min"],
        )
    )
    return dict(groups)


def rate_missing(currency, company, date, first_dates):
    """No rate of ``currency`` on or before ``date``: Odoo would convert at a later
    rate, or 1:1 when the currency has none. The company's own currency needs none."""
    if not currency or currency == company.currency_id:
        return False
    first = first_dates.get(currency)
    return not first or not date or date < first


def rate_cache():
    """A converter that asks Odoo each rate once (per currency, target, company and
    day) for a batch of amounts: ``convert(amount, currency, target, company, day)``
    gives what ``currency._convert(amount, target, company, day)`` gives."""
    rates = {}

    def convert(amount, currency, target, company, day):
        if not amount:
            return 0.0
        key = (currency.id, target.id, company.id, day)
        if key not in rates:
            rates[key] = currency._get_conversion_rate(currency, target, company, day)
        return target.round(amount * rates[key])

    return convert


class ResCurrencyRate(models.Model):
    """A rate added, corrected or removed: the partnership's converted amounts that
    rest on it follow (spend in company currency, budget lines' actuals and company
    amounts). Stored at the rate of their date, they are recomputed here rather than
    converted at each read, so that pivots and sorts stay plain SQL sums."""

    _inherit = "res.currency.rate"

    @api.model_create_multi
    def create(self, vals_list):
        rates = super().create(vals_list)
        rates._ilo_follow(rates.currency_id, min(rates.mapped("name")))
        return rates

    def write(self, vals):
        if not {"rate", "name", "currency_id", "company_id"} & vals.keys():
            return super().write(vals)
        currencies, dates = self.currency_id, self.mapped("name")
        result = super().write(vals)
        self._ilo_follow(
            currencies | self.currency_id, min(dates + self.mapped("name"))
        )
        return result

    def unlink(self):
        currencies, dates = self.currency_id, self.mapped("name")
        result = super().unlink()
        if dates:
            self.browse()._ilo_follow(currencies, min(dates))
        return result

    @api.model
    def _ilo_follow(self, currencies, since):
        """Reconvert what rests on the rates of ``currencies`` from ``since`` on."""
        if not currencies or since is None:
            return
        env = self.env(su=True)
        if not env["res.currency.rate"].search_count(
            [("currency_id", "in", currencies.ids), ("name", "<", since)], limit=1
        ):
            # the first rate: Odoo converts earlier dates at it too
            since = date.min
        env["account.analytic.line"].search(
            [("ilo_spend_currency_id", "in", currencies.ids), ("date", ">=", since)]
        )._ilo_convert_spend()
        budgets = env["ilo.budget.line"].with_context(active_test=False)
        # the reporting currency's rates count for every line (its reporting amounts)
        of_currency = (
            []
            if budgets._ilo_reporting_currency() in currencies
            else [("currency_id", "in", currencies.ids)]
        )
        budgets.search(
            [
                *of_currency,
                "|",
                ("date_from", ">=", since),
                ("analytic_line_ids.date", ">=", since),
            ]
        ).modified(["currency_id"])
