"""The users' journeys, as the Odoo 18 web client makes them (locust, FastHttpUser).

Run by tests/load/run.sh (headless, bounded by --users and --run-time, loopback only).
Every journey is the sequence of requests the web client sends for it: the JSON-RPC
routes /web/action/load, /web/action/run, /web/dataset/call_kw/<model>/<method> and
/web/dataset/call_button/<model>/<method>, and /report/download for a PDF. Each request
is a row of locust's statistics; each journey is also one row of type JOURNEY (its whole
duration), failed when any of its requests failed or read stale data.

Stale data: after a write, the web client reloads the record (web_read). With a read
replica, that read is a read-only request and goes to the replica; the journey checks
that it sees what was just written (a mission "submitted", an assessment "validated").

Environment: ILO_LOAD_DB, ILO_LOAD_PASSWORD (the journey users', made by
setup_users.py), ILO_LOAD_TIMEOUT (seconds per request, 120).
"""

import datetime
import json
import os
import random
import re
import time
import uuid

from locust import FastHttpUser, between, task

DB = os.environ.get("ILO_LOAD_DB", "ilo_prod")
PASSWORD = os.environ.get("ILO_LOAD_PASSWORD", "ilo-load-test")
TIMEOUT = float(os.environ.get("ILO_LOAD_TIMEOUT", "120"))
CSRF_RE = re.compile(r'csrf_token: "([^"]+)"')

MISSION_SPEC = {
    "name": {},
    "state": {},
    "project_id": {"fields": {"display_name": {}}},
    "country_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "member_ids": {"fields": {"display_name": {}}},
    "date_start": {},
    "date_end": {},
    "terms_of_reference": {},
    "budget_planned": {},
}
ASSESSMENT_LINE_SPEC = {
    "part_id": {"fields": {"display_name": {}}},
    "coverage_basis": {},
    "coverage_rate": {},
    "benefit_rate": {},
    "result": {},
}
ASSESSMENT_SPEC = {
    "name": {},
    "state": {},
    "c102_country_id": {"fields": {"display_name": {}}},
    "date": {},
    "author_id": {"fields": {"display_name": {}}},
    "compliant_count": {},
    "gap_count": {},
    "review_count": {},
    "line_ids": {"fields": ASSESSMENT_LINE_SPEC},
}
BUDGET_MEASURES = [
    "amount_planned_company:sum",
    "amount_committed_company:sum",
    "amount_actual_company:sum",
    "amount_available_company:sum",
    "__count",
]


class JourneyError(Exception):
    """A request of the journey failed (already recorded as a failed request)."""


class OdooUser(FastHttpUser):
    abstract = True
    wait_time = between(1, 3)  # a person's think time between two journeys
    network_timeout = TIMEOUT
    connection_timeout = TIMEOUT
    login = ""

    # --- plumbing --------------------------------------------------------------------
    def on_start(self):
        self._rpc_id = 0
        info = self.rpc(
            "/web/session/authenticate",
            {"db": DB, "login": self.login, "password": PASSWORD},
            name="/web/session/authenticate",
        )
        if not info.get("uid"):
            raise JourneyError(f"login refused for {self.login}")
        self.user_context = info["user_context"]
        # the web client's page: the browser loads it once per session (CSRF token)
        with self.client.get("/odoo", name="GET /odoo", catch_response=True) as resp:
            match = CSRF_RE.search(resp.text or "")
            if resp.status_code != 200 or not match:
                resp.failure(f"web client page: HTTP {resp.status_code}, no CSRF token")
                raise JourneyError("no web client page")
            self.csrf_token = match.group(1)
        self.prepare()

    def prepare(self):
        """Reference data a person would pick from (projects, countries...)."""

    def rpc(self, url, params, name):
        self._rpc_id += 1
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": self._rpc_id,
            "params": params,
        }
        with self.client.post(
            url, json=payload, name=name, catch_response=True
        ) as resp:
            if resp.status_code != 200:
                resp.failure(f"HTTP {resp.status_code}")
                raise JourneyError(f"{name}: HTTP {resp.status_code}")
            try:
                data = resp.json()
            except ValueError:
                resp.failure("not JSON")
                raise JourneyError(f"{name}: not JSON") from None
            if "error" in data:
                error = data["error"].get("data", {}).get("message") or data["error"]
                resp.failure(f"Odoo error: {error}")
                raise JourneyError(f"{name}: {error}")
            return data["result"]

    def call(self, model, method, *args, **kwargs):
        kwargs.setdefault("context", self.user_context)
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
            name=f"call_kw {model}.{method}",
        )

    def button(self, model, method, ids):
        return self.rpc(
            f"/web/dataset/call_button/{model}/{method}",
            {
                "model": model,
                "method": method,
                "args": [ids],
                "kwargs": {"context": self.user_context},
            },
            name=f"call_button {model}.{method}",
        )

    def load_action(self, xmlid):
        return self.rpc(
            "/web/action/load",
            {"action_id": xmlid, "context": self.user_context},
            name="/web/action/load",
        )

    def get_views(self, model, action, views):
        return self.call(
            model,
            "get_views",
            views=[[False, view] for view in views],
            options={
                "action_id": action.get("id") or False,
                "load_filters": True,
                "toolbar": True,
            },
        )

    def expect(self, ok, name, message):
        """A check on what the server answered (e.g. a stale read from a replica)."""
        if not ok:
            self.environment.events.request.fire(
                request_type="CHECK",
                name=name,
                response_time=0,
                response_length=0,
                exception=JourneyError(message),
                context={},
            )
            raise JourneyError(message)

    def journey(self, name, steps):
        start = time.perf_counter()
        error = None
        try:
            steps()
        except Exception as exc:  # noqa: BLE001 - every failure is recorded
            error = exc
        self.environment.events.request.fire(
            request_type="JOURNEY",
            name=name,
            response_time=(time.perf_counter() - start) * 1000,
            response_length=0,
            exception=error,
            context={},
        )


