# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The donor financial report per funding source, PDF and XLSX: in the donor's
currency with the rates used; original and revised budget, committed, actual and
balance by category and period."""

import io
import re

import openpyxl

from odoo.tests import HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from .common import PartnershipCommon
from .pdf_text import pages_text, stamped


class DonorReportCommon(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.chf = cls._chf_at(("2030-01-01", 0.5))  # 0.5 CHF per USD
        cls.usd = cls.env.company.currency_id
        cls.donor = cls.env["res.partner"].create(
            {"name": "Swiss cooperation (test)", "is_company": True}
        )
        cls.source = cls._funding_source("CH-DON", currency=cls.chf, amount=100_000)
        cls.source.write({"donor_id": cls.donor.id, "agreement_reference": "AG-77"})
        cls.project.account_id = cls.env["account.analytic.account"].create(
            {
                "name": "Donor report account",
                "plan_id": cls.env.ref("analytic.analytic_plan_projects").id,
            }
        )
        Line = cls.env["ilo.budget.line"]
        common = {
            "project_id": cls.project.id,
            "funding_source_id": cls.source.id,
            "date_from": "2030-01-01",
            "date_to": "2030-12-31",
        }
        cls.travel = Line.create(
            {**common, "category": "travel", "amount_planned": 10_000}
        )
        cls.travel.with_context(ilo_revision_reason="Amendment").amount_planned = 12_000
        Line.create(
            {
                **common,
                "category": "meetings",
                "amount_planned": 5_000,
                "amount_committed": 1_000,
            }
        )
        Cost = cls.env["account.analytic.line"]
        for amount, currency in ((1_000, cls.usd), (200, cls.chf)):
            Cost.create(
                {
                    "name": "Geneva travel",
                    "date": "2030-03-01",
                    "account_id": cls.project.account_id.id,
                    "ilo_spend_amount": amount,
                    "ilo_spend_currency_id": currency.id,
                    "ilo_budget_line_id": cls.travel.id,
                }
            )
        # a layout chosen: printing goes straight to the report
        cls.env.company.external_report_layout_id = cls.env.ref(
            "web.external_layout_standard"
        )
        cls.wizard = cls.env["ilo.budget.report.wizard"].create(
            {
                "funding_source_id": cls.source.id,
                "date_from": "2030-01-01",
                "date_to": "2030-12-31",
            }
        )


@tagged("post_install", "-at_install")
class TestDonorReport(DonorReportCommon):
    def test_report_data(self):
        data = self.source._ilo_donor_report_data(
            self.wizard.date_from, self.wizard.date_to
        )
        self.assertEqual(data["currency"], self.chf)
        self.assertEqual(
            [
                (r["year"], r["category"], r["original"], r["revised"])
                + (r["committed"], r["actual"], r["balance"])
                for r in data["rows"]
            ],
            [
                (2030, "Meetings", 5_000, 5_000, 1_000, 0, 4_000),
                # 1,000 USD at 0.5 and 200 CHF paid as such
                (2030, "Travel", 10_000, 12_000, 0, 700, 11_300),
            ],
        )
        self.assertEqual(data["totals"]["revised"], 17_000)
        self.assertEqual(
            [(r["from"], r["to"], r["rate"]) for r in data["rates"]],
            [(self.usd, self.chf, 0.5)],
        )
        self.assertFalse(data["rate_missing"])

    def test_pdf_text(self):
        action = self.wizard.action_print_donor_pdf()
        self.assertEqual(action["report_type"], "qweb-pdf")
        # under tests Odoo's rendering gives the PDF's HTML source
        html, _kind = self.env["ir.actions.report"]._render_qweb_pdf(
            action["report_name"], self.wizard.ids
        )
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))
        for expected in (
            "Donor financial report: [CH-DON]",
            "Swiss cooperation (test)",
            "AG-77",
            "Currency: CHF",
            "Original budget",
            "Revised budget",
            "Travel",
            "12,000.00",
            "11,300.00",
            "Exchange rates used",
            "USD CHF 0.500000",
        ):
            self.assertIn(expected, text)

    def test_xlsx_cells(self):
        action = self.wizard.action_print_donor_xlsx()
        self.assertEqual(action["report_type"], "xlsx")
        content, kind = self.env["ir.actions.report"]._render_xlsx(
            action["report_name"], self.wizard.ids, None
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content))["CH-DON"]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        self.assertEqual(rows[3][:2], ["Currency", "CHF"])
        header = rows.index(
            [
                "Year",
                "Category",
                "Original budget",
                "Revised budget",
                "Committed",
                "Actual",
                "Balance",
            ]
        )
        self.assertEqual(
            rows[header + 2], [2030, "Travel", 10_000, 12_000, 0, 700, 11_300]
        )
        self.assertEqual(rows[header + 3][0], "Total")
        self.assertEqual(rows[header + 3][2:7], [15_000, 17_000, 1_000, 700, 15_300])
        rates = next(i for i, row in enumerate(rows) if row[0] == "Exchange rates used")
        self.assertEqual(rows[rates + 2][1:4], ["USD", "CHF", 0.5])

    def test_missing_rate_is_stated(self):
        self.env["res.currency.rate"].search(
            [("currency_id", "=", self.chf.id)]
        ).unlink()
        data = self.source._ilo_donor_report_data(
            self.wizard.date_from, self.wizard.date_to
        )
        self.assertTrue(data["rate_missing"])
        html, _kind = self.env["ir.actions.report"]._render_qweb_pdf(
            "ilo_issa_partnership.report_donor_financial", self.wizard.ids
        )
        self.assertIn("Rates missing", html.decode())


@tagged("post_install", "-at_install")
class TestDonorReportPdf(HttpCase, DonorReportCommon):
    """wkhtmltopdf renders the real PDF (its assets from the server: HttpCase)."""

    def test_real_pdf_text(self):
        report = self.env.ref("ilo_issa_partnership.action_report_donor_financial")
        pdf, kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, self.wizard.ids
        )
        self.assertEqual(kind, "pdf")
        reader = PdfFileReader(io.BytesIO(pdf))
        text = " ".join(page.extract_text() for page in reader.pages)
        self.assertIn("CH-DON", text)
        self.assertIn("11,300.00", text)
        if stamped():
            # the band: title with the source, period, page x / y on every page
            for number, page in enumerate(pages_text(pdf), start=1):
                self.assertIn("Donor financial report CH-DON", page)
                self.assertIn("01/01/2030", page)
                self.assertIn(f"Page {number} / {len(reader.pages)}", page)
