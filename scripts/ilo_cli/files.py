"""The imports' files: CSV or XLSX rows, their options, and the checks of the file's
own shape (a key on every row, unique in the file). Every other check is the
server's."""

import csv
import datetime
from pathlib import Path

from . import CliError

PREFIX = "ilo_cli"


def arguments(parser):
    """The options of both imports."""
    parser.add_argument("file")
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the good rows even when some are bad",
    )


def external_id(kind, key):
    return f"{PREFIX}.{kind}_{key}"


def text(value):
    """A cell as text: XLSX dates as YYYY-MM-DD, None as empty."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else str(value).strip()


def read_rows(path):
    """The header (lower case) and (line number, {column: text}) of each row."""
    path = Path(path)
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    if path.suffix.lower() == ".xlsx":
        import openpyxl

        sheet = openpyxl.load_workbook(path, read_only=True, data_only=True).active
        rows = list(sheet.iter_rows(values_only=True))
    else:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.reader(handle))
    if not rows:
        raise CliError(f"{path.name}: empty file")
    header = [text(h).lower() for h in rows[0]]
    return header, [
        (number, dict(zip(header, map(text, row), strict=False)))
        for number, row in enumerate(rows[1:], start=2)
        if any(map(text, row))
    ]


def check_keys(rows, problems, scope=lambda values: ""):
    """Every row has a key, unique (within its scope) in the file: it names the
    row's record (external id) so that a re-import updates it."""
    seen = {}
    for line, values in rows:
        if line in problems:
            continue
        key, where = values.get("key", ""), scope(values)
        if not key:
            problems[line] = [
                "key is required (it makes re-imports update, not duplicate)"
            ]
        elif (where, key) in seen:
            problems[line] = [f"key {key!r} already used on line {seen[where, key]}"]
        else:
            seen[where, key] = line
    return problems
