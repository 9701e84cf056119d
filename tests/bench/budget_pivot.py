"""Benchmark: the finance budget pivot (_read_group as admin on stored fields: area x
funding source x category x year, four sums) against the raw SQL GROUP BY computing the
same groups over the same rows. Not a test: it prints figures, and exits 1 when the
two sides differ or the ratio is above the goal.

Usage: budget_pivot.py [LINES] [odoo options]; LINES defaults to ILO_BENCH_LINES, else
200,000 (the database ilo_bench gets exactly that many bench budget lines).
"""

import sys

from benchlib import (
    assert_same,
    connect,
    parse_args,
    populate,
    timed_pair,
)

from odoo import SUPERUSER_ID, api

GOAL = 1.2
GROUPBY = ["collaboration_area_id", "funding_source_id", "category", "date_from:year"]
AGGREGATES = [
    "amount_planned_company:sum",
    "amount_committed_company:sum",
    "amount_actual_company:sum",
    "amount_available_company:sum",
]
# The rows the pivot reads: active lines only (the ORM's active_test, as in the web
# client) of the user's companies or of none (the record rule on budget lines).
RAW_SQL = """
    SELECT collaboration_area_id, funding_source_id, category,
           date_trunc('year', date_from::timestamp)::date AS year,
           SUM(amount_planned_company), SUM(amount_committed_company),
           SUM(amount_actual_company), SUM(amount_available_company)
      FROM ilo_budget_line
     WHERE active AND (company_id = ANY(%s) OR company_id IS NULL)
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
"""


def main(argv):
    lines, odoo_argv = parse_args(argv)
    registry = connect(odoo_argv)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        populate(env, lines)
        # as a real user (admin, not superuser): access rules apply as in the UI
        admin = env.ref("base.user_admin")
        Line = env["ilo.budget.line"].with_user(admin)
        companies = admin.company_ids.ids

        def orm():
            env.invalidate_all()
            return Line._read_group([], GROUPBY, AGGREGATES)

        def raw():
            cr.execute(RAW_SQL, [companies])
            return cr.fetchall()

        groups = assert_same(orm(), raw(), "budget pivot")
        cr.execute("SELECT count(*), count(*) FILTER (WHERE active) FROM ilo_budget_line")
        total, active = cr.fetchone()
        t_orm, t_raw = timed_pair(orm, raw)
        ratio = t_orm / t_raw
        print(
            f"budget pivot over {total:,} budget lines ({active:,} active), "
            f"{groups} groups, identical on both sides: _read_group "
            f"{t_orm * 1000:.0f} ms, raw SQL {t_raw * 1000:.0f} ms (medians of 7), "
            f"ratio {ratio:.2f} (goal <= {GOAL})"
        )
        return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
