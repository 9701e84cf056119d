"""ilo report {partnership,project-sheet,country-brief} ... -o FILE.pdf: the server's
PDF reports."""

from . import CliError
from .connection import download_pdf

NAME = "report"
HELP = "download a PDF report"


def arguments(parser):
    parser.add_argument(
        "which", choices=("partnership", "project-sheet", "country-brief")
    )
    parser.add_argument("--from", dest="date_from")
    parser.add_argument("--to", dest="date_to")
    parser.add_argument("--project")
    parser.add_argument("--country")
    parser.add_argument("-o", "--output", required=True)


def run(odoo, args):
    if args.which == "partnership":
        if not (args.date_from and args.date_to):
            raise CliError("the partnership report needs --from and --to (YYYY-MM-DD)")
        wizard_id = odoo.env["ilo.partnership.report.wizard"].create(
            {"date_from": args.date_from, "date_to": args.date_to}
        )
        report, ids = "ilo_issa_partnership.report_partnership", [wizard_id]
    elif args.which == "project-sheet":
        ids = odoo.env["project.project"].search(
            [("is_partnership", "=", True), ("name", "ilike", args.project or "")],
            limit=2,
        )
        if len(ids) != 1:
            raise CliError(
                f"--project {args.project!r} matches {len(ids) or 'no'} "
                "partnership projects; be more precise"
            )
        report = "ilo_issa_partnership.report_project_sheet"
    else:
        ids = odoo.env["c102.country"].search(
            [("country_id.code", "=", (args.country or "").upper())], limit=1
        )
        if not ids:
            raise CliError(f"no campaign record for country {args.country!r}")
        report = "c102_campaign.report_country_brief"
    return download_pdf(odoo, report, ids, args.output)
