# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class C102CampaignDashboard(models.AbstractModel):
    """The campaign at a glance: ratifications against target, countries per stage.
    The data of the client action ``c102_campaign_dashboard`` (static/src/dashboard)
    and of the partnership dashboard's campaign section: no records, no table."""

    _name = "c102.campaign.dashboard"
    _description = "C102 Campaign Dashboard"

    # --- the client action's data (static/src/dashboard) -------------------------

    @api.model
    def get_dashboard_data(self):
        """What the campaign dashboard (client action ``c102_campaign_dashboard``,
        and the campaign section of the partnership dashboard) shows, as plain
        data: the figures against the target with the domain of the countries
        behind each, the countries per stage, the outlook and the map (SVG)."""
        Country = self.env["c102.country"]
        Country.check_access("read")
        kpis = Country._campaign_kpis()
        labels = dict(Country._fields["stage"]._description_selection(self.env))
        outlook = Country.get_outlook()
        return {
            "figures": {k: v for k, v in kpis.items() if k != "by_stage"},
            "domains": {
                "ratified_count": [("stage", "=", "ratified")],
                "ready_count": [
                    ("ratification_ready", "=", True),
                    ("ratified", "=", False),
                ],
                "in_campaign_count": [("stage", "not in", ("not_started", "ratified"))],
                "to_confirm_count": [("parts_to_confirm", "=", True)],
                "outlook": [("id", "in", [c["id"] for c in outlook["countries"]])],
            },
            "stages": {
                "res_model": "c102.country",
                "labels": [labels[stage] for stage in kpis["by_stage"]],
                "series": [
                    {
                        "label": self.env._("Countries"),
                        "values": list(kpis["by_stage"].values()),
                        "domains": [
                            [("stage", "=", stage)] for stage in kpis["by_stage"]
                        ],
                    }
                ],
            },
            "outlook": {
                "expected": outlook["expected"],
                "low": outlook["low"],
                "high": outlook["high"],
                "probability": round(100.0 * outlook["probability_target"], 1),
                "countries": outlook["countries"],
            },
            "map": str(self.env["c102.campaign.map"].render_svg()),
            "coverage_map": str(self.env["c102.campaign.map"].render_coverage_svg()),
        }

    @api.model
    def action_open(self):
        """The campaign dashboard, a client action (its menu's server action id
        kept, so the web client shows the Partnership menus)."""
        server_action = self.env.ref("c102_campaign.c102_campaign_dashboard_action")
        return {
            "id": server_action.id,
            "type": "ir.actions.client",
            "tag": "c102_campaign_dashboard",
            "name": self.env._("C102 Campaign"),
            "target": "current",
        }
