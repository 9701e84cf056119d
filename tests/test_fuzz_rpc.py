"""Bad input never breaks anything: property-based fuzzing (hypothesis) of every
writable model of both addons, over XML-RPC and JSON-RPC, as admin and as a programme
officer.

The models are found at runtime: ``ir.model`` records whose modules include one of the
addons, not transient, and writable by some group (``ir.model.access`` with create or
write; this leaves out abstract mixins and the reporting SQL views, which only have read
access). Their fields come from ``fields_get``; on models the addons only extend
(projects, partners, analytic lines) only the addons' own fields are fuzzed.

Every ``create``/``write`` either succeeds or is refused with one of the exceptions a
user is meant to see, with a readable message:

- ``UserError``: a business rule refuses the operation (workflow, budget control);
- ``ValidationError``: a constraint or an invalid value (Odoo also turns SQL
  constraint violations into it);
- ``AccessError``: access rights or record rules (records of another company, a
  private project);
- ``MissingError``: the record does not exist (ids that were never created).

Over XML-RPC (``/xmlrpc/2/object``) the fault code tells them apart: 2 for the
``UserError`` family (``ValidationError`` and ``MissingError`` are subclasses), 4 for
``AccessError``; code 1 carries a traceback: an internal error. Over JSON-RPC the
exception's name is in ``error.data.name``. Anything else (``ValueError``,
``TypeError``, a psycopg2 error, an HTTP 500) is a failure, reported with the payload.

After a refused call the database is unchanged (record count of the model and of the
models of the x2many values sent, the values of the targeted record, the latest
``mail.message``). Values that are certainly wrong (wrong types, unknown selection
values, impossible dates, reversed date pairs, unknown fields) must be refused, not
silently coerced. Html fields never keep ``<script>`` or ``onerror``.

A JSON summary goes to ``$ILO_FUZZ_REPORT``, else
``~/.local/state/ilo-issa/logs/fuzz-summary.json``.
"""

import base64
import datetime
import http.cookiejar
import json
import math
import os
import time
import urllib.error
import urllib.request
import xmlrpc.client
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ADDONS = {"ilo_issa_partnership", "c102_campaign"}
ACCEPTED = {
    "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError",
    "odoo.exceptions.AccessError",
    "odoo.exceptions.MissingError",
}
XMLRPC_KINDS = {2: "xmlrpc:UserError family", 4: "xmlrpc:AccessError"}
# Mail, activity and rating plumbing inherited from mail: not the addons' fields.
PLUMBING = ("message_", "activity_", "rating_", "website_message_")
X2MANY = ("one2many", "many2many")
FUZZ_CASES = int(os.environ.get("ILO_FUZZ_CASES", "600"))
OFFICER_LOGIN = "ilo_fuzz_officer"
OFFICER_PASSWORD = "ilo-fuzz-officer-pw"
PORTAL_LOGIN = "ilo_fuzz_counterpart"
PORTAL_PASSWORD = "ilo-fuzz-counterpart-pw"
PORTAL_EMAIL = "counterpart@fuzz.example"
XSS = (
    "<p>ok</p><script>alert(1)</script><img src=x onerror=alert(1)>"
    '<a href="javascript:alert(1)">x</a><iframe src="https://example.com"></iframe>'
)
HUGE = "x" * 100_000
MISSING_ID = 2_000_000_000
INT32 = 2**31 - 1


