# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""XLSX budget report of a funding source for a period, from live data (xlsxwriter,
the library Odoo itself uses for its XLSX exports)."""

import base64
import io

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError


class IloBudgetReportWizard(models.TransientModel):
    _name = "ilo.budget.report.wizard"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Budget Report (XLSX)"

    funding_source_id = fields.Many2one("ilo.funding.source", required=True)
    date_from = fields.Date(
        required=True, default=lambda self: self._default_dates()[0]
    )
    date_to = fields.Date(required=True, default=lambda self: self._default_dates()[1])
    file = fields.Binary(readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    @api.model
    def _default_dates(self):
        today = fields.Date.context_today(self)
        return today.replace(month=1, day=1), today.replace(month=12, day=31)

    def _lines(self):
        # archived lines are closed, not gone: their money still counts
        return (
            self.env["ilo.budget.line"]
            .with_context(active_test=False)
            .search(
                [
                    ("funding_source_id", "=", self.funding_source_id.id),
                    ("date_from", "<=", self.date_to),
                    ("date_to", ">=", self.date_from),
                ],
                order="project_id, date_from, id",
            )
        )

    def _xlsx(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The period ends before it starts."))
        source = self.funding_source_id
        lines = self._lines()
        labels = dict(lines._fields["category"]._description_selection(self.env))
        _ = self.env._
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        bold = book.add_format({"bold": True})
        title = book.add_format({"bold": True, "font_size": 14})
        money = book.add_format({"num_format": "#,##0.00"})
        money_bold = book.add_format({"num_format": "#,##0.00", "bold": True})
        pct = book.add_format({"num_format": "0.0%"})
        date_fmt = book.add_format({"num_format": "yyyy-mm-dd"})

        sheet = book.add_worksheet(_("Budget lines"))
        sheet.write(
            0, 0, _("Budget report: %(funding)s", funding=source.display_name), title
        )
        sheet.write(1, 0, _("Donor"), bold)
        sheet.write(1, 1, source.donor_id.name or "")
        sheet.write(2, 0, _("Agreement"), bold)
        sheet.write(2, 1, source.agreement_reference or "")
        sheet.write(3, 0, _("Currency"), bold)
        sheet.write(3, 1, source.currency_id.name)
        sheet.write(4, 0, _("Envelope"), bold)
        sheet.write_number(4, 1, source.amount, money)
        sheet.write(5, 0, _("Period"), bold)
        sheet.write(5, 1, f"{self.date_from} – {self.date_to}")
        headers = [
            _("Project"),
            _("Area"),
            _("Activity"),
            _("Category"),
            _("From"),
            _("To"),
            _("Planned"),
            _("Committed"),
            _("Actual"),
            _("Available"),
            _("Burn rate"),
            _("Over budget"),
        ]
        row = 7
        sheet.write_row(row, 0, headers, bold)
        first = row + 1
        for line in lines:
            row += 1
            activity = line.mission_id or line.training_id or line.deliverable_id
            sheet.write(row, 0, line.project_id.name)
            sheet.write(row, 1, line.collaboration_area_id.name or "")
            sheet.write(row, 2, activity.display_name if activity else "")
            sheet.write(row, 3, labels.get(line.category, ""))
            sheet.write_datetime(
                row, 4, fields.Datetime.to_datetime(line.date_from), date_fmt
            )
            sheet.write_datetime(
                row, 5, fields.Datetime.to_datetime(line.date_to), date_fmt
            )
            for col, value in enumerate(
                (
                    line.amount_planned,
                    line.amount_committed,
                    line.amount_actual,
                    line.amount_available,
                ),
                start=6,
            ):
                sheet.write_number(row, col, value, money)
            sheet.write_number(row, 10, line.burn_rate / 100.0, pct)
            sheet.write(row, 11, _("yes") if line.is_over_budget else "")
        row += 1
        sheet.write(row, 0, _("Total"), bold)
        totals = [
            sum(lines.mapped(name))
            for name in (
                "amount_planned",
                "amount_committed",
                "amount_actual",
                "amount_available",
            )
        ]
        for col, total in enumerate(totals, start=6):
            letter = chr(ord("A") + col)
            sheet.write_formula(
                row, col, f"=SUM({letter}{first + 1}:{letter}{row})", money_bold, total
            )
        sheet.set_column(0, 3, 28)
        sheet.set_column(4, 11, 14)

        by_category = book.add_worksheet(_("By category"))
        by_category.write_row(
            0,
            0,
            [_("Category"), _("Planned"), _("Committed"), _("Actual"), _("Available")],
            bold,
        )
        groups = (
            self.env["ilo.budget.line"]
            .with_context(active_test=False)
            ._read_group(
                [("id", "in", lines.ids)],
                ["category"],
                [
                    "amount_planned:sum",
                    "amount_committed:sum",
                    "amount_actual:sum",
                    "amount_available:sum",
                ],
            )
        )
        for index, (category, *sums) in enumerate(groups, start=1):
            by_category.write(index, 0, labels.get(category, ""))
            for col, value in enumerate(sums, start=1):
                by_category.write_number(index, col, value, money)
        by_category.set_column(0, 4, 18)
        book.close()
        return buffer.getvalue()

    def action_generate(self):
        self.ensure_one()
        content = self._xlsx()
        self.write(
            {
                "file": base64.b64encode(content),
                "filename": f"budget_{self.funding_source_id.code}_{self.date_from}_"
                f"{self.date_to}.xlsx",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/?model={self._name}&id={self.id}&field=file"
            "&filename_field=filename&download=true",
            "target": "self",
        }
