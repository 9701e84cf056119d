# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Tables as offices save them: the one reader of the addons' imports (expenditure
ledgers here, ratifications and supervisory comments in the campaign addon). Plain
Python, no ORM.

- ``decode_text``: UTF-8 with or without a BOM, UTF-16 with its BOM (Excel's
  "Unicode text"), else Windows-1252 (Excel's "CSV" on a French or other
  Western-European Windows);
- ``read_rows``: CSV (``;``, ``,`` or tab, detected) or XLSX (values as saved);
- ``header_map``: which column holds which key, from the header's labels.
"""

import codecs
import csv
import io
import re


def decode_text(data):
    """The text of a CSV file (bytes -> str). Raises ``ValueError`` when the bytes
    are neither UTF-8, UTF-16 (with its BOM) nor Windows-1252 text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("the file is neither UTF-8, UTF-16 nor Windows-1252 text")


def read_rows(data, filename):
    """``[(line number, cells), ...]`` of each non-blank row of a CSV or XLSX file
    (``data``: bytes; ``filename`` ending in ``.xlsx`` for a workbook, its first
    sheet), the header first; line numbers count from 1 as a spreadsheet does."""
    if (filename or "").lower().endswith(".xlsx"):
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        rows = [list(row) for row in book.active.iter_rows(values_only=True)]
    else:
        text = decode_text(data)
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
        except csv.Error:
            dialect = csv.excel
        rows = list(csv.reader(io.StringIO(text), dialect))
    return [
        (number, row)
        for number, row in enumerate(rows, start=1)
        if any(str(c if c is not None else "").strip() for c in row)
    ]


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
