from . import models


def pre_init_hook(env):
    """What finance typed as committed before the bridge stays committed, outside
    Purchase (the column is filled before the module's fields are set up)."""
    env.cr.execute(
        "ALTER TABLE ilo_budget_line ADD COLUMN IF NOT EXISTS ilo_committed_manual "
        "numeric; UPDATE ilo_budget_line SET ilo_committed_manual = amount_committed"
    )


def post_init_hook(env):
    """Purchase orders already confirmed count as committed on their budget lines."""
    env["purchase.order.line"].search([])._ilo_rematch_budget_lines()
