# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Country names, ratification rows and what an import changes: the pure rules,
tested directly (no database)."""

import datetime

from odoo.tests import BaseCase, tagged
from odoo.tools import file_open

from ..rules import CountryIndex, changes, check_article_2, merge, read_row
from ..rules.country_names import ilo_name, normalise
from ..rules.ratification import (
    entry_into_force,
    header_map,
    needs_article_2,
    parse_article3,
    parse_superseded,
    read_table,
)

D = datetime.date
# Odoo's own English names for a few countries (the database gives them all)
ODOO_NAMES = {
    "BO": ["Bolivia"],
    "CD": ["Democratic Republic of the Congo"],
    "CG": ["Congo"],
    "CI": ["Côte d'Ivoire"],
    "CV": ["Cape Verde"],
    "CZ": ["Czech Republic"],
    "GB": ["United Kingdom"],
    "NL": ["Netherlands"],
    "TL": ["Timor-Leste"],
    "TR": ["Türkiye"],
}
BIH = {
    "ratification_date": D(1993, 6, 2),
    "ratification_date_precision": "day",
    "is_succession": True,
    "entry_into_force_date": D(1992, 3, 6),  # curated: in force before registration
    "accepted_parts": ("II", "III", "IV", "V", "VIII", "X"),
    "parts_status": "complete",
    "superseded": (),
    "article3": (),
    "source_confidence": "confirmed",
}


def shipped_rows():
    """The product's data file, as cells per row."""
    with file_open("c102_campaign/data/c102_ratifications.csv", "rb") as source:
        rows = read_table(source.read(), "c102_ratifications.csv")
    columns = header_map(rows[0][1])
    return [{key: row[i] for key, i in columns.items()} for _line, row in rows[1:]]


