#!/usr/bin/env bash
# make restore FILE=<archive.zip>: check the archive against its .sha256, then restore it
# (database and filestore) into a NEW database -- ILO_RESTORE_DB, default the archive's
# name with "_restored" -- with click-odoo-restoredb. Never overwrites a database and
# starts nothing: serve it with `ILO_DB=<name> make run`. The restored database keeps
# the original's identity (Odoo's "moved"); ILO_RESTORE_COPY=1 gives it a new one
# (Odoo's "copied"), for a copy kept next to the original.
source "$(dirname "$0")/common.sh"
FILE="${1:-${FILE:-}}"
[ -n "$FILE" ] || die "name the archive: make restore FILE=path/to/ilo_partnership_YYYYmmdd_HHMMSS.zip"
[ -f "$FILE" ] || die "no file $FILE"
SUM="$FILE.sha256"
[ -f "$SUM" ] || die "no checksum $SUM beside the archive: it cannot be verified (copy both files)"
base="$(basename "$FILE")"
DB="${ILO_RESTORE_DB:-${base%.zip}_restored}"
[[ "$DB" =~ ^[A-Za-z0-9_.-]+$ ]] || die "'$DB' is not a valid database name (letters, digits, _ . -)"

expected="$(awk '{print $1; exit}' "$SUM")"
actual="$(sha256sum "$FILE" | awk '{print $1}')"
[ -n "$expected" ] && [ "$expected" = "$actual" ] \
  || die "checksum mismatch for $FILE: the archive is damaged or not the one backed up (expected $expected, got $actual); nothing restored"
say "Checksum verified: $base"

provision
dbtool exists "$DB" && die "database '$DB' already exists: choose another name with ILO_RESTORE_DB=<name> (a restore never overwrites)"
mode=(--move)
[ "${ILO_RESTORE_COPY:-0}" = 1 ] && mode=(--copy)
say "Restoring into the new database $DB"
start=$(date +%s)
PATH="$(pg_bin_dir):$PATH" "$VENV/bin/click-odoo-restoredb" -c "$(odoo_rc)" "${mode[@]}" \
  "$DB" "$FILE" || die "the restore into $DB failed"
say "Restored $DB in $(($(date +%s) - start)) s; serve it with: ILO_DB=$DB make run"
echo "$DB"
