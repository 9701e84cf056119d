#!/usr/bin/env bash
# make lint: pre-commit with local hooks (ruff, pylint-odoo, pre-commit-hooks, the OCA's
# oca-checks-odoo-module and oca-checks-po), all from PyPI.
source "$(dirname "$0")/common.sh"
mkdir -p "$ILO_STATE_DIR" "$LOG_DIR"
ensure_odoo_src
ensure_venv
"$PY" -m pip install --quiet -r "$ROOT/requirements-lint.txt"
cd "$ROOT" && PRE_COMMIT_HOME="$ILO_STATE_DIR/pre-commit" "$VENV/bin/pre-commit" run --all-files "$@"
