"""Concurrency: two clients updating the same budget line or advancing the same
mission at once, with real concurrent XML-RPC calls (threads released together by a
barrier) against the running, threaded server.

What must hold:

- Budget line: both writes succeed (PostgreSQL detects the concurrent update of the
  row and Odoo retries the loser's whole request; the serialization failure never
  reaches the client). No update is lost: the addons have no atomic increment, so
  "lost" means a write that succeeded but left no trace, or a write computed from a
  stale state. The tracking of the line shows every write exactly once, in a serial
  order whose old values chain (each write saw the one before it), each write's
  planned and committed amounts together (no torn write), and the final values equal
  the last write's.
- Mission: the same transition requested twice at once: one wins, the other gets a
  readable UserError naming the states; approve and cancel at once: either both
  apply, one after the other, or the second is refused. The state history
  (tracking) is a chain of allowed transitions, each transition once, none skipped.

Every round is bounded in time (barrier, socket and join timeouts).
"""

import threading
import time
import xmlrpc.client

import pytest

ROUNDS = 6
ROUND_TIMEOUT = 60  # seconds; Odoo's retries sleep up to 2, 4, 8... seconds
MANAGERS = ("ilo_conc_manager_a", "ilo_conc_manager_b")
PASSWORD = "ilo-concurrency-pw"
# The mission workflow (ilo_advisory_mission.py): the transitions each action makes.
TRANSITIONS = {
    ("draft", "submitted"),
    ("submitted", "approved"),
    ("approved", "ongoing"),
    ("ongoing", "done"),
    ("draft", "cancelled"),
    ("submitted", "cancelled"),
    ("approved", "cancelled"),
    ("ongoing", "cancelled"),
    ("submitted", "draft"),
    ("cancelled", "draft"),
}


class TimeoutTransport(xmlrpc.client.Transport):
    def __init__(self, timeout):
        super().__init__()
        self.timeout = timeout

    def make_connection(self, host):
        connection = super().make_connection(host)
        connection.timeout = self.timeout
        return connection


class User:
    """One XML-RPC client (one connection: use it from one thread at a time)."""

    def __init__(self, server, login, password):
        self.server, self.login, self.password = server, login, password
        common = xmlrpc.client.ServerProxy(f"{server['url']}/xmlrpc/2/common")
        self.uid = common.authenticate(server["db"], login, password, {})
        assert self.uid, f"cannot log in as {login}"
        self.proxy = xmlrpc.client.ServerProxy(
            f"{server['url']}/xmlrpc/2/object",
            allow_none=True,
            transport=TimeoutTransport(ROUND_TIMEOUT),
        )

    def __call__(self, model, method, *args, **kwargs):
        return self.proxy.execute_kw(
            self.server["db"],
            self.uid,
            self.password,
            model,
            method,
            list(args),
            kwargs,
        )


