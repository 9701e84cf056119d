# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCampaignApp(TransactionCase):
    def test_campaign_is_an_app_of_its_own(self):
        """The C102 campaign is an app on the home screen, beside the Partnership, for
        the partnership's users only."""
        app = self.env.ref("c102_campaign.menu_campaign")
        self.assertFalse(app.parent_id)
        self.assertTrue(app.web_icon)
        reader = new_test_user(
            self.env,
            login="c102_app_reader",
            groups="base.group_user,ilo_issa_partnership.group_partnership_user",
        )
        plain = new_test_user(
            self.env, login="c102_app_plain", groups="base.group_user"
        )
        Menu = self.env["ir.ui.menu"]
        roots = Menu.with_user(reader).load_menus(debug=False)["root"]["children"]
        self.assertIn(app.id, roots)
        self.assertIn(self.env.ref("ilo_issa_partnership.menu_root").id, roots)
        roots = Menu.with_user(plain).load_menus(debug=False)["root"]["children"]
        self.assertNotIn(app.id, roots)