def _xml_safe(value):
    """Whether xmlrpc.client can marshal ``value`` into a valid XML document."""
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, int):
        return -INT32 - 1 <= value <= INT32
    if isinstance(value, float):
        return True
    if isinstance(value, str):
        return not any(
            (ord(c) < 32 and c not in "\t\n\r")
            or 0xD800 <= ord(c) <= 0xDFFF
            or ord(c) in (0xFFFE, 0xFFFF)
            for c in value
        )
    if isinstance(value, list | tuple):
        return all(_xml_safe(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _xml_safe(v) for k, v in value.items())
    return False


def _short(value, limit=120):
    """A payload value shortened for the report."""
    if isinstance(value, str) and len(value) > limit:
        return f"<str of {len(value)} chars: {value[:40]!r}...>"
    if isinstance(value, dict):
        return {k: _short(v, limit) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_short(v, limit) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    return value


class _Markup(HTMLParser):
    """Collects what would run in a browser: script elements, event handler
    attributes, javascript: links."""

    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"{tag} {name}=javascript:")


def markup_problems(html):
    parser = _Markup()
    parser.feed(html or "")
    parser.close()
    return parser.problems


def _readable(message):
    text = (message or "").strip()
    return bool(text) and "Traceback" not in text and 'File "/' not in text


class Client:
    """One user's XML-RPC and JSON-RPC access to the server."""

    def __init__(self, server, login, password):
        self.url, self.db, self.password = server["url"], server["db"], password
        self.login = login
        common = xmlrpc.client.ServerProxy(f"{self.url}/xmlrpc/2/common")
        self.uid = common.authenticate(self.db, login, password, {})
        assert self.uid, f"cannot log in as {login}"
        self.proxy = xmlrpc.client.ServerProxy(
            f"{self.url}/xmlrpc/2/object", allow_none=True
        )

    def __call__(self, model, method, *args, **kwargs):
        """Plain XML-RPC call that raises on any fault (setup and snapshots)."""
        return self.proxy.execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kwargs
        )

    def session(self):
        """A web session (cookie) for the JSON routes of the web client: returns
        ``post(path, params) -> reply``."""
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

        def post(path, params):
            body = {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
            request = urllib.request.Request(
                f"{self.url}{path}",
                json.dumps(body).encode(),
                {"Content-Type": "application/json"},
            )
            with opener.open(request, timeout=120) as response:
                return json.loads(response.read())

        reply = post(
            "/web/session/authenticate",
            {"db": self.db, "login": self.login, "password": self.password},
        )
        assert "error" not in reply, reply
        return post

    def call(self, protocol, model, method, args, kwargs=None):
        """Return ``(ok, result_or_kind, message)``; never raises."""
        kwargs = kwargs or {}
        if protocol == "xmlrpc":
            try:
                return True, self(model, method, *args, **kwargs), ""
            except xmlrpc.client.Fault as fault:
                kind = XMLRPC_KINDS.get(fault.faultCode)
                if not kind:  # a traceback: name the error by its last line
                    last = fault.faultString.strip().splitlines()[-1:] or ["?"]
                    kind = f"xmlrpc:fault {fault.faultCode}: {last[0].split(':')[0]}"
                return False, kind, fault.faultString
            except xmlrpc.client.ProtocolError as error:
                return False, f"HTTP {error.errcode}", error.errmsg
        body = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {
                "service": "object",
                "method": "execute_kw",
                "args": [self.db, self.uid, self.password, model, method, args, kwargs],
            },
        }
        request = urllib.request.Request(
            f"{self.url}/jsonrpc",
            json.dumps(body).encode(),
            {"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                reply = json.loads(response.read())
        except urllib.error.HTTPError as error:
            return (
                False,
                f"HTTP {error.code}",
                error.read()[:2000].decode("utf-8", "replace"),
            )
        if "error" in reply:
            data = reply["error"].get("data") or {}
            return False, data.get("name", "?"), data.get("message", "")
        return True, reply["result"], ""


# --- the world the fuzzer plays in -------------------------------------------------


class World:
    """Discovered models and fields, the records the fuzz owns, pools of ids."""

    def __init__(self, admin, officer, server):
        self.admin, self.officer, self.server = admin, officer, server
        self.models = {}  # model -> {field: description}
        self.own = set()  # models the addons define (not only extend)
        self.create_defaults = {}  # model -> values for required non-fuzzed fields
        self.skipped = {}  # model -> why it is not fuzzed
        self.owned = defaultdict(list)  # model -> ids created by the fuzz (cleanup)
        self.good = defaultdict(list)  # comodel -> ids a good value may use
        self.hidden = defaultdict(list)  # comodel -> ids the officer may not see
        self.targets = defaultdict(list)  # model -> ids to write on
        self.hidden_targets = defaultdict(list)  # model -> ids the officer may not see
        self.restore = {}  # (model, id) -> values to put back (records not owned)
        self.tag = str(time.time_ns())
        self.snapshots = {}  # parts of the database state already read (snapshot)

    def ref(self, xmlid):
        module, name = xmlid.split(".")
        rows = self.admin(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            fields=["res_id"],
        )
        return rows[0]["res_id"]

    def make(self, model, vals, hidden=False, good=True, target=True):
        record_id = self.admin(model, "create", vals)
        self.owned[model].append(record_id)
        if good:
            (self.hidden if hidden else self.good)[model].append(record_id)
        if target:
            self.targets[model].append(record_id)
        return record_id

    # -- discovery --
    def discover(self):
        admin = self.admin
        models = admin(
            "ir.model", "search_read", [], fields=["model", "transient", "modules"]
        )
        ours = [m for m in models if ADDONS & set(m["modules"].split(", "))]
        access = admin(
            "ir.model.access",
            "search_read",
            [("model_id", "in", [m["id"] for m in ours])],
            fields=["model_id", "perm_write", "perm_create"],
        )
        writable = {
            a["model_id"][0] for a in access if a["perm_write"] or a["perm_create"]
        }
        for model in ours:
            name = model["model"]
            if model["transient"]:
                self.skipped[name] = "transient (wizard)"
                continue
            if model["id"] not in writable:
                self.skipped[name] = "no create/write access: mixin or SQL view"
                continue
            own = set(model["modules"].split(", ")) <= ADDONS
            if own:
                self.own.add(name)
            rows = admin(
                "ir.model.fields",
                "search_read",
                [("model_id", "=", model["id"])],
                fields=["name", "modules", "related"],
            )
            # Own models: every field but the mail plumbing. Extended models: the
            # fields the addons add (not those delegated to another model).
            names = [
                r["name"]
                for r in rows
                if not r["name"].startswith(PLUMBING)
                and (
                    own
                    or set((r["modules"] or "").split(", ")) <= ADDONS
                    and not r["related"]
                )
            ]
            if not names:
                self.skipped[name] = "the addons add no field of their own"
                continue
            described = admin(
                name,
                "fields_get",
                names,
                attributes=["type", "readonly", "required", "relation", "selection"],
            )
            fields = {
                field: desc
                for field, desc in described.items()
                if not desc.get("readonly") and desc["type"] not in ("properties",)
            }
            if not fields:
                self.skipped[name] = "the addons add no writable field"
                continue
            self.models[name] = fields
            self.create_defaults[name] = self._required_defaults(name, fields)

    def _required_defaults(self, model, fuzzed):
        """Values of required fields the fuzz does not generate and with no default."""
        described = self.admin(model, "fields_get", [], attributes=["type", "required"])
        required = [
            f for f, d in described.items() if d.get("required") and f not in fuzzed
        ]
        defaults = self.admin(model, "default_get", required) if required else {}
        values = {}
        for field in required:
            if field in defaults:
                continue
            kind = described[field]["type"]
            if kind in ("char", "text"):
                values[field] = f"FUZZ {model} {field}"
            elif kind == "date":
                values[field] = "2026-03-01"
            elif kind in ("float", "monetary", "integer"):
                values[field] = 0
        return values

    # -- records the fuzz owns (company A), and hidden ones (company B, private) --
    def populate(self):
        admin, ref = self.admin, self.ref
        company_a = admin("res.users", "read", [admin.uid], ["company_id"])[0][
            "company_id"
        ][0]
        company_b = admin(
            "res.company",
            "search",
            [("name", "=", "ILO fuzz company B")],
            context={"active_test": False},
        )
        company_b = (
            company_b[0]
            if company_b
            else admin("res.company", "create", {"name": "ILO fuzz company B"})
        )
        admin("res.company", "write", [company_b], {"active": True})
        admin("res.users", "write", [admin.uid], {"company_ids": [(4, company_b)]})
        self.company_a, self.company_b = company_a, company_b
        self.good["res.company"] = [company_a]
        self.hidden["res.company"] = [company_b]
        context_b = {"allowed_company_ids": [company_b, company_a]}

        area = ref("ilo_issa_partnership.area_advisory")
        self.good["ilo.collaboration.area"] = admin(
            "ilo.collaboration.area", "search", [], limit=3
        )
        self.make(
            "ilo.collaboration.area",
            {"name": "FUZZ area", "code": f"fuzz{self.tag}"},
            good=False,
        )
        currency = admin("res.company", "read", [company_a], ["currency_id"])[0][
            "currency_id"
        ][0]
        self.good["res.currency"] = [currency] + admin(
            "res.currency", "search", [("id", "!=", currency)], limit=1
        )
        countries = admin("c102.country", "search_read", [], fields=["country_id"])
        taken = [c["country_id"][0] for c in countries]
        free = admin("res.country", "search", [("id", "not in", taken)], limit=4)
        self.good["res.country"] = free[1:] + taken[:2]
        self.good["res.users"] = [admin.uid, self.officer.uid]
        self.good["c102.part"] = admin("c102.part", "search", [])
        self.good["res.lang"] = admin("res.lang", "search", [], limit=2)
        partner = self.make("res.partner", {"name": "FUZZ institution"})
        self.portal = self._portal_user(partner)
        self.make(
            "ir.attachment", {"name": "fuzz.txt", "datas": "ZnV6eg=="}, target=False
        )

        # Company A: what good values point to and what writes target.
        project = self.make(
            "project.project",
            {
                "name": "FUZZ project",
                "collaboration_area_id": area,
                "company_id": company_a,
                "institution_ids": [(6, 0, [partner])],
            },
            target=False,
        )
        self.make(
            "project.project",
            {
                "name": "FUZZ project (written)",
                "collaboration_area_id": area,
                "company_id": company_a,
            },
            good=False,
        )
        # Private, non-partnership project: the officer does not see it.
        self.make(
            "project.project",
            {
                "name": "FUZZ private project",
                "privacy_visibility": "followers",
                "company_id": company_a,
            },
            hidden=True,
            target=False,
        )
        self._activities(project, company_a, currency, {})
        # Company B: invisible to the officer (multi-company rules).
        project_b = self.admin(
            "project.project",
            "create",
            {
                "name": "FUZZ project B",
                "collaboration_area_id": area,
                "company_id": company_b,
            },
            context=context_b,
        )
        self.owned["project.project"].append(project_b)
        self.hidden["project.project"].append(project_b)
        self._activities(project_b, company_b, currency, context_b, hidden=True)

        c102 = self.make("c102.country", {"country_id": free[0]})
        assessment = self.make(
            "c102.gap.assessment", {"c102_country_id": c102, "date": "2026-02-01"}
        )
        self.make(
            "c102.gap.assessment.line",
            {"assessment_id": assessment, "part_id": self.good["c102.part"][0]},
        )
        self.make(
            "c102.dialogue",
            {"c102_country_id": c102, "name": "FUZZ dialogue", "date": "2026-02-02"},
        )
        self.make(
            "c102.article3.exception", {"c102_country_id": c102, "article": "9(d)"}
        )
        # Parts of the Convention cannot be created: writes go to a real one and
        # are undone after each successful write.
        part = self.good["c102.part"][-1]
        self.targets["c102.part"] = [part]
        self.restore[("c102.part", part)] = admin(
            "c102.part", "read", [part], list(self.models.get("c102.part", {}))
        )[0]

    def _portal_user(self, institution):
        """A counterpart of the institution on the portal (kept between runs; its
        contact is moved under this run's institution)."""
        admin = self.admin
        users = admin(
            "res.users",
            "search_read",
            [("login", "=", PORTAL_LOGIN)],
            fields=["partner_id"],
            context={"active_test": False},
        )
        if users:
            admin(
                "res.partner",
                "write",
                [users[0]["partner_id"][0]],
                {"parent_id": institution, "active": True, "email": PORTAL_EMAIL},
            )
            admin(
                "res.users",
                "write",
                [users[0]["id"]],
                {"active": True, "password": PORTAL_PASSWORD},
            )
        else:
            contact = admin(
                "res.partner",
                "create",
                {
                    "name": "FUZZ counterpart",
                    "parent_id": institution,
                    "email": PORTAL_EMAIL,
                },
            )
            admin(
                "res.users",
                "create",
                {
                    "name": "FUZZ counterpart",
                    "login": PORTAL_LOGIN,
                    "password": PORTAL_PASSWORD,
                    "partner_id": contact,
                    "groups_id": [(6, 0, [self.ref("base.group_portal")])],
                },
            )
        return Client(self.server, PORTAL_LOGIN, PORTAL_PASSWORD)

    def _activities(self, project, company, currency, context, hidden=False):
        def make(model, vals):
            record_id = self.admin(model, "create", vals, context=context)
            self.owned[model].append(record_id)
            (self.hidden if hidden else self.good)[model].append(record_id)
            if not hidden:
                self.targets[model].append(record_id)
            else:
                self.hidden_targets[model].append(record_id)
            return record_id

        country = self.good["res.country"][0]
        mission = make(
            "ilo.advisory.mission",
            {
                "name": "FUZZ mission",
                "project_id": project,
                "country_id": country,
                "date_start": "2026-03-01",
                "date_end": "2026-03-05",
            },
        )
        training = make(
            "ilo.training",
            {
                "name": "FUZZ training",
                "project_id": project,
                "date_start": "2026-04-01",
                "date_end": "2026-04-03",
            },
        )
        make("ilo.training.participant", {"training_id": training, "name": "FUZZ P"})
        make("ilo.deliverable", {"name": "FUZZ deliverable", "project_id": project})
        source = make(
            "ilo.funding.source",
            {
                "name": "FUZZ source",
                "code": f"FUZZ-{company}-{self.tag}",
                "company_id": company,
                "currency_id": currency,
                "amount": 1e9,
            },
        )
        make(
            "ilo.budget.line",
            {
                "project_id": project,
                "funding_source_id": source,
                "mission_id": mission,
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
                "amount_planned": 1000.0,
            },
        )
        result = make("ilo.result", {"name": "FUZZ outcome", "project_id": project})
        indicator = make(
            "ilo.indicator", {"name": "FUZZ indicator", "result_id": result}
        )
        make(
            "ilo.indicator.period",
            {
                "indicator_id": indicator,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            },
        )

    def freeze_pools(self):
        """Fix the pools of ids before generating: hypothesis needs strategies that
        do not change while it runs."""
        for fields in self.models.values():
            for desc in fields.values():
                relation = desc.get("relation")
                if relation and relation not in self.good:
                    self.good[relation] = self.admin(relation, "search", [], limit=2)
        self.setup_owned = {m: frozenset(ids) for m, ids in self.owned.items()}

    def pool(self, relation, one2many=False):
        """(good ids, hidden ids) for a relational value."""
        good, hidden = self.good.get(relation, []), self.hidden.get(relation, [])
        if one2many:  # never move records the fuzz does not own
            owned = self.setup_owned.get(relation, frozenset())
            good = [i for i in good if i in owned]
        return good, hidden

    def cleanup(self):
        """Delete what the fuzz created: several passes, children first; archive or
        leave (reported) what cannot be deleted."""
        admin = self.admin
        found = self._created()
        for (model, record_id), values in self.restore.items():
            values = {k: v for k, v in values.items() if k != "id"}
            admin(model, "write", [record_id], values)
        leftovers = {}
        for _round in range(4):
            leftovers = {}
            for model, ids in found.items():
                ids = admin(
                    model,
                    "search",
                    [("id", "in", sorted(ids))],
                    context={"active_test": False},
                )
                for record_id in ids:
                    if not self._delete(model, record_id):
                        leftovers.setdefault(model, []).append(record_id)
                found[model] = set(leftovers.get(model, []))
            if not leftovers:
                break
        for model, ids in leftovers.items():
            for record_id in ids:
                try:
                    admin(model, "write", [record_id], {"active": False})
                except xmlrpc.client.Fault:
                    pass
        self._retire(leftovers)
        return leftovers

    def _created(self):
        """The records the fuzz created, with the children created through x2many
        commands (found by following the many2one fields)."""
        found = {m: set(ids) for m, ids in self.owned.items()}
        for _round in range(2):
            for model, fields in self.models.items():
                for field, desc in fields.items():
                    parents = found.get(desc.get("relation"))
                    if desc["type"] == "many2one" and parents:
                        ids = self.admin(
                            model,
                            "search",
                            [(field, "in", sorted(parents))],
                            context={"active_test": False},
                        )
                        found.setdefault(model, set()).update(ids)
        return found

    def _retire(self, leftovers):
        """Company B and the fuzz users leave the stage (reactivated next time)."""
        steps = []
        company_b = getattr(self, "company_b", None)
        if company_b:
            steps += [
                ("res.users", [self.admin.uid], {"company_ids": [(3, company_b)]}),
                ("res.company", [company_b], {"active": False}),
            ]
        users = [u.uid for u in (self.officer, getattr(self, "portal", None)) if u]
        steps.append(("res.users", users, {"active": False}))
        for model, ids, values in steps:
            try:
                self.admin(model, "write", ids, values)
            except xmlrpc.client.Fault:
                leftovers.setdefault(model, []).extend(ids)

    def _delete(self, model, record_id):
        """Unlink; failing that, back to the first state (draft) and unlink."""
        try:
            self.admin(model, "unlink", [record_id])
            return True
        except xmlrpc.client.Fault:
            pass
        state = self.admin(model, "fields_get", ["state"], attributes=["selection"])
        if "state" not in state:
            return False
        try:
            first = state["state"]["selection"][0][0]
            self.admin(model, "write", [record_id], {"state": first})
            self.admin(model, "unlink", [record_id])
            return True
        except xmlrpc.client.Fault:
            return False


# --- value strategies ----------------------------------------------------------------
# Each strategy gives (value, tag): "ok" (plausible), "edge" (may be accepted or
# refused), "bad" (certainly wrong: must be refused).


def _tagged(tag, strategy):
    return strategy.map(lambda value: (value, tag))


def _bad(*values):
    return _tagged("bad", st.sampled_from(values))


def _edge(*values):
    return _tagged("edge", st.sampled_from(values))


def _dates():
    return st.dates(
        min_value=datetime.date(2010, 1, 1), max_value=datetime.date(2035, 12, 31)
    ).map(str)


TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30
)


NONSENSE = ([1, 2], {"a": 1})


def _mix(clean, ok=None, edge=(), bad=()):
    """A clean case draws plausible values only; the others mix in every kind."""
    ok = _tagged("ok", ok) if ok is not None else None
    if clean:
        return ok if ok is not None else _edge(*edge)
    options = [ok] if ok is not None else []
    options += [_edge(*edge), _bad(*bad), _bad(*NONSENSE)]
    return st.one_of(options)


def value_strategy(world, desc, clean=False):
    kind = desc["type"]
    if kind in ("char", "text", "html"):
        return _mix(
            clean,
            ok=TEXT.map(lambda s: f"<p>{s}</p>") if kind == "html" else TEXT,
            edge=(HUGE, XSS, "", False, None, "<b onclick=alert(1)>x</b>", 12345),
            bad=("nul\x00byte", "lone \ud800 surrogate", True),
        )
    if kind == "integer":
        return _mix(
            clean,
            ok=st.integers(0, 500),
            edge=(-1, -INT32 - 1, INT32, 0, False, None, "12", 2.0),
            bad=("abc", 1.5, INT32 + 1, 2**63, "1e999"),
        )
    if kind in ("float", "monetary"):
        return _mix(
            clean,
            ok=st.floats(0, 1e6, allow_nan=False).map(lambda f: round(f, 2)),
            edge=(-1.0, -1e9, 1e300, -1e300, 0.0, 1e15, False, "12.5", 10**30),
            bad=("abc", math.nan, math.inf, -math.inf, "nan", "inf"),
        )
    if kind == "boolean":
        return _mix(
            clean,
            ok=st.booleans(),
            edge=(0, 1, None),
            bad=("yes", "false", 2, -1),
        )
    if kind == "selection":
        keys = [key for key, _label in desc.get("selection") or []] or ["none"]
        return _mix(
            clean,
            ok=st.sampled_from(keys),
            edge=(False, None),
            bad=("definitely_not_a_value", 42, keys[0].upper() + "_X", 3.5),
        )
    if kind in ("date", "datetime"):
        return _mix(
            clean,
            ok=_dates() if kind == "date" else _dates().map(lambda d: f"{d} 10:30:00"),
            edge=(
                "0001-01-01",
                "9999-12-31",
                "1900-01-01",
                "2026-01-31 23:59:59",
                False,
                None,
                "",
            ),
            bad=("2026-13-45", "2026-02-30", "not a date", 20260101, "2026/01/01"),
        )
    if kind == "binary":
        return _mix(
            clean,
            edge=(base64.b64encode(b"fuzz").decode(), False),
            bad=("not base64!!", 123),
        )
    if kind == "many2one":
        good, hidden = world.pool(desc["relation"])
        return _mix(
            clean,
            ok=st.sampled_from(good) if good else None,
            edge=(False, 0, MISSING_ID, MISSING_ID + 7, *hidden),
            bad=("abc", 1.5, [1], {"id": 1}, -5, True, INT32 + 10),
        )
    if kind in ("many2many", "one2many"):
        good, hidden = world.pool(desc["relation"], one2many=kind == "one2many")
        ok = [[(6, 0, good[:1])], [(4, good[0])], list(good[:1]), []] if good else [[]]
        edge = [[(4, MISSING_ID)], [(0, 0, {})], [(5,)], False, [MISSING_ID]]
        if hidden:
            edge.append([(6, 0, hidden[:1])])
        return _mix(
            clean,
            ok=st.sampled_from(ok),
            edge=edge,
            bad=(
                "abc",
                42,
                {"a": 1},
                [("x",)],
                [(99, 1)],
                [(4, "a")],
                [(6, 0, "abc")],
                [(0, 0, "notadict")],
                [[4]],
                [(4, -3)],
            ),
        )
    return _edge(False)


DATE_PAIRS = (("date_start", "date_end"), ("date_from", "date_to"))


@st.composite
def cases(draw, world, model):
    fields = world.models[model]
    user = draw(st.sampled_from(["admin", "officer"]))
    op = draw(st.sampled_from(["create", "write"]))
    names = sorted(fields)
    chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=4, unique=True))
    payload, tags = {}, []
    clean = draw(st.integers(0, 9)) < 4  # 40% of the cases: plausible values only
    if op == "create":
        payload.update(world.create_defaults.get(model, {}))
        required = [f for f in names if fields[f].get("required")]
        for field in required:
            if field not in chosen and draw(st.integers(0, 9)) < 8:
                payload[field], tag = draw(value_strategy(world, fields[field], clean))
                tags.append((field, tag))
    for field in chosen:
        value, tag = draw(value_strategy(world, fields[field], clean))
        payload[field] = value
        tags.append((field, tag))
    reversed_pair = False
    for start, end in DATE_PAIRS:
        if start in fields and end in fields and draw(st.integers(0, 9)) == 0:
            payload[start], payload[end] = "2027-06-30", "2027-01-01"
            tags = [t for t in tags if t[0] not in (start, end)]
            reversed_pair = True
    if model in world.own and draw(st.integers(0, 40)) == 0:
        payload["x_fuzz_no_such_field"] = 1
        tags.append(("x_fuzz_no_such_field", "bad"))
    # Which record a write targets is decided when the case runs (the records
    # created by earlier cases join the targets): the draw is only an index.
    target = draw(st.integers(0, 10**6)) if op == "write" else None
    protocol = draw(st.sampled_from(["xmlrpc", "jsonrpc"]))
    if not _xml_safe(payload):
        protocol = "jsonrpc"
    return {
        "model": model,
        "user": user,
        "op": op,
        "target": target,
        "payload": payload,
        "protocol": protocol,
        "bad": sorted({f for f, tag in tags if tag == "bad"})
        + (["reversed dates"] if reversed_pair else []),
    }


