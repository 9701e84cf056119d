"""Benchmark: actual spend at scale. ILO_BENCH_COSTS analytic lines (1,000,000 unless
set) posted on the bench budget lines' distribution (project account x funding source
account x category account, a date in the line's period) and matched to them, against
raw SQL computing the same sums from the ledger:

- the budget pivot's actuals over all bench budget lines (``_read_group`` by funding
  source x category x year, the stored actual of each line: one currency per funding
  source) against one query summing the analytic lines of each budget line, then
  grouping (goal: 1.5);
- the *Actual spend* pivot over the analytic lines (``_read_group`` by funding source x
  category) against the same GROUP BY on account_analytic_line (goal: 1.5).

The analytic lines are generated with SQL (generate_series), matched as the model
matches them (the earliest budget line, by start and id, of the same project account,
funding source, category and period), the stored actuals set from them. Before timing,
a sample checks the SQL against the model: 200 costs are unlinked and matched again by
``_ilo_match_budget_lines`` (the ORM's matching rate is printed), and 200 budget lines'
actuals are recomputed by ``_compute_amount_actual``; both must give what SQL stored
(then rolled back).

Not a test: it prints figures, and exits 1 when the sides differ or a ratio is above
the goal.

Usage: actuals.py [LINES] [odoo options]; COSTS from ILO_BENCH_COSTS.
"""

import os
import sys
import time

from benchlib import (
    _bench_projects,
    _conversion_factors,
    analytic_helpers,
    assert_same,
    connect,
    normalise,
    parse_args,
    populate,
    print_ratio,
    project_accounts,
    timed_pair,
    vacuum_analyze,
)

from odoo import SUPERUSER_ID, api

GOAL = 1.5
DEFAULT_COSTS = 1_000_000
SAMPLE = 200
WHERE = (
    "b.active AND (b.company_id = ANY(%(companies)s) OR b.company_id IS NULL) "
    "AND b.project_id = ANY(%(projects)s)"
)
# the stored link, as the model keeps it: each line's costs summed, then grouped
RAW_PIVOT = f"""
    SELECT b.funding_source_id, b.category,
           date_trunc('year', b.date_from::timestamp)::date AS year,
           count(*), SUM(COALESCE(c.actual, 0))
      FROM ilo_budget_line b
 LEFT JOIN (SELECT ilo_budget_line_id, SUM(ilo_spend_amount) AS actual
              FROM account_analytic_line
             WHERE ilo_budget_line_id IS NOT NULL
          GROUP BY ilo_budget_line_id) c ON c.ilo_budget_line_id = b.id
     WHERE {WHERE}
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
"""
RAW_SPEND = """
    SELECT ilo_funding_source_id, ilo_budget_category, count(*),
           SUM(ilo_spend_amount)
      FROM account_analytic_line
     WHERE (company_id = ANY(%(companies)s)) AND ilo_project_id = ANY(%(projects)s)
  GROUP BY 1, 2
  ORDER BY 1, 2
"""


