# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from ..rules import parse_parts
from .test_rules import CONFIRMED_RATIFICATIONS


@tagged("post_install", "-at_install")
class TestC102Part(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Part = cls.env["c102.part"]

    def parts(self, notation):
        codes, errors = parse_parts(notation)
        self.assertFalse(errors)
        return self.Part.search([("code", "in", codes)])

    def test_nine_parts_with_thresholds(self):
        parts = self.Part.search([])
        self.assertEqual(
            parts.mapped("code"),
            ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"],
        )
        self.assertEqual(
            parts.filtered("is_core").mapped("code"), ["IV", "V", "VI", "IX", "X"]
        )
        self.assertEqual(
            self.Part.search([("is_core", "=", True)]), parts.filtered("is_core")
        )
        old_age = self.env.ref("c102_campaign.part_V")
        self.assertEqual(old_age.branch, "old_age")
        self.assertEqual(old_age.benefit_rate, 40)
        self.assertEqual(old_age.max_qualifying_years_contribution, 30)
        self.assertEqual(old_age.max_qualifying_years_residence, 20)
        self.assertIn("Employees 50%", old_age.coverage_alternatives)
        self.assertEqual(self.env.ref("c102_campaign.part_III").max_waiting_days, 3)
        self.assertEqual(self.env.ref("c102_campaign.part_IV").min_duration_weeks, 13)
        self.assertEqual(self.env.ref("c102_campaign.part_VI").benefit_rate, 50)

    def test_check_article_2_on_real_ratifications(self):
        for country, notation in CONFIRMED_RATIFICATIONS.items():
            with self.subTest(country=country):
                self.assertEqual(
                    self.parts(notation).check_article_2(), {"ok": True, "reason": ""}
                )

    def test_check_article_2_failures(self):
        self.assertFalse(self.Part.check_article_2()["ok"])
        result = self.parts("II, III").check_article_2()
        self.assertFalse(result["ok"])
        self.assertIn("at least three", result["reason"])
        result = self.parts("II, III, VII, VIII").check_article_2()
        self.assertFalse(result["ok"])
        self.assertIn("IV, V, VI, IX or X", result["reason"])
        self.assertIn("II, III, VII, VIII", result["reason"])

    def test_reader_reads_parts_only(self):
        reader = new_test_user(
            self.env,
            login="c102_reader",
            groups="ilo_issa_partnership.group_partnership_user",
        )
        parts = self.Part.with_user(reader).search([])
        self.assertEqual(len(parts), 9)
        self.assertTrue(parts.check_article_2()["ok"])
        with self.assertRaises(AccessError):
            parts[0].write({"name": "X"})
        with self.assertRaises(AccessError):
            self.Part.with_user(reader).create(
                {"code": "XI", "name": "X", "branch": "family"}
            )
