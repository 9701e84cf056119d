"""The IATI rules an activity must meet beyond the 2.03 schema: the Standard's
ruleset (IATI-Rulesets ``standard.json``, version 2.03), the codelists, and the
IATI Validator's checks on the elements this export publishes. Plain Python on the
activity dicts of ``builder`` (no ORM).

Each problem is ``(level, text)``: ``error`` where the Standard or the Validator
says *must* (the Validator rejects the activity), ``warning`` where they say
*should* (published, but flagged). All problems of all activities are reported at
once; the caller names the record.
"""

import re
from datetime import date, datetime

from .validate import codelist

ERROR, WARNING = "error", "warning"
# characters an identifier (activity or organisation) must not hold (ruleset regex)
FORBIDDEN = "/&|?"
QUALITATIVE = "5"
URL = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)


def _iso(value):
    return value.isoformat() if isinstance(value, date | datetime) else str(value)


def _day(value):
    return value.date() if isinstance(value, datetime) else value


def _now(data):
    return _day(data.get("today")) or date.today()


def _error(text):
    return (ERROR, text)


def _warning(text):
    return (WARNING, text)


def _in(name, code):
    return str(code) in codelist(name)


def _org_ref(ref, what):
    """An organisation identifier: no forbidden character (error), and a prefix
    from the OrganisationRegistrationAgency codelist (warning)."""
    problems = []
    if any(c in ref for c in FORBIDDEN):
        problems.append(_error(f"{what} identifier {ref} must not contain / & | ?"))
    agencies = codelist("OrganisationRegistrationAgency")
    if not any(ref.startswith(agency + "-") for agency in agencies):
        problems.append(
            _warning(
                f"{what} identifier {ref} should begin with a registration agency "
                "of the IATI OrganisationRegistrationAgency codelist (e.g. XM-DAC-)"
            )
        )
    return problems


# --- identification ---------------------------------------------------------------


def rule_identifier(data):
    identifier = (data.get("identifier") or "").strip()
    if not identifier:
        return [_error("the activity has no IATI identifier")]
    problems = []
    ref = data["reporting_org"]["ref"]
    if not identifier.startswith(ref + "-"):
        problems.append(
            _error(
                f"identifier {identifier} must begin with the reporting organisation "
                f"identifier {ref} and a hyphen"
            )
        )
    if any(c in identifier for c in FORBIDDEN):
        problems.append(_error(f"identifier {identifier} must not contain / & | ?"))
    return problems


def rule_reporting_org(data):
    org = data["reporting_org"]
    if not org.get("ref"):
        return [_error("the reporting organisation has no identifier (ref)")]
    problems = _org_ref(org["ref"], "reporting organisation")
    if not _in("OrganisationType", org.get("type")):
        problems.append(
            _error(
                f"reporting organisation type {org.get('type')} is not in the IATI "
                "OrganisationType codelist"
            )
        )
    return problems


def _languages(texts, what):
    return [
        _error(f"{what}: language {lang} is not in the IATI Language codelist")
        for lang, text in texts.items()
        if text and not _in("Language", lang)
    ]


def rule_texts(data):
    problems = []
    titles, descriptions = data.get("titles", {}), data.get("descriptions", {})
    if not any((text or "").strip() for text in titles.values()):
        problems.append(_error("the activity must have a title"))
    if not any((text or "").strip() for text in descriptions.values()):
        problems.append(_warning("the activity should have a description"))
    problems += _languages(titles, "title")
    problems += _languages(descriptions, "description")
    return problems


def rule_participating(data):
    problems = []
    for party in data["participating"]:
        name, ref = party.get("name") or "", party.get("ref") or ""
        what = f"participating organisation {name or ref or '(unnamed)'}"
        if not (name.strip() or ref.strip()):
            problems.append(
                _error("a participating organisation must have a name or a ref")
            )
        if not _in("OrganisationRole", party.get("role")):
            problems.append(
                _error(
                    f"{what}: role {party.get('role')} is not in the IATI "
                    "OrganisationRole codelist (1 funding, 2 accountable, "
                    "3 extending, 4 implementing)"
                )
            )
        if party.get("type") and not _in("OrganisationType", party["type"]):
            problems.append(
                _error(
                    f"{what}: type {party['type']} is not in the IATI "
                    "OrganisationType codelist"
                )
            )
        if ref:
            problems += _org_ref(ref, what)
    return problems


# --- status and dates -------------------------------------------------------------


