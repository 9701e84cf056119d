"""ilo import-coverage FILE [--dry-run]: effective social protection coverage (SDG
indicator 1.3.1) as ILOSTAT gives it, its bulk CSV or SDMX-CSV. The server reads and
judges the file (c102.coverage.import.import_file) and reports every bad row with its
line; nothing is written while a row is bad; the same file again changes nothing, and
a newer figure for the same country, contingency, sex and year replaces the older
(kept in its history)."""

import sys

from . import files

NAME = "import-coverage"
HELP = "import ILOSTAT coverage figures (SDG 1.3.1; all or nothing)"


def arguments(parser):
    parser.add_argument("file")
    parser.add_argument(
        "--dry-run", action="store_true", help="check and count, write nothing"
    )


def run(odoo, args):
    path, report = files.upload(
        args,
        lambda data, name: odoo.env["c102.coverage.import"].import_file(
            data, name, args.dry_run
        ),
    )
    if files.bad_rows(path, report):
        return 1
    for line, text in report["skipped"]:
        print(f"{path.name}:{line}: {text}", file=sys.stderr)
    new, replaced = ("to add", "to replace") if args.dry_run else ("new", "replaced")
    print(
        f"{report['layout']}: {report['new']} figure(s) {new}, "
        f"{report['replaced']} {replaced}, {report['unchanged']} unchanged."
    )
    return 0
