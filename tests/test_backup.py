"""make backup / make restore against the running server's database: the restored
database holds every row of every table, every sequence and every filestore byte of
the backed-up one, the checksum guards the archive, old archives are pruned."""

import base64
import hashlib
import json
import os
import secrets
import subprocess
import time
import zipfile
from pathlib import Path

import psycopg2
import pytest

ROOT = Path(os.environ.get("ILO_ROOT", Path(__file__).resolve().parents[1]))


def _settings():
    out = subprocess.run(
        [
            "bash",
            "-c",
            f'source "{ROOT}/scripts/common.sh"; '
            'echo "$PG_SOCKET_DIR"; echo "$ILO_PG_PORT"; echo "$ILO_STATE_DIR"',
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    return {"host": out[0], "port": out[1], "state": Path(out[2])}


def _script(name, *args, **env):
    return subprocess.run(
        [str(ROOT / "scripts" / name), *args],
        env=dict(os.environ, **env),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def _snapshot(settings, db):
    """A checksum per table (every row, in a stable order), per sequence, and per
    filestore file of database ``db``."""
    conn = psycopg2.connect(
        dbname=db, host=settings["host"], port=settings["port"], user="odoo"
    )
    try:
        with conn.cursor() as cr:
            cr.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            )
            tables = sorted(r[0] for r in cr.fetchall())
            sums = {}
            for table in tables:
                cr.execute(
                    f"SELECT count(*), md5(coalesce(string_agg(t::text, chr(1) "
                    f"ORDER BY t::text), '')) FROM \"{table}\" t"
                )
                sums[table] = cr.fetchone()
            cr.execute(
                "SELECT sequencename, last_value FROM pg_sequences "
                "WHERE schemaname = 'public'"
            )
            sequences = dict(cr.fetchall())
    finally:
        conn.close()
    store = settings["state"] / "data" / "filestore" / db
    files = {
        str(path.relative_to(store)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(store.rglob("*"))
        if path.is_file()
    }
    return {"tables": sums, "sequences": sequences, "files": files}


@pytest.fixture
def restored_name(server):
    name = f"{server['db']}_restore_test"
    yield name
    subprocess.run(
        ["bash", "-c", f'source "{ROOT}/scripts/common.sh"; odoo_db drop "{name}"'],
        capture_output=True,
        check=False,
    )


def test_backup_restores_every_record_and_byte(server, odoo, tmp_path, restored_name):
    settings = _settings()
    # extra records and attachments on top of the demo data
    payloads = [secrets.token_bytes(size) for size in (1, 4096, 300_000)]
    project = odoo.env.ref("ilo_issa_partnership.project_actuarial_advisory_demo")
    mission = odoo.env["ilo.advisory.mission"].create(
        {
            "name": "Backup check mission",
            "project_id": project.id,
            "country_id": odoo.env.ref("base.ci").id,
            "terms_of_reference": "<p>Ceiling 48 250 USD — é, ü, 中文</p>",
        }
    )
    attachments = [
        odoo.env["ir.attachment"].create(
            {
                "name": f"backup-{i}.bin",
                "datas": base64.b64encode(data).decode(),
                "res_model": "ilo.advisory.mission",
                "res_id": mission,
            }
        )
        for i, data in enumerate(payloads)
    ]
    backups = tmp_path / "backups"
    before = _snapshot(settings, server["db"])
    proc = _script("backup.sh", ILO_DB=server["db"], ILO_BACKUP_DIR=str(backups))
    assert proc.returncode == 0, proc.stderr
    after = _snapshot(settings, server["db"])
    assert before == after, "the database changed while it was backed up"
    archive = Path(proc.stdout.strip().splitlines()[-1])
    assert archive.parent == backups and archive.name.startswith(server["db"] + "_")
    checksum = Path(f"{archive}.sha256")
    assert (
        checksum.read_text().split()[0]
        == hashlib.sha256(archive.read_bytes()).hexdigest()
    )
    with zipfile.ZipFile(archive) as zf:  # Odoo's own dump format
        names = set(zf.namelist())
        assert {"dump.sql", "manifest.json"} <= names
        assert json.loads(zf.read("manifest.json"))["db_name"] == server["db"]
        stored = [n for n in names if n.startswith("filestore/")]
        assert len(stored) >= len(payloads)

    start = time.monotonic()
    proc = _script("restore.sh", str(archive), ILO_RESTORE_DB=restored_name)
    elapsed = time.monotonic() - start
    assert proc.returncode == 0, proc.stderr
    print(f"restore of the demo database: {elapsed:.1f} s")
    restored = _snapshot(settings, restored_name)
    assert restored["files"] == before["files"]
    assert restored["sequences"] == before["sequences"]
    differ = [
        t for t in before["tables"] if before["tables"][t] != restored["tables"].get(t)
    ]
    assert not differ, f"tables that differ after the restore: {differ}"
    assert set(restored["tables"]) == set(before["tables"])
    # the attachments' bytes, read back from the restored filestore
    ids = [a for a in attachments]
    conn = psycopg2.connect(
        dbname=restored_name, host=settings["host"], port=settings["port"], user="odoo"
    )
    with conn, conn.cursor() as cr:
        cr.execute(
            "SELECT store_fname FROM ir_attachment WHERE id = ANY(%s) ORDER BY id",
            [ids],
        )
        fnames = [r[0] for r in cr.fetchall()]
    conn.close()
    store = settings["state"] / "data" / "filestore" / restored_name
    assert [(store / f).read_bytes() for f in fnames] == payloads

    # a restore never overwrites, and refuses a damaged archive
    proc = _script("restore.sh", str(archive), ILO_RESTORE_DB=restored_name)
    assert proc.returncode != 0 and "already exists" in proc.stderr
    damaged = tmp_path / archive.name
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    Path(f"{damaged}.sha256").write_text(checksum.read_text())
    proc = _script("restore.sh", str(damaged), ILO_RESTORE_DB=restored_name + "_x")
    assert proc.returncode != 0 and "checksum mismatch" in proc.stderr
    odoo.env["ir.attachment"].unlink(attachments)
    odoo.env["ilo.advisory.mission"].unlink([mission])


def test_backups_are_pruned(server, tmp_path):
    backups = tmp_path / "backups"
    backups.mkdir()
    old = [f"{server['db']}_2020010{d}_000000.zip" for d in range(1, 4)]
    for name in old:
        (backups / name).write_bytes(b"old")
        (backups / f"{name}.sha256").write_text("x  " + name)
    other = backups / "another_db_20200101_000000.zip"
    other.write_bytes(b"not ours")
    proc = _script(
        "backup.sh",
        ILO_DB=server["db"],
        ILO_BACKUP_DIR=str(backups),
        ILO_BACKUP_KEEP="2",
    )
    assert proc.returncode == 0, proc.stderr
    new = Path(proc.stdout.strip().splitlines()[-1])
    left = sorted(p.name for p in backups.iterdir())
    assert left == sorted(
        [new.name, f"{new.name}.sha256", old[2], f"{old[2]}.sha256", other.name]
    )
    proc = _script("backup.sh", ILO_DB=server["db"], ILO_BACKUP_KEEP="0")
    assert proc.returncode != 0 and "ILO_BACKUP_KEEP" in proc.stderr
