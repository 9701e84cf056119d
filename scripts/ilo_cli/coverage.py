"""ilo import-coverage FILE [--dry-run]: effective social protection coverage (SDG
indicator 1.3.1) as ILOSTAT gives it, its bulk CSV or SDMX-CSV. The server reads and
judges the file (c102.coverage.import.import_file) and reports every bad row with its
line; nothing is written while a row is bad; the same file again changes nothing, and
a newer figure for the same country, contingency, sex and year replaces the older
(kept in its history)."""

import base64
import sys
from pathlib import Path

from . import CliError
from .connection import rpc_error_message

NAME = "import-coverage"
HELP = "import ILOSTAT coverage figures (SDG 1.3.1; all or nothing)"


def arguments(parser):
    parser.add_argument("file")
    parser.add_argument(
        "--dry-run", action="store_true", help="check and count, write nothing"
    )


def run(odoo, args):
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    data = base64.b64encode(path.read_bytes()).decode()
    try:
        report = odoo.env["c102.coverage.import"].import_file(
            data, path.name, args.dry_run
        )
    except Exception as exc:  # odoorpc.error.RPCError: the server's readable message
        raise CliError(f"{path.name}: {rpc_error_message(exc)}") from exc
    for line, text in report["errors"]:
        print(f"{path.name}:{line}: {text}", file=sys.stderr)
    if report["errors"]:
        count = len({line for line, _text in report["errors"]})
        print(f"{count} bad row(s): nothing imported.", file=sys.stderr)
        return 1
    for line, text in report["skipped"]:
        print(f"{path.name}:{line}: {text}", file=sys.stderr)
    new, replaced = ("to add", "to replace") if args.dry_run else ("new", "replaced")
    print(
        f"{report['layout']}: {report['new']} figure(s) {new}, "
        f"{report['replaced']} {replaced}, {report['unchanged']} unchanged."
    )
    return 0
