"""Ratification facts: one row of a ratification file read into facts, and what a
country's record becomes when the facts are imported.

A row comes from the NORMLEX page (Country, Date, Status, Note), from the product's
``data/c102_ratifications.csv`` (dates to the day or the year, Parts complete or "at
least" these, Parts no longer applicable, Article 3 exceptions, sources), or from a
spreadsheet mixing both. Each cell speaks to its own facts; an empty cell or a missing
column says nothing, and an import changes only what the file speaks to (``merge``).

Facts are plain values, the same for a row and for a record:

- ``ratification_date`` (date) and ``ratification_date_precision`` ("day", "year")
- ``is_succession`` (bool), ``entry_into_force_date`` (date)
- ``accepted_parts`` (Part codes in Convention order) and ``parts_status``
  ("complete", "partial": at least these, "unknown": not recorded)
- ``superseded``: ``((part, convention), ...)`` Parts no longer applicable, and
  ``superseded_note`` when a source says so without naming them
- ``article3``: Article 3 exceptions (``("9(d)", ...)``), ``article3_note`` when a
  source says exceptions were claimed without naming them
- ``source_confidence`` ("confirmed", "partial", "unverified"), ``source_urls``
- ``normlex_note``: NORMLEX's note on the ratification

Problems are ``(code, params)`` pairs: the models word them in the user's language.
"""

import datetime
import re
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

from odoo.addons.ilo_issa_partnership.rules import tables

from .article2 import PARTS, parse_parts

# Article 3 temporary exceptions, in the Convention's order, and the Part of each.
ARTICLE3_EXCEPTIONS = {
    "9(d)": "II",
    "12(2)": "II",
    "15(d)": "III",
    "18(2)": "III",
    "21(c)": "IV",
    "27(d)": "V",
    "33(b)": "VI",
    "34(3)": "VI",
    "41(d)": "VII",
    "48(c)": "VIII",
    "55(d)": "IX",
    "61(d)": "X",
}

FACT_KEYS = (
    "ratification_date",
    "ratification_date_precision",
    "is_succession",
    "entry_into_force_date",
    "accepted_parts",
    "parts_status",
    "superseded",
    "superseded_note",
    "article3",
    "article3_note",
    "source_confidence",
    "source_urls",
    "normlex_note",
)
CONFIDENCE = ("confirmed", "partial", "unverified")

# column key -> header labels (compared lower-case, "_" read as a space)
COLUMNS = {
    "code": ("country iso2", "iso2", "iso code", "iso", "code iso"),
    "country": ("country", "pays", "member state", "état membre", "etat membre"),
    "date": (
        "ratification date",
        "date",
        "date of ratification",
        "date de ratification",
        "registration date",
    ),
    "succession": ("succession",),
    "entry_into_force": (
        "entry into force",
        "entry into force date",
        "in force from",
        "entrée en vigueur",
    ),
    "parts": (
        "parts",
        "parts accepted",
        "accepted parts",
        "parties acceptées",
        "parties",
    ),
    "superseded": (
        "parts no longer applicable",
        "no longer applicable",
        "parties qui ne sont plus applicables",
    ),
    "article3": (
        "article3 exceptions",
        "article 3 exceptions",
        "art. 3 exceptions",
        "exceptions",
    ),
    "denounced": ("denounced", "denunciation", "dénonciation"),
    "confidence": ("confidence", "certainty", "fiabilité"),
    "sources": ("sources", "source"),
    "status": ("status", "statut"),
    "note": ("note", "notes"),
    # other social security Conventions (rules/conventions.py); C102 when absent
    "convention": ("convention", "instrument"),
    "branches": ("branches", "branches accepted", "branches acceptées"),
}
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d %b %Y", "%d %B %Y")
YES = ("yes", "y", "oui", "true", "1", "x")
NO = ("no", "n", "non", "false", "0")
NOT_DENOUNCED = ("", "none_seen", "none", "no", "non")
IN_FORCE = ("in force", "en vigueur")
NOT_IN_FORCE = ("not in force", "pas en vigueur", "non en vigueur")

