# shellcheck shell=bash
# Shared settings and functions for the provisioning scripts. Sourced, never run.
#
# Everything the runtime needs lives outside the source tree, so that a fresh clone
# (CI) reuses what an earlier clone provisioned:
#   ODOO_SRC        the Odoo 18.0 source tree    (default ~/.local/share/odoo-18.0)
#   ILO_STATE_DIR   venv, logs, filestore, stamps (default ~/.local/state/ilo-issa)
#   ILO_PG_DIR      the embedded PostgreSQL cluster (default $ILO_STATE_DIR/pg, or
#                   /var/lib/ilo-issa/pg when running as root)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEFAULT_ODOO_SRC="$HOME/.local/share/odoo-18.0"
ODOO_SRC="${ODOO_SRC:-$DEFAULT_ODOO_SRC}"
ODOO_GIT_URL="${ODOO_GIT_URL:-https://github.com/odoo/odoo.git}"
ILO_STATE_DIR="${ILO_STATE_DIR:-$HOME/.local/state/ilo-issa}"
VENV="${ILO_VENV:-$ILO_STATE_DIR/venv}"
PY="$VENV/bin/python"
LOG_DIR="$ILO_STATE_DIR/logs"
ODOO_CONF="$ROOT/odoo.conf"
# The project's addons: the one list (dbtool.py and the ilo CLI read ILO_MODULES).
MODULES="ilo_issa_partnership,c102_campaign,ilo_issa_account"
export ILO_MODULES="$MODULES"

if [ "$(id -u)" = 0 ]; then
  ILO_PG_DIR="${ILO_PG_DIR:-/var/lib/ilo-issa/pg}"
  PG_OS_USER="${ILO_PG_OS_USER:-ilo_pg}"
else
  ILO_PG_DIR="${ILO_PG_DIR:-$ILO_STATE_DIR/pg}"
  PG_OS_USER="$(id -un)"
fi
ILO_PG_PORT="${ILO_PG_PORT:-54329}"
PG_SOCKET_DIR="$ILO_PG_DIR/run"
PG_DB_USER="odoo"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() {
  printf '\033[1;31mERROR: %s\033[0m\n' "$*" >&2
  exit "${2:-1}"
}

is_root() { [ "$(id -u)" = 0 ]; }

