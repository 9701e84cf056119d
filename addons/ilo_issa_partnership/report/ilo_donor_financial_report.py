# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..models.ilo_funding_source_report import REPORT_AMOUNTS


class ReportDonorFinancial(models.AbstractModel):
    """The donor financial report (PDF): its values, from the budget report wizards
    (funding source and period) it is printed for."""

    _name = "report.ilo_issa_partnership.report_donor_financial"
    _inherit = ["ilo.report.mixin"]
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
    def _ilo_running_header(self, docids, data=None):
        wizards = self.env["ilo.budget.report.wizard"].browse(docids)
        sources = ", ".join(
            dict.fromkeys(w.funding_source_id.code or "" for w in wizards)
        )
        periods = "; ".join(
            dict.fromkeys(self._ilo_period(w.date_from, w.date_to) for w in wizards)
        )
        return (
            self.env._("Donor financial report %(code)s", code=sources),
            periods,
        )

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
