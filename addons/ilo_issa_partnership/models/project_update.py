# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ProjectUpdate(models.Model):
    _inherit = "project.update"

    @api.model
    def default_get(self, fields):
        """A partnership project's update starts from its rolled-up status."""
        result = super().default_get(fields)
        if (
            "status" in fields
            and result.get("project_id")
            and self.env.user._ilo_is_partnership_user()
        ):
            project = self.env["project.project"].browse(result["project_id"])
            if project.is_partnership and project.ilo_status:
                result["status"] = project.ilo_status
        return result