class ProgrammeOfficer(OdooUser):
    """Opens the mission calendar, creates a mission and submits it for approval."""

    weight = 3
    login = "ilo.load.officer"

    def prepare(self):
        self.projects = [
            p["id"]
            for p in self.call(
                "project.project",
                "search_read",
                domain=[("is_partnership", "=", True)],
                fields=["id"],
            )
        ]
        self.countries = [
            c["id"]
            for c in self.call(
                "res.country",
                "search_read",
                domain=[
                    ("code", "in", ["SN", "CI", "TD", "TL", "KE", "JO", "MA", "PE"])
                ],
                fields=["id"],
            )
        ]

    @task
    def calendar_create_submit(self):
        self.journey(
            "officer: mission calendar, create, submit", self._calendar_create_submit
        )

    def _calendar_create_submit(self):
        model = "ilo.advisory.mission"
        action = self.load_action("ilo_issa_partnership.ilo_advisory_mission_action")
        self.get_views(model, action, ["calendar", "form", "search"])
        today = datetime.date.today()
        first = today.replace(day=1)
        last = (first + datetime.timedelta(days=32)).replace(day=1)
        self.call(
            model,
            "search_read",
            domain=[("date_start", "<", str(last)), ("date_end", ">=", str(first))],
            fields=[
                "name",
                "date_start",
                "date_end",
                "project_id",
                "country_id",
                "member_ids",
                "state",
                "user_id",
                "display_name",
            ],
        )
        # "New": defaults, then save, then Submit, then the form reloads the record
        self.call(model, "onchange", [], {}, [], MISSION_SPEC)
        start = today + datetime.timedelta(days=random.randint(10, 200))
        values = {
            "name": f"Load-test mission {uuid.uuid4().hex[:8]}",
            "project_id": random.choice(self.projects),
            "country_id": random.choice(self.countries),
            "date_start": str(start),
            "date_end": str(start + datetime.timedelta(days=random.randint(1, 6))),
        }
        [mission] = self.call(model, "web_save", [], values, specification=MISSION_SPEC)
        self.button(model, "action_submit", [mission["id"]])
        records = self.call(
            model, "web_read", [mission["id"]], specification=MISSION_SPEC
        )
        self.expect(
            records and records[0]["state"] == "submitted",
            "stale read: mission after submit",
            f"mission {mission['id']} read back as "
            f"{records[0]['state'] if records else 'missing'} after action_submit",
        )


class FinanceOfficer(OdooUser):
    """Opens the budget analysis: the pivot, area x funding source, four measures."""

    weight = 2
    login = "ilo.load.finance"

    @task
    def budget_pivot(self):
        self.journey("finance: budget pivot", self._budget_pivot)

    def _budget_pivot(self):
        model = "ilo.budget.line"
        action = self.load_action("ilo_issa_partnership.ilo_budget_line_action_pivot")
        self.get_views(model, action, ["pivot", "graph", "list", "search"])
        # the pivot asks one read_group per combination of row and column group-bys
        for groupby in (
            [],
            ["collaboration_area_id"],
            ["funding_source_id"],
            ["collaboration_area_id", "funding_source_id"],
        ):
            self.call(model, "read_group", [], BUDGET_MEASURES, groupby, lazy=False)