@tagged("post_install", "-at_install", "c102_rules")
class TestCountryNames(BaseCase):
    def setUp(self):
        super().setUp()
        self.index = CountryIndex(ODOO_NAMES)

    def test_ilo_un_and_french_names(self):
        cases = {
            "Bolivia (Plurinational State of)": "BO",
            "Bolivie (État plurinational de)": "BO",
            "Côte d'Ivoire": "CI",
            "Côte d\u2019Ivoire": "CI",  # curly apostrophe
            "COTE D'IVOIRE": "CI",
            "Türkiye": "TR",
            "Turkey": "TR",
            "Turquie": "TR",
            "Czechia": "CZ",
            "Tchéquie": "CZ",
            "Cabo Verde": "CV",
            "Cap-Vert": "CV",
            "Timor-Leste": "TL",
            "Congo, Democratic Republic of the": "CD",
            "République démocratique du Congo": "CD",
            "Congo": "CG",
            "Netherlands (Kingdom of the)": "NL",
            "Pays-Bas": "NL",
            "United Kingdom of Great Britain and Northern Ireland": "GB",
            "Royaume-Uni": "GB",
            "Venezuela (Bolivarian Republic of)": "VE",
            "Sao Tome and Principe": "ST",
            "Macédoine du Nord": "MK",
            "The former Yugoslav Republic of Macedonia": "MK",
            "Iran (Islamic Republic of)": "IR",
            "Korea, Republic of": "KR",
            "tr": "TR",
            " Sweden ": "SE",
        }
        for name, code in cases.items():
            with self.subTest(name=name):
                self.assertEqual(self.index.find(name), code)

    def test_ilo_names_in_the_readers_language(self):
        self.assertEqual(ilo_name("TL", "fr_FR", "Timor oriental"), "Timor-Leste")
        self.assertEqual(ilo_name("cz", "fr_BE", "République tchèque"), "Tchéquie")
        self.assertEqual(ilo_name("CZ", "en_US", "Czech Republic"), "Czechia")
        self.assertEqual(ilo_name("CV", None, "Cape Verde"), "Cabo Verde")
        self.assertEqual(ilo_name("TR", "fr_FR", "Turquie"), "Türkiye")
        # where the ILO writes it as Odoo does, Odoo's name in that language
        self.assertEqual(ilo_name("FR", "fr_FR", "France"), "France")
        self.assertEqual(ilo_name(False, "fr_FR", "Nulle part"), "Nulle part")

    def test_names_found_by_a_part_of_them(self):
        index = CountryIndex(ODOO_NAMES)
        self.assertEqual(index.codes_containing("tcheq"), ["CZ"])
        self.assertEqual(index.codes_containing("Cote d'Ivoire"), ["CI"])
        self.assertEqual(index.codes_containing("côte d’ivoire"), ["CI"])
        self.assertEqual(index.codes_containing("Türk"), ["TR"])
        self.assertIn("MD", index.codes_containing("république de"))
        self.assertEqual(index.codes_containing("  "), [])
        self.assertEqual(index.codes_containing("Atlantis"), [])

    def test_tables_as_offices_save_them(self):
        """The trial's file: French Excel's CSV (Windows-1252, ";"), the same in
        UTF-8 with a BOM and in UTF-16, all read alike; bytes that are no text are
        refused with a readable reason."""
        text = "Pays;Date de ratification\r\nCôte d'Ivoire;15/03/2026\r\n"
        expected = [
            (1, ["Pays", "Date de ratification"]),
            (2, ["Côte d'Ivoire", "15/03/2026"]),
        ]
        for encoding in ("cp1252", "utf-8-sig", "utf-8", "utf-16"):
            with self.subTest(encoding=encoding):
                self.assertEqual(read_table(text.encode(encoding), "r.csv"), expected)
        with self.assertRaisesRegex(ValueError, "not a CSV or XLSX file"):
            read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "r.xls")

    def test_normalise(self):
        self.assertEqual(normalise("Côte d\u2019Ivoire"), "cote divoire")
        self.assertEqual(normalise("São Tomé-et-Príncipe"), "sao tome et principe")

    def test_unknown_names_get_the_closest(self):
        self.assertIsNone(self.index.find("Boliva"))
        self.assertEqual(self.index.suggest("Boliva")[0], "BO")
        self.assertEqual(self.index.suggest("Tchequie")[0], "CZ")
        self.assertIn("CI", self.index.suggest("Cote d Ivoir"))
        self.assertEqual(self.index.suggest(""), [])

    def test_former_states_are_explained(self):
        for name, successors in {
            "Yugoslavia": {"BA", "HR", "ME", "MK", "RS", "SI"},
            "Yougoslavie": {"BA", "HR", "ME", "MK", "RS", "SI"},
            "Czechoslovakia": {"CZ", "SK"},
            "Tchécoslovaquie": {"CZ", "SK"},
            "USSR": {"RU", "UA"},
            "Union of Soviet Socialist Republics": {"RU", "UA"},
            "Serbia and Montenegro": {"ME", "RS"},
        }.items():
            with self.subTest(name=name):
                self.assertIsNone(self.index.find(name))
                _key, codes = self.index.predecessor(name)
                self.assertEqual(set(codes), successors)
        self.assertIsNone(self.index.predecessor("Serbia"))

    def test_every_shipped_country_by_name(self):
        for cells in shipped_rows():
            with self.subTest(country=cells["country"]):
                self.assertEqual(self.index.find(cells["country"]), cells["code"])


