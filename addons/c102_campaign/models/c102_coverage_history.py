# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .c102_coverage import OBSERVATION_STATUSES


class C102CoverageHistory(models.Model):
    """A coverage figure replaced by a newer import of the same country,
    contingency, sex and year: what it was, and when it was replaced."""

    _name = "c102.coverage.history"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Effective Coverage: Replaced Figure"
    _order = "coverage_id, replaced_on desc, id desc"

    coverage_id = fields.Many2one(
        "c102.coverage", required=True, ondelete="cascade", index=True
    )
    value = fields.Float(string="Coverage (%)", digits=(16, 1), aggregator=None)
    observation_status = fields.Selection(OBSERVATION_STATUSES)
    source = fields.Char()
    note = fields.Char()
    replaced_on = fields.Datetime(required=True, default=fields.Datetime.now)
    replaced_by_uid = fields.Many2one(
        "res.users", string="Replaced by", default=lambda self: self.env.user
    )
