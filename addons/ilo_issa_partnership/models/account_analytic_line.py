# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .res_users import PARTNERSHIP_USERS


class AccountAnalyticLine(models.Model):
    _name = "account.analytic.line"
    _inherit = ["account.analytic.line", "ilo.input.check.mixin"]

    ilo_budget_line_id = fields.Many2one(
        "ilo.budget.line",
        string="Activity budget line",
        index="btree_not_null",
        ondelete="restrict",
        help="The activity budget line this cost is actual spend of. The analytic "
        "line must be posted on the project's analytic account.",
        groups=PARTNERSHIP_USERS,
    )

    @api.model
    def _ilo_checked_fields(self):
        return (super()._ilo_checked_fields() or set()) | self._ilo_fields_of(
            "ilo_issa_partnership"
        )

    @api.constrains("ilo_budget_line_id", "account_id")
    def _check_ilo_budget_line(self):
        # sudo: analytic lines are also edited by accountants outside the partnership
        for line in self.sudo().filtered("ilo_budget_line_id"):
            project = line.ilo_budget_line_id.project_id
            if not project.account_id or line.account_id != project.account_id:
                raise ValidationError(
                    self.env._(
                        "%(line)s: spend of budget line %(budget)s must be posted on "
                        "the analytic account of project %(project)s (%(account)s).",
                        line=line.name or line.display_name,
                        budget=line.ilo_budget_line_id.display_name,
                        project=project.display_name,
                        account=project.account_id.display_name or self.env._("none"),
                    )
                )
