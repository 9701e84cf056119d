#!/usr/bin/env bash
# Production mode on this machine (docs/operations.md, "Production mode and scale"):
#   scripts/prod.sh start    Odoo in prefork mode (HTTP workers + gevent websocket process
#                            + cron workers), limits computed from the machine, proxy_mode,
#                            behind its own nginx on 127.0.0.1:8080; PostgreSQL settings for
#                            the database; with ILO_REPLICA=1 also the streaming replica and
#                            Odoo's db_replica_host/db_replica_port
#   scripts/prod.sh stop     stop nginx, Odoo (and the replica when start started it)
#   scripts/prod.sh status   what runs, where, with which settings
# `start` on a running instance restarts it with the settings of this call.
#   ILO_PROD_DB (ilo_prod)  ILO_PROD_PORT (8080, nginx)  ILO_PROD_HTTP_PORT (18069)
#   ILO_PROD_GEVENT_PORT (18072)  ILO_WORKERS (2*CPUs+1)  ILO_CRON_THREADS  ILO_REPLICA (0)
source "$(dirname "$0")/common.sh"

DB="${ILO_PROD_DB:-ilo_prod}"
PROXY_PORT="${ILO_PROD_PORT:-8080}"
HTTP_PORT="${ILO_PROD_HTTP_PORT:-18069}"
GEVENT_PORT="${ILO_PROD_GEVENT_PORT:-18072}"
REPLICA="${ILO_REPLICA:-0}"
PROD_DIR="$ILO_STATE_DIR/prod"
mkdir -p "$PROD_DIR"
CONF="$PROD_DIR/odoo-prod.conf"
PIDFILE="$PROD_DIR/odoo.pid"
ODOO_LOG="$LOG_DIR/prod-odoo.log"
# nginx workers drop root: their files must not be under root's home
if is_root; then
  NGINX_DIR="${ILO_NGINX_DIR:-/var/lib/ilo-issa/nginx}"
  NGINX_USER="www-data"
else
  NGINX_DIR="${ILO_NGINX_DIR:-$PROD_DIR/nginx}"
  NGINX_USER="$(id -un)"
fi
NGINX_CONF="$NGINX_DIR/nginx.conf"
REPLICA_FLAG="$PROD_DIR/replica-started"

