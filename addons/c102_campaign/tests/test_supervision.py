# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""After ratification: the next Article 22 report of a ratifying State and the
supervisory comments, imported from a CSV file (fixtures in tests/data: invented
content)."""

import base64
import datetime

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import file_open

from .common import CampaignCommon


def fixture(name):
    with file_open(f"c102_campaign/tests/data/{name}", "rb") as handle:
        return handle.read()


@tagged("post_install", "-at_install")
class TestNextReport(CampaignCommon):
    def setUp(self):
        super().setUp()
        self.today = fields.Date.context_today(self.Country)

    def test_first_report_after_entry_into_force(self):
        self.kenya.write(
            {
                "ratification_date": self.today - datetime.timedelta(days=30),
                "accepted_part_ids": [(6, 0, self.part_ids("II", "V", "VII"))],
            }
        )
        year = self.kenya.entry_into_force_date.year + 1
        self.assertEqual(self.kenya.next_report_date, datetime.date(year, 9, 1))
        self.assertEqual(
            self.kenya.next_report_basis,
            "first report, the year after entry into force",
        )
        self.assertEqual(self.kenya.report_group, "G-K")

    def test_regular_cycle_from_comments_settings_and_requests(self):
        albania = self.Country.search([("country_id.code", "=", "AL")])
        last = self.today.year - 1
        Comment = self.env["c102.supervision.comment"]
        Comment.create(
            {"c102_country_id": albania.id, "year": last, "comment_type": "observation"}
        )
        self.assertEqual(albania.next_report_date, datetime.date(last + 6, 9, 1))
        self.assertEqual(
            albania.next_report_basis,
            f"every 6 years from the last report ({last})",
        )
        params = self.env["ir.config_parameter"]
        params.set_param("c102_campaign.report_cycle_years", 5)
        albania.invalidate_recordset()
        self.assertEqual(albania.next_report_date, datetime.date(last + 5, 9, 1))
        # an out-of-cycle report requested by the Committee comes first
        Comment.create(
            {
                "c102_country_id": albania.id,
                "year": last,
                "comment_type": "direct_request",
                "requested_year": last + 2,
            }
        )
        self.assertEqual(albania.next_report_date, datetime.date(last + 2, 9, 1))
        self.assertIn("outside the regular cycle", albania.next_report_basis)
        # no report known: the group's configured year
        sweden = self.Country.search([("country_id.code", "=", "SE")])
        params.set_param("c102_campaign.report_group_years", "A-B:2024, O-S:2031")
        sweden.invalidate_recordset()
        self.assertEqual(sweden.report_group, "O-S")
        expected = 2031
        while expected - 5 >= self.today.year + (self.today.month >= 9):
            expected -= 5
        self.assertEqual(sweden.next_report_date.year, expected)
        self.assertIn("reporting group", sweden.next_report_basis)
        # not ratified: nothing due
        self.assertFalse(self.kenya.next_report_date)

    def test_comments_are_for_ratifying_states(self):
        with self.assertRaisesMsg(ValidationError, "has not ratified C102"):
            self.env["c102.supervision.comment"].create(
                {
                    "c102_country_id": self.kenya.id,
                    "year": 2024,
                    "comment_type": "observation",
                }
            )


@tagged("post_install", "-at_install")
class TestCommentImport(CampaignCommon):
    def _import(self, name):
        wizard = self.env["c102.supervision.import"].create(
            {"file": base64.b64encode(fixture(name)), "filename": name}
        )
        wizard.action_import()
        return wizard

    def test_import_is_idempotent(self):
        Comment = self.env["c102.supervision.comment"]
        before = Comment.search_count([])
        wizard = self._import("supervision_comments.csv")
        self.assertEqual(wizard.result, "3 comment(s): 3 new, 0 updated, 0 unchanged.")
        albania = self.Country.search([("country_id.code", "=", "AL")])
        request, observation = albania.comment_ids.sorted("comment_type")
        self.assertEqual((request.year, request.comment_type), (2023, "direct_request"))
        self.assertEqual(request.part_ids.mapped("code"), ["V", "VI"])
        self.assertEqual(request.url, "https://normlex.example.org/c102/al-2023")
        self.assertIn("exemple inventé", request.summary)
        self.assertEqual(observation.requested_year, 2028)
        sweden = self.Country.search([("country_id.code", "=", "SE")])
        self.assertEqual(len(sweden.comment_ids), 1)
        again = self._import("supervision_comments.csv")
        self.assertEqual(again.result, "3 comment(s): 0 new, 0 updated, 3 unchanged.")
        self.assertEqual(Comment.search_count([]), before + 3)
        # a changed cell updates the comment, never duplicates it
        request.part_ids = [(6, 0, self.part_ids("V"))]
        third = self._import("supervision_comments.csv")
        self.assertEqual(third.result, "3 comment(s): 0 new, 1 updated, 2 unchanged.")
        self.assertEqual(request.part_ids.mapped("code"), ["V", "VI"])
        # the brief shows them
        brief = self.env.ref("c102_campaign.action_report_country_brief")
        html = brief._render_qweb_html(brief.report_name, albania.ids)[0].decode()
        self.assertIn("https://normlex.example.org/c102/al-2023", html)
        self.assertIn("Direct request", html)

    def test_every_bad_row_and_nothing_imported(self):
        Comment = self.env["c102.supervision.comment"]
        before = Comment.search_count([])
        with self.assertRaises(UserError) as caught:
            self._import("supervision_comments_bad.csv")
        message = str(caught.exception)
        self.assertIn("Nothing was imported: 7 problem(s)", message)
        for expected in (
            "Line 3: unknown country 'Atlantis'",
            "Line 4: Kenya has not ratified C102",
            "Line 5: bad year '1900'",
            "Line 5: type 'Letter' is neither Direct request nor Observation",
            "Line 5: link 'ftp://example.org' is not a web address",
            "Line 6: the same comment as line 2",
        ):
            self.assertIn(expected, message)
        self.assertNotIn("Line 2:", message)
        self.assertEqual(Comment.search_count([]), before)
        self.assertIn("unknown Part(s): XI", message)
