# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class IloTraining(models.Model):
    _inherit = "ilo.training"

    @api.depends("country_id", "project_id.country_ids")
    def _compute_c102_country_ids(self):
        return super()._compute_c102_country_ids()

    def _c102_countries(self):
        return {
            training: training.country_id or training.project_id.country_ids
            for training in self
        }
