"""Results framework arithmetic: an indicator's value to date and its progress.

An indicator is measured in units (people, guidelines, countries), as a percentage
(0-100) or qualitatively (no number). Its approved periods give the value to date:

- ``sum``: the periods add up (people trained in each year), the value to date is the
  sum of the approved periods' actuals;
- ``latest``: each period states a level (share of women, countries with a validated
  assessment), the value to date is the actual of the latest approved period.

Progress is the share of the way from the baseline to the life-of-project target that
the value to date has covered, clipped to 0..100 when ``clip`` is set. It works for
decreasing indicators too (target below baseline). There is no progress without a
target, for a qualitative indicator, or when the target equals the baseline.
"""

from dataclasses import dataclass
from datetime import date

MEASURES = ("unit", "percentage", "qualitative")
AGGREGATIONS = ("sum", "latest")


@dataclass(frozen=True)
class PeriodValue:
    date_end: date
    actual: float


def value_to_date(measure, aggregation, periods):
    """The indicator's value from its approved ``periods`` (PeriodValue), or None."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    if aggregation not in AGGREGATIONS:
        raise ValueError(f"unknown aggregation {aggregation!r}")
    periods = list(periods)
    if measure == "qualitative" or not periods:
        return None
    if aggregation == "latest":
        return max(periods, key=lambda p: p.date_end).actual
    return sum(p.actual for p in periods)


def progress(measure, baseline, target, value, clip=True):
    """Percentage of the way from ``baseline`` to ``target`` covered by ``value``."""
    if measure == "qualitative" or target is None or value is None:
        return None
    baseline = baseline or 0.0
    span = target - baseline
    if span == 0:
        return None
    share = (value - baseline) / span * 100.0
    if clip:
        share = min(max(share, 0.0), 100.0)
    return round(share, 1)


def check_value(measure, value):
    """An error message for a value the measure does not allow, or None."""
    if value is None:
        return None
    if measure == "percentage" and not 0.0 <= value <= 100.0:
        return "percentage"
    if measure == "unit" and value < 0:
        return "negative"
    return None
