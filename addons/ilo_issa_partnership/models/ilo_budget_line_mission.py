# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class IloBudgetLine(models.Model):
    """A budget line proposed from a mission's cost estimate: finance confirms it
    (the planned amount, which it may correct), the mission's approval commits it."""

    _inherit = "ilo.budget.line"

    mission_proposal = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("confirmed", "Confirmed"),
            ("committed", "Committed"),
        ],
        string="Mission estimate",
        readonly=True,
        copy=False,
        tracking=True,
        help="Proposed when the mission was submitted; confirmed by finance; "
        "committed when the mission is approved.",
    )
    amount_proposed = fields.Monetary(
        string="Proposed (estimate)", readonly=True, copy=False, tracking=True
    )

    def action_confirm_proposal(self):
        proposed = self.filtered(lambda line: line.mission_proposal == "proposed")
        for line in proposed:
            planned = line.amount_planned or line.amount_proposed
            line.write({"amount_planned": planned, "mission_proposal": "confirmed"})
        return True
