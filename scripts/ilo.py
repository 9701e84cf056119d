"""ilo: work with the ILO-ISSA partnership programme from outside Odoo (odoorpc).

Connection settings come from the options, else the environment (ILO_URL, ILO_DB,
ILO_LOGIN, ILO_PASSWORD), else the [connection] section of ~/.config/ilo-issa/cli.ini
(or the file named by --config). The password is never printed.

  ilo import-ratifications FILE        NORMLEX-style CSV/XLSX of C102 ratifications
                                       (prints each change, old -> new)
  ilo export {activities,budget,campaign} [--area CODE] [--country ISO] [--year YYYY]
                                       [--format csv|xlsx] -o FILE
  ilo report partnership --from DATE --to DATE -o FILE.pdf
  ilo report project-sheet --project NAME -o FILE.pdf
  ilo report country-brief --country ISO -o FILE.pdf
  ilo iati-export [--project NAME] -o FILE.xml   IATI 2.03 file, validated by the server
  ilo import-activities FILE [--skip-invalid]    missions, trainings (+ participants),
                                                 deliverables: see IMPORT_COLUMNS
  ilo import-budget FILE [--skip-invalid]        activity budget lines

Imports check every row first and report all bad rows with their line numbers; nothing
is written when a row is bad unless --skip-invalid. Rows carry a `key`: importing the
same file again updates the same records (external ids `ilo_cli.<kind>_<key>`), never
duplicates them.
"""

import argparse
import base64
import configparser
import csv
import http.cookiejar
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

DEFAULT_CONFIG = Path.home() / ".config" / "ilo-issa" / "cli.ini"
REQUIRED_ADDONS = ("ilo_issa_partnership", "c102_campaign")


class CliError(Exception):
    """An error for the user: printed as one readable line, exit code 2."""


# --- connection ---------------------------------------------------------------------


def settings(args):
    config = configparser.ConfigParser()
    path = Path(args.config) if args.config else DEFAULT_CONFIG
    if args.config and not path.is_file():
        raise CliError(f"config file {path} not found")
    if path.is_file():
        config.read(path)
    section = config["connection"] if config.has_section("connection") else {}
    values = {}
    for key in ("url", "db", "login", "password"):
        value = (
            getattr(args, key)
            or os.environ.get(f"ILO_{key.upper()}")
            or section.get(key)
        )
        if not value:
            raise CliError(
                f"no {key}: give --{key}, set ILO_{key.upper()} or put it in {path}"
            )
        values[key] = value
    return values


def connect(args):
    import odoorpc

    conf = settings(args)
    url = urllib.parse.urlparse(conf["url"])
    if url.scheme not in ("http", "https") or not url.hostname:
        raise CliError(f"bad URL {conf['url']!r}: expected http(s)://host:port")
    port = url.port or (443 if url.scheme == "https" else 80)
    protocol = "jsonrpc+ssl" if url.scheme == "https" else "jsonrpc"
    try:
        odoo = odoorpc.ODOO(url.hostname, protocol=protocol, port=port, timeout=300)
    except (urllib.error.URLError, OSError) as exc:
        raise CliError(f"cannot reach Odoo at {conf['url']}: {exc}") from exc
    try:
        databases = odoo.db.list()
    except Exception:  # noqa: BLE001 - listing may be disabled on the server
        databases = None
    if databases is not None and conf["db"] not in databases:
        raise CliError(f"database {conf['db']!r} does not exist on {conf['url']}")
    try:
        odoo.login(conf["db"], conf["login"], conf["password"])
    except odoorpc.error.RPCError as exc:
        raise CliError(
            f"login refused for {conf['login']!r} on {conf['db']!r}"
        ) from exc
    module = odoo.env["ir.module.module"]
    installed = {
        m["name"]
        for m in module.search_read(
            [("name", "in", list(REQUIRED_ADDONS)), ("state", "=", "installed")],
            ["name"],
        )
    }
    missing = [a for a in REQUIRED_ADDONS if a not in installed]
    if missing:
        raise CliError(
            f"addon(s) not installed on {conf['db']!r}: {', '.join(missing)}"
        )
    odoo.ilo_conf = conf
    return odoo


def rpc_error_message(exc):
    data = getattr(exc, "info", {}) or {}
    message = (data.get("data") or {}).get("message") or str(exc)
    return message.strip()


