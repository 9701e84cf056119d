# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools


class C102PartAcceptanceReport(models.Model):
    """One row per (ratifying country, accepted Part): which Parts are most accepted."""

    _name = "c102.part.acceptance.report"
    _inherit = ["ilo.input.check.mixin"]
    _description = "C102 Accepted Parts Analysis"
    _auto = False
    _order = "part_sequence"

    c102_country_id = fields.Many2one("c102.country", string="Country", readonly=True)
    part_id = fields.Many2one("c102.part", string="Part", readonly=True)
    part_sequence = fields.Integer(readonly=True)
    is_core = fields.Boolean(readonly=True)
    ratification_year = fields.Integer(readonly=True, aggregator=None)

    def init(self):
        """The view, from ``_select``, ``_from``, ``_where`` and ``_group_by``
        (each extensible through ``super()``, as Odoo's analyses)."""
        tools.drop_view_if_exists(self.env.cr, self._table)
        where, group_by = self._where(), self._group_by()
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT {self._select()}
                  FROM {self._from()}
                {f"WHERE {where}" if where else ""}
                {f"GROUP BY {group_by}" if group_by else ""}
            )
            """,
            self._query_params(),
        )

    def _query_params(self):
        """Values for the ``%(name)s`` placeholders an extension's clauses use."""
        return {}

    def _select(self):
        return """
                   row_number() OVER (ORDER BY rel.country_id, rel.part_id) AS id,
                   rel.country_id AS c102_country_id,
                   rel.part_id,
                   part.sequence AS part_sequence,
                   part.is_core,
                   country.ratification_year
        """

    def _from(self):
        return """
                   c102_country_accepted_part_rel rel
              JOIN c102_country country ON country.id = rel.country_id
              JOIN c102_part part ON part.id = rel.part_id
        """

    def _where(self):
        return "country.ratified"

    def _group_by(self):
        return ""
