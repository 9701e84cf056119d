"""ilo iati-export [--project NAME] -o FILE.xml: partnership projects as an IATI 2.03
file, built and validated by the server."""

import sys
from pathlib import Path

from . import CliError
from .connection import rpc_error_message

NAME = "iati-export"
HELP = "export projects as an IATI 2.03 file"


def arguments(parser):
    parser.add_argument("--project", help="part of the project name (default: all)")
    parser.add_argument("-o", "--output", required=True)


def run(odoo, args):
    projects = odoo.env["project.project"]
    domain = [("is_partnership", "=", True)]
    if args.project:
        domain.append(("name", "ilike", args.project))
    ids = projects.search(domain)
    if not ids:
        raise CliError("no partnership project matches")
    try:
        result = projects.browse(ids).iati_export_xml()
    except Exception as exc:  # odoorpc.error.RPCError: the server's readable message
        raise CliError(rpc_error_message(exc)) from exc
    Path(args.output).write_text(result["xml"], encoding="utf-8")
    for error in result["errors"]:
        print(f"iati: {error}", file=sys.stderr)
    # warnings: what IATI's validators flag but accept (the exit code ignores them)
    warnings = result.get("warnings", [])
    for warning in warnings:
        print(f"iati: warning: {warning}", file=sys.stderr)
    if result["errors"]:
        print(
            f"{args.output}: written, but NOT valid "
            f"({len(result['errors'])} error(s)).",
            file=sys.stderr,
        )
        return 1
    activities = "activity" if len(ids) == 1 else "activities"
    checked = "valid against the IATI 2.03 schema and rules"
    if warnings:
        checked += f", {len(warnings)} warning(s)"
    print(f"{args.output}: {len(ids)} {activities}, {checked}.")
    return 0
