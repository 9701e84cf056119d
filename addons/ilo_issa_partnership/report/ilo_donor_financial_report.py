# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..models.ilo_funding_source_report import REPORT_AMOUNTS


class ReportDonorFinancial(models.AbstractModel):
    """The donor financial report (PDF): its values, from the budget report wizards
    (funding source and period) it is printed for."""

    _name = "report.ilo_issa_partnership.report_donor_financial"
    _description = "Donor Financial Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        wizards = self.env["ilo.budget.report.wizard"].browse(docids)
        wizards._check_period()
        return {
            "doc_ids": docids,
            "doc_model": "ilo.budget.report.wizard",
            "docs": wizards,
            "reports": {
                wizard.id: wizard.funding_source_id._ilo_donor_report_data(
                    wizard.date_from, wizard.date_to
                )
                for wizard in wizards
            },
            "amounts": REPORT_AMOUNTS,
            "headers": self._headers(),
        }

    @api.model
    def _headers(self):
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
