# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Article 22 reports and the comments file (rules/supervision.py), every branch;
no database."""

import datetime

from odoo.tests import BaseCase, tagged

from ..rules import supervision as s

D = datetime.date
TODAY = D(2026, 11, 30)


@tagged("post_install", "-at_install")
class TestReportCycle(BaseCase):
    def test_groups(self):
        self.assertEqual(s.report_group("Albania"), "A-B")
        self.assertEqual(s.report_group("Côte d'Ivoire"), "C-F")
        self.assertEqual(s.report_group("Ghana"), "G-K")
        self.assertEqual(s.report_group("Niger"), "L-N")
        self.assertEqual(s.report_group("Sweden"), "O-S")
        self.assertEqual(s.report_group("Türkiye"), "T-Z")
        self.assertEqual(s.report_group("Élan"), "C-F")  # accents folded
        self.assertEqual(s.report_group(""), "")
        self.assertEqual(s.report_group("1st"), "")

    def test_not_ratified(self):
        self.assertIsNone(s.next_report(None, TODAY))

    def test_first_report(self):
        # in force 11 May 2027: first report requested in 2028, due 1 September
        due = s.next_report(D(2027, 5, 11), TODAY)
        self.assertEqual(
            due, s.ReportDue(2028, D(2028, 9, 1), "first", "entry_into_force")
        )
        # its due day itself still counts
        due = s.next_report(D(2025, 3, 1), D(2026, 9, 1))
        self.assertEqual((due.year, due.kind), (2026, "first"))

    def test_regular_from_last_report(self):
        due = s.next_report(D(2016, 1, 1), TODAY, last_report_year=2022)
        self.assertEqual(
            due, s.ReportDue(2028, D(2028, 9, 1), "regular", "last_report")
        )
        # a report this year: the next one six years on, even before 1 September
        due = s.next_report(D(2016, 1, 1), D(2026, 3, 1), last_report_year=2026)
        self.assertEqual(due.year, 2032)
        # a last report long ago: the cycle's next year ahead
        due = s.next_report(D(1970, 1, 1), TODAY, last_report_year=2001)
        self.assertEqual(due.year, 2031)
        # a configured cycle
        due = s.next_report(D(1970, 1, 1), TODAY, last_report_year=2022, cycle_years=5)
        self.assertEqual(due.year, 2027)
        # a report before the first one is due (out of cycle): the first report
        due = s.next_report(D(2026, 1, 1), TODAY, last_report_year=2025)
        self.assertEqual((due.year, due.kind), (2027, "first"))

    def test_regular_from_group_or_first_report(self):
        # the first report's date is past, no report known: the group's year...
        due = s.next_report(D(1970, 1, 1), TODAY, group_year=2024)
        self.assertEqual(due, s.ReportDue(2030, D(2030, 9, 1), "regular", "group_year"))
        due = s.next_report(D(1970, 1, 1), TODAY, group_year=2033)
        self.assertEqual(due.year, 2027)  # a later configured year: back in the cycle
        # ... else the first report's year (1971 + 6k)
        due = s.next_report(D(1970, 1, 1), TODAY)
        self.assertEqual(
            due, s.ReportDue(2031, D(2031, 9, 1), "regular", "first_report")
        )
        # 1 September passed this year: the cycle's next
        due = s.next_report(D(2019, 1, 1), TODAY)
        self.assertEqual((due.year, due.basis), (2032, "first_report"))

    def test_out_of_cycle_request(self):
        due = s.next_report(
            D(1970, 1, 1), TODAY, last_report_year=2024, requested_years=[2027, 0]
        )
        self.assertEqual(due, s.ReportDue(2027, D(2027, 9, 1), "requested", "request"))
        # later than the regular report, or past, or answered: the cycle
        for requested in ([2031], [2025], [2026]):
            due = s.next_report(
                D(1970, 1, 1), TODAY, last_report_year=2024, requested_years=requested
            )
            self.assertEqual((due.year, due.kind), (2030, "regular"), requested)


@tagged("post_install", "-at_install")
class TestCommentsFile(BaseCase):
    def parse(self, text, encoding="utf-8"):
        return s.read_comments(text.encode(encoding), TODAY)

    def test_semicolons_with_bom(self):
        rows, problems = self.parse(
            "\ufeffPays;Année;Type;Parties;Lien;Résumé;Rapport demandé\n"
            "Bénin;2022;Demande directe;V-VII;https://normlex.example/1;"
            "Premier rapport;\n"
            "\n"
            "TG;2019;Observation;;;;2028\n"
        )
        self.assertEqual(problems, [])
        first, second = rows
        self.assertEqual(
            first,
            s.CommentRow(
                line=2,
                country="Bénin",
                code="",
                year=2022,
                comment_type="direct_request",
                parts=("V", "VI", "VII"),
                link="https://normlex.example/1",
                summary="Premier rapport",
                requested_year=None,
            ),
        )
        self.assertEqual((second.line, second.country), (4, "TG"))  # blank line counted
        self.assertEqual(
            (second.comment_type, second.requested_year), ("observation", 2028)
        )

    def test_commas_iso_codes_and_quoted_lines(self):
        rows, problems = self.parse(
            "ISO code,Year,Type,Parts,Summary\n"
            'SN,2023,DR,"II, V","two\nlines"\n'
            "SN,2023,obs,,\n"
        )
        self.assertEqual(problems, [])
        # rows numbered as the spreadsheet shows them (the import engine's): a
        # cell over two lines is still one row
        self.assertEqual(
            [(r.line, r.code, r.comment_type) for r in rows],
            [
                (2, "SN", "direct_request"),
                (3, "SN", "observation"),
            ],
        )
        self.assertEqual(rows[0].summary, "two\nlines")

    def test_every_bad_row_with_its_line(self):
        rows, problems = self.parse(
            "Country,Year,Type,Parts,Link,Report requested\n"
            "Benin,2022,Direct request,V,,\n"
            ",1954,Letter,XI,ftp://x,2020\n"
            "Togo,20x,Observation,,,\n"
            "Togo,2019,Observation,,,19\n"
        )
        self.assertEqual([r.line for r in rows], [2])
        self.assertEqual(
            problems,
            [
                (3, "no_country", {}),
                (3, "bad_year", {"value": "1954"}),
                (3, "bad_type", {"value": "Letter"}),
                (3, "unknown_parts", {"parts": "XI"}),
                (3, "bad_link", {"value": "ftp://x"}),
                (4, "bad_year", {"value": "20x"}),
                (5, "bad_requested", {"value": "19"}),
            ],
        )

    def test_files_as_excel_saves_them(self):
        """Excel's "CSV" on a French Windows is Windows-1252; its "Unicode text"
        is UTF-16: both are read like UTF-8."""
        text = "Pays;Année;Type\nCôte d'Ivoire;2022;Demande directe\n"
        expected = self.parse(text)
        self.assertEqual(expected[1], [])
        for encoding in ("cp1252", "utf-16", "utf-8-sig"):
            with self.subTest(encoding=encoding):
                self.assertEqual(self.parse(text, encoding), expected)

    def test_unreadable_files(self):
        """What the import engine cannot read is one problem of the file, with the
        engine's reason (``tables.TableError``)."""
        for data, code in (
            (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old xls", "binary"),
            (b"", "empty"),
            (b"Country,Year,Type\n", "no_rows"),
        ):
            with self.subTest(code=code):
                [(line, kind, params)] = s.read_comments(data, TODAY)[1]
                self.assertEqual((line, kind, params["error"].code), (1, "table", code))
        # Latin-1 bytes that Windows-1252 leaves undefined are read, not refused
        rows, problems = s.read_comments(
            b"Pays;Ann\xe9e;Type\nB\xe9nin;2022;Observation\n", TODAY
        )
        self.assertEqual(problems, [])
        self.assertEqual(
            self.parse("Name,Year\nBenin,2022\n")[1],
            [(1, "missing_columns", {"columns": "country, type"})],
        )
