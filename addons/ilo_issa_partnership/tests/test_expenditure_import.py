# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Actual spend from the organisation's ERP: ledger extracts (CSV in the encodings
and separators ERPs write, XLSX), judged by the server, all or nothing, idempotent by
reference; the reading rules alone too."""

import base64
import datetime
import io

import openpyxl

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, tagged

from ..rules import ledger
from .common import PartnershipCommon

HEADER = "Référence;Date;Montant;Devise;Projet;Source de financement;Catégorie;Libellé"


class TestLedgerRules(TransactionCase):
    def test_encodings_and_separators(self):
        text = f"{HEADER}\nA-1;31/01/2030;1 234,50;MRU;P;RB;Voyages;Frais é\n"
        for data in (
            text.encode("utf-8"),
            text.encode("utf-8-sig"),
            text.encode("cp1252"),
            text.replace(";", "\t").encode("utf-8"),
        ):
            rows, problems = ledger.parse_rows(ledger.read_table(data, "x.csv"))
            self.assertFalse(problems)
            self.assertEqual(rows[0]["amount"], 1234.5)
            self.assertEqual(rows[0]["date"], datetime.date(2030, 1, 31))
            self.assertEqual(rows[0]["description"], "Frais é")
        comma = (
            'Reference,Date,Amount,Currency,Project\nA-1,2030-01-31,"1,234.50",USD,P\n'
        )
        rows, problems = ledger.parse_rows(ledger.read_table(comma.encode(), "x.csv"))
        self.assertEqual(rows[0]["amount"], 1234.5)

    def test_bad_rows_each_named(self):
        text = (
            "Reference,Date,Amount,Currency,Project\n"
            "A-1,2030-13-45,10,USD,P\n"
            ",2030-01-01,ten,USD,P\n"
            "A-1,2030-01-01,5,USD,P\n"
        )
        _rows, problems = ledger.parse_rows(ledger.read_table(text.encode(), "x.csv"))
        self.assertIn("read as day 45, month 13", str(problems[2][0]))
        self.assertEqual(
            [str(p) for p in problems[3]],
            ["reference is required", "'ten' is not a number"],
        )
        self.assertEqual(problems[3][1].params["label"], "amount")
        self.assertIn("already on line 2", problems[4][0])
        _rows, problems = ledger.parse_rows(
            ledger.read_table(b"Reference,Date\nA,2030-01-01\n", "x.csv")
        )
        self.assertIn("missing column(s): amount, currency, project", problems[1][0])


@tagged("post_install", "-at_install")
class TestExpenditureImport(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.account_id = cls.env["account.analytic.account"].create(
            {
                "name": "Import test account",
                "code": "PRJ-IMP",
                "plan_id": cls.env.ref("analytic.analytic_plan_projects").id,
            }
        )
        cls.mru = cls.env.ref("base.MRU")
        cls.mru.active = True
        cls.env["res.currency.rate"].create(
            {"currency_id": cls.mru.id, "name": "2029-12-01", "rate": 40.0}
        )
        cls.budget = cls.env["ilo.budget.line"].create(
            {
                "project_id": cls.project.id,
                "funding_source_id": cls.funding_source.id,
                "category": "travel",
                "date_from": "2030-01-01",
                "date_to": "2030-12-31",
                "amount_planned": 100_000,
            }
        )
        cls.Import = cls.env["ilo.expenditure.import"].with_user(cls.users["finance"])

    def _csv(self, *rows, encoding="cp1252"):
        return base64.b64encode("\n".join([HEADER, *rows]).encode(encoding))

    def test_import_all_or_nothing_then_idempotent(self):
        good = (
            "GL-1;15/03/2030;400 000,00;MRU;PRJ-IMP;RB-TEST;Travel;Billets Nouakchott"
        )
        bad = "GL-2;15/03/2030;12;XXX;Nowhere;NOPE;Catering;Déjeuner"
        report = self.Import.import_file(self._csv(good, bad), "gl.csv", dryrun=False)
        self.assertEqual([line for line, _text in report["errors"]], [3, 3, 3, 3])
        texts = " ".join(text for _line, text in report["errors"])
        for word in ("XXX", "Nowhere", "NOPE", "Catering"):
            self.assertIn(word, texts)
        Line = self.env["account.analytic.line"]
        self.assertFalse(Line.search([("ilo_reference", "in", ["GL-1", "GL-2"])]))
        # the good row alone: previewed, then imported
        other = "GL-3;16/03/2030;100;USD;Test advisory project;;;Taxi"
        data = self._csv(good, other)
        report = self.Import.import_file(data, "gl.csv", dryrun=True)
        self.assertEqual((report["created"], report["errors"]), (2, []))
        # the preview applies the import's matching: the taxi matches no budget line
        self.assertEqual(report["unbudgeted"], 1)
        self.assertFalse(Line.search([("ilo_reference", "in", ["GL-1", "GL-3"])]))
        self.assertAlmostEqual(self.budget.amount_actual, 0)
        self.assertIn(
            "1 new cost(s) match no budget line",
            self.Import.new({})._report_text(report),
        )
        report = self.Import.import_file(data, "gl.csv", dryrun=False)
        self.assertEqual((report["created"], report["unbudgeted"]), (2, 1))
        cost = Line.search([("ilo_reference", "=", "GL-1")])
        self.assertEqual(cost.ilo_budget_line_id, self.budget)  # matched by plans
        self.assertAlmostEqual(cost.amount, -10_000)
        self.assertAlmostEqual(self.budget.amount_actual, 10_000)
        taxi = Line.search([("ilo_reference", "=", "GL-3")])
        self.assertFalse(taxi.ilo_budget_line_id)  # unbudgeted: no source, category
        # the same extract again changes nothing; a corrected amount updates
        report = self.Import.import_file(data, "gl.csv", dryrun=False)
        self.assertEqual((report["created"], report["updated"]), (0, 0))
        self.assertEqual(report["unchanged"], 2)
        data = self._csv(good.replace("400 000,00", "200 000,00"), other)
        report = self.Import.import_file(data, "gl.csv", dryrun=False)
        self.assertEqual((report["updated"], report["unchanged"]), (1, 1))
        self.assertAlmostEqual(self.budget.amount_actual, 5_000)
        self.assertEqual(Line.search_count([("ilo_reference", "=", "GL-1")]), 1)
        # readers do not import, not even a dry run over RPC
        reader = self.env["ilo.expenditure.import"].with_user(self.users["leadership"])
        with self.assertRaises(AccessError):
            reader.import_file(data, "gl.csv", dryrun=True)

    def test_xlsx_and_wizard(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Reference", "Date", "Amount", "Currency", "Project"])
        sheet.append(["X-1", datetime.date(2030, 5, 2), 250.0, "USD", "PRJ-IMP"])
        stream = io.BytesIO()
        book.save(stream)
        wizard = self.Import.create(
            {"file": base64.b64encode(stream.getvalue()), "filename": "gl.xlsx"}
        )
        Form(wizard)  # the form opens for finance
        wizard.action_preview()
        self.assertEqual(wizard.state, "preview")
        self.assertIn("1 cost(s) to create", wizard.preview)
        action = wizard.action_import()
        self.assertEqual(action["res_model"], "account.analytic.line")
        cost = self.env["account.analytic.line"].search([("ilo_reference", "=", "X-1")])
        self.assertAlmostEqual(cost.ilo_cost_company, 250)
        # a bad file: the wizard refuses with every line named
        wizard.file = self._csv("Y-1;xx;1;USD;PRJ-IMP;;;")
        wizard.filename = "gl.csv"
        with self.assertRaisesMsg(UserError, "Line 2: date: 'xx' is not a date"):
            wizard.action_import()
