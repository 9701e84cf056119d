#!/usr/bin/env bash
# make test: provision, create a throwaway database, install both addons (with demo data),
# run their Odoo tests (unit, Form, HttpCase browser tours), then start a server on that
# database and run the end-to-end tests in tests/ (odoorpc, XML-RPC, the scripts) against
# it. Prints one summary line with counts; exits non-zero on any failure.
#   ILO_TEST_TAGS   restrict the Odoo tests (default: both addons), e.g. /c102_campaign
#   ILO_PYTEST_ARGS extra pytest arguments, e.g. "-k rpc"   KEEP_DB=1 keeps the database
#   ILO_SKIP_UPSTREAM=1 skips Odoo's own suites (make upstream), for a quicker local run
source "$(dirname "$0")/common.sh"

provision

DB="ilo_test_$(date +%Y%m%d_%H%M%S)_$$"
TAGS="${ILO_TEST_TAGS:-/${MODULES//,/,/}}"
LOG="$LOG_DIR/test-$DB.log"
SERVER_PID=""

cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill_tree "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "${KEEP_DB:-0}" != 1 ]; then
    odoo_db drop "$DB" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

say "Odoo tests: installing both addons into $DB and running tests tagged $TAGS"
say "(full log: $LOG)"
set +e
odoo_bin -d "$DB" -i "$MODULES" --test-enable --test-tags="$TAGS" --stop-after-init \
  --http-port="$(free_port)" --log-level=test --max-cron-threads=0 >"$LOG" 2>&1
odoo_rc=$?
set -e

summary="$(grep -Eo '[0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$LOG" | tail -n 1 || true)"
odoo_failed=0 odoo_errors=0 odoo_total=0
if [ -n "$summary" ]; then
  read -r odoo_failed odoo_errors odoo_total < <(echo "$summary" | grep -Eo '[0-9]+' | xargs)
fi
# Any WARNING/ERROR/CRITICAL record of the log fails the run (OCA's checklog-odoo, with
# the ignore list of checklog-odoo.cfg), including those outside the tests' own reports
# (a module that fails to load, a view that does not validate, a browser error after a
# tour ended).
set +e
(cd "$ROOT" && "$VENV/bin/checklog-odoo" --no-echo "$LOG") >"$LOG_DIR/checklog-$DB.txt" 2>&1
checklog_rc=$?
set -e
if [ "$odoo_rc" -ne 0 ] || [ "$odoo_total" -eq 0 ] || [ "$checklog_rc" -ne 0 ]; then
  echo "---- Odoo test failures (from $LOG) ----" >&2
  head -n 400 "$LOG_DIR/checklog-$DB.txt" >&2
  [ "$odoo_total" -eq 0 ] && echo "No Odoo test ran (exit code $odoo_rc)." >&2
  odoo_bad=$((odoo_failed + odoo_errors))
  [ "$odoo_bad" -eq 0 ] && odoo_bad=1
else
  odoo_bad=0
fi
odoo_passed=$((odoo_total - odoo_failed - odoo_errors))
[ "$odoo_passed" -lt 0 ] && odoo_passed=0  # failures count per subtest
say "Odoo tests: $odoo_passed passed, $odoo_bad failed (of $odoo_total)"

# A sample of the addons' tests again under pytest-odoo (README, "Running one test"): the
# pure input rules, the outside-the-partnership checks and the officer/manager browser
# tours, on the same database.
say "pytest-odoo: a sample of the addons' tests, with a browser tour"
set +e
pytest_odoo "$DB" "$ROOT/addons/ilo_issa_partnership/tests/test_input_values.py" \
  "$ROOT/addons/ilo_issa_partnership/tests/test_outside_partnership.py" \
  "$ROOT/addons/ilo_issa_partnership/tests/test_tours.py" \
  -q -p no:cacheprovider --odoo-http --junitxml="$LOG_DIR/pytest-odoo-$DB.xml" \
  >"$LOG_DIR/pytest-odoo-$DB.log" 2>&1
po_rc=$?
set -e
read -r po_total po_failed < <(junit_counts "$LOG_DIR/pytest-odoo-$DB.xml")
if [ "$po_rc" -ne 0 ] || [ "$po_total" -eq 0 ]; then
  tail -n 60 "$LOG_DIR/pytest-odoo-$DB.log" >&2
  [ "$po_failed" -eq 0 ] && po_failed=1
fi
say "pytest-odoo: $((po_total - po_failed)) passed, $po_failed failed"

say "End-to-end tests: starting a server on $DB"
HTTP_PORT="$(free_port)"
odoo_bin -d "$DB" --db-filter="^$DB\$" --http-port="$HTTP_PORT" --http-interface=127.0.0.1 \
  --max-cron-threads=0 --log-level=warn >"$LOG_DIR/e2e-server-$DB.log" 2>&1 &
SERVER_PID=$!
wait_http "http://127.0.0.1:$HTTP_PORT/web/health" "$SERVER_PID" "$LOG_DIR/e2e-server-$DB.log"

set +e
# -p no:odoo: these tests talk to the server over RPC; pytest-odoo's plugin (in the venv
# since requirements.txt has it) would load an Odoo registry with no database and fail
# every test at setup.
# shellcheck disable=SC2086
ILO_URL="http://127.0.0.1:$HTTP_PORT" ILO_DB="$DB" ILO_LOGIN=admin ILO_PASSWORD=admin \
  ILO_PY="$PY" ILO_ROOT="$ROOT" \
  "$PY" -m pytest "$ROOT/tests" -q -p no:cacheprovider -p no:odoo ${ILO_PYTEST_ARGS:-} \
  --junitxml="$LOG_DIR/e2e-$DB.xml" 2>&1 | tee "$LOG_DIR/e2e-$DB.log" >&2
py_rc=${PIPESTATUS[0]}
set -e
read -r py_total py_bad < <(junit_counts "$LOG_DIR/e2e-$DB.xml")
if [ "$py_rc" -ne 0 ] && [ "$py_bad" -eq 0 ]; then py_bad=1; fi
[ "$py_total" -eq 0 ] && py_bad=$((py_bad + 1)) && echo "No end-to-end test ran." >&2
py_passed=$((py_total - py_bad))
[ "$py_passed" -lt 0 ] && py_passed=0
kill_tree "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""

# Odoo's own project and portal suites, with and without the addons (make upstream)
up_passed=0 up_bad=0
if [ "${ILO_SKIP_UPSTREAM:-0}" != 1 ]; then
  set +e
  "$ROOT/scripts/upstream.sh" 2>&1 | tee "$LOG_DIR/upstream-$DB.log" >&2
  up_rc=${PIPESTATUS[0]}
  set -e
  read -r up_passed up_bad < <(grep -Eo '^upstream: [0-9]+ passed, [0-9]+ failed' \
    "$LOG_DIR/upstream-$DB.log" | grep -Eo '[0-9]+' | xargs; echo)
  up_passed="${up_passed:-0}" up_bad="${up_bad:-0}"
  if [ "$up_rc" -ne 0 ] && [ "$up_bad" -eq 0 ]; then up_bad=1; fi
fi

passed=$((odoo_passed + po_total - po_failed + py_passed + up_passed))
failed=$((odoo_bad + po_failed + py_bad + up_bad))
echo "Odoo tests: $odoo_passed passed, $odoo_bad failed; pytest-odoo: $((po_total - po_failed)) passed, $po_failed failed; end-to-end: $py_passed passed, $py_bad failed; Odoo's suites with the addons: $up_passed passed, $up_bad failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
