# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The C102 rule module, tested directly (no database)."""

from odoo.tests import BaseCase, tagged

from ..rules import assess_part, check_article_2, parse_parts

# The 26 ratifications of shared/domain/c102.md section 4b whose accepted Parts are
# confirmed (dates as there; Honduras and Jordan: year only).
CONFIRMED_RATIFICATIONS = {
    "Albania": "II, III, IV, V, VI, VIII, IX, X",
    "Barbados": "III, V, VI, IX, X",
    "Belgium": "II, III, IV, V, VII, VIII, IX, X",
    "Bolivia": "II, V, VII, VIII, IX, X",
    "Bosnia and Herzegovina": "II, III, IV, V, VIII, X",
    "Brazil": "II-X",
    "Bulgaria": "II, III, V, VI, VII, VIII, X",
    "Costa Rica": "II, V, VI, VII, VIII, IX, X",
    "Denmark": "II, IV, V, VI, IX",
    "Ecuador": "V, IX, X",
    "France": "II, IV, V, VI, VII, VIII, IX",
    "Germany": "II, IV, V, VII, VIII, IX, X",
    "Greece": "II, III, IV, V, VI, VIII, IX, X",
    "Iceland": "V, VII, IX",
    "Ireland": "III, IV, X",
    "Israel": "V, VI, X",
    "Italy": "V, VII, VIII",
    "Japan": "III, IV, V",
    "Honduras": "II, III, V, VIII, IX, X",
    "Jordan": "V, VI, IX, X",
    "Chad": "V, VI, VII, IX, X",
    "Saint Vincent and the Grenadines": "II, III, V, VI, VIII, IX, X",
    "Ukraine": "II, III, IV, V, VI, VII, VIII, IX, X",
    "Dominican Republic": "II, III, V, VI, VII, VIII, IX, X",
    "Argentina": "II, V, VII, VIII, IX, X",
    "Russian Federation": "II, III, V, VI, VIII, IX, X",
}

# The rule table, transcribed independently of rules/standards.py:
# Part -> (coverage {basis: min %}, benefit rate, qualifying {basis: max years},
#          min duration weeks (None = 0 only), max waiting days)
TABLE = {
    "II": (
        {"employees": 50, "active_population": 20, "residents": 50},
        None,
        None,
        26,
        None,
    ),
    "III": (
        {"employees": 50, "active_population": 20, "means_tested": 100},
        45,
        None,
        26,
        3,
    ),
    "IV": ({"employees": 50, "means_tested": 100}, 45, None, 13, 7),
    "V": (
        {"employees": 50, "active_population": 20, "means_tested": 100},
        40,
        {"contribution": 30, "residence": 20},
        None,
        None,
    ),
    "VI": ({"employees": 50}, 50, {"contribution": 0, "residence": 0}, None, 3),
    "VII": (
        {"employees": 50, "active_population": 20, "means_tested": 100},
        3,
        {"contribution": 0.25, "residence": 1},
        None,
        None,
    ),
    "VIII": ({"employees": 50, "active_population": 20}, 45, None, 12, None),
    "IX": (
        {"employees": 50, "active_population": 20, "means_tested": 100},
        40,
        {"contribution": 15, "residence": 10},
        None,
        None,
    ),
    "X": (
        {"employees": 50, "active_population": 20, "means_tested": 100},
        40,
        {"contribution": 15, "residence": 10},
        None,
        None,
    ),
}
ALL_BASES = ("employees", "active_population", "residents", "means_tested")
EPS = 0.01


def compliant_values(code):
    """A national scheme that meets every criterion of Part ``code`` exactly."""
    coverage, rate, qualifying, duration, waiting = TABLE[code]
    basis = "employees"
    return {
        "coverage_basis": basis,
        "coverage_rate": coverage[basis],
        "benefit_rate": rate or 0,
        "qualifying_basis": "contribution",
        "qualifying_years": (qualifying or {}).get("contribution", 0),
        "benefit_duration_weeks": duration or 0,
        "waiting_days": waiting or 0,
    }