def race(*calls):
    """Run ``(user, model, method, args)`` calls in threads released together.
    Returns, per call, a dict: ok, result or fault code and message, start and end."""
    barrier = threading.Barrier(len(calls), timeout=ROUND_TIMEOUT)
    results = [None] * len(calls)

    def run(index, user, model, method, args):
        barrier.wait()
        outcome = {"user": user.login, "method": method, "start": time.monotonic()}
        try:
            outcome.update(ok=True, result=user(model, method, *args))
        except xmlrpc.client.Fault as fault:
            outcome.update(ok=False, code=fault.faultCode, message=fault.faultString)
        except Exception as error:  # noqa: BLE001 -- reported by the assertions
            outcome.update(ok=False, code=None, message=repr(error))
        outcome["end"] = time.monotonic()
        results[index] = outcome

    threads = [
        threading.Thread(target=run, args=(i, *call), daemon=True)
        for i, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(ROUND_TIMEOUT)
    assert not any(t.is_alive() for t in threads), "a concurrent call did not return"
    return results


def overlapped(results):
    first, second = results
    return first["start"] < second["end"] and second["start"] < first["end"]


def assert_clean_refusal(outcome):
    """A refused call: a UserError (fault code 2) with a readable message."""
    message = outcome["message"] or ""
    assert outcome["code"] == 2, f"not a UserError: {outcome}"
    assert message.strip() and "Traceback" not in message, outcome
    assert "serializ" not in message.lower(), outcome


@pytest.fixture(scope="module")
def world(server):
    admin = User(server, server["login"], server["password"])

    def ref(xmlid):
        module, name = xmlid.split(".")
        rows = admin(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            fields=["res_id"],
        )
        return rows[0]["res_id"]

    groups = [
        ref("base.group_user"),
        ref("ilo_issa_partnership.group_partnership_manager"),
    ]
    for login in MANAGERS:
        values = {
            "name": f"Concurrency manager {login[-1].upper()}",
            "login": login,
            "password": PASSWORD,
            "active": True,
            "groups_id": [(6, 0, groups)],
        }
        existing = admin(
            "res.users",
            "search",
            [("login", "=", login)],
            context={"active_test": False},
        )
        if existing:
            admin("res.users", "write", existing, values)
        else:
            admin("res.users", "create", values)
    tag = str(time.time_ns())
    company = admin("res.users", "read", [admin.uid], ["company_id"])[0]["company_id"]
    project = admin(
        "project.project",
        "create",
        {
            "name": f"Concurrency project {tag}",
            "collaboration_area_id": ref("ilo_issa_partnership.area_advisory"),
            "company_id": company[0],
        },
    )
    source = admin(
        "ilo.funding.source",
        "create",
        {
            "name": "Concurrency source",
            "code": f"CONC-{tag}",
            "amount": 1e9,
            "company_id": company[0],
        },
    )
    country = admin("res.country", "search", [("code", "=", "SN")])[0]
    world = {
        "admin": admin,
        "a": User(server, MANAGERS[0], PASSWORD),
        "b": User(server, MANAGERS[1], PASSWORD),
        "project": project,
        "source": source,
        "country": country,
        "labels": {
            label: key
            for key, label in admin(
                "ilo.advisory.mission",
                "fields_get",
                ["state"],
                attributes=["selection"],
            )["state"]["selection"]
        },
    }
    yield world
    # Clean up what can be: budget lines without commitments, then the missions back
    # to draft, the source and the project; the rest is archived.
    lines = admin(
        "ilo.budget.line",
        "search",
        [("project_id", "=", project)],
        context={"active_test": False},
    )
    missions = admin("ilo.advisory.mission", "search", [("project_id", "=", project)])
    for model, ids, reset in (
        ("ilo.budget.line", lines, {"amount_committed": 0}),
        ("ilo.advisory.mission", missions, {"state": "draft"}),
        ("ilo.funding.source", [source], {}),
        ("project.project", [project], {}),
    ):
        for record_id in ids:
            try:
                if reset:
                    admin(model, "write", [record_id], reset)
                admin(model, "unlink", [record_id])
            except xmlrpc.client.Fault:
                try:
                    admin(model, "write", [record_id], {"active": False})
                except xmlrpc.client.Fault:
                    pass


def tracking(admin, model, record_id, fields):
    """The tracked changes of ``fields`` on a record, in commit order:
    [(message id, field, old, new)]."""
    field_ids = {
        f["id"]: f["name"]
        for f in admin(
            "ir.model.fields",
            "search_read",
            [("model", "=", model), ("name", "in", fields)],
            fields=["name"],
        )
    }
    rows = admin(
        "mail.tracking.value",
        "search_read",
        [
            ("mail_message_id.model", "=", model),
            ("mail_message_id.res_id", "=", record_id),
            ("field_id", "in", list(field_ids)),
        ],
        fields=[
            "field_id",
            "mail_message_id",
            "old_value_float",
            "new_value_float",
            "old_value_char",
            "new_value_char",
        ],
        order="id",
    )
    changes = []
    for row in rows:
        name = field_ids[row["field_id"][0]]
        if name == "state":
            old, new = row["old_value_char"], row["new_value_char"]
        else:
            old, new = row["old_value_float"], row["new_value_float"]
        changes.append((row["mail_message_id"][0], name, old, new))
    return changes


def test_concurrent_budget_line_writes(world):
    admin, a, b = world["admin"], world["a"], world["b"]
    line = admin(
        "ilo.budget.line",
        "create",
        {
            "project_id": world["project"],
            "funding_source_id": world["source"],
            "category": "travel",
            "date_from": "2026-01-01",
            "date_to": "2026-12-31",
            "amount_planned": 1000.0,
        },
    )
    started = time.monotonic()
    written = {"amount_planned": [], "amount_committed": []}
    overlaps = 0
    for r in range(ROUNDS):
        # Each write is identifiable: planned 2000 + k goes with committed 100 + k.
        values = [
            {"amount_planned": 2000.0 + k, "amount_committed": 100.0 + k}
            for k in (2 * r, 2 * r + 1)
        ]
        results = race(
            (a, "ilo.budget.line", "write", [[line], values[0]]),
            (b, "ilo.budget.line", "write", [[line], values[1]]),
        )
        for outcome in results:
            assert outcome["ok"], f"a concurrent write was refused: {outcome}"
        for vals in values:
            for field, value in vals.items():
                written[field].append(value)
        overlaps += overlapped(results)
    elapsed = time.monotonic() - started

    changes = tracking(
        admin, "ilo.budget.line", line, ["amount_planned", "amount_committed"]
    )
    final = admin(
        "ilo.budget.line", "read", [line], ["amount_planned", "amount_committed"]
    )[0]
    initial = {"amount_planned": 1000.0, "amount_committed": 0.0}
    for field in written:
        chain = [(old, new) for _msg, name, old, new in changes if name == field]
        # every successful write recorded once: nothing lost, nothing doubled
        assert sorted(new for _old, new in chain) == sorted(written[field]), chain
        # a serial order: each write saw the result of the one before it
        previous = initial[field]
        for old, new in chain:
            assert old == previous, f"{field}: stale write {old} -> {new}: {chain}"
            previous = new
        assert final[field] == previous, (final, chain)
    # no torn write: each tracking message holds one client's planned and committed
    by_message = {}
    for msg, name, _old, new in changes:
        by_message.setdefault(msg, {})[name] = new
    for amounts in by_message.values():
        assert amounts["amount_planned"] - 2000 == amounts["amount_committed"] - 100
    assert final["amount_planned"] - 2000 == final["amount_committed"] - 100
    assert overlaps, "the two clients never ran at the same time"
    print(f"budget line: {ROUNDS} rounds, {overlaps} overlapping, {elapsed:.1f}s")


def new_mission(world, round_index):
    admin = world["admin"]
    mission = admin(
        "ilo.advisory.mission",
        "create",
        {
            "name": f"Concurrency mission {round_index}",
            "project_id": world["project"],
            "country_id": world["country"],
            "date_start": "2026-05-04",
            "date_end": "2026-05-08",
        },
    )
    admin(
        "ilo.budget.line",
        "create",
        {
            "project_id": world["project"],
            "funding_source_id": world["source"],
            "mission_id": mission,
            "category": "travel",
            "date_from": "2026-01-01",
            "date_to": "2026-12-31",
            "amount_planned": 500.0,
        },
    )
    return mission


def state_chain(world, mission):
    labels = world["labels"]
    changes = tracking(world["admin"], "ilo.advisory.mission", mission, ["state"])
    return [(labels[old], labels[new]) for _msg, _name, old, new in changes]


def test_same_transition_at_once(world):
    """Submit, approve, start: each requested by both managers at once."""
    admin, a, b = world["admin"], world["a"], world["b"]
    started, overlaps = time.monotonic(), 0
    for r in range(ROUNDS):
        mission = new_mission(world, r)
        for method in ("action_submit", "action_approve", "action_start"):
            results = race(
                (a, "ilo.advisory.mission", method, [[mission]]),
                (b, "ilo.advisory.mission", method, [[mission]]),
            )
            overlaps += overlapped(results)
            winners = [o for o in results if o["ok"]]
            assert len(winners) == 1, f"{method}: {results}"
            loser = next(o for o in results if not o["ok"])
            assert_clean_refusal(loser)
            assert "cannot go from" in loser["message"], loser
        assert state_chain(world, mission) == [
            ("draft", "submitted"),
            ("submitted", "approved"),
            ("approved", "ongoing"),
        ]
        state = admin("ilo.advisory.mission", "read", [mission], ["state"])[0]["state"]
        assert state == "ongoing"
    assert overlaps, "the two clients never ran at the same time"
    print(
        f"missions: {ROUNDS} x 3 transitions, {overlaps} overlapping, "
        f"{time.monotonic() - started:.1f}s"
    )


def test_approve_and_cancel_at_once(world):
    """A submitted mission approved by one manager and cancelled by the other at the
    same moment: approve then cancel (both apply), or cancel then approve (refused)."""
    admin, a, b = world["admin"], world["a"], world["b"]
    seen = set()
    for r in range(ROUNDS):
        mission = new_mission(world, f"x{r}")
        admin("ilo.advisory.mission", "action_submit", [mission])
        first, second = (a, b) if r % 2 else (b, a)
        results = race(
            (first, "ilo.advisory.mission", "action_approve", [[mission]]),
            (second, "ilo.advisory.mission", "action_cancel", [[mission]]),
        )
        approve, cancel = results
        assert cancel["ok"], cancel  # cancelling is allowed from both states
        chain = state_chain(world, mission)
        if approve["ok"]:
            assert chain == [
                ("draft", "submitted"),
                ("submitted", "approved"),
                ("approved", "cancelled"),
            ], chain
            seen.add("approve first")
        else:
            assert_clean_refusal(approve)
            assert chain == [("draft", "submitted"), ("submitted", "cancelled")], chain
            seen.add("cancel first")
        assert all(step in TRANSITIONS for step in chain)
        state = admin("ilo.advisory.mission", "read", [mission], ["state"])[0]["state"]
        assert state == chain[-1][1] == "cancelled"
    print(f"approve/cancel races: {sorted(seen)}")
