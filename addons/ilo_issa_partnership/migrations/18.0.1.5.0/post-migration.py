# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.5.0: actuals are no longer converted 1:1 when a rate is missing (they are
flagged instead). The stored actuals and company-currency amounts of budget lines in
a currency other than their company's are recomputed with the new rule."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    lines = env["ilo.budget.line"].with_context(active_test=False).search([])
    lines.filtered(
        lambda line: line.currency_id != (line.company_id or env.company).currency_id
    ).modified(["currency_id"])
    env.flush_all()
    # costs linked to a budget line before the analytic plans were linked by hand:
    # they stay on their line
    cr.execute(
        "UPDATE account_analytic_line SET ilo_budget_line_manual = TRUE "
        "WHERE ilo_budget_line_id IS NOT NULL"
    )
    # every funding source gets its account in the Funding sources plan
    env["ilo.funding.source"].with_context(active_test=False).search(
        []
    )._ilo_sync_analytic_account()
