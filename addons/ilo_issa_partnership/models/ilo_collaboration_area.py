# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class IloCollaborationArea(models.Model):
    """One of the five collaboration areas of the 2012 ILO-ISSA memorandum."""

    _name = "ilo.collaboration.area"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Collaboration Area"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Stable technical code (advisory, policy, knowledge, guidelines, "
        "training).",
    )
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_unique",
            "unique(code)",
            "The code of a collaboration area must be unique.",
        ),
    ]

    @api.constrains("code")
    def _check_code(self):
        for area in self:
            code = area.code or ""
            if not code.strip() or code != code.strip().lower() or " " in code:
                raise ValidationError(
                    self.env._(
                        "The code of a collaboration area must be one lowercase word "
                        "without spaces (got '%(code)s').",
                        code=code,
                    )
                )
