"""Benchmark: the finance budget pivot (_read_group on stored fields) over 200,000
budget lines, against the equivalent raw SQL GROUP BY. Not a test: it prints figures.

Run with `make bench` (creates/reuses the database ilo_bench). Goal: the ORM
aggregate within 1.5x the raw SQL time.
"""

import sys

from benchlib import timed

import odoo
from odoo import api

LINES = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
DB = "ilo_bench"
GROUPBY = ["collaboration_area_id", "funding_source_id", "category", "date_from:year"]
AGGREGATES = [
    "amount_planned_company:sum",
    "amount_committed_company:sum",
    "amount_actual_company:sum",
    "amount_available_company:sum",
]
RAW_SQL = """
    SELECT collaboration_area_id, funding_source_id, category,
           date_trunc('year', date_from::timestamp) AS year,
           SUM(amount_planned_company), SUM(amount_committed_company),
           SUM(amount_actual_company), SUM(amount_available_company)
      FROM ilo_budget_line
     GROUP BY 1, 2, 3, 4
     ORDER BY 1, 2, 3, 4
"""


def populate(env, count):
    cr = env.cr
    cr.execute("SELECT count(*) FROM ilo_budget_line")
    existing = cr.fetchone()[0]
    if existing >= count:
        return existing
    projects = env["project.project"].search([("is_partnership", "=", True)]).ids
    sources = env["ilo.funding.source"].search([]).ids
    company = env.company
    # Bulk insert with SQL: the ORM would take hours for 200k records with tracking;
    # stored computed columns are filled consistently with the model's formulas.
    cr.execute(
        """
        INSERT INTO ilo_budget_line (
            name, project_id, collaboration_area_id, company_id, funding_source_id,
            category, date_from, date_to, year, currency_id,
            amount_planned, amount_committed, amount_actual, amount_available,
            amount_planned_company, amount_committed_company, amount_actual_company,
            amount_available_company, delivery_rate, is_over_budget,
            create_uid, write_uid, create_date, write_date)
        SELECT 'bench ' || g, p.id, p.collaboration_area_id, p.company_id, s.id,
               (ARRAY['staff','travel','consultants','meetings','translation',
                      'printing','equipment','other'])[1 + g %% 8],
               make_date(2020 + g %% 8, 1, 1), make_date(2020 + g %% 8, 12, 31),
               2020 + g %% 8, s.currency_id,
               1000 + g %% 997, g %% 300, g %% 500,
               1000 + g %% 997 - g %% 300 - g %% 500,
               1000 + g %% 997, g %% 300, g %% 500,
               1000 + g %% 997 - g %% 300 - g %% 500,
               100.0 * (g %% 500) / (1000 + g %% 997), false,
               1, 1, now(), now()
          FROM generate_series(%s, %s) g
          JOIN project_project p ON p.id = (%s::int[])[1 + g %% %s]
          JOIN ilo_funding_source s ON s.id = (%s::int[])[1 + g %% %s]
        """,
        [existing + 1, count, projects, len(projects), sources, len(sources)],
    )
    cr.execute("ANALYZE ilo_budget_line")
    cr.commit()
    assert company
    return count


def main():
    odoo.tools.config.parse_config(sys.argv[2:] if len(sys.argv) > 2 else [])
    registry = odoo.modules.registry.Registry(DB)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        total = populate(env, LINES)
        # as a real user (admin, not superuser): access rules apply as in the UI
        Line = env["ilo.budget.line"].with_user(env.ref("base.user_admin"))

        def orm():
            env.invalidate_all()
            return Line._read_group([], GROUPBY, AGGREGATES)

        def raw():
            cr.execute(RAW_SQL)
            return cr.fetchall()

        orm_groups, raw_groups = orm(), raw()
        assert len(orm_groups) == len(raw_groups), (len(orm_groups), len(raw_groups))
        t_orm, t_raw = timed(orm), timed(raw)
        ratio = t_orm / t_raw
        print(f"budget lines: {total}")
        print(f"groups: {len(orm_groups)}")
        print(f"_read_group (pivot): {t_orm * 1000:.1f} ms (median of 7)")
        print(f"raw SQL GROUP BY:    {t_raw * 1000:.1f} ms (median of 7)")
        print(f"ratio: {ratio:.2f} (goal <= 1.5)")
        return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