# --- running the cases ---------------------------------------------------------------


class Recorder:
    def __init__(self):
        self.cases = 0
        self.started = time.monotonic()
        self.outcomes = Counter()
        self.by_model = defaultdict(Counter)
        self.failures = defaultdict(list)  # kind -> [details]
        self.html_checked = Counter()  # (model, html field) -> sanitised writes read

    def fail(self, kind, case, **details):
        entry = {
            key: case[key] for key in ("model", "op", "user", "protocol", "target")
        }
        entry["payload"] = _short(case["payload"])
        entry.update(details)
        self.failures[kind].append(entry)

    def summary(self, world, leftovers):
        return {
            "cases": self.cases,
            "seconds": round(time.monotonic() - self.started, 1),
            "outcomes": dict(self.outcomes),
            "internal_errors": len(self.failures["internal error"]),
            "by_model": {m: dict(c) for m, c in sorted(self.by_model.items())},
            "models_fuzzed": {m: sorted(f) for m, f in sorted(world.models.items())},
            "models_skipped": world.skipped,
            "failures": {k: v[:25] for k, v in self.failures.items() if v},
            "failure_counts": {k: len(v) for k, v in self.failures.items() if v},
            "cleanup_leftovers": leftovers,
        }


def snapshot(world, case):
    """What a refused call must leave unchanged: the number of records of the model
    (and of the models of the x2many values sent), the targeted record, the latest
    message. The parts already read are reused: between a refused call and the next
    one nothing changes (the test is the only client); any success clears them."""
    admin, model, payload = world.admin, case["model"], case["payload"]
    everything = {"active_test": False}
    cache = world.snapshots

    def part(key, fetch):
        if key not in cache:
            cache[key] = fetch()
        return cache[key]

    models = {model} | {
        world.models[model][f]["relation"]
        for f, value in payload.items()
        if value and world.models[model].get(f, {}).get("type") in X2MANY
    }
    state = {
        name: part(
            ("count", name),
            lambda n=name: admin(n, "search_count", [], context=everything),
        )
        for name in sorted(models)
    }
    if case["op"] == "write":
        target = case["target"]
        state["target"] = part(
            ("target", model, target),
            lambda: admin(
                model,
                "search_read",
                [("id", "=", target)],
                fields=sorted(world.models[model]) + ["write_date"],
                context=everything,
            ),
        )
    state["last message"] = part(
        ("message",),
        lambda: admin("mail.message", "search", [], limit=1, order="id desc"),
    )
    return state