@tagged("post_install", "-at_install", "c102_rules")
class TestReadRow(BaseCase):
    def test_shipped_data(self):
        rows = shipped_rows()
        self.assertEqual(len(rows), 63)
        statuses, precisions = {}, {}
        for cells in rows:
            row = read_row(cells)
            with self.subTest(country=cells["country"]):
                self.assertEqual(row.errors, [])
                self.assertEqual(row.warnings, [])
                facts, errors = merge({}, row.facts)
                self.assertEqual(errors, [])
                if facts["parts_status"] == "complete":
                    self.assertTrue(check_article_2(facts["accepted_parts"]).ok)
            statuses[facts["parts_status"]] = statuses.get(facts["parts_status"], 0) + 1
            precision = facts["ratification_date_precision"]
            precisions[precision] = precisions.get(precision, 0) + 1
        # notes beside the CSV: 37 full lists, 15 "at least", 11 without Parts
        self.assertEqual(statuses, {"complete": 37, "partial": 15, "unknown": 11})
        self.assertEqual(precisions, {"day": 46, "year": 17})

    def test_dates(self):
        self.assertEqual(
            read_row({"date": "1954"}).facts,
            {"ratification_date": D(1954, 1, 1), "ratification_date_precision": "year"},
        )
        self.assertEqual(
            read_row({"date": 2012}).facts["ratification_date"], D(2012, 1, 1)
        )
        for value in ("02-06-1993", "1993-06-02", "02/06/1993", "02.06.1993"):
            with self.subTest(value=value):
                facts = read_row({"date": value}).facts
                self.assertEqual(facts["ratification_date"], D(1993, 6, 2))
                self.assertEqual(facts["ratification_date_precision"], "day")
        self.assertEqual(read_row({"date": "31-31-2026"}).errors[0][0], "bad_date")
        self.assertEqual(read_row({"date": ""}).facts, {})

    def test_parts(self):
        facts = read_row({"parts": "II, III, V-X"}).facts
        self.assertEqual(
            facts["accepted_parts"], ("II", "III", "V", "VI", "VII", "VIII", "IX", "X")
        )
        self.assertEqual(facts["parts_status"], "complete")
        for text in (">=V,VI", "\u2265 V, VI", "at least V, VI", "au moins V et VI"):
            with self.subTest(text=text):
                facts = read_row({"parts": text}).facts
                self.assertEqual(facts["accepted_parts"], ("V", "VI"))
                self.assertEqual(facts["parts_status"], "partial")
        self.assertEqual(
            read_row({"parts": "II, XII"}).errors, [("unknown_parts", {"parts": "XII"})]
        )
        self.assertEqual(read_row({"parts": ""}).facts, {})

    def test_parts_no_longer_applicable(self):
        self.assertEqual(
            parse_superseded("III (C130),V (C128),IX (C128),X (C128)"),
            ((("III", "C130"), ("V", "C128"), ("IX", "C128"), ("X", "C128")), ""),
        )
        self.assertEqual(parse_superseded("VI (C121)"), ((("VI", "C121"),), ""))
        text = "subset of V/IX/X (C128 Art.45; exact Parts not stated in source)"
        self.assertEqual(parse_superseded(text), ((), text))

    def test_article3_exceptions(self):
        self.assertEqual(parse_article3("9(d),48(c)"), (("9(d)", "48(c)"), "", []))
        self.assertEqual(parse_article3("Art. 48(c); 9d"), (("9(d)", "48(c)"), "", []))
        note = "yes (Art.3 exceptions claimed at ratification; Articles not identified)"
        self.assertEqual(parse_article3(note), ((), note, []))
        self.assertEqual(parse_article3("9(d), 99(z)"), (("9(d)",), "", ["99(z)"]))
        self.assertEqual(
            read_row({"article3": "99(z)"}).errors[0][0], "unknown_article3"
        )

    def test_other_columns(self):
        row = read_row(
            {
                "succession": "yes",
                "confidence": "Partial",
                "sources": "https://a.example  https://b.example",
                "status": "In Force",
                "note": "has accepted Parts II-X",
                "denounced": "none_seen",
            }
        )
        self.assertEqual(
            row.facts,
            {
                "is_succession": True,
                "source_confidence": "partial",
                "source_urls": "https://a.example\nhttps://b.example",
                "normlex_note": "has accepted Parts II-X",
            },
        )
        self.assertIs(row.in_force, True)
        self.assertIs(read_row({"status": "Not in force"}).in_force, False)
        row = read_row(
            {
                "succession": "maybe",
                "confidence": "sure",
                "status": "?",
                "denounced": "1990",
            }
        )
        self.assertEqual(
            [e[0] for e in row.errors], ["bad_succession", "bad_confidence"]
        )
        self.assertEqual([w[0] for w in row.warnings], ["denounced", "unknown_status"])


