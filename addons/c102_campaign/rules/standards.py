"""The minimum standards of Parts II-X of C102, as one table, and the gap check.

A gap-assessment line describes one national scheme against one Part; ``assess_part``
compares it with the Part's thresholds and lists every failing criterion as
"required X, national Y". Sources: the Convention's Articles cited per row and the
Schedule to Part XI (see shared/domain/c102.md, section 3).
"""

from dataclasses import dataclass, field

# Coverage bases (who is protected) and what the rate is a percentage of.
BASES = (
    "employees",  # prescribed classes of employees, % of all employees
    "active_population",  # classes of the economically active, % of all residents
    "residents",  # prescribed classes of residents, % of all residents
    "means_tested",  # all residents whose means do not exceed prescribed limits
    "industrial_workplaces",  # Art. 3: employees in industrial workplaces of 20+
)
ARTICLE3_BASIS = ("industrial_workplaces", 50.0)
ARTICLE3_DURATION_WEEKS = {"II": 13, "III": 13}
MAX_PENSIONABLE_AGE = 65  # Art. 26(2): a higher age is a matter for review


@dataclass(frozen=True)
class PartStandard:
    code: str
    branch: str
    articles: str
    coverage: dict  # basis -> minimum % of the reference population
    benefit_rate: float | None = None  # Schedule %; None: in kind, not checked
    benefit_rate_all_children: float | None = None  # Part VII, Art. 44(b)
    qualifying: dict | None = None  # basis -> maximum years; None: not checked
    min_duration_weeks: int | None = None  # None: paid throughout (0 only)
    min_duration_weeks_means_tested: int | None = None
    max_waiting_days: int | None = None
    extra: dict = field(default_factory=dict)


E50, EA20, R50, MT100 = (
    ("employees", 50.0),
    ("active_population", 20.0),
    ("residents", 50.0),
    ("means_tested", 100.0),
)

STANDARDS = {
    s.code: s
    for s in (
        PartStandard(
            "II",
            "medical_care",
            "Arts 7-12",
            dict([E50, EA20, R50]),
            min_duration_weeks=26,
        ),
        PartStandard(
            "III",
            "sickness",
            "Arts 13-18",
            dict([E50, EA20, MT100]),
            benefit_rate=45,
            min_duration_weeks=26,
            max_waiting_days=3,
        ),
        PartStandard(
            "IV",
            "unemployment",
            "Arts 19-24",
            dict([E50, MT100]),
            benefit_rate=45,
            min_duration_weeks=13,
            min_duration_weeks_means_tested=26,
            max_waiting_days=7,
        ),
        PartStandard(
            "V",
            "old_age",
            "Arts 25-30",
            dict([E50, EA20, MT100]),
            benefit_rate=40,
            qualifying={"contribution": 30, "residence": 20},
        ),
        PartStandard(
            "VI",
            "employment_injury",
            "Arts 31-38",
            dict([E50]),
            benefit_rate=50,
            qualifying={"contribution": 0, "residence": 0},
            max_waiting_days=3,
        ),
        PartStandard(
            "VII",
            "family",
            "Arts 39-45",
            dict([E50, EA20, MT100]),
            benefit_rate=3,
            benefit_rate_all_children=1.5,
            qualifying={"contribution": 0.25, "residence": 1},
        ),
        PartStandard(
            "VIII",
            "maternity",
            "Arts 46-52",
            dict([E50, EA20]),
            benefit_rate=45,
            min_duration_weeks=12,
        ),
        PartStandard(
            "IX",
            "invalidity",
            "Arts 53-58",
            dict([E50, EA20, MT100]),
            benefit_rate=40,
            qualifying={"contribution": 15, "residence": 10},
        ),
        PartStandard(
            "X",
            "survivors",
            "Arts 59-64",
            dict([E50, EA20, MT100]),
            benefit_rate=40,
            qualifying={"contribution": 15, "residence": 10},
        ),
    )
}


@dataclass(frozen=True)
class Failure:
    criterion: str  # coverage_basis, coverage_rate, benefit_rate, qualifying_years,
    # benefit_duration_weeks, waiting_days, pensionable_age
    required: str  # in English, for logs and tests
    national: str
    # the same as (phrase, values), for the models to word in the user's language
    # (see c102.gap.assessment.line._describe): phrases one_of (bases: [(basis,
    # pct)]), pct_of (pct, basis), pct, max_years (years, basis), throughout,
    # min_weeks (weeks), max_days (days), max_age (age); national: basis (basis),
    # pct, years, weeks, days (value)
    required_term: tuple = ()
    national_term: tuple = ()


@dataclass(frozen=True)
class GapResult:
    result: str  # compliant / gap / review
    failures: tuple

    @property
    def summary(self):
        return "\n".join(
            f"{f.criterion}: required {f.required}, national {f.national}"
            for f in self.failures
        )


def _num(value):
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def required_duration(standard, basis, uses_article3):
    """Minimum duration in weeks for the Part (None when only 0 = throughout passes)."""
    weeks = standard.min_duration_weeks
    if weeks is None:
        return None
    if basis == "means_tested" and standard.min_duration_weeks_means_tested:
        weeks = standard.min_duration_weeks_means_tested
    if uses_article3 and standard.code in ARTICLE3_DURATION_WEEKS:
        weeks = ARTICLE3_DURATION_WEEKS[standard.code]
    return weeks


