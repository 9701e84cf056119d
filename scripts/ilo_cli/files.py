"""The bulk imports' run: the file goes to the server (``ilo.bulk.import.import_file``,
the addon's import engine: encodings, separators, numbers, dates, keys, Odoo's own
import in one transaction), which answers with its verdict; this prints it. No rule
of the server is repeated here."""

import base64
import sys
from pathlib import Path

from . import CliError
from .connection import rpc_error_message


def arguments(parser):
    """The options of the bulk imports."""
    parser.add_argument("file")
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the good rows even when some are bad",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="check and count, write nothing"
    )


def upload(args, call):
    """Read ``args.file`` and hand it to ``call(data, filename)`` (data in base64),
    the server method that reads and judges it; returns ``(path, its answer)``. A
    missing file or the server's refusal is a CliError naming the file."""
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    data = base64.b64encode(path.read_bytes()).decode()
    try:
        return path, call(data, path.name)
    except Exception as exc:  # odoorpc.error.RPCError: the server's readable message
        raise CliError(f"{path.name}: {rpc_error_message(exc)}") from exc


def bad_rows(path, report):
    """Print the bad rows of an all-or-nothing import (``report["errors"]``: line,
    problem) as FILE:LINE: problem; 1 when there are any (nothing imported), else
    0."""
    for line, text in report["errors"]:
        print(f"{path.name}:{line}: {text}", file=sys.stderr)
    if not report["errors"]:
        return 0
    count = len({line for line, _text in report["errors"]})
    print(f"{count} bad row(s): nothing imported.", file=sys.stderr)
    return 1


def send(odoo, args, kind):
    """Send ``args.file`` as an import of ``kind``; print the server's verdict
    (FILE:LINE: problem, then its summary); 0 when imported, 1 when refused."""
    path, verdict = upload(
        args,
        lambda data, name: odoo.env["ilo.bulk.import"].import_file(
            kind, data, name, args.dry_run, args.skip_invalid
        ),
    )
    print(f"{path.name}: {verdict['read_as']}", file=sys.stderr)
    for line, kind_, text in verdict["problems"]:
        where = f"{path.name}:{line}" if line else path.name
        prefix = "" if kind_ == "error" else f"{kind_}: "
        print(f"{where}: {prefix}{text}", file=sys.stderr)
    if not verdict["ok"]:
        print(
            f"{verdict['summary']} (use --skip-invalid to import the good rows)",
            file=sys.stderr,
        )
        return 1
    print(verdict["summary"])
    return 0