# Daemons must not keep the caller's descriptors (a pipe into `make prod | tail` would
# never close): close everything above stderr in the subshell that starts them.
close_fds() {
  local path fd
  for path in /proc/"$BASHPID"/fd/*; do
    fd="${path##*/}"
    [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null
  done
  return 0
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# --- the settings, from the machine's size ---------------------------------------------
compute_settings() {
  CPUS="$(nproc)"
  RAM_MB="$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)"
  # Odoo's rule: 2 HTTP workers per CPU + 1
  WORKERS="${ILO_WORKERS:-$((2 * CPUS + 1))}"
  # cron workers are processes too: one on a 2-core machine, two above
  if [ "$CPUS" -le 2 ]; then CRON="${ILO_CRON_THREADS:-1}"; else CRON="${ILO_CRON_THREADS:-2}"; fi
  # Half the RAM for Odoo's processes (the rest: PostgreSQL's cache, nginx, the OS),
  # shared by the HTTP workers, the cron workers and the gevent process.
  local per=$((RAM_MB / 2 / (WORKERS + CRON + 1)))
  SOFT_MB=$per
  [ "$SOFT_MB" -gt 2048 ] && SOFT_MB=2048   # Odoo's default is the ceiling
  [ "$SOFT_MB" -lt 512 ] && SOFT_MB=512     # below this a worker recycles constantly
  HARD_MB=$((SOFT_MB * 5 / 4))
  [ "$HARD_MB" -gt 2560 ] && HARD_MB=2560
  [ "$HARD_MB" -lt 768 ] && HARD_MB=768     # an address-space limit: Python + libs
  LIMIT_TIME_CPU=60
  LIMIT_TIME_REAL=120
  # PostgreSQL, for this database only (ALTER DATABASE: applies to new connections, no
  # restart, nothing changes for the other databases of the shared cluster)
  WORK_MEM_MB=32
  EFFECTIVE_CACHE_MB=$((RAM_MB / 2))
}

pg_psql() {
  local bin
  bin="$(pg_bin_dir)"
  "$bin/psql" -h "$PG_SOCKET_DIR" -p "$ILO_PG_PORT" -U postgres -d "${2:-postgres}" -Atqc "$1"
}

tune_pg() {
  if external_pg; then
    say "External PostgreSQL: its settings are left as they are (see docs/operations.md)"
    return 0
  fi
  pg_psql "ALTER DATABASE $DB SET work_mem = '${WORK_MEM_MB}MB'" >/dev/null
  pg_psql "ALTER DATABASE $DB SET effective_cache_size = '${EFFECTIVE_CACHE_MB}MB'" >/dev/null
  pg_psql "ALTER DATABASE $DB SET random_page_cost = 1.1" >/dev/null
  pg_psql "ALTER DATABASE $DB SET jit = off" >/dev/null
  # read-your-writes on the replica: commits of this database wait until the replica has
  # applied them (scripts/replica.sh, ILO_REPLICA_SYNC)
  if [ "$REPLICA" = 1 ] && [ "$("$ROOT/scripts/replica.sh" sync)" = remote_apply ]; then
    pg_psql "ALTER DATABASE $DB SET synchronous_commit = remote_apply" >/dev/null
  else
    pg_psql "ALTER DATABASE $DB RESET synchronous_commit" >/dev/null
  fi
  # shared_buffers needs a restart of the cluster: only check that the data fits in it
  local buffers_mb data_mb
  buffers_mb="$(pg_psql "SELECT setting::bigint * 8 / 1024 FROM pg_settings WHERE name = 'shared_buffers'")"
  data_mb="$(pg_psql "SELECT pg_database_size('$DB') / 1048576")"
  if [ "$data_mb" -gt "$buffers_mb" ]; then
    say "WARNING: $DB is ${data_mb} MB, more than shared_buffers (${buffers_mb} MB): restart the cluster with a larger shared_buffers (docs/operations.md)"
  else
    say "PostgreSQL: $DB is ${data_mb} MB, shared_buffers ${buffers_mb} MB: it stays in memory (no restart needed)"
  fi
  # The URLs Odoo builds (links, wkhtmltopdf's assets): the proxy's address, frozen so
  # that a login through another address does not rewrite it; wkhtmltopdf fetches the
  # report's CSS from Odoo directly (report.url), not through the proxy. With a single
  # HTTP worker, that worker is the one waiting for wkhtmltopdf: the CSS must come from
  # another process, the gevent one (it serves every route), or the print hangs until
  # limit_time_real kills the worker (measured: HTTP 502 after 120 s).
  local report_port=$HTTP_PORT
  [ "$WORKERS" -lt 2 ] && report_port=$GEVENT_PORT
  pg_psql "INSERT INTO ir_config_parameter (key, value) VALUES
      ('web.base.url', 'http://127.0.0.1:$PROXY_PORT'),
      ('web.base.url.freeze', 'True'),
      ('report.url', 'http://127.0.0.1:$report_port')
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value" "$DB" >/dev/null
}

ensure_nginx() {
  command -v nginx >/dev/null && return 0
  if is_root && command -v apt-get >/dev/null; then
    say "Installing nginx (Debian)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx \
      >"$LOG_DIR/apt-nginx.log" 2>&1 || {
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        --no-install-recommends nginx >"$LOG_DIR/apt-nginx.log" 2>&1
    } || die "apt-get install nginx failed: see $LOG_DIR/apt-nginx.log"
  else
    die "nginx is missing (e.g. 'sudo apt-get install nginx')"
  fi
}

