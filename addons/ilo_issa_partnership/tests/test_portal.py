# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import html
import re

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import file_open, format_date, html2plaintext, mute_logger

from ..controllers.portal import MODELS as MODEL_OF_KIND
from ..models.ilo_portal_mixin import PORTAL_FIELDS


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
        # two counterpart institutions on one project (issue 15)
        cls.project = Project.create(
            {
                "name": "Portal project",
                "collaboration_area_id": area.id,
                "institution_ids": [
                    Command.set((cls.institution | cls.other_institution).ids)
                ],
            }
        )
        cls.third_project = Project.create(
            {"name": "Third project", "collaboration_area_id": area.id}
        )
        Mission = env["ilo.advisory.mission"]

        def mission(name, institution, state="approved", **vals):
            return Mission.create(
                {
                    "name": name,
                    "project_id": cls.project.id,
                    "country_id": cls.country.id,
                    "user_id": cls.officer.id,
                    "institution_id": institution.id,
                    "state": state,
                    **vals,
                }
            )

        cls.mission = mission(
            "Portal actuarial mission",
            cls.institution,
            terms_of_reference="<p>Actuarial valuation of the pension scheme</p>",
            date_start="2030-03-02",
            date_end="2030-03-06",
        )
        cls.draft_mission = mission(
            "Portal draft mission",
            cls.institution,
            state="draft",
            terms_of_reference="<p>Draft terms under discussion</p>",
        )
        cls.submitted_mission = mission(
            "Portal submitted mission", cls.institution, state="submitted"
        )
        cls.cancelled_mission = mission(
            "Portal cancelled mission", cls.institution, state="cancelled"
        )
        cls.archived_mission = mission(
            "Portal archived mission", cls.institution, state="done", active=False
        )
        cls.other_mission = mission("Other institution mission", cls.other_institution)
        # no counterpart named: every counterpart of the project
        cls.shared_mission = mission("Project-wide mission", Partner)
        Training = env["ilo.training"]
        cls.training = Training.create(
            {
                "name": "Project training",
                "project_id": cls.project.id,
                "country_id": cls.country.id,
            }
        )
        # another project: seen by the institution of a participant only
        cls.other_training = Training.create(
            {
                "name": "Other institution training",
                "project_id": cls.third_project.id,
                "participant_ids": [
                    Command.create(
                        {"name": "P1", "institution_id": cls.other_institution.id}
                    )
                ],
            }
        )
        cls.cancelled_training = Training.create(
            {
                "name": "Cancelled training",
                "project_id": cls.project.id,
                "state": "cancelled",
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
                "date_published": "2030-04-01",
                "document_url": "https://example.org/valuation.pdf",
                "attachment_ids": [Command.set(attachment.ids)],
                "mission_ids": [Command.set(cls.mission.ids)],
            }
        )
        cls.attachment = attachment
        cls.accepted = Deliverable.create(
            {
                "name": "Project guideline",
                "project_id": cls.project.id,
                "state": "accepted",
                "document_url": "https://example.org/secret-draft.pdf",
                "attachment_ids": [Command.set(draft_attachment.ids)],
            }
        )
        cls.other_deliverable = Deliverable.create(
            {
                "name": "Other institution report",
                "project_id": cls.project.id,
                "state": "published",
                "mission_ids": [Command.set(cls.other_mission.ids)],
            }
        )
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
        """Each institution sees its own activities on the shared project, from
        approval on; never draft, submitted, cancelled or archived ones."""
        Mission = self.env["ilo.advisory.mission"].with_user(self.portal_user)
        self.assertEqual(
            Mission.search([]), self.mission | self.shared_mission, "own, approved"
        )
        self.assertEqual(
            Mission.with_context(active_test=False).search([]),
            self.mission | self.shared_mission,
            "never archived ones",
        )
        Training = self.env["ilo.training"]
        self.assertEqual(Training.with_user(self.portal_user).search([]), self.training)
        self.assertEqual(
            Training.with_user(self.other_portal_user).search([]),
            self.training | self.other_training,
            "a participant's institution sees the training",
        )
        Deliverable = self.env["ilo.deliverable"]
        self.assertEqual(
            Deliverable.with_user(self.portal_user).search([]),
            self.published | self.accepted,
        )
        self.assertEqual(
            Deliverable.with_user(self.other_portal_user).search([]),
            self.accepted | self.other_deliverable,
        )
        other = self.env["ilo.advisory.mission"].with_user(self.other_portal_user)
        self.assertEqual(other.search([]), self.other_mission | self.shared_mission)
        for hidden in (
            self.other_mission,
            self.draft_mission,
            self.submitted_mission,
            self.cancelled_mission,
            self.archived_mission,
        ):
            with self.assertRaises(AccessError, msg=hidden.name):
                hidden.with_user(self.portal_user).read(["name"])
        # once approved, the mission appears
        self.submitted_mission.sudo().state = "approved"
        self.assertIn(self.submitted_mission, Mission.search([]))
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
        for field in (
            "back_to_office_report",
            "terms_of_reference",
            "budget_planned",
            "budget_line_ids",
            "member_ids",
            "access_token",
            "message_ids",
            "company_id",
        ):
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
        # the organisation, not Odoo's placeholders
        self.assertIn(self.env.company.name, page)
        self.assertNotIn("YourCompany", page)
        self.assertIn("Project-wide mission", page)
        self.assertIn("Project training", page)
        for hidden in ("draft", "submitted", "cancelled", "archived"):
            self.assertNotIn(f"Portal {hidden} mission", page)
        page = self.url_open(self.mission.access_url).text
        self.assertIn("Actuarial valuation of the pension scheme", page)
        response = self.url_open(self.draft_mission.access_url)
        self.assertNotIn("Draft terms under discussion", response.text)
        self.assertTrue(
            response.url.endswith("/my/partnership?unavailable=1"), response.url
        )
        self.assertIn("not shared with your", response.text)
        # another institution's mission: back to the list, with a word why
        response = self.url_open(self.other_mission.access_url)
        self.assertNotIn("Other institution mission", response.text)
        self.assertTrue(
            response.url.endswith("/my/partnership?unavailable=1"), response.url
        )
        self.assertIn("not shared with your", response.text)
        # the list itself says nothing of the kind
        self.assertNotIn("not shared with your", self.url_open("/my/partnership").text)
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

    # -- the portal as an attacker sees it (issue 22) ---------------------------------

    def _rpc(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _refused(self, model, method, *args, **kwargs):
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException) as caught:
            self._rpc(model, method, *args, **kwargs)
        self.assertIn("AccessError", str(caught.exception), (model, method, args))

    def test_rpc_reads_what_the_pages_show(self):
        """Every model and field a portal user reads over JSON-RPC is on their
        portal pages: the models of the addons they can read are the three activity
        models, their readable fields the ones the pages show, and every value read
        is on the record's page."""
        self.training.description = "<p>Training agenda for actuaries</p>"
        self.published.description = "<p>Valuation summary</p>"
        portal_env = self.env(user=self.portal_user)
        ours = ("ilo_issa_partnership", "c102_campaign")
        data = self.env["ir.model.data"].search(
            [("module", "in", ours), ("model", "in", ("ir.model", "ir.model.fields"))]
        )
        models = self.env["ir.model"].browse(
            data.filtered(lambda d: d.model == "ir.model").mapped("res_id")
        )
        readable = {
            model.model
            for model in models
            if model.model in self.env
            and self.env[model.model]._original_module in ours
            and not self.env[model.model]._abstract
            and not self.env[model.model]._transient
            and portal_env[model.model].has_access("read")
        }
        self.assertEqual(readable, set(MODEL_OF_KIND.values()))
        # the fields the addons add to Odoo's models: none for portal users
        added = self.env["ir.model.fields"].browse(
            data.filtered(lambda d: d.model == "ir.model.fields").mapped("res_id")
        )
        for field in added:
            model = portal_env.get(field.model)
            if model is None or field.model in readable:
                continue
            if self.env[field.model]._original_module in ours:
                continue
            if field.name not in model._fields:
                continue
            if not model.has_access("read"):
                continue
            self.assertFalse(
                model._fields[field.name].is_accessible(portal_env),
                f"{field.model}.{field.name} is readable by portal users",
            )
        self.authenticate("ilo_portal", "ilo_portal")
        lang = self.env["res.lang"]._lang_get(self.portal_user.lang)
        for record in (self.mission, self.training, self.published):
            shown = set(PORTAL_FIELDS) | set(record._portal_fields)
            fields = self._rpc(record._name, "fields_get", attributes=["type"])
            self.assertEqual(set(fields), shown, record._name)
            [values] = self._rpc(record._name, "read", [record.id])
            page = html.unescape(self.url_open(record.access_url).text)
            for name, value in values.items():
                ftype = fields[name]["type"]
                # the id is in the page's address; active and late follow from
                # the rules and the deadline shown
                if name in ("id", "active", "is_late", "access_url") or not value:
                    continue
                if ftype == "many2one":
                    value = value[1]
                elif ftype == "selection":
                    value = dict(record._fields[name]._description_selection(self.env))[
                        value
                    ]
                elif ftype == "date":
                    value = format_date(self.env, value, lang_code=lang.code)
                elif ftype == "html":
                    value = html2plaintext(value)
                self.assertIn(str(value), page, f"{record._name}.{name}")

    def test_rpc_attacks(self):
        """What the probe of issue 22 found, and its kind: searching, ordering and
        grouping on fields the pages do not show, internal notes, tokens, the team,
        unpublished documents, archived and other institutions' records."""
        self.mission.message_post(
            body="Ceiling agreed: 48250 USD",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        self.mission._portal_ensure_token()
        self.authenticate("ilo_portal", "ilo_portal")
        Mission = "ilo.advisory.mission"
        # internal notes: no search on messages (Odoo's message field joins them
        # without their access rules)
        for field in ("message_ids.body", "website_message_ids.body", "message_ids"):
            self._refused(Mission, "search", [(field, "ilike", "48250")])
        notes = self._rpc(
            "mail.message",
            "search_read",
            [("model", "=", Mission), ("res_id", "=", self.mission.id)],
            fields=["body"],
        )
        self.assertNotIn("48250", str(notes))
        self.assertFalse(
            self._rpc("mail.message", "search", [("body", "ilike", "48250")])
        )
        # fields the pages do not show: read, search, order, group
        hidden = {
            self.mission: ("access_token", "member_ids", "company_id", "message_ids"),
            self.published: ("document_url", "attachment_ids", "access_token"),
            self.training: ("participant_ids", "female_share", "access_token"),
        }
        for record, names in hidden.items():
            model = record._name
            for name in names:
                self._refused(model, "read", record.ids, [name])
                self._refused(model, "search", [(name, "!=", False)])
                if record._fields[name].column_type:  # x2many: never orderable
                    self._refused(model, "search_read", [], ["name"], order=name)
                self._refused(model, "read_group", [], ["name"], [name])
        # the unpublished (accepted) deliverable's documents
        self._refused("ilo.deliverable", "read", self.accepted.ids, ["document_url"])
        self._refused("ir.attachment", "read", self.draft_attachment.ids, ["raw"])
        # archived, draft, submitted, other institutions' records
        found = self._rpc(
            Mission, "search_read", [], ["name"], context={"active_test": False}
        )
        self.assertEqual(
            {m["name"] for m in found},
            {"Portal actuarial mission", "Project-wide mission"},
        )
        self.assertFalse(self._rpc(Mission, "name_search", "Portal draft"))
        self.assertEqual(
            self._rpc(
                Mission, "search_count", [("state", "in", ("draft", "submitted"))]
            ),
            0,
        )
        for record in (self.other_mission, self.archived_mission, self.draft_mission):
            self._refused(Mission, "read", record.ids, ["name"])
        # anonymous: nothing
        self.logout()
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException):
            self._rpc(Mission, "search_read", [], ["name"])

    def test_document_url(self):
        """Only web links are stored, and only those reach the portal page."""
        for url in ("javascript:alert(document.cookie)", "data:text/html,x", "ftp://x"):
            with self.assertRaisesRegex(ValidationError, "http:// or https://"):
                self.published.document_url = url
        self.published.document_url = "https://example.org/v2.pdf"
        self.authenticate("ilo_portal", "ilo_portal")
        page = self.url_open(self.published.access_url).text
        self.assertIn('href="https://example.org/v2.pdf"', page)
        # one stored before links were checked is not rendered
        self.env.cr.execute(
            "UPDATE ilo_deliverable SET document_url = %s WHERE id = %s",
            ("javascript:alert(1)", self.published.id),
        )
        self.published.invalidate_recordset(["document_url"])
        page = self.url_open(self.published.access_url).text
        self.assertNotIn("javascript:", page)
        self.assertNotIn("o_ilo_portal_online", page)

    def test_organisation_shown(self):
        """The portal and the reports show the organisation (the demo company is
        the partnership programme), not Odoo's placeholders."""
        company = self.env.company
        self.authenticate("ilo_portal", "ilo_portal")
        page = self.url_open("/my/partnership").text
        self.assertIn(html.escape(company.name, quote=False), page)
        self.assertIn(f"/logo.png?company={company.id}", page)
        if self.env.ref("ilo_issa_partnership.mission_ci_actuarial_demo", False):
            # with the demo data: the programme's own logo, shipped in the addon
            path = "ilo_issa_partnership/static/img/company_logo.png"
            with file_open(path, "rb") as logo:
                self.assertEqual(base64.b64decode(company.logo), logo.read())
        self.assertNotIn("YourCompany", page)
        report_html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "ilo_issa_partnership.action_report_project_sheet", self.project.ids
            )[0]
            .decode()
        )
        self.assertIn(html.escape(company.name, quote=False), report_html)
        self.assertNotIn("YourCompany", report_html)
