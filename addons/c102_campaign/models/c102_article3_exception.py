# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..rules import ARTICLE3_EXCEPTIONS


class C102Article3Exception(models.Model):
    """A temporary exception declared under Article 3 (and when it was renounced)."""

    _name = "c102.article3.exception"
    _inherit = ["ilo.input.check.mixin"]
    _description = "C102 Article 3 Exception"
    _order = "c102_country_id, part_sequence, article"

    c102_country_id = fields.Many2one(
        "c102.country", required=True, ondelete="cascade", index=True
    )
    article = fields.Selection(
        [(a, f"Art. {a}") for a in ARTICLE3_EXCEPTIONS], required=True
    )
    part_id = fields.Many2one("c102.part", compute="_compute_part", store=True)
    part_sequence = fields.Integer(related="part_id.sequence", store=True)
    renounced_date = fields.Date(
        string="Renounced from",
        help="Date from which the country renounced the exception (Art. 3(2)).",
    )

    _sql_constraints = [
        (
            "article_unique",
            "unique(c102_country_id, article)",
            "An exception is declared once per country.",
        ),
    ]

    @api.depends("article")
    def _compute_part(self):
        parts = {p.code: p for p in self.env["c102.part"].search([])}
        for exception in self:
            code = ARTICLE3_EXCEPTIONS.get(exception.article)
            exception.part_id = parts.get(code, False)
