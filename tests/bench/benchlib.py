"""Helpers shared by the benchmarks: the bench portfolio and its budget lines (database
ilo_bench, or ILO_BENCH_DB), timing, and the comparison of the ORM's groups with the
raw SQL's."""

import os
import statistics
import time

import psycopg2

import odoo

DB = os.environ.get("ILO_BENCH_DB") or "ilo_bench"
PROJECTS, MISSIONS, TRAININGS, DELIVERABLES, COUNTRIES = 200, 10_000, 5_000, 5_000, 190
DEFAULT_LINES = 200_000
# Every 10th budget line is the project's own (no activity), every 50th is archived:
# the pivot leaves archived lines out (active_test), the partnership analysis counts
# them (closed, not gone), and the raw SQL must do the same on both sides.
PROJECT_LEVEL_EVERY, ARCHIVED_EVERY = 10, 50


def parse_args(argv):
    """(number of budget lines, Odoo options). The number: the first argument when it is
    one (digits, '_' or ',' allowed), else ILO_BENCH_LINES, else 200,000."""
    if argv and argv[0].replace("_", "").replace(",", "").isdigit():
        return int(argv[0].replace("_", "").replace(",", "")), argv[1:]
    text = os.environ.get("ILO_BENCH_LINES") or str(DEFAULT_LINES)
    return int(text.replace("_", "").replace(",", "")), argv


def timed_pair(orm, raw, repeat=7):
    """Times of ``repeat`` calls of ``orm`` and ``raw``, interleaved (one of each in
    turn, after one warm-up call of each) so that the load of the shared machine falls
    on both sides alike. Returns (median orm seconds, median raw seconds, median of
    the ratios of each pair): the ratio of a pair is measured under the same load, and
    the median of them ignores a pair that a burst of another process spoiled."""
    orm(), raw()
    t_orm, t_raw = [], []
    for _ in range(repeat):
        for fn, times in ((orm, t_orm), (raw, t_raw)):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    ratios = [a / b for a, b in zip(t_orm, t_raw, strict=True)]
    return statistics.median(t_orm), statistics.median(t_raw), statistics.median(ratios)


def print_ratio(label, timings, goal=None):
    """Print one comparison; True when it misses the goal."""
    t_orm, t_raw, ratio = timings
    verdict = f"goal <= {goal}" if goal else "no goal"
    print(
        f"  {label}: ORM {t_orm * 1000:.0f} ms, raw SQL {t_raw * 1000:.0f} ms "
        f"(medians of 7 runs each), ratio {ratio:.2f} (median of the 7 pairs; "
        f"{verdict})"
    )
    return bool(goal) and ratio > goal


def normalise(rows):
    """ORM groups as plain tuples: records as ids, empty values as None."""
    return [
        tuple(
            (v.id or None)
            if isinstance(v, odoo.models.BaseModel)
            else (None if v is False else v)
            for v in row
        )
        for row in rows
    ]


def assert_same(orm_rows, raw_rows, what):
    """Both sides return the same groups, in the same order, with the same sums."""
    orm_rows, raw_rows = normalise(orm_rows), [tuple(r) for r in raw_rows]
    if orm_rows != raw_rows:
        only_orm = sorted(set(orm_rows) - set(raw_rows), key=repr)[:5]
        only_raw = sorted(set(raw_rows) - set(orm_rows), key=repr)[:5]
        raise AssertionError(
            f"{what}: the ORM and the raw SQL differ ({len(orm_rows)} vs "
            f"{len(raw_rows)} groups); only ORM: {only_orm}; only SQL: {only_raw}"
        )
    return len(orm_rows)


def vacuum_analyze(tables, full=False):
    """VACUUM ANALYZE (outside a transaction): fresh statistics and visibility map
    after the bulk inserts, as autovacuum would leave them on a live database; FULL
    after lines were removed, so that a smaller scale reads a table and indexes of its
    size."""
    _db, info = odoo.sql_db.connection_info_for(DB)
    cnx = psycopg2.connect(**info)
    try:
        cnx.autocommit = True
        with cnx.cursor() as cr:
            for table in tables:
                cr.execute(f"VACUUM {'FULL ' if full else ''}ANALYZE {table}")
    finally:
        cnx.close()


def _bytes_per_row(cr, table):
    cr.execute(
        f"SELECT pg_relation_size('{table}') / GREATEST(count(*), 1) FROM {table}"
    )
    return cr.fetchone()[0]


