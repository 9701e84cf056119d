# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class IloIndicator(models.Model):
    _inherit = "ilo.indicator"

    source = fields.Selection(
        selection_add=[
            ("c102_assessed", "Countries with a validated C102 gap assessment"),
            ("c102_ratified", "Countries that ratified C102"),
        ],
        ondelete={"c102_assessed": "set default", "c102_ratified": "set default"},
    )

    def _source_aggregation(self):
        # a country assessed again in a later period is not a new country
        if self.source == "c102_assessed":
            return "latest"
        return super()._source_aggregation()

    def _source_measure(self):
        if self.source in ("c102_assessed", "c102_ratified"):
            return "unit"
        return super()._source_measure()
