# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0, before the new code loads: a deliverable's lateness is computed when it
is read (in the user's day), no longer stored and refreshed by a daily cron, so its
column goes. The analysis view that read the column goes first; init() recreates it."""

from odoo.tools import sql


def migrate(cr, version):
    if not version:
        return
    sql.drop_view_if_exists(cr, "ilo_partnership_report")
    if sql.column_exists(cr, "ilo_deliverable", "is_late"):
        cr.execute("ALTER TABLE ilo_deliverable DROP COLUMN is_late")