def rule_status(data):
    status = data.get("status")
    if not _in("ActivityStatus", status):
        return [_error(f"activity status {status} is not in the IATI codelist")]
    dates = dict(data["dates"])
    problems = []
    if status in ("2", "3", "4") and "2" not in dates:
        problems.append(
            _warning(
                f"an activity of status {status} (under way or done) should have an "
                "actual start date"
            )
        )
    if status in ("3", "4") and "4" not in dates:
        problems.append(
            _warning(
                f"an activity of status {status} (finalisation or closed) should have "
                "an actual end date"
            )
        )
    if status == "1" and "2" in dates:
        problems.append(
            _warning(
                "an activity in the pipeline (status 1) should not have an actual "
                "start date"
            )
        )
    return problems


def rule_dates(data):
    problems = []
    dates = dict(data["dates"])
    today = _now(data)
    if "1" not in dates and "2" not in dates:
        problems.append(_error("a planned or actual start date is required"))
    for start, end, label in (("1", "3", "planned"), ("2", "4", "actual")):
        if start in dates and end in dates and dates[start] > dates[end]:
            problems.append(
                _error(
                    f"the {label} start {_iso(dates[start])} is after the {label} "
                    f"end {_iso(dates[end])}"
                )
            )
    for kind, label in (("2", "actual start"), ("4", "actual end")):
        if kind in dates and _day(dates[kind]) > today:
            problems.append(
                _error(
                    f"the {label} date {_iso(dates[kind])} is in the future: give "
                    "a planned date until it has happened"
                )
            )
    last = data.get("last_updated")
    if last and _day(last) > today:
        problems.append(
            _error(f"last-updated-datetime {_iso(last)} must not be in the future")
        )
    return problems


# --- where and what ---------------------------------------------------------------


def rule_recipients(data):
    countries, regions = data["countries"], data.get("regions", [])
    if not countries and not regions:
        return [_error("a recipient country or region is required")]
    problems = [
        _error(f"recipient country {code} is not in the IATI Country codelist")
        for code, _pct in countries
        if not _in("Country", code)
    ]
    problems += [
        _error(f"recipient region {code} is not in the IATI Region codelist")
        for code, vocabulary, _pct in regions
        if vocabulary == "1" and not _in("Region", code)
    ]
    total = round(sum(p for _c, p in countries) + sum(p for _c, _v, p in regions), 2)
    if total != 100:
        problems.append(
            _error(
                f"recipient country and region percentages add up to {total}, not 100"
            )
        )
    return problems


def rule_sectors(data):
    sectors = data["sectors"]
    if not sectors and not any(m.get("sectors") for m in data["transactions"]):
        return [_error("the activity (or each transaction) must have a sector")]
    problems = []
    for vocabulary in sorted({v for _c, v, _p in sectors}):
        if not _in("SectorVocabulary", vocabulary):
            problems.append(
                _error(f"sector vocabulary {vocabulary} is not in the IATI codelist")
            )
        total = round(sum(p for _c, v, p in sectors if v == vocabulary), 2)
        if total != 100:
            problems.append(
                _error(
                    f"sector percentages (vocabulary {vocabulary}) add up to {total}, "
                    "not 100"
                )
            )
    problems += [
        _error(f"sector {code} is not in the IATI Sector (DAC 5-digit) codelist")
        for code, vocabulary, _pct in sectors
        if vocabulary == "1" and not _in("Sector", code)
    ]
    return problems


# --- money ------------------------------------------------------------------------


def _currency(data, currency, what):
    if not currency and not data.get("default_currency"):
        return [
            _error(
                f"{what} has no currency and the activity no default currency: "
                "give one of them"
            )
        ]
    if currency and not _in("Currency", currency):
        return [_error(f"{what}: currency {currency} is not in the IATI codelist")]
    return []


def rule_default_currency(data):
    currency = data.get("default_currency")
    if currency and not _in("Currency", currency):
        return [_error(f"default currency {currency} is not in the IATI codelist")]
    return []


def rule_budgets(data):
    problems = []
    budgets = sorted(data["budgets"], key=lambda b: (b.get("type", "1"), b["start"]))
    for line in budgets:
        start, end = line["start"], line["end"]
        what = f"budget {_iso(start)} to {_iso(end)}"
        if end < start:
            problems.append(
                _error(f"budget period {start} to {end} ends before it starts")
            )
        elif (end - start).days > 366 or (end.year - start.year) > 1:
            problems.append(
                _error(f"budget period {start} to {end} is longer than one year")
            )
        value_date = line.get("value_date")
        if value_date and not start <= value_date <= end:
            problems.append(
                _warning(
                    f"{what}: the value date {_iso(value_date)} should be within "
                    "the budget period"
                )
            )
        problems += _currency(data, line.get("currency"), what)
    for before, after in zip(budgets, budgets[1:], strict=False):
        same = before.get("type", "1") == after.get("type", "1")
        if same and after["start"] <= before["end"]:
            problems.append(
                _error(
                    f"budget periods {before['start']} to {before['end']} and "
                    f"{after['start']} to {after['end']} overlap: give the budget "
                    "lines the same periods (e.g. calendar years)"
                )
            )
    return problems