_AT_LEAST = re.compile(r"^\s*(>=|\u2265|at least|au moins)\s*", re.IGNORECASE)
_SUPERSEDED = re.compile(
    r"^\s*(?:part\s+|partie\s+)?([IVX]+)\s*\(\s*(C)\s*(\d+)[^)]*\)\s*$", re.IGNORECASE
)
_ARTICLE3 = re.compile(
    r"^\s*(?:art(?:icle)?\.?\s*)?(\d+)\s*\(?\s*([a-z0-9])\s*\)?\s*$", re.IGNORECASE
)


def read_table(data, filename):
    """``[(line number, cells)]`` of a CSV or XLSX file (bytes), the header first;
    blank rows left out (the partnership addon's import engine ``tables``:
    encodings, separators, workbooks as offices save them)."""
    return tables.read_rows(data, filename)


def header_map(header):
    """Column key -> index in ``header`` (the first label found wins)."""
    return tables.header_map(header, COLUMNS)


def entry_into_force(date, succession):
    """Art. 79(3): 12 months after registration; a succession binds from its date."""
    if not date:
        return None
    return date if succession else date + relativedelta(months=12)


def parse_date(value):
    """``(date, precision)`` from a cell, ``None`` when it is no date.

    A year alone (``"1954"``, or the number 1954 from a spreadsheet) is a date known
    to the year: 1 January of that year, precision ``"year"``.
    """
    if isinstance(value, datetime.datetime):
        return value.date(), "day"
    if isinstance(value, datetime.date):
        return value, "day"
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value)) if float(value).is_integer() else str(value)
    text = str(value or "").strip()
    if re.fullmatch(r"\d{4}", text) and 1919 <= int(text) <= 2100:
        return datetime.date(int(text), 1, 1), "year"
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date(), "day"
        except ValueError:
            continue
    try:  # the engine's forms: serial numbers, "15.03.26", "15 mars 2026"...
        day = tables.parse_date(text)
    except tables.TableError:
        return None
    return (day, "day") if day else None


def parse_accepted(text):
    """``(codes, status, bad tokens)`` from ``"II, III, V-X"`` (complete) or
    ``">=V, VI"`` / ``"at least V, VI"`` (partial); ``None`` for an empty cell."""
    text = str(text or "").strip()
    if not text:
        return None
    status = "complete"
    match = _AT_LEAST.match(text)
    if match:
        status, text = "partial", text[match.end() :]
    codes, bad = parse_parts(text)
    return tuple(codes), status, bad


def _split(text):
    """Split on commas and semicolons outside parentheses."""
    tokens, depth, current = [], 0, ""
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in ",;" and depth <= 0:
            tokens.append(current)
            current = ""
        else:
            current += char
    tokens.append(current)
    return [t.strip() for t in tokens if t.strip()]


def parse_superseded(text):
    """``(pairs, note)``: ``"III (C130), V (C128)"`` -> ``((III, C130), (V, C128))``.

    A cell that does not name the Parts ("subset of V/IX/X (C128 Art. 45)") is kept
    as a note to confirm, whole.
    """
    text = str(text or "").strip()
    if not text:
        return (), ""
    pairs = []
    for token in _split(text):
        match = _SUPERSEDED.match(token)
        if not match or match.group(1).upper() not in PARTS:
            return (), text
        pairs.append((match.group(1).upper(), f"C{int(match.group(3))}"))
    return _ordered_pairs(pairs), ""


def parse_article3(text):
    """``(articles, note, bad)``: ``"27(d), 33(b)"`` -> ``("27(d)", "33(b)")``.

    A cell naming no exception at all ("yes (Articles not identified)") is a note;
    tokens that look like exceptions but are none are ``bad``.
    """
    text = str(text or "").strip()
    if not text:
        return (), "", []
    articles, bad = set(), []
    for token in _split(text):
        match = _ARTICLE3.match(token)
        if not match:
            bad.append(token)
            continue
        article = f"{int(match.group(1))}({match.group(2).lower()})"
        if article in ARTICLE3_EXCEPTIONS:
            articles.add(article)
        else:
            bad.append(token)
    if not articles and not any(_ARTICLE3.match(t) for t in bad):
        return (), text, []
    return tuple(a for a in ARTICLE3_EXCEPTIONS if a in articles), "", bad


def _ordered_parts(codes):
    return tuple(p for p in PARTS if p in set(codes))


def _ordered_pairs(pairs):
    by_part = dict(pairs)
    return tuple((p, by_part[p]) for p in PARTS if p in by_part)


