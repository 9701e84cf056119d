# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    ilo_budget_line_id = fields.Many2one(
        "ilo.budget.line",
        string="Activity budget line",
        index="btree_not_null",
        ondelete="restrict",
        help="The activity budget line this cost is actual spend of. The analytic "
        "line must be posted on the project's analytic account.",
    )

    @api.constrains("ilo_budget_line_id", "account_id")
    def _check_ilo_budget_line(self):
        for line in self.filtered("ilo_budget_line_id"):
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
