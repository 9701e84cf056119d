"""A crash in the middle (issue 22), against a real server, bounded in time.

These tests stop PostgreSQL and kill Odoo, so they never touch the shared cluster nor
the server `make test` started: they start their own throwaway PostgreSQL cluster (a
temporary ILO_PG_DIR on another port, through scripts/common.sh's own ensure_pg), a
database with the programme addon, and their own Odoo server on it.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import odoorpc
import pytest
import requests

ROOT = Path(os.environ.get("ILO_ROOT", Path(__file__).resolve().parents[1]))
DB = "crash_test"
MISSIONS = 3000  # one transaction, long enough to be cut
APPROVALS = 1000
DATES = "2032-01-01,2032-01-02"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stack:
    """A private PostgreSQL cluster and an Odoo server on it."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ilo-crash-pg-", dir="/tmp"))
        self.dir.chmod(0o755)
        self.env = dict(
            os.environ, ILO_PG_DIR=str(self.dir), ILO_PG_PORT=str(_free_port())
        )
        self.http_port = _free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        self.server = None

    def bash(self, script, timeout=600, check=True):
        return subprocess.run(
            ["bash", "-c", f'source "{ROOT}/scripts/common.sh"; {script}'],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=check,
        )

    def start_pg(self):
        self.bash('mkdir -p "$LOG_DIR"; ensure_pg', timeout=120)

    def stop_pg(self, mode="immediate"):
        self.bash(f'as_pg "$(pg_bin_dir)/pg_ctl" -D "$ILO_PG_DIR/data" -m {mode} stop')

    def install(self):
        self.bash(
            f'odoo_bin -d {DB} -i "$MODULES" --stop-after-init --no-http '
            "--log-level=warn --without-demo=all",
            timeout=900,
        )

    def start_odoo(self, *extra):
        log = open(self.dir / "odoo.log", "ab")  # noqa: SIM115 - closed with the server
        self.server = subprocess.Popen(
            [
                "bash",
                "-c",
                f'source "{ROOT}/scripts/common.sh"; odoo_bin -d {DB} '
                f"--db-filter='^{DB}$' --http-port={self.http_port} "
                "--http-interface=127.0.0.1 --max-cron-threads=0 --log-level=warn "
                + " ".join(extra),
            ],
            env=self.env,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        self.wait_http()

    def wait_http(self, seconds=120):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/web/health", timeout=5):
                    return
            except OSError:
                time.sleep(0.5)
        pytest.fail(f"Odoo did not answer at {self.url} (log: {self.dir}/odoo.log)")

    def kill_odoo(self, sig=signal.SIGKILL):
        if self.server and self.server.poll() is None:
            os.killpg(self.server.pid, sig)
            self.server.wait(timeout=60)
        self.server = None

    def client(self, attempts=20):
        """An admin session; after PostgreSQL restarted, Odoo's pooled connections
        fail once: retried, bounded."""
        for _ in range(attempts):
            try:
                odoo = odoorpc.ODOO("127.0.0.1", port=self.http_port, timeout=300)
                odoo.login(DB, "admin", "admin")
                return odoo
            except Exception:  # noqa: BLE001 - the server is coming back
                time.sleep(1)
        pytest.fail("no session on the restarted server")


@pytest.fixture(scope="module")
def stack():
    stack = Stack()
    try:
        stack.start_pg()
        stack.install()
        stack.start_odoo()
        odoo = stack.client()
        area = odoo.env.ref("ilo_issa_partnership.area_advisory")
        odoo.env["project.project"].create(
            {"name": "Crash project", "collaboration_area_id": area.id}
        )
        yield stack
    finally:
        # the filestore and the database go with the cluster
        stack.kill_odoo()
        stack.bash(
            'as_pg "$(pg_bin_dir)/pg_ctl" -D "$ILO_PG_DIR/data" -m fast stop',
            check=False,
        )
        stack.bash(f'rm -rf "$ILO_STATE_DIR/data/filestore/{DB}"', check=False)
        shutil.rmtree(stack.dir, ignore_errors=True)


def _imported(odoo):
    Mission = odoo.env["ilo.advisory.mission"]
    return Mission.search_count([("name", "=like", "Crash mission %")])


def _busy_writing(stack):
    """Whether a transaction has written missions and not ended yet (the import's:
    it holds the table's row-exclusive lock from its INSERT to its COMMIT, a window
    of seconds, where the INSERT statement itself lasts milliseconds)."""
    query = (
        "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
        "WHERE c.relname = 'ilo_advisory_mission' AND l.mode = 'RowExclusiveLock' "
        "AND l.pid <> pg_backend_pid()"
    )
    result = stack.bash(
        f'"$(pg_bin_dir)/psql" -h "$PG_SOCKET_DIR" -p "$ILO_PG_PORT" -U postgres '
        f'-d {DB} -Atqc "{query}"',
        check=False,
    )
    return result.stdout.strip() not in ("", "0")


def test_postgresql_stopped_during_an_import(stack, tmp_path):
    """PostgreSQL stopped (immediate mode, as a power cut) while `ilo
    import-activities` writes: the import is one transaction, so after the restart
    the database holds none of its rows, the tool said so (no traceback), and the
    re-run imports them all without duplicates."""
    csv = tmp_path / "missions.csv"
    lines = ["kind,key,project,name,country,date_start,date_end"]
    lines += [
        f"mission,CRASH-{i},Crash project,Crash mission {i:05d},SN,{DATES}"
        for i in range(MISSIONS)
    ]
    csv.write_text("\n".join(lines) + "\n")
    env = dict(
        stack.env,
        ILO_URL=stack.url,
        ILO_DB=DB,
        ILO_LOGIN="admin",
        ILO_PASSWORD="admin",
    )
    proc = subprocess.Popen(
        [str(ROOT / "scripts/ilo"), "import-activities", str(csv)],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    # wait until the server inserts the file's missions, then cut the power
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and proc.poll() is None:
        if _busy_writing(stack):
            break
        time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("the import ended (or never wrote) before the stop")
    stack.stop_pg("immediate")
    out, stderr = proc.communicate(timeout=300)
    assert proc.returncode != 0, "the tool must say the import did not complete"
    assert "Traceback" not in stderr
    assert "row(s) imported" not in out

    stack.start_pg()
    odoo = stack.client()
    assert _imported(odoo) == 0, stderr[-2000:]

    rerun = subprocess.run(
        [str(ROOT / "scripts/ilo"), "import-activities", str(csv)],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert _imported(odoo) == MISSIONS
    groups = odoo.env["ilo.advisory.mission"].read_group(
        [("name", "=like", "Crash mission %")], ["name"], ["name"]
    )
    assert len(groups) == MISSIONS and all(g["name_count"] == 1 for g in groups)


def test_odoo_killed_while_a_manager_approves(stack):
    """Odoo killed (SIGKILL) in the middle of approving 1,000 missions in one request:
    after the restart every mission is either approved with its tracked change in the
    chatter, or still submitted with none — never a mix, in a mission or across the
    request."""
    odoo = stack.client()
    env = odoo.env
    project = env["project.project"].search([("name", "=", "Crash project")])[0]
    source = env["ilo.funding.source"].create(
        {
            "name": "Crash fund",
            "code": "CRASH",
            "currency_id": env.user.company_id.currency_id.id,
            "amount": 10_000_000.0,
        }
    )
    Mission = env["ilo.advisory.mission"]
    ids = Mission.create(
        [
            {
                "name": f"Approve {i:04d}",
                "project_id": project,
                "country_id": env.ref("base.sn").id,
                "date_start": "2033-01-01",
                "date_end": "2033-01-02",
            }
            for i in range(APPROVALS)
        ]
    )
    env["ilo.budget.line"].create(
        [
            {
                "project_id": project,
                "mission_id": mission_id,
                "funding_source_id": source,
                "category": "travel",
                "date_from": "2033-01-01",
                "date_to": "2033-12-31",
                "amount_planned": 1000.0,
            }
            for mission_id in ids
        ]
    )
    Mission.action_submit(ids)
    before = env["mail.message"].search_count(
        [("model", "=", "ilo.advisory.mission"), ("res_id", "in", ids)]
    )

    errors = []

    def approve():
        try:
            client = stack.client()
            client.env["ilo.advisory.mission"].action_approve(ids)
        except Exception as exc:  # noqa: BLE001 - the server dies under it
            errors.append(exc)

    thread = threading.Thread(target=approve)
    thread.start()
    time.sleep(1.5)  # the request is running (1,000 approvals take longer)
    stack.kill_odoo(signal.SIGKILL)
    thread.join(timeout=120)
    stack.start_odoo()
    env = stack.client().env
    Mission = env["ilo.advisory.mission"]
    states = {m["state"] for m in Mission.read(ids, ["state"])}
    assert len(states) == 1, f"half-approved: {states}"
    after = env["mail.message"].search_count(
        [("model", "=", "ilo.advisory.mission"), ("res_id", "in", ids)]
    )
    print(f"Odoo killed during the approval: all {next(iter(states))}")
    if states == {"submitted"}:
        assert errors, "the request was cut: the client saw an error"
        assert after == before, "chatter messages without their approval"
    else:
        assert states == {"approved"}
        assert after >= before + len(ids), "approvals without their chatter"


def _approved_mission(env, name, project_id):
    """A mission approved the way a manager does it (admin is one)."""
    source = env["ilo.funding.source"].create(
        {
            "name": f"{name} fund",
            "code": name.upper()[:8],
            "currency_id": env.user.company_id.currency_id.id,
            "amount": 100_000.0,
        }
    )
    mission = env["ilo.advisory.mission"].create(
        {
            "name": name,
            "project_id": project_id,
            "country_id": env.ref("base.ci").id,
            "date_start": "2034-01-01",
            "date_end": "2034-01-02",
        }
    )
    env["ilo.budget.line"].create(
        {
            "project_id": project_id,
            "mission_id": mission,
            "funding_source_id": source,
            "category": "travel",
            "date_from": "2034-01-01",
            "date_to": "2034-12-31",
            "amount_planned": 1000.0,
        }
    )
    env["ilo.advisory.mission"].action_submit([mission])
    env["ilo.advisory.mission"].action_approve([mission])
    return mission


def test_disk_full_while_a_counterpart_uploads(stack):
    """The filestore's disk is full while a counterpart uploads a document on the
    portal: a readable error, no attachment row, no partial file; once space is
    back, the same upload succeeds with every byte."""
    mount = Path(tempfile.mkdtemp(prefix="ilo-crash-fs-", dir="/tmp"))
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    ).returncode:
        mount.rmdir()
        pytest.skip("mounting a small filesystem needs root")
    try:
        stack.kill_odoo(signal.SIGTERM)
        stack.start_odoo(f"--data-dir={mount}")
        env = stack.client().env
        institution = env["res.partner"].create(
            {"name": "Disk institution", "is_company": True}
        )
        contact = env["res.partner"].create(
            {"name": "Disk contact", "parent_id": institution}
        )
        env["res.users"].create(
            {
                "name": "Disk contact",
                "login": "disk_portal",
                "password": "disk_portal_pw",
                "partner_id": contact,
                "groups_id": [(6, 0, [env.ref("base.group_portal").id])],
            }
        )
        area = env.ref("ilo_issa_partnership.area_advisory")
        project = env["project.project"].create(
            {
                "name": "Disk project",
                "collaboration_area_id": area.id,
                "institution_ids": [(6, 0, [institution])],
            }
        )
        mission = _approved_mission(env, "Disk mission", project)

        session = requests.Session()
        response = session.post(
            f"{stack.url}/web/session/authenticate",
            json={
                "jsonrpc": "2.0",
                "params": {
                    "db": DB,
                    "login": "disk_portal",
                    "password": "disk_portal_pw",
                },
            },
            timeout=60,
        )
        assert response.json().get("result"), response.text
        page = session.get(f"{stack.url}/my/partnership/mission/{mission}", timeout=60)
        assert "Disk mission" in page.text
        token = re.search(r'csrf_token: "([^"]+)"', page.text).group(1)
        payload = os.urandom(600_000)

        def upload():
            return session.post(
                f"{stack.url}/mail/attachment/upload",
                data={
                    "thread_id": mission,
                    "thread_model": "ilo.advisory.mission",
                    "csrf_token": token,
                },
                files={"ufile": ("actuarial-data.bin", payload)},
                timeout=120,
            )

        # fill the disk, leaving less than the document's size
        filler = mount / "filler"
        with open(filler, "wb", buffering=0) as fp:
            try:
                while True:
                    fp.write(b"\0" * 65536)
            except OSError:
                pass
        filler.write_bytes(b"\0" * (filler.stat().st_size - 300_000))
        response = upload()
        assert response.status_code != 200 or "error" in response.text
        assert "could not be stored" in response.text, response.text[:2000]
        Attachment = env["ir.attachment"]
        domain = [
            ("res_model", "=", "ilo.advisory.mission"),
            ("res_id", "=", mission),
        ]
        assert not Attachment.search(domain), "an attachment row without its file"
        store = mount / "filestore" / DB
        partial = [
            p
            for p in store.rglob("*")
            if p.is_file()
            and "checklist" not in p.parts
            and 0 < p.stat().st_size < len(payload)
            and p.read_bytes() == payload[: p.stat().st_size]
        ]
        assert not partial, f"partial files left: {partial}"

        filler.unlink()  # space is back
        response = upload()
        assert response.status_code == 200, response.text[:2000]
        [attachment] = Attachment.search_read(domain, ["store_fname", "file_size"])
        assert attachment["file_size"] == len(payload)
        assert (store / attachment["store_fname"]).read_bytes() == payload
    finally:
        stack.kill_odoo(signal.SIGTERM)
        subprocess.run(["umount", str(mount)], capture_output=True, check=False)
        shutil.rmtree(mount, ignore_errors=True)
        stack.start_odoo()


def _footprint(env):
    """What a request could leave behind: rows of the tables a report could write
    to, and the last change of the programme's records."""
    counts = {
        model: env[model].search_count([])
        for model in ("ir.attachment", "mail.message", "ilo.advisory.mission")
    }
    last = env["ilo.advisory.mission"].search_read(
        [], ["write_date"], order="write_date desc", limit=1
    )
    return counts, last[0]["write_date"] if last else None


def test_odoo_killed_while_a_report_renders(stack):
    """Odoo killed (SIGKILL) while it renders the partnership report of the
    portfolio the tests above made (thousands of missions; wkhtmltopdf running):
    after the restart the cut request left nothing (no attachment, message or
    changed record) and the same report renders."""
    odoo = stack.client()
    env = odoo.env
    wizard = env["ilo.partnership.report.wizard"].create(
        {"date_from": "2032-01-01", "date_to": "2034-12-31"}
    )
    session = requests.Session()
    response = session.post(
        f"{stack.url}/web/session/authenticate",
        json={
            "jsonrpc": "2.0",
            "params": {"db": DB, "login": "admin", "password": "admin"},
        },
        timeout=60,
    )
    assert response.json().get("result"), response.text
    url = f"{stack.url}/report/pdf/ilo_issa_partnership.report_partnership/{wizard}"
    # a first rendering compiles the reports' assets (an attachment Odoo keeps as a
    # cache); what a cut request could leave is counted after it
    assert session.get(url, timeout=600).status_code == 200
    before = _footprint(env)
    outcome = []

    def render():
        try:
            outcome.append(session.get(url, timeout=600))
        except requests.RequestException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=render)
    thread.start()
    # cut while the PDF is being drawn (wkhtmltopdf runs), or after 20 s at most
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        drawing = subprocess.run(
            ["pgrep", "-g", str(stack.server.pid), "wkhtmltopdf"],
            capture_output=True,
            check=False,
        )
        if drawing.returncode == 0:
            break
        time.sleep(0.2)
    stack.kill_odoo(signal.SIGKILL)
    thread.join(timeout=120)
    assert outcome and not (
        isinstance(outcome[0], requests.Response) and outcome[0].status_code == 200
    ), "the report finished before the kill: nothing was cut"
    stack.start_odoo()
    env = stack.client().env
    assert _footprint(env) == before, "the cut request left something behind"
    again = session.get(url, timeout=600)
    print(f"Odoo killed during the report: {len(again.content)} bytes rendered after")
    assert again.status_code == 200 and again.content.startswith(b"%PDF")
