# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from ..models.ilo_funding_source_report import REPORT_AMOUNTS
from .xlsx_columns import write_heading


class ReportDonorFinancialXlsx(models.AbstractModel):
    """The donor financial report (XLSX, OCA report_xlsx): one sheet per funding
    source and period, amounts in the donor's currency, then the rates used."""

    _name = "report.ilo_issa_partnership.report_donor_financial_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Donor Financial Report (XLSX)"

    def generate_xlsx_report(self, workbook, data, objs):
        objs._check_period()
        formats = {
            "bold": workbook.add_format({"bold": True}),
            "title": workbook.add_format({"bold": True, "font_size": 14}),
            "money": workbook.add_format({"num_format": "#,##0.00"}),
            "money_bold": workbook.add_format({"num_format": "#,##0.00", "bold": True}),
            "rate": workbook.add_format({"num_format": "0.000000"}),
        }
        for wizard in objs:
            report = wizard.funding_source_id._ilo_donor_report_data(
                wizard.date_from, wizard.date_to
            )
            sheet = workbook.add_worksheet(wizard.funding_source_id.code[:31])
            row = self._write_header(sheet, report, formats)
            row = self._write_rows(sheet, report, formats, row + 1)
            self._write_rates(sheet, report, formats, row + 2)

    def _write_header(self, sheet, report, formats):
        _ = self.env._
        source = report["source"]
        rows = [
            *source._ilo_report_heading(),
            (_("Period"), f"{report['date_from']} – {report['date_to']}"),
        ]
        if report["rate_missing"]:
            rows.append(
                (_("Warning"), _("Rates missing: some actuals are not converted."))
            )
        title = _("Donor financial report: %(funding)s", funding=source.display_name)
        last = write_heading(sheet, title, rows, formats)
        sheet.set_column(0, 1, 22)
        sheet.set_column(2, 6, 16)
        return last + 1

    def _write_rows(self, sheet, report, formats, row):
        """Year, category, then the amounts; a totals row."""
        headers = self.env["report.ilo_issa_partnership.report_donor_financial"]
        headers = headers._headers()
        sheet.write_row(row, 0, headers, formats["bold"])
        for line in report["rows"]:
            row += 1
            sheet.write_number(row, 0, line["year"])
            sheet.write(row, 1, line["category"])
            for col, name in enumerate(REPORT_AMOUNTS, start=2):
                sheet.write_number(row, col, line[name], formats["money"])
        row += 1
        sheet.write(row, 0, self.env._("Total"), formats["bold"])
        for col, name in enumerate(REPORT_AMOUNTS, start=2):
            sheet.write_number(row, col, report["totals"][name], formats["money_bold"])
        return row

    def _write_rates(self, sheet, report, formats, row):
        _ = self.env._
        sheet.write(row, 0, _("Exchange rates used"), formats["bold"])
        sheet.write_row(row + 1, 0, [_("Date"), _("From"), _("To"), _("Rate")])
        for index, rate in enumerate(report["rates"], start=row + 2):
            sheet.write(index, 0, str(rate["date"]))
            sheet.write(index, 1, rate["from"].name)
            sheet.write(index, 2, rate["to"].name)
            sheet.write_number(index, 3, rate["rate"], formats["rate"])
