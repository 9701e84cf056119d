# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.ilo_issa_partnership.models.res_users import PARTNERSHIP_USERS


class HrExpense(models.Model):
    """An expense can be a partnership mission's travel cost: it shows on the mission,
    and its analytic distribution follows the mission's travel budget line."""

    _inherit = "hr.expense"

    ilo_mission_id = fields.Many2one(
        "ilo.advisory.mission",
        string="Mission",
        index="btree_not_null",
        ondelete="restrict",
        check_company=True,
        domain=[("state", "!=", "cancelled")],
        tracking=True,
        help="The partnership mission this expense is a travel cost of: it shows on "
        "the mission, and is distributed on the mission's travel budget line.",
        groups=PARTNERSHIP_USERS,
    )

    @api.depends("ilo_mission_id")
    def _compute_analytic_distribution(self):
        """A mission's expense is distributed on the mission's travel budget line
        (project, funding source and travel accounts) when it has one."""
        res = super()._compute_analytic_distribution()
        for expense in self.filtered("ilo_mission_id"):
            distribution = expense.ilo_mission_id._ilo_travel_distribution()
            if distribution:
                expense.analytic_distribution = distribution
        return res
