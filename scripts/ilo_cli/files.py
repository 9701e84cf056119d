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


def send(odoo, args, kind):
    """Send ``args.file`` as an import of ``kind``; print the server's verdict
    (FILE:LINE: problem, then its summary); 0 when imported, 1 when refused."""
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    data = base64.b64encode(path.read_bytes()).decode()
    try:
        verdict = odoo.env["ilo.bulk.import"].import_file(
            kind, data, path.name, args.dry_run, args.skip_invalid
        )
    except Exception as exc:  # odoorpc.error.RPCError: the server's readable message
        raise CliError(rpc_error_message(exc)) from exc
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
