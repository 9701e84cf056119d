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

from ..models.ilo_funding_source_analytic import CATEGORY_ACCOUNT, plan_columns
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

    def test_categories_in_any_installed_language(self):
        """A French file (Voyages) imported by an English reader is read; an
        unknown category lists the categories in the reader's language."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["ilo_issa_partnership"], ["fr_FR"]
        )
        Import = self.Import.with_context(lang="en_US")
        french = dict(
            self.env["ilo.budget.line"]
            .with_context(lang="fr_FR")
            ._fields["category"]
            ._description_selection(self.env(context={"lang": "fr_FR"}))
        )["travel"]
        self.assertNotEqual(french, "Travel")
        row = f"GL-FR;15/03/2030;100;USD;PRJ-IMP;RB-TEST;{french};Billets"
        report = Import.import_file(self._csv(row), "gl.csv", dryrun=True)
        self.assertEqual((report["created"], report["errors"]), (1, []))
        bad = "GL-FR2;15/03/2030;100;USD;PRJ-IMP;RB-TEST;Catering;Repas"
        report = Import.import_file(self._csv(bad), "gl.csv", dryrun=True)
        self.assertIn("Travel", report["errors"][0][1])
        self.assertIn("Catering", report["errors"][0][1])

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

    # --- at scale: the import's cost does not grow with its rows ------------------

    def _extract(self, prefix, count):
        """``count`` rows: in turn on the travel budget line (in MRU), the meetings
        line (in USD) and no budget line (no funding source), over four days (a
        rate is read once per currency and day of the extract)."""
        rows = []
        for n in range(count):
            day = f"{1 + n % 4:02d}/04/2030"
            rows.append(
                [
                    f"{prefix}-{n};{day};40;MRU;PRJ-IMP;RB-TEST;Travel;Billet {n}",
                    f"{prefix}-{n};{day};10;USD;PRJ-IMP;RB-TEST;meetings;Salle {n}",
                    f"{prefix}-{n};{day};1;USD;PRJ-IMP;;;Taxi {n}",
                ][n % 3]
            )
        return self._csv(*rows)

    def _import_queries(self, data):
        """(the queries of importing ``data``, written and recomputed, its report)."""
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        report = self.Import.import_file(data, "gl.csv", dryrun=False)
        self.env.flush_all()
        return self.env.cr.sql_log_count - before, report

    def test_queries_do_not_grow_with_rows(self):
        meetings = self.budget.copy({"category": "meetings"})
        self._import_queries(self._extract("WARM", 3))  # caches of a first import
        queries_10, report = self._import_queries(self._extract("TEN", 10))
        self.assertEqual((report["created"], report["unbudgeted"]), (10, 3))
        notes = len(self.budget.message_ids)
        queries_60, report = self._import_queries(self._extract("SIXTY", 60))
        self.assertEqual((report["created"], report["unbudgeted"]), (60, 20))
        self.assertLessEqual(queries_60, queries_10 + 2, "queries grow with rows")
        # money right: 1 MRU at 40 a USD; one note per budget line for the import
        costs = self.env["account.analytic.line"].search(
            [("ilo_reference", "=like", "SIXTY-%")]
        )
        self.assertEqual(len(costs.filtered("ilo_budget_line_id")), 40)
        self.assertAlmostEqual(self.budget.amount_actual, 1 + 4 + 20)
        self.assertAlmostEqual(meetings.amount_actual, 10 * (1 + 3 + 20))
        self.assertEqual(len(self.budget.message_ids), notes + 1)
        note = str(self.budget.message_ids[0].body).replace("&nbsp;", "\xa0")
        self.assertIn("20 costs recorded, $\xa020.00 in all", note)
        self.assertIn("Billet 0", note)
        # re-importing the same extract: nothing written, no note
        queries, report = self._import_queries(self._extract("SIXTY", 60))
        self.assertEqual((report["created"], report["unchanged"]), (0, 60))
        self.assertEqual(len(self.budget.message_ids), notes + 1)

    def test_load_and_by_hand_match_in_batch(self):
        """Odoo's own import (``load``) and costs entered by hand find their budget
        line the same way, converted at their date, noted once per budget line."""
        funding, category = plan_columns(self.env)
        Line = self.env["account.analytic.line"].with_user(self.users["finance"])
        account = self.funding_source.analytic_account_id
        travel = self.env.ref(CATEGORY_ACCOUNT % "travel")
        notes = len(self.budget.message_ids)
        columns = ["name", "date", "ilo_spend_amount", "ilo_spend_currency_id/.id"]
        columns += ["account_id/.id", f"{funding}/.id", f"{category}/.id"]
        ids = [self.mru.id, self.project.account_id.id, account.id, travel.id]
        result = Line.load(
            columns,
            [[f"Load {n}", "2030-06-01", "80", *map(str, ids)] for n in range(4)],
        )
        self.assertFalse(result["messages"])
        loaded = Line.browse(result["ids"])
        self.assertEqual(loaded.ilo_budget_line_id, self.budget)
        self.assertEqual(loaded.mapped("amount"), [-2.0] * 4)
        self.assertAlmostEqual(self.budget.amount_actual, 8)
        self.assertEqual(len(self.budget.message_ids), notes + 1)
        self.assertIn("4 costs recorded", self.budget.message_ids[0].body)
        # by hand, several at once: the same matching; one outside any period
        values = {
            "account_id": self.project.account_id.id,
            funding: account.id,
            category: travel.id,
            "ilo_spend_amount": 5,
        }
        costs = Line.create(
            [
                {**values, "name": "Hand 1", "date": "2030-07-01"},
                {**values, "name": "Hand 2", "date": "2031-01-01"},
            ]
        )
        self.assertEqual(costs.mapped("ilo_budget_line_id"), self.budget)
        self.assertFalse(costs[1].ilo_budget_line_id)
        self.assertEqual(costs.mapped("ilo_budget_line_manual"), [False, False])
        self.assertAlmostEqual(self.budget.amount_actual, 13)
        self.assertIn("Cost recorded", self.budget.message_ids[0].body)
