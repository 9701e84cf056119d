# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.ilo_issa_partnership.models.ilo_funding_source_analytic import (
    CATEGORY_ACCOUNT,
)
from odoo.addons.ilo_issa_partnership.models.res_users import PARTNERSHIP_USERS


class IloAdvisoryMission(models.Model):
    """A mission's travel expenses (Odoo Expenses) and their total."""

    _inherit = "ilo.advisory.mission"

    ilo_expense_ids = fields.One2many(
        "hr.expense",
        "ilo_mission_id",
        string="Travel expenses",
        readonly=True,
        groups=PARTNERSHIP_USERS,
    )
    ilo_expense_count = fields.Integer(
        string="Expenses",
        compute="_compute_ilo_expense_total",
        groups=PARTNERSHIP_USERS,
    )
    ilo_expense_total = fields.Monetary(
        string="Travel expenses total",
        compute="_compute_ilo_expense_total",
        currency_field="ilo_expense_currency_id",
        help="The mission's expenses not refused, in the company's currency.",
        groups=PARTNERSHIP_USERS,
    )
    ilo_expense_currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_ilo_expense_total",
        string="Expense currency",
        groups=PARTNERSHIP_USERS,
    )

    @api.depends("ilo_expense_ids.total_amount", "ilo_expense_ids.state")
    def _compute_ilo_expense_total(self):
        # sudo: the total of the mission's expenses, whoever filed them
        groups = dict(
            (mission, (count, total))
            for mission, count, total in self.env["hr.expense"]
            .sudo()
            ._read_group(
                [("ilo_mission_id", "in", self.ids), ("state", "!=", "refused")],
                ["ilo_mission_id"],
                ["__count", "total_amount:sum"],
            )
        )
        for mission in self:
            count, total = groups.get(mission._origin, (0, 0.0))
            mission.ilo_expense_count = count
            mission.ilo_expense_total = total
            mission.ilo_expense_currency_id = (
                mission.company_id or self.env.company
            ).currency_id

    def action_view_ilo_expenses(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_expense.hr_expense_actions_all"
        )
        action["domain"] = [("ilo_mission_id", "=", self.id)]
        action["context"] = {"default_ilo_mission_id": self.id}
        return action

    def _ilo_travel_distribution(self):
        """{"project,funding source,travel": 100} from the mission's travel budget
        line (else its only budget line), or None."""
        if len(self) != 1:
            return None
        budgets = (
            self.env["ilo.budget.line"]
            .sudo()
            .search([("mission_id", "=", self._origin.id)], order="date_from, id")
        )
        budget = budgets.filtered(lambda b: b.category == "travel")[:1]
        if not budget and len(budgets) == 1:
            budget = budgets
        if not budget:
            return None
        accounts = (
            budget.project_id.account_id,
            budget.funding_source_id.analytic_account_id,
            self.env.ref(CATEGORY_ACCOUNT % budget.category, False),
        )
        if not all(accounts):
            return None
        return {",".join(str(a.id) for a in accounts): 100.0}
