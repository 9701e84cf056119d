# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.6.0: the partnership dashboard is the OWL client action only; its model
(``ilo.partnership.dashboard``) keeps the data methods and no longer has records.
The transient table of the old form dashboard goes (its rows were throw-away
dashboards, its columns computed figures); Odoo removes the form view, the access
row and the field definitions itself at the end of the upgrade."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("DROP TABLE IF EXISTS ilo_partnership_dashboard CASCADE")
