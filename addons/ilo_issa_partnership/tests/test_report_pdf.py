# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""PDF reports a director forwards: logo, title, period and "page x / y" on every
page, key figures that read as label-value pairs, in English, French and Arabic."""

import io
import re

from reportlab.pdfgen import canvas

from odoo import Command, fields
from odoo.tests import BaseCase, HttpCase, new_test_user, tagged

from ..report.pdf_stamp import RULE_Y, TITLE_Y, is_patched_qt, stamp
from .pdf_text import (
    CORPORATION,
    MISSION,
    SSC,
    assert_names_drawn,
    band_image,
    image_difference,
    layout_differences,
    load_reference,
    pages_text,
    read_pages,
    reference_image,
    stamped,
)
from .test_donor_report import DonorReportCommon

ARABIC = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")


def _blank_pdf(pages):
    packet = io.BytesIO()
    can = canvas.Canvas(packet)
    for number in range(pages):
        can.drawString(100, 400, f"Body of page {number + 1}")
        can.showPage()
    can.save()
    return packet.getvalue()


class TestStamp(BaseCase):
    def test_patched_qt_is_read_from_the_version(self):
        self.assertTrue(is_patched_qt(b"wkhtmltopdf 0.12.6.1 (with patched qt)\n"))
        self.assertTrue(is_patched_qt("wkhtmltopdf 0.12.5 (with patched Qt)"))
        self.assertFalse(is_patched_qt(b"wkhtmltopdf 0.12.6\n"))  # Debian
        self.assertFalse(is_patched_qt(b""))

    def test_every_page_gets_title_period_and_page_x_of_y(self):
        pdf = stamp(
            _blank_pdf(3),
            "Partnership report",
            "01/01/2026 – 31/12/2026",
            page_label="Page %(page)s / %(total)s",
        )
        texts = pages_text(pdf)
        self.assertEqual(len(texts), 3)
        for number, text in enumerate(texts, start=1):
            self.assertIn(f"Body of page {number}", text)
            self.assertIn(f"Page {number} / 3", text)
            self.assertIn("Partnership report", text)
            self.assertIn("01/01/2026 – 31/12/2026", text)
        # the title sits in the top band, above the rule; the body is untouched
        layout = {text: (x, y) for text, x, y in read_pages(pdf)[1][1]}
        height = 842.0  # reportlab's default A4 page
        self.assertGreater(layout["Partnership report"][1], height - RULE_Y)
        self.assertLess(layout["Partnership report"][1], height - TITLE_Y / 2)
        self.assertIn("Body of page 2", layout)

    def test_an_unreadable_logo_is_left_out(self):
        pdf = stamp(_blank_pdf(1), "Title", logo=b"<svg/>")
        self.assertIn("1 / 1", pages_text(pdf)[0])


@tagged("post_install", "-at_install")
class TestReportPdfs(HttpCase):
    """Each report rendered by this machine's wkhtmltopdf for the demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        for lang in ("fr_FR", "ar_001"):
            env["res.lang"]._activate_lang(lang)
        env["ir.module.module"]._load_module_terms(
            ["ilo_issa_partnership"], ["fr_FR"], overwrite=True
        )
        groups = "base.group_user,ilo_issa_partnership.group_leadership"
        cls.readers = {
            lang: new_test_user(
                env, login=f"rep_{lang}", groups=groups, lang=lang, name=f"Rep {lang}"
            )
            for lang in ("en_US", "fr_FR", "ar_001")
        }
        cls.project = env["ilo.advisory.mission"].search([], limit=1).project_id

    def _pdf(self, xmlid, records, lang):
        report = self.env.ref(xmlid).with_user(self.readers[lang])
        report = report.with_context(force_report_rendering=True, lang=lang)
        pdf, kind = report._render_qweb_pdf(report.report_name, records.ids)
        self.assertEqual(kind, "pdf")
        return pdf

    def _assert_band(self, texts, title, subtitle):
        """Every page carries the title, the period or subject and its number."""
        total = len(texts)
        for number, text in enumerate(texts, start=1):
            self.assertRegex(text, rf"Page:? {number} / {total}")
            if stamped():  # Odoo's own header has no title: only the first page
                self.assertIn(title, text)
                self.assertIn(subtitle, text)

    def _wizard(self, lang):
        return (
            self.env["ilo.partnership.report.wizard"]
            .with_user(self.readers[lang])
            .with_context(lang=lang)
            .create({"date_from": "2020-01-01", "date_to": "2030-12-31"})
        )

    def _partnership(self, lang):
        user = self.readers[lang]
        wizard = self._wizard(lang)
        model = self.env["report.ilo_issa_partnership.report_partnership"]
        model = model.with_user(user).with_context(lang=lang)
        values = model._report_data(wizard.date_from, wizard.date_to)
        period = model._ilo_period(wizard.date_from, wizard.date_to)
        pdf = self._pdf("ilo_issa_partnership.action_report_partnership", wizard, lang)
        pages = read_pages(pdf)
        return pages, [text for text, _runs in pages], values, period, pdf

    def test_partnership_report_in_english(self):
        pages, texts, values, period, pdf = self._partnership("en_US")
        self._assert_band(texts, "ILO–ISSA partnership report", period)
        text = " ".join(texts)
        self.assertIn(
            "Missions completed", [label for label, _v in values["key_figures"]]
        )
        for label, value in values["key_figures"]:
            self.assertIn(f"{label} {value}", text)  # label, then its figure
        self.assertIn("Budget by funding source", text)  # leadership sees money
        # page 1 against the reference layout (the positions of the page's text,
        # within a tolerance) and its band against a reference image (rendered
        # by pypdfium2, within a tolerance); the references are of the stamped
        # band (unpatched Qt)
        if stamped():
            reference = load_reference("partnership_report_page1.json")
            self.assertEqual(layout_differences(pages[0][1], reference), [])
            band = band_image(pdf)
            difference = image_difference(
                band, reference_image("partnership_report_band.png", band)
            )
            self.assertLess(difference, 0.005, "the band differs from its reference")

    def test_partnership_report_in_french(self):
        _pages, texts, values, period, _pdf = self._partnership("fr_FR")
        self._assert_band(texts, "Rapport du partenariat OIT–AISS", period)
        text = " ".join(texts)
        labels = [label for label, _v in values["key_figures"]]
        self.assertIn("Missions réalisées", labels)
        for label, value in values["key_figures"]:
            self.assertIn(f"{label} {value}", text)

    def test_project_sheet_in_english_and_french(self):
        for lang, title in (("en_US", "Project sheet"), ("fr_FR", "Fiche projet")):
            pdf = self._pdf(
                "ilo_issa_partnership.action_report_project_sheet", self.project, lang
            )
            texts = pages_text(pdf)
            self._assert_band(texts, title, self.project.name)
            self.assertIn(self.project.mission_ids[0].name, " ".join(texts))

    def test_arabic_reads_right_to_left(self):
        """An Arabic reader's report body is right-to-left; names mixing Arabic
        and Latin take their own direction (dir="auto")."""
        mission = self.project.mission_ids[0]
        mission.name = "بعثة الضمان الاجتماعي (Amman 2026)"
        report = self.env.ref("ilo_issa_partnership.action_report_project_sheet")
        html = (
            report.with_user(self.readers["ar_001"])
            .with_context(lang="ar_001")
            ._render_qweb_html(report.report_name, self.project.ids)[0]
            .decode()
        )
        self.assertRegex(html, r'<body[^>]* dir="rtl"')
        # the name in its own left-to-right box, each run a box of its own
        self.assertIn(
            '<td><span class="ilo-bidi ilo-bidi-rtl" dir="ltr">'
            '<span class="ilo-bidi-run" dir="rtl">)</span>'
            '<span class="ilo-bidi-run" dir="ltr">Amman 2026</span>'
            '<span class="ilo-bidi-run" dir="rtl">(</span> '
            '<span class="ilo-bidi-run" dir="rtl">الاجتماعي</span> '
            '<span class="ilo-bidi-run" dir="rtl">الضمان</span> '
            '<span class="ilo-bidi-run" dir="rtl">بعثة</span>'
            "</span></td>",
            html,
        )
        html_en = (
            report.with_user(self.readers["en_US"])
            .with_context(lang="en_US")
            ._render_qweb_html(report.report_name, self.project.ids)[0]
            .decode()
        )
        self.assertRegex(html_en, r'<body[^>]* dir="ltr"')
        texts = pages_text(
            self._pdf(
                "ilo_issa_partnership.action_report_project_sheet",
                self.project,
                "ar_001",
            )
        )
        text = " ".join(texts)
        self.assertTrue(ARABIC.search(text), text[:500])
        self.assertIn("Amman 2026", text)

    def _mixed_names(self):
        """A mission of the partnership report renamed with mixed names: its
        title, its institution (also a counterpart of its project) and a
        deliverable of its project; the project itself keeps its name."""
        values = self.env[
            "report.ilo_issa_partnership.report_partnership"
        ]._report_data(
            fields.Date.to_date("2020-01-01"), fields.Date.to_date("2030-12-31")
        )
        mission = next(
            section["missions"][0] for section in values["areas"] if section["missions"]
        )
        institution = self.env["res.partner"].create({"name": SSC, "is_company": True})
        mission.write({"name": MISSION, "institution_id": institution.id})
        project = mission.project_id
        project.institution_ids = [Command.link(institution.id)]
        project.deliverable_ids[:1].name = CORPORATION
        return project

    def test_mixed_names_in_the_project_sheet(self):
        """English, French and Arabic readers: Arabic beside Latin text, digits
        and brackets, in the bidi algorithm's order, nothing drawn over."""
        project = self._mixed_names()
        self.assertTrue(project.deliverable_ids)
        for lang in ("en_US", "fr_FR", "ar_001"):
            with self.subTest(lang=lang):
                pdf = self._pdf(
                    "ilo_issa_partnership.action_report_project_sheet", project, lang
                )
                assert_names_drawn(self, pdf, [SSC, MISSION, CORPORATION])

    def test_mixed_names_in_the_partnership_report(self):
        """The names where a line holds them whole: the project among the
        area's projects, the deliverable among those published (the missions
        table's narrow columns wrap them)."""
        project = self._mixed_names()
        project.name = MISSION
        for lang in ("en_US", "ar_001"):
            with self.subTest(lang=lang):
                pdf = self._pdf(
                    "ilo_issa_partnership.action_report_partnership",
                    self._wizard(lang),
                    lang,
                )
                assert_names_drawn(self, pdf, [MISSION, CORPORATION])


@tagged("post_install", "-at_install")
class TestDonorReportArabicNames(HttpCase, DonorReportCommon):
    def test_donor_and_agreement_in_arabic(self):
        """The donor and the agreement, Arabic beside Latin text, digits and
        brackets, in an English and an Arabic reader's donor report."""
        self.env["res.lang"]._activate_lang("ar_001")
        self.donor.name = SSC
        self.source.agreement_reference = MISSION
        report = self.env.ref("ilo_issa_partnership.action_report_donor_financial")
        for lang in ("en_US", "ar_001"):
            with self.subTest(lang=lang):
                pdf, _kind = report.with_context(
                    force_report_rendering=True, lang=lang
                )._render_qweb_pdf(report.report_name, self.wizard.ids)
                assert_names_drawn(self, pdf, [SSC, MISSION])