@dataclass
class RowFacts:
    """What one row says: ``facts`` (only the keys it speaks to), the row's
    ``errors`` and ``warnings`` as ``(code, params)``, and NORMLEX's status
    (True "In Force", False "Not in force", None not given)."""

    facts: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    in_force: bool | None = None


def _text(cells, key):
    value = cells.get(key)
    return "" if value is None else str(value).strip()


def _read_dates(cells, row):
    facts, errors = row.facts, row.errors
    if cells.get("date") not in (None, ""):
        parsed = parse_date(cells["date"])
        if parsed:
            facts["ratification_date"], facts["ratification_date_precision"] = parsed
        else:
            errors.append(("bad_date", {"value": _text(cells, "date")}))
    succession = _text(cells, "succession")
    if succession.lower() in YES or succession.lower() in NO:
        facts["is_succession"] = succession.lower() in YES
    elif succession:
        errors.append(("bad_succession", {"value": succession}))
    if cells.get("entry_into_force") not in (None, ""):
        parsed = parse_date(cells["entry_into_force"])
        if parsed and parsed[1] == "day":
            facts["entry_into_force_date"] = parsed[0]
        else:
            value = _text(cells, "entry_into_force")
            errors.append(("bad_entry_into_force", {"value": value}))


def _read_parts(cells, row):
    facts, errors = row.facts, row.errors
    codes, status, bad = parse_accepted(_text(cells, "parts")) or ((), None, [])
    if bad:
        errors.append(("unknown_parts", {"parts": ", ".join(bad)}))
    elif codes:
        facts["accepted_parts"], facts["parts_status"] = codes, status
    pairs, note = parse_superseded(_text(cells, "superseded"))
    if pairs:
        facts["superseded"] = pairs
    if note:
        facts["superseded_note"] = note
    articles, note, bad = parse_article3(_text(cells, "article3"))
    if bad:
        errors.append(("unknown_article3", {"articles": ", ".join(bad)}))
    elif articles:
        facts["article3"] = articles
    if note:
        facts["article3_note"] = note


def _read_sources(cells, row):
    facts, errors, warnings = row.facts, row.errors, row.warnings
    denounced = _text(cells, "denounced")
    if denounced.lower() not in NOT_DENOUNCED:
        warnings.append(("denounced", {"value": denounced}))
    confidence = _text(cells, "confidence")
    if confidence.lower() in CONFIDENCE:
        facts["source_confidence"] = confidence.lower()
    elif confidence:
        errors.append(("bad_confidence", {"value": confidence}))
    if _text(cells, "sources"):
        facts["source_urls"] = "\n".join(_text(cells, "sources").split())
    if _text(cells, "note"):
        facts["normlex_note"] = _text(cells, "note")
    status = _text(cells, "status")
    if status.lower() in IN_FORCE or status.lower() in NOT_IN_FORCE:
        row.in_force = status.lower() in IN_FORCE
    elif status:
        warnings.append(("unknown_status", {"value": status}))


def read_row(cells):
    """Facts from one row: ``cells`` maps column keys (see ``COLUMNS``) to values."""
    row = RowFacts()
    _read_dates(cells, row)
    _read_parts(cells, row)
    _read_sources(cells, row)
    return row


def _same(old, new):
    return (old or None) == (new or None)


def _merge_dates(current, incoming, new):
    if "ratification_date" in incoming:
        date = incoming["ratification_date"]
        precision = incoming.get("ratification_date_precision", "day")
        old = current.get("ratification_date")
        knows_less = (
            precision == "year"
            and current.get("ratification_date_precision") == "day"
            and old
            and old.year == date.year
        )
        if not knows_less:
            new["ratification_date"] = date
            new["ratification_date_precision"] = precision
    if "is_succession" in incoming:
        new["is_succession"] = incoming["is_succession"]
    if "entry_into_force_date" in incoming:
        new["entry_into_force_date"] = incoming["entry_into_force_date"]
        return
    old_basis = (current.get("ratification_date"), bool(current.get("is_succession")))
    if (new["ratification_date"], bool(new["is_succession"])) != old_basis:
        derived = entry_into_force(*old_basis)
        if _same(current.get("entry_into_force_date"), derived):
            new["entry_into_force_date"] = entry_into_force(
                new["ratification_date"], new["is_succession"]
            )


