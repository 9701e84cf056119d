# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class C102SupersededPart(models.Model):
    """An accepted Part that no longer applies to a country, and why: the country
    ratified a later Convention that replaces it (C102 Art. 75; e.g. C121 for Part VI,
    C128 Art. 45 for Parts V, IX and X, C130 for Part III)."""

    _name = "c102.superseded.part"
    _inherit = ["ilo.input.check.mixin"]
    _description = "C102 Part No Longer Applicable"
    _order = "c102_country_id, part_sequence"
    _rec_name = "part_id"

    c102_country_id = fields.Many2one(
        "c102.country", required=True, ondelete="cascade", index=True
    )
    part_id = fields.Many2one("c102.part", required=True, ondelete="restrict")
    part_sequence = fields.Integer(related="part_id.sequence", store=True)
    superseded_by = fields.Char(
        string="Superseded by",
        required=True,
        help="The later Convention that replaces the Part, e.g. C128.",
    )

    _sql_constraints = [
        (
            "part_unique",
            "unique(c102_country_id, part_id)",
            "A Part is no longer applicable once per country.",
        ),
    ]

    @api.constrains("part_id", "c102_country_id")
    def _check_accepted(self):
        for line in self:
            if line.part_id not in line.c102_country_id.accepted_part_ids:
                raise ValidationError(
                    self.env._(
                        "%(country)s: only accepted Parts can be no longer applicable "
                        "(not accepted: %(parts)s).",
                        country=line.c102_country_id.name,
                        parts=line.part_id.code,
                    )
                )
