# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..rules import CORE_PARTS, STANDARDS, check_article_2

BRANCHES = [
    ("medical_care", "Medical care"),
    ("sickness", "Sickness benefit"),
    ("unemployment", "Unemployment benefit"),
    ("old_age", "Old-age benefit"),
    ("employment_injury", "Employment injury benefit"),
    ("family", "Family benefit"),
    ("maternity", "Maternity benefit"),
    ("invalidity", "Invalidity benefit"),
    ("survivors", "Survivors' benefit"),
]
COVERAGE_BASES = [
    ("employees", "Employees"),
    ("active_population", "Economically active population"),
    ("residents", "Residents"),
    ("means_tested", "Residents (means-tested)"),
    ("industrial_workplaces", "Industrial workplaces (Art. 3)"),
]


class C102Part(models.Model):
    """A Part (II to X) of Convention No. 102, one branch of social security.

    The thresholds shown here come from the rule table in ``rules/standards.py``,
    the single source the gap assessments use too.
    """

    _name = "c102.part"
    _inherit = ["ilo.input.check.mixin"]
    _description = "C102 Part"
    _order = "sequence, id"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, readonly=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    branch = fields.Selection(BRANCHES, required=True)
    articles = fields.Char(compute="_compute_thresholds")
    is_core = fields.Boolean(
        compute="_compute_is_core",
        store=True,
        help="Parts IV, V, VI, IX and X: Article 2 requires at least one of them.",
    )
    coverage_alternatives = fields.Char(
        compute="_compute_thresholds",
        help="Who must be protected: the alternatives of the Part, with their minimum "
        "percentage of the reference population.",
    )
    benefit_rate = fields.Float(
        string="Minimum benefit rate (%)",
        compute="_compute_thresholds",
        help="Schedule to Part XI: periodical payment for the standard beneficiary, as "
        "a percentage of the reference wage (Part VII: total value as a percentage of "
        "the ordinary labourer's wage per child). 0 for benefits in kind.",
    )
    max_qualifying_years_contribution = fields.Float(
        string="Maximum qualifying period (contribution, years)",
        compute="_compute_thresholds",
    )
    max_qualifying_years_residence = fields.Float(
        string="Maximum qualifying period (residence, years)",
        compute="_compute_thresholds",
    )
    min_duration_weeks = fields.Integer(
        string="Minimum duration (weeks)",
        compute="_compute_thresholds",
        help="The benefit may be limited to this duration per case; 0 means it is "
        "paid throughout the contingency.",
    )
    max_waiting_days = fields.Integer(
        string="Maximum waiting days", compute="_compute_thresholds"
    )

    _sql_constraints = [
        ("code_unique", "unique(code)", "Each Part of the Convention exists once."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for part in self:
            part.display_name = self.env._(
                "Part %(code)s — %(name)s", code=part.code, name=part.name
            )

    @api.depends("code")
    def _compute_is_core(self):
        for part in self:
            part.is_core = part.code in CORE_PARTS

    @api.depends("code")
    def _compute_thresholds(self):
        labels = dict(COVERAGE_BASES)
        for part in self:
            std = STANDARDS.get(part.code)
            if not std:
                part.update(
                    {
                        "articles": False,
                        "coverage_alternatives": False,
                        "benefit_rate": 0.0,
                        "max_qualifying_years_contribution": 0.0,
                        "max_qualifying_years_residence": 0.0,
                        "min_duration_weeks": 0,
                        "max_waiting_days": 0,
                    }
                )
                continue
            qualifying = std.qualifying or {}
            part.update(
                {
                    "articles": std.articles,
                    "coverage_alternatives": ", ".join(
                        f"{labels[basis]} {minimum:g}%"
                        for basis, minimum in std.coverage.items()
                    ),
                    "benefit_rate": std.benefit_rate or 0.0,
                    "max_qualifying_years_contribution": qualifying.get(
                        "contribution", 0.0
                    ),
                    "max_qualifying_years_residence": qualifying.get("residence", 0.0),
                    "min_duration_weeks": std.min_duration_weeks or 0,
                    "max_waiting_days": std.max_waiting_days or 0,
                }
            )

    def check_article_2(self):
        """Article 2 on this recordset of accepted Parts.

        Public (callable over XML-RPC on any recordset of Parts, even empty):
        returns ``{'ok': bool, 'reason': str}``, the reason in the user's language.
        """
        result = check_article_2(self.mapped("code"))
        return {"ok": result.ok, "reason": self._article_2_reason(result)}

    def _article_2_met(self):
        """Why these Parts satisfy Article 2, e.g. "3 Parts incl. Part V: Article 2
        met" ("" when they do not)."""
        result = check_article_2(self.mapped("code"))
        if not result.ok:
            return ""
        core = [p for p in result.parts if p in CORE_PARTS]
        if len(core) == 1:
            return self.env._(
                "%(count)s Parts incl. Part %(part)s: Article 2 met",
                count=result.count,
                part=core[0],
            )
        return self.env._(
            "%(count)s Parts incl. Parts %(parts)s: Article 2 met",
            count=result.count,
            parts=", ".join(core),
        )

    def _article_2_reason(self, result):
        return result.reason_in(self.env.lang or "en_US")
