# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""XLSX budget report of a funding source for a period, from live data (xlsxwriter,
the library Odoo itself uses for its XLSX exports)."""

import base64
import io

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.ilo_budget_totals_mixin import AMOUNTS


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
        self._check_period()
        lines = self._lines()
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        formats = {
            "bold": book.add_format({"bold": True}),
            "title": book.add_format({"bold": True, "font_size": 14}),
            "money": book.add_format({"num_format": "#,##0.00"}),
            "money_bold": book.add_format({"num_format": "#,##0.00", "bold": True}),
            "pct": book.add_format({"num_format": "0.0%"}),
            "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        }
        sheet = book.add_worksheet(self.env._("Budget lines"))
        self._xlsx_header(sheet, formats)
        self._xlsx_lines(sheet, lines, formats, first_row=7)
        self._xlsx_by_category(book, lines, formats)
        book.close()
        return buffer.getvalue()

    def _check_period(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise UserError(
                    self.env._(
                        "%(funding)s: the period ends before it starts.",
                        funding=wizard.funding_source_id.display_name,
                    )
                )

    @api.model
    def _donor_headers(self):
        """The columns of the donor financial report (PDF and XLSX)."""
        _ = self.env._
        return [
            _("Year"),
            _("Category"),
            _("Original budget"),
            _("Revised budget"),
            _("Committed"),
            _("Actual"),
            _("Balance"),
        ]

    def action_print_donor_pdf(self):
        self._check_period()
        report = "ilo_issa_partnership.action_report_donor_financial"
        return self.env.ref(report).report_action(self)

    def action_print_donor_xlsx(self):
        self._check_period()
        report = "ilo_issa_partnership.action_report_donor_financial_xlsx"
        return self.env.ref(report).report_action(self)

    def _category_labels(self):
        category = self.env["ilo.budget.line"]._fields["category"]
        return dict(category._description_selection(self.env))

    def _source_rows(self):
        """The funding source's donor, agreement and currency: (label, value)."""
        _ = self.env._
        source = self.funding_source_id
        return [
            (_("Donor"), source.donor_id.name or ""),
            (_("Agreement"), source.agreement_reference or ""),
            (_("Currency"), source.currency_id.name),
        ]

    def _xlsx_header(self, sheet, formats):
        """The funding source and the period, above the lines."""
        _ = self.env._
        source = self.funding_source_id
        bold = formats["bold"]
        sheet.write(
            0,
            0,
            _("Budget report: %(funding)s", funding=source.display_name),
            formats["title"],
        )
        rows = [
            *self._source_rows(),
            (_("Envelope"), None),
            (_("Period"), f"{self.date_from} – {self.date_to}"),
        ]
        for row, (label, value) in enumerate(rows, start=1):
            sheet.write(row, 0, label, bold)
            if value is not None:
                sheet.write(row, 1, value)
        sheet.write_number(4, 1, source.amount, formats["money"])

    def _xlsx_columns(self):
        """The columns of the lines sheet: (header, value of a line, format key)."""
        _ = self.env._
        labels = self._category_labels()

        def activity(line):
            record = line.mission_id or line.training_id or line.deliverable_id
            return record.display_name if record else ""

        return [
            (_("Project"), lambda line: line.project_id.name, None),
            (_("Area"), lambda line: line.collaboration_area_id.name or "", None),
            (_("Activity"), activity, None),
            (_("Category"), lambda line: labels.get(line.category, ""), None),
            (_("From"), lambda line: line.date_from, "date"),
            (_("To"), lambda line: line.date_to, "date"),
            *(
                (label, lambda line, f=field: line[f], "money")
                for label, field in zip(self._amount_labels(), AMOUNTS, strict=True)
            ),
            (_("Delivery rate"), lambda line: line.delivery_rate / 100.0, "pct"),
            (
                _("Over budget"),
                lambda line: _("yes") if line.is_over_budget else "",
                None,
            ),
        ]

    def _amount_labels(self):
        _ = self.env._
        return [_("Planned"), _("Committed"), _("Actual"), _("Available")]

    def _xlsx_lines(self, sheet, lines, formats, first_row):
        """One row per budget line, then the totals of the amounts as formulas."""
        columns = self._xlsx_columns()
        sheet.write_row(
            first_row, 0, [header for header, *_rest in columns], formats["bold"]
        )
        row = first_row
        for line in lines:
            row += 1
            for col, (_header, value, kind) in enumerate(columns):
                cell = value(line)
                if kind == "date":
                    cell = fields.Datetime.to_datetime(cell)
                    sheet.write_datetime(row, col, cell, formats["date"])
                elif kind:
                    sheet.write_number(row, col, cell, formats[kind])
                else:
                    sheet.write(row, col, cell)
        row += 1
        sheet.write(row, 0, self.env._("Total"), formats["bold"])
        first_amount = 6  # the column of the first amount (planned)
        for col, name in enumerate(AMOUNTS, start=first_amount):
            letter = chr(ord("A") + col)
            sheet.write_formula(
                row,
                col,
                f"=SUM({letter}{first_row + 2}:{letter}{row})",
                formats["money_bold"],
                sum(lines.mapped(name)),
            )
        sheet.set_column(0, 3, 28)
        sheet.set_column(4, len(columns) - 1, 14)

    def _xlsx_by_category(self, book, lines, formats):
        """A second sheet: the amounts per budget category."""
        labels = self._category_labels()
        sheet = book.add_worksheet(self.env._("By category"))
        headers = [self.env._("Category"), *self._amount_labels()]
        sheet.write_row(0, 0, headers, formats["bold"])
        groups = (
            self.env["ilo.budget.line"]
            .with_context(active_test=False)
            ._read_group(
                [("id", "in", lines.ids)],
                ["category"],
                [f"{name}:sum" for name in AMOUNTS],
            )
        )
        for index, (category, *sums) in enumerate(groups, start=1):
            sheet.write(index, 0, labels.get(category, ""))
            for col, value in enumerate(sums, start=1):
                sheet.write_number(index, col, value, formats["money"])
        sheet.set_column(0, 4, 18)

    def action_generate(self):
        self.ensure_one()
        self.write(
            {"file": base64.b64encode(self._xlsx()), "filename": self._filename()}
        )
        return self._download_action()

    def _filename(self):
        """The workbook's file name: ``budget_<source code>_<from>_<to>.xlsx``."""
        return (
            f"budget_{self.funding_source_id.code}_{self.date_from}_{self.date_to}.xlsx"
        )

    def _download_action(self):
        """A URL action downloading the generated ``file`` field of this wizard."""
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/?model={self._name}&id={self.id}&field=file"
            "&filename_field=filename&download=true",
            "target": "self",
        }
