#!/usr/bin/env bash
# make run: provision what is missing, make sure the database has both addons (with demo
# data), then serve Odoo at http://localhost:8069. A second run reinstalls nothing; it
# upgrades the addons only when their source changed since the last run (ensure_db).
source "$(dirname "$0")/common.sh"
DB="${ILO_DB:-ilo_partnership}"
PORT="${ILO_HTTP_PORT:-8069}"

provision

ensure_db "$DB"

cat >&2 <<MSG

  ILO-ISSA Partnership is starting at  http://localhost:$PORT/odoo
  Database: $DB    Login: admin    Password: admin
  (Ctrl-C stops it; the database and the PostgreSQL cluster are kept.)

MSG
odoo_bin -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" "$@"
