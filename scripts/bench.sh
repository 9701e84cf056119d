#!/usr/bin/env bash
# make bench: the benchmarks of tests/bench on the database ilo_bench, or ILO_BENCH_DB (created once, with
# both addons and their demo data, then upgraded when their source changed; the bench portfolio is added once and
# kept, and the number of bench budget lines is set to ILO_BENCH_LINES, 200,000 by
# default: `ILO_BENCH_LINES=2000000 make bench` measures at 2,000,000, and the next run
# at another number adds or removes lines; ILO_BENCH_COSTS analytic lines, 1,000,000 by
# default, are matched to them; ILO_BENCH_IMPORT ledger rows, 100,000 by default (about
# 3 min for the import and 15 for Odoo's load of the same rows), are imported). The
# dashboards and the year's report are timed as a leadership
# user (bench_leadership, created once), server side and in headless Chromium against Odoo's
# project list. Every benchmark runs; exit 1 when one
# missed its goal or found its two sides computing different things.
source "$(dirname "$0")/common.sh"
provision
DB="${ILO_BENCH_DB:-ilo_bench}"
export ILO_BENCH_DB="$DB"
LINES="${ILO_BENCH_LINES:-200000}"
ensure_db "$DB"
args=()
mapfile -t args < <(odoo_args)
cd "$ROOT"
status=0
say "Budget pivot ($LINES budget lines)"
"$PY" tests/bench/budget_pivot.py "$LINES" "${args[@]}" || status=1
say "Portfolio: partnership analysis, mission list, partnership report"
"$PY" tests/bench/portfolio.py "$LINES" "${args[@]}" || status=1
say "Actuals: ${ILO_BENCH_COSTS:-1000000} analytic lines matched to the budget lines"
"$PY" tests/bench/actuals.py "$LINES" "${args[@]}" || status=1
say "Expenditure import: ${ILO_BENCH_IMPORT:-100000} ledger rows, against Odoo's load"
ILO_BENCH_IMPORT="${ILO_BENCH_IMPORT:-100000}" \
  "$PY" tests/bench/expenditure_import.py "$LINES" "${args[@]}" || status=1
say "Dashboards' data and the year's partnership report PDF, as leadership"
"$PY" tests/bench/dashboards.py "$LINES" "${args[@]}" || status=1
PORT="$(free_port)"
odoo_bin -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" --max-cron-threads=0 \
  --log-level=warn >"$LOG_DIR/bench-server.log" 2>&1 &
SERVER=$!
trap 'kill_tree $SERVER' EXIT
wait_http "http://127.0.0.1:$PORT/web/health" "$SERVER" "$LOG_DIR/bench-server.log"
say "XML-RPC bulk create (the records are deleted afterwards)"
ILO_URL="http://127.0.0.1:$PORT" ILO_DB="$DB" ILO_LOGIN=admin ILO_PASSWORD=admin \
  "$PY" tests/bench/xmlrpc_bulk.py "${ILO_BENCH_BULK:-10000}" || status=1
say "Dashboards in headless Chromium (charts drawn), against Odoo's project list"
"$PY" tests/bench/dashboards_browser.py "http://127.0.0.1:$PORT" "$DB" || status=1
[ "$status" = 0 ] || say "A benchmark missed its goal (above)"
exit "$status"
