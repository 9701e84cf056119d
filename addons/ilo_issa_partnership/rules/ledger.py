# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Expenditure ledger extracts from the organisation's ERP: reading the file (CSV or
XLSX; UTF-8 with or without BOM, or Windows-1252; ``;``, ``,`` or tab; decimal commas)
and the shape of each row. Plain Python, no ORM: the records a row names (project,
funding source, currency...) are the model's to find."""

import datetime
import re

from .tables import header_map as _header_map
from .tables import read_rows

# column key -> header labels (lower case, spaces for underscores)
COLUMNS = {
    "reference": ("reference", "ref", "référence", "document", "voucher"),
    "date": ("date", "posting date", "date comptable"),
    "amount": ("amount", "montant", "value"),
    "currency": ("currency", "devise", "cur"),
    "project": ("project", "projet"),
    "funding_source": ("funding source", "fund", "source de financement", "fonds"),
    "category": ("category", "budget category", "catégorie"),
    "description": ("description", "libellé", "label", "text"),
}
REQUIRED = ("reference", "date", "amount", "currency", "project")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d")


def read_table(data, filename):
    """(line number, cells) of each non-blank row of a CSV or XLSX file (bytes), the
    header first (``tables.read_rows``)."""
    return read_rows(data, filename)


def header_map(header):
    """Column key -> index in ``header``."""
    return _header_map(header, COLUMNS)


def parse_amount(value):
    """A number from a cell: ``1234.5``, ``1,234.50``, ``1 234,50``, ``1.234,50``,
    ``(120.00)`` (negative); None when it is none."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = str(value or "").strip().replace("\u00a0", "").replace("\u202f", "")
    text = text.replace(" ", "").replace("'", "")
    negative = text.startswith("(") and text.endswith(")")
    text = text.strip("()")
    if not re.fullmatch(r"[-+]?[\d.,]*\d", text or "x"):
        return None
    if "," in text and "." in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    elif "," in text:
        # one comma followed by 1, 2 or 4+ digits, or several: a decimal comma only
        # when it is alone and not a thousands separator of three digits
        head, _sep, tail = text.rpartition(",")
        decimal = "," if text.count(",") == 1 and len(tail) != 3 else ""
    else:
        decimal = "."
    thousands = {",": ".", ".": ",", "": ","}[decimal]
    text = text.replace(thousands, "")
    if decimal == ",":
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return -number if negative else number


def parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_rows(table):
    """``(rows, problems)`` from ``read_table``'s result: each row as a dict with its
    ``line``, ``reference``, ``date``, ``amount``, ``currency``, ``project``,
    ``funding_source``, ``category``, ``description``; problems as {line: [text]}
    (English; the model translates its own)."""
    if not table:
        return [], {0: ["the file is empty"]}
    (header_line, header), body = table[0], table[1:]
    columns = header_map(header)
    missing = [key for key in REQUIRED if key not in columns]
    if missing:
        return [], {header_line: ["missing column(s): " + ", ".join(missing)]}
    rows, problems, seen = [], {}, {}
    for line, cells in body:
        values = {
            key: cells[index] if index < len(cells) else None
            for key, index in columns.items()
        }
        row = {"line": line, **{key: cell_text(v) for key, v in values.items()}}
        errors = [f"{key} is required" for key in REQUIRED if not row.get(key)]
        if row.get("date"):
            row["date"] = parse_date(values["date"])
            if not row["date"]:
                errors.append(f"date {cell_text(values['date'])!r} is not a date")
        if row.get("amount"):
            row["amount"] = parse_amount(values["amount"])
            if row["amount"] is None:
                errors.append(f"amount {cell_text(values['amount'])!r} is not a number")
        reference = row.get("reference")
        if reference and reference in seen:
            errors.append(f"reference {reference!r} already on line {seen[reference]}")
        elif reference:
            seen[reference] = line
        if errors:
            problems[line] = errors
        rows.append(row)
    return rows, problems