# Odoo's gevent process (odoo-bin gevent) runs gevent.monkey.patch_all(), which loads
# gevent's plugins through pkg_resources and requires gevent's dependencies by name. The
# venv's old pkg_resources (setuptools 65, the venv's own) cannot find the latest
# zope.interface / zope.event, whose wheels name their metadata zope_interface-*.dist-info:
# "DistributionNotFound: The 'zope.interface' distribution was not found" and no websocket
# process. The last releases with the dotted names work; nothing else in the venv uses them.
ensure_gevent_runtime() {
  "$PY" -c "import pkg_resources; pkg_resources.require('gevent')" >/dev/null 2>&1 && return 0
  say "Odoo's gevent process cannot load gevent's plugins: installing zope.interface 7.2 and zope.event 5.0 into the venv"
  "$PY" -m pip install --quiet "zope.interface==7.2" "zope.event==5.0" >"$LOG_DIR/pip-gevent.log" 2>&1 \
    || die "pip install failed: see $LOG_DIR/pip-gevent.log"
  "$PY" -c "import pkg_resources; pkg_resources.require('gevent')" \
    || die "gevent's dependencies are still not found by pkg_resources"
}

write_odoo_conf() {
  local replica_lines=""
  if [ "$REPLICA" = 1 ]; then
    replica_lines="db_replica_host = $("$ROOT/scripts/replica.sh" socket)
db_replica_port = $("$ROOT/scripts/replica.sh" port)"
  fi
  mkdir -p "$PROD_DIR"
  local passwd_file="$PROD_DIR/admin_passwd"
  if [ ! -s "$passwd_file" ]; then
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$passwd_file")
  fi
  (
    umask 077
    cat >"$CONF" <<CONF
; Generated by scripts/prod.sh on $(date -u +%FT%TZ) for this machine ($CPUS CPUs,
; $RAM_MB MB RAM). Do not edit: change scripts/prod.sh or its variables. The addons path,
; data dir and database connection are given on the command line (scripts/common.sh).
[options]
db_name = $DB
dbfilter = ^$DB\$
list_db = False
admin_passwd = $(cat "$passwd_file")
http_interface = 127.0.0.1
http_port = $HTTP_PORT
gevent_port = $GEVENT_PORT
proxy_mode = True
workers = $WORKERS
max_cron_threads = $CRON
limit_memory_soft = $((SOFT_MB * 1024 * 1024))
limit_memory_hard = $((HARD_MB * 1024 * 1024))
limit_time_cpu = $LIMIT_TIME_CPU
limit_time_real = $LIMIT_TIME_REAL
limit_request = 65536
db_maxconn = 8
db_maxconn_gevent = 16
$replica_lines
without_demo = False
log_level = info
logfile = $ODOO_LOG
pidfile = $PIDFILE
CONF
  )
}

render_nginx() {
  mkdir -p "$NGINX_DIR/tmp"
  sed -e "s|@NGINX_USER@|$NGINX_USER|g" -e "s|@RUN_DIR@|$NGINX_DIR|g" \
    -e "s|@LISTEN@|127.0.0.1:$PROXY_PORT|g" -e "s|@ODOO_HOST@|127.0.0.1|g" \
    -e "s|@ODOO_HTTP_PORT@|$HTTP_PORT|g" -e "s|@ODOO_GEVENT_PORT@|$GEVENT_PORT|g" \
    "$ROOT/deploy/nginx-odoo.conf.template" >"$NGINX_CONF"
  nginx -t -q -c "$NGINX_CONF" 2>"$LOG_DIR/prod-nginx-test.log" \
    || die "nginx rejects $NGINX_CONF: see $LOG_DIR/prod-nginx-test.log"
}

stop_odoo() {
  pid_alive "$PIDFILE" || { rm -f "$PIDFILE"; return 0; }
  local pid
  pid="$(cat "$PIDFILE")"
  say "Stopping Odoo (pid $pid: workers finish their request)"
  kill -TERM "$pid"
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PIDFILE"
}