@tagged("post_install", "-at_install", "c102_rules")
class TestMerge(BaseCase):
    def assertNoChange(self, current, incoming):
        new, errors = merge(current, incoming)
        self.assertEqual(errors, [])
        self.assertEqual(changes(current, new), [])

    def test_unchanged_facts_change_nothing(self):
        # Bosnia and Herzegovina as NORMLEX lists it today: the date, "In Force"
        row = read_row(
            {
                "country": "Bosnia and Herzegovina",
                "date": "02-06-1993",
                "status": "In Force",
            }
        )
        self.assertNoChange(BIH, row.facts)
        row = read_row(
            {
                "date": "1993-06-02",
                "succession": "yes",
                "parts": "II,III,IV,V,VIII,X",
                "confidence": "confirmed",
            }
        )
        self.assertNoChange(BIH, row.facts)

    def test_every_shipped_row_again_changes_nothing(self):
        for cells in shipped_rows():
            with self.subTest(country=cells["country"]):
                facts, _errors = merge({}, read_row(cells).facts)
                self.assertNoChange(facts, read_row(cells).facts)

    def test_entry_into_force_follows_a_derived_date_only(self):
        derived = dict(BIH, is_succession=False, entry_into_force_date=D(1994, 6, 2))
        new, _errors = merge(
            derived,
            {"ratification_date": D(1993, 7, 1), "ratification_date_precision": "day"},
        )
        self.assertEqual(new["entry_into_force_date"], D(1994, 7, 1))
        self.assertEqual(
            [key for key, _o, _n in changes(derived, new)],
            ["ratification_date", "entry_into_force_date"],
        )
        # Bosnia's entry into force was recorded, not derived: a new date keeps it
        new, _errors = merge(
            BIH,
            {"ratification_date": D(1993, 7, 1), "ratification_date_precision": "day"},
        )
        self.assertEqual(new["entry_into_force_date"], D(1992, 3, 6))
        self.assertEqual(entry_into_force(D(2026, 3, 10), False), D(2027, 3, 10))
        self.assertEqual(entry_into_force(D(2026, 3, 10), True), D(2026, 3, 10))

    def test_a_file_that_knows_less_keeps_what_is_known(self):
        known = dict(BIH, ratification_date=D(2012, 3, 5))
        self.assertNoChange(
            known,
            {"ratification_date": D(2012, 1, 1), "ratification_date_precision": "year"},
        )
        self.assertNoChange(
            BIH, {"accepted_parts": ("V", "X"), "parts_status": "partial"}
        )
        named = dict(BIH, superseded=(("V", "C128"),))
        self.assertNoChange(named, {"superseded_note": "subset of V/IX/X"})
        self.assertNoChange(dict(BIH, article3=("9(d)",)), {"article3_note": "yes"})
        # but a different year is a change
        new, _errors = merge(
            known,
            {"ratification_date": D(2013, 1, 1), "ratification_date_precision": "year"},
        )
        self.assertEqual(new["ratification_date_precision"], "year")

    def test_partial_lists(self):
        sweden = {
            "ratification_date": D(1953, 1, 1),
            "ratification_date_precision": "year",
            "accepted_parts": ("II", "III", "IV", "VII"),
            "parts_status": "partial",
        }
        new, _errors = merge(
            sweden, {"accepted_parts": ("V",), "parts_status": "partial"}
        )
        self.assertEqual(new["accepted_parts"], ("II", "III", "IV", "V", "VII"))
        self.assertEqual(new["parts_status"], "partial")
        new, _errors = merge(
            sweden,
            {
                "accepted_parts": ("II", "III", "IV", "VII", "VIII"),
                "parts_status": "complete",
            },
        )
        self.assertEqual(new["parts_status"], "complete")
        self.assertEqual(
            changes(sweden, new),
            [
                (
                    "accepted_parts",
                    ("II", "III", "IV", "VII"),
                    ("II", "III", "IV", "VII", "VIII"),
                ),
                ("parts_status", "partial", "complete"),
            ],
        )
        # "at least" Parts a complete list lacks: the list is to confirm again
        new, _errors = merge(
            BIH, {"accepted_parts": ("IX",), "parts_status": "partial"}
        )
        self.assertEqual(
            (new["accepted_parts"][-2:], new["parts_status"]), (("IX", "X"), "partial")
        )

    def test_new_ratification(self):
        new, errors = merge(
            {},
            {"ratification_date": D(1988, 6, 29), "ratification_date_precision": "day"},
        )
        self.assertEqual(errors, [])
        self.assertEqual((new["accepted_parts"], new["parts_status"]), ((), "unknown"))
        self.assertEqual(new["entry_into_force_date"], D(1989, 6, 29))
        self.assertTrue(needs_article_2({}, new))
        self.assertFalse(
            needs_article_2(
                dict(BIH, parts_status="partial"), dict(BIH, parts_status="partial")
            )
        )
        self.assertTrue(needs_article_2(BIH, BIH))

    def test_parts_no_longer_applicable_must_be_accepted(self):
        _new, errors = merge(BIH, {"superseded": (("VI", "C121"),)})
        self.assertEqual(errors, [("superseded_not_accepted", {"parts": "VI"})])
        norway = {
            "ratification_date": D(1954, 9, 30),
            "accepted_parts": ("V",),
            "parts_status": "partial",
        }
        new, errors = merge(norway, {"superseded": (("III", "C130"), ("V", "C128"))})
        self.assertEqual(errors, [])
        self.assertEqual(new["accepted_parts"], ("III", "V"))