def _compact(cr, table, bytes_per_row):
    """VACUUM FULL until the table is back to its bytes per row: it keeps the rows
    deleted while a transaction of the cluster that may still see them runs (the
    other engineers' servers and tests share it)."""
    for _attempt in range(6):
        vacuum_analyze([table], full=True)
        if _bytes_per_row(cr, table) <= 1.3 * bytes_per_row:
            return
        time.sleep(10)
    print(f"warning: {table} keeps deleted rows (a long transaction of the cluster)")


def populate(env, lines):
    """The bench portfolio (once) and exactly ``lines`` bench budget lines (added or
    removed to match). Committed. Returns the number of bench budget lines."""
    bytes_per_row = _bytes_per_row(env.cr, "ilo_budget_line")
    removed = _forget_old_bench_data(env.cr)
    added = _populate_portfolio(env)
    lines_added, lines_removed = _populate_lines(env, lines)
    env.cr.commit()
    if removed or lines_removed:
        _compact(env.cr, "ilo_budget_line", bytes_per_row)
    if added or lines_added:
        vacuum_analyze(
            [
                "ilo_budget_line",
                "ilo_advisory_mission",
                "ilo_training",
                "ilo_deliverable",
                "project_project",
            ]
        )
    return lines


def _forget_old_bench_data(cr):
    """ilo_bench made by the first version of the benchmarks: its budget lines ('bench
    N', on the demo projects) go, its activities get the active flag the ORM sets."""
    cr.execute(r"DELETE FROM ilo_budget_line WHERE name ~ '^bench \d+$'")
    changed = bool(cr.rowcount)
    for table in ("ilo_advisory_mission", "ilo_training", "ilo_deliverable"):
        cr.execute(
            f"UPDATE {table} SET active = true "
            "WHERE active IS NULL AND name LIKE 'bench %'"
        )
        changed |= bool(cr.rowcount)
    return changed


def _bench_projects(cr):
    cr.execute(
        "SELECT id FROM project_project WHERE name->>'en_US' LIKE 'bench project %' "
        "ORDER BY id"
    )
    return [r[0] for r in cr.fetchall()]


def _populate_portfolio(env):
    """200 projects (ORM), 20,000 activities (SQL), 190 campaign countries (ORM)."""
    cr = env.cr
    if len(_bench_projects(cr)) >= PROJECTS:
        return False
    areas = env["ilo.collaboration.area"].search([]).ids
    env["project.project"].create(
        [
            {
                "name": f"bench project {i}",
                "collaboration_area_id": areas[i % len(areas)],
                "country_ids": [(6, 0, [])],
            }
            for i in range(PROJECTS)
        ]
    )
    projects = _bench_projects(cr)
    cr.execute("SELECT id FROM res_country ORDER BY id")
    countries = [r[0] for r in cr.fetchall()]
    # Bulk inserts; the columns the ORM would fill (defaults such as active, stored
    # related and computed fields) are filled as the models would.
    cr.execute(
        """
        INSERT INTO ilo_advisory_mission (
               name, project_id, collaboration_area_id, company_id,
               country_id, date_start, date_end, state, user_id, active,
               create_uid, write_uid, create_date, write_date)
        SELECT 'bench mission ' || g, p.id, p.collaboration_area_id, p.company_id,
               (%s::int[])[1 + g %% %s], make_date(2020 + g %% 7, 1 + g %% 12, 1),
               make_date(2020 + g %% 7, 1 + g %% 12, 5),
               (ARRAY['draft','submitted','approved','ongoing','done'])[1 + g %% 5],
               2, true, 1, 1, now(), now()
          FROM generate_series(1, %s) g
          JOIN project_project p ON p.id = (%s::int[])[1 + g %% %s]
        """,
        [countries, len(countries), MISSIONS, projects, len(projects)],
    )
    cr.execute(
        """
        INSERT INTO ilo_training (name, project_id, collaboration_area_id, company_id,
               country_id, date_start, date_end, modality, state, participant_count,
               attended_count, female_count, attendance_rate, female_share,
               average_score_gain, is_tripartite, user_id, active,
               create_uid, write_uid, create_date, write_date)
        SELECT 'bench training ' || g, p.id, p.collaboration_area_id, p.company_id,
               (%s::int[])[1 + g %% %s], make_date(2020 + g %% 7, 1 + g %% 12, 10),
               make_date(2020 + g %% 7, 1 + g %% 12, 12), 'in_person', 'done',
               20, 18, 9, 90, 50, 12.5, g %% 2 = 0, 2, true, 1, 1, now(), now()
          FROM generate_series(1, %s) g
          JOIN project_project p ON p.id = (%s::int[])[1 + g %% %s]
        """,
        [countries, len(countries), TRAININGS, projects, len(projects)],
    )
    cr.execute(
        """
        INSERT INTO ilo_deliverable (
               name, project_id, collaboration_area_id, company_id,
               deliverable_type, date_deadline, state, user_id, active,
               create_uid, write_uid, create_date, write_date)
        SELECT 'bench deliverable ' || g, p.id, p.collaboration_area_id, p.company_id,
               'report', make_date(2020 + g %% 7, 1 + g %% 12, 20),
               (ARRAY['planned','in_progress','published'])[1 + g %% 3],
               2, true, 1, 1, now(), now()
          FROM generate_series(1, %s) g
          JOIN project_project p ON p.id = (%s::int[])[1 + g %% %s]
        """,
        [DELIVERABLES, projects, len(projects)],
    )
    existing = set(env["c102.country"].search([]).country_id.ids)
    missing = [c for c in countries if c not in existing][
        : max(0, COUNTRIES - len(existing))
    ]
    env["c102.country"].create([{"country_id": c} for c in missing])
    return True


