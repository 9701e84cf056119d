"""ilo import-expenditure FILE [--dry-run]: actual spend from the organisation's ERP —
a ledger extract (CSV or XLSX: Reference, Date, Amount, Currency, Project, Funding
source, Category, Description). The server reads and judges the file (the addon's
import engine: UTF-8 with or without BOM, UTF-16 or Windows-1252, `;`, `,` or tab,
decimal commas, dates as spreadsheets write them, XLSX)
and reports every bad row with its line; nothing is written while a row is bad; a
reference already imported is updated, or left alone when unchanged."""

import sys

from . import files

NAME = "import-expenditure"
HELP = "import actual spend from an ERP ledger extract (all or nothing)"


def arguments(parser):
    parser.add_argument("file")
    parser.add_argument(
        "--dry-run", action="store_true", help="check and count, write nothing"
    )


def run(odoo, args):
    path, report = files.upload(
        args,
        lambda data, name: odoo.env["ilo.expenditure.import"].import_file(
            data, name, args.dry_run
        ),
    )
    if report.get("read_as"):
        print(f"{path.name}: {report['read_as']}", file=sys.stderr)
    if files.bad_rows(path, report):
        return 1
    created, updated = (
        ("to create", "to update") if args.dry_run else ("created", "updated")
    )
    print(
        f"{report['created']} cost(s) {created}, {report['updated']} {updated}, "
        f"{report['unchanged']} unchanged."
    )
    if report.get("unbudgeted"):
        print(
            f"warning: {report['unbudgeted']} new cost(s) match no budget line "
            "(listed under Unbudgeted Spend)",
            file=sys.stderr,
        )
    return 0
