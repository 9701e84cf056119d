# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .c102_country import STAGES


class C102StageHistory(models.Model):
    """A country entered a campaign stage on a date: written by every stage change
    of ``c102.country``; the outlook learns from these how long countries take
    between stages. The date can be corrected (a stage reached before the country
    was recorded); the stage itself is the record's history and stays as written."""

    _name = "c102.stage.history"
    _inherit = ["ilo.input.check.mixin"]
    _description = "C102 Stage History"
    _order = "c102_country_id, date desc, id desc"
    _rec_name = "stage"

    c102_country_id = fields.Many2one(
        "c102.country", string="Country", required=True, ondelete="cascade", index=True
    )
    stage = fields.Selection(STAGES, string="Stage entered", required=True)
    previous_stage = fields.Selection(STAGES, string="From")
    date = fields.Date(required=True, default=fields.Date.context_today)
    user_id = fields.Many2one(
        "res.users", string="Recorded by", default=lambda self: self.env.user
    )