def rule_transactions(data):
    today = _now(data)
    problems = []
    for move in data["transactions"]:
        when = _day(move["date"])
        what = f"transaction of {_iso(when)}"
        if when > today:
            problems.append(
                _error(
                    f"{what} is dated in the future: an expenditure is published "
                    "once it is spent"
                )
            )
        value_date = _day(move.get("value_date") or when)
        if value_date != when and value_date > today:
            problems.append(
                _error(f"{what}: its value date {_iso(value_date)} is in the future")
            )
        if not _in("TransactionType", move["type"]):
            problems.append(
                _error(f"{what}: type {move['type']} is not in the IATI codelist")
            )
        problems += _currency(data, move.get("currency"), what)
    return problems


# --- documents and results --------------------------------------------------------


def rule_documents(data):
    problems = []
    for document in data["documents"]:
        what = f"document {document.get('title') or document.get('url')}"
        if not URL.fullmatch(document.get("url") or ""):
            problems.append(
                _error(f"{what}: {document.get('url')!r} is not a web address")
            )
        if not _in("FileFormat", document.get("format")):
            problems.append(
                _error(
                    f"{what}: format {document.get('format')} is not in the IATI "
                    "FileFormat codelist"
                )
            )
        if not _in("DocumentCategory", document.get("category")):
            problems.append(
                _error(
                    f"{what}: category {document.get('category')} is not in the "
                    "IATI DocumentCategory codelist"
                )
            )
        if not (document.get("title") or "").strip():
            problems.append(_error(f"{what}: a document link must have a title"))
        problems += [
            _error(f"{what}: language {lang} is not in the IATI Language codelist")
            for lang in document.get("langs", [])
            if not _in("Language", lang)
        ]
    return problems


def _indicator_values(indicator, what):
    """Values required for a quantitative measure, omitted for a qualitative one."""
    problems = []
    qualitative = indicator["measure"] == QUALITATIVE
    baseline = indicator.get("baseline")
    if not qualitative and not baseline:
        problems.append(
            _warning(f"{what}: a quantitative indicator should have a baseline")
        )
    values = [("baseline", (baseline or {}).get("value"))] if baseline else []
    for period in indicator["periods"]:
        label = f"period {_iso(period['start'])} to {_iso(period['end'])}"
        if period["end"] < period["start"]:
            problems.append(_error(f"{what}, {label}: ends before it starts"))
        values += [
            (f"{label} target", period.get("target")),
            (f"{label} actual", period.get("actual")),
        ]
    for label, value in values:
        if not qualitative and value is None:
            problems.append(
                _error(f"{what}: the {label} must have a value (quantitative measure)")
            )
        if qualitative and value is not None:
            problems.append(
                _warning(
                    f"{what}: the {label} should have no value (qualitative measure)"
                )
            )
    return problems


def rule_results(data):
    problems = []
    for result in data.get("results", []):
        title = next(iter(result["titles"].values()), "") or "(untitled)"
        if not _in("ResultType", result["type"]):
            problems.append(
                _error(f"result {title}: type {result['type']} is not in the codelist")
            )
        for indicator in result["indicators"]:
            name = next(iter(indicator["titles"].values()), "") or "(untitled)"
            what = f"result {title}, indicator {name}"
            if not _in("IndicatorMeasure", indicator["measure"]):
                problems.append(
                    _error(
                        f"{what}: measure {indicator['measure']} is not in the codelist"
                    )
                )
            problems += _indicator_values(indicator, what)
    return problems


RULES = (
    rule_identifier,
    rule_reporting_org,
    rule_texts,
    rule_participating,
    rule_status,
    rule_dates,
    rule_recipients,
    rule_sectors,
    rule_default_currency,
    rule_budgets,
    rule_transactions,
    rule_documents,
    rule_results,
)


def check_activity(data):
    """Every problem of one activity: ``[(level, text)]``, errors and warnings."""
    problems = []
    for rule in RULES:
        problems += rule(data)
    return problems


def check_rules(data):
    """The errors of one activity (texts): what the Validator rejects."""
    return [text for level, text in check_activity(data) if level == ERROR]


def check_file(activities):
    """Problems across the activities of one file: ``[(index, level, text)]`` —
    an iati-identifier must be unique in the file."""
    seen, problems = {}, []
    for index, data in enumerate(activities):
        identifier = data.get("identifier")
        if identifier in seen:
            problems.append(
                (
                    index,
                    ERROR,
                    f"identifier {identifier} is also the identifier of activity "
                    f"{seen[identifier] + 1} of the file: each must be unique",
                )
            )
        else:
            seen[identifier] = index
    return problems
