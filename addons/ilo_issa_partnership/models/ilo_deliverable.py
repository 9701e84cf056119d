# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import is_web_url

DELIVERABLE_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In progress"),
    ("in_review", "In review"),
    ("accepted", "Accepted"),
    ("published", "Published"),
    ("cancelled", "Cancelled"),
]
FINAL_STATES = ("accepted", "published", "cancelled")
DELIVERABLE_TYPES = [
    ("report", "Report"),
    ("guideline", "Guideline"),
    ("database", "Database"),
    ("training_material", "Training material"),
    ("policy_brief", "Policy brief"),
    ("technical_advice", "Technical advice"),
    ("other", "Other"),
]


class IloDeliverable(models.Model):
    """A product of the partnership: report, guideline, database, material..."""

    _name = "ilo.deliverable"
    _description = "Deliverable"
    _inherit = [
        "ilo.activity.mixin",
        "ilo.portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "ilo.input.check.mixin",
    ]
    _history_states = ("accepted", "published")
    _portal_kind = "deliverable"
    _portal_fields = (
        "deliverable_type",
        "date_deadline",
        "is_late",  # the deadline and status say it (the lists' colour needs it)
        "date_published",
        "description",
    )
    _budget_line_field = "deliverable_id"
    _order = "date_deadline, id"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    deliverable_type = fields.Selection(
        DELIVERABLE_TYPES, string="Type", required=True, default="report", tracking=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    date_deadline = fields.Date(string="Deadline", tracking=True, index=True)
    state = fields.Selection(
        DELIVERABLE_STATES,
        default="planned",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand=True,
    )
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        search="_search_is_late",
        help="The deadline has passed (in the user's day) and the deliverable is not "
        "accepted, published or cancelled.",
    )
    date_published = fields.Date(
        string="Published on",
        tracking=True,
        copy=False,
        help="Set when the deliverable is published; counts for the results "
        "indicators of the period it falls in.",
    )
    document_url = fields.Char(
        string="Document link",
        help="A web address (http:// or https://) of the published document, shown "
        "to the counterparts on the portal and in the IATI file.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "ilo_deliverable_attachment_rel",
        "deliverable_id",
        "attachment_id",
        string="Documents",
    )
    language_ids = fields.Many2many(
        "res.lang",
        "ilo_deliverable_lang_rel",
        "deliverable_id",
        "lang_id",
        string="Languages",
        context={"active_test": False},
    )
    description = fields.Html(sanitize=True)
    mission_ids = fields.Many2many(
        "ilo.advisory.mission",
        "ilo_advisory_mission_deliverable_rel",
        "deliverable_id",
        "mission_id",
        string="Missions",
    )
    training_ids = fields.Many2many(
        "ilo.training",
        "ilo_training_deliverable_rel",
        "deliverable_id",
        "training_id",
        string="Trainings",
    )
    color = fields.Integer()

    @api.constrains("document_url")
    def _check_document_url(self):
        for deliverable in self:
            if deliverable.document_url and not is_web_url(deliverable.document_url):
                raise ValidationError(
                    self.env._(
                        "%(deliverable)s: the document link must be a web address "
                        "starting with http:// or https:// (got '%(url)s').",
                        deliverable=deliverable.display_name,
                        url=deliverable.document_url,
                    )
                )

    @api.depends("date_deadline", "state")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for deliverable in self:
            deliverable.is_late = bool(
                deliverable.date_deadline
                and deliverable.date_deadline < today
                and deliverable.state not in FINAL_STATES
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or value not in (True, False):
            raise UserError(
                self.env._("Search late deliverables with = or != True or False.")
            )
        today = fields.Date.context_today(self)
        if (operator == "=") == bool(value):
            return [("date_deadline", "<", today), ("state", "not in", FINAL_STATES)]
        return [
            "|",
            "|",
            ("date_deadline", "=", False),
            ("date_deadline", ">=", today),
            ("state", "in", FINAL_STATES),
        ]

    def action_start(self):
        return self._transition(["planned"], "in_progress")

    def action_review(self):
        return self._transition(["in_progress"], "in_review")

    def action_accept(self):
        return self._transition(["in_review"], "accepted")

    def action_publish(self):
        self._transition(["accepted"], "published")
        self.filtered(
            lambda d: not d.date_published
        ).date_published = fields.Date.context_today(self)
        return True

    def action_cancel(self):
        return self._transition(["planned", "in_progress", "in_review"], "cancelled")

    def action_reset(self):
        return self._transition(["cancelled", "in_review"], "in_progress")

    def _history_reason(self):
        return self.env._("the deliverable was accepted or published.")
