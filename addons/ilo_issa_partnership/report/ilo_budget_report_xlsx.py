# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import api, models

from ..models.ilo_budget_totals_mixin import AMOUNTS
from .xlsx_columns import Column, write_heading, write_table

FORMATS = {
    "bold": {"bold": True},
    "title": {"bold": True, "font_size": 14},
    "money": {"num_format": "#,##0.00"},
    "money_bold": {"num_format": "#,##0.00", "bold": True},
    "pct": {"num_format": "0.0%"},
    "date": {"num_format": "yyyy-mm-dd"},
}
# the lines sheet: the funding source and the period above, the lines from this row
FIRST_ROW = 7


class ReportBudgetXlsx(models.AbstractModel):
    """The budget workbook of a funding source for a period (OCA report_xlsx): the
    budget lines with their amounts and totals, then the amounts per category. The
    data comes from ``_get_report_values``, the sheets from declared columns."""

    _name = "report.ilo_issa_partnership.report_budget_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Budget Report (XLSX)"

    @api.model
    def _get_report_values(self, wizard):
        """The funding source, the period's budget lines (archived ones too: a
        closed line's money still counts) and their sums per category."""
        source = wizard.funding_source_id
        Line = self.env["ilo.budget.line"].with_context(active_test=False)
        lines = Line.search(
            [
                ("funding_source_id", "=", source.id),
                ("date_from", "<=", wizard.date_to),
                ("date_to", ">=", wizard.date_from),
            ],
            order="project_id, date_from, id",
        )
        by_category = Line._read_group(
            [("id", "in", lines.ids)],
            ["category"],
            [f"{name}:sum" for name in AMOUNTS],
        )
        return {
            "source": source,
            "date_from": wizard.date_from,
            "date_to": wizard.date_to,
            "lines": lines,
            "totals": {name: sum(lines.mapped(name)) for name in AMOUNTS},
            "by_category": by_category,
        }

    def _category_labels(self):
        category = self.env["ilo.budget.line"]._fields["category"]
        return dict(category._description_selection(self.env))

    def _amount_labels(self):
        _ = self.env._
        return dict(
            zip(
                AMOUNTS,
                [_("Planned"), _("Committed"), _("Actual"), _("Available")],
                strict=True,
            )
        )

    def _get_line_columns(self):
        """The columns of the lines sheet, one per budget line."""
        _ = self.env._
        labels = self._category_labels()

        def activity(line):
            record = line.mission_id or line.training_id or line.deliverable_id
            return record.display_name if record else ""

        return [
            Column(_("Project"), lambda line: line.project_id.name, 28, None),
            Column(
                _("Area"), lambda line: line.collaboration_area_id.name or "", 28, None
            ),
            Column(_("Activity"), activity, 28, None),
            Column(_("Category"), lambda line: labels.get(line.category, ""), 28, None),
            Column(_("From"), lambda line: line.date_from, 14, "date"),
            Column(_("To"), lambda line: line.date_to, 14, "date"),
            *(
                Column(label, lambda line, f=name: line[f], 14, "money")
                for name, label in self._amount_labels().items()
            ),
            Column(
                _("Delivery rate"), lambda line: line.delivery_rate / 100.0, 14, "pct"
            ),
            Column(
                _("Over budget"),
                lambda line: _("yes") if line.is_over_budget else "",
                14,
                None,
            ),
        ]

    def _get_category_columns(self):
        """The columns of the by-category sheet (rows: category, then the sums)."""
        labels = self._category_labels()
        return [
            Column(
                self.env._("Category"), lambda row: labels.get(row[0], ""), 18, None
            ),
            *(
                Column(label, lambda row, i=index: row[i], 18, "money")
                for index, label in enumerate(self._amount_labels().values(), 1)
            ),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        objs._check_period()
        _ = self.env._
        formats = {key: workbook.add_format(spec) for key, spec in FORMATS.items()}
        for index, wizard in enumerate(objs, start=1):
            report = self._get_report_values(wizard)
            # several sources or periods in one workbook: their sheets numbered
            prefix = f"{index}. " if len(objs) > 1 else ""
            lines_name, category_name = _("Budget lines"), _("By category")
            sheet = workbook.add_worksheet(f"{prefix}{lines_name}"[:31])
            self._write_header(sheet, report, formats)
            self._write_lines(sheet, report, formats)
            sheet = workbook.add_worksheet(f"{prefix}{category_name}"[:31])
            write_table(
                sheet, 0, self._get_category_columns(), report["by_category"], formats
            )

    def _write_header(self, sheet, report, formats):
        """The funding source and the period, above the lines."""
        _ = self.env._
        source = report["source"]
        rows = [
            *source._ilo_report_heading(),
            (_("Envelope"), source.amount),
            (_("Period"), f"{report['date_from']} – {report['date_to']}"),
        ]
        title = _("Budget report: %(funding)s", funding=source.display_name)
        write_heading(sheet, title, rows, formats)

    def _write_lines(self, sheet, report, formats):
        """One row per budget line, then the totals of the amounts as formulas
        (with their values, for readers that do not calculate)."""
        columns = self._get_line_columns()
        last = write_table(sheet, FIRST_ROW, columns, report["lines"], formats)
        total = last + 1
        sheet.write(total, 0, self.env._("Total"), formats["bold"])
        first_amount = next(i for i, c in enumerate(columns) if c.format == "money")
        for col, name in enumerate(AMOUNTS, start=first_amount):
            value = report["totals"][name]
            if last == FIRST_ROW:  # no line: nothing to add up
                sheet.write_number(total, col, value, formats["money_bold"])
                continue
            top = xl_rowcol_to_cell(FIRST_ROW + 1, col)
            bottom = xl_rowcol_to_cell(last, col)
            sheet.write_formula(
                total, col, f"=SUM({top}:{bottom})", formats["money_bold"], value
            )