def pick_target(world, case):
    """0 -> a record that does not exist, 1 -> one the officer may not see, else one of
    the records the fuzz owns in company A (created in setup or by earlier cases)."""
    index, model = case["target"], case["model"]
    targets = world.targets.get(model) or [MISSING_ID]
    hidden = world.hidden_targets.get(model)
    if index % 20 == 0:
        return MISSING_ID
    if index % 20 == 1 and hidden:
        return hidden[0]
    return targets[index % len(targets)]


def run_case(world, recorder, case):
    client = world.admin if case["user"] == "admin" else world.officer
    if case["op"] == "write" and case.get("picked") is None:
        case["target"], case["picked"] = pick_target(world, case), True
    before = snapshot(world, case)
    if case["op"] == "create":
        args = [case["payload"]]
    else:
        args = [[case["target"]], case["payload"]]
    ok, result, message = client.call(case["protocol"], case["model"], case["op"], args)
    recorder.cases += 1
    world.snapshots.clear()
    if ok:
        recorder.outcomes["success"] += 1
        recorder.by_model[case["model"]]["success"] += 1
        if case["op"] == "create":
            record_id = result[0] if isinstance(result, list) else result
            world.owned[case["model"]].append(record_id)
            world.targets[case["model"]].append(record_id)
        else:
            record_id = case["target"]
            original = world.restore.get((case["model"], record_id))
            if original:
                values = {k: v for k, v in original.items() if k != "id"}
                world.admin(case["model"], "write", [record_id], values)
        if case["bad"]:
            recorder.fail("bad value silently accepted", case, accepted=case["bad"])
        check_html(world, recorder, case, record_id)
        return
    recorder.outcomes[result] += 1
    recorder.by_model[case["model"]][result] += 1
    accepted = result in ACCEPTED or result in XMLRPC_KINDS.values()
    if not accepted:
        recorder.fail("internal error", case, error=result, message=message[-600:])
    elif not _readable(message):
        recorder.fail("unreadable message", case, error=result, message=message[:500])
    after = snapshot(world, case)
    if after != before:
        recorder.fail(
            "half-written",
            case,
            error=result,
            before=_short(before),
            after=_short(after),
        )


