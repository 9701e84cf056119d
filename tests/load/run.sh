#!/usr/bin/env bash
# make load: the users' journeys (tests/load/locustfile.py) against production mode on
# this machine, three times: 1 HTTP worker, N workers (2*CPUs+1), N workers + the read
# replica. Headless locust, loopback only (nginx on 127.0.0.1), bounded in users and
# time; prints a table of throughput and p50/p95 per journey, and for the replica run
# which requests went to which database. Exit 1 when any request or journey failed.
#   ILO_LOAD_USERS (24)  ILO_LOAD_TIME (60, seconds measured per run)
#   ILO_LOAD_SCENARIOS ("1w nw replica"; also "replica-async": the replica without
#   remote_apply, to see the stale reads it gives)   ILO_LOAD_KEEP=1: leave it running
# Locust lives in its own venv (ILO_STATE_DIR/venv-load, requirements-load.txt): its
# gevent/greenlet pins are not Odoo's.
source "$(dirname "$0")/../../scripts/common.sh"

USERS="${ILO_LOAD_USERS:-24}"
SECONDS_MEASURED="${ILO_LOAD_TIME:-60}"
SCENARIOS="${ILO_LOAD_SCENARIOS:-1w nw replica}"
PROXY_PORT="${ILO_PROD_PORT:-8080}"
HOST="http://127.0.0.1:$PROXY_PORT"
DB="${ILO_PROD_DB:-ilo_prod}"
LOAD_VENV="$ILO_STATE_DIR/venv-load"
OUT="$ILO_STATE_DIR/load/$(date +%Y%m%d-%H%M%S)"
ODOO_LOG="$LOG_DIR/prod-odoo.log"
export ILO_LOAD_DB="$DB" ILO_LOAD_PASSWORD="${ILO_LOAD_PASSWORD:-ilo-load-test}"

ensure_load_venv() {
  local stamp
  stamp="$( (python3 --version; cat "$ROOT/requirements-load.txt") | sha256sum | cut -c1-16)"
  if [ -x "$LOAD_VENV/bin/locust" ] && [ "$(cat "$LOAD_VENV/.ilo-stamp" 2>/dev/null)" = "$stamp" ]; then
    return 0
  fi
  say "Creating the load-test venv $LOAD_VENV (locust, pinned)"
  [ -x "$LOAD_VENV/bin/python" ] || python3 -m venv "$LOAD_VENV"
  "$LOAD_VENV/bin/python" -m pip install --quiet -r "$ROOT/requirements-load.txt" \
    >"$LOG_DIR/pip-load.log" 2>&1 || die "pip install locust failed: see $LOG_DIR/pip-load.log"
  echo "$stamp" >"$LOAD_VENV/.ilo-stamp"
}

psql_at() { # socket port sql
  "$(pg_bin_dir)/psql" -h "$1" -p "$2" -U postgres -d postgres -Atqc "$3"
}
# transactions and rows read for the database, on the primary and (when up) the replica
pg_counters() {
  local sql="SELECT xact_commit + xact_rollback, tup_returned + tup_fetched FROM pg_stat_database WHERE datname = '$DB'"
  echo "primary $(psql_at "$PG_SOCKET_DIR" "$ILO_PG_PORT" "$sql" | tr '|' ' ')"
  local rsock rport
  rsock="$("$ROOT/scripts/replica.sh" socket)"
  rport="$("$ROOT/scripts/replica.sh" port)"
  if [ -S "$rsock/.s.PGSQL.$rport" ]; then
    echo "replica $(psql_at "$rsock" "$rport" "$sql" | tr '|' ' ')"
  fi
}

# Users start at SPAWN_RATE a second: each logs in (password hashing) and loads the web
# client page. A faster burst overflows the listen backlog of a single worker (Odoo
# listens with a backlog of 8 x workers): measured, 2 of 24 logins failed with HTTP 502
# at 8 users/s. The figures are reset once all users are started (--reset-stats).
SPAWN_RATE="${ILO_LOAD_SPAWN_RATE:-2}"
RAMP=$(((USERS + SPAWN_RATE - 1) / SPAWN_RATE))

