# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Expenditure ledger extracts from the organisation's ERP: the shape of each row
(the file, its numbers and dates are read by ``tables``, the import engine). Plain
Python, no ORM: the records a row names (project, funding source, currency...) are
the model's to find."""

from . import tables
from .tables import cell_text

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


def read_table(data, filename):
    """(line number, cells) of each non-blank row of a CSV or XLSX file (bytes), the
    header first (``tables.read_table``: ``TableError`` when it cannot be read)."""
    return tables.read_table(data, filename).rows


def header_map(header):
    """Column key -> index in ``header``."""
    return tables.header_map(header, COLUMNS)


def _cell(key, value, parse, errors):
    """``parse(value)``, or None with the cell's problem added to ``errors``."""
    try:
        return parse(value)
    except tables.TableError as exc:
        exc.params["label"] = key
        errors.append(exc)
        return None


def parse_rows(table):
    """``(rows, problems)`` from ``read_table``'s result: each row as a dict with its
    ``line``, ``reference``, ``date``, ``amount``, ``currency``, ``project``,
    ``funding_source``, ``category``, ``description``; problems as {line: [text or
    ``tables.TableError`` of a cell, its column as ``label``]} (English; the model
    words the engine's problems in the user's language)."""
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
            row["date"] = _cell("date", values["date"], tables.parse_date, errors)
        if row.get("amount"):
            row["amount"] = _cell(
                "amount", values["amount"], tables.parse_number, errors
            )
        reference = row.get("reference")
        if reference and reference in seen:
            errors.append(f"reference {reference!r} already on line {seen[reference]}")
        elif reference:
            seen[reference] = line
        if errors:
            problems[line] = errors
        rows.append(row)
    return rows, problems