stop_nginx() {
  pid_alive "$NGINX_DIR/nginx.pid" || return 0
  local pid
  pid="$(cat "$NGINX_DIR/nginx.pid")"
  say "Stopping nginx (pid $pid)"
  kill -QUIT "$pid"
  for _ in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -TERM "$pid" 2>/dev/null || true
}

start() {
  provision
  ensure_gevent_runtime
  ensure_nginx
  ensure_db "$DB" # as make run: both addons with demo data, upgraded when changed
  compute_settings
  stop_nginx
  stop_odoo
  if [ "$REPLICA" = 1 ]; then
    "$ROOT/scripts/replica.sh" start
    touch "$REPLICA_FLAG"
  fi
  tune_pg
  write_odoo_conf
  local args
  mapfile -t args < <(odoo_args)
  args[1]="$CONF" # odoo_args starts with: -c <development odoo.conf>
  say "Starting Odoo: $WORKERS HTTP workers, $CRON cron worker(s), gevent port $GEVENT_PORT"
  (
    close_fds
    cd "$ROOT" || exit 1
    exec setsid "$PY" "$ODOO_SRC/odoo-bin" "${args[@]}" </dev/null >>"$LOG_DIR/prod-odoo.stdout.log" 2>&1
  ) &
  for _ in $(seq 1 30); do [ -s "$PIDFILE" ] && break; sleep 0.5; done
  wait_http "http://127.0.0.1:$HTTP_PORT/web/health" "$PIDFILE" "$ODOO_LOG"
  wait_http "http://127.0.0.1:$GEVENT_PORT/web/health" "$PIDFILE" "$ODOO_LOG"
  render_nginx
  say "Starting nginx on 127.0.0.1:$PROXY_PORT"
  # nginx keeps the descriptors it was started with: none of the caller's
  (close_fds && nginx -c "$NGINX_CONF" </dev/null >/dev/null 2>>"$LOG_DIR/prod-nginx.log")
  wait_http "http://127.0.0.1:$PROXY_PORT/web/health" "$NGINX_DIR/nginx.pid" \
    "$LOG_DIR/prod-nginx.log"
  cat >&2 <<MSG

  Production mode: http://127.0.0.1:$PROXY_PORT/odoo   (database $DB, admin / admin)
  Odoo: $WORKERS workers + $CRON cron + gevent, soft/hard memory ${SOFT_MB}/${HARD_MB} MB,
  cpu/real ${LIMIT_TIME_CPU}/${LIMIT_TIME_REAL} s$([ "$REPLICA" = 1 ] && echo ", read replica on port $("$ROOT/scripts/replica.sh" port)")
  Logs: $ODOO_LOG, $NGINX_DIR/access.log    Stop: make prod-stop

MSG
}

stop() {
  stop_nginx
  stop_odoo
  if [ -f "$REPLICA_FLAG" ]; then
    "$ROOT/scripts/replica.sh" stop
    rm -f "$REPLICA_FLAG"
  fi
}

status() {
  local rc=0
  if pid_alive "$PIDFILE"; then
    echo "odoo: running, pid $(cat "$PIDFILE"), http 127.0.0.1:$HTTP_PORT, gevent $GEVENT_PORT ($(pgrep -c -P "$(cat "$PIDFILE")" || true) child processes)"
    grep -E '^(workers|max_cron_threads|limit_|db_replica|proxy_mode)' "$CONF" | sed 's/^/  /'
  else
    echo "odoo: stopped"
    rc=3
  fi
  if pid_alive "$NGINX_DIR/nginx.pid"; then
    echo "nginx: running, pid $(cat "$NGINX_DIR/nginx.pid"), http://127.0.0.1:$PROXY_PORT"
  else
    echo "nginx: stopped"
    rc=3
  fi
  "$ROOT/scripts/replica.sh" status || true
  return $rc
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: $0 start|stop|status" 2 ;;
esac
