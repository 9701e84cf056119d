# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import re

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException


@tagged("post_install", "-at_install")
class TestPortal(HttpCase):
    """Counterpart institutions on the portal: their activities only, agreed terms
    of reference, published documents, and comments that reach the officer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Partner = env["res.partner"]
        cls.institution = Partner.create(
            {"name": "Portal institution", "is_company": True}
        )
        cls.other_institution = Partner.create(
            {"name": "Other institution", "is_company": True}
        )
        cls.contact = Partner.create(
            {
                "name": "Portal contact",
                "parent_id": cls.institution.id,
                "email": "contact@portal.example",
            }
        )
        cls.other_contact = Partner.create(
            {"name": "Other contact", "parent_id": cls.other_institution.id}
        )
        cls.portal_user = new_test_user(
            env,
            login="ilo_portal",
            groups="base.group_portal",
            partner_id=cls.contact.id,
        )
        cls.other_portal_user = new_test_user(
            env,
            login="ilo_portal_other",
            groups="base.group_portal",
            partner_id=cls.other_contact.id,
        )
        cls.officer = new_test_user(
            env,
            login="ilo_portal_officer",
            groups="base.group_user,ilo_issa_partnership.group_programme_officer",
            name="Portal Officer",
            email="officer@ilo.example",
        )
        area = env.ref("ilo_issa_partnership.area_advisory")
        cls.country = env.ref("base.ci")
        Project = env["project.project"]
        cls.project = Project.create(
            {
                "name": "Portal project",
                "collaboration_area_id": area.id,
                "institution_ids": [Command.set(cls.institution.ids)],
            }
        )
        cls.other_project = Project.create(
            {
                "name": "Other project",
                "collaboration_area_id": area.id,
                "institution_ids": [Command.set(cls.other_institution.ids)],
            }
        )
        Mission = env["ilo.advisory.mission"]
        cls.mission = Mission.create(
            {
                "name": "Portal actuarial mission",
                "project_id": cls.project.id,
                "country_id": cls.country.id,
                "user_id": cls.officer.id,
                "objective": "<p>Actuarial valuation of the pension scheme</p>",
                "state": "approved",
            }
        )
        cls.draft_mission = Mission.create(
            {
                "name": "Portal draft mission",
                "project_id": cls.project.id,
                "country_id": cls.country.id,
                "objective": "<p>Draft terms under discussion</p>",
            }
        )
        cls.other_mission = Mission.create(
            {
                "name": "Other institution mission",
                "project_id": cls.other_project.id,
                "country_id": cls.country.id,
            }
        )
        cls.other_training = env["ilo.training"].create(
            {
                "name": "Other institution training",
                "project_id": cls.other_project.id,
                "country_id": cls.country.id,
            }
        )
        Deliverable = env["ilo.deliverable"]
        attachment = env["ir.attachment"].create(
            {"name": "valuation.pdf", "datas": base64.b64encode(b"%PDF-1.4 valuation")}
        )
        draft_attachment = env["ir.attachment"].create(
            {"name": "draft.pdf", "datas": base64.b64encode(b"%PDF-1.4 draft")}
        )
        cls.published = Deliverable.create(
            {
                "name": "Portal valuation report",
                "project_id": cls.project.id,
                "state": "published",
                "attachment_ids": [Command.set(attachment.ids)],
            }
        )
        cls.attachment = attachment
        cls.in_review = Deliverable.create(
            {
                "name": "Portal draft report",
                "project_id": cls.project.id,
                "state": "in_review",
                "attachment_ids": [Command.set(draft_attachment.ids)],
            }
        )
        cls.draft_attachment = draft_attachment

    def test_record_rules(self):
        Mission = self.env["ilo.advisory.mission"].with_user(self.portal_user)
        self.assertEqual(
            Mission.search([]), self.mission | self.draft_mission, "own projects only"
        )
        self.assertEqual(
            self.env["ilo.training"].with_user(self.portal_user).search([]),
            self.env["ilo.training"],
        )
        self.assertEqual(
            self.env["ilo.deliverable"].with_user(self.portal_user).search([]),
            self.published | self.in_review,
        )
        other = self.env["ilo.advisory.mission"].with_user(self.other_portal_user)
        self.assertEqual(other.search([]), self.other_mission)
        with self.assertRaises(AccessError):
            self.other_mission.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.mission.with_user(self.portal_user).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            Mission.create(
                {
                    "name": "By portal",
                    "project_id": self.project.id,
                    "country_id": self.country.id,
                }
            )
        # internal fields: the back-to-office report, the raw terms, the budget
        for field in ("report", "objective", "budget_planned", "budget_line_ids"):
            with self.assertRaises(AccessError, msg=field):
                self.mission.with_user(self.portal_user).read([field])
        with self.assertRaises(AccessError):
            self.env["ilo.budget.line"].with_user(self.portal_user).search([])
        with self.assertRaises(AccessError):
            self.env["ilo.training.participant"].with_user(self.portal_user).search([])

    def test_pages(self):
        self.authenticate("ilo_portal", "ilo_portal")
        page = self.url_open("/my/partnership").text
        self.assertIn("Portal actuarial mission", page)
        self.assertIn("Portal valuation report", page)
        self.assertNotIn("Other institution", page)
        page = self.url_open(self.mission.access_url).text
        self.assertIn("Actuarial valuation of the pension scheme", page)
        page = self.url_open(self.draft_mission.access_url).text
        self.assertNotIn("Draft terms under discussion", page)
        self.assertIn("once the mission is approved", page)
        # another institution's mission: back to the portal home
        response = self.url_open(self.other_mission.access_url)
        self.assertNotIn("Other institution mission", response.text)
        self.assertTrue(response.url.endswith("/my"), response.url)
        # documents: published only, through the deliverable
        url = f"/my/partnership/deliverable/{self.published.id}/document/"
        response = self.url_open(url + str(self.attachment.id))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"%PDF-1.4 valuation")
        url = f"/my/partnership/deliverable/{self.in_review.id}/document/"
        response = self.url_open(url + str(self.draft_attachment.id))
        self.assertEqual(response.status_code, 404)
        url = f"/my/partnership/deliverable/{self.published.id}/document/"
        response = self.url_open(url + str(self.draft_attachment.id))
        self.assertEqual(response.status_code, 404, "not a document of that one")
        # Odoo keeps attachments from portal users
        response = self.url_open(f"/web/content/{self.attachment.id}")
        self.assertNotEqual(response.status_code, 200)

    def test_comment_notifies_officer(self):
        # as the portal chatter's route posts: sudo, as the portal user
        mission = self.mission.with_user(self.portal_user).sudo()
        message = mission.message_post(
            body="Les données sont prêtes.", message_type="comment"
        )
        self.assertIn(self.officer.partner_id, message.sudo().notified_partner_ids)
        self.assertEqual(message.author_id, self.contact)
        # and through the portal chatter's own route
        self.authenticate("ilo_portal", "ilo_portal")
        response = self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "ilo.advisory.mission",
                "thread_id": self.mission.id,
                "post_data": {
                    "body": "<p>Hello <script>alert(1)</script></p>",
                    "message_type": "comment",
                },
            },
        )
        self.assertTrue(response)
        last = self.mission.message_ids[0]
        self.assertIn("Hello", str(last.body))
        self.assertNotIn("<script", str(last.body))
        self.assertIn(self.officer.partner_id, last.notified_partner_ids)
        # not on another institution's mission
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": "ilo.advisory.mission",
                    "thread_id": self.other_mission.id,
                    "post_data": {"body": "Intrusion", "message_type": "comment"},
                },
            )
        self.assertNotIn(
            "Intrusion", str(self.other_mission.message_ids.mapped("body"))
        )

    def test_upload_document(self):
        """The portal chatter's upload route attaches a file to the activity (and
        refuses one on another institution's activity)."""
        self.authenticate("ilo_portal", "ilo_portal")
        page = self.url_open(self.mission.access_url).text
        token = re.search(r'csrf_token: "([^"]+)"', page).group(1)

        def upload(mission):
            return self.opener.post(
                f"{self.base_url()}/mail/attachment/upload",
                data={
                    "thread_id": mission.id,
                    "thread_model": "ilo.advisory.mission",
                    "csrf_token": token,
                },
                files={"ufile": ("actuarial-data.csv", b"year,members\n2025,120000\n")},
                timeout=30,
            )

        response = upload(self.mission)
        self.assertEqual(response.status_code, 200, response.text[:300])
        attachment = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "ilo.advisory.mission"),
                ("res_id", "=", self.mission.id),
            ]
        )
        self.assertEqual(attachment.name, "actuarial-data.csv")
        self.assertEqual(attachment.raw, b"year,members\n2025,120000\n")
        self.assertEqual(upload(self.other_mission).status_code, 404)

    def test_portal_tour(self):
        # the tour ends once the deliverable's chatter shows this message: the page
        # is idle, no request of the browser is cut when the tour stops
        self.published.message_post(
            body="Valuation report shared with the institution",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.start_tour("/my", "ilo_portal_counterpart_tour", login="ilo_portal")
        messages = self.mission.message_ids.filtered(
            lambda m: "les données du régime" in str(m.body)
        )
        self.assertEqual(messages.author_id, self.contact)
        self.assertIn(self.officer.partner_id, messages.notified_partner_ids)