@tagged("post_install", "-at_install", "c102_rules")
class TestArticle2(BaseCase):
    def test_all_confirmed_real_ratifications_pass(self):
        self.assertEqual(len(CONFIRMED_RATIFICATIONS), 26)
        for country, notation in CONFIRMED_RATIFICATIONS.items():
            parts, errors = parse_parts(notation)
            with self.subTest(country=country):
                self.assertFalse(errors)
                result = check_article_2(parts)
                self.assertTrue(result.ok, f"{country}: {result.reason}")
                self.assertEqual(result.reason, "")

    def test_failing_cases(self):
        cases = {
            (): "at least three",
            ("II",): "at least three",
            ("V", "X"): "at least three",
            ("II", "III", "VII", "VIII"): "IV, V, VI, IX or X",
            ("II", "III", "VII"): "IV, V, VI, IX or X",
            ("II", "III", "XI"): "Unknown Parts: XI",
            ("I", "V", "VI", "IX"): "Unknown Parts: I",
        }
        for parts, reason in cases.items():
            with self.subTest(parts=parts):
                result = check_article_2(parts)
                self.assertFalse(result.ok)
                self.assertIn(reason, result.reason)

    def test_boundaries(self):
        self.assertTrue(check_article_2(["II", "III", "IV"]).ok)  # three, one core
        self.assertTrue(check_article_2(["IV", "V", "VI"]).ok)  # three core
        self.assertTrue(check_article_2(["ii", " iii ", "x"]).ok)  # case and spaces
        self.assertFalse(check_article_2(["V", "V", "X"]).ok)  # duplicates count once
        # Each single core Part with two non-core Parts is enough.
        for core in ("IV", "V", "VI", "IX", "X"):
            self.assertTrue(check_article_2(["II", "VII", core]).ok, core)

    def test_parse_parts(self):
        self.assertEqual(
            parse_parts("II, III, V-X")[0],
            ["II", "III", "V", "VI", "VII", "VIII", "IX", "X"],
        )
        self.assertEqual(parse_parts("v–vii; X")[0], ["V", "VI", "VII", "X"])
        self.assertEqual(parse_parts("II and III et IV")[0], ["II", "III", "IV"])
        self.assertEqual(parse_parts("")[0], [])
        self.assertEqual(parse_parts("II, XII, V-III, foo")[1], ["XII", "V-III", "foo"])


