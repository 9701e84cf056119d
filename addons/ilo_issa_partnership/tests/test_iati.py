# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date
from pathlib import Path

from lxml import etree

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..iati_export import check_rules, validate_xml
from .common import PartnershipCommon

# shared/ sits beside the clone (CI) or beside the repository (developers)
SHARED = Path(__file__).resolve().parents[4] / "shared" / "iati"


def codelist(name):
    tree = etree.parse(str(SHARED / "codelists" / f"{name}.xml"))
    return {code.text for code in tree.iterfind(".//codelist-item/code")}


@tagged("post_install", "-at_install")
class TestIatiExport(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.project.write(
            {
                "date_start": date(2030, 1, 1),
                "date": date(2031, 12, 31),
                "country_ids": [
                    (
                        6,
                        0,
                        (
                            cls.env.ref("base.sn")
                            | cls.env.ref("base.ci")
                            | cls.env.ref("base.tg")
                        ).ids,
                    )
                ],
                "institution_ids": [(6, 0, cls.institution.ids)],
                "lead_organisation": "joint",
            }
        )
        cls.project.account_id = cls.env["account.analytic.account"].create(
            {
                "name": "IATI",
                "plan_id": cls.env.ref("analytic.analytic_plan_projects").id,
            }
        )
        mission = cls.env["ilo.advisory.mission"].create(cls._mission_vals())
        line = cls._fund(mission, amount=12_000)
        cls._fund(mission, amount=8_000, date_from="2031-01-01", date_to="2031-12-31")
        cls.env["account.analytic.line"].create(
            {
                "name": "Travel",
                "account_id": cls.project.account_id.id,
                "ilo_budget_line_id": line.id,
                "date": "2030-03-05",
                "amount": -2_500,
            }
        )
        cls.env["ilo.deliverable"].create(
            {
                "name": "Actuarial report",
                "project_id": cls.project.id,
                "state": "published",
                "document_url": "https://example.org/report.pdf",
                "language_ids": [(6, 0, cls.env.ref("base.lang_fr").ids)],
            }
        )

    def test_export_is_valid(self):
        result = self.project.iati_export_xml()
        self.assertEqual(result["errors"], [])
        self.assertEqual(result["warnings"], [])
        root = etree.fromstring(result["xml"].encode())
        activity = root.find("iati-activity")
        self.assertEqual(
            activity.findtext("iati-identifier"),
            f"XM-DAC-41302-ILOISSA-{self.project.id}",
        )
        self.assertEqual(root.get("version"), "2.03")
        shares = [
            float(c.get("percentage")) for c in activity.findall("recipient-country")
        ]
        self.assertEqual(round(sum(shares), 2), 100.0)
        self.assertEqual(len(activity.findall("budget")), 2)
        self.assertEqual(
            [b.findtext("value") for b in activity.findall("budget")],
            ["12000.00", "8000.00"],
        )
        # the cost dated 2030 is planned, not spent: no expenditure yet
        self.assertIsNone(activity.find("transaction"))
        self.assertEqual(
            activity.find("document-link").get("format"), "application/pdf"
        )
        roles = sorted(p.get("role") for p in activity.findall("participating-org"))
        self.assertEqual(roles, ["1", "2", "4", "4", "4"])
        # the official schema and codelists of shared/iati agree
        xsd = SHARED / "2.03" / "iati-activities-schema.xsd"
        self.assertTrue(xsd.is_file(), f"{xsd} is needed by this test")
        self.assertEqual(validate_xml(result["xml"].encode(), str(xsd)), [])
        self.assertIn(
            activity.find("activity-status").get("code"), codelist("ActivityStatus")
        )
        for element, name in (
            ("recipient-country", "Country"),
            ("sector", "Sector"),
            ("participating-org", "OrganisationRole"),
        ):
            for node in activity.findall(element):
                code = node.get("role" if element == "participating-org" else "code")
                self.assertIn(code, codelist(name), element)
        self.assertIn(
            activity.find("document-link/category").get("code"),
            codelist("DocumentCategory"),
        )

    def test_reporting_org_setting(self):
        settings = self.env["res.config.settings"].create(
            {"ilo_iati_reporting_org_ref": "XM-DAC-99999"}
        )
        settings.execute()
        self.project.invalidate_recordset(["iati_identifier"])
        self.assertTrue(self.project.iati_identifier.startswith("XM-DAC-99999-"))
        self.assertEqual(self.project.iati_export_xml()["errors"], [])

    def test_french_narratives_and_dates(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        data = self.project._iati_activity_data()
        self.assertIn("fr", data["titles"])
        self.assertIn("fr", data["descriptions"])
        # a project in the future: planned dates only
        self.assertEqual([kind for kind, _d in data["dates"]], ["1", "3"])

    def test_rules(self):
        data = self.project._iati_activity_data()
        self.assertEqual(check_rules(data), [])
        bad = dict(
            data,
            identifier="XX-1/2",
            countries=[("SN", 60.0), ("CI", 30.0)],
            budgets=[dict(data["budgets"][0], end=date(2031, 6, 30))],
            dates=[("3", date(2031, 12, 31))],
        )
        problems = check_rules(bad)
        self.assertEqual(len(problems), 5, problems)
        self.assertTrue(any("longer than one year" in p for p in problems))
        self.assertTrue(any("add up to 90.0" in p for p in problems))

    def test_validator_rules_beyond_the_schema(self):
        """What IATI's validators reject although the XSD accepts it: every problem
        of the activity at once."""
        data = self.project._iati_activity_data()
        budget = data["budgets"][0]
        fiscal = dict(budget, start=date(2030, 7, 1), end=date(2031, 6, 30))
        revised = dict(budget, type="2")  # a revision may cover the same period
        future = {
            "type": "4",
            "date": date(2999, 1, 1),
            "value": 10.0,
            "currency": "USD",
            "description": "",
        }
        bad = dict(
            data,
            countries=[],
            budgets=[budget, fiscal, revised],
            transactions=[future],
            dates=[("1", date(2032, 1, 1)), ("3", date(2031, 1, 1))],
        )
        problems = check_rules(bad)
        expected = (
            "a recipient country or region is required",
            "budget periods 2030-01-01 to 2030-12-31 and 2030-07-01 to 2031-06-30 "
            "overlap",
            "transaction of 2999-01-01 is dated in the future",
            "the planned start 2032-01-01 is after the planned end 2031-01-01",
        )
        for text in expected:
            self.assertTrue(any(text in p for p in problems), (text, problems))
        self.assertEqual(len(problems), 4, problems)
        # a global activity names its region instead of countries
        self.assertEqual(
            check_rules(dict(data, countries=[], regions=[("998", "1", 100.0)])), []
        )

    def test_every_problem_of_every_project_at_once(self):
        """Errors (what IATI's validators reject) and warnings (what they flag) of
        all the exported projects together, each naming its project; the file is
        still built."""
        self.env["ir.config_parameter"].set_param(
            "ilo_issa_partnership.iati_reporting_org_ref", "ILO-TEST"
        )
        self.project_training.country_ids = False  # no recipient: an error
        self.project_training.write(
            {"date_start": date(2030, 1, 1), "date": date(2031, 12, 31)}
        )
        projects = self.project | self.project_training
        projects.invalidate_recordset(["iati_identifier"])
        result = projects.iati_export_xml()
        self.assertEqual(
            result["errors"],
            ["Test training project: a recipient country or region is required"],
        )
        for name in ("Test advisory project", "Test training project"):
            self.assertIn(
                f"{name}: reporting organisation identifier ILO-TEST should begin "
                "with a registration agency of the IATI OrganisationRegistrationAgency"
                " codelist (e.g. XM-DAC-)",
                result["warnings"],
            )
        root = etree.fromstring(result["xml"].encode())
        self.assertEqual(len(root.findall("iati-activity")), 2)
        # the download refuses the file, naming the problem
        with self.assertRaisesRegex(UserError, "Test training project: a recipient"):
            projects.action_iati_export()

    def test_future_costs_not_published_past_ones_are(self):
        today = date.today()
        line = self.env["ilo.budget.line"].create(
            {
                "project_id": self.project.id,
                "funding_source_id": self.funding_source.id,
                "category": "travel",
                "date_from": today.replace(month=1, day=1),
                "date_to": today.replace(month=12, day=31),
                "amount_planned": 1_000,
            }
        )
        for when, amount in ((today.replace(day=1), -300), (date(2030, 3, 6), -50)):
            self.env["account.analytic.line"].create(
                {
                    "name": "Taxi",
                    "account_id": self.project.account_id.id,
                    "ilo_budget_line_id": line.id,
                    "date": when,
                    "amount": amount,
                }
            )
        moves = self.project._iati_activity_data()["transactions"]
        self.assertEqual([m["value"] for m in moves], [300])

    def test_control_characters_cleaned_at_export(self):
        """Text saved before the input checks (a title pasted from a word
        processor) is cleaned, not a crash of the whole file."""
        self.env.cr.execute(
            "UPDATE project_project SET name = %s WHERE id = %s",
            ['{"en_US": "Actuarial\\u000bservices\\u001a"}', self.project.id],
        )
        self.project.invalidate_recordset(["name"])
        result = self.project.iati_export_xml()
        self.assertEqual(result["errors"], [])
        self.assertIn("<narrative>Actuarial\nservices</narrative>", result["xml"])
        # and refused at input, naming the field
        with self.assertRaisesRegex(ValidationError, "control character"):
            self.env["ilo.deliverable"].create(
                {"name": "Note\x0cannexe", "project_id": self.project.id}
            )

    def test_schema_errors_reported(self):
        errors = validate_xml(
            b'<iati-activities version="2.03">\n<iati-activity>\n'
            b"<iati-identifier>XM-DAC-41302-X-1</iati-identifier>\n"
            b"</iati-activity>\n</iati-activities>"
        )
        self.assertTrue(errors)
        self.assertTrue(
            errors[0].startswith("activity XM-DAC-41302-X-1, line "), errors
        )

    def test_only_partnership_projects(self):
        with self.assertRaises(UserError):
            self.plain_project.iati_export_xml()
        action = self.project.action_iati_export()
        self.assertIn("/web/content/", action["url"])

    def test_no_start_date_refused_not_invented(self):
        """A project with no dates exports no start date (never today's date or
        its creation date): the export is refused, naming it and the date."""
        self.project_training.write({"date_start": False, "date": False})
        data = self.project_training._iati_activity_data()
        self.assertEqual(data["dates"], [])
        with self.assertRaisesRegex(
            UserError,
            "Test training project: a planned or actual start date is required",
        ):
            (self.project | self.project_training).action_iati_export()

    def test_warnings_shown_before_download(self):
        """A valid file with warnings opens the IATI export dialog listing them
        (in French for a French user); its button downloads the file."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["ilo_issa_partnership"], ["fr_FR"], overwrite=True
        )
        self.env["ir.config_parameter"].set_param(
            "ilo_issa_partnership.iati_reporting_org_ref", "ILO-TEST"
        )
        self.project.invalidate_recordset(["iati_identifier"])
        project = self.project.with_context(lang="fr_FR")
        action = project.action_iati_export()
        self.assertEqual(action["res_model"], "ilo.iati.export.wizard")
        self.assertEqual(action["name"], "Export IATI")
        view = self.env.ref("ilo_issa_partnership.ilo_iati_export_wizard_view_form")
        arch = view.with_context(lang="fr_FR").arch_db
        self.assertIn("Corrigez-les sur les projets", arch)
        self.assertIn("Télécharger le fichier IATI", arch)
        wizard = self.env["ilo.iati.export.wizard"].browse(action["res_id"])
        self.assertEqual(wizard.project_ids, self.project)
        self.assertIn(
            "Test advisory project: reporting organisation identifier ILO-TEST",
            wizard.warnings,
        )
        download = wizard.action_download()
        self.assertIn("/web/content/", download["url"])
        # a file with no warnings downloads at once
        self.env["ir.config_parameter"].set_param(
            "ilo_issa_partnership.iati_reporting_org_ref", "XM-DAC-41302"
        )
        self.project.invalidate_recordset(["iati_identifier"])
        self.assertEqual(
            self.project.action_iati_export()["type"], "ir.actions.act_url"
        )