class Leadership(OdooUser):
    """Opens the partnership dashboard, then prints the partnership report (PDF)."""

    weight = 1
    login = "ilo.load.leader"

    @task
    def dashboard_and_report(self):
        self.journey(
            "leadership: dashboard + partnership report PDF", self._dashboard_and_report
        )

    def _dashboard_and_report(self):
        # the dashboard: a server action opening the client action, which asks for
        # its data in one call
        action = self.load_action(
            "ilo_issa_partnership.ilo_partnership_dashboard_action"
        )
        opened = self.rpc(
            "/web/action/run",
            {"action_id": action["id"], "context": self.user_context},
            name="/web/action/run",
        )
        data = self.call("ilo.partnership.dashboard", "get_dashboard_data")
        self.expect(
            (opened or {}).get("tag") == "ilo_partnership_dashboard"
            and (data or {}).get("figures"),
            "stale read: dashboard",
            "the dashboard's data came back empty",
        )
        # Reporting > Partnership Report (PDF): the period wizard, Print, the download
        wizard_model = "ilo.partnership.report.wizard"
        action = self.load_action(
            "ilo_issa_partnership.ilo_partnership_report_wizard_action"
        )
        self.get_views(wizard_model, action, ["form"])
        wspec = {"date_from": {}, "date_to": {}}
        defaults = self.call(wizard_model, "onchange", [], {}, [], wspec)["value"]
        [wizard] = self.call(
            wizard_model, "web_save", [], defaults, specification=wspec
        )
        report = self.button(wizard_model, "action_print", [wizard["id"]])
        ids = ",".join(str(i) for i in report["context"]["active_ids"])
        url = f"/report/pdf/{report['report_name']}/{ids}"
        with self.client.post(
            "/report/download",
            data={
                "data": json.dumps([url, "qweb-pdf"]),
                "context": json.dumps(self.user_context),
                "csrf_token": self.csrf_token,
            },
            name="/report/download (partnership report PDF)",
            catch_response=True,
        ) as resp:
            if resp.status_code != 200 or not (resp.content or b"").startswith(b"%PDF"):
                resp.failure(f"HTTP {resp.status_code}, not a PDF")
                raise JourneyError("partnership report: no PDF")


class CampaignOfficer(OdooUser):
    """Opens the gap assessments, records one for a country and validates it."""

    weight = 2
    login = "ilo.load.campaign"

    def prepare(self):
        self.countries = [
            c["id"]
            for c in self.call("c102.country", "search_read", domain=[], fields=["id"])
        ]
        self.parts = [
            p["id"]
            for p in self.call("c102.part", "search_read", domain=[], fields=["id"])
        ]

    @task
    def assess_and_validate(self):
        self.journey("campaign: gap assessment, validate", self._assess_and_validate)

    def _assess_and_validate(self):
        model = "c102.gap.assessment"
        action = self.load_action("c102_campaign.c102_gap_assessment_action")
        self.get_views(model, action, ["list", "form", "search"])
        self.call(
            model,
            "web_search_read",
            domain=[],
            specification={k: v for k, v in ASSESSMENT_SPEC.items() if k != "line_ids"},
            offset=0,
            limit=80,
            order="",
            count_limit=10001,
        )
        self.call(model, "onchange", [], {}, [], ASSESSMENT_SPEC)
        lines = [
            (
                0,
                0,
                {
                    "part_id": part,
                    "coverage_basis": "employees",
                    "coverage_rate": random.choice([30, 50, 60, 80]),
                    "benefit_rate": random.choice([30, 40, 45, 50]),
                },
            )
            for part in random.sample(self.parts, k=min(3, len(self.parts)))
        ]
        values = {
            "c102_country_id": random.choice(self.countries),
            "source_document": "Load test: comparative study",
            "line_ids": lines,
        }
        [assessment] = self.call(
            model, "web_save", [], values, specification=ASSESSMENT_SPEC
        )
        self.button(model, "action_validate", [assessment["id"]])
        records = self.call(
            model, "web_read", [assessment["id"]], specification=ASSESSMENT_SPEC
        )
        self.expect(
            records and records[0]["state"] == "validated",
            "stale read: assessment after validate",
            f"assessment {assessment['id']} read back as "
            f"{records[0]['state'] if records else 'missing'} after action_validate",
        )
