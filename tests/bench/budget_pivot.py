"""Benchmark: the finance budget pivot (as admin, on stored fields, four sums in
company currency) against raw SQL computing the same groups over the same rows:

- the ORM's aggregate, _read_group, by area x funding source x category x year
  (groups ordered by their values), against one GROUP BY;
- the budget pivot view opening (rows: area, columns: funding source): the four
  read_group calls the web client sends (total, by area, by source, by area x source;
  groups ordered by area sequence and funding source code, with display names),
  against the same four GROUP BYs in that order;
- without a goal: read_group expanded to the 4 groupings of the first line, to show
  what Odoo's formatting of each group costs.

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
    print_ratio,
    timed_pair,
)

from odoo import SUPERUSER_ID, api

GOAL = 1.2
GROUPBY = ["collaboration_area_id", "funding_source_id", "category", "date_from:year"]
MEASURES = [
    "amount_planned_company",
    "amount_committed_company",
    "amount_actual_company",
    "amount_available_company",
]
AGGREGATES = ["__count"] + [f"{name}:sum" for name in MEASURES]
# the pivot view's opening requests (ilo_budget_line_view_pivot: row area, col source)
PIVOT_GROUPBYS = [
    [],
    ["collaboration_area_id"],
    ["funding_source_id"],
    ["collaboration_area_id", "funding_source_id"],
]
SUMS = ", ".join(f"SUM({name})" for name in MEASURES)
# The rows the pivot reads: active lines only (the ORM's active_test, as in the web
# client) of the user's companies or of none (the record rule on budget lines).
WHERE = "active AND (company_id = ANY(%s) OR company_id IS NULL)"
RAW_SQL = f"""
    SELECT collaboration_area_id, funding_source_id, category,
           date_trunc('year', date_from::timestamp)::date AS year, count(*), {SUMS}
      FROM ilo_budget_line
     WHERE {WHERE}
  GROUP BY 1, 2, 3, 4
"""
RAW_SQL_BY_VALUE = RAW_SQL + " ORDER BY 1, 2, 3, 4"
# read_group's order: areas by sequence, funding sources by code (their models' order)
ORDER = {
    "collaboration_area_id": "a.sequence, a.id",
    "funding_source_id": "s.code",
    "category": "g.category",
    "year": "g.year",
}
JOIN_AREA = " LEFT JOIN ilo_collaboration_area a ON a.id = g.collaboration_area_id"
JOIN_SOURCE = " LEFT JOIN ilo_funding_source s ON s.id = g.funding_source_id"
RAW_SQL_ORDERED = (
    f"SELECT g.* FROM ({RAW_SQL}) g {JOIN_AREA} {JOIN_SOURCE} "
    f"ORDER BY {', '.join(ORDER.values())}"
)


def raw_pivot_sql(groupby):
    """The GROUP BY of one pivot request, in read_group's order."""
    if not groupby:
        return f"SELECT count(*), {SUMS} FROM ilo_budget_line WHERE {WHERE}"
    columns = ", ".join(groupby)
    joins = (JOIN_AREA if "collaboration_area_id" in groupby else "") + (
        JOIN_SOURCE if "funding_source_id" in groupby else ""
    )
    return (
        f"SELECT g.* FROM (SELECT {columns}, count(*), {SUMS} FROM ilo_budget_line "
        f"WHERE {WHERE} GROUP BY {columns}) g {joins} "
        f"ORDER BY {', '.join(ORDER[name] for name in groupby)}"
    )


def group_rows(groups, groupby):
    """read_group's dicts as rows: groupby values (ids, a date's first day), then the
    count and the sums."""
    rows = []
    for group in groups:
        row = []
        for spec in groupby:
            value = group[spec]
            if ":" in spec:
                value = group["__range"][spec]["from"] if value else None
            elif isinstance(value, tuple):
                value = value[0]
            row.append(value if value is not False else None)
        rows.append((*row, group["__count"], *(group[name] for name in MEASURES)))
    return rows


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

        def fetch(query):
            cr.execute(query, [companies])
            return [
                tuple(v.isoformat() if hasattr(v, "isoformat") else v for v in row)
                for row in cr.fetchall()
            ]

        def orm():
            env.invalidate_all()
            return Line._read_group([], GROUPBY, AGGREGATES)

        def raw():
            cr.execute(RAW_SQL_BY_VALUE, [companies])
            return cr.fetchall()

        def pivot_opening():
            env.invalidate_all()
            return [
                group_rows(Line.read_group([], MEASURES, groupby, lazy=False), groupby)
                for groupby in PIVOT_GROUPBYS
            ]

        def raw_pivot_opening():
            return [fetch(raw_pivot_sql(groupby)) for groupby in PIVOT_GROUPBYS]

        def expanded():
            env.invalidate_all()
            groups = Line.read_group([], MEASURES, GROUPBY, lazy=False)
            return group_rows(groups, GROUPBY)

        def raw_expanded():
            return fetch(RAW_SQL_ORDERED)

        groups = assert_same(orm(), raw(), "budget pivot (_read_group)")
        for orm_rows, raw_rows in zip(
            pivot_opening(), raw_pivot_opening(), strict=True
        ):
            assert_same(orm_rows, raw_rows, "budget pivot view opening (read_group)")
        assert_same(expanded(), raw_expanded(), "budget pivot expanded (read_group)")
        cr.execute(
            "SELECT count(*), count(*) FILTER (WHERE active) FROM ilo_budget_line"
        )
        total, active = cr.fetchone()
        print(
            f"budget pivot over {total:,} budget lines ({active:,} active), "
            "identical groups and sums on both sides:"
        )
        failed = print_ratio(
            f"_read_group, area x source x category x year ({groups} groups)",
            timed_pair(orm, raw),
            GOAL,
        )
        failed |= print_ratio(
            "pivot view opening: read_group x 4 (total, area, source, area x source)",
            timed_pair(pivot_opening, raw_pivot_opening),
            GOAL,
        )
        print_ratio(
            f"read_group expanded to the {groups} groups (Odoo formats each group)",
            timed_pair(expanded, raw_expanded),
        )
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
