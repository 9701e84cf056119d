#!/usr/bin/env bash
# make run: provision what is missing, make sure the database has both addons (with demo
# data), then serve Odoo at http://localhost:8069. A second run reinstalls nothing; it
# upgrades the addons only when their source changed since the last run.
source "$(dirname "$0")/common.sh"
DB="${ILO_DB:-ilo_partnership}"
PORT="${ILO_HTTP_PORT:-8069}"

provision

addons_hash() {
  (cd "$ROOT/addons" && find . -type f ! -name '*.pyc' ! -path '*/__pycache__/*' -print0 \
    | sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-16
}
stamp_file="$ILO_STATE_DIR/addons-$DB.stamp"

if ! dbtool exists "$DB"; then
  say "Creating database $DB with both addons and their demo data (first run: a few minutes)"
  odoo_bin -d "$DB" -i "$MODULES" --stop-after-init --log-level=warn \
    || die "installing the addons into $DB failed"
  addons_hash >"$stamp_file"
elif dbtool modules "$DB" | grep -qv ' installed$'; then
  say "Installing the addons into the existing database $DB"
  odoo_bin -d "$DB" -i "$MODULES" --stop-after-init --log-level=warn || die "install failed"
  addons_hash >"$stamp_file"
elif [ "$(addons_hash)" != "$(cat "$stamp_file" 2>/dev/null)" ]; then
  say "The addons changed since the last run: upgrading them in $DB (data is kept)"
  odoo_bin -d "$DB" -u "$MODULES" --stop-after-init --log-level=warn || die "upgrade failed"
  addons_hash >"$stamp_file"
fi

cat >&2 <<MSG

  ILO-ISSA Partnership is starting at  http://localhost:$PORT/odoo
  Database: $DB    Login: admin    Password: admin
  (Ctrl-C stops it; the database and the PostgreSQL cluster are kept.)

MSG
odoo_bin -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" "$@"