def _conversion_factors(env, sources, years):
    """(source, year, rate to the company currency, rate to the reporting currency,
    both on 1 January): the rates the model's _compute_company_amounts applies to a
    line starting that day."""
    company = env.company
    reporting = env["ilo.budget.line"]._ilo_reporting_currency()
    rows = []
    for source in sources:
        for year in years:
            day = f"{year}-01-01"
            rate, rate_reporting = (
                env["res.currency"]._get_conversion_rate(
                    source.currency_id, target, company, day
                )
                for target in (company.currency_id, reporting)
            )
            rows.append((source.id, year, rate, rate_reporting))
    return rows


def _populate_lines(env, lines):
    """Exactly ``lines`` budget lines named 'bench line N' on the bench projects, 9 in
    10 linked to one of the bench activities (of the same project).
    Returns (lines were added, lines were removed)."""
    cr = env.cr
    cr.execute("SELECT count(*) FROM ilo_budget_line WHERE name LIKE 'bench line %'")
    existing = cr.fetchone()[0]
    if existing > lines:
        # back to a smaller scale: drop the last lines added
        cr.execute(
            """
            DELETE FROM ilo_budget_line
             WHERE name LIKE 'bench line %%'
               AND id >= (SELECT id FROM ilo_budget_line
                           WHERE name LIKE 'bench line %%'
                        ORDER BY id OFFSET %s LIMIT 1)
            """,
            [lines],
        )
        return False, True
    if existing == lines:
        return False, False
    company = env.company
    sources = env["ilo.funding.source"].search([("company_id", "=", company.id)])
    years = range(2020, 2028)
    cr.execute(
        """
        CREATE TEMP TABLE bench_rate (source_id int, year int, rate numeric,
                                      rate_reporting numeric)
            ON COMMIT DROP;
        CREATE TEMP TABLE bench_activity ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY kind, id) - 1 AS n, * FROM (
            SELECT 'm' AS kind, id, project_id FROM ilo_advisory_mission
             WHERE name LIKE 'bench mission %'
            UNION ALL
            SELECT 't', id, project_id FROM ilo_training
             WHERE name LIKE 'bench training %'
            UNION ALL
            SELECT 'd', id, project_id FROM ilo_deliverable
             WHERE name LIKE 'bench deliverable %') a;
        CREATE UNIQUE INDEX ON bench_activity (n);
        """
    )
    cr.executemany(
        "INSERT INTO bench_rate VALUES (%s, %s, %s, %s)",
        _conversion_factors(env, sources, years),
    )
    cr.execute("SELECT count(*) FROM bench_activity")
    activities = cr.fetchone()[0]
    # Bulk insert with SQL: the ORM would take hours for 2,000,000 records with
    # tracking. The stored computed columns follow the model's formulas (company
    # amounts: each amount converted at the rate of date_from, rounded to the cent).
    cr.execute(
        """
        INSERT INTO ilo_budget_line (
            name, active, project_id, collaboration_area_id, company_id,
            mission_id, training_id, deliverable_id, funding_source_id,
            category, date_from, date_to, year, currency_id,
            amount_planned, amount_committed, amount_actual, amount_available,
            amount_planned_company, amount_committed_company, amount_actual_company,
            amount_available_company, reporting_currency_id,
            amount_planned_reporting, amount_committed_reporting,
            amount_actual_reporting, amount_available_reporting,
            delivery_rate, is_over_budget,
            create_uid, write_uid, create_date, write_date)
        SELECT 'bench line ' || v.g, v.g %% %(archived)s <> 0, p.id,
               p.collaboration_area_id, p.company_id,
               CASE WHEN v.linked AND a.kind = 'm' THEN a.id END,
               CASE WHEN v.linked AND a.kind = 't' THEN a.id END,
               CASE WHEN v.linked AND a.kind = 'd' THEN a.id END,
               s.id, v.category, make_date(v.year, 1, 1), make_date(v.year, 12, 31),
               v.year, s.currency_id,
               v.planned, v.committed, v.actual, v.planned - v.committed - v.actual,
               round(v.planned * r.rate, 2), round(v.committed * r.rate, 2),
               round(v.actual * r.rate, 2),
               round((v.planned - v.committed - v.actual) * r.rate, 2),
               %(reporting)s, round(v.planned * r.rate_reporting, 2),
               round(v.committed * r.rate_reporting, 2),
               round(v.actual * r.rate_reporting, 2),
               round((v.planned - v.committed - v.actual) * r.rate_reporting, 2),
               100.0 * v.actual / v.planned, v.committed + v.actual > v.planned,
               1, 1, now(), now()
          FROM (SELECT g, g %% %(project_level)s <> 0 AS linked,
                       2020 + g / 8 %% 8 AS year,
                       (ARRAY['staff','travel','consultants','meetings','translation',
                              'printing','equipment','other'])[1 + g %% 8] AS category,
                       (1000 + g %% 997)::numeric AS planned,
                       (g %% 300)::numeric AS committed,
                       (g %% 500)::numeric AS actual,
                       (%(sources)s::int[])[1 + g / 64 %% %(nsources)s] AS source_id
                  FROM generate_series(%(first)s, %(last)s) g) v
          JOIN bench_activity a ON a.n = v.g %% %(activities)s
          JOIN project_project p ON p.id = a.project_id
          JOIN ilo_funding_source s ON s.id = v.source_id
          JOIN bench_rate r ON r.source_id = s.id AND r.year = v.year
        """,
        {
            "archived": ARCHIVED_EVERY,
            "project_level": PROJECT_LEVEL_EVERY,
            "sources": sources.ids,
            "nsources": len(sources),
            "first": existing + 1,
            "last": lines,
            "activities": activities,
            "reporting": env["ilo.budget.line"]._ilo_reporting_currency().id,
        },
    )
    return True, False


