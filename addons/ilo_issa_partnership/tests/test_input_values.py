# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The input checks: the pure rule module case by case (no database), then the mixin
on the addons' models and on the fields the addon adds to Odoo's models."""

from datetime import date, datetime, timezone

from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, tagged

from ..rules.input_values import DATE_MAX, FLOAT_MAX, INT_MAX, Kinds, value_problem
from .common import PartnershipCommon


class FakeRecords(list):
    """Stands for a recordset in the pure tests: the rule module only asks its
    model name and its length."""

    def __init__(self, model, ids):
        super().__init__(ids)
        self._name = model


class FakeNewId:
    pass


KINDS = Kinds(records=FakeRecords, new_id=FakeNewId)


def code(field_type, value, **kwargs):
    problem = value_problem(field_type, value, kinds=KINDS, **kwargs)
    return problem and problem[0]


@tagged("post_install", "-at_install")
class TestInputValueRules(BaseCase):
    def test_empty_values_always_pass(self):
        for field_type in (
            "many2one",
            "integer",
            "char",
            "date",
            "selection",
            "binary",
        ):
            self.assertIsNone(code(field_type, None))
            self.assertIsNone(code(field_type, False))

    def test_unchecked_types_pass(self):
        self.assertIsNone(code("json", object()))
        self.assertIsNone(code("properties", "anything"))

    def test_many2one(self):
        self.assertIsNone(code("many2one", 7))
        self.assertIsNone(code("many2one", 0))
        self.assertIsNone(code("many2one", (7, "Name")))
        self.assertIsNone(code("many2one", FakeNewId()))
        self.assertIsNone(
            code("many2one", FakeRecords("res.partner", [1]), comodel="res.partner")
        )
        self.assertEqual(
            code("many2one", FakeRecords("res.users", [1]), comodel="res.partner"), "id"
        )
        self.assertEqual(
            code("many2one", FakeRecords("res.partner", [1, 2]), comodel="res.partner"),
            "id",
        )
        for bad in ("7", 7.0, -1, INT_MAX + 1, True, [7], ()):
            self.assertEqual(code("many2one", bad), "id", bad)

    def test_x2many(self):
        good = [
            [1, 2],
            [(0, 0, {"name": "x"})],
            [(1, 3, {"name": "x"})],
            [(2, 3), (3, 3), (4, 3)],
            [(5,)],
            [(6, 0, [1, 2])],
            [(6, 0, FakeRecords("res.partner", [1]))],
            [(4, FakeNewId())],
            [FakeNewId()],
        ]
        for value in good:
            self.assertIsNone(code("many2many", value), value)
        bad = [
            "1,2",
            [(0, 0, "x")],
            [(1, 0, {})],
            [(7, 1)],
            [(True, 1)],
            [(6, 0, ["1"])],
            [()],
            [(1, 2, {}, 4)],
        ]
        for value in bad:
            self.assertEqual(code("one2many", value), "commands", value)
        self.assertEqual(
            value_problem(
                "many2many",
                FakeRecords("res.users", [1]),
                comodel="res.partner",
                kinds=KINDS,
            ),
            ("records", {"model": "res.partner"}),
        )

    def test_boolean(self):
        for good in (True, 1, 0):
            self.assertIsNone(code("boolean", good))
        for bad in ("yes", 2, "true", []):
            self.assertEqual(code("boolean", bad), "boolean", bad)

    def test_integer(self):
        for good in (3, "3", " 12 ", 3.0, INT_MAX, -INT_MAX):
            self.assertIsNone(code("integer", good), good)
        self.assertEqual(code("integer", 3.5), "integer")
        self.assertEqual(code("integer", "three"), "integer")
        self.assertEqual(code("integer", float("nan")), "integer")
        self.assertEqual(code("integer", INT_MAX + 1), "range")
        self.assertEqual(code("integer", 10**400), "range")
        self.assertEqual(code("integer", float("inf")), "range")

    def test_float_and_monetary(self):
        for good in (3, 3.5, "3.5", -FLOAT_MAX):
            self.assertIsNone(code("float", good), good)
        self.assertEqual(code("monetary", "12 500,00"), "number")
        self.assertEqual(code("float", float("nan")), "number")
        self.assertEqual(code("float", FLOAT_MAX * 10), "range")
        self.assertEqual(code("monetary", [1]), "number")

    def test_text(self):
        for good in ("Genève", b"caf\xc3\xa9", 12, 1.5, ""):
            self.assertIsNone(code("char", good), good)
        self.assertEqual(code("char", b"caf\xe9"), "text")
        self.assertEqual(code("text", True), "text")
        self.assertEqual(code("html", ["x"]), "text")
        self.assertEqual(code("char", "a\x00b"), "nul")
        self.assertEqual(code("char", "\ud800"), "unicode")
        # pasted from a word processor: XML (IATI, reports) cannot hold them
        for char in ("\x0b", "\x0c", "\x1a", "\x01", "\x1f"):
            with self.subTest(char=repr(char)):
                self.assertEqual(code("char", f"Budget{char}2030"), "control")
                self.assertEqual(code("html", f"<p>a{char}</p>"), "control")
        self.assertEqual(
            value_problem("text", "a\x0bb", kinds=KINDS),
            ("control", {"char": "U+000B"}),
        )
        for text in ("tab\there", "lines\nand\r\nmore", "é ü ☃"):
            self.assertIsNone(code("text", text), repr(text))

    def test_selection(self):
        self.assertIsNone(code("selection", "a", selection=["a", "b"]))
        self.assertEqual(
            value_problem("selection", "c", selection=["a", "b"]),
            ("selection", {"values": "a, b"}),
        )

    def test_dates(self):
        for good in (
            "2026-11-30",
            "2026-11-30 10:00:00",
            date(2026, 1, 1),
            datetime(2026, 1, 1),
            "",
        ):
            self.assertIsNone(code("date", good), good)
        self.assertIsNone(code("datetime", "2026-11-30 10:00:00"))
        self.assertIsNone(code("datetime", "2026-11-30"))
        self.assertEqual(code("date", "30/11/2026"), "date")
        self.assertEqual(code("date", "2026-02-30"), "date")
        self.assertEqual(code("date", 20261130), "date")
        self.assertEqual(
            code("datetime", datetime(2026, 1, 1, tzinfo=timezone.utc)), "date"
        )
        self.assertEqual(code("datetime", "2026-11-30T10:00"), "date")
        self.assertEqual(code("date", "1899-12-31"), "date_range")
        self.assertEqual(code("date", DATE_MAX.replace(year=2200)), "date_range")

    def test_binary(self):
        self.assertIsNone(code("binary", "aGVsbG8="))
        self.assertIsNone(code("binary", b"aGVsbG8="))
        self.assertEqual(code("binary", "not base64!"), "binary")
        self.assertEqual(code("binary", 12), "binary")


@tagged("post_install", "-at_install")
class TestInputCheckMixin(PartnershipCommon):
    def test_own_model_checks_every_field_and_names(self):
        Mission = self.env["ilo.advisory.mission"]
        with self.assertRaisesRegex(ValidationError, "has no field 'nope'"):
            Mission.create({"name": "x", "nope": 1})
        with self.assertRaisesRegex(ValidationError, "expects the id of a record"):
            Mission.create({"name": "x", "project_id": "abc"})
        with self.assertRaisesRegex(ValidationError, "must be a mapping"):
            Mission.browse().write(["name"])

    def test_odoo_models_check_only_the_addons_fields(self):
        Partner = self.env["res.partner"]
        self.assertIn("constituent_group", Partner._ilo_checked_fields())
        self.assertNotIn("name", Partner._ilo_checked_fields())
        with self.assertRaisesRegex(ValidationError, "expects one of"):
            Partner.create({"name": "Caisse", "constituent_group": "bank"})
        # Odoo's own fields keep Odoo's behaviour (no check of ours on them)
        partner = Partner.create({"name": "Caisse", "comment": "<p>ok</p>"})
        self.assertEqual(partner.name, "Caisse")
        project_fields = self.env["project.project"]._ilo_checked_fields()
        self.assertIn("collaboration_area_id", project_fields)
        self.assertNotIn("user_id", project_fields)
        self.assertIn(
            "ilo_budget_line_id",
            self.env["account.analytic.line"]._ilo_checked_fields(),
        )

    def test_costs_are_checked_before_they_are_converted(self):
        """The cost's create converts and matches on the values it is given:
        they are checked first (the RPC fuzzer's two cases, once internal
        errors), on create and on write."""
        Line = self.env["account.analytic.line"]
        with self.assertRaisesRegex(ValidationError, "expects the id of a record"):
            Line.create(
                {
                    "name": "x",
                    "ilo_budget_line_id": {"a": 1},
                    "ilo_spend_currency_id": {"a": 1},
                    "ilo_spend_amount": 0.0,
                }
            )
        with self.assertRaisesRegex(ValidationError, "expects a number"):
            Line.create(
                {
                    "name": "x",
                    "ilo_budget_line_manual": True,
                    "ilo_spend_amount": [1, 2],
                    "ilo_spend_currency_id": False,
                    "ilo_budget_line_id": -5,
                }
            )
        line = Line.create(
            {
                "name": "x",
                "account_id": self.env["account.analytic.account"]
                .search([], limit=1)
                .id,
            }
        )
        with self.assertRaisesRegex(ValidationError, "expects a number"):
            line.write({"ilo_spend_amount": "12 500"})

    def test_french_messages(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        Mission = self.env["ilo.advisory.mission"].with_context(lang="fr_FR")
        with self.assertRaises(ValidationError) as caught:
            Mission.create({"name": "x", "project_id": "abc"})
        self.assertIn("attend l'identifiant", str(caught.exception))
