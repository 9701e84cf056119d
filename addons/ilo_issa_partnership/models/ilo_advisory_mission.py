# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

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
        groups="ilo_issa_partnership.group_partnership_user",
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
        for mission in self:
            if not (mission.date_start and mission.date_end):
                raise UserError(
                    self.env._(
                        "%(mission)s: set the start and end dates before submitting.",
                        mission=mission.name,
                    )
                )
        return self._transition(["draft"], "submitted")

    def action_approve(self):
        self._check_manager(self.env._("approve missions"))
        self._check_can_approve()
        return self._transition(["submitted"], "approved")

    def _check_can_approve(self):
        """A mission is approved only with a planned budget."""
        funded = {
            mission
            for [mission] in self.env["ilo.budget.line"]._read_group(
                [("mission_id", "in", self.ids), ("amount_planned", ">", 0)],
                ["mission_id"],
            )
        }
        for mission in self:
            if mission not in funded:
                raise UserError(
                    self.env._(
                        "%(mission)s cannot be approved without a budget: add at least "
                        "one budget line with a planned amount.",
                        mission=mission.name,
                    )
                )
        return True

    def action_start(self):
        return self._transition(["approved"], "ongoing")

    def action_done(self):
        for mission in self:
            if tools.is_html_empty(mission.back_to_office_report):
                raise UserError(
                    self.env._(
                        "%(mission)s: write the back-to-office report before closing "
                        "the mission.",
                        mission=mission.name,
                    )
                )
        return self._transition(["ongoing"], "done")

    def action_cancel(self):
        return self._transition(
            ["draft", "submitted", "approved", "ongoing"], "cancelled"
        )

    def action_draft(self):
        return self._transition(["submitted", "cancelled"], "draft")

    def _history_reason(self):
        return self.env._("the mission took place and has its history.")
