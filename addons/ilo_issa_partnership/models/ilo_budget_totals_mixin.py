# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .res_users import PARTNERSHIP_USERS

# budget figures are for the partnership staff, never the portal nor other Odoo users
BUDGET_READERS = PARTNERSHIP_USERS
AMOUNTS = ("amount_planned", "amount_committed", "amount_actual", "amount_available")


class IloBudgetTotalsMixin(models.AbstractModel):
    """Budget totals (company currency) on projects, missions and trainings."""

    _name = "ilo.budget.totals.mixin"
    _description = "Budget Totals"
    _budget_line_field = None

    budget_currency_id = fields.Many2one(
        "res.currency",
        compute="_compute_budget_totals",
        string="Budget currency",
        groups=BUDGET_READERS,
    )
    budget_planned = fields.Monetary(
        compute="_compute_budget_totals",
        currency_field="budget_currency_id",
        groups=BUDGET_READERS,
    )
    budget_committed = fields.Monetary(
        compute="_compute_budget_totals",
        currency_field="budget_currency_id",
        groups=BUDGET_READERS,
    )
    budget_actual = fields.Monetary(
        compute="_compute_budget_totals",
        currency_field="budget_currency_id",
        groups=BUDGET_READERS,
    )
    budget_available = fields.Monetary(
        compute="_compute_budget_totals",
        currency_field="budget_currency_id",
        groups=BUDGET_READERS,
    )
    budget_rate_missing = fields.Boolean(
        string="Rates missing",
        compute="_compute_budget_totals",
        groups=BUDGET_READERS,
        help="An exchange rate is missing under these totals: what cannot be "
        "converted is left out (never counted 1:1) until the rate is entered.",
    )
    budget_delivery_rate = fields.Float(
        string="Delivery rate (%)",
        compute="_compute_budget_totals",
        groups=BUDGET_READERS,
    )

    def _compute_budget_totals(self):
        totals = self.env["ilo.budget.line"]._totals(self._budget_line_field, self)
        empty = dict.fromkeys(AMOUNTS, 0.0)
        for record in self:
            values = totals.get(record, empty)
            # the record's own company's currency, whichever company reads it
            record.budget_currency_id = (
                record.company_id or self.env.company
            ).currency_id
            record.budget_rate_missing = values.get("rate_missing", False)
            record.budget_planned = values["amount_planned"]
            record.budget_committed = values["amount_committed"]
            record.budget_actual = values["amount_actual"]
            record.budget_available = values["amount_available"]
            record.budget_delivery_rate = (
                100.0 * values["amount_actual"] / values["amount_planned"]
                if values["amount_planned"]
                else 0.0
            )

    def action_view_budget_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ilo_issa_partnership.ilo_budget_line_action"
        )
        domain = [(self._budget_line_field, "=", self.id)]
        action.update({"domain": domain, "context": self._budget_line_context()})
        return action

    def _budget_line_context(self):
        """Defaults of a budget line created from this record's list: its project
        and, below the project, this record itself."""
        project = self if self._name == "project.project" else self.project_id
        context = {"default_project_id": project.id}
        if self._name != "project.project":
            context[f"default_{self._budget_line_field}"] = self.id
        return context
