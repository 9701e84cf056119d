# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class IloPortalMixin(models.AbstractModel):
    """Partnership activities seen by the counterpart institutions on the portal.

    Portal users read the activities of the projects where their institution is a
    counterpart (record rules), comment and upload documents in the chatter
    (posting needs read access only), and the officer responsible (``user_id``, which
    every activity has) is notified of every message they post.
    """

    _name = "ilo.portal.mixin"
    _description = "Partnership activity on the portal"
    _inherit = ["portal.mixin", "mail.thread"]
    _mail_post_access = "read"
    _portal_kind = None  # the URL segment: mission, training, deliverable

    def _compute_access_url(self):
        for record in self:
            record.access_url = f"/my/partnership/{self._portal_kind}/{record.id}"

    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, **kwargs):
        # counterparts write from the portal: tell the responsible officer directly
        # (an inbox or e-mail notification by their preference), follower or not
        if len(self) == 1 and self.env.user.share:
            responsible = self.sudo().user_id  # the officer answering them
            if responsible:
                partner_ids = set(kwargs.get("partner_ids") or [])
                partner_ids.add(responsible.partner_id.id)
                kwargs["partner_ids"] = list(partner_ids)
        return super().message_post(**kwargs)
