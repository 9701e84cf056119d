#!/usr/bin/env bash
# make bench: the budget pivot benchmark on the database ilo_bench (created once, with
# both addons and their demo data; the 200,000 budget lines are added once and kept).
source "$(dirname "$0")/common.sh"
provision
DB=ilo_bench
if ! dbtool exists "$DB"; then
  say "Creating $DB"
  odoo_bin -d "$DB" -i "$MODULES" --stop-after-init --log-level=warn
fi
args=()
mapfile -t args < <(odoo_args)
cd "$ROOT"
"$PY" tests/bench/budget_pivot.py "${ILO_BENCH_LINES:-200000}" "${args[@]}"
"$PY" tests/bench/portfolio.py "${args[@]}"
