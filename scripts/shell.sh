#!/usr/bin/env bash
# An Odoo shell on the development database (ILO_DB, default ilo_partnership).
source "$(dirname "$0")/common.sh"
provision
args=()
mapfile -t args < <(odoo_args)
cd "$ROOT" && exec "$PY" "$ODOO_SRC/odoo-bin" shell "${args[@]}" -d "${ILO_DB:-ilo_partnership}" "$@"
