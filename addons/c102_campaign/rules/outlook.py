"""The outlook to the campaign's target: how likely each country is to ratify by a
date, and how many ratifications the campaign can expect then. No ORM: plain values
in, plain values out (unit-tested against hand-computed cases).

The model (documented choices, not ILO facts)
---------------------------------------------
- A country moves forward through the campaign stages ``STAGES`` (not started,
  awareness-raising, gap assessment, national dialogue, roadmap, submitted) to
  ratification. Leaving a stage is a constant hazard (exponential waiting time): a
  stage ``s`` is left at ``rate[s]`` per month.
- **Estimate per stage** from the stage history of every country in the database
  (ratified ones included): ``events`` = spells in ``s`` that ended by moving forward,
  ``exposure`` = months spent in ``s`` over every spell, including the spells still
  running (censored at the as-of date) and the spells that ended by moving back.
  With a Gamma prior worth ``PRIOR_WEIGHT`` countries that each stayed
  ``PRIOR_MONTHS[s]`` months, the rate is the posterior mean::

      rate[s] = (PRIOR_WEIGHT + events) / (PRIOR_WEIGHT * PRIOR_MONTHS[s] + exposure)

  so the prior dominates while few countries went through a stage, and the
  observations take over as they accumulate (blended by observation count).
- **The country's own time in its current stage** counts: countries differ, and a
  country that has stayed long without moving is likely slower than the average. Its
  own rate is drawn around ``rate[s]`` with the spread of ``FRAILTY`` observations
  (a Gamma frailty) and updated with its ``e`` months in the stage without moving::

      own_rate = FRAILTY * rate[s] / (FRAILTY + rate[s] * e)

  The stages it has not reached yet use ``rate[s]``.
- **Months, not days**: time runs in whole months from the as-of date (``horizon``:
  the number of whole months before the target date). Each month a country leaves
  its stage with probability ``p = 1 - exp(-rate)`` (geometric), one stage at most
  per month; the probability of ratifying by the target date is computed exactly
  over the months (a Markov chain, no simulation).
- **Expected date**: the as-of date plus the expected months to ratification, the
  sum of the mean geometric waits ``1 / p`` of the stages still ahead.
- **Overdue**: a country has stayed in its stage longer than the stage's mean
  duration ``1 / rate[s]``.
- **The campaign**: countries are independent; the number of new ratifications by
  the target date follows the Poisson-binomial distribution of the countries'
  probabilities, computed exactly. The 80% interval runs from its 10th to its 90th
  percentile (the smallest counts whose cumulative probability reaches 0.10 and
  0.90), plus the ratifications already registered.

Units and shapes
----------------
- dates are ``datetime.date``; durations are months of ``DAYS_PER_MONTH`` days
- a stage history is a list of ``(date, stage)``: the stage entered on that date
- probabilities are floats in [0, 1]
"""

import calendar
import datetime
import math
from dataclasses import dataclass, field

from .article2 import CORE_PARTS, check_article_2

STAGES = (
    "not_started",
    "awareness",
    "gap_assessment",
    "national_dialogue",
    "roadmap",
    "submitted",
)
RATIFIED = "ratified"
RANK = {stage: rank for rank, stage in enumerate((*STAGES, RATIFIED))}
DAYS_PER_MONTH = 365.25 / 12

# Prior mean months in each stage before the next one: planning assumptions of the
# campaign (its method: awareness, then a comparative assessment, a tripartite
# dialogue, a roadmap, then the parliamentary procedure), not observed figures.
PRIOR_MONTHS = {
    "not_started": 36.0,
    "awareness": 12.0,
    "gap_assessment": 12.0,
    "national_dialogue": 12.0,
    "roadmap": 18.0,
    "submitted": 12.0,
}
PRIOR_WEIGHT = 2.0  # the prior counts as two countries
FRAILTY = 2.0  # the spread between countries, in observations
INTERVAL = (0.10, 0.90)  # the 80% interval's percentiles


def months_between(start, end):
    """Months (float) from ``start`` to ``end`` (dates); 0 when ``end`` is earlier."""
    return max((end - start).days, 0) / DAYS_PER_MONTH


