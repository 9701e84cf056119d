# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportProjectSheet(models.AbstractModel):
    """The project sheet: one project's missions, trainings, deliverables,
    results and (for finance and leadership) budget."""

    _name = "report.ilo_issa_partnership.report_project_sheet"
    _inherit = ["ilo.report.mixin"]
    _description = "Project Sheet (content)"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["project.project"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": docs._name,
            "docs": docs,
            "show_money": self._ilo_show_money(),
            "indicator_comments": self._ilo_indicator_comments(docs.ilo_indicator_ids),
        }

    @api.model
    def _ilo_running_header(self, docids, data=None):
        projects = self.env["project.project"].browse(docids)
        return self.env._("Project sheet"), ", ".join(projects.mapped("name"))
