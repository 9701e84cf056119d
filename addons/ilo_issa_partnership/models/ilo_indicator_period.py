# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..rules import women_share
from .res_users import MANAGER

_lt = LazyTranslate(__name__)

PERIOD_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
]
# Who the people counted are: by sex and by constituent group.
DISAGGREGATION_FIELDS = (
    "actual_female",
    "actual_male",
    "actual_government",
    "actual_employer",
    "actual_worker",
    "actual_ssi",
)
# What an automatic source counts (Recount), never entered by hand for it.
ACTUAL_FIELDS = ("actual_value", *DISAGGREGATION_FIELDS)
GROUP_FIELDS = {
    "government": "actual_government",
    "employer": "actual_employer",
    "worker": "actual_worker",
    "social_security_institution": "actual_ssi",
}


class IloIndicatorPeriod(models.Model):
    """A reporting period of an indicator: target, actual, approval."""

    _name = "ilo.indicator.period"
    _description = "Indicator Period"
    _inherit = [
        "ilo.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "ilo.input.check.mixin",
    ]
    _order = "indicator_id, date_start, id"
    _locked_states = ("submitted", "approved")
    _lock_exempt_fields = frozenset(
        {"message_main_attachment_id", "message_follower_ids", "activity_ids"}
        | {"approved_by_id", "date_approved"}
    )
    _approval_state = "submitted"
    _workflow_waiting = {
        "submitted": (
            MANAGER,
            _lt(
                "Submitted: waiting for a partnership manager to approve these "
                "figures (or refuse them back to draft)."
            ),
        )
    }
    _rec_names_search = ["indicator_id"]

    indicator_id = fields.Many2one(
        "ilo.indicator", required=True, index=True, ondelete="cascade", tracking=True
    )
    measure = fields.Selection(related="indicator_id.measure")
    source = fields.Selection(related="indicator_id.source")
    disaggregate_sex = fields.Boolean(related="indicator_id.disaggregate_sex")
    disaggregate_group = fields.Boolean(related="indicator_id.disaggregate_group")
    result_id = fields.Many2one(related="indicator_id.result_id", store=True)
    project_id = fields.Many2one(
        related="indicator_id.project_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="indicator_id.company_id", store=True, index=True
    )
    collaboration_area_id = fields.Many2one(
        related="indicator_id.collaboration_area_id", store=True, index=True
    )
    date_start = fields.Date(string="From", required=True, tracking=True)
    date_end = fields.Date(string="To", required=True, tracking=True)
    # figures of different indicators and units: never summed in grouped lists
    target_value = fields.Float(string="Target", tracking=True, aggregator=None)
    actual_value = fields.Float(string="Actual", tracking=True, aggregator=None)
    actual_female = fields.Float(string="Women", tracking=True)
    actual_male = fields.Float(string="Men", tracking=True)
    actual_government = fields.Float(string="Governments", tracking=True)
    actual_employer = fields.Float(string="Employers' organisations", tracking=True)
    actual_worker = fields.Float(string="Workers' organisations", tracking=True)
    actual_ssi = fields.Float(string="Social security institutions", tracking=True)
    actual_comment = fields.Text(
        string="Comment",
        help="What the figure means, its source, or the "
        "qualitative result of the period.",
    )
    state = fields.Selection(
        PERIOD_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Date(readonly=True, copy=False)

    @api.depends("indicator_id", "date_start", "date_end")
    def _compute_display_name(self):
        for period in self:
            period.display_name = self.env._(
                "%(indicator)s, %(start)s to %(end)s",
                indicator=period.indicator_id.name or "",
                start=period.date_start or "",
                end=period.date_end or "",
            )

    # ------------------------------------------------------------------ checks
    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for period in self:
            start, end = period.date_start, period.date_end
            if not (start and end):
                continue  # both are required: the database refuses an empty one
            if end < start:
                raise ValidationError(
                    self.env._(
                        "%(period)s: the period ends before it starts.",
                        period=period.display_name,
                    )
                )
            if end >= start + relativedelta(years=1):
                raise ValidationError(
                    self.env._(
                        "%(period)s: a reporting period lasts at most one year.",
                        period=period.display_name,
                    )
                )
            other = self.search(
                [
                    ("indicator_id", "=", period.indicator_id.id),
                    ("id", "!=", period.id),
                    ("date_start", "<=", end),
                    ("date_end", ">=", start),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "%(period)s overlaps another period of the same indicator "
                        "(%(start)s to %(end)s).",
                        period=period.display_name,
                        start=other.date_start,
                        end=other.date_end,
                    )
                )

    @api.constrains("target_value", *ACTUAL_FIELDS)
    def _check_values(self):
        for period in self:
            indicator = period.indicator_id
            indicator._raise_value_error(self.env._("The target"), period.target_value)
            indicator._raise_value_error(self.env._("The actual"), period.actual_value)
            for name in DISAGGREGATION_FIELDS:
                if period[name] < 0:
                    raise ValidationError(
                        self.env._(
                            "%(period)s: %(figure)s cannot be negative.",
                            period=period.display_name,
                            figure=period._fields[name]._description_string(self.env),
                        )
                    )

    def write(self, vals):
        if set(vals) & set(ACTUAL_FIELDS) and not self.env.su:
            self._check_actuals_typed()
        return super().write(vals)

    def _locked_message(self):
        """Approved figures are frozen; submitted ones wait for the manager."""
        if self.state == "approved":
            return self.env._(
                "%(period)s is approved: its figures are frozen. A manager "
                "can send it back to draft first.",
                period=self.display_name,
            )
        return self.env._(
            "%(period)s is submitted: its figures wait for the manager's "
            "approval. Send it back to draft to change them.",
            period=self.display_name,
        )

    def _check_actuals_typed(self):
        """Automatic actuals come from the programme (Recount), not from the user."""
        for period in self:
            if period.indicator_id.source != "manual":
                raise UserError(
                    self.env._(
                        "%(period)s: the actuals of this indicator are counted from "
                        "the programme; use Recount instead of entering them.",
                        period=period.display_name,
                    )
                )

    def _check_approved_unlink(self):
        approved = self.filtered(lambda p: p.state == "approved")
        if approved:
            raise UserError(
                self.env._(
                    "%(period)s is approved and cannot be deleted (it is part of the "
                    "project's reported results); archive the indicator instead.",
                    period=approved[0].display_name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_approved(self):
        self._check_approved_unlink()

    # ------------------------------------------------------------------ actuals
    def _programme_actuals(self):
        """The figures counted from the programme for each period whose indicator
        has an automatic source: {period: {field: value}}."""
        result = {}
        for period in self:
            source = period.indicator_id.source
            if source and source != "manual":
                result[period] = period._count_source(source)
        return result

    def _count_source(self, source):
        """Count ``source`` for this period's project between its dates, by the
        method ``_count_<source>`` (an addon adds a source by adding its method)."""
        self.ensure_one()
        counter = getattr(self, f"_count_{source}", None)
        if counter is None:
            raise UserError(
                self.env._(
                    "%(period)s: no way to count the actuals of source %(name)s.",
                    period=self.display_name,
                    name=source,
                )
            )
        return counter()

    def _attended_participants(self, groupby):
        """Attended participants of this period's project in trainings done (ended)
        between its dates, counted by ``groupby``: {key: count}."""
        groups = self.env["ilo.training.participant"]._read_group(
            [
                ("training_id.project_id", "=", self.project_id.id),
                ("training_id.state", "=", "done"),
                ("training_id.date_end", ">=", self.date_start),
                ("training_id.date_end", "<=", self.date_end),
                ("attended", "=", True),
            ],
            [groupby],
            ["__count"],
        )
        return dict(groups)

    def _count_people_trained(self):
        by_gender = self._attended_participants("gender")
        by_group = self._attended_participants("constituent_group")
        values = {
            "actual_value": sum(by_gender.values()),
            "actual_female": by_gender.get("female", 0),
            "actual_male": by_gender.get("male", 0),
        }
        for group, field in GROUP_FIELDS.items():
            values[field] = by_group.get(group, 0)
        return values

    def _count_women_share(self):
        share = women_share(self._attended_participants("gender"))
        return {"actual_value": round(share, 1)}

    def _published_deliverables(self, extra_domain=()):
        return self.env["ilo.deliverable"].search_count(
            [
                ("project_id", "=", self.project_id.id),
                ("state", "=", "published"),
                ("date_published", ">=", self.date_start),
                ("date_published", "<=", self.date_end),
                *extra_domain,
            ]
        )

    def _count_deliverables_published(self):
        return {"actual_value": self._published_deliverables()}

    def _count_guidelines_published(self):
        guidelines = [("deliverable_type", "=", "guideline")]
        return {"actual_value": self._published_deliverables(guidelines)}

    def _count_missions_done(self):
        count = self.env["ilo.advisory.mission"].search_count(
            [
                ("project_id", "=", self.project_id.id),
                ("state", "=", "done"),
                ("date_end", ">=", self.date_start),
                ("date_end", "<=", self.date_end),
            ]
        )
        return {"actual_value": count}

    def action_refresh_actuals(self):
        self.check_access("write")  # also when nothing is counted automatically
        counted = self._programme_actuals()
        self.browse([p.id for p in counted])._check_states(
            ["draft"], self.env._("Recount")
        )
        for period, values in counted.items():
            period._workflow_write(values)
        return True

    # ------------------------------------------------------------------ workflow
    def action_submit(self):
        self._check_states(["draft"], self._state_label("submitted"))
        self.action_refresh_actuals()
        return self._transition(["draft"], "submitted")

    def action_approve(self):
        self._check_group(MANAGER, self.env._("approve indicator periods"))
        return self._transition(
            ["submitted"],
            "approved",
            {
                "approved_by_id": self.env.user.id,
                "date_approved": fields.Date.context_today(self),
            },
        )

    def action_refuse(self):
        self._check_group(MANAGER, self.env._("refuse indicator periods"))
        return self._transition(["submitted"], "draft", outcome=self.env._("Refused"))

    def action_reset_draft(self):
        label = self.env._("send approved periods back to draft")
        self._check_group(MANAGER, label, states=["approved"])
        unapproved = {"approved_by_id": False, "date_approved": False}
        return self._transition(["submitted", "approved"], "draft", unapproved)
