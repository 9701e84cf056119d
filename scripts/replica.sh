#!/usr/bin/env bash
# A PostgreSQL streaming replica (hot standby) of the project's embedded cluster, on a
# second local cluster: another data directory, its own Unix socket, port 54330.
#   scripts/replica.sh start    clone the primary once (pg_basebackup + a replication
#                               slot), then start the standby and wait until it streams
#   scripts/replica.sh stop     stop the standby (data directory and slot are kept)
#   scripts/replica.sh status   the standby as the primary sees it (state, lag)
#   scripts/replica.sh drop     stop it, delete its data directory and its slot
# Nothing here restarts the primary: streaming needs wal_level=replica and
# max_wal_senders > 0 (PostgreSQL 15's defaults, checked) and a `replication` line in
# pg_hba.conf (initdb's default for local connections). The one setting changed on the
# primary, max_slot_wal_keep_size, is reloaded, not restarted (see README).
#   ILO_REPLICA_PORT  (54330)   ILO_REPLICA_DIR  (/var/lib/ilo-issa/pg-replica as root)
#   ILO_REPLICA_SYNC  remote_apply (default): the replica is a synchronous standby, and the
#                     databases that ask for it (ALTER DATABASE ... SET synchronous_commit
#                     = remote_apply, done by scripts/prod.sh) commit only once the replica
#                     has applied the change, so a read that follows a write sees it.
#                     Every other session of the cluster commits locally, as before
#                     (cluster default synchronous_commit = local): a stopped replica never
#                     blocks them. async: plain asynchronous streaming.
source "$(dirname "$0")/common.sh"

REPLICA_PORT="${ILO_REPLICA_PORT:-54330}"
if is_root; then
  REPLICA_DIR="${ILO_REPLICA_DIR:-/var/lib/ilo-issa/pg-replica}"
else
  REPLICA_DIR="${ILO_REPLICA_DIR:-$ILO_STATE_DIR/pg-replica}"
fi
REPLICA_SOCKET="$REPLICA_DIR/run"
REPLICA_DATA="$REPLICA_DIR/data"
SLOT="${ILO_REPLICA_SLOT:-ilo_replica}"
# Upper bound of the WAL the primary keeps for a stopped or lagging replica; past it the
# slot is invalidated and the next start clones again. Protects the disk of the shared
# development cluster (make test writes a lot of WAL).
SLOT_WAL_KEEP="${ILO_REPLICA_WAL_KEEP:-2GB}"
SYNC="${ILO_REPLICA_SYNC:-remote_apply}"
case "$SYNC" in remote_apply | async) ;; *) die "ILO_REPLICA_SYNC is remote_apply or async" 2 ;; esac

external_pg && die "the replica is a copy of the embedded cluster; with an external PostgreSQL server set up its replica there (db_replica_host/db_replica_port)"

BIN="$(pg_bin_dir)" || die "PostgreSQL server binaries not found (Debian package postgresql)"
primary_sql() {
  "$BIN/psql" -h "$PG_SOCKET_DIR" -p "$ILO_PG_PORT" -U postgres -d postgres -Atqc "$1"
}
replica_sql() {
  "$BIN/psql" -h "$REPLICA_SOCKET" -p "$REPLICA_PORT" -U postgres -d postgres -Atqc "$1"
}
replica_running() {
  [ -f "$REPLICA_DATA/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$REPLICA_DATA" status >/dev/null 2>&1
}

check_primary() {
  local wal_level senders
  wal_level="$(primary_sql "SHOW wal_level")"
  senders="$(primary_sql "SHOW max_wal_senders")"
  if [ "$wal_level" = minimal ] || [ "$senders" -eq 0 ]; then
    die "the primary has wal_level=$wal_level, max_wal_senders=$senders: streaming needs wal_level=replica and max_wal_senders>0, which only a restart of the primary applies (ALTER SYSTEM SET ...; make stop-db; make provision)"
  fi
  if [ "$(primary_sql "SHOW max_slot_wal_keep_size")" != "$SLOT_WAL_KEEP" ]; then
    say "Primary: max_slot_wal_keep_size = $SLOT_WAL_KEEP (reloaded, no restart)"
    primary_sql "ALTER SYSTEM SET max_slot_wal_keep_size = '$SLOT_WAL_KEEP'" >/dev/null
    primary_sql "SELECT pg_reload_conf()" >/dev/null
  fi
}

# slot state: absent | lost | ok
slot_state() {
  local status
  status="$(primary_sql "SELECT coalesce(wal_status, 'ok') FROM pg_replication_slots WHERE slot_name = '$SLOT'")"
  case "$status" in
    "") echo absent ;;
    lost) echo lost ;;
    *) echo ok ;;
  esac
}

