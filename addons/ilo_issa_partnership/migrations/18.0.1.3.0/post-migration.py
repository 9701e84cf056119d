# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.3.0: the daily cron that refreshed the deliverables' stored lateness goes
with the stored field. Its record came from a noupdate file, which an upgrade never
deletes by itself; its server action (the cron's _inherits parent) goes with it."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref(
        "ilo_issa_partnership.ir_cron_deliverable_is_late", raise_if_not_found=False
    )
    if cron:
        action = cron.ir_actions_server_id
        cron.unlink()
        action.unlink()
