# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.3.0: the stage history the outlook learns from.

Each country gets the history its stage dates tell (the day it first reached each
stage, its ratification date for 'Ratified'), as a new country would; the day a
country without any stage date entered its current stage is the day it was recorded.
The entries already written (a ratification recorded by the 18.0.1.2.0 migration in the
same upgrade) are kept.
The supervisory comments are a new table: nothing to migrate.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    countries = env["c102.country"].with_context(active_test=False).search([])
    History = env["c102.stage.history"]
    for country in countries:
        recorded = (country.create_date or country.write_date).date()
        # a ratification the 18.0.1.2.0 migration recorded has its entry already
        known = set(country.stage_history_ids.mapped("stage"))
        History.create(
            [
                vals
                for vals in country._initial_stage_vals(today=recorded)
                if vals["stage"] not in known
            ]
        )
