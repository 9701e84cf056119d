# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class IloBudgetLine(models.Model):
    """Actual spend on a budget line: what finance needs to enter a cost from the
    line's form (the cost is posted on the project's analytic account)."""

    _inherit = "ilo.budget.line"

    project_account_id = fields.Many2one(
        related="project_id.account_id", string="Project analytic account"
    )