clone() {
  say "Cloning the primary into $REPLICA_DATA (pg_basebackup, slot $SLOT)"
  if [ "$(slot_state)" != absent ]; then
    primary_sql "SELECT pg_drop_replication_slot('$SLOT')" >/dev/null
  fi
  rm -rf "$REPLICA_DATA"
  mkdir -p "$REPLICA_DIR" "$REPLICA_SOCKET"
  is_root && chown -R "$PG_OS_USER" "$REPLICA_DIR"
  # -R writes standby.signal and primary_conninfo (the primary's socket) + primary_slot_name
  as_pg "$BIN/pg_basebackup" -h "$PG_SOCKET_DIR" -p "$ILO_PG_PORT" -U postgres \
    -D "$REPLICA_DATA" -R -X stream -C -S "$SLOT" -c fast >"$LOG_DIR/replica-basebackup.log" 2>&1 \
    || die "pg_basebackup failed: see $LOG_DIR/replica-basebackup.log"
  chmod 700 "$REPLICA_DATA"
}

start() {
  provision
  check_primary
  if replica_running; then
    set_sync "$SYNC"
    say "The replica is already running (port $REPLICA_PORT, $SYNC)"
    return 0
  fi
  if [ ! -f "$REPLICA_DATA/standby.signal" ] || [ "$(slot_state)" != ok ]; then
    clone
  fi
  mkdir -p "$REPLICA_SOCKET"
  is_root && chown "$PG_OS_USER" "$REPLICA_SOCKET"
  say "Starting the replica (hot standby, socket $REPLICA_SOCKET, port $REPLICA_PORT)"
  # hot_standby_feedback: long report queries on the replica are not cancelled by the
  # vacuum of rows they still read on the primary. max_connections must be >= the
  # primary's for a hot standby.
  # (in a subshell without the caller's descriptors: the server must not keep them)
  (
    for path in /proc/"$BASHPID"/fd/*; do
      fd="${path##*/}"
      [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null
    done
    as_pg "$BIN/pg_ctl" -D "$REPLICA_DATA" -l "$REPLICA_DIR/postgresql.log" -w -t 120 \
    -o "-k $REPLICA_SOCKET -p $REPLICA_PORT -c listen_addresses='' -c cluster_name=$SLOT -c hot_standby=on -c hot_standby_feedback=on -c shared_buffers=256MB -c max_connections=$(primary_sql 'SHOW max_connections')" \
      start </dev/null >/dev/null
  ) || die "the replica did not start: see $REPLICA_DIR/postgresql.log"
  local state=""
  for _ in $(seq 1 60); do
    state="$(primary_sql "SELECT state FROM pg_stat_replication WHERE application_name = '$SLOT'" || true)"
    [ "$state" = streaming ] && break
    sleep 1
  done
  [ "$state" = streaming ] || die "the replica does not stream (state '$state'): see $REPLICA_DIR/postgresql.log"
  [ "$(replica_sql "SELECT pg_is_in_recovery()")" = t ] || die "the replica is not in recovery"
  set_sync "$SYNC"
  say "Replica streaming from the primary ($SYNC)"
}

# Synchronous standby on the primary (reloaded settings). Sessions whose
# synchronous_commit is local (the cluster default set here) never wait for it.
set_sync() {
  if [ "$1" = remote_apply ]; then
    primary_sql "ALTER SYSTEM SET synchronous_commit = 'local'" >/dev/null
    primary_sql "ALTER SYSTEM SET synchronous_standby_names = '$SLOT'" >/dev/null
  else
    primary_sql "ALTER SYSTEM RESET synchronous_standby_names" >/dev/null
    primary_sql "ALTER SYSTEM RESET synchronous_commit" >/dev/null
  fi
  primary_sql "SELECT pg_reload_conf()" >/dev/null
}

stop() {
  # first release whoever waits for the standby, then stop it
  if [ -n "$(primary_sql "SHOW synchronous_standby_names" 2>/dev/null || true)" ]; then
    set_sync async
  fi
  if replica_running; then
    say "Stopping the replica (port $REPLICA_PORT; data and slot kept)"
    as_pg "$BIN/pg_ctl" -D "$REPLICA_DATA" -m fast stop >/dev/null
  fi
}

status() {
  if ! replica_running; then
    echo "replica: stopped (data: $REPLICA_DATA, slot: $(slot_state))"
    return 3
  fi
  echo "replica: running, socket $REPLICA_SOCKET port $REPLICA_PORT, in recovery: $(replica_sql "SELECT pg_is_in_recovery()")"
  primary_sql "SELECT 'primary sees: ' || application_name || ' ' || state || ' sync=' || sync_state
    || ' replay_lag=' || coalesce(replay_lag::text, '0') || ' behind_bytes='
    || coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::text, '?')
    FROM pg_stat_replication WHERE application_name = '$SLOT'"
}

drop() {
  stop
  if [ "$(slot_state)" != absent ]; then
    primary_sql "SELECT pg_drop_replication_slot('$SLOT')" >/dev/null
  fi
  rm -rf "$REPLICA_DIR"
  say "Replica removed ($REPLICA_DIR, slot $SLOT)"
}

case "${1:-status}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  drop) drop ;;
  # for scripts/prod.sh: where Odoo reaches the replica
  socket) echo "$REPLICA_SOCKET" ;;
  sync) echo "$SYNC" ;;
  port) echo "$REPLICA_PORT" ;;
  *) die "usage: $0 start|stop|status|drop" 2 ;;
esac