# --- import -------------------------------------------------------------------------


def cmd_import_ratifications(odoo, args):
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    wizard_model = odoo.env["c102.ratification.import"]
    wizard_id = wizard_model.create(
        {"file": base64.b64encode(path.read_bytes()).decode(), "filename": path.name}
    )
    wizard = wizard_model.browse(wizard_id)
    try:
        wizard.action_preview()
    except Exception as exc:  # odoorpc.error.RPCError: the server's readable message
        raise CliError(f"{path.name}: {rpc_error_message(exc)}") from exc
    lines = odoo.env["c102.ratification.import.line"].search_read(
        [("wizard_id", "=", wizard_id)],
        ["row_number", "country_label", "error", "warning", "outcome"],
    )
    bad = [line for line in lines if line["error"]]
    for line in bad:
        print(f"{path.name}:{line['row_number']}: {line['error']}", file=sys.stderr)
    if bad:
        print(
            f"{len(bad)} bad row(s) of {len(lines)}: nothing imported.", file=sys.stderr
        )
        return 1
    for line in lines:
        if line["warning"]:
            print(
                f"{path.name}:{line['row_number']}: {line['warning']}", file=sys.stderr
            )
    changes = odoo.env["c102.ratification.import.change"].search_read(
        [("wizard_id", "=", wizard_id)],
        ["country_id", "field_label", "old_value", "new_value"],
    )
    for change in changes:
        print(
            f"{change['country_id'][1]}: {change['field_label']}: "
            f"{change['old_value']} -> {change['new_value']}"
        )
    wizard.action_import()
    outcomes = Counter(line["outcome"] for line in lines)
    print(
        f"{len(lines)} row(s): {outcomes['new']} new, {outcomes['update']} updated, "
        f"{outcomes['unchanged']} unchanged, {outcomes['skipped']} not imported."
    )
    return 0


# --- bulk imports (activities, budget) ----------------------------------------------

BATCH = 500


def read_rows(path):
    """Rows of a CSV or XLSX file as dicts with lower-case keys, with line numbers."""
    if path.suffix.lower() == ".xlsx":
        import openpyxl

        sheet = openpyxl.load_workbook(path, read_only=True, data_only=True).active
        rows = list(sheet.iter_rows(values_only=True))
    else:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.reader(handle))
    if not rows:
        raise CliError(f"{path.name}: empty file")
    header = [str(h or "").strip().lower() for h in rows[0]]
    return [
        (
            number,
            {
                h: ("" if v is None else str(v).strip())
                for h, v in zip(header, row, strict=False)
            },
        )
        for number, row in enumerate(rows[1:], start=2)
        if any(str(v or "").strip() for v in row)
    ]


def parse_date(value):
    import datetime

    text = value[:10]
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def progress(done, total):
    if total > BATCH:
        width = 30
        filled = int(width * done / total)
        print(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
            end="",
            file=sys.stderr,
            flush=True,
        )
        if done >= total:
            print(file=sys.stderr)


def load_batches(odoo, model, fields, rows, label):
    """Odoo's own import (`load`) in batches; returns the server's messages."""
    problems = []
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        result = odoo.env[model].load(fields, [values for _n, values in batch])
        for message in result.get("messages", []):
            row = (message.get("rows") or {}).get("from")
            where = (
                f"{label}:{batch[row][0]}"
                if row is not None and row < len(batch)
                else label
            )
            problems.append(f"{where}: {message.get('message')}")
        progress(min(start + BATCH, len(rows)), len(rows))
    return problems


def finish(path, bad, args, checked):
    for line in bad:
        print(line, file=sys.stderr)
    count = len({line.split(":")[1] for line in bad})
    if bad and not args.skip_invalid:
        print(
            f"{count} bad row(s) of {checked}: nothing written "
            "(use --skip-invalid to import the good rows).",
            file=sys.stderr,
        )
        return False
    return True


