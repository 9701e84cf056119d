# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# the donor financial report's amounts, in the order of its columns
REPORT_AMOUNTS = ("original", "revised", "committed", "actual", "balance")


class IloFundingSource(models.Model):
    """The donor financial report's figures: per period (year) and budget category,
    the original and revised budget, committed, actual and balance, in the funding
    source's (the donor's) currency, with the exchange rates used for the actuals."""

    _inherit = "ilo.funding.source"

    def _ilo_report_heading(self):
        """The funding source's donor, agreement and currency, as the budget and
        donor workbooks head their sheets: ``[(label, value)]``."""
        self.ensure_one()
        _ = self.env._
        return [
            (_("Donor"), self.donor_id.name or ""),
            (_("Agreement"), self.agreement_reference or ""),
            (_("Currency"), self.currency_id.name),
        ]

    def _ilo_donor_report_lines(self, date_from, date_to):
        # archived lines are closed, not gone: their money still counts
        return (
            self.env["ilo.budget.line"]
            .with_context(active_test=False)
            .search(
                [
                    ("funding_source_id", "=", self.id),
                    ("date_from", "<=", date_to),
                    ("date_to", ">=", date_from),
                ],
                order="date_from, category, id",
            )
        )

    def _ilo_donor_report_data(self, date_from, date_to):
        """Plain data of the donor financial report for ``self`` over a period:
        {source, currency, date_from, date_to, rows [{year, category, original,
        revised, committed, actual, balance}], totals {amount: sum}, rates [{date,
        from, to, rate}], rate_missing}."""
        self.ensure_one()
        lines = self._ilo_donor_report_lines(date_from, date_to)
        labels = dict(lines._fields["category"]._description_selection(self.env))
        cells = {}
        for line in lines:
            key = (line.date_from.year, line.category)
            sums = cells.setdefault(key, dict.fromkeys(REPORT_AMOUNTS, 0.0))
            for name, value in zip(
                REPORT_AMOUNTS, self._ilo_report_amounts(line), strict=False
            ):
                sums[name] += value
        rows = [
            {"year": year, "category": labels.get(category, category), **sums}
            for (year, category), sums in sorted(cells.items())
        ]
        return {
            "source": self,
            "currency": self.currency_id,
            "date_from": date_from,
            "date_to": date_to,
            "rows": rows,
            "totals": {name: sum(row[name] for row in rows) for name in REPORT_AMOUNTS},
            "rates": self._ilo_rates_used(lines),
            "rate_missing": any(lines.mapped("ilo_rate_missing")),
        }

    @api.model
    def _ilo_report_amounts(self, line):
        return (
            line.amount_original,
            line.amount_planned,
            line.amount_committed,
            line.amount_actual,
            line.amount_available,
        )

    @api.model
    def _ilo_rates_used(self, lines):
        """The rates the actuals were converted at: one per cost date and currency
        converted from (costs paid in the line's own currency need none)."""
        rates = {}
        for line in lines:
            company = line.company_id or self.env.company
            for cost in line.analytic_line_ids:
                if cost.ilo_spend_currency_id == line.currency_id or (
                    cost.ilo_rate_missing
                ):
                    continue
                key = (cost.date, cost.currency_id, line.currency_id)
                if key not in rates:
                    rates[key] = cost.currency_id._get_conversion_rate(
                        cost.currency_id, line.currency_id, company, cost.date
                    )
        return [
            {"date": day, "from": source, "to": target, "rate": rate}
            for (day, source, target), rate in sorted(
                rates.items(), key=lambda item: (item[0][0], item[0][1].name)
            )
        ]