def populate_costs(env, lines, costs):
    """Exactly ``costs`` bench analytic lines ('bench cost N') on the ``lines`` bench
    budget lines, matched, and the budget lines' stored actuals set from them.
    Regenerated whenever the number of either changed. Committed."""
    cr = env.cr
    cr.execute("SELECT count(*) FROM ilo_budget_line WHERE name LIKE 'bench line %'")
    lines_before = cr.fetchone()[0]
    cr.execute(
        "SELECT count(*) FROM account_analytic_line WHERE name LIKE 'bench cost %'"
    )
    costs_before = cr.fetchone()[0]
    if costs_before and (lines_before != lines or costs_before != costs):
        # the costs hold their budget lines (ondelete restrict): they go first
        cr.execute("DELETE FROM account_analytic_line WHERE name LIKE 'bench cost %'")
        cr.commit()
        costs_before = 0
    populate(env, lines)
    projects = _bench_projects(cr)
    project_accounts(env, projects)
    if costs_before == costs:
        return projects
    start = time.perf_counter()
    funding_column, category_column = analytic_helpers()[1](env)
    company = env.company
    categories = {
        key: env.ref(analytic_helpers()[0] % key).id
        for key, _label in env["ilo.budget.line"]._fields["category"].selection
    }
    sources = env["ilo.funding.source"].search([("company_id", "=", company.id)])
    cr.execute(
        """
        CREATE TEMP TABLE bench_category (category varchar, account_id int)
            ON COMMIT DROP;
        CREATE TEMP TABLE bench_rate (source_id int, year int, rate numeric,
                                      rate_reporting numeric) ON COMMIT DROP;
        """
    )
    cr.executemany("INSERT INTO bench_category VALUES (%s, %s)", categories.items())
    cr.executemany(
        "INSERT INTO bench_rate VALUES (%s, %s, %s, %s)",
        _conversion_factors(env, sources, range(2020, 2028)),
    )
    # each bench budget line numbered, with its distribution and the line the model
    # matches a cost of that distribution and period with: the earliest (date_from,
    # id) of the same project, funding source, category whose period holds the date
    # (the bench lines of one key share their period: one calendar year)
    cr.execute(
        """
        CREATE TEMP TABLE bench_budget ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY b.id) - 1 AS n, b.id, b.date_from,
               b.date_to, b.currency_id, b.category, b.funding_source_id,
               b.project_id, p.account_id, s.analytic_account_id AS source_account,
               k.account_id AS category_account, r.rate,
               first_value(b.id) OVER (
                   PARTITION BY b.project_id, b.funding_source_id, b.category,
                                b.date_from, b.date_to
                   ORDER BY b.id) AS match_id
          FROM ilo_budget_line b
          JOIN project_project p ON p.id = b.project_id
          JOIN ilo_funding_source s ON s.id = b.funding_source_id
          JOIN bench_category k ON k.category = b.category
          JOIN bench_rate r ON r.source_id = s.id AND r.year = b.year
         WHERE b.name LIKE 'bench line %%';
        CREATE UNIQUE INDEX ON bench_budget (n);
        """
    )
    cr.execute("SELECT count(*) FROM bench_budget")
    budgets = cr.fetchone()[0]
    # the cost paid in the line's currency (it counts as paid); its company-currency
    # analytic amount at the rate of 1 January of the year
    cr.execute(
        f"""
        INSERT INTO account_analytic_line (
               name, date, amount, unit_amount, company_id, currency_id, account_id,
               {funding_column}, {category_column}, ilo_budget_line_id,
               ilo_budget_line_manual, ilo_reference, ilo_project_id,
               ilo_funding_source_id, ilo_budget_category, ilo_spend_amount,
               ilo_spend_currency_id, ilo_rate_missing, ilo_cost_company,
               create_uid, write_uid, create_date, write_date)
        SELECT 'bench cost ' || g, b.date_from + g %% 365,
               -round(v.spend * b.rate, 2), 0, %(company)s, %(currency)s, b.account_id,
               b.source_account, b.category_account, b.match_id, false,
               'BENCH-' || g, b.project_id, b.funding_source_id, b.category, v.spend,
               b.currency_id, false, round(v.spend * b.rate, 2), 1, 1, now(), now()
          FROM (SELECT g, (1 + g %% 97)::numeric AS spend
                  FROM generate_series(1, %(costs)s) g) v
          JOIN bench_budget b ON b.n = v.g %% %(budgets)s
        """,
        {
            "company": company.id,
            "currency": company.currency_id.id,
            "costs": costs,
            "budgets": budgets,
        },
    )
    # the stored actuals (line currency, company and reporting currency at the rate
    # of the line's start), as the model computes them
    cr.execute(
        """
        UPDATE ilo_budget_line l
           SET amount_actual = v.actual,
               amount_available = l.amount_planned - l.amount_committed - v.actual,
               delivery_rate = 100.0 * v.actual / NULLIF(l.amount_planned, 0),
               is_over_budget = l.amount_committed + v.actual > l.amount_planned,
               amount_actual_company = round(v.actual * r.rate, 2),
               amount_available_company = round(
                   (l.amount_planned - l.amount_committed - v.actual) * r.rate, 2),
               amount_actual_reporting = round(v.actual * r.rate_reporting, 2),
               amount_available_reporting = round(
                   (l.amount_planned - l.amount_committed - v.actual)
                   * r.rate_reporting, 2)
          FROM (SELECT b.id, COALESCE(SUM(c.ilo_spend_amount), 0) AS actual
                  FROM bench_budget b
             LEFT JOIN account_analytic_line c ON c.ilo_budget_line_id = b.id
              GROUP BY b.id) v, bench_rate r
         WHERE l.id = v.id AND r.source_id = l.funding_source_id AND r.year = l.year
        """
    )
    cr.commit()
    vacuum_analyze(["account_analytic_line", "ilo_budget_line"])
    print(
        f"  generated {costs:,} analytic lines on {budgets:,} budget lines with SQL "
        f"in {time.perf_counter() - start:.0f} s"
    )
    return projects


