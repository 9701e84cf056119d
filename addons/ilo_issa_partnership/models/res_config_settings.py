# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ilo_iati_reporting_org_ref = fields.Char(
        string="IATI reporting organisation",
        config_parameter="ilo_issa_partnership.iati_reporting_org_ref",
        default="XM-DAC-41302",
        help="The organisation identifier that prefixes every IATI activity identifier "
        "(the ILO: XM-DAC-41302).",
    )
