#!/usr/bin/env bash
# make test: provision, create a throwaway database, install both addons (with demo data),
# run their Odoo tests (unit, Form, HttpCase browser tours), then start a server on that
# database and run the end-to-end tests in tests/ (odoorpc, XML-RPC, the scripts) against
# it. Prints one summary line with counts; exits non-zero on any failure.
#   ILO_TEST_TAGS   restrict the Odoo tests (default: both addons), e.g. /c102_campaign
#   ILO_PYTEST_ARGS extra pytest arguments, e.g. "-k rpc"   KEEP_DB=1 keeps the database
source "$(dirname "$0")/common.sh"

provision

DB="ilo_test_$(date +%Y%m%d_%H%M%S)_$$"
TAGS="${ILO_TEST_TAGS:-/ilo_issa_partnership,/c102_campaign}"
LOG="$LOG_DIR/test-$DB.log"
SERVER_PID=""

cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill_tree "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ "${KEEP_DB:-0}" != 1 ]; then
    dbtool drop "$DB" >/dev/null 2>&1 || true
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
# ERROR/CRITICAL log lines outside the tests' own reports (a module that fails to load, a
# view that does not validate) are failures too.
log_errors="$(grep -Ec ' (ERROR|CRITICAL) ' "$LOG" || true)"
if [ "$odoo_rc" -ne 0 ] || [ "$odoo_total" -eq 0 ] || [ "$log_errors" -gt 0 ]; then
  echo "---- Odoo test failures (from $LOG) ----" >&2
  grep -E -A 25 ' (ERROR|CRITICAL) ' "$LOG" | head -n 400 >&2 || tail -n 60 "$LOG" >&2
  [ "$odoo_total" -eq 0 ] && echo "No Odoo test ran (exit code $odoo_rc)." >&2
  odoo_bad=$((odoo_failed + odoo_errors))
  [ "$odoo_bad" -eq 0 ] && odoo_bad=1
else
  odoo_bad=0
fi
odoo_passed=$((odoo_total - odoo_failed - odoo_errors))
[ "$odoo_passed" -lt 0 ] && odoo_passed=0  # failures count per subtest
say "Odoo tests: $odoo_passed passed, $odoo_bad failed (of $odoo_total)"

say "End-to-end tests: starting a server on $DB"
HTTP_PORT="$(free_port)"
odoo_bin -d "$DB" --db-filter="^$DB\$" --http-port="$HTTP_PORT" --http-interface=127.0.0.1 \
  --max-cron-threads=0 --log-level=warn >"$LOG_DIR/e2e-server-$DB.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$HTTP_PORT/web/health" >/dev/null 2>&1; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || die "the e2e server died: see $LOG_DIR/e2e-server-$DB.log"
  sleep 1
done

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
read -r py_total py_failed py_errors < <("$PY" - "$LOG_DIR/e2e-$DB.xml" <<'PYEOF'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    print(int(suite.get("tests")) - int(suite.get("skipped", 0)), suite.get("failures"), suite.get("errors"))
except Exception:
    print(0, 0, 1)
PYEOF
)
py_bad=$((py_failed + py_errors))
if [ "$py_rc" -ne 0 ] && [ "$py_bad" -eq 0 ]; then py_bad=1; fi
[ "$py_total" -eq 0 ] && py_bad=$((py_bad + 1)) && echo "No end-to-end test ran." >&2
py_passed=$((py_total - py_failed - py_errors))
[ "$py_passed" -lt 0 ] && py_passed=0

passed=$((odoo_passed + py_passed))
failed=$((odoo_bad + py_bad))
echo "Odoo tests: $odoo_passed passed, $odoo_bad failed; end-to-end: $py_passed passed, $py_bad failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
