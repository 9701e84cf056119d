# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

COMMENT_TYPES = [
    ("direct_request", "Direct request"),
    ("observation", "Observation"),
]


class C102SupervisionComment(models.Model):
    """A comment of the ILO supervisory bodies on a ratifying State's application of
    C102: a CEACR direct request (sent to the government) or observation (published
    in the Committee's report), adopted in ``year``."""

    _name = "c102.supervision.comment"
    _inherit = ["ilo.input.check.mixin"]
    _description = "C102 Supervisory Comment"
    _order = "c102_country_id, year desc, comment_type, id"

    c102_country_id = fields.Many2one(
        "c102.country", string="Country", required=True, ondelete="cascade", index=True
    )
    year = fields.Integer(
        required=True,
        aggregator=None,
        help="The year the CEACR adopted the comment (the year it examined the "
        "report).",
    )
    comment_type = fields.Selection(COMMENT_TYPES, string="Type", required=True)
    part_ids = fields.Many2many("c102.part", string="Parts concerned")
    url = fields.Char(string="Link", help="The comment on NORMLEX.")
    summary = fields.Text()
    requested_year = fields.Integer(
        string="Report requested for",
        aggregator=None,
        help="A report the Committee asks for outside the regular cycle.",
    )

    _sql_constraints = [
        (
            "comment_unique",
            "unique(c102_country_id, year, comment_type)",
            "A country has one comment of each type per year.",
        ),
    ]

    @api.depends("comment_type", "year")
    def _compute_display_name(self):
        types = dict(self._fields["comment_type"]._description_selection(self.env))
        for comment in self:
            comment.display_name = self.env._(
                "%(type)s (CEACR), %(year)s",
                type=types.get(comment.comment_type, ""),
                year=comment.year,
            )

    @api.constrains("year", "requested_year", "c102_country_id")
    def _check_year(self):
        for comment in self:
            if comment.year < 1955 or (
                comment.requested_year and comment.requested_year < comment.year
            ):
                raise ValidationError(
                    self.env._(
                        "%(country)s: a comment's year is from 1955 (the Convention "
                        "entered into force) and a report it requests comes after it "
                        "(%(year)s, %(requested)s).",
                        country=comment.c102_country_id.name,
                        year=comment.year,
                        requested=comment.requested_year or "-",
                    )
                )
            if not comment.c102_country_id.ratified:
                raise ValidationError(
                    self.env._(
                        "%(country)s has not ratified C102: the supervisory bodies "
                        "comment on ratifying States only.",
                        country=comment.c102_country_id.name,
                    )
                )
