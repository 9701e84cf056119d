# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .res_users import PARTNERSHIP_USERS

CONSTITUENT_GROUPS = [
    ("government", "Government"),
    ("employer", "Employers' organisation"),
    ("worker", "Workers' organisation"),
    ("social_security_institution", "Social security institution"),
    ("other", "Other"),
]


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "ilo.input.check.mixin"]

    constituent_group = fields.Selection(
        CONSTITUENT_GROUPS,
        help="The partner's place among the ILO's tripartite constituents and the "
        "partnership's counterparts.",
        groups=PARTNERSHIP_USERS,
    )
    is_issa_member = fields.Boolean(
        string="ISSA member",
        help="A member institution of the ISSA.",
        groups=PARTNERSHIP_USERS,
    )

    @api.model
    def _ilo_checked_fields(self):
        return (super()._ilo_checked_fields() or set()) | self._ilo_fields_of(
            "ilo_issa_partnership"
        )
