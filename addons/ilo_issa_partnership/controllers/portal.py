# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The counterpart institutions' portal: their partnership activities, the agreed
terms of reference of missions, published deliverables to download, and the
chatter. Every read goes through the portal user's own access rights (record rules
by counterpart institution); sudo is used only to serve what the rules allowed."""

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal

from ..rules import is_web_url

MODELS = {
    "mission": "ilo.advisory.mission",
    "training": "ilo.training",
    "deliverable": "ilo.deliverable",
}
# a mission's terms of reference are shared once agreed, i.e. approved
AGREED_STATES = ("approved", "ongoing", "done")


class PartnershipPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "ilo_activity_count" in counters:
            values["ilo_activity_count"] = sum(
                request.env[model].search_count([])
                for model in MODELS.values()
                if request.env[model].has_access("read")
            )
        return values

    def _ilo_activities(self):
        env = request.env
        if not env["ilo.advisory.mission"].has_access("read"):
            return None
        return {
            "missions": env["ilo.advisory.mission"].search([], order="date_start desc"),
            "trainings": env["ilo.training"].search([], order="date_start desc"),
            "deliverables": env["ilo.deliverable"].search([], order="date_deadline"),
        }

    @http.route("/my/partnership", type="http", auth="user", website=True)
    def portal_my_partnership(self, **kw):
        activities = self._ilo_activities()
        if activities is None:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            activities,
            page_name="ilo_partnership",
            unavailable=bool(kw.get("unavailable")),
        )
        return request.render("ilo_issa_partnership.portal_my_partnership", values)

    def _ilo_refused(self):
        """Where a refused activity page leads: the institution's activity list,
        which says that the page is not shared with it; visitors who are not
        logged in (or have no partnership access) go to the portal home, i.e.
        the login page for the former, as Odoo's own portal pages do."""
        if self._ilo_activities() is None:
            return request.redirect("/my")
        return request.redirect("/my/partnership?unavailable=1")

    def _ilo_document(self, kind, record_id, access_token=None):
        if kind not in MODELS:
            raise MissingError(request.env._("This page does not exist."))
        return self._document_check_access(MODELS[kind], record_id, access_token)

    @http.route(
        "/my/partnership/<string:kind>/<int:record_id>",
        type="http",
        auth="public",
        website=True,
    )
    def portal_partnership_activity(self, kind, record_id, access_token=None, **kw):
        try:
            record_sudo = self._ilo_document(kind, record_id, access_token)
        except (AccessError, MissingError):
            return self._ilo_refused()
        if not record_sudo.active:  # archived: out of the lists and of the portal
            return request.redirect("/my/partnership")
        published = kind == "deliverable" and record_sudo.state == "published"
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "record": record_sudo,
                "kind": kind,
                "page_name": "ilo_activity",
                "terms_of_reference": record_sudo.terms_of_reference
                if kind == "mission" and record_sudo.state in AGREED_STATES
                else False,
                "documents": record_sudo.attachment_ids
                if published
                else request.env["ir.attachment"],
                # only a web link reaches the page (one stored before links were
                # checked may be anything)
                "document_url": record_sudo.document_url
                if published and is_web_url(record_sudo.document_url)
                else False,
            }
        )
        values = self._get_page_view_values(
            record_sudo, access_token, values, "my_ilo_history", False, **kw
        )
        return request.render(
            "ilo_issa_partnership.portal_partnership_activity", values
        )

    @http.route(
        "/my/partnership/deliverable/<int:record_id>/document/<int:attachment_id>",
        type="http",
        auth="public",
        website=True,
    )
    def portal_deliverable_document(
        self, record_id, attachment_id, access_token=None, **kw
    ):
        """Download a document of a published deliverable (portal users cannot read
        attachments themselves: Odoo keeps them for internal users)."""
        try:
            deliverable = self._ilo_document("deliverable", record_id, access_token)
        except (AccessError, MissingError):
            raise request.not_found() from None
        attachment = deliverable.attachment_ids.filtered(
            lambda a: a.id == attachment_id
        )
        if deliverable.state != "published" or not attachment:
            raise request.not_found()
        return (
            request.env["ir.binary"]
            ._get_stream_from(attachment.sudo())
            .get_response(as_attachment=True)
        )