class Lookup:
    """Name -> id maps fetched once per import (no query per row)."""

    def __init__(self, odoo):
        self.odoo = odoo
        self.projects = {
            p["name"].strip().lower(): p["id"]
            for p in odoo.env["project.project"].search_read(
                [("is_partnership", "=", True)], ["name"]
            )
        }
        self.countries = {
            c["code"].upper(): c["id"]
            for c in odoo.env["res.country"].search_read([], ["code"])
            if c["code"]
        }
        self.sources = {
            f["code"].upper(): f["id"]
            for f in odoo.env["ilo.funding.source"].search_read([], ["code"])
        }


ACTIVITY_KINDS = {
    "mission": "ilo.advisory.mission",
    "training": "ilo.training",
    "deliverable": "ilo.deliverable",
    "participant": "ilo.training.participant",
}
IMPORT_COLUMNS = (
    "kind (mission/training/deliverable/participant), key, project, name, "
    "country (ISO), "
    "date_start, date_end, deadline, deliverable_type, modality; participants: "
    "training_key, name, gender, constituent_group, attended, pre_score, post_score"
)


def check_participant(row):
    errors = []
    if not row.get("training_key"):
        errors.append("training_key is required for a participant")
    for score in ("pre_score", "post_score"):
        if not row.get(score):
            continue
        try:
            value = float(row[score])
        except ValueError:
            errors.append(f"{score} {row[score]!r} is not a number")
            continue
        if not 0 <= value <= 100:
            errors.append(f"{score} {value:g} is not between 0 and 100")
    return errors


def check_dates(row):
    errors = []
    for field in ("date_start", "date_end", "deadline"):
        if row.get(field) and not parse_date(row[field]):
            errors.append(f"{field} {row[field]!r} is not a date (YYYY-MM-DD)")
    start = parse_date(row.get("date_start", ""))
    end = parse_date(row.get("date_end", ""))
    if start and end and end < start:
        errors.append(f"date_end {end} is before date_start {start}")
    return errors


def check_activity(number, row, look):
    kind = row.get("kind", "").lower()
    if kind not in ACTIVITY_KINDS:
        return [f"kind must be one of {', '.join(ACTIVITY_KINDS)} (got {kind!r})"]
    errors = []
    if not row.get("key"):
        errors.append("key is required (it makes re-imports update, not duplicate)")
    if not row.get("name"):
        errors.append("name is required")
    if kind == "participant":
        return errors + check_participant(row)
    if row.get("project", "").strip().lower() not in look.projects:
        errors.append(f"unknown partnership project {row.get('project')!r}")
    country = row.get("country", "").upper()
    if kind in ("mission", "training") and country and country not in look.countries:
        errors.append(f"unknown country {row['country']!r}")
    if kind == "mission" and not country:
        errors.append("country is required for a mission")
    return errors + check_dates(row)


def activity_values(kind, row, look):
    xid = f"ilo_cli.{kind}_{row['key']}"
    if kind == "participant":
        return [
            "id",
            "training_id/id",
            "name",
            "gender",
            "constituent_group",
            "attended",
            "pre_score",
            "post_score",
        ], [
            xid,
            f"ilo_cli.training_{row['training_key']}",
            row["name"],
            row.get("gender") or "undisclosed",
            row.get("constituent_group") or "",
            row.get("attended") or "1",
            row.get("pre_score") or "",
            row.get("post_score") or "",
        ]
    project = str(look.projects[row["project"].strip().lower()])
    if kind == "deliverable":
        return ["id", "project_id/.id", "name", "deliverable_type", "date_deadline"], [
            xid,
            project,
            row["name"],
            row.get("deliverable_type") or "report",
            parse_date(row.get("deadline", "")) or "",
        ]
    country = str(look.countries.get(row.get("country", "").upper(), "")) or ""
    fields = [
        "id",
        "project_id/.id",
        "name",
        "country_id/.id",
        "date_start",
        "date_end",
    ]
    values = [
        xid,
        project,
        row["name"],
        country,
        parse_date(row.get("date_start", "")) or "",
        parse_date(row.get("date_end", "")) or "",
    ]
    if kind == "training":
        fields.append("modality")
        values.append(row.get("modality") or "in_person")
    return fields, values


