# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _name = "res.config.settings"
    _inherit = ["res.config.settings", "ilo.input.check.mixin"]

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

    c102_report_cycle_years = fields.Integer(
        string="Regular reports every (years)",
        config_parameter="c102_campaign.report_cycle_years",
        default=6,
    )
    c102_report_group_years = fields.Char(
        string="Year per reporting group",
        config_parameter="c102_campaign.report_group_years",
        help="A year in which each alphabetical group reports on social security "
        "Conventions, e.g. A-B:2027, C-F:2028. Without it, the cycle counts from the "
        "country's last known report, else from its first report.",
    )

    c102_divergence_threshold = fields.Float(
        string="Law and practice diverge above (points)",
        config_parameter="c102_campaign.divergence_threshold",
        default=20.0,
        help="A gap-assessment line flags its legal coverage when it differs from "
        "the branch's effective coverage (SDG 1.3.1) by more than this.",
    )

    @api.model
    def _ilo_checked_fields(self):
        return (super()._ilo_checked_fields() or set()) | self._ilo_fields_of(
            "c102_campaign"
        )
