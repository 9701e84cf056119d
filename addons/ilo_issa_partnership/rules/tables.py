# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tables as offices save them: the one import engine of the addons (expenditure
ledgers, activities, participants, budget lines, ratifications, supervisory
comments). Plain Python, no ORM; problems are ``TableError(code, params)`` that the
models word in the user's language (``ilo.table.import.mixin``).

- ``decode_text``: UTF-8 with or without a BOM, UTF-16 (Excel's "Unicode text"),
  else Windows-1252 / Latin-1 (Excel's "CSV" on a Western-European Windows);
- ``read_table``: CSV (``;``, ``,`` or tab, detected and named) or XLSX (values as
  saved; a formula without a saved value is refused, LibreOffice's files read whole);
- ``parse_number``: one rule for amounts (below), an ambiguous one refused;
- ``parse_date``: dates as spreadsheets write them, a bad one refused with what was
  understood;
- ``header_map``: which column holds which key, from the header's labels.

The number rule: a decimal mark is ``,`` or ``.``; thousands are grouped by three
with a space, a no-break space, an apostrophe, or the other mark (``12 500,00``,
``12.500,00``, ``12'500.00``, ``12,500.00``). A lone ``.`` or ``,`` followed by
exactly three digits (``12.500``, ``1,234``) could be either: it is refused.
"""

import calendar
import codecs
import csv
import datetime
import io
import re
from dataclasses import dataclass, field


class TableError(ValueError):
    """A problem of a file or a cell: ``code`` and ``params`` (for the wording)."""

    def __init__(self, code, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self):
        return MESSAGES[self.code] % self.params


# English wording (the models translate their own copies)
MESSAGES = {
    "encoding": "the file is not text in UTF-8, UTF-16 or Windows-1252 "
    "(save it as CSV UTF-8 or as XLSX)",
    "binary": "the file is not a CSV or XLSX file (an old .xls or another format: "
    "save it as XLSX or CSV)",
    "xlsx": "the workbook could not be read (%(error)s): save it again as XLSX",
    "formula": "cell %(cell)s holds a formula with no saved value (%(formula)s): "
    "open the file in a spreadsheet program, let it calculate, and save it",
    "empty": "no rows could be read from the file",
    "no_rows": "the file has a header but no rows below it",
    "number": "%(value)r is not a number",
    "ambiguous": "%(value)r is ambiguous: %(low)s or %(high)s? Write the decimals "
    "(%(low_text)s or %(high_text)s)",
    "date": "%(value)r is not a date (expected e.g. 2026-03-15 or 15/03/2026)",
    "bad_date": "%(value)r: no such day (read as day %(day)s, month %(month)s, "
    "year %(year)s; that month has %(days)s days). Dates are read day/month/year, "
    "as French files write them, or year-month-day: write e.g. %(last)s",
    "bad_month": "%(value)r: no month %(month)s (read as day %(day)s, month "
    "%(month)s, year %(year)s). Dates are read day/month/year, as French files "
    "write them, or year-month-day (e.g. 2026-03-15)",
    "us_date": "%(value)r: no month %(month)s (read as day %(day)s, month "
    "%(month)s, year %(year)s). Dates are read day/month/year, as French files "
    "write them: if the file writes month/day/year, it means %(swapped)s: write "
    "%(swapped)s",
    "month_name": "%(value)r: %(name)r is not a month name (write e.g. "
    "15 mars 2026, 15 March 2026 or 2026-03-15)",
    "serial": "%(value)r is a number, not a date (as a spreadsheet's day number it "
    "would fall outside 1954-2099): write the date, e.g. 2026-03-15",
}
SEPARATORS = {";": "semicolon (;)", ",": "comma (,)", "\t": "tab"}
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass
class Table:
    """The rows of a file: ``[(line number, cells)]`` of non-blank rows, the header
    first (line numbers as a spreadsheet counts them); how it was read."""

    rows: list = field(default_factory=list)
    kind: str = "csv"  # or "xlsx"
    encoding: str = ""
    separator: str = ""

    @property
    def header(self):
        return self.rows[0][1] if self.rows else []

    @property
    def body(self):
        return self.rows[1:]

    def describe(self):
        """How the file was read, in English: "CSV, Windows-1252, semicolon (;)"."""
        if self.kind == "xlsx":
            return "XLSX"
        return f"CSV, {self.encoding}, {SEPARATORS.get(self.separator, 'comma (,)')}"


# --- bytes to text -----------------------------------------------------------------


def _looks_utf16(data):
    """UTF-16 without a BOM: many NUL bytes at every other position."""
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) // 4 and even == 0:
        return "utf-16-le"
    if even > len(sample) // 4 and odd == 0:
        return "utf-16-be"
    return None


def decode(data):
    """``(text, encoding label)`` of a CSV file's bytes; ``TableError`` otherwise."""
    if data.startswith(codecs.BOM_UTF8):
        return _try(data[3:], "utf-8", "UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _try(data, "utf-16", "UTF-16")
    bare = _looks_utf16(data)
    if bare:
        return _try(data, bare, "UTF-16")
    if b"\x00" in data[:4096]:
        raise TableError("binary")
    # the five bytes Windows-1252 leaves undefined: Latin-1 (ISO 8859-1)
    for codec, label in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252")):
        try:
            return data.decode(codec), label
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "Latin-1"


def _try(data, codec, label):
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise TableError("encoding") from exc
    return text.lstrip("\ufeff"), label


def decode_text(data):
    """The text of a CSV file (bytes -> str); ``TableError`` (a ``ValueError``)
    when it cannot be read."""
    return decode(data)[0]


# --- text to rows ------------------------------------------------------------------


def sniff_separator(text):
    """``;``, tab or ``,``: the one that splits the header and the first rows into
    the same number (more than one) of cells, the header's most frequent first."""
    lines = [line for line in text.splitlines() if line.strip()][:20]
    if not lines:
        return ","
    best, best_score = ",", (0, 0)
    for separator in (";", "\t", ","):
        counts = [
            len(row)
            for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=separator)
        ]
        width = counts[0]
        if width < 2:
            continue
        steady = sum(1 for count in counts if count == width)
        score = (steady, width)
        if score > best_score:
            best, best_score = separator, score
    return best


def _csv_rows(data):
    text, encoding = decode(data)
    separator = sniff_separator(text)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    return Table(_numbered(rows), "csv", encoding, separator)


def _xlsx_rows(data):
    import openpyxl

    try:
        values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
        formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is one message
        raise TableError("xlsx", error=str(exc) or type(exc).__name__) from exc
    # the first sheet with anything in it (LibreOffice may leave an empty first one)
    names = [
        name
        for name in values.sheetnames
        if any(_filled(row) for row in values[name].iter_rows(values_only=True))
    ]
    if not names:
        return Table([], "xlsx")
    sheet, source = values[names[0]], formulas[names[0]]
    rows = []
    for row, formula_row in zip(sheet.iter_rows(), source.iter_rows(), strict=False):
        for cell, formula in zip(row, formula_row, strict=False):
            if cell.value is None and formula.data_type == "f":
                raise TableError("formula", cell=cell.coordinate, formula=formula.value)
        rows.append([cell.value for cell in row])
    return Table(_numbered(rows), "xlsx")


def _filled(row):
    return any(str(c if c is not None else "").strip() for c in row)


def _numbered(rows):
    return [(number, row) for number, row in enumerate(rows, start=1) if _filled(row)]


def read_table(data, filename=""):
    """The :class:`Table` of a CSV or XLSX file (``data``: bytes). A workbook is
    known by its content, whatever its name; ``TableError`` for what cannot be read,
    and for a file without a header and a row."""
    if data.startswith(XLSX_MAGIC):
        table = _xlsx_rows(data)
    elif data.startswith(OLE_MAGIC):
        raise TableError("binary")
    else:
        table = _csv_rows(data)
    if not table.rows:
        raise TableError("empty")
    if len(table.rows) < 2:
        raise TableError("no_rows")
    return table


def read_rows(data, filename=""):
    """``[(line number, cells), ...]`` of each non-blank row, the header first."""
    return read_table(data, filename).rows


def header_map(header, columns):
    """Column key -> index in ``header``; ``columns`` maps each key to its labels
    (lower case, spaces for underscores). The first label found wins."""
    found = {}
    for index, cell in enumerate(header):
        label = re.sub(r"[\s_]+", " ", str(cell or "")).strip().lower()
        for key, names in columns.items():
            if label in names and key not in found:
                found[key] = index
    return found


def cell_text(value):
    """A cell as text: dates as YYYY-MM-DD, whole floats without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and not value.time():
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# --- numbers -----------------------------------------------------------------------

_GROUPING = re.compile(r"[ \u00a0\u202f'\u2019]")
_GROUPED = re.compile(r"\d{1,3}([ \u00a0\u202f'\u2019]\d{3})+")


def parse_number(value):
    """A number from a cell by the rule above; None for an empty cell;
    ``TableError`` ("number" or "ambiguous") otherwise."""
    if isinstance(value, bool):
        raise TableError("number", value=str(value))
    if isinstance(value, int | float):
        return float(value)
    original = str(value if value is not None else "").strip()
    if not original:
        return None
    text = original
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    if text.startswith(("-", "+")):
        negative, text = negative or text[0] == "-", text[1:].strip()
    elif text.endswith("-"):
        negative, text = True, text[:-1].strip()
    number = _unsigned(text, original)
    return -number if negative else number


def _unsigned(text, original):
    if not re.fullmatch(
        r"[\d.,\s\u00a0\u202f'\u2019]*\d[\d.,\s\u00a0\u202f'\u2019]*", text
    ):
        raise TableError("number", value=original)
    integer, decimals = _split_mark(text, original)
    if _GROUPING.search(integer):
        if not _GROUPED.fullmatch(integer):
            raise TableError("number", value=original)
        integer = _GROUPING.sub("", integer)
    if not re.fullmatch(r"\d*", integer) or not re.fullmatch(r"\d*", decimals):
        raise TableError("number", value=original)
    if not (integer or decimals):
        raise TableError("number", value=original)
    return float(f"{integer or 0}.{decimals or 0}")


def _split_mark(text, original):
    """``(integer part, decimals)``: which of ``,`` and ``.`` is the decimal mark."""
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        mark = "," if text.rfind(",") > text.rfind(".") else "."
        other = "." if mark == "," else ","
        integer, _sep, decimals = text.rpartition(mark)
        if text.count(mark) > 1 or not re.fullmatch(
            r"\d{1,3}(" + re.escape(other) + r"\d{3})+", integer
        ):
            raise TableError("number", value=original)
        return integer.replace(other, ""), decimals
    if not (commas or dots):
        return text, ""
    mark = "," if commas else "."
    if commas + dots > 1:  # 1.234.567 or 1,234,567: thousands only
        if not re.fullmatch(r"\d{1,3}(" + re.escape(mark) + r"\d{3})+", text):
            raise TableError("number", value=original)
        return text.replace(mark, ""), ""
    integer, _sep, decimals = text.partition(mark)
    grouped = bool(_GROUPING.search(integer))
    plain = integer.strip()
    if len(decimals) == 3 and not grouped and plain not in ("", "0"):
        low = float(f"{plain}.{decimals}")
        high = float(plain + decimals)
        raise TableError(
            "ambiguous",
            value=original,
            low=_plain(low),
            high=_plain(high),
            low_text=f"{plain}{mark}{_decimals(decimals)}",
            high_text=f"{plain} {decimals}{mark}00",
        )
    return integer, decimals


def _decimals(digits):
    """``500`` -> ``50``, ``234`` -> ``2340``: the same decimals, not three."""
    short = digits.rstrip("0")
    return short.ljust(2, "0") if len(short) <= 2 else digits + "0"


def _plain(number):
    return f"{number:,.3f}".rstrip("0").rstrip(".").replace(",", " ")


# --- dates -------------------------------------------------------------------------

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "janv", "janvier"),
            ("feb", "february", "fév", "fev", "févr", "fevr", "février", "fevrier"),
            ("mar", "march", "mars"),
            ("apr", "april", "avr", "avril"),
            ("may", "mai"),
            ("jun", "june", "juin"),
            ("jul", "july", "juil", "juillet"),
            ("aug", "august", "aoû", "aou", "août", "aout"),
            ("sep", "sept", "september", "septembre"),
            ("oct", "october", "octobre"),
            ("nov", "november", "novembre"),
            ("dec", "december", "déc", "décembre", "decembre"),
        ),
        start=1,
    )
    for name in names
}
EXCEL_EPOCH = datetime.date(1899, 12, 30)
# serial numbers of 1954-01-01 .. 2099-12-31 (a bare number outside is no date)
SERIALS = (19725, 73050)
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME)
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})" + _TIME)
_NAMED = re.compile(r"(\d{1,2})(?:er)?[\s.-]+([^\W\d]+)\.?[\s.,-]+(\d{4})" + _TIME)


def parse_date(value):
    """A date from a cell (day first: 03/04/2026 is 3 April); None for an empty
    cell; ``TableError`` saying what was understood: "bad_date" (no such day),
    "bad_month"/"us_date" (no such month; a month/day/year reading when there is
    one), "month_name", "serial" (a number out of spreadsheet dates), else
    "date"."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial(value, str(value))
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    if re.fullmatch(r"\d{5}(\.\d+)?", text):
        return _serial(float(text), text)
    match = _ISO.fullmatch(text)
    if match:
        year, month, day = map(int, match.groups())
        return _date(year, month, day, text, day_first=False)
    match = _DMY.fullmatch(text)
    if match:
        day, month, year = map(int, match.groups())
        if len(match.group(3)) == 2:
            year += 2000 if year < 70 else 1900
        return _date(year, month, day, text)
    match = _NAMED.fullmatch(text)
    if match:
        name = match.group(2).lower()
        if name not in MONTHS:
            raise TableError("month_name", value=text, name=match.group(2))
        day, year = int(match.group(1)), int(match.group(3))
        return _date(year, MONTHS[name], day, text)
    raise TableError("date", value=text)


def _serial(number, text):
    if not SERIALS[0] <= number <= SERIALS[1]:
        raise TableError("serial", value=text)
    return EXCEL_EPOCH + datetime.timedelta(days=int(number))


def _date(year, month, day, text, day_first=True):
    """The date, or ``TableError`` saying what was understood: no such month (and
    what a month/day/year file would mean), or no such day (the month's last)."""
    params = {"value": text, "day": day, "month": month, "year": year}
    if year < 1:
        raise TableError("date", value=text)
    if not 1 <= month <= 12:
        swapped = None
        if day_first and 1 <= day <= 12:
            try:
                swapped = datetime.date(year, day, month)
            except ValueError:
                swapped = None
        if swapped:
            raise TableError("us_date", swapped=swapped.isoformat(), **params)
        raise TableError("bad_month", **params)
    try:
        return datetime.date(year, month, day)
    except ValueError as exc:
        days = calendar.monthrange(year, month)[1]
        last = datetime.date(year, month, days).isoformat()
        raise TableError("bad_date", days=days, last=last, **params) from exc