def cmd_import_activities(odoo, args):
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    rows = read_rows(path)
    look = Lookup(odoo)
    bad, good = [], {kind: [] for kind in ACTIVITY_KINDS}
    keys = {}
    for number, row in rows:
        errors = check_activity(number, row, look)
        kind = row.get("kind", "").lower()
        seen = keys.get((kind, row.get("key")))
        if not errors and seen:
            errors.append(f"key {row['key']!r} already used on line {seen}")
        if errors:
            bad.extend(f"{path.name}:{number}: {e}" for e in errors)
            continue
        keys[(kind, row["key"])] = number
        good[kind].append((number, row))
    if not finish(path, bad, args, len(rows)):
        return 1
    problems, written = [], 0
    for kind in (
        "mission",
        "training",
        "deliverable",
        "participant",
    ):  # trainings first
        if not good[kind]:
            continue
        fields = activity_values(kind, good[kind][0][1], look)[0]
        batch = [(n, activity_values(kind, r, look)[1]) for n, r in good[kind]]
        problems += load_batches(odoo, ACTIVITY_KINDS[kind], fields, batch, path.name)
        written += len(batch)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    skipped = len({line.split(":")[1] for line in bad})
    print(f"{written} row(s) imported (created or updated); {skipped} skipped.")
    return 0


def longer_than_a_year(start, end):
    """ISO dates: does [start, end] reach the same day one year later?"""
    return end >= f"{int(start[:4]) + 1:04d}{start[4:]}"


def check_budget_row(row, look, keys, categories):
    errors = []
    if not row.get("key"):
        errors.append("key is required")
    elif row["key"] in keys:
        errors.append(f"key {row['key']!r} already used on line {keys[row['key']]}")
    if row.get("project", "").strip().lower() not in look.projects:
        errors.append(f"unknown partnership project {row.get('project')!r}")
    if row.get("funding_source", "").upper() not in look.sources:
        errors.append(f"unknown funding source {row.get('funding_source')!r}")
    if row.get("category", "other") not in categories:
        allowed = ", ".join(sorted(categories))
        errors.append(f"category {row.get('category')!r} is not one of {allowed}")
    start = parse_date(row.get("date_from", ""))
    end = parse_date(row.get("date_to", ""))
    if not start or not end:
        errors.append("date_from and date_to are required (YYYY-MM-DD)")
    elif end < start:
        errors.append(f"date_to {end} is before date_from {start}")
    elif longer_than_a_year(start, end):
        errors.append("a budget line covers at most one year: split it by year")
    for field in ("amount_planned", "amount_committed"):
        try:
            if float(row.get(field) or 0) < 0:
                errors.append(f"{field} cannot be negative")
        except ValueError:
            errors.append(f"{field} {row[field]!r} is not a number")
    return errors


def cmd_import_budget(odoo, args):
    path = Path(args.file)
    if not path.is_file():
        raise CliError(f"{path}: no such file")
    rows = read_rows(path)
    look = Lookup(odoo)
    categories = {
        "staff",
        "travel",
        "consultants",
        "meetings",
        "translation",
        "printing",
        "equipment",
        "other",
    }
    bad, good, keys = [], [], {}
    for number, row in rows:
        errors = check_budget_row(row, look, keys, categories)
        start = parse_date(row.get("date_from", ""))
        end = parse_date(row.get("date_to", ""))
        if errors:
            bad.extend(f"{path.name}:{number}: {e}" for e in errors)
            continue
        keys[row["key"]] = number
        good.append(
            (
                number,
                [
                    f"ilo_cli.budget_{row['key']}",
                    str(look.projects[row["project"].strip().lower()]),
                    str(look.sources[row["funding_source"].upper()]),
                    row.get("category") or "other",
                    start,
                    end,
                    row.get("amount_planned") or "0",
                    row.get("amount_committed") or "0",
                    f"ilo_cli.mission_{row['mission_key']}"
                    if row.get("mission_key")
                    else "",
                ],
            )
        )
    if not finish(path, bad, args, len(rows)):
        return 1
    fields = [
        "id",
        "project_id/.id",
        "funding_source_id/.id",
        "category",
        "date_from",
        "date_to",
        "amount_planned",
        "amount_committed",
        "mission_id/id",
    ]
    problems = load_batches(odoo, "ilo.budget.line", fields, good, path.name)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    skipped = len({line.split(":")[1] for line in bad})
    print(
        f"{len(good)} budget line(s) imported (created or updated); {skipped} skipped."
    )
    return 0


# --- export -------------------------------------------------------------------------

