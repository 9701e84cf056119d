# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestCollaborationArea(PartnershipCommon):
    def test_five_areas_of_the_memorandum(self):
        areas = self.env["ilo.collaboration.area"].search([])
        self.assertEqual(
            areas.mapped("code"),
            ["advisory", "policy", "knowledge", "guidelines", "training"],
        )
        self.assertEqual(self.area_training.code, "training")

    def test_code_unique(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.env["ilo.collaboration.area"].create(
                    {"name": "Duplicate", "code": "advisory"}
                )

    def test_code_is_one_lowercase_word(self):
        for bad in ("Two Words", "UPPER", " padded"):
            with self.subTest(code=bad), self.assertRaises(ValidationError):
                self.env["ilo.collaboration.area"].create({"name": "X", "code": bad})

    def test_name_translatable(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.area_advisory.with_context(lang="fr_FR").name = "Conseil technique"
        self.assertEqual(
            self.area_advisory.with_context(lang="fr_FR").name, "Conseil technique"
        )
        self.assertEqual(
            self.area_advisory.with_context(lang="en_US").name,
            "Technical advisory services",
        )

    def test_group_hierarchy(self):
        manager = self.users["manager"]
        for role in ("reader", "officer", "finance", "leadership"):
            group = self.env.ref(f"ilo_issa_partnership.group_{self._xmlid(role)}")
            self.assertIn(manager, group.users, role)
        for role in ("officer", "finance", "leadership"):
            self.assertTrue(
                self.users[role].has_group(
                    "ilo_issa_partnership.group_partnership_user"
                )
            )
            self.assertFalse(
                self.users[role].has_group(
                    "ilo_issa_partnership.group_partnership_manager"
                )
            )

    @staticmethod
    def _xmlid(role):
        return {
            "reader": "partnership_user",
            "officer": "programme_officer",
            "finance": "finance",
            "leadership": "leadership",
        }[role]

    def test_access_only_managers_configure_areas(self):
        Area = self.env["ilo.collaboration.area"]
        for role in ("reader", "officer", "finance", "leadership"):
            user = self.users[role]
            with self.subTest(role=role):
                self.assertTrue(Area.with_user(user).search([]))
                with self.assertRaises(AccessError):
                    Area.with_user(user).create({"name": "X", "code": "x"})
                with self.assertRaises(AccessError):
                    self.area_policy.with_user(user).write({"sequence": 1})
        area = Area.with_user(self.users["manager"]).create(
            {"name": "Sixth", "code": "sixth"}
        )
        area.unlink()