def project_accounts(env, projects):
    """The bench projects' analytic accounts, created once as Odoo creates them (in
    the project plan, of the project's company), set with SQL: the ORM would
    recompute the project's company and then every one of its budget lines."""
    records = env["project.project"].browse(projects)
    missing = records.filtered(lambda p: not p.account_id)
    if not missing:
        return False
    values = missing._get_values_analytic_account_batch(
        missing._read_format(["name", "company_id", "partner_id"], None)
    )
    accounts = env["account.analytic.account"].create(values)
    env.cr.executemany(
        "UPDATE project_project SET account_id = %s WHERE id = %s",
        [(a.id, p.id) for p, a in zip(missing, accounts, strict=True)],
    )
    env.cr.commit()
    env.invalidate_all()
    return True


def analytic_helpers():
    """(CATEGORY_ACCOUNT, plan_columns) of the addon: importable once Odoo knows the
    addons path (after ``connect``)."""
    from odoo.addons.ilo_issa_partnership.models import (  # noqa: PLC0415
        ilo_funding_source_analytic as analytic,
    )

    return analytic.CATEGORY_ACCOUNT, analytic.plan_columns


def connect(odoo_argv):
    """The registry of ilo_bench, with the given Odoo options."""
    odoo.tools.config.parse_config(odoo_argv)
    return odoo.modules.registry.Registry(DB)
