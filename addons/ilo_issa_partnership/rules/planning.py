# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Planning rules of missions and trainings. Plain Python, no ORM.

- ``nights``: nights away = return date - departure date;
- ``pick_rate``: the daily subsistence allowance (DSA) rate valid at the departure
  date: the rate of the mission's city when there is one, else the country's;
- ``cost_estimate``: nights x DSA rate x team members + terminal expenses + tickets;
- ``conflicts``: which activities put one person in two places at once (missions
  and trainings alike);
- ``public_holidays``: a country's public holidays in a date range (the
  ``holidays`` package, offline); an unknown country gives no warning;
- ``checklist_due``: checklist dates relative to departure; ``report_due``: the
  back-to-office report, due ``REPORT_GRACE_DAYS`` after return.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from .status import REPORT_GRACE_DAYS


def nights(departure, return_date):
    """Nights away: return - departure (0 for a one-day trip). ``ValueError`` when
    the return is before the departure."""
    count = (return_date - departure).days
    if count < 0:
        raise ValueError("the return date is before the departure date")
    return count


@dataclass(frozen=True)
class DsaRate:
    country: str  # ISO code
    rate: float
    currency: str
    valid_from: date
    city: str = ""
    key: object = None  # the caller's reference (a record id)


def _same_city(a, b):
    return (a or "").strip().casefold() == (b or "").strip().casefold()


def pick_rate(rates, country, on_date, city=""):
    """The rate of ``country`` valid on ``on_date`` (the latest ``valid_from`` not
    after it): the city's rate when ``city`` has one, else the country-wide rate
    (no city). ``None`` when no rate applies."""
    valid = [r for r in rates if r.country == country and r.valid_from <= on_date]
    city_rates = [r for r in valid if city and r.city and _same_city(r.city, city)]
    country_rates = [r for r in valid if not (r.city or "").strip()]
    for candidates in (city_rates, country_rates):
        if candidates:
            return max(candidates, key=lambda r: r.valid_from)
    return None


@dataclass(frozen=True)
class Estimate:
    nights: int
    subsistence: float  # nights x rate x members
    total: float


def cost_estimate(departure, return_date, rate, members, terminal=0.0, tickets=0.0):
    """Nights x ``rate`` x ``members`` + ``terminal`` expenses + ``tickets``, in
    the rate's currency. ``ValueError`` for negative amounts or dates out of
    order."""
    if rate < 0 or members < 0 or terminal < 0 or tickets < 0:
        raise ValueError("amounts and team size cannot be negative")
    count = nights(departure, return_date)
    subsistence = count * rate * members
    return Estimate(count, subsistence, subsistence + terminal + tickets)


@dataclass(frozen=True)
class Slot:
    """One person on one activity from ``start`` to ``end`` (both included)."""

    key: object  # the activity, e.g. ("mission", 7)
    person: object
    start: date
    end: date


def conflicts(slots):
    """``{key: {other keys}}``: the activities whose dates overlap (a shared day
    counts) another activity of the same person. Slots of one activity never
    conflict with each other."""
    by_person = defaultdict(list)
    for slot in slots:
        if slot.start and slot.end:
            by_person[slot.person].append(slot)
    found = defaultdict(set)
    for person_slots in by_person.values():
        person_slots.sort(key=lambda s: (s.start, s.end))
        for i, slot in enumerate(person_slots):
            for other in person_slots[i + 1 :]:
                if other.start > slot.end:
                    break
                if other.key != slot.key:
                    found[slot.key].add(other.key)
                    found[other.key].add(slot.key)
    return dict(found)


def holiday_language(supported, lang):
    """The language of ``supported`` (the package's codes, e.g. ``("en_US",
    "fr_SN")``) closest to the Odoo language ``lang`` (e.g. ``"fr_FR"``): the same
    code, else the same language in another country, else None (the package's
    default)."""
    if not lang:
        return None
    if lang in supported:
        return lang
    prefix = lang.split("_")[0]
    return next((code for code in supported if code.split("_")[0] == prefix), None)


def public_holidays(country_code, start, end, lang=None):
    """``(known, [(day, name), ...])``: the public holidays of the country
    ``country_code`` (ISO 3166 alpha-2) from ``start`` to ``end`` included, in
    order, named in ``lang`` (an Odoo language code) when the package has the
    country's names in that language, else in English when it has them.
    ``known`` is False when the package has no calendar for the country (then no
    holiday is listed: no warning can be given)."""
    import holidays

    if not (country_code and start and end) or end < start:
        return bool(country_code), []
    try:
        years = range(start.year, end.year + 1)
        calendar = holidays.country_holidays(country_code.upper(), years=years)
    except NotImplementedError:
        return False, []
    # always an explicit language: without one the package follows the process's
    # LANG/LANGUAGE variables (gettext), which differ between machines
    supported = calendar.supported_languages
    language = holiday_language(supported, lang) or holiday_language(supported, "en_US")
    if language:
        calendar = holidays.country_holidays(
            country_code.upper(), years=years, language=language
        )
    days = sorted((day, name) for day, name in calendar.items() if start <= day <= end)
    return True, days


def checklist_due(departure, offsets):
    """``{item: due date}``: each item due ``offsets[item]`` days before departure
    (a negative offset: after it)."""
    return {item: departure - timedelta(days=days) for item, days in offsets.items()}


def report_due(return_date):
    """The back-to-office report is due ``REPORT_GRACE_DAYS`` after return."""
    return return_date + timedelta(days=REPORT_GRACE_DAYS)


def report_overdue(return_date, today, reported=False):
    """True when the report is not in and its due date has passed."""
    return bool(return_date) and not reported and today > report_due(return_date)
