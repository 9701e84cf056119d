# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The IATI export dialog: the warnings of the selected projects' IATI file (what
IATI's validators flag), shown before the user downloads the file."""

from odoo import fields, models


class IloIatiExportWizard(models.TransientModel):
    _name = "ilo.iati.export.wizard"
    _description = "IATI Export"

    project_ids = fields.Many2many("project.project", string="Projects", readonly=True)
    warnings = fields.Text(readonly=True)

    def action_download(self):
        """The file as it is now (checked again: it may have changed meanwhile)."""
        self.ensure_one()
        projects = self.project_ids
        return projects._iati_download(projects._iati_export_checked()["xml"])
