# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

FUNDING_PLAN = "ilo_issa_partnership.analytic_plan_funding_sources"
CATEGORY_PLAN = "ilo_issa_partnership.analytic_plan_budget_categories"
CATEGORY_ACCOUNT = "ilo_issa_partnership.analytic_budget_category_%s"


def plan_columns(env):
    """The analytic line's columns of the funding-source and category plans (Odoo 18
    adds one ``x_plan<id>_id`` column per root plan), or None when a plan is gone."""
    funding = env.ref(FUNDING_PLAN, raise_if_not_found=False)
    category = env.ref(CATEGORY_PLAN, raise_if_not_found=False)
    if not (funding and category):
        return None
    return funding.sudo()._column_name(), category.sudo()._column_name()


def category_accounts(env):
    """{analytic account: budget category} for the category plan's accounts."""
    keys = dict(env["ilo.budget.line"]._fields["category"].selection)
    accounts = {}
    for key in keys:
        account = env.ref(CATEGORY_ACCOUNT % key, raise_if_not_found=False)
        if account:
            accounts[account.id] = key
    return accounts


class IloFundingSource(models.Model):
    """Each funding source is an analytic account of the funding-source plan, created
    and kept in sync with it: costs are distributed over it, Odoo's way."""

    _inherit = "ilo.funding.source"

    analytic_account_id = fields.Many2one(
        "account.analytic.account",
        string="Analytic account",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="The source's account in the analytic plan Funding sources: a cost "
        "distributed on it (with the project's account and a category's) is actual "
        "spend of the matching budget line.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        sources = super().create(vals_list)
        sources._ilo_sync_analytic_account()
        return sources

    def write(self, vals):
        result = super().write(vals)
        if {"name", "code", "company_id", "active"} & vals.keys():
            self._ilo_sync_analytic_account()
        return result

    def _ilo_sync_analytic_account(self):
        plan = self.env.ref(FUNDING_PLAN, raise_if_not_found=False)
        if not plan:
            return
        for source in self.sudo().with_context(active_test=False):
            vals = {
                "name": source.name,
                "code": source.code,
                "company_id": source.company_id.id,
                "active": source.active,
            }
            account = source.analytic_account_id
            if not account:
                source.analytic_account_id = account.create(
                    {**vals, "plan_id": plan.id}
                )
                continue
            changed = {
                key: value
                for key, value in vals.items()
                if (account[key].id if key == "company_id" else account[key]) != value
            }
            if changed:
                account.write(changed)
