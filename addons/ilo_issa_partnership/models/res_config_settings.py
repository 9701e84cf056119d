# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..iati_export import ILO


class ResConfigSettings(models.TransientModel):
    _name = "res.config.settings"
    _inherit = ["res.config.settings", "ilo.input.check.mixin"]

    ilo_iati_reporting_org_ref = fields.Char(
        string="IATI reporting organisation",
        config_parameter="ilo_issa_partnership.iati_reporting_org_ref",
        default=ILO["ref"],
        help="The organisation identifier that prefixes every IATI activity identifier "
        "(the ILO: XM-DAC-41302).",
    )

    @api.model
    def _ilo_checked_fields(self):
        return (super()._ilo_checked_fields() or set()) | self._ilo_fields_of(
            "ilo_issa_partnership"
        )
