"""Benchmark: the finance budget pivot (as admin, on stored fields: area x funding
source x category x year, four sums) against raw SQL computing the same groups over
the same rows, twice:

- the ORM's aggregate, _read_group (groups ordered by their raw values), against the
  GROUP BY;
- read_group as the pivot view sends it (lazy=False: groups ordered by the area's
  sequence and the funding source's code, display names), against the GROUP BY
  followed by that order.

Not a test: it prints figures, and exits 1 when the two sides differ or a ratio is
above the goal.

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
    "__count",
    "amount_planned_company:sum",
    "amount_committed_company:sum",
    "amount_actual_company:sum",
    "amount_available_company:sum",
]
# The rows the pivot reads: active lines only (the ORM's active_test, as in the web
# client) of the user's companies or of none (the record rule on budget lines).
RAW_SQL = """
    SELECT collaboration_area_id, funding_source_id, category,
           date_trunc('year', date_from::timestamp)::date AS year, count(*),
           SUM(amount_planned_company), SUM(amount_committed_company),
           SUM(amount_actual_company), SUM(amount_available_company)
      FROM ilo_budget_line
     WHERE active AND (company_id = ANY(%s) OR company_id IS NULL)
  GROUP BY 1, 2, 3, 4
"""
RAW_SQL_BY_ID = RAW_SQL + " ORDER BY 1, 2, 3, 4"
# the pivot's order: areas by sequence, funding sources by code (their models' order)
RAW_SQL_PIVOT = f"""
    SELECT g.* FROM ({RAW_SQL}) g
 LEFT JOIN ilo_collaboration_area a ON a.id = g.collaboration_area_id
 LEFT JOIN ilo_funding_source s ON s.id = g.funding_source_id
  ORDER BY a.sequence, a.id, s.code, g.category, g.year
"""


def pivot_rows(groups):
    """read_group's dicts as the raw SQL's rows."""
    return [
        (
            group["collaboration_area_id"] and group["collaboration_area_id"][0],
            group["funding_source_id"] and group["funding_source_id"][0],
            group["category"],
            group["__range"]["date_from:year"]["from"],
            group["__count"],
            *(group[spec.split(":")[0]] for spec in AGGREGATES[1:]),
        )
        for group in groups
    ]


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
            cr.execute(RAW_SQL_BY_ID, [companies])
            return cr.fetchall()

        fields = [spec.split(":")[0] for spec in AGGREGATES[1:]]

        def pivot():
            env.invalidate_all()
            return Line.read_group([], fields, GROUPBY, lazy=False)

        def raw_pivot():
            cr.execute(RAW_SQL_PIVOT, [companies])
            return [
                (*row[:3], row[3] and row[3].isoformat(), *row[4:])
                for row in cr.fetchall()
            ]

        groups = assert_same(orm(), raw(), "budget pivot (_read_group)")
        assert_same(pivot_rows(pivot()), raw_pivot(), "budget pivot (read_group)")
        cr.execute(
            "SELECT count(*), count(*) FILTER (WHERE active) FROM ilo_budget_line"
        )
        total, active = cr.fetchone()
        print(
            f"budget pivot over {total:,} budget lines ({active:,} active), {groups} "
            "groups, identical on both sides (medians of 7):"
        )
        failed = False
        for label, timings in (
            ("_read_group", timed_pair(orm, raw)),
            ("read_group as the pivot view", timed_pair(pivot, raw_pivot)),
        ):
            ratio = timings[0] / timings[1]
            failed |= ratio > GOAL
            print(
                f"  {label}: {timings[0] * 1000:.0f} ms, raw SQL "
                f"{timings[1] * 1000:.0f} ms, ratio {ratio:.2f} (goal <= {GOAL})"
            )
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
