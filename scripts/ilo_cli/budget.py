"""ilo import-budget FILE [--skip-invalid] [--dry-run]: activity budget lines (CSV or
XLSX; columns key, project, funding_source, category, date_from, date_to,
amount_planned, amount_committed, mission_key), read and judged by the server."""

from . import files

NAME = "import-budget"
HELP = "import activity budget lines"
arguments = files.arguments


def run(odoo, args):
    return files.send(odoo, args, "budget")
