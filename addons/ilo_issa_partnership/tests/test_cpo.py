# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Decent Work Country Programme outcomes: a project's CPO code (validated, written
as the ILO does), grouped in the analysis and given to IATI as other-identifier A1."""

from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, tagged

from ..iati_export import validate_xml
from ..rules.cpo import normalise_cpo
from .common import PartnershipCommon
from .test_iati import SHARED


@tagged("post_install", "-at_install")
class TestCpoRules(BaseCase):
    def test_normalise(self):
        for text in ("SEN 101", "sen101", " SEN-101 ", "Sen_101"):
            self.assertEqual(normalise_cpo(text), "SEN 101", text)
        self.assertEqual(normalise_cpo(""), "")
        self.assertEqual(normalise_cpo(None), "")
        for text in ("SN 101", "SEN 1010", "SEN", "101", "SEN 10A"):
            self.assertIsNone(normalise_cpo(text), text)


@tagged("post_install", "-at_install")
class TestCpoCode(PartnershipCommon):
    def test_validated_and_normalised(self):
        self.project.cpo_code = "sen101"
        self.assertEqual(self.project.cpo_code, "SEN 101")
        with self.assertRaisesRegex(ValidationError, "is not a CPO code.*SEN 101"):
            self.project.cpo_code = "Senegal outcome 1"
        self.project.cpo_code = False
        self.assertFalse(self.project.cpo_code)

    def test_iati_other_identifier(self):
        self.project.country_ids = self.env.ref("base.sn")  # a recipient is required
        self.project.write({"date_start": "2030-01-01", "date": "2031-12-31"})
        result = self.project.iati_export_xml()
        activity = etree.fromstring(result["xml"].encode()).find("iati-activity")
        self.assertIsNone(activity.find("other-identifier"))
        self.project.cpo_code = "SEN 101"
        result = self.project.iati_export_xml()
        self.assertEqual(result["errors"], [])
        activity = etree.fromstring(result["xml"].encode()).find("iati-activity")
        identifier = activity.find("other-identifier")
        self.assertEqual(identifier.get("ref"), "SEN 101")
        self.assertEqual(identifier.get("type"), "A1")
        # in the schema's order: after participating-org, before activity-status
        tags = [node.tag for node in activity]
        self.assertLess(tags.index("participating-org"), tags.index("other-identifier"))
        self.assertLess(tags.index("other-identifier"), tags.index("activity-status"))
        xsd = SHARED / "2.03" / "iati-activities-schema.xsd"
        self.assertEqual(validate_xml(result["xml"].encode(), str(xsd)), [])

    def test_analysis_groups_by_cpo(self):
        self.project.cpo_code = "SEN 101"
        self.env["ilo.advisory.mission"].create(self._mission_vals())
        Analysis = self.env["ilo.partnership.analysis"]
        groups = dict(Analysis._read_group([], ["cpo_code"], ["__count"]))
        self.assertGreaterEqual(groups.get("SEN 101", 0), 1)
        projects = dict(
            self.env["project.project"]._read_group(
                [("id", "=", self.project.id)], ["cpo_code"], ["__count"]
            )
        )
        self.assertEqual(projects, {"SEN 101": 1})
