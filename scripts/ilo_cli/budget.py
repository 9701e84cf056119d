"""ilo import-budget FILE [--skip-invalid]: activity budget lines (CSV or XLSX)."""

from . import files, loading

NAME = "import-budget"
HELP = "import activity budget lines"
arguments = files.arguments

COLUMNS = {
    "key": "id",
    "project": "project_id",
    "funding_source": "funding_source_id",  # its code (or name)
    "category": "category",
    "date_from": "date_from",
    "date_to": "date_to",
    "amount_planned": "amount_planned",
    "amount_committed": "amount_committed",
    "mission_key": "mission_id/id",  # a mission of import-activities
}


def run(odoo, args):
    header, rows = files.read_rows(args.file)
    problems = files.check_keys(rows, {})
    kind = loading.Kind(
        "budget", "ilo.budget.line", COLUMNS, refs={"mission_key": "mission"}
    ).prepare(odoo, header)
    lines = [kind.row(line, values) for line, values in rows if line not in problems]
    done = loading.run(odoo, args.file, lines, len(rows), problems, args.skip_invalid)
    if done is None:
        return 1
    print(f"{done[0]} budget line(s) imported (created or updated); {done[1]} skipped.")
    return 0