def check_html(world, recorder, case, record_id):
    """After a successful create/write of markup in Html fields, what is stored
    holds nothing that would run in a browser."""
    fields = world.models[case["model"]]
    html = [
        f
        for f, v in case["payload"].items()
        if fields.get(f, {}).get("type") == "html"
        and isinstance(v, str)
        and markup_problems(v)
    ]
    if not html:
        return
    stored = world.admin(case["model"], "read", [record_id], html)[0]
    for field in html:
        recorder.html_checked[(case["model"], field)] += 1
        problems = markup_problems(stored[field])
        if problems:
            recorder.fail(
                "html not sanitised",
                case,
                field=field,
                problems=problems,
                stored=(stored[field] or "")[:300],
            )


# --- fixtures and tests --------------------------------------------------------------


@pytest.fixture(scope="module")
def world(server):
    admin = Client(server, server["login"], server["password"])
    existing = admin(
        "res.users",
        "search",
        [("login", "=", OFFICER_LOGIN)],
        context={"active_test": False},
    )
    groups = []
    w = World(admin, None, server)
    for xmlid in ("base.group_user", "ilo_issa_partnership.group_programme_officer"):
        groups.append(w.ref(xmlid))
    company = admin("res.users", "read", [admin.uid], ["company_id"])[0]["company_id"][
        0
    ]
    values = {
        "name": "Fuzz Programme Officer",
        "login": OFFICER_LOGIN,
        "password": OFFICER_PASSWORD,
        "active": True,
        "company_id": company,
        "company_ids": [(6, 0, [company])],
        "groups_id": [(6, 0, groups)],
    }
    if existing:
        admin("res.users", "write", existing, values)
    else:
        admin("res.users", "create", values)
    w.officer = Client(server, OFFICER_LOGIN, OFFICER_PASSWORD)
    w.discover()
    w.recorder = Recorder()
    try:
        w.populate()
        w.freeze_pools()
    except Exception:
        w.cleanup()
        raise
    yield w
    leftovers = w.cleanup()
    report = w.recorder.summary(w, leftovers)
    path = Path(
        os.environ.get("ILO_FUZZ_REPORT")
        or Path.home() / ".local/state/ilo-issa/logs/fuzz-summary.json"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, default=str))


