# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class IloTableImportMixin(models.AbstractModel):
    """Every import's country column reads names as the campaign does
    (``rules.country_names``: the ILO's, the UN's and French forms, no accents or
    apostrophes needed)."""

    _inherit = "ilo.table.import.mixin"

    @api.model
    def _ilo_find_country(self, text):
        code = self.env["c102.country"]._country_index().find(text)
        Country = self.env["res.country"].with_context(active_test=False)
        if code:
            return Country.search([("code", "=", code)], limit=1)
        return super()._ilo_find_country(text)
