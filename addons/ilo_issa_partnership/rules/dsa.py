# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Daily subsistence allowance (DSA) rates as the UN publishes them (CSV or XLSX:
country, location, rate, currency, valid from): the rows of the file, checked.
Plain Python, no ORM: the countries and currencies a row names are the model's to
find. The file is read by the import engine (``tables``)."""

import datetime
import re

from .tables import TableError, header_map, parse_date, read_rows

COLUMNS = {
    "country": ("country", "country name", "country code", "pays"),
    "city": ("location", "city", "area", "lieu", "ville"),
    "rate": ("rate", "dsa", "dsa rate", "daily rate", "rate usd", "taux", "montant"),
    "currency": ("currency", "devise", "cur"),
    "valid_from": (
        "valid from",
        "effective date",
        "effective from",
        "date",
        "valable à partir du",
        "date d'effet",
    ),
}
REQUIRED = ("country", "rate", "currency", "valid_from")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%b-%Y", "%d-%b-%y", "%d %b %Y")


def parse_rate(value):
    """A non-negative rate from a cell (``250``, ``1,234.50``, ``1 234,5``); None
    when it is not one."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value) if value >= 0 else None
    text = re.sub(r"[\s\u00a0\u202f']", "", str(value or ""))
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?|\d+(\.\d+)?", text):
        return float(text.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(\.\d{3})*,\d{1,2}|\d+,\d{1,2}", text):
        return float(text.replace(".", "").replace(",", "."))
    return None


def parse_day(value):
    """A date from a cell (a spreadsheet date, or ``2027-01-31``, ``31/01/2027``,
    ``31.01.2027``, ``31-Jan-2027``...); None when it is not one."""
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
    try:  # the import engine's forms (serial numbers, "15 mars 2027"...)
        return parse_date(text)
    except TableError:
        return None


def _text(value):
    return "" if value is None else str(value).strip()


def parse_file(data, filename):
    """``(rows, errors)``: each good row as a dict (line, country, city, rate,
    currency, valid_from); each problem as ``(line, key, value)`` with key one of
    ``missing_columns`` (value: the keys), ``empty`` (no row), ``rate``,
    ``valid_from``, ``country``, ``currency`` (a required cell empty or wrong).
    ``ValueError`` when the bytes are not a readable table."""
    try:
        table = read_rows(data, filename)
    except TableError as error:  # no row at all, or a header alone
        if error.code in ("empty", "no_rows"):
            return [], [(1, "empty", "")]
        raise
    (_line, header), body = table[0], table[1:]
    columns = header_map(header, COLUMNS)
    missing = [key for key in REQUIRED if key not in columns]
    if missing:
        return [], [(1, "missing_columns", missing)]
    if not body:
        return [], [(1, "empty", "")]
    rows, errors = [], []
    for line, cells in body:

        def cell(key, cells=cells):
            index = columns.get(key)
            return cells[index] if index is not None and index < len(cells) else None

        row = {
            "line": line,
            "country": _text(cell("country")),
            "city": _text(cell("city")),
            "rate": parse_rate(cell("rate")),
            "currency": _text(cell("currency")).upper(),
            "valid_from": parse_day(cell("valid_from")),
        }
        problems = [
            (line, key, _text(cell(key))) for key in REQUIRED if row[key] in (None, "")
        ]
        if problems:
            errors.extend(problems)
        else:
            rows.append(row)
    return rows, errors
