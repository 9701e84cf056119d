# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import date, datetime

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

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
            + 'senegal,2026-04-01,"V; VI, IX",,\n'
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
        self.assertEqual(
            self.senegal.accepted_part_ids.mapped("code"), ["V", "VI", "IX"]
        )
        self.assertEqual(len(self.Country.search(action["domain"])), 3)

    def test_each_bad_row_reported_and_nothing_written(self):
        wizard = self._wizard(
            HEADER
            + 'Kenya,2026-03-10,"II, V, VII",,\n'  # good
            + 'Atlantis,2026-03-10,"II, V, VII",,\n'  # unknown country
            + 'Ghana,31-31-2026,"II, V, VII",,\n'  # bad date
            + 'Senegal,2026-03-10,"II, XII, V",,\n'  # unknown Part
            + 'Mali,2026-03-10,"II, III, VII",,\n'  # Article 2
            + 'Kenya,2026-03-11,"II, V, VII",,\n'  # duplicate
        )
        wizard.action_preview()
        errors = {line.row_number: line.error for line in wizard.line_ids}
        self.assertFalse(errors[2])
        self.assertIn("unknown country 'Atlantis'", errors[3])
        self.assertIn("bad date '31-31-2026'", errors[4])
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
        with self.assertRaisesMsg(UserError, "no column for: parts"):
            self._wizard("Country,Date\nKenya,2026-01-01\n").action_preview()
        with self.assertRaisesMsg(UserError, "no ratification rows"):
            self._wizard(HEADER).action_preview()
