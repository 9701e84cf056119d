# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

CONSTITUENT_GROUPS = [
    ("government", "Government"),
    ("employer", "Employers' organisation"),
    ("worker", "Workers' organisation"),
    ("social_security_institution", "Social security institution"),
    ("other", "Other"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    constituent_group = fields.Selection(
        CONSTITUENT_GROUPS,
        help="The partner's place among the ILO's tripartite constituents and the "
        "partnership's counterparts.",
    )
    is_issa_member = fields.Boolean(
        string="ISSA member", help="A member institution of the ISSA."
    )