@tagged("post_install", "-at_install", "c102_rules")
class TestGapRules(BaseCase):
    def assertResult(self, code, expected, criterion=None, **changes):
        values = dict(compliant_values(code), **changes)
        result = assess_part(code, **values)
        self.assertEqual(
            result.result, expected, f"Part {code} {changes}: {result.summary}"
        )
        if criterion:
            self.assertEqual([f.criterion for f in result.failures], [criterion])
            self.assertIn("required", result.summary)
            self.assertIn("national", result.summary)
        return result

    def test_exact_thresholds_comply(self):
        for code in TABLE:
            with self.subTest(part=code):
                self.assertResult(code, "compliant")

    def test_coverage(self):
        for code, (coverage, *_rest) in TABLE.items():
            for basis in ALL_BASES + ("industrial_workplaces", None):
                with self.subTest(part=code, basis=basis):
                    if basis in coverage:
                        minimum = coverage[basis]
                        # paid throughout: the duration minimum may depend on the basis
                        kw = {"coverage_basis": basis, "benefit_duration_weeks": 0}
                        self.assertResult(
                            code, "compliant", coverage_rate=minimum, **kw
                        )
                        self.assertResult(
                            code, "compliant", coverage_rate=minimum + EPS, **kw
                        )
                        self.assertResult(
                            code,
                            "gap",
                            "coverage_rate",
                            coverage_rate=minimum - EPS,
                            **kw,
                        )
                    else:
                        # A basis the Part does not allow is a gap, whatever the rate.
                        self.assertResult(
                            code,
                            "gap",
                            "coverage_basis",
                            coverage_basis=basis,
                            coverage_rate=100,
                        )

    def test_benefit_rate(self):
        for code, (_cov, rate, *_rest) in TABLE.items():
            with self.subTest(part=code):
                if rate is None:  # medical care: in kind, not checked
                    self.assertResult(code, "compliant", benefit_rate=0)
                    continue
                self.assertResult(code, "compliant", benefit_rate=rate + EPS)
                self.assertResult(code, "gap", "benefit_rate", benefit_rate=rate - EPS)

    def test_family_rate_all_children(self):
        self.assertResult(
            "VII", "compliant", family_rate_basis="all_children", benefit_rate=1.5
        )
        self.assertResult(
            "VII",
            "gap",
            "benefit_rate",
            family_rate_basis="all_children",
            benefit_rate=1.49,
        )
        self.assertResult("VII", "gap", "benefit_rate", benefit_rate=2.99)

    def test_qualifying_period(self):
        for code, (_cov, _rate, qualifying, *_rest) in TABLE.items():
            for basis in ("contribution", "residence"):
                with self.subTest(part=code, basis=basis):
                    if qualifying is None:  # not checked
                        self.assertResult(
                            code,
                            "compliant",
                            qualifying_basis=basis,
                            qualifying_years=50,
                        )
                        continue
                    maximum = qualifying[basis]
                    self.assertResult(
                        code,
                        "compliant",
                        qualifying_basis=basis,
                        qualifying_years=maximum,
                    )
                    if maximum:
                        self.assertResult(
                            code,
                            "compliant",
                            qualifying_basis=basis,
                            qualifying_years=maximum - EPS,
                        )
                    self.assertResult(
                        code,
                        "gap",
                        "qualifying_years",
                        qualifying_basis=basis,
                        qualifying_years=maximum + EPS,
                    )

    def test_duration(self):
        for code, (_cov, _rate, _q, duration, _w) in TABLE.items():
            with self.subTest(part=code):
                self.assertResult(code, "compliant", benefit_duration_weeks=0)
                if duration is None:  # throughout the contingency only
                    self.assertResult(
                        code, "gap", "benefit_duration_weeks", benefit_duration_weeks=52
                    )
                    continue
                self.assertResult(code, "compliant", benefit_duration_weeks=duration)
                self.assertResult(
                    code, "compliant", benefit_duration_weeks=duration + 1
                )
                self.assertResult(
                    code,
                    "gap",
                    "benefit_duration_weeks",
                    benefit_duration_weeks=duration - 1,
                )

    def test_unemployment_means_tested_duration(self):
        values = {"coverage_basis": "means_tested", "coverage_rate": 100}
        self.assertResult("IV", "compliant", benefit_duration_weeks=26, **values)
        self.assertResult(
            "IV", "gap", "benefit_duration_weeks", benefit_duration_weeks=25, **values
        )
        self.assertResult("IV", "compliant", benefit_duration_weeks=13)  # employees

    def test_waiting_days(self):
        for code, (*_rest, waiting) in TABLE.items():
            with self.subTest(part=code):
                if waiting is None:
                    self.assertResult(code, "compliant", waiting_days=30)
                    continue
                self.assertResult(code, "compliant", waiting_days=waiting)
                self.assertResult(code, "compliant", waiting_days=waiting - 1)
                self.assertResult(code, "gap", "waiting_days", waiting_days=waiting + 1)

    def test_article3_variants(self):
        for code in TABLE:
            with self.subTest(part=code):
                art3 = {
                    "coverage_basis": "industrial_workplaces",
                    "uses_article3": True,
                }
                self.assertResult(code, "compliant", coverage_rate=50, **art3)
                self.assertResult(
                    code, "gap", "coverage_rate", coverage_rate=49.99, **art3
                )
                self.assertResult(
                    code,
                    "gap",
                    "coverage_basis",
                    coverage_basis="industrial_workplaces",
                    coverage_rate=100,
                )
        for code in ("II", "III"):
            with self.subTest(part=code):
                self.assertResult(
                    code, "compliant", benefit_duration_weeks=13, uses_article3=True
                )
                self.assertResult(
                    code,
                    "gap",
                    "benefit_duration_weeks",
                    benefit_duration_weeks=12,
                    uses_article3=True,
                )
                self.assertResult(
                    code, "gap", "benefit_duration_weeks", benefit_duration_weeks=13
                )
        # Article 3 does not shorten the other Parts' durations.
        self.assertResult(
            "VIII",
            "gap",
            "benefit_duration_weeks",
            benefit_duration_weeks=11,
            uses_article3=True,
        )

    def test_old_age_pensionable_age_review(self):
        self.assertResult("V", "compliant", pensionable_age=65)
        result = self.assertResult("V", "review", pensionable_age=67)
        self.assertEqual(result.failures[0].criterion, "pensionable_age")
        self.assertIn("67", result.summary)
        # Any other failure makes it a gap, not a review.
        self.assertResult(
            "V", "gap", "benefit_rate", pensionable_age=67, benefit_rate=39
        )
        # Pensionable age only matters for Part V.
        self.assertResult("IX", "compliant", pensionable_age=70)

    def test_every_failure_listed(self):
        result = assess_part(
            "III",
            coverage_basis="employees",
            coverage_rate=30,
            benefit_rate=40,
            benefit_duration_weeks=10,
            waiting_days=5,
        )
        self.assertEqual(result.result, "gap")
        self.assertEqual(
            [f.criterion for f in result.failures],
            ["coverage_rate", "benefit_rate", "benefit_duration_weeks", "waiting_days"],
        )
        self.assertIn("benefit_rate: required 45%, national 40%", result.summary)
