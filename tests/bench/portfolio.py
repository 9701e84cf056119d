"""Benchmark: a large synthetic portfolio (5 areas, 200 projects, 20,000 activities,
the bench budget lines, 190 country records). Prints, in one run:

- the partnership analysis (ilo.partnership.analysis, a SQL view) by area x year
  as the ORM reads it, against hand-written SQL computing the same groups from the
  tables (identical groups, counts and sums asserted);
- the SQL query count of reading a list page of 10 and of 1,000 missions;
- the time to render the partnership report (HTML, and PDF with wkhtmltopdf) for a year.

Exits 1 when the two sides differ or a goal is missed.

Usage: portfolio.py [LINES] [odoo options]; LINES defaults to ILO_BENCH_LINES, else
200,000 (the database ilo_bench gets exactly that many bench budget lines).
"""

import sys
import time

from benchlib import assert_same, connect, parse_args, populate, print_ratio, timed_pair

from odoo import SUPERUSER_ID, api

GOAL = 1.2
LIST_FIELDS = [
    "name",
    "project_id",
    "collaboration_area_id",
    "country_id",
    "date_start",
    "date_end",
    "member_ids",
    "state",
    "budget_planned",
    "activity_ids",
]
# The same groups from the tables: every activity (archived ones too, as the view),
# with the sums of its budget lines (archived lines too: closed, not gone), of the
# user's companies or of none (the record rule on the analysis).
RAW_SQL_GROUPS = """
    WITH budget AS (
        SELECT mission_id, training_id, deliverable_id,
               SUM(amount_planned_reporting) AS planned,
               SUM(amount_actual_reporting) AS actual
          FROM ilo_budget_line
      GROUP BY 1, 2, 3
    ), activity AS (
        SELECT m.project_id, m.date_start AS date, b.planned, b.actual
          FROM ilo_advisory_mission m LEFT JOIN budget b ON b.mission_id = m.id
         UNION ALL
        SELECT t.project_id, t.date_start, b.planned, b.actual
          FROM ilo_training t LEFT JOIN budget b ON b.training_id = t.id
         UNION ALL
        SELECT d.project_id, d.date_deadline, b.planned, b.actual
          FROM ilo_deliverable d LEFT JOIN budget b ON b.deliverable_id = d.id
    )
    SELECT p.collaboration_area_id, date_trunc('year', a.date::timestamp)::date AS year,
           count(*), SUM(COALESCE(a.planned, 0)), SUM(COALESCE(a.actual, 0))
      FROM activity a
      JOIN project_project p ON p.id = a.project_id
     WHERE p.company_id = ANY(%s) OR p.company_id IS NULL
  GROUP BY 1, 2
"""
RAW_SQL = RAW_SQL_GROUPS + " ORDER BY 1, 2"
# the order of read_group (the analysis' pivot and graph): areas by sequence
RAW_SQL_PIVOT = f"""
    SELECT g.* FROM ({RAW_SQL_GROUPS}) g
 LEFT JOIN ilo_collaboration_area a ON a.id = g.collaboration_area_id
  ORDER BY a.sequence, a.id, g.year
"""


def main(argv):
    lines, odoo_argv = parse_args(argv)
    registry = connect(odoo_argv)
    failed = False
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        populate(env, lines)
        admin = env.ref("base.user_admin")
        Report = env["ilo.partnership.analysis"].with_user(admin)
        Mission = env["ilo.advisory.mission"].with_user(admin)
        counts = {
            m: env[m].search_count([])
            for m in (
                "project.project",
                "ilo.advisory.mission",
                "ilo.training",
                "ilo.deliverable",
                "ilo.budget.line",
                "c102.country",
            )
        }
        print("portfolio:", ", ".join(f"{k} {v}" for k, v in counts.items()))

        def orm():
            env.invalidate_all()
            return Report._read_group(
                [],
                ["collaboration_area_id", "date:year"],
                ["__count", "budget_planned:sum", "budget_actual:sum"],
            )

        companies = admin.company_ids.ids

        def raw():
            cr.execute(RAW_SQL, [companies])
            return cr.fetchall()

        def pivot():
            env.invalidate_all()
            return Report.read_group(
                [],
                ["budget_planned", "budget_actual"],
                ["collaboration_area_id", "date:year"],
                lazy=False,
            )

        def raw_pivot():
            cr.execute(RAW_SQL_PIVOT, [companies])
            return [
                (row[0], row[1] and row[1].isoformat(), *row[2:])
                for row in cr.fetchall()
            ]

        def pivot_rows(groups):
            return [
                (
                    group["collaboration_area_id"]
                    and group["collaboration_area_id"][0],
                    (group["__range"].get("date:year") or {}).get("from"),
                    group["__count"],
                    group["budget_planned"],
                    group["budget_actual"],
                )
                for group in groups
            ]

        groups = assert_same(orm(), raw(), "partnership analysis (_read_group)")
        assert_same(
            pivot_rows(pivot()), raw_pivot(), "partnership analysis (read_group)"
        )
        print(
            f"partnership analysis by area x year, {groups} groups, identical groups, "
            "counts and sums on both sides:"
        )
        failed |= print_ratio("_read_group", timed_pair(orm, raw), GOAL)
        failed |= print_ratio(
            "read_group as the pivot view asks (areas in their order)",
            timed_pair(pivot, raw_pivot),
            GOAL,
        )

        def list_queries(limit):
            env.invalidate_all()
            before = cr.sql_log_count
            Mission.web_search_read([], {f: {} for f in LIST_FIELDS}, limit=limit)
            return cr.sql_log_count - before

        list_queries(10)
        q10, q1000 = list_queries(10), list_queries(1000)
        failed |= q1000 > q10 + 2
        print(
            f"mission list page: {q10} queries for 10 rows, {q1000} for 1,000 "
            "(goal: equal up to +2)"
        )

        wizard = (
            env["ilo.partnership.report.wizard"]
            .with_user(admin)
            .create({"date_from": "2025-01-01", "date_to": "2025-12-31"})
        )
        report = env.ref("ilo_issa_partnership.action_report_partnership").with_user(
            admin
        )
        start = time.perf_counter()
        html = report._render_qweb_html(report.report_name, wizard.ids)[0]
        t_html = time.perf_counter() - start
        start = time.perf_counter()
        pdf, _kind = report.with_context(force_report_rendering=True)._render_qweb_pdf(
            report.report_name, wizard.ids
        )
        t_pdf = time.perf_counter() - start
        print(
            f"partnership report for 2025: HTML {t_html:.1f} s "
            f"({len(html) // 1024} KiB), "
            f"PDF {t_pdf:.1f} s ({len(pdf) // 1024} KiB)"
        )
        cr.rollback()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
