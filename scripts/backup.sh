#!/usr/bin/env bash
# make backup: a dated archive of the `make run` database (ILO_DB, default
# ilo_partnership) in Odoo's own dump format -- a zip with dump.sql, filestore/ and
# manifest.json, made by click-odoo-backupdb, which Odoo's database manager restores
# too -- and a .sha256 checksum beside it. Keeps the ILO_BACKUP_KEEP newest backups of
# that database (default 14) in ILO_BACKUP_DIR (default $ILO_STATE_DIR/backups) and
# deletes the older ones. Prints the archive's path. The server may keep running.
source "$(dirname "$0")/common.sh"
DB="${ILO_DB:-ilo_partnership}"
DIR="${ILO_BACKUP_DIR:-$ILO_STATE_DIR/backups}"
KEEP="${ILO_BACKUP_KEEP:-14}"
[[ "$KEEP" =~ ^[1-9][0-9]*$ ]] || die "ILO_BACKUP_KEEP must be a whole number of backups to keep, at least 1 (got '$KEEP')"

provision
dbtool exists "$DB" || die "no database '$DB' to back up (ILO_DB names it; \`make run\` creates ilo_partnership)"
mkdir -p "$DIR"
NAME="${DB}_$(date -u +%Y%m%d_%H%M%S).zip"
TMP="$DIR/.$NAME.part"
trap 'rm -f "$TMP"' EXIT
say "Backing up $DB (database and filestore) to $DIR/$NAME"
# pg_dump of the server's own version (Odoo looks for it on PATH)
PATH="$(pg_bin_dir):$PATH" "$VENV/bin/click-odoo-backupdb" -c "$(odoo_rc)" \
  --format zip --force "$DB" "$TMP" || die "the backup of $DB failed (nothing written)"
mv "$TMP" "$DIR/$NAME"
(cd "$DIR" && sha256sum "$NAME" >"$NAME.sha256.part" && mv "$NAME.sha256.part" "$NAME.sha256")

# prune: the KEEP newest archives of this database (their names sort by date)
mapfile -t old < <(find "$DIR" -maxdepth 1 -name "${DB}_????????_??????.zip" -printf '%f\n' \
  | sort -r | tail -n +"$((KEEP + 1))")
for f in "${old[@]}"; do
  rm -f "$DIR/$f" "$DIR/$f.sha256"
done
[ ${#old[@]} -gt 0 ] && say "Pruned ${#old[@]} backup(s) older than the $KEEP newest"
echo "$DIR/$NAME"
