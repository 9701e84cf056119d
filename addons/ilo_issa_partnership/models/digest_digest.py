# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import format_date

from .res_users import PARTNERSHIP_USERS

# How many records an exception section of the digest lists before "and N more".
EXCEPTION_LINES = 10


class DigestDigest(models.Model):
    """The partnership's weekly digest (Odoo's *Digest Emails*): key figures for
    leadership and managers, and the exceptions that need a decision, each line
    linking to its record. Sent in each recipient's language by Odoo's digest."""

    _name = "digest.digest"
    _inherit = ["digest.digest", "ilo.input.check.mixin"]

    kpi_ilo_delivery_rate = fields.Boolean(
        "Delivery rate (%)", groups=PARTNERSHIP_USERS
    )
    kpi_ilo_delivery_rate_value = fields.Float(
        compute="_compute_kpi_ilo_delivery_rate_value",
        groups=PARTNERSHIP_USERS,
        export_string_translation=False,
    )
    kpi_ilo_missions_completed = fields.Boolean(
        "Missions completed", groups=PARTNERSHIP_USERS
    )
    kpi_ilo_missions_completed_value = fields.Integer(
        compute="_compute_kpi_ilo_missions_completed_value",
        groups=PARTNERSHIP_USERS,
        export_string_translation=False,
    )
    kpi_ilo_people_trained = fields.Boolean("People trained", groups=PARTNERSHIP_USERS)
    kpi_ilo_people_trained_value = fields.Integer(
        compute="_compute_kpi_ilo_people_trained_value",
        groups=PARTNERSHIP_USERS,
        export_string_translation=False,
    )
    ilo_exceptions = fields.Boolean(
        "Partnership exceptions",
        groups=PARTNERSHIP_USERS,
        help="List what needs a decision: budget lines over budget, projects off "
        "track, late deliverables, result periods not reported, missions without a "
        "back-to-office report.",
    )

    def _ilo_period(self):
        """The KPI's timeframe as dates (Odoo's digest passes datetimes)."""
        start, end, _companies = self._get_kpi_compute_parameters()
        return fields.Date.to_date(start[:10]), fields.Date.to_date(end[:10])

    def _ilo_check_access(self, group=PARTNERSHIP_USERS):
        """Odoo's digest skips a KPI for a recipient it raises AccessError for."""
        if not self.env.user._ilo_has_role(group):
            raise AccessError(self.env._("Partnership figures are for its users."))

    def _compute_kpi_ilo_delivery_rate_value(self):
        """Actual against planned over the budget lines running in the timeframe
        (finance and leadership only)."""
        if not self.env.user._ilo_sees_money():
            raise AccessError(
                self.env._("The delivery rate is for finance and leadership.")
            )
        start, end = self._ilo_period()
        [(planned, actual)] = self.env["ilo.budget.line"]._read_group(
            [("date_from", "<", end), ("date_to", ">=", start)],
            aggregates=["amount_planned_company:sum", "amount_actual_company:sum"],
        )
        self.kpi_ilo_delivery_rate_value = 100.0 * actual / planned if planned else 0.0

    def _compute_kpi_ilo_missions_completed_value(self):
        self._ilo_check_access()
        start, end = self._ilo_period()
        self.kpi_ilo_missions_completed_value = self.env[
            "ilo.advisory.mission"
        ].search_count(
            [("state", "=", "done"), ("date_end", ">=", start), ("date_end", "<", end)]
        )

    def _compute_kpi_ilo_people_trained_value(self):
        """Attended participants of trainings done that ended in the timeframe."""
        self._ilo_check_access()
        start, end = self._ilo_period()
        self.kpi_ilo_people_trained_value = self.env[
            "ilo.training.participant"
        ].search_count(
            [
                ("attended", "=", True),
                ("training_id.state", "=", "done"),
                ("training_id.date_end", ">=", start),
                ("training_id.date_end", "<", end),
            ]
        )

    def _compute_kpis_actions(self, company, user):
        actions = super()._compute_kpis_actions(company, user)
        for kpi in ("delivery_rate", "missions_completed", "people_trained"):
            actions[f"kpi_ilo_{kpi}"] = (
                "ilo_issa_partnership.ilo_partnership_analysis_action"
            )
        return actions

    @api.model
    def _ilo_link(self, record):
        return f"{record.get_base_url()}/odoo/{record._name}/{record.id}"

    @api.model
    def _ilo_section(self, title, records, reason=None):
        """One exception section: its title, its first lines (label, why, link)
        and how many more there are."""
        return {
            "title": title,
            "lines": [
                {
                    "label": record.display_name,
                    "reason": reason(record) if reason else "",
                    "url": self._ilo_link(record),
                }
                for record in records[:EXCEPTION_LINES]
            ],
            "more": self.env._(
                "and %(count)s more", count=len(records) - EXCEPTION_LINES
            )
            if len(records) > EXCEPTION_LINES
            else "",
        }

    def _ilo_exception_records(self):
        """{section key: records} of what needs a decision, as the reader sees it."""
        env = self.env
        today = fields.Date.context_today(self)
        projects = env["project.project"].search([("is_partnership", "=", True)])
        found = {
            "off_track": projects.filtered(lambda p: p.ilo_status == "off_track"),
            "late": env["ilo.deliverable"].search(
                [("is_late", "=", True)], order="date_deadline"
            ),
            "not_reported": env["ilo.indicator.period"].search(
                [("state", "=", "draft"), ("date_end", "<", today)], order="date_end"
            ),
            "no_report": env["ilo.advisory.mission"].search(
                [("state", "=", "done"), ("back_to_office_report", "=", False)],
                order="date_end",
            ),
        }
        if env.user._ilo_sees_money():
            found["over_budget"] = env["ilo.budget.line"].search(
                [("is_over_budget", "=", True)]
            )
        return found

    def _action_send_to_user(self, user, tips_count=1, consume_tips=True):
        """Odoo's digest renders ``digest.digest_mail_main`` with the values of its
        ``_compute_kpis``, ``_compute_tips`` and ``_compute_preferences`` for the
        recipient; the exceptions are computed the same way, for the recipient, and
        reach the template through the rendering context (``ctx['ilo_exceptions']``):
        the template calls no method."""
        exceptions = self._compute_ilo_exceptions(user.company_id, user)
        return super(
            DigestDigest, self.with_context(ilo_exceptions=exceptions)
        )._action_send_to_user(user, tips_count=tips_count, consume_tips=consume_tips)

    def _compute_ilo_exceptions(self, company, user):
        """The exception sections of the digest for ``user`` (none unless the
        digest lists exceptions and the user is a partnership user), as Odoo's
        ``_compute_tips(company, user)``: ``[{title, lines: [{label, reason,
        url}], more}]``."""
        self.ensure_one()
        digest = self.with_user(user)
        if not (self.sudo().ilo_exceptions and user._ilo_is_partnership_user()):
            return []
        _ = digest.env._
        found = digest._ilo_exception_records()
        titles = {
            "over_budget": _("Budget lines over budget"),
            "off_track": _("Projects off track"),
            "late": _("Deliverables late"),
            "not_reported": _("Result periods not reported"),
            "no_report": _("Missions without a back-to-office report"),
        }
        reasons = {
            "off_track": lambda project: project.ilo_status_reasons or "",
            "late": lambda deliverable: _(
                "due %(date)s", date=format_date(digest.env, deliverable.date_deadline)
            ),
        }
        return [
            digest._ilo_section(titles[key], records, reasons.get(key))
            for key, records in found.items()
            if records
        ]

    @api.model
    def _ilo_checked_fields(self):
        """The digest's KPI switches this addon adds are checked (a text or a
        mapping is not a yes/no); Odoo's own fields keep Odoo's behaviour."""
        return (super()._ilo_checked_fields() or set()) | self._ilo_fields_of(
            "ilo_issa_partnership"
        )
