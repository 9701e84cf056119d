# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules.ilostat import Figure

CONTINGENCIES = [
    ("total", "At least one benefit"),
    ("old_age", "Old age"),
    ("children", "Children"),
    ("disability", "Disability"),
    ("maternity", "Maternity"),
    ("unemployment", "Unemployment"),
    ("work_injury", "Work injury"),
    ("vulnerable", "Vulnerable persons"),
]
SEXES = [("total", "Total"), ("female", "Women"), ("male", "Men")]
OBSERVATION_STATUSES = [
    ("reported", "Reported"),
    ("unreliable", "Unreliable"),
    ("break", "Break in series"),
    ("estimate", "Estimate"),
    ("imputed", "Imputed"),
    ("provisional", "Provisional"),
]


class C102Coverage(models.Model):
    """One effective coverage figure (SDG indicator 1.3.1): the share of a
    population covered for a contingency, in a country, for a sex and a year. A
    newer figure for the same key replaces it; the replaced one goes to history."""

    _name = "c102.coverage"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Effective Social Protection Coverage (SDG 1.3.1)"
    _order = "c102_country_id, contingency, year desc, sex"
    _rec_name = "contingency"

    c102_country_id = fields.Many2one(
        "c102.country", string="Country", required=True, ondelete="cascade", index=True
    )
    country_id = fields.Many2one(
        related="c102_country_id.country_id", store=True, string="Country (ISO)"
    )
    contingency = fields.Selection(CONTINGENCIES, required=True, index=True)
    sex = fields.Selection(SEXES, required=True, default="total")
    year = fields.Integer(required=True, aggregator=None, index=True)
    value = fields.Float(
        string="Coverage (%)", digits=(16, 1), required=True, aggregator="avg"
    )
    source = fields.Char(help="The survey or administrative source ILOSTAT names.")
    note = fields.Char()
    observation_status = fields.Selection(
        OBSERVATION_STATUSES, default="reported", required=True
    )
    unreliable = fields.Boolean(
        compute="_compute_unreliable",
        store=True,
        help="ILOSTAT flags the observation as unreliable (status U).",
    )
    is_demo = fields.Boolean(
        string="Demo figure", help="Invented figure of the demo data: not ILOSTAT's."
    )
    history_ids = fields.One2many(
        "c102.coverage.history", "coverage_id", string="Replaced figures"
    )

    _sql_constraints = [
        (
            "figure_unique",
            "unique(c102_country_id, contingency, sex, year)",
            "One figure per country, contingency, sex and year: import a newer one "
            "to replace it.",
        ),
    ]

    @api.depends("observation_status")
    def _compute_unreliable(self):
        for figure in self:
            figure.unreliable = figure.observation_status == "unreliable"

    @api.constrains("value", "year")
    def _check_value(self):
        for figure in self:
            if not 0 <= figure.value <= 100:
                raise ValidationError(
                    self.env._(
                        "%(country)s, %(year)s: coverage must be between 0 and 100%%.",
                        country=figure.c102_country_id.name,
                        year=figure.year,
                    )
                )

    def _figure(self):
        """This record as a ``rules.ilostat.Figure``."""
        self.ensure_one()
        return Figure(
            self.country_id.code,
            self.contingency,
            self.sex,
            self.year,
            round(self.value, 1),
            self.observation_status,
            self.source or "",
            self.note or "",
        )

    def _replace(self, figure):
        """Keep this record's figure in history and take ``figure``'s values."""
        self.ensure_one()
        self.env["c102.coverage.history"].create(
            {
                "coverage_id": self.id,
                "value": self.value,
                "observation_status": self.observation_status,
                "source": self.source,
                "note": self.note,
                "replaced_on": fields.Datetime.now(),
            }
        )
        self.write(self._figure_vals(figure))

    @api.model
    def _figure_vals(self, figure):
        return {
            "value": figure.value,
            "observation_status": figure.status,
            "source": figure.source or False,
            "note": figure.note or False,
            "is_demo": False,
        }

    @api.model
    def _latest(self, countries, sex="total"):
        """``{(c102.country id, contingency): record}``: the latest year's figure of
        each contingency for ``countries`` (the totals of both sexes by default)."""
        latest = {}
        figures = self.search(
            [("c102_country_id", "in", countries.ids), ("sex", "=", sex)],
            order="year desc, id desc",
        )
        for figure in figures:
            latest.setdefault((figure.c102_country_id.id, figure.contingency), figure)
        return latest
