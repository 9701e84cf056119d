# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class IloPartnershipDashboard(models.AbstractModel):
    """The partnership dashboard shows the campaign too: ratifications against the
    target, the outlook and the map of countries by stage."""

    _inherit = "ilo.partnership.dashboard"

    @api.model
    def get_dashboard_data(self):
        """The partnership dashboard's data with the campaign's (the campaign
        section of the client action)."""
        data = super().get_dashboard_data()
        data["campaign"] = self.env["c102.campaign.dashboard"].get_dashboard_data()
        return data
