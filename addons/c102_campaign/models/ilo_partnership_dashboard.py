# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class IloPartnershipDashboard(models.TransientModel):
    """The partnership dashboard shows the campaign too: ratifications against the
    target, and the map of countries by stage."""

    _inherit = "ilo.partnership.dashboard"

    c102_ratified_count = fields.Integer(
        compute="_compute_campaign", string="C102 ratifications"
    )
    c102_target = fields.Integer(compute="_compute_campaign", string="C102 target")
    c102_target_year = fields.Char(compute="_compute_campaign")
    c102_ready_count = fields.Integer(
        compute="_compute_campaign", string="Ready to ratify"
    )
    c102_map = fields.Html(
        compute="_compute_campaign", sanitize=False, string="Campaign map"
    )

    def _compute_campaign(self):
        kpis = self.env["c102.campaign.dashboard"]._campaign_kpis()
        svg = self.env["c102.campaign.map"].render_svg()
        for dashboard in self:
            dashboard.c102_ratified_count = kpis["ratified_count"]
            dashboard.c102_target = kpis["target"]
            dashboard.c102_target_year = str(kpis["target_year"])
            dashboard.c102_ready_count = kpis["ready_count"]
            dashboard.c102_map = svg

    @api.model
    def get_dashboard_data(self):
        """The partnership dashboard's data with the campaign's (the campaign
        section of the client action)."""
        data = super().get_dashboard_data()
        data["campaign"] = self.env["c102.campaign.dashboard"].get_dashboard_data()
        return data
