# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportPartnership(models.AbstractModel):
    """The partnership report gives the campaign too: ratifications against the
    target, the map of countries by stage and the outlook to the target."""

    _inherit = "report.ilo_issa_partnership.report_partnership"

    @api.model
    def _get_report_values(self, docids, data=None):
        values = super()._get_report_values(docids, data=data)
        values["campaign"] = {
            "kpis": self.env["c102.country"]._campaign_kpis(),
            "map": self.env["c102.campaign.map"].render_report_map(
                width=800, height=400
            ),
            "outlook": self.env["c102.country"].get_outlook(limit=5),
        }
        return values
