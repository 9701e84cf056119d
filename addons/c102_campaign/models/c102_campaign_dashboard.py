# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.ilo_issa_partnership.models.ilo_partnership_dashboard import (
    html_table,
)

from .c102_country import STAGES


class C102CampaignDashboard(models.TransientModel):
    """The campaign at a glance: ratifications against target, countries per stage."""

    _name = "c102.campaign.dashboard"
    _inherit = ["ilo.input.check.mixin"]
    _description = "C102 Campaign Dashboard"

    target = fields.Integer(compute="_compute_kpis")
    target_year = fields.Char(compute="_compute_kpis")
    ratified_count = fields.Integer(string="Ratifications", compute="_compute_kpis")
    remaining_count = fields.Integer(string="Still needed", compute="_compute_kpis")
    progress = fields.Float(compute="_compute_kpis")
    ready_count = fields.Integer(string="Ready to ratify", compute="_compute_kpis")
    in_campaign_count = fields.Integer(
        string="Countries engaged", compute="_compute_kpis"
    )
    to_confirm_count = fields.Integer(
        string="Ratifications with Parts to confirm", compute="_compute_kpis"
    )
    stage_summary = fields.Html(compute="_compute_kpis", sanitize=False)
    campaign_map = fields.Html(compute="_compute_kpis", sanitize=False)
    coverage_map = fields.Html(compute="_compute_coverage_map", sanitize=False)
    outlook_expected = fields.Float(
        string="Expected ratifications at the target date",
        compute="_compute_outlook",
        digits=(16, 1),
    )
    outlook_interval = fields.Char(string="80% interval", compute="_compute_outlook")
    outlook_probability = fields.Float(
        string="Chance of reaching the target (%)",
        compute="_compute_outlook",
        digits=(16, 1),
    )
    outlook_table = fields.Html(
        string="Most likely to ratify next", compute="_compute_outlook", sanitize=False
    )

    @api.model
    def _campaign_kpis(self):
        """The campaign figures, by aggregate queries (no loop over countries)."""
        params = self.env["ir.config_parameter"].sudo()
        target = int(params.get_param("c102_campaign.target", 70))
        target_year = int(params.get_param("c102_campaign.target_year", 2026))
        Country = self.env["c102.country"]
        by_stage = dict(Country._read_group([], ["stage"], ["__count"]))
        ratified = by_stage.get("ratified", 0)
        ready = Country.search_count(
            [("ratification_ready", "=", True), ("ratified", "=", False)]
        )
        to_confirm = Country.search_count([("parts_to_confirm", "=", True)])
        engaged = sum(
            count
            for stage, count in by_stage.items()
            if stage not in ("not_started", "ratified")
        )
        return {
            "target": target,
            "target_year": target_year,
            "ratified_count": ratified,
            "remaining_count": max(target - ratified, 0),
            "progress": 100.0 * ratified / target if target else 0.0,
            "ready_count": ready,
            "in_campaign_count": engaged,
            "to_confirm_count": to_confirm,
            "by_stage": {stage: by_stage.get(stage, 0) for stage, _label in STAGES},
        }

    def _compute_display_name(self):
        for dashboard in self:
            dashboard.display_name = self.env._("C102 Campaign")

    def _compute_coverage_map(self):
        svg = self.env["c102.campaign.map"].render_coverage_svg()
        for dashboard in self:
            dashboard.coverage_map = svg

    def _compute_kpis(self):
        kpis = self._campaign_kpis()
        labels = dict(
            self.env["c102.country"]._fields["stage"]._description_selection(self.env)
        )
        stage_summary = html_table(
            self.env,
            [],
            [[labels[stage], count] for stage, count in kpis["by_stage"].items()],
        )
        svg = self.env["c102.campaign.map"].render_svg()
        for dashboard in self:
            dashboard.update({k: v for k, v in kpis.items() if k != "by_stage"})
            dashboard.target_year = str(kpis["target_year"])
            dashboard.campaign_map = svg
            dashboard.stage_summary = stage_summary

    @api.model
    def _outlook_table(self, outlook):
        """The countries most likely to ratify next (``c102.country.get_outlook``)
        as an HTML table (``c102_campaign.dashboard_outlook_table``)."""
        return self.env["ir.qweb"]._render(
            "c102_campaign.dashboard_outlook_table",
            {"countries": outlook["countries"]},
        )

    def _compute_outlook(self):
        outlook = self.env["c102.country"].get_outlook()
        table = self._outlook_table(outlook)
        for dashboard in self:
            dashboard.outlook_expected = outlook["expected"]
            dashboard.outlook_interval = f"{outlook['low']}–{outlook['high']}"
            dashboard.outlook_probability = 100.0 * outlook["probability_target"]
            dashboard.outlook_table = table

    # --- the client action's data (static/src/dashboard) -------------------------

    @api.model
    def get_dashboard_data(self):
        """What the campaign dashboard (client action ``c102_campaign_dashboard``,
        and the campaign section of the partnership dashboard) shows, as plain
        data: the figures against the target with the domain of the countries
        behind each, the countries per stage, the outlook and the map (SVG)."""
        Country = self.env["c102.country"]
        Country.check_access("read")
        kpis = self._campaign_kpis()
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
