# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from .res_users import MANAGER, PARTNERSHIP_USERS

_lt = LazyTranslate(__name__)

MISSION_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("ongoing", "Ongoing"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class IloAdvisoryMission(models.Model):
    """A technical advisory mission to a country, planned, approved and reported."""

    _name = "ilo.advisory.mission"
    _description = "Advisory Mission"
    _inherit = [
        "ilo.activity.mixin",
        "ilo.budget.totals.mixin",
        "ilo.portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "ilo.input.check.mixin",
    ]
    _history_states = ("ongoing", "done")
    _approval_state = "submitted"
    _workflow_waiting = {
        "submitted": (
            MANAGER,
            _lt(
                "Submitted: waiting for a partnership manager to approve it (or "
                "refuse it back to draft)."
            ),
        )
    }
    _portal_kind = "mission"
    _portal_fields = (
        "country_id",
        "institution_id",
        "date_start",
        "date_end",
        "user_id",
    )
    _budget_line_field = "mission_id"
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    country_id = fields.Many2one(
        "res.country", required=True, tracking=True, index=True
    )
    institution_id = fields.Many2one(
        "res.partner", string="Counterpart institution", tracking=True
    )
    member_ids = fields.Many2many(
        "res.users",
        "ilo_advisory_mission_member_rel",
        "mission_id",
        "user_id",
        string="Mission team",
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible officer",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
    )
    date_start = fields.Date(string="Start", tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    # internal users only: the portal shows the terms of reference once agreed
    # (approved), through its own page, and never the back-to-office report
    terms_of_reference = fields.Html(
        string="Terms of reference", sanitize=True, groups="base.group_user"
    )
    back_to_office_report = fields.Html(
        string="Back-to-office report", sanitize=True, groups="base.group_user"
    )
    state = fields.Selection(
        MISSION_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand=True,
    )
    deliverable_ids = fields.Many2many(
        "ilo.deliverable",
        "ilo_advisory_mission_deliverable_rel",
        "mission_id",
        "deliverable_id",
        string="Deliverables produced",
    )
    budget_line_ids = fields.One2many(
        "ilo.budget.line",
        "mission_id",
        string="Budget",
        groups=PARTNERSHIP_USERS,
    )
    color = fields.Integer()
    active = fields.Boolean(default=True, tracking=True)

    @api.constrains("date_start", "date_end")
    def _check_mission_dates(self):
        self._check_dates("date_start", "date_end")

    @api.constrains("member_ids", "date_start", "date_end", "state")
    def _check_member_overlap(self):
        for mission in self:
            if mission.state == "cancelled" or not mission.member_ids:
                continue
            if not (mission.date_start and mission.date_end):
                continue
            clash = self.search(
                [
                    ("id", "!=", mission.id),
                    ("state", "!=", "cancelled"),
                    ("member_ids", "in", mission.member_ids.ids),
                    ("date_start", "<=", mission.date_end),
                    ("date_end", ">=", mission.date_start),
                ],
                limit=1,
            )
            if clash:
                members = (clash.member_ids & mission.member_ids).mapped("name")
                raise ValidationError(
                    self.env._(
                        "%(members)s already on mission '%(other)s' from %(start)s to "
                        "%(end)s, which overlaps '%(mission)s'.",
                        members=", ".join(members),
                        other=clash.name,
                        start=clash.date_start,
                        end=clash.date_end,
                        mission=mission.name,
                    )
                )

    def action_submit(self):
        self._check_dates_set()
        self._transition(["draft"], "submitted")
        return self._warn_unfunded()

    def action_approve(self):
        self._check_group(MANAGER, self.env._("approve missions"))
        self._check_can_approve()
        return self._transition(["submitted"], "approved")

    def action_refuse(self):
        self._check_group(MANAGER, self.env._("refuse missions"))
        return self._transition(["submitted"], "draft", outcome=self.env._("Refused"))

    def action_start(self):
        return self._transition(["approved"], "ongoing")

    def action_done(self):
        self._check_report_written()
        return self._transition(["ongoing"], "done")

    def action_cancel(self):
        return self._transition(
            ["draft", "submitted", "approved", "ongoing"], "cancelled"
        )

    def action_draft(self):
        return self._transition(["submitted", "cancelled"], "draft")

    def _check_dates_set(self):
        for mission in self:
            if not (mission.date_start and mission.date_end):
                raise UserError(
                    self.env._(
                        "%(mission)s: set the start and end dates before submitting.",
                        mission=mission.name,
                    )
                )

    def _check_report_written(self):
        for mission in self:
            if tools.is_html_empty(mission.back_to_office_report):
                raise UserError(
                    self.env._(
                        "%(mission)s: write the back-to-office report before closing "
                        "the mission.",
                        mission=mission.name,
                    )
                )

    def _funded(self):
        """The missions with at least one budget line with a planned amount."""
        return self.browse(
            [
                mission.id
                for [mission] in self.env["ilo.budget.line"]
                .sudo()
                ._read_group(
                    [("mission_id", "in", self.ids), ("amount_planned", ">", 0)],
                    ["mission_id"],
                )
            ]
        )

    def _budget_missing_message(self):
        return self.env._(
            "%(mission)s has no budget yet: Finance (or a partnership manager) adds a "
            "budget line with a planned amount in the mission's Budget tab; a "
            "manager approves it only then.",
            mission=self.name,
        )

    def _check_can_approve(self):
        """A mission is approved only with a planned budget."""
        for mission in self - self._funded():
            raise UserError(
                self.env._(
                    "%(mission)s cannot be approved without a budget. %(fix)s",
                    mission=mission.name,
                    fix=mission._budget_missing_message(),
                )
            )
        return True

    def _warn_unfunded(self):
        """Submitted without a budget line: a note on each mission and a warning
        to the submitter (approval will need the budget)."""
        unfunded = self - self._funded()
        for mission in unfunded:
            mission.sudo()._message_log(body=mission._budget_missing_message())
        if not unfunded:
            return True
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Submitted without a budget"),
                "message": "\n".join(m._budget_missing_message() for m in unfunded),
                "type": "warning",
                "sticky": True,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _workflow_hint(self):
        """Before approval, the form also says that the budget line is missing."""
        hint = super()._workflow_hint()
        if self.id and self.state in ("draft", "submitted") and not self._funded():
            hint = " ".join(filter(None, [hint, self._budget_missing_message()]))
        return hint

    def _history_reason(self):
        return self.env._("the mission took place and has its history.")