EXPORTS = {
    "activities": (
        "ilo.partnership.report",
        [
            "activity_type",
            "name",
            "project_id",
            "collaboration_area_id",
            "country_id",
            "date",
            "state",
            "is_late",
            "participant_count",
            "female_count",
        ],
        {
            "area": "collaboration_area_id.code",
            "country": "country_id.code",
            "year": "year",
        },
    ),
    "budget": (
        "ilo.budget.line",
        [
            "project_id",
            "collaboration_area_id",
            "funding_source_id",
            "category",
            "date_from",
            "date_to",
            "currency_id",
            "amount_planned",
            "amount_committed",
            "amount_actual",
            "amount_available",
        ],
        {
            "area": "collaboration_area_id.code",
            "country": "project_id.country_ids.code",
            "year": "year",
        },
    ),
    "campaign": (
        "c102.country",
        [
            "country_id",
            "code",
            "stage",
            "ratification_date",
            "accepted_part_ids",
            "ratification_ready",
            "focal_point_id",
            "target_year",
        ],
        {"country": "country_id.code", "year": "ratification_year"},
    ),
}


def cmd_export(odoo, args):
    model_name, fields, filters = EXPORTS[args.kind]
    domain = []
    for option in ("area", "country", "year"):
        value = getattr(args, option)
        if value is None:
            continue
        if option not in filters:
            raise CliError(f"--{option} does not apply to {args.kind}")
        field = filters[option]
        domain.append(
            (
                field,
                "=",
                int(value)
                if option == "year"
                else value.upper()
                if option == "country"
                else value,
            )
        )
    model = odoo.env[model_name]
    info = model.fields_get(fields, ["string", "type", "relation"])
    rows = model.search_read(domain, fields)
    relations = {
        f: info[f]["relation"] for f in fields if info[f]["type"] == "many2many"
    }
    names = {}
    for field, comodel in relations.items():
        ids = sorted({i for row in rows for i in row[field]})
        label = (
            "code" if comodel == "c102.part" else "display_name"
        )  # Parts as II, V...
        names[field] = (
            {r["id"]: r[label] for r in odoo.env[comodel].read(ids, [label])}
            if ids
            else {}
        )
    header = [info[f]["string"] for f in fields]
    table = []
    for row in rows:
        out = []
        for f in fields:
            value = row[f]
            if f in relations:
                value = ", ".join(names[f][i] for i in value)
            elif isinstance(value, list) and len(value) == 2:
                value = value[1]
            elif value is False and info[f]["type"] != "boolean":
                value = ""
            out.append(value)
        table.append(out)
    target = Path(args.output)
    if args.format == "xlsx" or target.suffix.lower() == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = args.kind
        sheet.append(header)
        for out in table:
            sheet.append(out)
        book.save(target)
    else:
        with target.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(table)
    print(f"{len(table)} row(s) written to {target}")
    return 0


# --- reports ------------------------------------------------------------------------


