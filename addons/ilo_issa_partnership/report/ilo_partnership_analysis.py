# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.exceptions import UserError

from ..models.ilo_advisory_mission import MISSION_STATES
from ..models.ilo_deliverable import DELIVERABLE_STATES, FINAL_STATES
from ..models.ilo_training import TRAINING_STATES
from ..models.res_users import FINANCE, LEADERSHIP

# The states of the activities (missions, trainings, deliverables), each once:
# the analysis shows their labels, not their codes.
ACTIVITY_STATES = list(
    dict(MISSION_STATES + TRAINING_STATES + DELIVERABLE_STATES).items()
)

# Who sees money in reports: finance and leadership (and managers, who have both).
FINANCIAL = f"{FINANCE},{LEADERSHIP}"


class IloPartnershipAnalysis(models.Model):
    """One row per partnership activity (mission, training, deliverable)."""

    _name = "ilo.partnership.analysis"
    _inherit = ["ilo.group.order.mixin", "ilo.input.check.mixin"]
    _description = "Partnership Analysis"
    _auto = False
    _order = "date desc"

    activity_type = fields.Selection(
        [
            ("mission", "Advisory mission"),
            ("training", "Training"),
            ("deliverable", "Deliverable"),
        ],
        readonly=True,
    )
    name = fields.Char(readonly=True)
    project_id = fields.Many2one("project.project", readonly=True)
    collaboration_area_id = fields.Many2one(
        "ilo.collaboration.area", string="Area", readonly=True
    )
    country_id = fields.Many2one("res.country", readonly=True)
    cpo_code = fields.Char(related="project_id.cpo_code", string="CPO code")
    company_id = fields.Many2one("res.company", readonly=True)
    date = fields.Date(readonly=True)
    year = fields.Integer(readonly=True, aggregator=None)
    state = fields.Selection(ACTIVITY_STATES, readonly=True)
    lead_organisation = fields.Selection(
        [("ilo", "ILO"), ("issa", "ISSA"), ("joint", "Joint ILO-ISSA")], readonly=True
    )
    date_due = fields.Date(
        string="Due",
        readonly=True,
        help="When an activity still open must be done: the end of an approved or "
        "ongoing mission, the deadline of a deliverable not yet accepted, published or "
        "cancelled.",
    )
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        search="_search_is_late",
        help="Due before today (in the user's day).",
    )
    is_over_budget = fields.Boolean(readonly=True, groups=FINANCIAL)
    currency_id = fields.Many2one(
        "res.currency",
        string="Reporting currency",
        readonly=True,
        help="The programme's reporting currency (system parameter "
        "ilo_issa_partnership.reporting_currency): budgets of every company and "
        "currency are added in it only, each line at the rate of its start.",
    )
    budget_planned = fields.Monetary(
        string="Planned (reporting currency)", readonly=True, groups=FINANCIAL
    )
    budget_actual = fields.Monetary(
        string="Actual (reporting currency)", readonly=True, groups=FINANCIAL
    )
    participant_count = fields.Integer(readonly=True)
    attended_count = fields.Integer(readonly=True)
    female_count = fields.Integer(string="Women", readonly=True)
    is_tripartite = fields.Boolean(string="Tripartite", readonly=True)
    activity_count = fields.Integer(string="Activities", readonly=True)

    def init(self):
        """The view, from ``_with``, ``_select``, ``_from``, ``_where`` and
        ``_group_by`` (each extensible through ``super()``, as Odoo's analyses)."""
        tools.drop_view_if_exists(self.env.cr, self._table)
        where = self._where()
        group_by = self._group_by()
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
            {self._with()}
            SELECT {self._select()}
              FROM {self._from()}
            {f"WHERE {where}" if where else ""}
            {f"GROUP BY {group_by}" if group_by else ""}
            )
            """,
            self._query_params(),
        )

    def _query_params(self):
        reporting = self.env["ilo.budget.line"]._ilo_reporting_currency()
        return {"final": FINAL_STATES, "reporting": reporting.id}

    def _with(self):
        """The budget per activity in the reporting currency (never company
        amounts: companies keep different currencies), and the activities
        (missions, trainings, deliverables) as rows of one shape.

        One budget per kind of activity, grouped by its activity alone (a line has
        at most one activity): each is then unique on the column it is joined by, so
        PostgreSQL leaves the budget out of a query that reads no amount (a count
        of activities reads the 20,000 activities, not the 200,000 budget lines);
        and the row's id is computed from the activity's, not numbered over the
        whole view, which would read every row first."""
        return """
            WITH mission_budget AS (
                SELECT mission_id, SUM(amount_planned_reporting) AS planned,
                       SUM(amount_actual_reporting) AS actual
                  FROM ilo_budget_line
                 WHERE mission_id IS NOT NULL
              GROUP BY mission_id
            ), training_budget AS (
                SELECT training_id, SUM(amount_planned_reporting) AS planned,
                       SUM(amount_actual_reporting) AS actual
                  FROM ilo_budget_line
                 WHERE training_id IS NOT NULL
              GROUP BY training_id
            ), deliverable_budget AS (
                SELECT deliverable_id, SUM(amount_planned_reporting) AS planned,
                       SUM(amount_actual_reporting) AS actual
                  FROM ilo_budget_line
                 WHERE deliverable_id IS NOT NULL
              GROUP BY deliverable_id
            ), activity AS (
                SELECT 'mission' AS activity_type, 3 * m.id AS id, m.id AS res_id,
                       m.name, m.project_id, m.country_id, m.date_start AS date,
                       m.state,
                       CASE WHEN m.state IN ('approved', 'ongoing')
                            THEN m.date_end END AS date_due,
                       b.planned, b.actual,
                       0 AS participant_count, 0 AS attended_count, 0 AS female_count,
                       false AS is_tripartite
                  FROM ilo_advisory_mission m
             LEFT JOIN mission_budget b ON b.mission_id = m.id
                 UNION ALL
                SELECT 'training', 3 * t.id + 1, t.id, t.name, t.project_id,
                       t.country_id, t.date_start, t.state, NULL, b.planned, b.actual,
                       t.participant_count, t.attended_count, t.female_count,
                       t.is_tripartite
                  FROM ilo_training t
             LEFT JOIN training_budget b ON b.training_id = t.id
                 UNION ALL
                SELECT 'deliverable', 3 * d.id + 2, d.id, d.name, d.project_id, NULL,
                       d.date_deadline, d.state,
                       CASE WHEN d.state NOT IN %(final)s THEN d.date_deadline END,
                       b.planned, b.actual,
                       0, 0, 0, false
                  FROM ilo_deliverable d
             LEFT JOIN deliverable_budget b ON b.deliverable_id = d.id
            )
        """

    def _select(self):
        return """
                   a.id, a.activity_type, a.name, a.project_id,
                   p.collaboration_area_id, a.country_id, p.company_id,
                   %(reporting)s AS currency_id, a.date,
                   EXTRACT(YEAR FROM a.date)::int AS year, a.state,
                   p.lead_organisation, a.date_due,
                   COALESCE(a.actual, 0) > COALESCE(a.planned, 0) AS is_over_budget,
                   COALESCE(a.planned, 0) AS budget_planned,
                   COALESCE(a.actual, 0) AS budget_actual,
                   a.participant_count, a.attended_count, a.female_count,
                   a.is_tripartite, 1 AS activity_count
        """

    def _from(self):
        return """
                   activity a
              JOIN project_project p ON p.id = a.project_id
        """

    def _where(self):
        return ""

    def _group_by(self):
        return ""

    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for row in self:
            row.is_late = bool(row.date_due and row.date_due < today)

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or value not in (True, False):
            raise UserError(
                self.env._("Search late activities with = or != True or False.")
            )
        today = fields.Date.context_today(self)
        if (operator == "=") == bool(value):
            return [("date_due", "<", today)]
        return ["|", ("date_due", "=", False), ("date_due", ">=", today)]
