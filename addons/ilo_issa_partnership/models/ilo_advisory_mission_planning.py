# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount, format_date

from ..rules.planning import Slot, conflicts, cost_estimate, public_holidays, report_due
from ..rules.planning import nights as planning_nights

CHECKLIST_PLAN = "ilo_issa_partnership.mail_activity_plan_mission_checklist"
# the fields whose change moves the team's calendar event
CALENDAR_FIELDS = {"name", "date_start", "date_end", "member_ids", "user_id", "state"}
TODO = "mail.mail_activity_data_todo"


class IloAdvisoryMission(models.Model):
    """Planning a mission: its cost estimate (DSA rates), the destination's public
    holidays, the team's other activities at the same dates, the checklist and the
    team's calendar once approved."""

    _name = "ilo.advisory.mission"
    _inherit = ["ilo.advisory.mission", "ilo.timeline.mixin"]

    dsa_city = fields.Char(
        string="DSA location",
        help="The city whose daily subsistence allowance applies, when it has its "
        "own rate; empty for the country's rate.",
    )
    funding_source_id = fields.Many2one(
        "ilo.funding.source",
        string="Funding source",
        help="Submitting proposes a budget line for the estimate on this source, "
        "for finance to confirm.",
    )
    ticket_estimate = fields.Monetary(
        string="Tickets (estimate)", currency_field="estimate_currency_id"
    )
    terminal_expenses = fields.Monetary(currency_field="estimate_currency_id")
    dsa_rate_id = fields.Many2one(
        "ilo.dsa.rate", string="DSA rate", compute="_compute_estimate"
    )
    estimate_currency_id = fields.Many2one(
        "res.currency", string="Estimate currency", compute="_compute_estimate"
    )
    estimate_nights = fields.Integer(string="Nights", compute="_compute_estimate")
    estimate_amount = fields.Monetary(
        string="Cost estimate",
        compute="_compute_estimate",
        currency_field="estimate_currency_id",
        help="Nights x DSA rate x team members + terminal expenses + tickets, in "
        "the rate's currency.",
    )
    estimate_amount_company = fields.Monetary(
        string="Cost estimate (company currency)",
        compute="_compute_estimate",
        currency_field="budget_currency_id",
        help="The estimate converted at the departure date.",
    )
    estimate_note = fields.Char(compute="_compute_estimate")
    holiday_warning = fields.Char(
        compute="_compute_holiday_warning", string="Public holidays"
    )
    conflict_warning = fields.Char(compute="_compute_conflicts", string="Conflicts")
    has_conflict = fields.Boolean(
        string="Team conflict",
        compute="_compute_conflicts",
        search="_search_has_conflict",
        help="A team member has another mission or training at the same dates.",
    )
    report_due_date = fields.Date(
        string="Report due",
        compute="_compute_report_due_date",
        store=True,
        help="The back-to-office report is due 14 days after return.",
    )
    calendar_event_id = fields.Many2one(
        "calendar.event",
        string="Team calendar event",
        copy=False,
        readonly=True,
        ondelete="set null",
    )

    @api.constrains("ticket_estimate", "terminal_expenses")
    def _check_estimate_amounts(self):
        for mission in self:
            if mission.ticket_estimate < 0 or mission.terminal_expenses < 0:
                raise ValidationError(
                    self.env._(
                        "%(mission)s: tickets and terminal expenses cannot be "
                        "negative.",
                        mission=mission.display_name,
                    )
                )

    # ------------------------------------------------------------ estimate
    @api.depends(
        "country_id",
        "dsa_city",
        "date_start",
        "date_end",
        "member_ids",
        "ticket_estimate",
        "terminal_expenses",
        "company_id",
    )
    def _compute_estimate(self):
        for mission in self:
            rate = self.env["ilo.dsa.rate"]._find(
                mission.country_id, mission.date_start, mission.dsa_city
            )
            company = mission.company_id or self.env.company
            currency = rate.currency_id or company.currency_id
            nights, total = 0, mission.ticket_estimate + mission.terminal_expenses
            dated = mission.date_start and mission.date_end
            if dated and mission.date_end >= mission.date_start:
                # the nights away, with or without a DSA rate yet
                nights = planning_nights(mission.date_start, mission.date_end)
            if rate and dated and mission.date_end >= mission.date_start:
                estimate = cost_estimate(
                    mission.date_start,
                    mission.date_end,
                    rate.rate,
                    len(mission.member_ids),
                    mission.terminal_expenses,
                    mission.ticket_estimate,
                )
                nights, total = estimate.nights, estimate.total
            mission.update(
                {
                    "dsa_rate_id": rate,
                    "estimate_currency_id": currency,
                    "estimate_nights": nights,
                    "estimate_amount": total,
                    "estimate_amount_company": currency._convert(
                        total,
                        company.currency_id,
                        company,
                        mission.date_start or fields.Date.context_today(self),
                    ),
                    "estimate_note": mission._estimate_note(rate),
                }
            )

    def _estimate_note(self, rate):
        if not (self.country_id and self.date_start and self.date_end):
            return self.env._("Set the country and the dates to estimate the cost.")
        if not rate:
            return self.env._(
                "No daily subsistence allowance rate for %(country)s on %(date)s: "
                "finance adds it (Planning → DSA rates); the estimate counts the "
                "tickets and terminal expenses only.",
                country=self.country_id.name,
                date=format_date(self.env, self.date_start),
            )
        return self.env._(
            "%(nights)s night(s) × %(rate)s (%(place)s) × %(members)s member(s)",
            nights=(self.date_end - self.date_start).days,
            rate=format_amount(self.env, rate.rate, rate.currency_id),
            place=rate.display_name,
            members=len(self.member_ids),
        )

    # ------------------------------------------------------------ holidays
    @api.depends("country_id", "date_start", "date_end")
    @api.depends_context("lang")
    def _compute_holiday_warning(self):
        for mission in self:
            known, days = public_holidays(
                mission.country_id.code,
                mission.date_start,
                mission.date_end,
                self.env.lang,
            )
            mission.holiday_warning = (
                known
                and days
                and self.env._(
                    "Public holidays in %(country)s during the mission: %(days)s.",
                    country=mission.country_id.name,
                    days=", ".join(
                        f"{format_date(self.env, day)} ({name})" for day, name in days
                    ),
                )
                or False
            )

    # ------------------------------------------------------------ conflicts
    @api.depends("member_ids", "date_start", "date_end", "state")
    def _compute_conflicts(self):
        for mission in self:
            others = mission._overlapping_activities()
            mission.has_conflict = bool(others)
            mission.conflict_warning = (
                others
                and self.env._(
                    "Also busy at these dates: %(activities)s.",
                    activities="; ".join(
                        f"{user.name}: {record.display_name} "
                        f"({mission._period_text(record)})"
                        for user, record in others
                    ),
                )
                or False
            )

    def _period_text(self, record):
        start, end = (
            format_date(self.env, d) for d in (record.date_start, record.date_end)
        )
        return f"{start} → {end}"

    def _overlapping_activities(self):
        """[(member, mission or training)]: the other activities of the team at the
        mission's dates (``rules.planning.conflicts``)."""
        self.ensure_one()
        if self.state == "cancelled" or not (self.date_start and self.date_end):
            return []
        team = self.member_ids._origin
        period = [
            ("date_start", "<=", self.date_end),
            ("date_end", ">=", self.date_start),
            ("state", "!=", "cancelled"),
        ]
        missions = self.sudo().search(
            period + [("member_ids", "in", team.ids), ("id", "!=", self._origin.id)]
        )
        trainings = (
            self.env["ilo.training"]
            .sudo()
            .search(period + [("user_id", "in", team.ids)])
        )
        slots = [Slot(None, user.id, self.date_start, self.date_end) for user in team]
        for record in missions:
            slots += [
                Slot(
                    (record._name, record.id),
                    user.id,
                    record.date_start,
                    record.date_end,
                )
                for user in record.member_ids & team
            ]
        slots += [
            Slot((t._name, t.id), t.user_id.id, t.date_start, t.date_end)
            for t in trainings
        ]
        clashing = conflicts(slots).get(None, set())
        return [
            (
                self.env["res.users"].browse(slot.person),
                self.env[slot.key[0]].browse(slot.key[1]),
            )
            for slot in slots
            if slot.key in clashing
        ]

    def _search_has_conflict(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(
                self.env._("Search team conflicts with 'is set' or 'is not set'.")
            )
        self.env.flush_all()
        ids = (
            self.env["ilo.planning.slot"]
            .sudo()
            .search([("has_conflict", "=", True), ("mission_id", "!=", False)])
            .mission_id.ids
        )
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", ids)]

    # ------------------------------------------------------------ report
    @api.depends("date_end")
    def _compute_report_due_date(self):
        for mission in self:
            mission.report_due_date = mission.date_end and report_due(mission.date_end)

    # ------------------------------------------------------------ workflow
    def action_submit(self):
        self._propose_budget_lines()
        return super().action_submit()

    def action_approve(self):
        result = super().action_approve()
        self._commit_budget_proposals()
        self._schedule_checklist()
        return result

    def action_done(self):
        result = super().action_done()
        self._close_report_activity()
        return result

    def _funded(self):
        """A budget line proposed from the estimate funds the mission too: approval
        commits it."""
        funded = super()._funded()
        proposed = (
            self.env["ilo.budget.line"]
            .sudo()
            .search(
                [
                    ("mission_id", "in", (self - funded).ids),
                    ("mission_proposal", "=", "proposed"),
                    ("amount_proposed", ">", 0),
                ]
            )
        )
        return funded | proposed.mission_id

    def _propose_budget_lines(self):
        """A travel budget line for the estimate (in the funding source's currency,
        converted at the departure date), proposed to finance."""
        Line = self.env["ilo.budget.line"].sudo()
        for mission in self.filtered(
            lambda m: m.funding_source_id
            and m.estimate_amount > 0
            and m.date_start
            and m.date_end
        ):
            source = mission.funding_source_id
            amount = mission.estimate_currency_id._convert(
                mission.estimate_amount,
                source.currency_id,
                mission.company_id or self.env.company,
                mission.date_start,
            )
            vals = {
                "funding_source_id": source.id,
                "amount_proposed": amount,
                "date_from": mission.date_start,
                "date_to": mission.date_end,
            }
            line = Line.search(
                [
                    ("mission_id", "=", mission.id),
                    ("mission_proposal", "=", "proposed"),
                ],
                limit=1,
            )
            if line:
                line.write(vals)
            else:
                line = Line.create(
                    {
                        **vals,
                        "project_id": mission.project_id.id,
                        "mission_id": mission.id,
                        "category": "travel",
                        "currency_id": source.currency_id.id,
                        "mission_proposal": "proposed",
                    }
                )
            mission.sudo()._message_log(
                body=self.env._(
                    "Budget line proposed to finance from the estimate: %(amount)s "
                    "on %(funding)s.",
                    amount=format_amount(self.env, amount, source.currency_id),
                    funding=source.display_name,
                )
            )

    def _commit_budget_proposals(self):
        """Approval commits the proposed lines: their planned amount is the one
        finance confirmed, else the proposal."""
        lines = (
            self.env["ilo.budget.line"]
            .sudo()
            .search(
                [
                    ("mission_id", "in", self.ids),
                    ("mission_proposal", "in", ("proposed", "confirmed")),
                ]
            )
        )
        for line in lines:
            line.write(
                {
                    "amount_planned": line.amount_planned or line.amount_proposed,
                    "mission_proposal": "committed",
                }
            )

    # ------------------------------------------------------------ checklist
    def _schedule_checklist(self):
        """The checklist plan's activities for the responsible officer, each due
        relative to departure, and the back-to-office report due 14 days after
        return."""
        plan = self.env.ref(CHECKLIST_PLAN, raise_if_not_found=False)
        quiet = {} if self.env.user.email else {"mail_activity_quick_update": True}
        for mission in self.sudo().with_context(**quiet):
            officer = mission.user_id or self.env.user
            for template in plan.template_ids if plan else []:
                mission.activity_schedule(
                    activity_type_id=template.activity_type_id.id,
                    summary=template.summary,
                    note=template.note,
                    user_id=officer.id,
                    date_deadline=template._get_date_deadline(mission.date_start),
                )
            mission.activity_schedule(
                TODO,
                summary=mission._report_summary(),
                user_id=officer.id,
                date_deadline=mission.report_due_date,
            )
            mission._message_log(
                body=self.env._(
                    "Checklist scheduled for %(officer)s (%(plan)s).",
                    officer=officer.name,
                    plan=plan.name if plan else "-",
                )
            )

    def _report_summary(self):
        return self.env._("Back-to-office report")

    def _close_report_activity(self):
        for mission in self.sudo():
            mission.activity_ids.filtered(
                lambda a, m=mission: a.summary == m._report_summary()
            ).action_feedback(feedback=self.env._("Report written"))

    # ------------------------------------------------------------ team calendar
    def write(self, vals):
        result = super().write(vals)
        if CALENDAR_FIELDS & set(vals):
            self._sync_calendar()
        return result

    def _sync_calendar(self):
        """Approved (ongoing, done) missions have an all-day event with the team as
        attendees, moved with the mission; a mission sent back or cancelled loses
        it."""
        Event = (
            self.env["calendar.event"]
            .sudo()
            .with_context(
                no_mail_to_attendees=True, mail_create_nolog=True, mail_notrack=True
            )
        )
        for mission in self.sudo():
            planned = mission.state in ("approved", "ongoing", "done")
            if not (planned and mission.date_start and mission.date_end):
                mission.calendar_event_id.with_context(
                    no_mail_to_attendees=True
                ).unlink()
                continue
            vals = mission._calendar_values()
            if mission.calendar_event_id:
                mission.calendar_event_id.with_context(no_mail_to_attendees=True).write(
                    vals
                )
            else:
                mission.with_context(
                    calendar_sync=True
                ).calendar_event_id = Event.create(vals)

    def _calendar_values(self):
        return {
            "name": self.env._("Mission: %(mission)s", mission=self.name),
            "allday": True,
            "start": datetime.combine(self.date_start, time(8)),
            "stop": datetime.combine(self.date_end, time(18)),
            "user_id": self.user_id.id,
            "partner_ids": [Command.set(self.member_ids.partner_id.ids)],
            "location": ", ".join(filter(None, [self.dsa_city, self.country_id.name])),
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
        }
