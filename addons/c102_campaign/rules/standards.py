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


def assess_part(
    code,
    *,
    coverage_basis=None,
    coverage_rate=None,
    benefit_rate=None,
    family_rate_basis="protected_children",
    qualifying_basis="contribution",
    qualifying_years=None,
    benefit_duration_weeks=0,
    waiting_days=0,
    pensionable_age=None,
    uses_article3=False,
):
    """Assess one national scheme against Part ``code``; returns a GapResult."""
    standard = STANDARDS[code]
    failures = []

    allowed = dict(standard.coverage)
    if uses_article3:
        allowed.setdefault(*ARTICLE3_BASIS)
    if coverage_basis not in allowed:
        failures.append(
            Failure(
                "coverage_basis",
                "one of " + ", ".join(f"{b} {_num(m)}%" for b, m in allowed.items()),
                coverage_basis or "none",
                ("one_of", {"bases": list(allowed.items())}),
                ("basis", {"basis": coverage_basis}),
            )
        )
    elif (coverage_rate or 0.0) < allowed[coverage_basis]:
        failures.append(
            Failure(
                "coverage_rate",
                f"{_num(allowed[coverage_basis])}% of {coverage_basis}",
                f"{_num(coverage_rate or 0.0)}%",
                ("pct_of", {"pct": allowed[coverage_basis], "basis": coverage_basis}),
                ("pct", {"value": coverage_rate or 0.0}),
            )
        )

    if standard.benefit_rate is not None:
        minimum = standard.benefit_rate
        if family_rate_basis == "all_children" and standard.benefit_rate_all_children:
            minimum = standard.benefit_rate_all_children
        if (benefit_rate or 0.0) < minimum:
            failures.append(
                Failure(
                    "benefit_rate",
                    f"{_num(minimum)}%",
                    f"{_num(benefit_rate or 0.0)}%",
                    ("pct", {"value": minimum}),
                    ("pct", {"value": benefit_rate or 0.0}),
                )
            )

    if standard.qualifying is not None and qualifying_years:
        maximum = standard.qualifying.get(qualifying_basis or "contribution")
        if maximum is None:
            maximum = standard.qualifying["contribution"]
        if qualifying_years > maximum:
            failures.append(
                Failure(
                    "qualifying_years",
                    f"at most {_num(maximum)} years of {qualifying_basis}",
                    f"{_num(qualifying_years)} years",
                    ("max_years", {"years": maximum, "basis": qualifying_basis}),
                    ("years", {"value": qualifying_years}),
                )
            )

    duration = benefit_duration_weeks or 0
    minimum_weeks = required_duration(standard, coverage_basis, uses_article3)
    if duration:
        if minimum_weeks is None:
            failures.append(
                Failure(
                    "benefit_duration_weeks",
                    "throughout the contingency",
                    f"{_num(duration)} weeks",
                    ("throughout", {}),
                    ("weeks", {"value": duration}),
                )
            )
        elif duration < minimum_weeks:
            failures.append(
                Failure(
                    "benefit_duration_weeks",
                    f"at least {minimum_weeks} weeks or throughout the contingency",
                    f"{_num(duration)} weeks",
                    ("min_weeks", {"weeks": minimum_weeks}),
                    ("weeks", {"value": duration}),
                )
            )

    if (
        standard.max_waiting_days is not None
        and (waiting_days or 0) > standard.max_waiting_days
    ):
        failures.append(
            Failure(
                "waiting_days",
                f"at most {standard.max_waiting_days} days",
                f"{_num(waiting_days)} days",
                ("max_days", {"days": standard.max_waiting_days}),
                ("days", {"value": waiting_days}),
            )
        )

    if failures:
        return GapResult("gap", tuple(failures))
    if code == "V" and pensionable_age and pensionable_age > MAX_PENSIONABLE_AGE:
        return GapResult(
            "review",
            (
                Failure(
                    "pensionable_age",
                    f"at most {MAX_PENSIONABLE_AGE} years (or higher with due regard "
                    "to the working ability of elderly persons, Art. 26(2))",
                    f"{_num(pensionable_age)} years",
                    ("max_age", {"age": MAX_PENSIONABLE_AGE}),
                    ("years", {"value": pensionable_age}),
                ),
            ),
        )
    return GapResult("compliant", ())
