#!/usr/bin/env bash
# make upstream: Odoo's own test suites (project and portal by default) run under
# pytest-odoo twice: on a database with only Odoo's modules (project, mail, analytic,
# portal, and account, purchase, hr_expense that the accounting bridge depends on) and
# on a database with the addons installed. Every test sees the whole
# registry of its database. A test that fails only where the addons are installed fails
# this command; failures both databases share are Odoo's (or this Odoo tree's) and are
# listed, not counted.
#   ILO_UPSTREAM_SUITES  Odoo addons whose tests/ run (default: "project portal")
#   KEEP_DB=1            keep both databases
source "$(dirname "$0")/common.sh"

provision

SUITES="${ILO_UPSTREAM_SUITES:-project portal}"
# the Odoo modules the addons depend on, in both databases: a fair comparison
BASE_MODULES="project,mail,analytic,portal,account,purchase,hr_expense"
STAMP="$(date +%Y%m%d_%H%M%S)_$$"
DB_BASE="ilo_up_base_$STAMP"
DB_ADDONS="ilo_up_addons_$STAMP"
OUT="$LOG_DIR/upstream-$STAMP"
mkdir -p "$OUT"

cleanup() {
  if [ "${KEEP_DB:-0}" != 1 ]; then
    odoo_db drop "$DB_BASE" >/dev/null 2>&1 || true
    odoo_db drop "$DB_ADDONS" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

suite_paths=()
for suite in $SUITES; do
  dir="$(odoo_addon_dir "$suite")/tests"
  [ -d "$dir" ] || die "no tests for Odoo's $suite in $(odoo_addons_dirs)"
  suite_paths+=("$dir")
done

say "Upstream suites ($SUITES): installing $BASE_MODULES into $DB_BASE, the addons into $DB_ADDONS"
odoo_bin -d "$DB_BASE" -i "$BASE_MODULES" --stop-after-init --max-cron-threads=0 \
  --no-http --log-level=warn >"$OUT/install-base.log" 2>&1 \
  || die "installing $BASE_MODULES failed: see $OUT/install-base.log"
odoo_bin -d "$DB_ADDONS" -i "$BASE_MODULES,$MODULES" --stop-after-init --max-cron-threads=0 \
  --no-http --log-level=warn >"$OUT/install-addons.log" 2>&1 \
  || die "installing the addons failed: see $OUT/install-addons.log"

for db in "$DB_BASE" "$DB_ADDONS"; do
  say "Upstream suites on $db (pytest-odoo, with the browser tours)"
  set +e
  pytest_odoo "$db" "${suite_paths[@]}" -q -p no:cacheprovider --odoo-http \
    --junitxml="$OUT/$db.xml" >"$OUT/$db.log" 2>&1
  set -e
  [ -s "$OUT/$db.xml" ] || die "pytest-odoo ran no test on $db: see $OUT/$db.log"
done

# The tests that failed or errored, by node id, in each run.
set +e
"$PY" - "$OUT/$DB_BASE.xml" "$OUT/$DB_ADDONS.xml" <<'PYEOF'
import sys
import xml.etree.ElementTree as ET


def outcome(path):
    root = ET.parse(path).getroot()
    failed, total = set(), 0
    for case in root.iter("testcase"):
        total += 1
        if case.find("failure") is not None or case.find("error") is not None:
            failed.add(f"{case.get('classname')}::{case.get('name')}")
    return failed, total


base, base_total = outcome(sys.argv[1])
addons, addons_total = outcome(sys.argv[2])
new = sorted(addons - base)
print(f"Odoo's suites without the addons: {base_total} tests, {len(base)} failing")
print(f"Odoo's suites with the addons:    {addons_total} tests, {len(addons)} failing")
for name in sorted(base & addons):
    print(f"  failing in both (Odoo's, not counted): {name}")
for name in sorted(base - addons):
    print(f"  failing only without the addons (not counted): {name}")
for name in new:
    print(f"  NEW FAILURE with the addons: {name}")
if addons_total < base_total:
    print(f"  {base_total - addons_total} test(s) did not run with the addons")
print(f"upstream: {addons_total - len(new)} passed, {len(new)} failed")
sys.exit(1 if new or addons_total < base_total else 0)
PYEOF
rc=$?
set -e
[ "$rc" -eq 0 ] || echo "Details: $OUT/$DB_ADDONS.log (pytest output), $OUT/$DB_BASE.log" >&2
exit "$rc"