def _merge_parts(current, incoming, new):
    was_ratified = bool(current.get("ratification_date"))
    if "accepted_parts" in incoming:
        parts, status = incoming["accepted_parts"], incoming["parts_status"]
        old_parts = set(current.get("accepted_parts") or ())
        old_status = current.get("parts_status")
        if not was_ratified or status == "complete":
            new["accepted_parts"], new["parts_status"] = parts, status
        elif not (old_status == "complete" and set(parts) <= old_parts):
            new["accepted_parts"] = _ordered_parts(old_parts | set(parts))
            new["parts_status"] = "partial"
    elif not was_ratified and new["ratification_date"]:
        new["accepted_parts"], new["parts_status"] = (), "unknown"
    # named Parts or exceptions replace a note saying they exist; a note does not
    # replace them
    for key in ("superseded", "article3"):
        note = f"{key}_note"
        if key in incoming:
            new[key] = incoming[key]
            new[note] = incoming.get(note) or None
        elif note in incoming and not new[key]:
            new[note] = incoming[note]


def _check_superseded(new):
    """A Part no longer applies only if it was accepted: added to a list still to
    confirm, an error against a complete one."""
    superseded = {part for part, _convention in new["superseded"] or ()}
    missing = superseded - set(new["accepted_parts"] or ())
    if missing and new["parts_status"] == "complete":
        parts = ", ".join(_ordered_parts(missing))
        return [("superseded_not_accepted", {"parts": parts})]
    if missing:
        new["accepted_parts"] = _ordered_parts(set(new["accepted_parts"]) | missing)
        new["parts_status"] = "partial"
    return []


def merge(current, incoming):
    """``(facts after the import, errors)``: ``current`` (the record's facts, empty
    for a new record) with what ``incoming`` (a row's facts) says.

    - What the row does not speak to is kept.
    - A row that knows less keeps what the record knows: a year where the record has
      the day of that year; "at least" Parts the record's complete list already has;
      a note on unnamed Parts no longer applicable, or unnamed Article 3 exceptions,
      where the record names them.
    - "At least" Parts the record does not have are added (the list stays to confirm).
    - The entry into force follows a new date or succession when it was derived from
      the old ones (Art. 79(3)); a date recorded otherwise (e.g. a succession in force
      before its registration) is kept.
    - A new ratification whose Parts the row does not give has its Parts "not
      recorded".
    """
    new = {key: current.get(key) for key in FACT_KEYS}
    _merge_dates(current, incoming, new)
    _merge_parts(current, incoming, new)
    for key in ("source_confidence", "source_urls", "normlex_note"):
        if key in incoming:
            new[key] = incoming[key]
    return new, _check_superseded(new)


def changes(current, new):
    """``[(key, old, new), ...]``: the facts that differ, in ``FACT_KEYS`` order."""
    return [
        (key, current.get(key), new.get(key))
        for key in FACT_KEYS
        if not _same(current.get(key), new.get(key))
    ]


def rewrites(current, new):
    """``[(code, params), ...]``: what an import would rewrite of a ratification
    already recorded, for the preview to ask the user to check (a typo in a year
    would otherwise rewrite history in one click). Dates as ``date``; a refinement
    (the day of a ratification known to the year, in that year; more Parts) is no
    rewrite.

    - ``("date_replaced", {"old": date, "new": date})``: another year, or another
      day where the day was known;
    - ``("parts_removed", {"parts": "VII, VIII"})``: recorded accepted Parts the
      new facts no longer list.
    """
    found = []
    old, date = current.get("ratification_date"), new.get("ratification_date")
    if old and date and old != date:
        refined = (
            current.get("ratification_date_precision") == "year"
            and old.year == date.year
        )
        if not refined:
            found.append(("date_replaced", {"old": old, "new": date}))
    kept = set(new.get("accepted_parts") or ())
    removed = [p for p in current.get("accepted_parts") or () if p not in kept]
    if removed:
        found.append(("parts_removed", {"parts": ", ".join(removed)}))
    return found


def needs_article_2(current, new):
    """Article 2 applies to complete Part lists and to new ratifications."""
    if not new.get("ratification_date"):
        return False
    return not current.get("ratification_date") or new.get("parts_status") == "complete"
