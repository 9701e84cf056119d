"""Benchmark: importing an ERP ledger extract of ILO_BENCH_IMPORT rows (100,000 at full
scale) through the expenditure import's public entry point
(``ilo.expenditure.import.import_file``, as the wizard and ``scripts/ilo`` call it),
against Odoo's own ``load`` of the same rows into account.analytic.line (the same
columns by name: project account, currency, funding-source and category accounts).
Both run as admin on the bench portfolio, one after the other, each rolled back
afterwards (the database is left as found). Both create the costs through the same
model, in one batch (conversion at each row's date, matching to the budget lines in one
query, one note per budget line, the budget lines' totals recomputed once): the
difference is reading and judging the file.

Not a test: prints the rates (rows/s) and exits 1 only when a side fails to import.

Usage: expenditure_import.py [LINES] [odoo options]; ROWS from ILO_BENCH_IMPORT.
"""

import base64
import csv
import datetime
import io
import os
import sys
import time

from benchlib import (
    _bench_projects,
    analytic_helpers,
    connect,
    parse_args,
    populate,
    project_accounts,
)

from odoo import SUPERUSER_ID, api

DEFAULT_ROWS = 100_000
HEADER = [
    "Reference",
    "Date",
    "Amount",
    "Currency",
    "Project",
    "Funding source",
    "Category",
    "Description",
]


def extract(env, rows):
    """The ledger rows (as the ERP writes them) and the same rows for ``load``: each
    on the distribution of a bench budget line, dated in its period."""
    category_account = analytic_helpers()[0]
    env.cr.execute(
        "SELECT project_id, funding_source_id, category, date_from "
        "FROM ilo_budget_line WHERE name LIKE 'bench line %%' ORDER BY id LIMIT %s",
        [rows],
    )
    budgets = env.cr.fetchall()
    labels = dict(env["ilo.budget.line"]._fields["category"].selection)
    ledger, loaded = [], []
    for n in range(rows):
        project_id, source_id, key, date_from = budgets[n % len(budgets)]
        project = env["project.project"].browse(project_id)
        source = env["ilo.funding.source"].browse(source_id)
        day = str(date_from + datetime.timedelta(days=n % 365))
        amount = f"{10 + n % 990}.{n % 100:02d}"
        reference = f"BENCH-IMP-{n}"
        text = f"bench import {n}"
        currency = source.currency_id.name
        ledger.append(
            [
                reference,
                day,
                amount,
                currency,
                project.name,
                source.code,
                labels[key],
                text,
            ]
        )
        loaded.append(
            [
                reference,
                text,
                day,
                amount,
                currency,
                project.account_id.name,
                source.analytic_account_id.name,
                env.ref(category_account % key).name,
            ]
        )
    return ledger, loaded


def main(argv):
    lines, odoo_argv = parse_args(argv)
    text = os.environ.get("ILO_BENCH_IMPORT") or str(DEFAULT_ROWS)
    rows = int(text.replace("_", ""))
    registry = connect(odoo_argv)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        populate(env, lines)
        projects = _bench_projects(cr)
        project_accounts(env, projects)
        ledger, loaded = extract(env, rows)
        buffer = io.StringIO()
        csv.writer(buffer).writerows([HEADER, *ledger])
        data = base64.b64encode(buffer.getvalue().encode())
        admin = env.ref("base.user_admin")
        env = env(user=admin)
        funding_column, category_column = analytic_helpers()[1](env)
        fields = [
            "ilo_reference",
            "name",
            "date",
            "ilo_spend_amount",
            "ilo_spend_currency_id",
            "account_id",
            funding_column,
            category_column,
        ]
        failed = False
        rates = {}
        for side in ("import", "load"):
            with cr.savepoint(flush=False) as savepoint:
                env.invalidate_all()
                start = time.perf_counter()
                if side == "import":
                    report = env["ilo.expenditure.import"].import_file(
                        data, "extract.csv", dryrun=False
                    )
                    problems = report["errors"][:5]
                    done = report["created"]
                else:
                    result = env["account.analytic.line"].load(fields, loaded)
                    problems = [m["message"] for m in result["messages"]][:5]
                    done = len([i for i in result["ids"] or [] if i])
                env.flush_all()
                seconds = time.perf_counter() - start
                cr.execute(
                    "SELECT count(*), count(ilo_budget_line_id) "
                    "FROM account_analytic_line WHERE ilo_reference LIKE 'BENCH-IMP-%%'"
                )
                created, matched = cr.fetchone()
                env.invalidate_all()
                savepoint.rollback()
            env.invalidate_all(flush=False)
            if problems or done != rows or created != rows:
                print(f"  {side}: {done} of {rows} rows imported; {problems}")
                failed = True
                continue
            rates[side] = rows / seconds
            print(
                f"  {side}: {rows:,} rows in {seconds:.1f} s, "
                f"{rates[side]:,.0f} rows/s ({matched:,} matched to a budget line)"
            )
        if len(rates) == 2:
            print(
                f"  expenditure import vs Odoo's load: "
                f"{rates['import'] / rates['load']:.2f} x load's rate (no goal)"
            )
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