def test_models_discovered(world):
    expected = {
        "ilo.advisory.mission",
        "ilo.training",
        "ilo.training.participant",
        "ilo.deliverable",
        "ilo.budget.line",
        "ilo.funding.source",
        "ilo.collaboration.area",
        "c102.country",
        "c102.dialogue",
        "c102.gap.assessment",
        "c102.gap.assessment.line",
        "project.project",
    }
    assert expected <= set(world.models), sorted(world.models)
    assert "ilo.partnership.analysis" not in world.models  # SQL view
    assert not {m for m in world.models if m.endswith(".wizard")}


def test_html_fields_are_sanitised(world):
    """Every Html field of every model, both protocols, both users: no script, event
    handler, javascript: link or frame survives; each field is checked at least once
    (admin can write them all)."""
    recorder = world.recorder
    html_fields = [
        (model, field)
        for model, fields in sorted(world.models.items())
        for field, desc in sorted(fields.items())
        if desc["type"] == "html"
    ]
    assert html_fields
    for model, field in html_fields:
        assert world.targets[model], f"no {model} record to write {field} on"
        for user in ("admin", "officer"):
            for protocol in ("xmlrpc", "jsonrpc"):
                case = {
                    "model": model,
                    "user": user,
                    "op": "write",
                    "target": world.targets[model][0],
                    "picked": True,
                    "payload": {field: XSS},
                    "protocol": protocol,
                    "bad": [],
                }
                run_case(world, recorder, case)
    failures = {
        k: recorder.failures[k] for k in ("html not sanitised", "internal error")
    }
    assert not any(failures.values()), failures
    unchecked = [f for f in html_fields if not recorder.html_checked[f]]
    assert not unchecked, f"never written successfully: {unchecked}"


