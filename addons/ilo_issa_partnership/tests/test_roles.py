# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Administrators give the partnership's roles in Settings > Users without developer
mode, as with Odoo's own apps; partnership users land on its dashboard."""

from odoo import Command
from odoo.tests import Form, TransactionCase, new_test_user, tagged

from odoo.addons.base.models.res_users import name_selection_groups
from odoo.addons.mail.tools.discuss import Store

HOME = "ilo_issa_partnership.ilo_partnership_dashboard_action"


@tagged("post_install", "-at_install")
class TestRoles(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.reader = ref("ilo_issa_partnership.group_partnership_user")
        cls.officer = ref("ilo_issa_partnership.group_programme_officer")
        cls.manager = ref("ilo_issa_partnership.group_partnership_manager")
        cls.finance = ref("ilo_issa_partnership.group_finance")
        cls.leadership = ref("ilo_issa_partnership.group_leadership")

    def _by_category(self):
        return {
            app.get_external_id().get(app.id): (kind, groups, heading)
            for app, kind, groups, heading in self.env[
                "res.groups"
            ].get_groups_by_application()
        }

    def test_roles_are_drop_downs(self):
        """Each category of the partnership's roles forms a chain, so Odoo shows it as
        a drop-down under the heading "ILO-ISSA Partnership", not as debug-only
        checkboxes."""
        apps = self._by_category()
        expected = {
            "ilo_issa_partnership.module_category_partnership_programme": self.reader
            | self.officer
            | self.manager,
            "ilo_issa_partnership.module_category_partnership_finance": self.finance,
            "ilo_issa_partnership.module_category_partnership_leadership": (
                self.leadership
            ),
        }
        for xmlid, groups in expected.items():
            kind, found, heading = apps[xmlid]
            self.assertEqual(kind, "selection", xmlid)
            self.assertEqual(found, groups, xmlid)
            self.assertEqual(heading[1], "ILO-ISSA Partnership", xmlid)
        # the programme chain in order: Reader < Programme Officer < Manager
        kind, chain, _heading = apps[
            "ilo_issa_partnership.module_category_partnership_programme"
        ]
        self.assertEqual(list(chain), [self.reader, self.officer, self.manager])
        # and the user form shows them outside the developer-mode block
        form_id = self.env.ref("base.view_users_form").id
        arch = self.env["res.users"].get_views([(form_id, "form")])["views"]["form"][
            "arch"
        ]
        for groups in expected.values():
            self.assertIn(name_selection_groups(groups.ids), arch)

    def test_admin_gives_roles_in_the_user_form(self):
        programme = name_selection_groups(
            (self.reader | self.officer | self.manager).ids
        )
        finance = name_selection_groups(self.finance.ids)
        with Form(self.env["res.users"], view="base.view_users_form") as form:
            form.name = "Aminata Diallo"
            form.login = "aminata"
            form[programme] = self.officer.id
            form[finance] = self.finance.id
        user = form.record
        self.assertTrue(user.has_group("ilo_issa_partnership.group_programme_officer"))
        self.assertTrue(user.has_group("ilo_issa_partnership.group_finance"))
        self.assertTrue(user.has_group("ilo_issa_partnership.group_partnership_user"))
        self.assertFalse(user.has_group("ilo_issa_partnership.group_leadership"))
        self.assertFalse(
            user.has_group("ilo_issa_partnership.group_partnership_manager")
        )
        self.assertEqual(user.action_id.id, self.env.ref(HOME).id)

    def test_home_action(self):
        plain = new_test_user(self.env, login="plain_user", groups="base.group_user")
        self.assertFalse(plain.action_id)
        plain.groups_id |= self.leadership
        self.assertEqual(plain.action_id.id, self.env.ref(HOME).id)
        # a home of their own is kept
        own = self.env.ref("base.action_res_users")
        user = new_test_user(self.env, login="own_home", groups="base.group_user")
        user.action_id = own.id
        user.groups_id |= self.reader
        self.assertEqual(user.action_id.id, own.id)
        # administrators keep Odoo's home
        admin = new_test_user(
            self.env,
            login="new_admin",
            groups="base.group_system,ilo_issa_partnership.group_partnership_manager",
        )
        self.assertFalse(admin.action_id)
        # portal users never
        portal = new_test_user(self.env, login="portal_x", groups="base.group_portal")
        self.assertFalse(portal.action_id)

    def test_readers_open_a_project_with_its_chatter(self):
        """A partnership project's chatter lists its followers, which Odoo's project
        app marks as collaborators or not: leadership and readers (no Project
        rights) read them instead of an access error."""
        # shared with a counterpart institution: it has a collaborator
        counterpart = self.env["res.partner"].create({"name": "Chatter counterpart"})
        project = self.env["project.project"].create(
            {
                "name": "Chatter project",
                "privacy_visibility": "portal",
                "collaborator_ids": [Command.create({"partner_id": counterpart.id})],
            }
        )
        for group in (self.reader, self.leadership, self.finance):
            user = new_test_user(
                self.env,
                login=f"chatter_{group.id}",
                groups=group.get_external_id()[group.id],
            )
            store = Store()
            project.with_user(user)._thread_to_store(store, request_list=["followers"])
            self.assertTrue(store.get_result())
