# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _ilo_sees_money(self):
        """Finance and leadership (and managers, who have both) see budgets in reports
        and dashboards."""
        self.ensure_one()
        return self.has_group("ilo_issa_partnership.group_finance") or self.has_group(
            "ilo_issa_partnership.group_leadership"
        )
