# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class IloAdvisoryMission(models.Model):
    _inherit = "ilo.advisory.mission"

    @api.depends("country_id")
    def _compute_c102_country_ids(self):
        return super()._compute_c102_country_ids()

    def _c102_countries(self):
        return {mission: mission.country_id for mission in self}
