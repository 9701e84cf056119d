#!/usr/bin/env bash
# odoo-bin with the project's configuration (addons path, data dir, embedded PostgreSQL).
# e.g. scripts/odoo.sh -d ilo_partnership -u ilo_issa_partnership --stop-after-init
source "$(dirname "$0")/common.sh"
provision
odoo_bin "$@"
