# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    c102_target = fields.Integer(
        string="C102 ratification target",
        config_parameter="c102_campaign.target",
        default=70,
    )
    c102_target_year = fields.Integer(
        string="C102 target year",
        config_parameter="c102_campaign.target_year",
        default=2026,
    )
