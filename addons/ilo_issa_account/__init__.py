from . import models


def post_init_hook(env):
    """Committed amounts were typed until now: from here on they are the open
    purchase orders' (computed), for every budget line already there."""
    budgets = env["ilo.budget.line"].with_context(active_test=False).search([])
    env["purchase.order.line"].search([])._ilo_rematch_budget_lines()
    env.add_to_compute(budgets._fields["amount_committed"], budgets)
