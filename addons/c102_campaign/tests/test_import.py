# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import csv
import io
from datetime import date, datetime

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import file_open, format_date

from .common import CampaignCommon

HEADER = "Country,Ratification date,Parts,Status,Note\n"


@tagged("post_install", "-at_install")
class TestRatificationImport(CampaignCommon):
    def _wizard(self, content, filename="ratifications.csv"):
        if isinstance(content, str):
            content = content.encode()
        return self.env["c102.ratification.import"].create(
            {"file": base64.b64encode(content), "filename": filename}
        )

    def test_good_file(self):
        wizard = self._wizard(
            HEADER
            + 'Kenya,2026-03-10,"II, III, V-X",In Force,test\n'
            + 'GH,11-05-2026,"IV, V, VI",Not in force,\n'
            + 'namibia,2026-04-01,"V; VI, IX",,\n'
        )
        wizard.action_preview()
        self.assertEqual(wizard.error_count, 0)
        self.assertEqual(len(wizard.line_ids), 3)
        action = wizard.action_import()
        self.assertEqual(self.kenya.ratification_date, date(2026, 3, 10))
        self.assertEqual(
            self.kenya.accepted_part_ids.mapped("code"),
            ["II", "III", "V", "VI", "VII", "VIII", "IX", "X"],
        )
        self.assertEqual(self.kenya.stage, "ratified")
        ghana = self.Country.search([("country_id.code", "=", "GH")])
        self.assertEqual(ghana.ratification_date, date(2026, 5, 11))
        namibia = self.Country.search([("country_id.code", "=", "NA")])
        self.assertEqual(namibia.accepted_part_ids.mapped("code"), ["V", "VI", "IX"])
        self.assertEqual(len(self.Country.search(action["domain"])), 3)

    def test_each_bad_row_reported_and_nothing_written(self):
        wizard = self._wizard(
            HEADER
            + 'Kenya,2026-03-10,"II, V, VII",,\n'  # good
            + 'Atlantis,2026-03-10,"II, V, VII",,\n'  # unknown country
            + 'Ghana,31-31-2026,"II, V, VII",,\n'  # bad date
            + 'Namibia,2026-03-10,"II, XII, V",,\n'  # unknown Part
            + 'Mali,2026-03-10,"II, III, VII",,\n'  # Article 2
            + 'Kenya,2026-03-11,"II, V, VII",,\n'  # duplicate
        )
        wizard.action_preview()
        errors = {line.row_number: line.error for line in wizard.line_ids}
        self.assertFalse(errors[2])
        self.assertIn("unknown country 'Atlantis'", errors[3])
        # the date's problem: what was read, what to write
        self.assertIn("'31-31-2026': no month 31 (read as day 31, month 31", errors[4])
        self.assertIn("unknown Part(s): XII", errors[5])
        self.assertIn("IV, V, VI, IX or X", errors[6])
        self.assertIn("already on row 2", errors[7])
        self.assertEqual(wizard.error_count, 5)
        with self.assertRaisesMsg(UserError, "Nothing was imported: 5 row"):
            wizard.action_import()
        self.assertFalse(self.kenya.ratified)
        self.assertFalse(self.Country.search([("country_id.code", "=", "ML")]))

    def test_xlsx(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Country", "Ratification date", "Parts", "Status", "Note"])
        sheet.append(["KE", datetime(2026, 3, 10), "II, V-VII", "In Force", None])
        buffer = io.BytesIO()
        book.save(buffer)
        wizard = self._wizard(buffer.getvalue(), "ratifications.xlsx")
        wizard.action_import()
        self.assertEqual(self.kenya.ratification_date, date(2026, 3, 10))
        self.assertEqual(
            self.kenya.accepted_part_ids.mapped("code"), ["II", "V", "VI", "VII"]
        )

    def test_missing_columns_and_empty_file(self):
        with self.assertRaisesMsg(UserError, "no column for: date"):
            self._wizard("Country,Parts\nKenya,II-X\n").action_preview()
        with self.assertRaisesMsg(UserError, "a header but no rows below it"):
            self._wizard(HEADER).action_preview()


@tagged("post_install", "-at_install")
class TestSyncWithNormlex(CampaignCommon):
    """Importing NORMLEX's facts is safe: only what the file speaks to changes, the
    same facts again change nothing, and the preview shows every change first."""

    def _wizard(self, content, filename="normlex.csv"):
        if isinstance(content, str):
            content = content.encode()
        return self.env["c102.ratification.import"].create(
            {"file": base64.b64encode(content), "filename": filename}
        )

    def _facts(self):
        countries = self.Country.with_context(active_test=False).search([])
        return {c.country_id.code: c._ratification_facts() for c in countries}

    def test_bosnia_reimported_today_changes_nothing(self):
        bih = self.env.ref("c102_campaign.c102_country_ba")
        bih.note = "<p>Succession; in force from 06-03-1992 (NL11, UA01)</p>"
        note, before = bih.note, bih._ratification_facts()
        messages = len(bih.message_ids)
        wizard = self._wizard(
            "Country,Date,Status,Note\nBosnia and Herzegovina,02-06-1993,In Force,\n"
        )
        wizard.action_preview()
        self.assertEqual(wizard.line_ids.outcome, "unchanged")
        self.assertFalse(wizard.change_ids)
        wizard.action_import()
        self.assertEqual(bih.entry_into_force_date, date(1992, 3, 6))
        self.assertEqual(bih.note, note)
        self.assertEqual(bih._ratification_facts(), before)
        self.assertEqual(len(bih.message_ids), messages)

    def test_the_data_again_changes_nothing(self):
        before = self._facts()
        with file_open("c102_campaign/data/c102_ratifications.csv", "rb") as source:
            shipped = source.read()
        for name, content in (
            ("shipped.csv", shipped),
            ("shared.csv", shared_csv(shipped)),
        ):
            with self.subTest(file=name):
                wizard = self._wizard(content, name)
                wizard.action_preview()
                self.assertEqual(len(wizard.line_ids), 63)
                self.assertEqual(set(wizard.line_ids.mapped("outcome")), {"unchanged"})
                self.assertEqual(wizard.change_count, 0)
                wizard.action_import()
                self.assertEqual(self._facts(), before)

    def test_preview_lists_old_and_new_before_writing(self):
        honduras = self.env.ref("c102_campaign.c102_country_hn")
        sweden = self.env.ref("c102_campaign.c102_country_se")
        wizard = self._wizard(
            "Country,Ratification date,Parts,Sources\n"
            'Honduras,05-03-2012,"II, III, V, VIII, IX, X",\n'
            'Sweden,1953,"II, III, IV, VII, VIII",https://normlex.example/se\n'
        )
        wizard.action_preview()
        changes = {
            (c.country_id.code, c.field_label): (c.old_value, c.new_value)
            for c in wizard.change_ids
        }
        self.assertEqual(
            changes,
            {
                ("HN", "Ratification Date"): ("2012 (year only)", "03/05/2012"),
                ("HN", "Ratification Date Precision"): ("Year only", "Day"),
                ("HN", "Entry Into Force Date"): ("01/01/2013", "03/05/2013"),
                ("SE", "Accepted Parts"): (
                    "II, III, IV, VII",
                    "II, III, IV, VII, VIII",
                ),
                ("SE", "Accepted Parts known"): ("At least these", "Complete list"),
                ("SE", "Sources"): (
                    sweden.source_urls,
                    "https://normlex.example/se",
                ),
            },
        )
        self.assertEqual(set(wizard.line_ids.mapped("outcome")), {"update"})
        # nothing is written by the preview
        self.assertEqual(honduras.ratification_date, date(2012, 1, 1))
        self.assertEqual(sweden.parts_status, "partial")
        wizard.action_import()
        self.assertEqual(honduras.ratification_date, date(2012, 3, 5))
        self.assertEqual(honduras.ratification_date_precision, "day")
        self.assertEqual(honduras.entry_into_force_date, date(2013, 3, 5))
        self.assertEqual(sweden.ratification_date_precision, "year")
        self.assertFalse(sweden.parts_to_confirm)

    def test_only_what_the_file_speaks_to(self):
        norway = self.env.ref("c102_campaign.c102_country_no")
        before = norway._ratification_facts()
        wizard = self._wizard(
            'Country,Date,Note\nNorway,30-09-1954,"has accepted Parts III, V, IX, X"\n'
        )
        wizard.action_preview()
        self.assertEqual(wizard.change_ids.mapped("field_label"), ["NORMLEX note"])
        wizard.action_import()
        self.assertEqual(
            norway._ratification_facts(),
            dict(before, normlex_note="has accepted Parts III, V, IX, X"),
        )
        # a year where the day is known, "at least" Parts a complete list has
        wizard = self._wizard("Country,Date,Parts\nAlbania,2006,>=V\n")
        wizard.action_preview()
        self.assertEqual(wizard.line_ids.outcome, "unchanged")

    def test_names_as_the_ilo_the_un_and_french_offices_write_them(self):
        names = {
            "Bolivia (Plurinational State of)": "BO",
            "Turkey": "TR",
            "Czechia": "CZ",
            "Cabo Verde": "CV",
            "Congo, Democratic Republic of the": "CD",
            "Netherlands (Kingdom of the)": "NL",
            "Royaume-Uni": "GB",
            "Suède": "SE",
        }
        rows = "".join(f'"{name}",\n' for name in names)
        wizard = self._wizard("Country,Date\n" + rows)
        wizard.action_preview()
        self.assertEqual(wizard.error_count, 0)
        self.assertEqual(
            wizard.line_ids.mapped("country_id.code"), list(names.values())
        )
        self.assertEqual(set(wizard.line_ids.mapped("outcome")), {"unchanged"})
        for apostrophe in ("'", "\u2019"):
            wizard = self._wizard(
                "Country,Date,Parts\n"
                f'"Côte d{apostrophe}Ivoire",2026-05-04,"II, V, VII"\n'
                'Timor-Leste,2026-05-05,"II, V, IX"\n'
            )
            wizard.action_preview()
            self.assertEqual(wizard.line_ids.mapped("country_id.code"), ["CI", "TL"])
            self.assertEqual(set(wizard.line_ids.mapped("outcome")), {"new"})

    def test_unknown_names_get_suggestions_and_former_states_an_explanation(self):
        wizard = self._wizard(
            "Country,Date,Parts\n"
            "Boliva,1977-01-31,\n"
            "Yugoslavia,20-12-1954,\n"
            "Czechoslovakia,11-01-1990,\n"
            'Kenya,2026-03-10,"II, V, VII"\n'
        )
        wizard.action_preview()
        lines = {line.row_number: line for line in wizard.line_ids}
        self.assertIn("unknown country 'Boliva' (closest: Bolivia", lines[2].error)
        self.assertEqual(lines[3].outcome, "skipped")
        self.assertIn("Yugoslavia is a former State", lines[3].warning)
        self.assertIn("Croatia", lines[3].warning)
        self.assertFalse(lines[3].error)
        self.assertIn("Slovakia", lines[4].warning)
        self.assertEqual(wizard.error_count, 1)
        wizard = self._wizard(
            "Country,Date,Parts\n"
            "Yugoslavia,20-12-1954,\n"
            'Kenya,2026-03-10,"II, V, VII"\n'
        )
        wizard.action_import()
        self.assertTrue(self.kenya.ratified)

    def test_partial_lists_flagged_and_new_ratifications_checked(self):
        wizard = self._wizard(
            "Country,Date,Parts\n"
            "Sweden,1953,>=II\n"  # fewer than three, but "at least": flagged
            "Kenya,2026-03-10,>=V\n"  # a new ratification: Article 2 applies
        )
        wizard.action_preview()
        lines = {line.row_number: line for line in wizard.line_ids}
        self.assertFalse(lines[2].error)
        self.assertEqual(lines[2].warning, "Parts to confirm against NORMLEX")
        self.assertIn("at least three of Parts II to X", lines[3].error)

    def test_rewriting_a_recorded_ratification_is_flagged(self):
        """The trial's file gave Senegal (1962, Parts VII, VIII) 2026 and Parts II,
        V, VI: the preview says so before anyone imports; refining a date known to
        the year is no rewrite."""
        senegal = self.env.ref("c102_campaign.c102_country_sn")
        old_date = format_date(self.env, senegal.ratification_date)
        wizard = self._wizard(
            "Country,Ratification date,Parts\n"
            'Senegal,2026-03-15,"II, V, VI"\n'
            "Honduras,05-03-2012,\n"
        )
        action = wizard.action_preview()
        self.assertEqual(action["name"], "Import ratifications")  # the dialog's title
        lines = {line.row_number: line for line in wizard.line_ids}
        self.assertIn(
            f"replaces the recorded ratification date {old_date} with 03/15/2026",
            lines[2].warning,
        )
        self.assertIn("removes accepted Parts VII, VIII recorded", lines[2].warning)
        self.assertFalse(lines[3].warning)
        self.assertEqual(lines[3].outcome, "update")

    def test_changed_since_the_preview(self):
        wizard = self._wizard("Country,Date\nHonduras,05-03-2012\n")
        wizard.action_preview()
        self.env.ref("c102_campaign.c102_country_hn").ratification_date = "2012-03-05"
        with self.assertRaisesMsg(UserError, "changed since the preview"):
            wizard.action_import()


def shared_csv(shipped):
    """The product's data as ``shared/domain/c102-ratifications.csv`` has it: without
    the entry-into-force column."""
    rows = list(csv.reader(io.StringIO(shipped.decode())))
    out = io.StringIO()
    csv.writer(out).writerows(row[:-1] for row in rows)
    return out.getvalue().encode()


@tagged("post_install", "-at_install")
class TestPartnershipImportsCountryNames(CampaignCommon):
    """Every import with a country column reads the names the ILO, the UN and
    French offices write (the campaign's country index), not only Odoo's own:
    the activities file and the UN's DSA rates (the ratifications: above)."""

    @staticmethod
    def _fixture(name):
        with file_open(f"c102_campaign/tests/fixtures/{name}", "rb") as handle:
            return handle.read()

    def test_activities(self):
        text = self._fixture("activities_country_names.csv").decode("utf-8-sig")
        text = text.replace("{project}", self.project.name)
        data = base64.b64encode(text.encode("utf-8-sig"))
        verdict = self.env["ilo.bulk.import"].import_file("activities", data, "a.csv")
        self.assertTrue(verdict["ok"], verdict["problems"])
        codes = {
            "mission_m-cn1": "TR",
            "mission_m-cn2": "CI",  # a curly apostrophe
            "mission_m-cn3": "BO",
            "training_t-cn1": "CD",
            "training_t-cn2": "IR",
        }
        for key, code in codes.items():
            with self.subTest(key=key):
                self.assertEqual(self.env.ref(f"ilo_cli.{key}").country_id.code, code)

    def test_dsa_rates(self):
        wizard = (
            self.env["ilo.dsa.rate.import"]
            .with_user(self.users["finance"])
            .create(
                {
                    "file": base64.b64encode(self._fixture("dsa_country_names.csv")),
                    "filename": "dsa.csv",
                }
            )
        )
        rates = self.env["ilo.dsa.rate"].search(wizard.action_import()["domain"])
        self.assertEqual(
            sorted((rate.country_id.code, rate.city) for rate in rates),
            [("KR", "Seoul"), ("TR", "Ankara"), ("VE", "Caracas")],
        )
