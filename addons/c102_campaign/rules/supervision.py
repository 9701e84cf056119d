"""After ratification: the Article 22 reports on C102 and the supervisory bodies'
comments. No ORM (unit-tested directly).

The reporting rule implemented (ILO Constitution, art. 22, as the Governing Body
applies it; sources: the ILO's guide to the supervisory system,
https://guide-supervision.ilo.org/reporting/reports-on-ratified-conventions-are-due-every-three-or-six-years-depending-on-the-convention-and-the-alphabetical-order-of-the-countrys-name/
and the ITC-ILO glossary "First report",
https://managing-ils-reporting.itcilo.org/en/resources/glossary/first-report):

- A **first report** is requested in the year following the Convention's entry into
  force for the country, due by **1 September** of that year (the next report while
  that day is ahead and no later report is known).
- Afterwards, C102 being a technical Convention, **regular reports every six
  years** (``cycle_years``, configurable), due by 1 September. Technical
  Conventions are grouped by subject and countries by the alphabetical order of their
  names (six groups: A-B, C-F, G-K, L-N, O-S, T-Z): the year a group reports on
  social security is data (``group_year``, configured per group), not a rule of
  this module.
- The year counts from, in this order: the **last report** known (the year of the
  latest CEACR comment, adopted the year the report was examined, or a year
  recorded by hand); else the group's configured year; else the first report's
  year.
- The CEACR can ask for a report **out of the cycle** (``requested_years``): the
  earliest such year still ahead comes first.

Comments (CEACR direct requests and observations) are read from a CSV file:
``read_comments`` returns the rows and every problem with its line number.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass

from odoo.addons.ilo_issa_partnership.rules.tables import (
    TableError,
    cell_text,
    read_table,
)

from .article2 import parse_parts

CYCLE_YEARS = 6
DUE_MONTH, DUE_DAY = 9, 1
FIRST_YEAR = 1955  # the Convention entered into force on 27 April 1955
GROUPS = ("A-B", "C-F", "G-K", "L-N", "O-S", "T-Z")


def report_group(name):
    """The reporting group of a country from its (English) name, e.g. "C-F"."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore")
    letter = text.decode().strip()[:1].upper()
    for group in GROUPS:
        if group[0] <= letter <= group[-1]:
            return group
    return ""


def due_date(year):
    return datetime.date(year, DUE_MONTH, DUE_DAY)


@dataclass(frozen=True)
class ReportDue:
    """The next report: ``year``, its due ``date``, its ``kind`` ("first",
    "regular", "requested") and what the year counts from (``basis``:
    "entry_into_force", "last_report", "group_year", "first_report", "request")."""

    year: int
    date: datetime.date
    kind: str
    basis: str


def _next_in_cycle(anchor, today, cycle_years, after=None):
    """The first year ``anchor + k * cycle_years`` (``k`` any integer) whose due
    date is not past and that comes after ``after``."""

    def ahead(year):
        return due_date(year) >= today and (after is None or year > after)

    year = anchor
    while not ahead(year):
        year += cycle_years
    while ahead(year - cycle_years):
        year -= cycle_years
    return year


def next_report(
    entry_into_force,
    today,
    last_report_year=None,
    group_year=None,
    requested_years=(),
    cycle_years=CYCLE_YEARS,
):
    """The next Article 22 report on C102 of a country (``ReportDue``), or None
    when the Convention is not in force for it (not ratified)."""
    if not entry_into_force:
        return None
    first_year = entry_into_force.year + 1
    reported = last_report_year or None
    if reported and reported >= first_year:
        year = _next_in_cycle(reported, today, cycle_years, after=reported)
        regular = ReportDue(year, due_date(year), "regular", "last_report")
    elif due_date(first_year) >= today:
        regular = ReportDue(
            first_year, due_date(first_year), "first", "entry_into_force"
        )
    elif group_year:
        year = _next_in_cycle(group_year, today, cycle_years, after=first_year)
        regular = ReportDue(year, due_date(year), "regular", "group_year")
    else:
        year = _next_in_cycle(first_year, today, cycle_years, after=first_year)
        regular = ReportDue(year, due_date(year), "regular", "first_report")
    ahead = [
        y
        for y in requested_years
        if y and due_date(y) >= today and (reported is None or y > reported)
    ]
    if ahead and min(ahead) < regular.year:
        year = min(ahead)
        return ReportDue(year, due_date(year), "requested", "request")
    return regular