def download_pdf(odoo, report_name, ids, target):
    """odoorpc's report download does not work on 18.0: use an authenticated session."""
    conf = odoo.ilo_conf
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = conf["url"].rstrip("/")
    payload = {
        "jsonrpc": "2.0",
        "params": {
            "db": conf["db"],
            "login": conf["login"],
            "password": conf["password"],
        },
    }
    request = urllib.request.Request(
        f"{base}/web/session/authenticate",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    with opener.open(request, timeout=120) as response:
        answer = json.load(response)
    if answer.get("error"):
        raise CliError("login refused when opening a session for the report")
    url = f"{base}/report/pdf/{report_name}/{','.join(map(str, ids))}"
    try:
        with opener.open(url, timeout=600) as response:
            content = response.read()
    except urllib.error.HTTPError as exc:
        raise CliError(
            f"the server could not render {report_name}: HTTP {exc.code}"
        ) from exc
    if not content.startswith(b"%PDF"):
        raise CliError(f"the server did not return a PDF for {report_name}")
    Path(target).write_bytes(content)
    print(f"{target} ({len(content) // 1024} KiB)")
    return 0


def cmd_report(odoo, args):
    if args.which == "partnership":
        if not (args.date_from and args.date_to):
            raise CliError("the partnership report needs --from and --to (YYYY-MM-DD)")
        wizard_id = odoo.env["ilo.partnership.report.wizard"].create(
            {"date_from": args.date_from, "date_to": args.date_to}
        )
        return download_pdf(
            odoo, "ilo_issa_partnership.report_partnership", [wizard_id], args.output
        )
    if args.which == "project-sheet":
        ids = odoo.env["project.project"].search(
            [("is_partnership", "=", True), ("name", "ilike", args.project or "")],
            limit=2,
        )
        if len(ids) != 1:
            raise CliError(
                f"--project {args.project!r} matches {len(ids) or 'no'} "
                "partnership projects; be more precise"
            )
        return download_pdf(
            odoo, "ilo_issa_partnership.report_project_sheet", ids, args.output
        )
    ids = odoo.env["c102.country"].search(
        [("country_id.code", "=", (args.country or "").upper())], limit=1
    )
    if not ids:
        raise CliError(f"no campaign record for country {args.country!r}")
    return download_pdf(odoo, "c102_campaign.report_country_brief", ids, args.output)


# --- IATI ---------------------------------------------------------------------------


def cmd_iati_export(odoo, args):
    Project = odoo.env["project.project"]
    domain = [("is_partnership", "=", True)]
    if args.project:
        domain.append(("name", "ilike", args.project))
    ids = Project.search(domain)
    if not ids:
        raise CliError("no partnership project matches")
    result = Project.browse(ids).iati_export_xml()
    Path(args.output).write_text(result["xml"], encoding="utf-8")
    for error in result["errors"]:
        print(f"iati: {error}", file=sys.stderr)
    if result["errors"]:
        print(
            f"{args.output}: written, but NOT valid "
            f"({len(result['errors'])} error(s)).",
            file=sys.stderr,
        )
        return 1
    print(
        f"{args.output}: {len(ids)} activit{'y' if len(ids) == 1 else 'ies'}, valid "
        "against the IATI 2.03 schema."
    )
    return 0


# --- command line -------------------------------------------------------------------


def parser():
    p = argparse.ArgumentParser(prog="ilo", description=__doc__.split("\n\n")[0])
    p.add_argument("--url", help="e.g. http://localhost:8069 (or ILO_URL)")
    p.add_argument("--db", help="database name (or ILO_DB)")
    p.add_argument("--login", help="user login (or ILO_LOGIN)")
    p.add_argument("--password", help="password (or ILO_PASSWORD; never printed)")
    p.add_argument("--config", help=f"config file (default {DEFAULT_CONFIG})")
    sub = p.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import-ratifications", help="import a NORMLEX-style file")
    imp.add_argument("file")
    exp = sub.add_parser(
        "export", help="export activities, budget lines or the campaign"
    )
    exp.add_argument("kind", choices=sorted(EXPORTS))
    exp.add_argument("--area", help="collaboration area code, e.g. advisory")
    exp.add_argument("--country", help="ISO code, e.g. SN")
    exp.add_argument("--year", type=int)
    exp.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    exp.add_argument("-o", "--output", required=True)
    rep = sub.add_parser("report", help="download a PDF report")
    rep.add_argument("which", choices=("partnership", "project-sheet", "country-brief"))
    rep.add_argument("--from", dest="date_from")
    rep.add_argument("--to", dest="date_to")
    rep.add_argument("--project")
    rep.add_argument("--country")
    rep.add_argument("-o", "--output", required=True)
    for name, help_text in (
        (
            "import-activities",
            "import missions, trainings, " "participants, deliverables",
        ),
        ("import-budget", "import activity budget lines"),
    ):
        imp2 = sub.add_parser(name, help=help_text)
        imp2.add_argument("file")
        imp2.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the good rows even when some are bad",
        )
    iati = sub.add_parser("iati-export", help="export projects as an IATI 2.03 file")
    iati.add_argument("--project", help="part of the project name (default: all)")
    iati.add_argument("-o", "--output", required=True)
    return p


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        odoo = connect(args)
        command = {
            "import-ratifications": cmd_import_ratifications,
            "export": cmd_export,
            "report": cmd_report,
            "iati-export": cmd_iati_export,
            "import-activities": cmd_import_activities,
            "import-budget": cmd_import_budget,
        }[args.command]
        return command(odoo, args)
    except CliError as exc:
        print(f"ilo: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