def check_sample(env):
    """The ORM's matching and actuals agree with the SQL's on a sample (rolled
    back). Prints the ORM's matching rate."""
    cr = env.cr
    cr.execute(
        "SELECT id, ilo_budget_line_id FROM account_analytic_line "
        "WHERE name LIKE 'bench cost %%' ORDER BY id DESC LIMIT %s",
        [SAMPLE],
    )
    linked = dict(cr.fetchall())
    cr.execute(
        "SELECT id, amount_actual FROM ilo_budget_line "
        "WHERE name LIKE 'bench line %%' AND amount_actual > 0 "
        "ORDER BY id DESC LIMIT %s",
        [SAMPLE],
    )
    actuals = dict(cr.fetchall())
    with cr.savepoint(flush=False) as savepoint:
        lines = env["ilo.budget.line"].browse(list(actuals))
        lines._compute_amount_actual()
        computed = {line.id: line.amount_actual for line in lines}
        env.invalidate_all()
        cr.execute(
            "UPDATE account_analytic_line SET ilo_budget_line_id = NULL "
            "WHERE id = ANY(%s)",
            [list(linked)],
        )
        env.invalidate_all()
        costs = env["account.analytic.line"].browse(list(linked))
        start = time.perf_counter()
        costs._ilo_match_budget_lines()
        env.flush_all()
        seconds = time.perf_counter() - start
        matched = {cost.id: cost.ilo_budget_line_id.id for cost in costs}
        env.invalidate_all()
        savepoint.rollback()  # nothing of this stays
    env.invalidate_all(flush=False)
    if matched != linked:
        raise AssertionError("the ORM matches the sample's costs to other lines")
    different = {i for i in actuals if abs(computed[i] - actuals[i]) > 0.005}
    if different:
        raise AssertionError(f"the ORM computes other actuals: lines {different}")
    print(
        f"  sample of {SAMPLE} costs matched again by the ORM (_ilo_match_budget_lines)"
        f": same budget lines, {SAMPLE / seconds:,.0f} costs/s; {SAMPLE} budget lines' "
        "actuals recomputed by the model: same amounts"
    )


def main(argv):
    lines, odoo_argv = parse_args(argv)
    costs = int(
        (os.environ.get("ILO_BENCH_COSTS") or str(DEFAULT_COSTS)).replace("_", "")
    )
    registry = connect(odoo_argv)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        projects = populate_costs(env, lines, costs)
        check_sample(env)
        admin = env.ref("base.user_admin")
        params = {"companies": admin.company_ids.ids, "projects": projects}
        Line = env["ilo.budget.line"].with_user(admin)
        Cost = env["account.analytic.line"].with_user(admin)
        domain = [("project_id", "in", projects)]

        def fetch(query):
            cr.execute(query, params)
            return cr.fetchall()

        def orm_pivot():
            env.invalidate_all()
            return Line._read_group(
                domain,
                ["funding_source_id", "category", "date_from:year"],
                ["__count", "amount_actual:sum"],
            )

        def raw_pivot():
            return fetch(RAW_PIVOT)

        def orm_spend():
            env.invalidate_all()
            return Cost._read_group(
                [("ilo_project_id", "in", projects)],
                ["ilo_funding_source_id", "ilo_budget_category"],
                ["__count", "ilo_spend_amount:sum"],
            )

        def raw_spend():
            return fetch(RAW_SPEND)

        def same(orm_rows, raw_rows, what):
            # the groups in one order on both sides (the ORM's is its comodels')
            return assert_same(
                sorted(normalise(orm_rows), key=repr),
                sorted(map(tuple, raw_rows), key=repr),
                what,
            )

        groups = same(orm_pivot(), raw_pivot(), "budget pivot actuals")
        spend_groups = same(orm_spend(), raw_spend(), "actual spend")
        cr.execute(
            "SELECT count(*), count(ilo_budget_line_id) FROM account_analytic_line "
            "WHERE name LIKE 'bench cost %'"
        )
        total, matched = cr.fetchone()
        print(
            f"actuals of {lines:,} budget lines from {total:,} analytic lines "
            f"({matched:,} matched), identical groups and sums on both sides:"
        )
        failed = print_ratio(
            f"budget pivot actuals, _read_group source x category x year ({groups} "
            "groups) vs SQL summing each line's costs",
            timed_pair(orm_pivot, raw_pivot),
            GOAL,
        )
        failed |= print_ratio(
            f"actual spend pivot, _read_group over the analytic lines, source x "
            f"category ({spend_groups} groups) vs SQL GROUP BY",
            timed_pair(orm_spend, raw_spend),
            GOAL,
        )
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
