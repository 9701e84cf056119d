# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# What every portal page of an activity shows: a portal user reads these fields (and
# the model's own ``_portal_fields``), over RPC as on the pages, and nothing else.
PORTAL_FIELDS = (
    "id",
    "display_name",
    "name",
    "state",
    "active",
    "project_id",
    "access_url",
)


def check_domain_access(model, domain):
    """Raise AccessError when a field of ``domain`` (any field of each path, in
    nested ``any`` domains too) is one the user may not read.

    Odoo 18 checks a field's groups when it reads it, and when it orders or filters
    on a column, but not for a one2many/many2many or a computed field named in a
    search domain (``message_ids.body`` is even joined without the messages' access
    rules): a portal user could find records by the text of internal notes."""
    for leaf in domain or ():
        if not (isinstance(leaf, list | tuple) and len(leaf) == 3):
            continue
        if not isinstance(leaf[0], str):
            continue
        current = model
        for fname in leaf[0].split("."):
            field = current._fields.get(fname)
            if field is None:
                break
            current.check_field_access_rights("read", [fname])
            if not field.relational:
                break
            current = current.env[field.comodel_name]
        if leaf[1] in ("any", "not any") and isinstance(leaf[2], list | tuple):
            check_domain_access(current, leaf[2])


class IloPortalMixin(models.AbstractModel):
    """Partnership activities seen by the counterpart institutions on the portal.

    Portal users read the activities where their institution is the counterpart (or
    a participant), from approval on (record rules), comment and upload documents in
    the chatter (posting needs read access only), and the officer responsible
    (``user_id``, which every activity has) is notified of every message they post.

    A portal user learns nothing over RPC that the pages do not show: fields are
    internal unless named in ``PORTAL_FIELDS`` or the model's ``_portal_fields``
    (every other field without groups gets ``base.group_user``, a field added later
    included, so reading, ordering and grouping on it raise AccessError), and search
    domains naming such a field are refused too. The pages show the rest (terms of
    reference once agreed, documents once published) from the record the rules let
    them open, in sudo.
    """

    _name = "ilo.portal.mixin"
    _description = "Partnership activity on the portal"
    _inherit = ["portal.mixin", "mail.thread"]
    _mail_post_access = "read"
    _portal_kind = None  # the URL segment: mission, training, deliverable
    _portal_fields = ()  # the model's fields shown on its portal pages

    def _setup_fields(self):
        result = super()._setup_fields()
        shown = set(PORTAL_FIELDS) | set(self._portal_fields)
        for name, field in self._fields.items():
            if name not in shown and not field.groups:
                field.groups = "base.group_user"
        return result

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not (self.env.su or self.env.user._is_internal()):
            check_domain_access(self, domain)
        return super()._search(domain, offset=offset, limit=limit, order=order)

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), *args, **kwargs):
        # groups and aggregates on a field the user may not read: AccessError
        if not (self.env.su or self.env.user._is_internal()):
            names = [spec.split(":")[0].split(".")[0] for spec in groupby]
            names += [spec.split(":")[0] for spec in aggregates if spec != "__count"]
            self.check_field_access_rights("read", names)
        return super()._read_group(domain, groupby, aggregates, *args, **kwargs)

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
