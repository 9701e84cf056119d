# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from odoo import api, fields, models

from ..rules import women_share
from .res_users import PARTNERSHIP_USERS

TRAINING_STATES = [
    ("planned", "Planned"),
    ("ongoing", "Ongoing"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
TRIPARTITE = {"government", "employer", "worker"}


class IloTraining(models.Model):
    """A training or capacity-building event, with its participants and results."""

    _name = "ilo.training"
    _description = "Training"
    _inherit = [
        "ilo.activity.mixin",
        "ilo.budget.totals.mixin",
        "ilo.portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "ilo.input.check.mixin",
    ]
    _history_states = ("ongoing", "done")
    _portal_kind = "training"
    _portal_fields = (
        "country_id",
        "date_start",
        "date_end",
        "modality",
        "user_id",
        "description",
    )
    _budget_line_field = "training_id"
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    country_id = fields.Many2one(
        "res.country",
        tracking=True,
        index=True,
        help="Empty for regional or online trainings.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible officer",
        default=lambda self: self.env.user,
        tracking=True,
    )
    date_start = fields.Date(string="Start", tracking=True)
    date_end = fields.Date(string="End", tracking=True)
    modality = fields.Selection(
        [("in_person", "In person"), ("online", "Online"), ("blended", "Blended")],
        default="in_person",
        required=True,
        tracking=True,
    )
    state = fields.Selection(
        TRAINING_STATES,
        default="planned",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand=True,
    )
    description = fields.Html(sanitize=True)
    participant_ids = fields.One2many(
        "ilo.training.participant", "training_id", string="Participants", copy=False
    )
    deliverable_ids = fields.Many2many(
        "ilo.deliverable",
        "ilo_training_deliverable_rel",
        "training_id",
        "deliverable_id",
        string="Deliverables produced",
    )
    budget_line_ids = fields.One2many(
        "ilo.budget.line",
        "training_id",
        string="Budget",
        groups=PARTNERSHIP_USERS,
    )
    participant_count = fields.Integer(
        compute="_compute_figures", store=True, aggregator="sum"
    )
    attended_count = fields.Integer(
        compute="_compute_figures", store=True, aggregator="sum"
    )
    female_count = fields.Integer(
        compute="_compute_figures",
        store=True,
        aggregator="sum",
        help="Attended participants who are women.",
    )
    attendance_rate = fields.Float(
        string="Attendance (%)",
        compute="_compute_figures",
        store=True,
        aggregator="avg",
    )
    female_share = fields.Float(
        string="Women among participants (%)",
        compute="_compute_figures",
        store=True,
        aggregator="avg",
        help="Share of women among attended participants whose gender is known "
        "('undisclosed' is left out).",
    )
    scored_count = fields.Integer(
        string="Participants tested",
        compute="_compute_figures",
        store=True,
        help="Attended participants with both test scores recorded.",
    )
    average_score_gain = fields.Float(
        string="Average score gain",
        compute="_compute_figures",
        store=True,
        aggregator="avg",
        help="Post-test minus pre-test score, averaged over attended participants "
        "with both scores recorded.",
    )
    is_tripartite = fields.Boolean(
        string="Tripartite",
        compute="_compute_figures",
        store=True,
        help="Attended participants include government, employers' and workers' "
        "representatives.",
    )

    @api.constrains("date_start", "date_end")
    def _check_training_dates(self):
        self._check_dates("date_start", "date_end")

    @api.depends(
        "participant_ids.attended",
        "participant_ids.gender",
        "participant_ids.constituent_group",
        "participant_ids.scores_recorded",
        "participant_ids.pre_score",
        "participant_ids.post_score",
    )
    def _compute_figures(self):
        for training in self:
            figures = self._figures(training.participant_ids)
            training.update(figures)

    @staticmethod
    def _figures(participants):
        """The training's figures from its participants (pure arithmetic)."""
        attended = participants.filtered("attended")
        by_gender = Counter(attended.mapped("gender"))
        scored = attended.filtered("scores_recorded")
        groups = set(attended.mapped("constituent_group"))
        return {
            "participant_count": len(participants),
            "attended_count": len(attended),
            "female_count": by_gender["female"],
            "attendance_rate": 100.0 * len(attended) / len(participants)
            if participants
            else 0.0,
            "female_share": women_share(by_gender),
            "scored_count": len(scored),
            "average_score_gain": sum(p.post_score - p.pre_score for p in scored)
            / len(scored)
            if scored
            else 0.0,
            "is_tripartite": TRIPARTITE <= groups,
        }

    def action_start(self):
        return self._transition(["planned"], "ongoing")

    def action_done(self):
        return self._transition(["ongoing"], "done")

    def action_cancel(self):
        return self._transition(["planned", "ongoing"], "cancelled")

    def action_plan(self):
        return self._transition(["cancelled"], "planned")

    def _history_reason(self):
        return self.env._("the training took place; its participants are reported.")
