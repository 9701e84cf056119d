# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.4.0: the campaign dashboard is the OWL client action only; its model
(``c102.campaign.dashboard``) keeps the data methods and no longer has records. The
transient table of the old form dashboard goes (throw-away rows of computed
figures); Odoo removes the form view, the access row and the field definitions at
the end of the upgrade."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("DROP TABLE IF EXISTS c102_campaign_dashboard CASCADE")
