#!/usr/bin/env bash
# make i18n: re-export each addon's .pot with Odoo and merge it into fr.po (existing
# translations kept, new terms empty, terms no longer exported dropped).
# Then translate the empty entries (`msgstr ""`) in addons/*/i18n/fr.po; the test
# test_every_exported_term_is_translated names any left.
source "$(dirname "$0")/common.sh"
provision
DB="ilo_i18n_$$"
trap 'odoo_db drop "$DB" >/dev/null 2>&1 || true' EXIT
say "Installing both addons (without demo data) into $DB"
odoo_bin -d "$DB" -i "$MODULES" --without-demo=all --stop-after-init \
  --no-http --log-level=warn
for module in ${MODULES//,/ }; do
  dir="$ROOT/addons/$module/i18n"
  odoo_bin -d "$DB" --i18n-export="$dir/$module.pot" --modules="$module" --stop-after-init \
    --no-http --log-level=warn
  # msgmerge with polib: every term of the new .pot, with its French from fr.po; terms
  # no longer exported are dropped
  "$PY" - "$dir/$module.pot" "$dir/fr.po" <<'PYEOF'
import sys
import polib
pot, po = polib.pofile(sys.argv[1]), polib.pofile(sys.argv[2])
po.merge(pot)
for entry in [e for e in po if e.obsolete]:
    po.remove(entry)
po.save(sys.argv[2])
missing = po.untranslated_entries() + po.fuzzy_entries()
print(f"{len(missing)} term(s) to translate in {sys.argv[2]}:")
for entry in missing:
    print("   ", entry.msgid[:110])
PYEOF
done
