"""ilo export {activities,budget,campaign} [--area CODE] [--country ISO] [--year YYYY]
[--format csv|xlsx] -o FILE: a list of the server as a spreadsheet."""

import csv
from pathlib import Path

from . import CliError

NAME = "export"
HELP = "export activities, budget lines or the campaign"

# kind -> (model, columns, filters: option -> field, related records shown by: field)
EXPORTS = {
    "activities": (
        "ilo.partnership.analysis",
        "activity_type name project_id collaboration_area_id country_id date state "
        "is_late participant_count female_count",
        {
            "area": "collaboration_area_id.code",
            "country": "country_id.code",
            "year": "year",
        },
        {},
    ),
    "budget": (
        "ilo.budget.line",
        "project_id collaboration_area_id funding_source_id category date_from date_to "
        "currency_id amount_planned amount_committed amount_actual amount_available",
        {
            "area": "collaboration_area_id.code",
            "country": "project_id.country_ids.code",
            "year": "year",
        },
        {},
    ),
    "campaign": (
        "c102.country",
        "country_id code stage ratification_date accepted_part_ids ratification_ready "
        "focal_point_id target_year",
        {"country": "country_id.code", "year": "ratification_year"},
        {"accepted_part_ids": "code"},  # Parts as II, V...
    ),
}


def arguments(parser):
    parser.add_argument("kind", choices=sorted(EXPORTS))
    parser.add_argument("--area", help="collaboration area code, e.g. advisory")
    parser.add_argument("--country", help="ISO code, e.g. SN")
    parser.add_argument("--year", type=int)
    parser.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    parser.add_argument("-o", "--output", required=True)


def domain(args, filters):
    out = []
    for option in ("area", "country", "year"):
        value = getattr(args, option)
        if value is None:
            continue
        if option not in filters:
            raise CliError(f"--{option} does not apply to {args.kind}")
        out.append(
            (filters[option], "=", value.upper() if option == "country" else value)
        )
    return out


def cell(value, kind, label):
    """A value of web_search_read as a spreadsheet cell."""
    if kind == "many2one":
        return value["display_name"] if value else ""
    if kind in ("many2many", "one2many"):
        return ", ".join(related[label] for related in value)
    return "" if value is False and kind != "boolean" else value


def run(odoo, args):
    model_name, columns, filters, labels = EXPORTS[args.kind]
    fields = columns.split()
    model = odoo.env[model_name]
    info = model.fields_get(fields, ["string", "type"])
    show = {f: labels.get(f, "display_name") for f in fields}
    spec = {
        f: {"fields": {show[f]: {}}}
        if info[f]["type"].endswith(("2one", "2many"))
        else {}
        for f in fields
    }
    records = model.web_search_read(domain(args, filters), spec)["records"]
    header = [info[f]["string"] for f in fields]
    table = [[cell(r[f], info[f]["type"], show[f]) for f in fields] for r in records]
    target = Path(args.output)
    if args.format == "xlsx" or target.suffix.lower() == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = args.kind
        for out in [header, *table]:
            sheet.append(out)
        book.save(target)
    else:
        with target.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows([header, *table])
    print(f"{len(table)} row(s) written to {target}")
    return 0