def add_months(day, months):
    """``day`` plus whole ``months``, on the same day of the month or its last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def horizon(as_of, target_date):
    """The number of whole months from ``as_of`` that end on or before
    ``target_date`` (0 when the target date is less than a month away)."""
    months = (target_date.year - as_of.year) * 12 + target_date.month - as_of.month
    while months > 0 and add_months(as_of, months) > target_date:
        months -= 1
    return max(months, 0)


@dataclass(frozen=True)
class Spell:
    """A stay in ``stage`` of ``months``; ``moved`` when it ended by moving forward,
    ``running`` when it goes on at the as-of date."""

    stage: str
    months: float
    moved: bool = False
    running: bool = False


def spells(history, current_stage, as_of):
    """The stays of one country from its stage history ``[(date, stage), ...]``.

    Consecutive entries of the same stage are one stay (from the first). A stay ends
    at the next entry: moving forward (a later stage, even several stages on) is an
    event of that stage; moving back ends it without an event. The last stay runs to
    ``as_of`` when it is the country's current stage. Ratified is the end: no stay.
    """
    entries = sorted(history, key=lambda entry: (entry[0], RANK[entry[1]]))
    result = []
    start = None
    for day, stage in entries:
        if start is not None and stage == start[1]:
            continue
        if start is not None and start[1] != RATIFIED:
            result.append(
                Spell(
                    start[1],
                    months_between(start[0], day),
                    moved=RANK[stage] > RANK[start[1]],
                )
            )
        start = (day, stage)
    if start is not None and start[1] == current_stage and current_stage != RATIFIED:
        result.append(Spell(start[1], months_between(start[0], as_of), running=True))
    return result


@dataclass(frozen=True)
class StageRate:
    """What the database says of one stage: ``events`` forward moves over
    ``exposure`` months, blended with the prior into ``rate`` (per month)."""

    stage: str
    events: int
    exposure: float
    prior_months: float
    rate: float

    @property
    def mean_months(self):
        return 1.0 / self.rate


def stage_rates(all_spells, prior_months=None, prior_weight=PRIOR_WEIGHT):
    """``{stage: StageRate}`` from the stays of every country (an iterable of
    ``Spell``)."""
    prior_months = prior_months or PRIOR_MONTHS
    events = dict.fromkeys(STAGES, 0)
    exposure = dict.fromkeys(STAGES, 0.0)
    for spell in all_spells:
        events[spell.stage] += spell.moved
        exposure[spell.stage] += spell.months
    return {
        stage: StageRate(
            stage,
            events[stage],
            exposure[stage],
            prior_months[stage],
            (prior_weight + events[stage])
            / (prior_weight * prior_months[stage] + exposure[stage]),
        )
        for stage in STAGES
    }


def own_rate(rate, months_in_stage, frailty=FRAILTY):
    """A country's rate in its current stage after ``months_in_stage`` without
    moving, around the stage's ``rate`` (Gamma frailty worth ``frailty``
    observations)."""
    return frailty * rate / (frailty + rate * months_in_stage)


def monthly_probability(rate):
    """The probability of leaving a stage within a month at a constant ``rate``."""
    return 1.0 - math.exp(-rate)


def probability_by(monthly, months):
    """The probability of going through every stage of ``monthly`` (each stage's
    monthly probability of leaving, in order) within ``months`` whole months: exact,
    one stage at most per month."""
    mass = [1.0] + [0.0] * len(monthly)  # mass[i]: in the i-th stage still ahead
    for _month in range(months):
        for index in range(len(monthly) - 1, -1, -1):
            moving = mass[index] * monthly[index]
            mass[index] -= moving
            mass[index + 1] += moving
    return mass[-1]


def poisson_binomial(probabilities):
    """The exact distribution of the number of successes of independent trials:
    ``pmf[k]`` = probability of exactly ``k``."""
    pmf = [1.0]
    for p in probabilities:
        pmf = [
            (pmf[k] if k < len(pmf) else 0.0) * (1 - p) + (pmf[k - 1] * p if k else 0.0)
            for k in range(len(pmf) + 1)
        ]
    return pmf


def quantile(pmf, level):
    """The smallest count whose cumulative probability reaches ``level``."""
    total = 0.0
    for count, probability in enumerate(pmf):
        total += probability
        if total >= level - 1e-12:
            return count
    return len(pmf) - 1


def article2_needs(compliant_parts):
    """What Article 2 still needs from the compliant Parts (codes): ``(more,
    core)``, ``more`` Parts of II-X still to comply with, and ``core`` True when
    one of them must be among Parts IV, V, VI, IX and X."""
    result = check_article_2(compliant_parts)
    core = not CORE_PARTS.intersection(result.parts)
    more = max(3 - result.count, 1 if core else 0)
    return more, core


@dataclass(frozen=True)
class CountryOutlook:
    """The outlook of one country not yet ratified."""

    key: object
    stage: str
    months_in_stage: float
    rate: float  # its own rate in its current stage, per month
    stage_mean_months: float  # the stage's mean duration, all countries
    overdue: bool
    probability: float  # of ratifying by the target date
    expected_months: float  # from the as-of date to ratification
    expected_date: datetime.date


@dataclass(frozen=True)
class CampaignOutlook:
    """The campaign at the target date."""

    as_of: datetime.date
    target_date: datetime.date
    target: int
    ratified: int  # already registered
    expected: float  # ratified + the expected new ones
    low: int  # the 80% interval
    high: int
    probability_target: float  # of at least ``target`` ratifications
    distribution: tuple  # pmf of new ratifications
    rates: dict  # {stage: StageRate}
    countries: tuple = field(default_factory=tuple)  # CountryOutlook, likeliest first


def country_outlook(key, stage, months_in_stage, rates, months, as_of, frailty=FRAILTY):
    """The outlook of a country in ``stage`` for ``months`` months ahead."""
    ahead = STAGES[RANK[stage] :]
    current = rates[stage]
    rate = own_rate(current.rate, months_in_stage, frailty)
    monthly = [monthly_probability(rate)] + [
        monthly_probability(rates[s].rate) for s in ahead[1:]
    ]
    expected = sum(1.0 / p for p in monthly)
    return CountryOutlook(
        key=key,
        stage=stage,
        months_in_stage=months_in_stage,
        rate=rate,
        stage_mean_months=current.mean_months,
        overdue=months_in_stage > current.mean_months,
        probability=probability_by(monthly, months),
        expected_months=expected,
        expected_date=as_of + datetime.timedelta(days=round(expected * DAYS_PER_MONTH)),
    )


def campaign_outlook(
    countries,
    ratified,
    target,
    target_date,
    as_of,
    prior_months=None,
    prior_weight=PRIOR_WEIGHT,
    frailty=FRAILTY,
):
    """The outlook of the campaign.

    ``countries``: ``[(key, current_stage, history), ...]`` for every country with
    a stage history (ratified ones too: their past stays teach the rates);
    ``ratified``: the ratifications already registered; ``target``: the count to
    reach by ``target_date``; ``as_of``: today.
    """
    stays = {key: spells(history, stage, as_of) for key, stage, history in countries}
    rates = stage_rates(
        (s for found in stays.values() for s in found), prior_months, prior_weight
    )
    months = horizon(as_of, target_date)
    outlooks = []
    for key, stage, _history in countries:
        if stage == RATIFIED:
            continue
        running = [s for s in stays[key] if s.running]
        months_in = running[0].months if running else 0.0
        outlooks.append(
            country_outlook(key, stage, months_in, rates, months, as_of, frailty)
        )
    outlooks.sort(key=lambda o: (-o.probability, o.expected_months, str(o.key)))
    pmf = poisson_binomial([o.probability for o in outlooks])
    needed = target - ratified
    return CampaignOutlook(
        as_of=as_of,
        target_date=target_date,
        target=target,
        ratified=ratified,
        expected=ratified + sum(o.probability for o in outlooks),
        low=ratified + quantile(pmf, INTERVAL[0]),
        high=ratified + quantile(pmf, INTERVAL[1]),
        probability_target=1.0 if needed <= 0 else sum(pmf[needed:], 0.0),
        distribution=tuple(pmf),
        rates=rates,
        countries=tuple(outlooks),
    )