# --- comments from a CSV file --------------------------------------------------------

COMMENT_TYPES = {
    "direct request": "direct_request",
    "direct_request": "direct_request",
    "dr": "direct_request",
    "demande directe": "direct_request",
    "observation": "observation",
    "obs": "observation",
}
COMMENT_COLUMNS = {
    "country": ("country", "pays", "member state", "état membre", "etat membre"),
    "code": ("country iso2", "iso2", "iso code", "iso", "code iso"),
    "year": ("year", "année", "annee", "year adopted", "adopted"),
    "type": ("type", "comment type", "type de commentaire", "comment"),
    "parts": ("parts", "parts concerned", "parties", "parties concernées"),
    "link": ("link", "url", "lien", "normlex"),
    "summary": ("summary", "subject", "résumé", "resume", "objet"),
    "requested": (
        "report requested",
        "report requested for",
        "rapport demandé",
        "rapport demande",
    ),
}
REQUIRED = ("year", "type")


@dataclass(frozen=True)
class CommentRow:
    """One comment as read: ``line`` of the file, the country as written
    (``country`` name and/or ISO ``code``), ``year``, ``comment_type``
    ("direct_request", "observation"), ``parts`` (codes), ``link``, ``summary``,
    ``requested_year`` (an out-of-cycle report the comment asks for, or None)."""

    line: int
    country: str
    code: str
    year: int
    comment_type: str
    parts: tuple
    link: str
    summary: str
    requested_year: int | None


def _key(label):
    return " ".join(str(label or "").strip().lower().replace("_", " ").split())


def _year(text, today):
    if not re.fullmatch(r"\d{4}", text):
        return None
    year = int(text)
    return year if FIRST_YEAR <= year <= today.year + 10 else None


def _columns(header):
    """``{column key: index}`` of a header row, and the missing required keys."""
    labels = {_key(label): index for index, label in enumerate(header)}
    columns = {}
    for key, names in COMMENT_COLUMNS.items():
        found = [labels[name] for name in names if name in labels]
        if found:
            columns[key] = found[0]
    missing = [key for key in REQUIRED if key not in columns]
    if "country" not in columns and "code" not in columns:
        missing.insert(0, "country")
    return columns, missing


def _read_row(cells, line, today):
    """``(CommentRow or None, problems)`` of one row's cells."""
    found = []
    if not (cells.get("country") or cells.get("code")):
        found.append((line, "no_country", {}))
    year = _year(cells["year"], today)
    if year is None:
        found.append((line, "bad_year", {"value": cells["year"]}))
    comment_type = COMMENT_TYPES.get(_key(cells["type"]))
    if not comment_type:
        found.append((line, "bad_type", {"value": cells["type"]}))
    parts, unknown = parse_parts(cells.get("parts", ""))
    if unknown:
        found.append((line, "unknown_parts", {"parts": ", ".join(unknown)}))
    link = cells.get("link", "")
    if link and not re.match(r"^https?://\S+$", link):
        found.append((line, "bad_link", {"value": link}))
    requested = None
    if cells.get("requested"):
        requested = _year(cells["requested"], today)
        if requested is None or (year and requested < year):
            found.append((line, "bad_requested", {"value": cells["requested"]}))
    if found:
        return None, found
    row = CommentRow(
        line=line,
        country=cells.get("country", ""),
        code=cells.get("code", ""),
        year=year,
        comment_type=comment_type,
        parts=tuple(parts),
        link=link,
        summary=cells.get("summary", ""),
        requested_year=requested,
    )
    return row, []


def read_comments(data, today):
    """``(rows, problems)`` of a CSV or XLSX file (bytes, read by the partnership
    addon's import engine ``tables.read_table``: encodings, separators,
    workbooks). A problem is ``(line, code, params)``; the header is line 1."""
    try:
        table = read_table(data)
    except TableError as exc:
        return [], [(1, "table", {"error": exc})]
    (header_line, header), body = table.rows[0], table.body
    columns, missing = _columns([cell_text(h) for h in header])
    if missing:
        return [], [(header_line, "missing_columns", {"columns": ", ".join(missing)})]
    rows, problems = [], []
    for line, values in body:
        cells = {
            key: cell_text(values[index]) if index < len(values) else ""
            for key, index in columns.items()
        }
        row, found = _read_row(cells, line, today)
        problems += found
        if row:
            rows.append(row)
    if not rows and not problems:
        problems.append((1, "empty", {}))
    return rows, problems
