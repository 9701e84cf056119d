#!/usr/bin/env bash
# make bench: the budget pivot benchmark on the database ilo_bench (created once, with
# both addons and their demo data; the 200,000 budget lines are added once and kept).
source "$(dirname "$0")/common.sh"
provision
DB=ilo_bench
ensure_db "$DB"
args=()
mapfile -t args < <(odoo_args)
cd "$ROOT"
"$PY" tests/bench/budget_pivot.py "${ILO_BENCH_LINES:-200000}" "${args[@]}"
"$PY" tests/bench/portfolio.py "${args[@]}"
PORT="$(free_port)"
odoo_bin -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" --max-cron-threads=0 \
  --log-level=warn >"$LOG_DIR/bench-server.log" 2>&1 &
SERVER=$!
trap 'kill_tree $SERVER' EXIT
wait_http "http://127.0.0.1:$PORT/web/health" "$SERVER" "$LOG_DIR/bench-server.log"
ILO_URL="http://127.0.0.1:$PORT" ILO_DB="$DB" ILO_LOGIN=admin ILO_PASSWORD=admin \
  "$PY" tests/bench/xmlrpc_bulk.py "${ILO_BENCH_BULK:-10000}"
