# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..models.c102_country import STAGES


class IloPartnershipAnalysis(models.Model):
    """The partnership analysis by the campaign stage of each activity's country:
    the campaign extends the SQL view through ``_select`` and ``_from``, as Odoo's
    own analyses are extended."""

    _inherit = "ilo.partnership.analysis"

    c102_stage = fields.Selection(
        STAGES,
        string="C102 campaign stage",
        readonly=True,
        help="The campaign stage of the activity's country (empty for activities "
        "without a country or in a country outside the campaign).",
    )

    def _select(self):
        return f"{super()._select()}, c102.stage AS c102_stage"

    def _from(self):
        return f"""{super()._from()}
         LEFT JOIN c102_country c102
                ON c102.country_id = a.country_id AND c102.active
        """