@dataclass(frozen=True)
class Scheme:
    """One national scheme as a gap-assessment line describes it."""

    coverage_basis: str | None = None
    coverage_rate: float | None = None
    benefit_rate: float | None = None
    family_rate_basis: str = "protected_children"
    qualifying_basis: str = "contribution"
    qualifying_years: float | None = None
    benefit_duration_weeks: int = 0
    waiting_days: int = 0
    pensionable_age: int | None = None
    uses_article3: bool = False


def _check_coverage(standard, scheme):
    """Who is protected: an allowed basis, and at least its minimum share."""
    allowed = dict(standard.coverage)
    if scheme.uses_article3:
        allowed.setdefault(*ARTICLE3_BASIS)
    basis, rate = scheme.coverage_basis, scheme.coverage_rate or 0.0
    if basis not in allowed:
        return Failure(
            "coverage_basis",
            "one of " + ", ".join(f"{b} {_num(m)}%" for b, m in allowed.items()),
            basis or "none",
            ("one_of", {"bases": list(allowed.items())}),
            ("basis", {"basis": basis}),
        )
    if rate < allowed[basis]:
        return Failure(
            "coverage_rate",
            f"{_num(allowed[basis])}% of {basis}",
            f"{_num(rate)}%",
            ("pct_of", {"pct": allowed[basis], "basis": basis}),
            ("pct", {"value": rate}),
        )
    return None


def _check_benefit_rate(standard, scheme):
    """The benefit as a share of the reference wage (Schedule to Part XI)."""
    if standard.benefit_rate is None:
        return None
    minimum = standard.benefit_rate
    if scheme.family_rate_basis == "all_children" and (
        standard.benefit_rate_all_children
    ):
        minimum = standard.benefit_rate_all_children
    rate = scheme.benefit_rate or 0.0
    if rate >= minimum:
        return None
    return Failure(
        "benefit_rate",
        f"{_num(minimum)}%",
        f"{_num(rate)}%",
        ("pct", {"value": minimum}),
        ("pct", {"value": rate}),
    )


def _check_qualifying(standard, scheme):
    """The qualifying period: at most the Part's years of contribution/residence."""
    years, basis = scheme.qualifying_years, scheme.qualifying_basis
    if standard.qualifying is None or not years:
        return None
    maximum = standard.qualifying.get(basis or "contribution")
    if maximum is None:
        maximum = standard.qualifying["contribution"]
    if years <= maximum:
        return None
    return Failure(
        "qualifying_years",
        f"at most {_num(maximum)} years of {basis}",
        f"{_num(years)} years",
        ("max_years", {"years": maximum, "basis": basis}),
        ("years", {"value": years}),
    )


def _check_duration(standard, scheme):
    """How long the benefit is paid (0: throughout the contingency)."""
    duration = scheme.benefit_duration_weeks or 0
    if not duration:
        return None
    minimum = required_duration(standard, scheme.coverage_basis, scheme.uses_article3)
    if minimum is None:
        return Failure(
            "benefit_duration_weeks",
            "throughout the contingency",
            f"{_num(duration)} weeks",
            ("throughout", {}),
            ("weeks", {"value": duration}),
        )
    if duration >= minimum:
        return None
    return Failure(
        "benefit_duration_weeks",
        f"at least {minimum} weeks or throughout the contingency",
        f"{_num(duration)} weeks",
        ("min_weeks", {"weeks": minimum}),
        ("weeks", {"value": duration}),
    )


def _check_waiting(standard, scheme):
    """The waiting period: at most the Part's days."""
    maximum, days = standard.max_waiting_days, scheme.waiting_days or 0
    if maximum is None or days <= maximum:
        return None
    return Failure(
        "waiting_days",
        f"at most {maximum} days",
        f"{_num(days)} days",
        ("max_days", {"days": maximum}),
        ("days", {"value": days}),
    )


def _check_pensionable_age(standard, scheme):
    """Part V: a pensionable age above 65 is for review, not a gap (Art. 26(2))."""
    age = scheme.pensionable_age
    if standard.code != "V" or not age or age <= MAX_PENSIONABLE_AGE:
        return None
    return Failure(
        "pensionable_age",
        f"at most {MAX_PENSIONABLE_AGE} years (or higher with due regard "
        "to the working ability of elderly persons, Art. 26(2))",
        f"{_num(age)} years",
        ("max_age", {"age": MAX_PENSIONABLE_AGE}),
        ("years", {"value": age}),
    )


# The criteria whose failure is a gap, in the order they are reported.
GAP_CHECKS = (
    _check_coverage,
    _check_benefit_rate,
    _check_qualifying,
    _check_duration,
    _check_waiting,
)
# Checked when there is no gap: a failure asks for review.
REVIEW_CHECKS = (_check_pensionable_age,)


def assess_part(code, **scheme):
    """Assess one national scheme (the fields of ``Scheme``) against Part ``code``;
    returns a GapResult."""
    standard, described = STANDARDS[code], Scheme(**scheme)
    for result, checks in (("gap", GAP_CHECKS), ("review", REVIEW_CHECKS)):
        failures = tuple(
            failure
            for check in checks
            if (failure := check(standard, described)) is not None
        )
        if failures:
            return GapResult(result, failures)
    return GapResult("compliant", ())
