# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The import engine: ``rules.tables`` case by case (no database), then the files of
``tests/fixtures`` (as offices make them) through the server's imports."""

import base64
import datetime
from pathlib import Path

from odoo.exceptions import UserError
from odoo.tests import BaseCase, tagged

from ..rules import tables
from ..rules.tables import TableError
from .common import PartnershipCommon

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name):
    return (FIXTURES / name).read_bytes()


@tagged("post_install", "-at_install", "ilo_import_rules")
class TestTableRules(BaseCase):
    def _refused(self, parse, value):
        with self.assertRaises(TableError) as caught:
            parse(value)
        return caught.exception

    def test_numbers_by_one_rule(self):
        cases = {
            "12 500,00": 12500.0,
            "12\u00a0500,00": 12500.0,
            "12\u202f500,00": 12500.0,
            "12'500.50": 12500.5,
            "12\u2019500,50": 12500.5,
            "12.500,00": 12500.0,
            "12,500.00": 12500.0,
            "1.234.567": 1234567.0,
            "1,234,567": 1234567.0,
            "1 234 567": 1234567.0,
            "12,5": 12.5,
            "12.5": 12.5,
            "12,50": 12.5,
            "0,500": 0.5,
            "0.125": 0.125,
            ",5": 0.5,
            "1234,5678": 1234.5678,
            "1234": 1234.0,
            "(120.00)": -120.0,
            "-3 000,00": -3000.0,
            "+7": 7.0,
            "250-": -250.0,
            " 42 ": 42.0,
            1500: 1500.0,
            12.5: 12.5,
            None: None,
            "": None,
            "  ": None,
        }
        for value, number in cases.items():
            with self.subTest(value=value):
                self.assertEqual(tables.parse_number(value), number)

    def test_ambiguous_amounts_refused_with_both_readings(self):
        for value, low, high in (
            ("12.500", "12.5", "12 500"),
            ("1,234", "1.234", "1 234"),
            ("-999.000", "999", "999 000"),
        ):
            with self.subTest(value=value):
                problem = self._refused(tables.parse_number, value)
                self.assertEqual(problem.code, "ambiguous")
                self.assertEqual(
                    (problem.params["low"], problem.params["high"]), (low, high)
                )
                # the hint's two writings are themselves unambiguous
                for text in (problem.params["low_text"], problem.params["high_text"]):
                    tables.parse_number(text)
        self.assertIn(
            "12.50 or 12 500.00", str(self._refused(tables.parse_number, "12.500"))
        )

    def test_not_numbers(self):
        for value in (
            "abc",
            "12 50",
            "1,2,3",
            "1.234,5,6",
            "12.34.5",
            "1 23,5",
            "€12",
            "12,500.000,00",
            True,
            "-",
            ".",
        ):
            with self.subTest(value=value):
                self.assertEqual(
                    self._refused(tables.parse_number, value).code, "number"
                )

    def test_dates_as_spreadsheets_write_them(self):
        day = datetime.date(2026, 3, 15)
        for value in (
            "2026-03-15",
            "2026/03/15",
            "2026-03-15 00:00:00",
            "2026-03-15T10:30:00Z",
            "15/03/2026",
            "15.03.2026",
            "15-03-2026",
            "15/03/26",
            "15.03.26",
            "15 mars 2026",
            "15 March 2026",
            "15-Mar-2026",
            "15 Mar. 2026",
            46096,
            46096.0,
            "46096",
            datetime.datetime(2026, 3, 15, 9, 0),
            day,
        ):
            with self.subTest(value=value):
                self.assertEqual(tables.parse_date(value), day)
        self.assertEqual(
            tables.parse_date("1er janvier 2026"), datetime.date(2026, 1, 1)
        )
        self.assertEqual(tables.parse_date("03/04/2026"), datetime.date(2026, 4, 3))
        self.assertIsNone(tables.parse_date(""))

    def test_bad_dates_say_what_was_understood(self):
        problem = self._refused(tables.parse_date, "31/02/2026")
        self.assertEqual(problem.code, "bad_date")
        self.assertEqual(
            str(problem),
            "'31/02/2026': no such day (read as day 31, month 2, year 2026; that "
            "month has 28 days). Dates are read day/month/year, as French files "
            "write them, or year-month-day: write e.g. 2026-02-28",
        )
        # the last day of the month meant, leap years included
        for value, last in (
            ("31/04/26", "2026-04-30"),
            ("30/02/2028", "2028-02-29"),
            ("2027-02-29", "2027-02-28"),
            ("0/3/2026", "2026-03-31"),
        ):
            with self.subTest(value=value):
                problem = self._refused(tables.parse_date, value)
                self.assertEqual(
                    (problem.code, problem.params["last"]), ("bad_date", last)
                )
        # a US date is read day first and refused, not silently swapped: the hint
        # says what it would be if the file writes month/day/year
        problem = self._refused(tables.parse_date, "3/15/2026")
        self.assertEqual(problem.code, "us_date")
        self.assertIn("read as day 3, month 15, year 2026", str(problem))
        self.assertIn(
            "if the file writes month/day/year, it means 2026-03-15", str(problem)
        )
        # no month, and no month/day/year reading either (or an ISO date)
        for value in ("15/13/2026", "2026-13-01", "31-31-2026"):
            with self.subTest(value=value):
                problem = self._refused(tables.parse_date, value)
                self.assertEqual(problem.code, "bad_month")
                self.assertIn(f"no month {problem.params['month']}", str(problem))
        problem = self._refused(tables.parse_date, "15 Brumaire 2026")
        self.assertEqual(problem.code, "month_name")
        self.assertIn("'Brumaire' is not a month name", str(problem))
        for value in (12, "12345", 99999):  # numbers outside spreadsheet dates
            with self.subTest(value=value):
                self.assertEqual(self._refused(tables.parse_date, value).code, "serial")
        for value in ("xx", "2026", "2026-03", "1/1", "0000-02-30"):
            with self.subTest(value=value):
                self.assertEqual(self._refused(tables.parse_date, value).code, "date")

    def test_encodings_and_separators_of_the_fixtures(self):
        for name, read_as in (
            ("ledger_cp1252_semicolon.csv", "CSV, Windows-1252, semicolon (;)"),
            ("ledger_utf16_tab.txt", "CSV, UTF-16, tab"),
            ("ledger_utf8_bom.csv", "CSV, UTF-8, semicolon (;)"),
        ):
            with self.subTest(name=name):
                table = tables.read_table(fixture(name), name)
                self.assertEqual(table.describe(), read_as)
                self.assertEqual(table.header[0], "Référence")  # no BOM left
                self.assertEqual(table.rows[1][1][2], "12 500,00")
                self.assertEqual(tables.parse_number(table.rows[2][1][2]), 1234.5)
                self.assertEqual(table.rows[1][1][5], "Atelier à Dakar")

    def test_other_encodings_and_separators(self):
        text = "a;b\r\nÉté;2\r\n"
        for data in (
            text.encode("utf-16-le"),  # no BOM
            text.encode("utf-16-be"),
            text.encode("latin-1") + b"\x81",  # a byte Windows-1252 leaves undefined
        ):
            self.assertEqual(tables.read_table(data).rows[1][1][0], "Été")
        comma = tables.read_table(b'a,b\n"1,5",x\n')
        self.assertEqual((comma.separator, comma.rows[1][1]), (",", ["1,5", "x"]))
        # a decimal comma in a comma-separated file does not fool the sniffer
        semi = tables.read_table(b"a;b;c\n1,5;2,5;x\n3;4;y\n")
        self.assertEqual(semi.separator, ";")
        self.assertEqual(tables.read_table(b"a\tb\n1\t2\n").separator, "\t")

    def test_unreadable_files_are_one_readable_problem(self):
        for data, code in (
            (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "binary"),
            (b"\x00\x01\x02\x03binary\x00", "binary"),
            (b"PK\x03\x04not a zip", "xlsx"),
            (b"", "empty"),
            (b"\n\n ;\n", "empty"),
            (b"a;b\n", "no_rows"),
            (b"\xff\xfe" + "a;b\n".encode("utf-16-le") + b"\x00\xd8", "encoding"),
        ):
            with self.subTest(code=code):
                with self.assertRaises(TableError) as caught:
                    tables.read_table(data, "x.csv")
                self.assertEqual(caught.exception.code, code)

    def test_workbooks(self):
        with self.assertRaises(TableError) as caught:
            tables.read_table(fixture("ledger_formula_no_value.xlsx"), "x.xlsx")
        self.assertEqual(caught.exception.code, "formula")
        self.assertEqual(caught.exception.params["cell"], "C3")
        # LibreOffice's: the empty first sheet skipped, every row seen although the
        # sheet's dimension names A1 only; its dates stay dates
        table = tables.read_table(fixture("ledger_libreoffice.xlsx"), "x.xlsx")
        self.assertEqual(table.describe(), "XLSX")
        self.assertEqual([line for line, _cells in table.rows], [1, 2, 3])
        self.assertEqual(
            tables.parse_date(table.rows[1][1][1]), datetime.date(2026, 3, 15)
        )
        self.assertEqual(tables.parse_number(table.rows[1][1][2]), 12500.0)
        # a workbook known by its content, whatever its name
        self.assertEqual(
            len(tables.read_table(fixture("ledger_libreoffice.xlsx"), "x.csv").rows), 3
        )

    def test_line_numbers_count_blank_rows(self):
        table = tables.read_table(b"a;b\n\n1;2\n;\n3;4\n")
        self.assertEqual([line for line, _c in table.rows], [1, 3, 5])