run_locust() { # dir seconds [extra args]
  local dir="$1" secs="$2"
  shift 2
  mkdir -p "$dir"
  # hard bound on top of locust's own --run-time
  (cd "$ROOT/tests/load" && timeout $((secs + 120)) "$LOAD_VENV/bin/locust" \
    -f locustfile.py --headless --host "$HOST" --users "$USERS" --spawn-rate "$SPAWN_RATE" \
    --run-time "${secs}s" --stop-timeout 30 --csv "$dir/locust" --only-summary "$@" \
    >"$dir/locust.log" 2>&1) || true
}

scenario() { # name workers replica [replica sync mode]
  local name="$1" workers="$2" replica="$3" sync="${4:-remote_apply}" dir="$OUT/$1"
  say "Scenario $name: workers=${workers:-auto}, replica=$replica${4:+ ($sync)}"
  ILO_WORKERS="$workers" ILO_REPLICA="$replica" ILO_REPLICA_SYNC="$sync" \
    "$ROOT/scripts/prod.sh" start
  mkdir -p "$dir"
  grep -E '^(workers|max_cron_threads|limit_memory|db_replica)' "$ILO_STATE_DIR/prod/odoo-prod.conf" >"$dir/settings"
  "$PY" "$ROOT/tests/load/setup_users.py" 127.0.0.1 "$PROXY_PORT" "$DB" >/dev/null
  say "  warm-up ($((RAMP + 10)) s: logins, each worker loads the registry)"
  run_locust "$dir/warmup" $((RAMP + 10))
  local offset
  offset="$(wc -c <"$ODOO_LOG")"
  pg_counters >"$dir/pg-before"
  say "  measuring: $USERS users, ${SECONDS_MEASURED} s after the ramp-up"
  # statistics are reset once every user is spawned: the logins stay out of the figures
  run_locust "$dir" $((SECONDS_MEASURED + RAMP)) --reset-stats
  pg_counters >"$dir/pg-after"
  if [ "$name" = replica ]; then
    # a report through the read-only route /report/pdf (scripts/ilo report), for the table
    ILO_URL="$HOST" ILO_DB="$DB" ILO_LOGIN=admin ILO_PASSWORD=admin \
      "$ROOT/scripts/ilo" report partnership --from 2026-01-01 --to 2026-12-31 \
      -o "$dir/partnership.pdf" >/dev/null 2>&1 || echo "scripts/ilo report failed" >&2
  fi
  tail -c +"$((offset + 1))" "$ODOO_LOG" | grep ' werkzeug: ' >"$dir/odoo-requests.log" || true
}

provision
ensure_load_venv
mkdir -p "$OUT"
ln -sfn "$OUT" "$ILO_STATE_DIR/load/latest"
{
  echo "date: $(date -u +%FT%TZ)"
  echo "machine: $(nproc) CPUs, $(awk '/^MemTotal:/ {print int($2 / 1048576)}' /proc/meminfo) GB RAM"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "other Odoo processes on the machine: $(pgrep -fc 'odoo-bin -c /work' || true)"
  echo "users: $USERS (started at $SPAWN_RATE/s), measured: ${SECONDS_MEASURED} s per scenario, locust $("$LOAD_VENV/bin/locust" --version 2>/dev/null | awk '{print $2}')"
} >"$OUT/conditions"

trap '[ "${ILO_LOAD_KEEP:-0}" = 1 ] || "$ROOT/scripts/prod.sh" stop' EXIT
for s in $SCENARIOS; do
  case "$s" in
    1w) scenario 1w 1 0 ;;
    nw) scenario nw "" 0 ;;
    replica) scenario replica "" 1 ;;
    replica-async) scenario replica-async "" 1 async ;;
    *) die "unknown scenario $s (1w, nw, replica, replica-async)" 2 ;;
  esac
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/conditions"

python3 "$ROOT/tests/load/summarize.py" "$OUT" | tee "$OUT/summary.md"