# --- system packages ----------------------------------------------------------------
# Installs what is missing when we may (root + apt); otherwise names what is missing.
ensure_system_packages() {
  local missing=()
  pg_bin_dir >/dev/null 2>&1 || missing+=(postgresql)
  command -v pg_config >/dev/null || missing+=(libpq-dev)
  command -v wkhtmltopdf >/dev/null || missing+=(wkhtmltopdf)
  command -v chromium >/dev/null || command -v google-chrome >/dev/null \
    || command -v chromium-browser >/dev/null || missing+=(chromium)
  [ ${#missing[@]} -eq 0 ] && return 0
  if is_root && command -v apt-get >/dev/null; then
    say "Installing system packages: ${missing[*]}"
    if [ ! -f "$ILO_STATE_DIR/.apt-updated" ]; then
      apt-get update -qq
      mkdir -p "$ILO_STATE_DIR" && touch "$ILO_STATE_DIR/.apt-updated"
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" fonts-dejavu-core >"$LOG_DIR/apt.log" 2>&1 \
      || die "apt-get install ${missing[*]} failed: see $LOG_DIR/apt.log"
  else
    die "missing system packages: ${missing[*]} (install them, e.g. 'sudo apt-get install ${missing[*]}')"
  fi
}

# --- Odoo source ----------------------------------------------------------------------
odoo_tree_ok() {
  [ -f "$1/odoo/release.py" ] && [ -f "$1/odoo-bin" ] \
    && grep -q "^version_info = (18, 0," "$1/odoo/release.py"
}

# Odoo's own addons: `addons/` in a git checkout, `odoo/addons/` in an sdist tree.
odoo_addons_dirs() {
  if [ -d "$ODOO_SRC/addons/web" ]; then
    echo "$ODOO_SRC/addons,$ODOO_SRC/odoo/addons"
  else
    echo "$ODOO_SRC/odoo/addons"
  fi
}

ensure_odoo_src() {
  if odoo_tree_ok "$ODOO_SRC"; then
    return 0
  fi
  if [ -e "$ODOO_SRC" ] && [ -n "$(ls -A "$ODOO_SRC" 2>/dev/null)" ]; then
    die "ODOO_SRC=$ODOO_SRC exists but is not an Odoo 18.0 source tree (no odoo/release.py with version 18.0)." 3
  fi
  say "No Odoo 18.0 tree at $ODOO_SRC: trying a shallow clone of $ODOO_GIT_URL (branch 18.0)"
  mkdir -p "$(dirname "$ODOO_SRC")"
  if command -v git >/dev/null \
    && timeout 1200 git clone --quiet --depth 1 --branch 18.0 "$ODOO_GIT_URL" "$ODOO_SRC.tmp" 2>"$LOG_DIR/git-clone.log"; then
    mv "$ODOO_SRC.tmp" "$ODOO_SRC"
    odoo_tree_ok "$ODOO_SRC" && return 0
  fi
  rm -rf "$ODOO_SRC.tmp"
  die "No Odoo 18.0 source tree found, and it could not be cloned.
  Put an Odoo 18.0 source tree (a git checkout of branch 18.0, or an unpacked 18.0 sdist) at
      $DEFAULT_ODOO_SRC
  or point the ODOO_SRC environment variable at one, e.g.
      ODOO_SRC=/path/to/odoo-18.0 make test
  (clone attempt log: $LOG_DIR/git-clone.log)" 3
}

# --- virtual environment ------------------------------------------------------------
venv_stamp() {
  {
    python3 --version
    echo "$ODOO_SRC"
    cat "$ODOO_SRC/requirements.txt" "$ROOT/requirements.txt" "$ROOT/requirements-nodeps.txt"
  } | sha256sum | cut -c1-16
}

ensure_venv() {
  local stamp
  stamp="$(venv_stamp)"
  if [ -x "$PY" ] && [ "$(cat "$VENV/.ilo-stamp" 2>/dev/null)" = "$stamp" ]; then
    return 0
  fi
  say "Creating the virtual environment in $VENV (Odoo's requirements and the project's)"
  [ -x "$PY" ] || python3 -m venv "$VENV"
  local tmp
  tmp="$(mktemp -d)"
  # Old pinned sdists (cbor2) do not build with setuptools >= 81; the constraint also
  # applies inside pip's isolated build environments.
  echo "setuptools<81" >"$tmp/constraints.txt"
  # python-ldap is only for the auth_ldap addon and needs libldap headers: left out.
  grep -v -i '^python-ldap' "$ODOO_SRC/requirements.txt" >"$tmp/odoo-requirements.txt"
  PIP_CONSTRAINT="$tmp/constraints.txt" "$PY" -m pip install --quiet \
    -r "$tmp/odoo-requirements.txt" -r "$ROOT/requirements.txt" >"$LOG_DIR/pip.log" 2>&1 \
    || die "pip install failed: see $LOG_DIR/pip.log"
  PIP_CONSTRAINT="$tmp/constraints.txt" "$PY" -m pip install --quiet --no-deps \
    -r "$ROOT/requirements-nodeps.txt" >>"$LOG_DIR/pip.log" 2>&1 \
    || die "pip install (data packages) failed: see $LOG_DIR/pip.log"
  # Odoo is importable from the venv through a .pth file pointing at the source tree
  # (works for a git checkout and an sdist alike, whatever its setup.py says).
  local site
  site="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  echo "$ODOO_SRC" >"$site/odoo-src.pth"
  "$PY" -c "import odoo.release as r; assert r.version_info[:2] == (18, 0), r.version" \
    || die "odoo is not importable from $VENV"
  rm -rf "$tmp"
  echo "$stamp" >"$VENV/.ilo-stamp"
}

# --- PostgreSQL -----------------------------------------------------------------------
# An external server is configured when odoo.conf sets db_host or PG* variables are set;
# it is then used as it is. Otherwise we run our own cluster.
external_pg() {
  [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ] && return 0
  grep -Eq '^\s*db_host\s*=\s*[^[:space:]]' "$ODOO_CONF" \
    && ! grep -Eq '^\s*db_host\s*=\s*(False|false)?\s*$' "$ODOO_CONF"
}

pg_bin_dir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$d" ] && [ -x "$d/initdb" ] || return 1
  echo "$d"
}

as_pg() {
  if is_root; then
    runuser -u "$PG_OS_USER" -- "$@"
  else
    "$@"
  fi
}

ensure_pg() {
  external_pg && return 0
  local bin
  bin="$(pg_bin_dir)" || die "PostgreSQL server binaries not found (Debian package postgresql)"
  if is_root && ! id "$PG_OS_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir "$ILO_PG_DIR" --shell /usr/sbin/nologin "$PG_OS_USER"
  fi
  if [ ! -f "$ILO_PG_DIR/data/PG_VERSION" ]; then
    say "Initialising a private PostgreSQL cluster in $ILO_PG_DIR"
    mkdir -p "$ILO_PG_DIR/data" "$PG_SOCKET_DIR"
    is_root && chown -R "$PG_OS_USER" "$ILO_PG_DIR"
    chmod 700 "$ILO_PG_DIR/data"
    as_pg "$bin/initdb" -D "$ILO_PG_DIR/data" -U postgres --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 >"$LOG_DIR/initdb.log" 2>&1 \
      || die "initdb failed: see $LOG_DIR/initdb.log"
  fi
  if ! as_pg "$bin/pg_ctl" -D "$ILO_PG_DIR/data" status >/dev/null 2>&1; then
    say "Starting PostgreSQL (socket $PG_SOCKET_DIR, port $ILO_PG_PORT)"
    mkdir -p "$PG_SOCKET_DIR"
    is_root && chown "$PG_OS_USER" "$PG_SOCKET_DIR"
    as_pg "$bin/pg_ctl" -D "$ILO_PG_DIR/data" -l "$ILO_PG_DIR/postgresql.log" -w -t 60 \
      -o "-k $PG_SOCKET_DIR -p $ILO_PG_PORT -c listen_addresses='' -c shared_buffers=256MB" start >/dev/null \
      || die "PostgreSQL did not start: see $ILO_PG_DIR/postgresql.log"
  fi
  if ! "$bin/psql" -h "$PG_SOCKET_DIR" -p "$ILO_PG_PORT" -U postgres -d postgres -Atqc \
    "SELECT 1 FROM pg_roles WHERE rolname = '$PG_DB_USER'" | grep -q 1; then
    "$bin/psql" -h "$PG_SOCKET_DIR" -p "$ILO_PG_PORT" -U postgres -d postgres -qc \
      "CREATE ROLE $PG_DB_USER LOGIN CREATEDB SUPERUSER" >/dev/null
  fi
}

stop_pg() {
  external_pg && return 0
  local bin
  bin="$(pg_bin_dir)" || return 0
  if [ -f "$ILO_PG_DIR/data/PG_VERSION" ]; then
    as_pg "$bin/pg_ctl" -D "$ILO_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  fi
}

# --- Odoo command line ----------------------------------------------------------------
# The arguments every Odoo invocation of the project shares.
odoo_args() {
  # ILO_ADDONS_DIR: another copy of the addons (the upgrade test installs the
  # previous release from git with it)
  local args=(-c "$ODOO_CONF" --addons-path="$(odoo_addons_dirs),${ILO_ADDONS_DIR:-$ROOT/addons}"
    --data-dir="$ILO_STATE_DIR/data")
  if ! external_pg; then
    args+=(--db_host="$PG_SOCKET_DIR" --db_port="$ILO_PG_PORT" --db_user="$PG_DB_USER")
  fi
  printf '%s\n' "${args[@]}"
}

# The directory of one of Odoo's own addons (either layout).
odoo_addon_dir() {
  local dir
  for dir in ${ODOO_SRC}/addons ${ODOO_SRC}/odoo/addons; do
    [ -d "$dir/$1" ] && echo "$dir/$1" && return 0
  done
  return 1
}

# pytest with pytest-odoo on database $1: the project's Odoo arguments become
# pytest-odoo's options (-c FILE -> --odoo-config, --x=y -> --odoo-extra x=y).
pytest_odoo() {
  local db="$1" arg args=() opts=()
  shift
  mapfile -t args < <(odoo_args)
  while [ ${#args[@]} -gt 0 ]; do
    arg="${args[0]}"
    args=("${args[@]:1}")
    if [ "$arg" = -c ]; then
      opts+=("--odoo-config=${args[0]}")
      args=("${args[@]:1}")
    else
      opts+=("--odoo-extra=${arg#--}")
    fi
  done
  (cd "$ROOT" && "$PY" -m pytest --odoo-database="$db" "${opts[@]}" \
    --odoo-extra=max-cron-threads=0 "$@")
}

odoo_bin() {
  local args
  mapfile -t args < <(odoo_args)
  # exec: the caller's $! (a background server) is Odoo itself, so that kill stops it
  (cd "$ROOT" && exec "$PY" "$ODOO_SRC/odoo-bin" "${args[@]}" "$@")
}

provision() {
  mkdir -p "$ILO_STATE_DIR" "$LOG_DIR"
  ensure_system_packages
  ensure_odoo_src
  ensure_venv
  ensure_pg
}

# A database helper in Python (exists? modules installed?), using Odoo's own config.
dbtool() {
  local args
  mapfile -t args < <(odoo_args)
  (cd "$ROOT" && "$PY" "$ROOT/scripts/dbtool.py" "$@" -- "${args[@]}")
}

# odoo-bin db (drop, dump, load, duplicate, rename) with the project's configuration,
# filestore included: `odoo_db drop DB`.
odoo_db() {
  local args
  mapfile -t args < <(odoo_args)
  (cd "$ROOT" && "$PY" "$ODOO_SRC/odoo-bin" db "${args[@]}" "$@")
}

# A configuration file with the project's Odoo options (odoo.conf plus odoo_args), for
# tools that take only a file (click-odoo); one per clone. Prints its path.
odoo_rc() {
  local rc args
  rc="$ILO_STATE_DIR/odoo-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12).conf"
  mapfile -t args < <(odoo_args)
  (cd "$ROOT" && "$PY" - "$rc" "${args[@]}" <<'PYEOF'
import sys
from odoo.tools import config
config.parse_config(sys.argv[2:], setup_logging=False)
config.rcfile = sys.argv[1]
config.save()
PYEOF
  ) || die "could not write $rc"
  echo "$rc"
}

# The database $1 with both addons and their demo data: created the first time, the
# addons installed when missing, and upgraded when their source changed since the last
# time (click-odoo-update: a checksum per addon stored in the database, tests/ and
# static/ left out; Odoo's own addons are not looked at).
ensure_db() {
  local db="$1" log="$LOG_DIR/update-$1.log" update=()
  if ! dbtool exists "$db"; then
    say "Creating database $db with both addons and their demo data (first time: a few minutes)"
    odoo_bin -d "$db" -i "$MODULES" --stop-after-init --log-level=warn --no-http \
      || die "installing the addons into $db failed"
    update=(--only-compute-hashes)
  elif dbtool modules "$db" | grep -qv ' installed$'; then
    say "Installing the addons into the existing database $db"
    odoo_bin -d "$db" -i "$MODULES" --stop-after-init --log-level=warn --no-http \
      || die "installing the addons into $db failed"
    update=(--only-compute-hashes)
  fi
  : >"$log"
  "$VENV/bin/click-odoo-update" -c "$(odoo_rc)" -d "$db" --ignore-core-addons \
    --logfile "$log" "${update[@]}" || die "upgrading the addons in $db failed: see $log"
  if grep -q 'Updating addons for their hash changed' "$log"; then
    say "Upgraded in $db (their source changed; data kept): $(grep -o 'hash changed: .*' "$log" | cut -d' ' -f3- | sed 's/[. ]*$//')"
  fi
}

# Wait until $1 answers (HTTP 2xx), at most ${4:-120} s; die, naming the log $3, when the
# process $2 (a pid, or a pid file) ends first or time runs out.
wait_http() {
  local url="$1" pid="$2" log="$3" seconds="${4:-120}" current
  for _ in $(seq 1 "$seconds"); do
    curl -fs -o /dev/null "$url" && return 0
    current="$pid"
    [ -f "$pid" ] && current="$(cat "$pid")"
    [ -n "$current" ] && kill -0 "$current" 2>/dev/null \
      || die "the server stopped before answering at $url: see $log"
    sleep 1
  done
  die "no answer at $url after $seconds s: see $log"
}

# Stop a background process and everything it started (a server started with `odoo_bin
# ... &` is a subshell whose child is Odoo).
kill_tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do
    kill_tree "$child"
  done
  kill "$1" 2>/dev/null || true
}

# "<tests run> <failed or errored>" of a JUnit XML report ("0 1" when unreadable).
junit_counts() {
  "$PY" - "$1" <<'PYEOF'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    run = sum(int(s.get("tests")) - int(s.get("skipped", 0)) for s in suites)
    bad = sum(int(s.get("failures")) + int(s.get("errors")) for s in suites)
    print(run, bad)
except Exception:
    print(0, 1)
PYEOF
}

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
