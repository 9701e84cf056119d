# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The campaign dashboard's client action: its data method (figures with the
countries behind each, the stages chart, the outlook, the map), its access check,
and the campaign section it adds to the partnership dashboard's data."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CampaignCommon


@tagged("post_install", "-at_install")
class TestCampaignDashboardData(CampaignCommon):
    def test_figures_open_their_countries(self):
        data = self.env["c102.campaign.dashboard"].get_dashboard_data()
        kpis = self.env["c102.country"]._campaign_kpis()
        figures = data["figures"]
        self.assertEqual(figures["ratified_count"], kpis["ratified_count"])
        self.assertEqual(figures["target"], kpis["target"])
        for name in ("ratified_count", "ready_count", "in_campaign_count"):
            self.assertEqual(
                self.Country.search_count(data["domains"][name]), figures[name], name
            )
        [serie] = data["stages"]["series"]
        self.assertEqual(sum(serie["values"]), self.Country.search_count([]))
        for value, domain in zip(serie["values"], serie["domains"], strict=True):
            self.assertEqual(self.Country.search_count(domain), value, domain)
        outlook = self.Country.get_outlook()
        self.assertEqual(data["outlook"]["expected"], outlook["expected"])
        self.assertEqual(
            [c["id"] for c in data["outlook"]["countries"]],
            [c["id"] for c in outlook["countries"]],
        )
        self.assertIn("<svg", data["map"])
        self.assertIn("<svg", data["coverage_map"])

    def test_partnership_dashboard_shows_the_campaign(self):
        data = (
            self.env["ilo.partnership.dashboard"]
            .with_user(self.users["leadership"])
            .get_dashboard_data()
        )
        self.assertEqual(
            data["campaign"]["figures"]["ratified_count"],
            self.Country.search_count([("stage", "=", "ratified")]),
        )

    def test_access_and_action(self):
        outsider = new_test_user(
            self.env, login="dash_c102_outsider", groups="base.group_user"
        )
        with self.assertRaises(AccessError):
            self.env["c102.campaign.dashboard"].with_user(outsider).get_dashboard_data()
        server_action = self.env.ref("c102_campaign.c102_campaign_dashboard_action")
        action = server_action.with_user(self.users["leadership"]).run()
        self.assertEqual(action["tag"], "c102_campaign_dashboard")
        menu = self.env.ref("c102_campaign.c102_campaign_dashboard_menu")
        visible = (
            self.env["ir.ui.menu"].with_user(self.users["reader"])._visible_menu_ids()
        )
        self.assertIn(menu.id, visible)
        self.assertEqual(action["id"], server_action.id)

    def test_the_map_follows_the_stages(self):
        """The map drawn once is kept for the same stages (issue 19's speed), and
        drawn again when a country changes stage."""
        Map = self.env["c102.campaign.map"]
        first = Map.render_svg()
        self.assertEqual(Map.render_svg(), first)
        country = self.Country.search([("stage", "=", "not_started")], limit=1)
        self.assertTrue(country)
        country.stage = "awareness"
        second = Map.render_svg()
        self.assertNotEqual(second, first)
        code = country.country_id.code.lower()
        self.assertRegex(second, rf'<g class="{code} country map-element')
