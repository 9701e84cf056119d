#!/usr/bin/env bash
# Provision the runtime: system packages, Odoo 18.0 source, venv, PostgreSQL.
# Usage: scripts/provision.sh            everything (idempotent, fast when nothing is missing)
#        scripts/provision.sh stop-db    stop the embedded PostgreSQL cluster
source "$(dirname "$0")/common.sh"
case "${1:-all}" in
  all) provision ;;
  stop-db) stop_pg ;;
  *) die "usage: $0 [all|stop-db]" ;;
esac
