"""Benchmark: a large synthetic portfolio (5 areas, 200 projects, 20,000 activities,
200,000 budget lines, 190 country records). Prints, in one run:

- the reporting model's grouped read by area x year against the equivalent raw SQL;
- the SQL query count of reading a list page of 10 and of 1,000 missions;
- the time to render the partnership report (HTML, and PDF with wkhtmltopdf) for a year.

Run with `make bench` (database ilo_bench; the data is generated once and kept).
"""

import sys
import time

from benchlib import timed

import odoo
from odoo import api

DB = "ilo_bench"
PROJECTS, MISSIONS, TRAININGS, DELIVERABLES, COUNTRIES = 200, 10_000, 5_000, 5_000, 190
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
RAW_SQL = """
    SELECT p.collaboration_area_id, EXTRACT(YEAR FROM r.date)::int, count(*),
           SUM(r.budget_planned), SUM(r.budget_actual)
      FROM ilo_partnership_analysis r
      JOIN project_project p ON p.id = r.project_id
  GROUP BY 1, 2
"""


def populate(env):
    cr = env.cr
    cr.execute(
        "SELECT count(*) FROM project_project "
        "WHERE name->>'en_US' LIKE 'bench project %'"
    )
    if cr.fetchone()[0] >= PROJECTS:
        return
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
    cr.execute(
        "SELECT id FROM project_project WHERE name->>'en_US' LIKE 'bench project %'"
    )
    projects = [r[0] for r in cr.fetchall()]
    cr.execute("SELECT id FROM res_country ORDER BY id")
    countries = [r[0] for r in cr.fetchall()]
    # bulk inserts: stored related/computed columns filled as the models would
    cr.execute(
        """
        INSERT INTO ilo_advisory_mission (
               name, project_id, collaboration_area_id, company_id,
               country_id, date_start, date_end, state, user_id,
               create_uid, write_uid, create_date, write_date)
        SELECT 'bench mission ' || g, p.id, p.collaboration_area_id, p.company_id,
               (%s::int[])[1 + g %% %s], make_date(2020 + g %% 7, 1 + g %% 12, 1),
               make_date(2020 + g %% 7, 1 + g %% 12, 5),
               (ARRAY['draft','submitted','approved','ongoing','done'])[1 + g %% 5],
               2, 1, 1, now(), now()
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
               average_score_gain, is_tripartite, create_uid, write_uid, create_date,
               write_date)
        SELECT 'bench training ' || g, p.id, p.collaboration_area_id, p.company_id,
               (%s::int[])[1 + g %% %s], make_date(2020 + g %% 7, 1 + g %% 12, 10),
               make_date(2020 + g %% 7, 1 + g %% 12, 12), 'in_person', 'done',
               20, 18, 9, 90, 50, 12.5, g %% 2 = 0, 1, 1, now(), now()
          FROM generate_series(1, %s) g
          JOIN project_project p ON p.id = (%s::int[])[1 + g %% %s]
        """,
        [countries, len(countries), TRAININGS, projects, len(projects)],
    )
    cr.execute(
        """
        INSERT INTO ilo_deliverable (
               name, project_id, collaboration_area_id, company_id,
               deliverable_type, date_deadline, state, user_id,
               create_uid, write_uid, create_date, write_date)
        SELECT 'bench deliverable ' || g, p.id, p.collaboration_area_id, p.company_id,
               'report', make_date(2020 + g %% 7, 1 + g %% 12, 20),
               (ARRAY['planned','in_progress','published'])[1 + g %% 3],
               2, 1, 1, now(), now()
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
    cr.execute("ANALYZE")
    cr.commit()


def main():
    odoo.tools.config.parse_config(sys.argv[1:])
    registry = odoo.modules.registry.Registry(DB)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        populate(env)
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

        def raw():
            cr.execute(RAW_SQL)
            return cr.fetchall()

        t_orm, t_raw = timed(orm), timed(raw)
        print(
            f"reporting model by area x year: {t_orm * 1000:.0f} ms; raw SQL "
            f"{t_raw * 1000:.0f} ms; ratio {t_orm / t_raw:.2f} (goal <= 1.5)"
        )

        def list_queries(limit):
            env.invalidate_all()
            before = cr.sql_log_count
            Mission.web_search_read([], {f: {} for f in LIST_FIELDS}, limit=limit)
            return cr.sql_log_count - before

        list_queries(10)
        q10, q1000 = list_queries(10), list_queries(1000)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
