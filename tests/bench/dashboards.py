"""Benchmark (issue 19): the server side of what leadership opens every week, on the
bench portfolio (200 projects, 20,000 activities, the bench budget lines), as a
leadership user who also has the finance role (money shown):

- each dashboard's data (``get_dashboard_data`` of the partnership dashboard, with
  the campaign's section, and of the campaign dashboard), warm (after one call), each
  run with an empty record cache as a new request has; median of the runs, goal
  <= 300 ms; the SQL queries of one call;
- beside it, what Odoo's own project list asks the server for its first page
  (``web_search_read`` of the list view's fields, 80 rows), the reference;
- the data of the year's partnership report (its report model's
  ``_get_report_values``), no goal: the PDF is timed as a person downloads it, from
  the running server (wkhtmltopdf loads the report's styles from it), by
  dashboards_browser.py.

Exits 1 when a goal is missed.

Usage: dashboards.py [LINES] [odoo options]; LINES defaults to ILO_BENCH_LINES, else
200,000.
"""

import os
import statistics
import sys
import time

from benchlib import connect, parse_args, populate

from odoo import SUPERUSER_ID, api

DATA_GOAL = 0.300
RUNS = int(os.environ.get("ILO_BENCH_RUNS") or 7)
LOGIN = "bench_leadership"
GROUPS = (
    "base.group_user",
    "project.group_project_user",
    "ilo_issa_partnership.group_leadership",
    "ilo_issa_partnership.group_finance",
)
REPORT_YEAR = 2025


def bench_user(env):
    """The bench's leadership user (leadership and finance: money shown), created
    once and kept (the browser benchmark logs in as it, password = login).
    Committed."""
    user = (
        env["res.users"].with_context(active_test=False).search([("login", "=", LOGIN)])
    )
    groups = [env.ref(xmlid).id for xmlid in GROUPS]
    if not user:
        user = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Bench Leadership",
                    "login": LOGIN,
                    "password": LOGIN,
                    "email": "bench.leadership@example.com",
                    "groups_id": [(6, 0, groups)],
                }
            )
        )
    else:
        user.write({"active": True, "groups_id": [(4, g) for g in groups]})
    env.cr.commit()
    return user


def timed(fn, runs):
    """Median and all times of ``runs`` calls of ``fn``, after one warm-up call."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def queries(env, fn):
    """SQL queries of one call of ``fn`` (record cache emptied first)."""
    env.invalidate_all()
    before = env.cr.sql_log_count
    fn()
    return env.cr.sql_log_count - before


def project_list_fields(env):
    """The fields Odoo's project list view asks for (its arch, as the web client
    reads them)."""
    Project = env["project.project"]
    views = Project.get_views([(False, "list")])
    return {name: {} for name in views["models"]["project.project"]["fields"]}


def main(argv):
    lines, odoo_argv = parse_args(argv)
    registry = connect(odoo_argv)
    failed = False
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        populate(env, lines)
        user = bench_user(env)
        uenv = env(user=user.id, context=dict(env.context, lang="en_US"))
        print(
            f"as {LOGIN} (leadership and finance), {lines:,} budget lines, "
            f"{uenv['project.project'].search_count([])} projects visible"
        )

        def call(model):
            def fn():
                uenv.invalidate_all()
                return uenv[model].get_dashboard_data()

            return fn

        fields_spec = project_list_fields(uenv)

        def project_list():
            uenv.invalidate_all()
            return uenv["project.project"].web_search_read(
                [], fields_spec, limit=80, order="sequence, name, id"
            )

        t_list, _times = timed(project_list, RUNS)
        q_list = queries(uenv, project_list)
        for label, model in (
            ("partnership dashboard (with the campaign)", "ilo.partnership.dashboard"),
            ("campaign dashboard", "c102.campaign.dashboard"),
        ):
            fn = call(model)
            median, times = timed(fn, RUNS)
            count = queries(uenv, fn)
            miss = median > DATA_GOAL
            failed |= miss
            print(
                f"  {label}: get_dashboard_data {median * 1000:.0f} ms "
                f"(median of {RUNS}; min {min(times) * 1000:.0f}, max "
                f"{max(times) * 1000:.0f}), {count} queries; "
                f"goal <= {DATA_GOAL * 1000:.0f} ms{' MISSED' if miss else ''}; "
                f"{median / t_list:.1f}x the project list's first page"
            )
        print(
            f"  reference, Odoo's project list: web_search_read of 80 rows "
            f"{t_list * 1000:.0f} ms (median of {RUNS}), {q_list} queries"
        )

        wizard = uenv["ilo.partnership.report.wizard"].create(
            {"date_from": f"{REPORT_YEAR}-01-01", "date_to": f"{REPORT_YEAR}-12-31"}
        )
        Report = uenv["report.ilo_issa_partnership.report_partnership"]

        def values():
            uenv.invalidate_all()
            return Report._get_report_values(wizard.ids)

        t_values, _times = timed(values, RUNS)
        q_values = queries(uenv, values)
        print(
            f"  partnership report {REPORT_YEAR}: its data (_get_report_values) "
            f"{t_values * 1000:.0f} ms (median of {RUNS}), {q_values} queries; the "
            "PDF, through the server: dashboards_browser.py"
        )
        cr.rollback()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
