# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools

from .ilo_advisory_mission import MISSION_STATES
from .ilo_training import TRAINING_STATES

ACTIVITY_KINDS = [("mission", "Mission"), ("training", "Training")]
# a mission's or a training's state
SLOT_STATES = MISSION_STATES + [s for s in TRAINING_STATES if s not in MISSION_STATES]


class IloPlanningSlot(models.Model):
    """One person on one activity (a mission's team member, a training's
    responsible officer), for the team timeline; flagged when the person has
    another activity at the same dates (a shared day counts, as in
    ``rules.planning.conflicts``). Cancelled and archived activities are left out."""

    _name = "ilo.planning.slot"
    _description = "Team Planning Slot"
    _inherit = ["ilo.timeline.mixin"]
    _auto = False
    _order = "date_start, user_id"

    kind = fields.Selection(ACTIVITY_KINDS, readonly=True)
    name = fields.Char(readonly=True)
    user_id = fields.Many2one("res.users", string="Team member", readonly=True)
    mission_id = fields.Many2one("ilo.advisory.mission", readonly=True)
    training_id = fields.Many2one("ilo.training", readonly=True)
    project_id = fields.Many2one("project.project", readonly=True)
    collaboration_area_id = fields.Many2one("ilo.collaboration.area", readonly=True)
    country_id = fields.Many2one("res.country", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_start = fields.Date(string="Start", readonly=True)
    date_end = fields.Date(string="End", readonly=True)
    state = fields.Selection(SLOT_STATES, readonly=True)
    has_conflict = fields.Boolean(string="Conflict", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE VIEW {self._table} AS (
            WITH slots AS (
                SELECT 'mission' AS kind, m.id AS mission_id,
                       NULL::integer AS training_id, rel.user_id, m.name,
                       m.project_id, m.collaboration_area_id,
                       m.country_id, m.company_id, m.date_start, m.date_end, m.state
                  FROM ilo_advisory_mission m
                  JOIN ilo_advisory_mission_member_rel rel ON rel.mission_id = m.id
                 WHERE m.active AND m.state != 'cancelled'
                   AND m.date_start IS NOT NULL AND m.date_end IS NOT NULL
                UNION ALL
                SELECT 'training', NULL, t.id, t.user_id, t.name, t.project_id,
                       t.collaboration_area_id, t.country_id, t.company_id,
                       t.date_start, t.date_end, t.state
                  FROM ilo_training t
                 WHERE t.active AND t.state != 'cancelled' AND t.user_id IS NOT NULL
                   AND t.date_start IS NOT NULL AND t.date_end IS NOT NULL
            )
            SELECT row_number() OVER (
                       ORDER BY s.kind, s.mission_id, s.training_id, s.user_id
                   ) AS id,
                   s.*,
                   EXISTS (
                       SELECT 1 FROM slots o
                        WHERE o.user_id = s.user_id
                          AND o.date_start <= s.date_end AND o.date_end >= s.date_start
                          AND (o.kind, COALESCE(o.mission_id, o.training_id))
                              <> (s.kind, COALESCE(s.mission_id, s.training_id))
                   ) AS has_conflict
              FROM slots s
            )
            """
        )

    def action_open_activity(self):
        self.ensure_one()
        record = self.mission_id or self.training_id
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