@tagged("post_install", "-at_install")
class TestImportEngine(PartnershipCommon):
    def _activities(self, text, encoding="utf-8", **kwargs):
        data = base64.b64encode(text.encode(encoding))
        return self.env["ilo.bulk.import"].import_file(
            "activities", data, "a.csv", **kwargs
        )

    def test_french_excel_activities(self):
        text = fixture("activities_cp1252.csv").decode("cp1252")
        text = text.replace("{project}", self.project.name)
        verdict = self._activities(text, "cp1252")
        self.assertTrue(verdict["ok"], verdict["problems"])
        self.assertEqual(verdict["written"], 2)
        self.assertIn("Windows-1252", verdict["read_as"])
        self.assertIn("semicolon (;)", verdict["read_as"])
        mission = self.env.ref("ilo_cli.mission_m-fx1")
        self.assertEqual(mission.country_id.code, "SN")
        self.assertEqual(mission.date_start, datetime.date(2030, 3, 15))
        self.assertEqual(self.env.ref("ilo_cli.training_t-fx1").country_id.code, "CI")
        # again: updated, not duplicated
        self.assertTrue(self._activities(text, "cp1252")["ok"])
        Mission = self.env["ilo.advisory.mission"]
        self.assertEqual(Mission.search_count([("name", "=", "Mission à Thiès")]), 1)

    def test_a_failed_participant_leaves_no_training(self):
        text = (
            "kind;key;project;name;training_key;pre_score\n"
            f"training;T-AON;{self.project_training.name};All or none;;\n"
            "participant;P-AON;;Ama Owusu;T-AON;140\n"
        )
        verdict = self._activities(text)
        self.assertFalse(verdict["ok"])
        self.assertEqual({line for line, _k, _t in verdict["problems"]}, {3})
        self.assertFalse(
            self.env["ilo.training"].search([("name", "=", "All or none")])
        )
        self.assertIn("1 bad row(s) of 2: nothing written.", verdict["summary"])

    def test_bad_cells_named_with_their_line(self):
        text = (
            "kind;key;project;name;country;date_start;date_end\n"
            f"mission;M-1;{self.project.name};Bad date;SN;31/02/2030;02/03/2030\n"
            f"mission;M-2;{self.project.name};Bad country;Atlantide;01/03/2030;;\n"
            "meeting;M-3;x;y;;;\n"
            f"mission;M-1;{self.project.name};Twice;SN;01/03/2030;02/03/2030\n"
        )
        verdict = self._activities(text)
        problems = {line: text for line, _kind, text in verdict["problems"]}
        self.assertIn("read as day 31, month 2, year 2030", problems[2])
        self.assertIn("unknown country 'Atlantide'", problems[3])
        self.assertIn("kind must be one of", problems[4])
        self.assertIn("already used on line 2", problems[5])
        self.assertEqual(verdict["written"], 0)

    def test_bad_dates_of_every_date_column_with_line_and_hint(self):
        """Each date column of the activities and budget files: a bad date is
        refused with its line, its text, what was read and what to write."""
        text = fixture("activities_bad_dates.csv").decode("cp1252")
        verdict = self._activities(text.replace("{project}", self.project.name))
        problems = {line: text for line, _kind, text in verdict["problems"]}
        self.assertEqual(sorted(problems), [2, 3, 4], problems)
        self.assertIn("'31/02/2030': no such day (read as day 31, month 2", problems[2])
        self.assertIn("write e.g. 2030-02-28", problems[2])
        self.assertIn(
            "'4/15/2030': no month 15 (read as day 4, month 15, year 2030)", problems[3]
        )
        self.assertIn("month/day/year, it means 2030-04-15", problems[3])
        self.assertIn("'Brumaire' is not a month name", problems[4])
        self.assertEqual(verdict["written"], 0)
        self.assertFalse(
            self.env.ref("ilo_cli.mission_m-bd2", raise_if_not_found=False)
        )
        text = fixture("budget_bad_dates.csv").decode("cp1252")
        text = text.replace("{project}", self.project.name)
        text = text.replace("{source}", self.funding_source.code)
        data = base64.b64encode(text.encode("cp1252"))
        verdict = self.env["ilo.bulk.import"].import_file("budget", data, "b.csv")
        problems = {line: text for line, _kind, text in verdict["problems"]}
        self.assertEqual(sorted(problems), [2, 3], problems)
        self.assertIn("'2030-13-01': no month 13", problems[2])
        self.assertIn("'99999' is a number, not a date", problems[3])
        self.assertEqual(verdict["written"], 0)

    def test_skip_invalid_and_dry_run(self):
        text = (
            "kind;key;project;name;country;date_start;date_end\n"
            f"mission;M-G;{self.project.name};Good;SN;01/03/2030;02/03/2030\n"
            f"mission;M-B;{self.project.name};Bad;SN;xx;02/03/2030\n"
        )
        verdict = self._activities(text, dryrun=True, skip_invalid=True)
        self.assertEqual((verdict["ok"], verdict["written"]), (True, 1))
        self.assertFalse(self.env.ref("ilo_cli.mission_M-G", raise_if_not_found=False))
        verdict = self._activities(text, skip_invalid=True)
        self.assertEqual(
            (verdict["ok"], verdict["written"], verdict["skipped"]), (True, 1, 1)
        )
        self.assertTrue(self.env.ref("ilo_cli.mission_M-G"))

    def test_budget_amounts_by_the_rule(self):
        rows = [
            f"B-{n};{self.project.name};{self.funding_source.code};travel;"
            f"01/01/2030;31/12/2030;{amount}"
            for n, amount in enumerate(("12 500,00", "12.500", "1 234,50"), start=1)
        ]
        text = "key;project;funding_source;category;date_from;date_to;amount_planned\n"
        data = base64.b64encode((text + "\n".join(rows)).encode("cp1252"))
        Budget = self.env["ilo.bulk.import"]
        verdict = Budget.import_file("budget", data, "b.csv")
        [(line, _kind, problem)] = verdict["problems"]
        self.assertEqual(line, 3)
        self.assertIn("'12.500' is ambiguous", problem)
        self.assertFalse(self.env.ref("ilo_cli.budget_B-1", raise_if_not_found=False))
        data = base64.b64encode((text + rows[0] + "\n" + rows[2]).encode("cp1252"))
        self.assertTrue(Budget.import_file("budget", data, "b.csv")["ok"])
        self.assertEqual(self.env.ref("ilo_cli.budget_B-1").amount_planned, 12500)
        self.assertEqual(self.env.ref("ilo_cli.budget_B-3").amount_planned, 1234.5)

    def test_unreadable_file_is_one_readable_error(self):
        data = base64.b64encode(fixture("ledger_formula_no_value.xlsx"))
        with self.assertRaisesRegex(
            UserError, "C3 holds a formula with no saved value"
        ):
            self.env["ilo.bulk.import"].import_file("budget", data, "b.xlsx")
        with self.assertRaisesRegex(UserError, "a header but no rows"):
            self._activities("kind;key;project;name\n")

    def test_expenditure_fixtures(self):
        Import = self.env["ilo.expenditure.import"]
        for name in (
            "ledger_cp1252_semicolon.csv",
            "ledger_utf16_tab.txt",
            "ledger_utf8_bom.csv",
        ):
            with self.subTest(name=name):
                report = Import.import_file(base64.b64encode(fixture(name)), name)
                # the rows are read: their amounts and dates pass, the (invented)
                # project is unknown
                self.assertEqual({line for line, _t in report["errors"]}, {2, 3})
                texts = [t for _l, t in report["errors"]]
                self.assertFalse([t for t in texts if t.startswith(("amount", "date"))])
                self.assertTrue(any("Projet Écoles" in t for t in texts))
        report = Import.import_file(
            base64.b64encode(fixture("ledger_ambiguous.csv")), "x.csv"
        )
        self.assertTrue(
            any(
                line == 3 and "'12.500' is ambiguous" in t
                for line, t in report["errors"]
            )
        )
        report = Import.import_file(
            base64.b64encode(fixture("ledger_dates.csv")), "x.csv"
        )
        by_line = {}
        for line, text in report["errors"]:
            by_line.setdefault(line, []).append(text)
        self.assertFalse([t for t in by_line[2] + by_line[3] if t.startswith("date")])
        self.assertIn("date: '31/02/2026': no such day (read as day 31", by_line[4][0])
        report = Import.import_file(
            base64.b64encode(fixture("ledger_formula_no_value.xlsx")), "x.xlsx"
        )
        [(line, text)] = report["errors"]
        self.assertIn("cell C3 holds a formula with no saved value", text)
