# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The budget reports of a funding source for a period: the budget workbook and the
donor financial report (PDF, XLSX). The wizard holds the source and the period; the
report models (report/) build the data and the files."""

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

    @api.model
    def _default_dates(self):
        today = fields.Date.context_today(self)
        return today.replace(month=1, day=1), today.replace(month=12, day=31)

    def _check_period(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise UserError(
                    self.env._(
                        "%(funding)s: the period ends before it starts.",
                        funding=wizard.funding_source_id.display_name,
                    )
                )

    def action_print_donor_pdf(self):
        self._check_period()
        report = "ilo_issa_partnership.action_report_donor_financial"
        return self.env.ref(report).report_action(self)

    def action_print_donor_xlsx(self):
        self._check_period()
        report = "ilo_issa_partnership.action_report_donor_financial_xlsx"
        return self.env.ref(report).report_action(self)

    def action_generate(self):
        """The budget workbook (``report.ilo_issa_partnership.report_budget_xlsx``;
        a workbook has no document layout to configure first)."""
        self._check_period()
        report = "ilo_issa_partnership.action_report_budget_xlsx"
        return self.env.ref(report).report_action(self, config=False)
