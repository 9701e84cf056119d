# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The country's social protection profile: effective coverage imported from ILOSTAT
(both layouts, invented figures), the other Conventions through the ratification
import, law beside practice on gap-assessment lines, the brief and the map."""

import base64

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import CampaignCommon
from .test_coverage_rules import BULK, SDMX


def b64(text):
    return base64.b64encode(text.encode()).decode()


@tagged("post_install", "-at_install")
class TestCoverageImport(CampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Coverage = cls.env["c102.coverage"]
        cls.Import = cls.env["c102.coverage.import"]
        cls.Coverage.search([]).unlink()  # the demo figures

    def figures(self, country):
        return self.Coverage.search([("c102_country_id", "=", country.id)])

    def test_both_layouts_then_reimport_changes_nothing(self):
        report = self.Import.import_file(b64(BULK), "bulk.csv")
        self.assertEqual(report["layout"], "bulk")
        self.assertEqual(report["errors"], [])
        self.assertEqual((report["new"], report["replaced"]), (2, 0))
        self.assertEqual(len(report["skipped"]), 1)  # the regional aggregate
        self.assertIn("X01", report["skipped"][0][1])
        report = self.Import.import_file(b64(SDMX), "sdmx.csv")
        self.assertEqual((report["layout"], report["new"]), ("sdmx", 2))
        senegal = self.figures(self.senegal)
        self.assertEqual(len(senegal), 2)
        maternity = senegal.filtered(lambda f: f.contingency == "maternity")
        self.assertEqual((maternity.sex, maternity.year), ("female", 2023))
        self.assertAlmostEqual(maternity.value, 6.5)
        self.assertTrue(maternity.unreliable)
        self.assertEqual(maternity.observation_status, "unreliable")
        self.assertFalse((senegal - maternity).unreliable)
        self.assertEqual(self.senegal.coverage_total, 19.8)
        self.assertEqual(self.senegal.coverage_year, 2023)
        self.assertEqual(len(self.figures(self.kenya)), 2)
        # the same files again: nothing new, nothing replaced, no history
        for data, name in ((BULK, "bulk.csv"), (SDMX, "sdmx.csv")):
            report = self.Import.import_file(b64(data), name)
            self.assertEqual((report["new"], report["replaced"]), (0, 0))
            self.assertEqual(report["unchanged"], 2)
        self.assertEqual(len(self.figures(self.senegal)), 2)
        self.assertFalse(self.env["c102.coverage.history"].search([]))

    def test_newer_figure_replaces_with_history(self):
        self.Import.import_file(b64(BULK), "bulk.csv")
        newer = BULK.replace(",2023,19.8,,", ",2023,22.4,,")
        report = self.Import.import_file(b64(newer), "bulk.csv")
        self.assertEqual((report["new"], report["replaced"]), (0, 1))
        total = self.figures(self.senegal).filtered(lambda f: f.contingency == "total")
        self.assertEqual(len(total), 1)
        self.assertAlmostEqual(total.value, 22.4)
        self.assertEqual(len(total.history_ids), 1)
        self.assertAlmostEqual(total.history_ids.value, 19.8)
        self.assertEqual(total.history_ids.replaced_by_uid, self.env.user)
        # a later year is another figure; the country shows the latest
        later = newer.replace(",2023,22.4,,", ",2024,25,,")
        self.Import.import_file(b64(later), "bulk.csv")
        self.assertEqual(self.senegal.coverage_year, 2024)
        self.assertEqual(self.senegal.coverage_total, 25.0)

    def test_all_or_nothing(self):
        bad = SDMX + (
            "ILO:DF(1.0),KEN,A,M,SEX_T,SOC_CONTIG_DISAB,2022,140,,SSI,\n"
            "ILO:DF(1.0),NAM,A,M,SEX_T,SOC_CONTIG_DISAB,2022,14,,SSI,\n"
        )
        report = self.Import.import_file(b64(bad), "sdmx.csv")
        lines = [line for line, _text in report["errors"]]
        self.assertEqual(lines, [4])
        self.assertIn("140", report["errors"][0][1])
        # Namibia has no campaign record: left out and said, not created
        [(line, text)] = report["skipped"]
        self.assertEqual(line, 5)
        self.assertIn("NA is not followed by the campaign", text)
        self.assertFalse(self.Coverage.search([("country_id.code", "=", "NA")]))
        self.assertFalse(self.figures(self.kenya))
        wizard = self.Import.create({"file": b64(bad), "filename": "sdmx.csv"})
        with self.assertRaisesRegex(UserError, "(?s)Nothing was imported.*Line 4"):
            wizard.action_import()
        self.assertFalse(self.figures(self.kenya))
        with self.assertRaisesRegex(UserError, "ILOSTAT bulk CSV or SDMX-CSV"):
            self.Import.import_file(b64("a,b\n1,2\n"), "x.csv")

    def test_dry_run_and_wizard(self):
        report = self.Import.import_file(b64(SDMX), "sdmx.csv", True)
        self.assertEqual(report["new"], 2)
        self.assertFalse(self.figures(self.kenya))
        officer = self.users["officer"]
        wizard = self.Import.with_user(officer).create(
            {"file": b64(SDMX), "filename": "sdmx.csv"}
        )
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertIn("2 new figure(s)", wizard.summary)
        self.assertEqual(len(self.figures(self.kenya)), 2)

    def test_readers_cannot_import(self):
        reader = self.users["reader"]
        with self.assertRaises(AccessError):
            self.Import.with_user(reader).import_file(b64(SDMX), "sdmx.csv")
        self.assertFalse(self.figures(self.kenya))

    def test_value_checked(self):
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            self.Coverage.create(
                {
                    "c102_country_id": self.kenya.id,
                    "contingency": "total",
                    "year": 2020,
                    "value": 101,
                }
            )


@tagged("post_install", "-at_install")
class TestLawBesidePractice(CampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["c102.coverage"].search([]).unlink()  # the demo figures

    def _figure(self, country, contingency, year, value):
        return self.env["c102.coverage"].create(
            {
                "c102_country_id": country.id,
                "contingency": contingency,
                "year": year,
                "value": value,
            }
        )

    def test_line_shows_effective_coverage_and_divergence(self):
        self._figure(self.kenya, "old_age", 2019, 60)
        self._figure(self.kenya, "old_age", 2022, 25.5)
        self._figure(self.kenya, "work_injury", 2022, 45)
        assessment = self._assessment(
            self.kenya,
            [
                dict(self.compliant_line(p), part_id=self.parts[p].id)
                for p in ("V", "VI", "II")
            ],
        )
        old_age, injury, medical = (
            assessment.line_ids.filtered(lambda line, p=p: line.part_code == p)
            for p in ("V", "VI", "II")
        )
        # latest year of the branch, beside the legal 50%
        self.assertEqual(
            (old_age.effective_coverage, old_age.effective_year), (25.5, 2022)
        )
        self.assertAlmostEqual(old_age.coverage_divergence, 24.5)
        self.assertTrue(old_age.coverage_diverges)
        self.assertEqual(injury.effective_coverage, 45)
        self.assertFalse(injury.coverage_diverges)
        # medical care has no SDG 1.3.1 series
        self.assertEqual(medical.effective_year, 0)
        self.assertFalse(medical.coverage_diverges)
        # the threshold is a setting
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.c102_divergence_threshold, 20)
        settings.c102_divergence_threshold = 30
        settings.execute()
        old_age.invalidate_recordset()
        self.assertFalse(old_age.coverage_diverges)

    def test_brief_profile_and_coverage_map(self):
        self._figure(self.kenya, "total", 2022, 12.5)
        self._figure(
            self.kenya, "old_age", 2022, 25.5
        ).observation_status = "unreliable"
        self._assessment(
            self.kenya, [dict(self.compliant_line("V"), part_id=self.parts["V"].id)]
        ).action_validate()
        report = self.env.ref("c102_campaign.action_report_country_brief")
        html = report._render_qweb_html(report.report_name, self.kenya.ids)[0]
        html = html.decode()
        self.assertIn("Social protection profile", html)
        self.assertIn("At least one benefit", html)
        self.assertIn("12.5%", html)
        self.assertIn("25.5% (unreliable)", html)
        self.assertIn("Law and practice diverge", html)
        svg = self.env["c102.campaign.map"].render_coverage_svg()
        self.assertIn("0-20% (1)", svg)
        data = self.env["c102.campaign.dashboard"].get_dashboard_data()
        self.assertIn("0-20% (1)", data["coverage_map"])


@tagged("post_install", "-at_install")
class TestOtherConventions(CampaignCommon):
    def _import(self, text):
        wizard = self.env["c102.ratification.import"].create(
            {"file": base64.b64encode(text.encode()), "filename": "r.csv"}
        )
        wizard.action_preview()
        return wizard

    def test_convention_column(self):
        kenya_c102 = 'Kenya,C102,2026-03-10,"II, III, V-X",\n'
        wizard = self._import(
            "Country,Convention,Ratification date,Parts,Branches\n"
            + kenya_c102
            + "Kenya,C128,2026-04-01,,old age; survivors\n"
            + "Kenya,C121,1990,,\n"
            + "Kenya,C999,2020-01-01,,\n"
        )
        self.assertEqual(wizard.error_count, 1)
        self.assertIn("unknown Convention 'C999'", wizard.line_ids[-1].error)
        wizard = self._import(
            "Country,Convention,Ratification date,Parts,Branches\n"
            + kenya_c102
            + "Kenya,C128,2026-04-01,,old age; survivors\n"
            + "Kenya,No. 121,1990,,\n"
        )
        self.assertEqual(wizard.error_count, 0)
        c128_line = wizard.line_ids.filtered(lambda line: line.row_number == 3)
        self.assertEqual(str(c128_line.ratification_date), "2026-04-01")
        self.assertEqual(c128_line.outcome, "new")
        labels = wizard.change_ids.mapped("field_label")
        self.assertIn("C128: Ratification date", labels)
        self.assertIn("C128: Branches accepted", labels)
        wizard.action_import()
        kenya = self.kenya
        self.assertEqual(str(kenya.ratification_date), "2026-03-10")
        others = kenya.convention_ratification_ids
        self.assertEqual(sorted(others.mapped("convention")), ["C121", "C128"])
        c128 = others.filtered(lambda r: r.convention == "C128")
        self.assertEqual(c128.branches, "old_age,survivors")
        self.assertEqual(c128.takes_over, "V, X")
        c121 = others - c128
        self.assertEqual(c121.date_precision, "year")
        self.assertEqual(c121.takes_over, "VI")
        # each Part says which Convention took it over
        table = str(kenya.parts_table)
        self.assertIn("no longer applicable since C128 was ratified", table)
        self.assertIn("no longer applicable since C121 was ratified", table)
        # the same file again: unchanged
        wizard = self._import(
            "Country,Convention,Ratification date,Parts,Branches\n"
            + kenya_c102
            + "Kenya,C128,2026-04-01,,old age; survivors\n"
        )
        self.assertEqual(set(wizard.line_ids.mapped("outcome")), {"unchanged"})
        self.assertFalse(wizard.change_ids)

    def test_bad_convention_date_says_what_was_read(self):
        wizard = self._import(
            "Country,Convention,Ratification date,Parts,Branches\n"
            "Kenya,C128,31/02/2026,,old age\n"
        )
        self.assertEqual(wizard.error_count, 1)
        error = wizard.line_ids.error
        self.assertIn("'31/02/2026': no such day (read as day 31, month 2", error)
        self.assertIn("write e.g. 2026-02-28", error)

    def test_branches_only_for_c128(self):
        with self.assertRaisesRegex(ValidationError, "unknown branch"):
            self.env["c102.convention.ratification"].create(
                {
                    "c102_country_id": self.kenya.id,
                    "convention": "C121",
                    "date": "2020-01-01",
                    "branches": "old_age",
                }
            )
        form = Form(self.kenya)
        with form.convention_ratification_ids.new() as line:
            line.convention = "C168"
            line.date = "2021-06-01"
        form.save()
        c168 = self.kenya.convention_ratification_ids.filtered(
            lambda r: r.convention == "C168"
        )
        self.assertEqual(c168.takes_over, "IV")