def test_portal_input_cannot_inject_markup(world):
    """A counterpart on the portal comments in the chatter of a mission of its
    project, over XML-RPC and JSON-RPC (message_post) and through the web client's
    route (/mail/message/post, with a session); the messages keep no markup that
    would run. It cannot write the mission's Html fields at all."""
    admin, portal = world.admin, world.portal
    mission = world.good["ilo.advisory.mission"][0]
    # the portal shows a mission of its project from approval on (one naming no
    # other institution)
    Mission = "ilo.advisory.mission"
    admin(Mission, "write", [mission], {"institution_id": False})
    state = admin(Mission, "read", [mission], ["state"])[0]["state"]
    if state == "draft":
        admin(Mission, "action_submit", [mission])
        state = "submitted"
    if state == "submitted":
        admin(Mission, "action_approve", [mission])
    assert portal("ilo.advisory.mission", "search", [("id", "=", mission)]) == [
        mission
    ], "the counterpart does not see the mission of its project"

    def last_body():
        message = admin(
            "mail.message",
            "search_read",
            [("model", "=", "ilo.advisory.mission"), ("res_id", "=", mission)],
            fields=["body", "author_id"],
            limit=1,
            order="id desc",
        )[0]
        return message

    bodies = []
    for protocol in ("xmlrpc", "jsonrpc"):
        ok, result, message = portal.call(
            protocol,
            "ilo.advisory.mission",
            "message_post",
            [[mission]],
            {
                "body": XSS,
                "message_type": "comment",
                "subtype_xmlid": "mail.mt_comment",
            },
        )
        assert ok, (protocol, result, message)
        bodies.append(last_body())
    session = portal.session()
    reply = session(
        "/mail/message/post",
        {
            "thread_model": "ilo.advisory.mission",
            "thread_id": mission,
            "post_data": {
                "body": XSS,
                "message_type": "comment",
                "subtype_xmlid": "mail.mt_comment",
            },
        },
    )
    assert "error" not in reply, reply
    bodies.append(last_body())
    portal_partner = portal("res.users", "read", [portal.uid], ["partner_id"])[0][
        "partner_id"
    ][0]
    for body in bodies:
        assert body["author_id"][0] == portal_partner, body
        assert not markup_problems(body["body"]), body
    for protocol in ("xmlrpc", "jsonrpc"):
        ok, result, message = portal.call(
            protocol,
            "ilo.advisory.mission",
            "write",
            [[mission], {"terms_of_reference": XSS}],
        )
        assert not ok and result in (
            "odoo.exceptions.AccessError",
            "xmlrpc:AccessError",
        ), (result, message)
    world.recorder.cases += 5


def _fuzzer(world, model, examples):
    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def fuzz(data):
        run_case(world, world.recorder, data.draw(cases(world, model)))

    return fuzz


def test_bad_input_never_breaks_anything(world):
    """FUZZ_CASES generated create/write calls, shared evenly by the models."""
    recorder = world.recorder
    before = recorder.cases
    per_model = -(-FUZZ_CASES // len(world.models))
    for model in sorted(world.models):
        _fuzzer(world, model, per_model)()
    report = recorder.summary(world, {})
    print(json.dumps({k: report[k] for k in ("cases", "seconds", "outcomes")}))
    assert recorder.cases - before >= 500, recorder.cases - before
    problems = {k: v[:10] for k, v in recorder.failures.items() if v}
    assert not problems, json.dumps(problems, indent=1, default=str)[:20000]
    assert recorder.outcomes["success"] > 0
