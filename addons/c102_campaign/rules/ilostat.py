# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Effective coverage (SDG indicator 1.3.1) from ILOSTAT files, plain Python.

Two layouts are read (shared/domain/c102.md §6b), recognised from the header:

- the **bulk CSV** of ILOSTAT (Rilostat, ``get_ilostat``): ``ref_area``, ``source``,
  ``indicator``, ``sex``, ``classif1`` (the contingency), ``time``, ``obs_value``,
  ``obs_status`` and their ``.label`` columns;
- **SDMX-CSV** (``sdmx.ilo.org/rest/data/...?format=csv``): ``REF_AREA``, ``SEX``,
  ``SOC``, ``TIME_PERIOD``, ``OBS_VALUE``, ``OBS_STATUS``, ``SOURCE``...

Files are read with ``tables`` of the partnership addon (encodings, separators, XLSX).
``read_coverage`` gives one ``Figure`` per row (or the row's problems as ``(code,
params)`` pairs, worded by the models); ``plan`` compares them with the figures
already recorded: new, replaced (the older one goes to history), unchanged.
"""

import re
from dataclasses import dataclass, field

from odoo.addons.ilo_issa_partnership.rules.tables import header_map, read_rows

from .country_names import alpha2

# contingency -> ILOSTAT SOC codes (the codelist is to verify against ILOSTAT: the
# spellings seen in clients are all accepted)
CONTINGENCIES = {
    "total": ("SOC_CONTIG_TOTAL", "TOTAL"),
    "old_age": ("SOC_CONTIG_OLD", "SOC_CONTIG_PENSION", "OLD_AGE", "OLD"),
    "children": ("SOC_CONTIG_CHILD", "SOC_CONTIG_CHI", "CHILDREN", "CHILD"),
    "disability": ("SOC_CONTIG_DISAB", "SOC_CONTIG_DIS", "DISABILITY", "DISAB"),
    "maternity": ("SOC_CONTIG_MAT", "SOC_CONTIG_MATERN", "MATERNITY", "MAT"),
    "unemployment": (
        "SOC_CONTIG_UNE",
        "SOC_CONTIG_UNEMP",
        "SOC_CONTIG_UNEMPL",
        "UNEMPLOYMENT",
    ),
    "work_injury": (
        "SOC_CONTIG_INJ",
        "SOC_CONTIG_EMPINJ",
        "SOC_CONTIG_WORK",
        "SOC_CONTIG_WI",
        "WORK_INJURY",
    ),
    "vulnerable": ("SOC_CONTIG_VUL", "SOC_CONTIG_VULN", "VULNERABLE"),
}
_CONTINGENCY_CODES = {
    code: key for key, codes in CONTINGENCIES.items() for code in codes
}
SEXES = {"SEX_T": "total", "SEX_M": "male", "SEX_F": "female", "T": "total"}
SEXES.update({"M": "male", "F": "female", "_T": "total"})
# the observation statuses ILOSTAT gives; "U" is the one the campaign must see
STATUSES = {
    "": "reported",
    "A": "reported",
    "U": "unreliable",
    "B": "break",
    "E": "estimate",
    "I": "imputed",
    "P": "provisional",
}
# the C102 Part whose effective coverage is the branch's (law beside practice)
PART_CONTINGENCY = {
    "IV": "unemployment",
    "V": "old_age",
    "VI": "work_injury",
    "VII": "children",
    "VIII": "maternity",
    "IX": "disability",
}

BULK = {
    "area": ("ref area",),
    "area_label": ("ref area.label",),
    "source": ("source",),
    "source_label": ("source.label",),
    "indicator": ("indicator",),
    "sex": ("sex",),
    "contingency": ("classif1",),
    "year": ("time",),
    "value": ("obs value",),
    "status": ("obs status",),
    "note": ("note source.label", "note indicator.label"),
}
SDMX = {
    "area": ("ref area",),
    "indicator": ("indicator", "dataflow"),
    "sex": ("sex",),
    "contingency": ("soc",),
    "year": ("time period",),
    "value": ("obs value",),
    "status": ("obs status",),
    "source": ("source",),
    "note": ("note source", "note indicator"),
}
REQUIRED = ("area", "sex", "contingency", "year", "value")
_AGGREGATE = re.compile(r"^X\d", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    """One coverage figure: ``country`` an ISO alpha-2 code, ``value`` a %."""

    country: str
    contingency: str
    sex: str
    year: int
    value: float
    status: str = "reported"
    source: str = ""
    note: str = ""

    @property
    def key(self):
        return (self.country, self.contingency, self.sex, self.year)


@dataclass
class Reading:
    """A file read: its ``layout`` ("bulk", "sdmx"), ``figures`` as
    ``[(line, Figure)]``, ``errors`` and ``skipped`` as ``[(line, code, params)]``."""

    layout: str = ""
    figures: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    skipped: list = field(default_factory=list)


def layout(header):
    """``("bulk" | "sdmx", column map)``, or ``(None, {})`` for another file."""
    labels = [str(cell or "").strip() for cell in header]
    bulk = header_map(labels, BULK)
    if all(key in bulk for key in REQUIRED):
        return "bulk", bulk
    sdmx = header_map(labels, SDMX)
    if all(key in sdmx for key in REQUIRED):
        return "sdmx", sdmx
    return None, {}


def _number(text):
    text = str(text if text is not None else "").strip().replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def _year(text):
    text = str(text if text is not None else "").strip()
    if isinstance(text, str) and text.endswith(".0"):
        text = text[:-2]
    match = re.fullmatch(r"(\d{4})(?:-?A)?", text)
    return int(match.group(1)) if match else None


def read_figure(cells):
    """``(Figure | None, [(code, params)], skip)`` from one row's cells (column key
    -> value): a regional aggregate (``X…`` area) is skipped, not an error."""
    text = {k: str(v if v is not None else "").strip() for k, v in cells.items()}
    area = text.get("area", "")
    if _AGGREGATE.match(area):
        return None, [], ("aggregate", {"value": area})
    errors = []
    country = alpha2(area)
    if not country:
        errors.append(("unknown_area", {"value": area}))
    contingency = _CONTINGENCY_CODES.get(text.get("contingency", "").upper())
    if not contingency:
        errors.append(("unknown_contingency", {"value": text.get("contingency", "")}))
    sex = SEXES.get(text.get("sex", "").upper())
    if not sex:
        errors.append(("unknown_sex", {"value": text.get("sex", "")}))
    year = _year(cells.get("year"))
    if not year or not 1990 <= year <= 2100:
        errors.append(("bad_year", {"value": text.get("year", "")}))
    value = _number(cells.get("value"))
    if value is None or not 0 <= value <= 100:
        errors.append(("bad_value", {"value": text.get("value", "")}))
    status = STATUSES.get(text.get("status", "").upper())
    if status is None:
        errors.append(("unknown_status", {"value": text.get("status", "")}))
    if errors:
        return None, errors, None
    source = text.get("source_label") or text.get("source", "")
    figure = Figure(
        country, contingency, sex, year, value, status, source, text.get("note", "")
    )
    return figure, [], None


def read_coverage(data, filename):
    """A ``Reading`` of an ILOSTAT file (bytes). Raises ``ValueError`` when the file
    is unreadable or neither layout; each bad row is an error with its line, and
    the same figure twice in a file is an error on the second."""
    rows = read_rows(data, filename)
    if not rows:
        raise ValueError("empty file")
    header_line, header = rows[0]
    kind, columns = layout(header)
    if not kind:
        raise ValueError("not an ILOSTAT bulk CSV or SDMX-CSV file")
    reading = Reading(layout=kind)
    seen = {}
    for line, values in rows[1:]:
        cells = {
            key: values[index] if index < len(values) else None
            for key, index in columns.items()
        }
        figure, errors, skip = read_figure(cells)
        if skip:
            reading.skipped.append((line, *skip))
            continue
        if figure and figure.key in seen:
            errors = [("duplicate", {"line": seen[figure.key]})]
        if errors:
            reading.errors += [(line, code, params) for code, params in errors]
            continue
        seen[figure.key] = line
        reading.figures.append((line, figure))
    return reading


FIGURE_FIELDS = ("value", "status", "source", "note")


def plan(figures, recorded):
    """``{"new": [...], "replace": [...], "unchanged": [...]}`` of ``Figure``:
    ``recorded`` maps a figure's key to the recorded one (a ``Figure`` too). A
    figure that differs from the recorded one in value, status, source or note
    replaces it (the import is the newer)."""
    result = {"new": [], "replace": [], "unchanged": []}
    for figure in figures:
        old = recorded.get(figure.key)
        if old is None:
            result["new"].append(figure)
        elif any(getattr(old, f) != getattr(figure, f) for f in FIGURE_FIELDS):
            result["replace"].append(figure)
        else:
            result["unchanged"].append(figure)
    return result


def divergence(legal, effective, threshold):
    """``(points, diverges)``: legal minus effective coverage in points, and
    whether the gap exceeds ``threshold`` either way; ``(None, False)`` when the
    effective figure is unknown."""
    if effective is None or legal is None:
        return None, False
    points = round(legal - effective, 1)
    return points, abs(points) > threshold
