"""Upgrading from the previous release keeps every record and every amount.

The previous release (git tag v18.0.1.0.0, the addons as they landed first) is
installed with its demo data in a database of its own, extra records are created with
it (a funded mission with actual spend, a training with participants, a published
deliverable, a validated gap assessment), every stored field of every model of both
addons is read, then the working tree's addons upgrade that database (-u) and
everything is read again: same records, same values, new fields filled as the
migration says, renamed fields holding the values of their old names (and their
chatter tracking), the renamed model keeping its ir.model row, access right and record
rule, and the lateness computed as it was stored.
"""

import ast
import json
import os
import subprocess
import tarfile
import tempfile
import uuid
from io import BytesIO
from pathlib import Path

ROOT = Path(os.environ.get("ILO_ROOT", Path(__file__).resolve().parents[1]))
PREVIOUS = "v18.0.1.0.0"
PREVIOUS_COMMIT = "a73b9f8"  # the same, should the tag not be fetched
MODELS = [
    "ilo.collaboration.area",
    "ilo.advisory.mission",
    "ilo.training",
    "ilo.training.participant",
    "ilo.deliverable",
    "ilo.funding.source",
    "ilo.budget.line",
    "account.analytic.line",
    "project.project",
    "c102.part",
    "c102.country",
    "c102.article3.exception",
    "c102.gap.assessment",
    "c102.gap.assessment.line",
    "c102.dialogue",
]
# values that change on purpose in the upgrade, and why
CHANGED = {
    ("ilo.deliverable", "date_published"): "new field, filled by the migration",
    ("ilo.deliverable", "access_url"): "portal URL of the new portal",
    ("c102.country", "readiness_reason"): "a ready country says why (18.0.1.2.0)",
}
# records the upgrade adds, and why
ADDED = {
    "c102.country": "the ratifications whose Parts were not confirmed (18.0.1.2.0)",
    "c102.article3.exception": "Türkiye's, with its ratification (18.0.1.2.0)",
}
# a country the campaign followed without its ratification gets it (18.0.1.2.0)
RATIFIED_BY_THE_UPGRADE = {
    "ratification_date",
    "ratification_date_precision",
    "ratified",
    "ratification_year",
    "entry_into_force_date",
    "accepted_part_ids",
    "accepted_count",
    "stage",
    "date_ratified",
}
IGNORED = {"write_date", "write_uid", "__last_update", "message_main_attachment_id"}
# fields renamed in 18.0.1.3.0: old name -> new name
RENAMED = {
    ("ilo.deliverable", "responsible_id"): "user_id",
    ("ilo.advisory.mission", "objective"): "terms_of_reference",
    ("ilo.advisory.mission", "report"): "back_to_office_report",
    ("ilo.budget.line", "burn_rate"): "delivery_rate",
}
# stored before, computed when read since 18.0.1.3.0: read after the upgrade too
COMPUTED = {"ilo.deliverable": ["is_late"]}
# XML ids renamed with the model ilo.partnership.report -> ilo.partnership.analysis
# and with the fields: the records behind them must be the same ones
XMLIDS = {
    f"ilo_issa_partnership.{old}": f"ilo_issa_partnership.{new}"
    for old, new in [
        ("model_ilo_partnership_report", "model_ilo_partnership_analysis"),
        (
            "field_ilo_partnership_report__activity_type",
            "field_ilo_partnership_analysis__activity_type",
        ),
        ("ilo_partnership_report_action", "ilo_partnership_analysis_action"),
        ("ilo_partnership_report_menu", "ilo_partnership_analysis_menu"),
        (
            "ilo_partnership_report_rule_company",
            "ilo_partnership_analysis_rule_company",
        ),
        ("access_ilo_partnership_report_user", "access_ilo_partnership_analysis_user"),
        ("field_ilo_deliverable__responsible_id", "field_ilo_deliverable__user_id"),
        (
            "field_ilo_advisory_mission__report",
            "field_ilo_advisory_mission__back_to_office_report",
        ),
        ("field_ilo_budget_line__burn_rate", "field_ilo_budget_line__delivery_rate"),
    ]
}

EXTRA = """
from odoo import Command
env = env(context={"tracking_disable": True})
area = env.ref("ilo_issa_partnership.area_advisory")
analytic = env["account.analytic.account"].create(
    {"name": "Upgrade account",
     "plan_id": env.ref("analytic.analytic_plan_projects").id}
)
project = env["project.project"].create(
    {"name": "Upgrade project", "collaboration_area_id": area.id,
     "account_id": analytic.id, "date_start": "2030-01-01", "date": "2030-12-31"}
)
mission = env["ilo.advisory.mission"].create(
    {"name": "Upgrade mission", "project_id": project.id,
     "country_id": env.ref("base.sn").id, "date_start": "2030-03-02",
     "date_end": "2030-03-06", "report": "<p>Report</p>", "state": "done",
     "objective": "<p>Terms of reference</p>"}
)
source = env["ilo.funding.source"].create(
    {"name": "Upgrade source", "code": "UPG", "amount": 500000}
)
line = env["ilo.budget.line"].create(
    {"project_id": project.id, "mission_id": mission.id, "funding_source_id": source.id,
     "category": "travel", "date_from": "2030-01-01", "date_to": "2030-12-31",
     "amount_planned": 12345.67, "amount_committed": 2000}
)
env["account.analytic.line"].create(
    {"name": "Flights", "account_id": analytic.id, "ilo_budget_line_id": line.id,
     "date": "2030-03-01", "amount": -4321.5}
)
training = env["ilo.training"].create(
    {"name": "Upgrade training", "project_id": project.id, "state": "done",
     "participant_ids": [
        Command.create({"name": "A", "gender": "female", "pre_score": 40,
                        "post_score": 72, "constituent_group": "government"}),
        Command.create({"name": "B", "gender": "male", "attended": False}),
     ]}
)
env["ilo.deliverable"].create(
    {"name": "Upgrade deliverable", "project_id": project.id, "state": "published"}
)
# a responsible other than the user who creates (the new column's default), changed
# once with the chatter tracking it
demo, admin = env.ref("base.user_demo"), env.ref("base.user_admin")
tracked = env["ilo.deliverable"].create(
    {"name": "Upgrade tracked deliverable", "project_id": project.id,
     "responsible_id": demo.id, "date_deadline": "2020-01-31"}
)
env.cr.commit()  # created with tracking off: tracked from the next transaction on
tracked.with_context(tracking_disable=False).responsible_id = admin
country = env["c102.country"].search([("country_id.code", "=", "KE")]) or env[
    "c102.country"].create({"country_id": env.ref("base.ke").id})
part = env.ref("c102_campaign.part_V")
assessment = env["c102.gap.assessment"].create(
    {"c102_country_id": country.id, "date": "2030-02-01",
     "line_ids": [Command.create({"part_id": part.id, "coverage_basis": "employees",
                                  "coverage_rate": 50, "benefit_rate": 40})]}
)
assessment.action_validate()
env.cr.commit()
print("EXTRA OK")
"""

SNAPSHOT = """
import json
out = {}
for name in %(models)r:
    model = env[name].with_context(active_test=False)
    fields = [
        n for n, f in model._fields.items()
        if (f.store or n in %(computed)r.get(name, ()))
        and f.type not in ("one2many", "binary") and n not in %(ignored)r
    ]
    rows = {}
    for row in model.search_read([], fields, order="id"):
        rows[row["id"]] = {
            k: (v[0] if isinstance(v, (list, tuple)) and len(v) == 2
                and isinstance(v[1], str) else v)
            for k, v in row.items()
        }
    out[name] = rows
roles = {
    user.login: sorted(
        xmlid for xmlid in user.groups_id.get_external_id().values()
        if xmlid.startswith("ilo_issa_partnership.")
    )
    for user in env["res.users"].with_context(active_test=False).search([])
}
homes = {
    user.login: (
        env[user.action_id.type].browse(user.action_id.id).get_external_id()
        .get(user.action_id.id, "") if user.action_id else ""
    )
    for user in env["res.users"].with_context(active_test=False).search([])
}
versions = {
    m.name: m.latest_version
    for m in env["ir.module.module"].search(
        [("name", "in", ["ilo_issa_partnership", "c102_campaign"])]
    )
}
tracking = {
    t.id: [t.field_id.model, t.field_id.name, t.old_value_integer, t.new_value_integer]
    for t in env["mail.tracking.value"].search([("field_id.model", "in", %(models)r)])
}
xmlids = {}
for xmlid in %(xmlids)r:
    record = env.ref(xmlid, raise_if_not_found=False)
    xmlids[xmlid] = record and [record._name, record.id]
crons = env["ir.cron"].with_context(active_test=False).search_count(
    [("code", "ilike", "is_late")]
)
print("SNAPSHOT" + json.dumps(
    {"records": out, "versions": versions, "roles": roles, "homes": homes,
     "tracking": tracking, "xmlids": xmlids, "crons": crons},
    default=str,
))
"""


def _run(args, env=None, stdin=None, timeout=900):
    proc = subprocess.run(
        args,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output[-4000:]
    errors = [line for line in output.splitlines() if " ERROR " in line]
    assert not errors, "\n".join(errors[:20])
    return proc.stdout


def _shell(db, script, addons_dir=None):
    env = {"ILO_DB": db}
    if addons_dir:
        env["ILO_ADDONS_DIR"] = str(addons_dir)
    return _run(
        [str(ROOT / "scripts/shell.sh"), "--log-level=warn", "--no-http"],
        env=env,
        stdin=script,
    )


def _manifest_version(module):
    manifest = ROOT / "addons" / module / "__manifest__.py"
    return ast.literal_eval(manifest.read_text(encoding="utf-8"))["version"]


def _snapshot(db, xmlids, addons_dir=None):
    script = SNAPSHOT % {
        "models": MODELS,
        "ignored": sorted(IGNORED),
        "computed": COMPUTED,
        "xmlids": sorted(xmlids),
    }
    out = _shell(db, script, addons_dir)
    line = next(x for x in out.splitlines() if x.startswith("SNAPSHOT"))
    return json.loads(line[len("SNAPSHOT") :])


def _previous_addons(target):
    ref = PREVIOUS
    check = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{PREVIOUS}^{{commit}}"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if check.returncode != 0:
        ref = PREVIOUS_COMMIT
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref, "addons"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        # the "data" filter where Python has it (3.11.4+, 3.12); Debian 12's
        # Python 3.11.2 has none, and the archive is our own git tree
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extractall(target, **safe)  # noqa: S202
    return Path(target) / "addons"


def test_upgrade_from_previous_release_keeps_everything():
    db = f"ilo_upgrade_{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as tmp:
        old = _previous_addons(tmp)
        try:
            _run(
                [
                    str(ROOT / "scripts/odoo.sh"),
                    "-d",
                    db,
                    "-i",
                    "ilo_issa_partnership,c102_campaign",
                    "--stop-after-init",
                    "--no-http",
                    "--log-level=warn",
                    "--max-cron-threads=0",
                ],
                env={"ILO_ADDONS_DIR": str(old)},
            )
            assert "EXTRA OK" in _shell(db, EXTRA, old)
            before = _snapshot(db, XMLIDS, old)
            assert before["versions"] == {
                "ilo_issa_partnership": "18.0.1.0.0",
                "c102_campaign": "18.0.1.0.0",
            }
            _run(
                [
                    str(ROOT / "scripts/odoo.sh"),
                    "-d",
                    db,
                    "-u",
                    "ilo_issa_partnership,c102_campaign",
                    "--stop-after-init",
                    "--no-http",
                    "--log-level=warn",
                    "--max-cron-threads=0",
                ]
            )
            after = _snapshot(db, XMLIDS.values())
        finally:
            _drop(db)
    assert after["versions"] == {
        module: _manifest_version(module)
        for module in ("ilo_issa_partnership", "c102_campaign")
    }
    # every user keeps the partnership roles they had (18.0.1.2.0 moved the groups into
    # three categories); the partnership's users get its dashboard as home action
    # (users the upgrade adds, e.g. the newer demo data's portal counterpart, aside)
    assert {login: after["roles"][login] for login in before["roles"]} == before[
        "roles"
    ]
    assert any(after["roles"].values())
    for login, roles in after["roles"].items():
        # (the settings administrators keep Odoo's home)
        if (
            roles
            and login not in ("admin", "__system__")
            and before["homes"].get(login) == ""
        ):
            assert after["homes"][login] == (
                "ilo_issa_partnership.ilo_partnership_dashboard_action"
            ), login
    records_before, records_after = before["records"], after["records"]
    compared = 0
    renamed_values = dict.fromkeys(RENAMED, 0)  # values set under the old name
    for model in MODELS:
        old_rows, new_rows = records_before[model], records_after[model]
        if model in ADDED:
            assert old_rows.keys() <= new_rows.keys(), f"{model}: records lost"
        else:
            assert old_rows.keys() == new_rows.keys(), f"{model}: records differ"
        assert old_rows, f"{model}: nothing to compare"
        for rid, old_row in old_rows.items():
            new_row = new_rows[rid]
            ratified_now = (
                model == "c102.country"
                and not old_row["ratified"]
                and new_row["ratified"]
            )
            for field, value in old_row.items():
                new_field = RENAMED.get((model, field), field)
                if (model, field) in RENAMED:
                    assert new_field in new_row, (model, field, new_field)
                    renamed_values[model, field] += bool(value)
                if (model, field) in CHANGED or new_field not in new_row:
                    continue
                if ratified_now and field in RATIFIED_BY_THE_UPGRADE:
                    continue
                assert new_row[new_field] == value, (
                    model,
                    rid,
                    f"{field} -> {new_field}",
                    value,
                    new_row[new_field],
                )
                compared += 1
    assert all(renamed_values.values()), renamed_values
    # the chatter's tracking follows the renamed field
    tracking_after = after["tracking"]
    assert before["tracking"].keys() <= tracking_after.keys()
    for tid, (model, field, old_value, new_value) in before["tracking"].items():
        assert tracking_after[tid] == [
            model,
            RENAMED.get((model, field), field),
            old_value,
            new_value,
        ], (tid, model, field)
    assert any(t[1] == "user_id" for t in tracking_after.values())
    # renamed XML ids and the model: the same records (access right, rule, menu...)
    for old_xmlid, new_xmlid in XMLIDS.items():
        old_record, new_record = before["xmlids"][old_xmlid], after["xmlids"][new_xmlid]
        assert old_record and new_record, (old_xmlid, old_record, new_record)
        assert old_record[1] == new_record[1], (
            old_xmlid,
            old_record,
            new_xmlid,
            new_record,
        )
    # lateness: a cron refreshed it before, nothing does now (it is computed)
    assert (before["crons"], after["crons"]) == (1, 0)
    # every ratification (shared/domain/c102-ratifications.csv), the campaign's own
    # countries kept
    countries = records_after["c102.country"].values()
    assert sum(1 for row in countries if row["ratified"]) == 63
    # the amounts of the extra records, to the cent
    lines = records_after["ilo.budget.line"].values()
    line = next(x for x in lines if x["amount_planned"] == 12345.67)
    assert (line["amount_committed"], line["amount_actual"]) == (2000.0, 4321.5)
    training = next(
        x
        for x in records_after["ilo.training"].values()
        if x["name"] == "Upgrade training"
    )
    assert training["attended_count"] == 1 and training["average_score_gain"] == 32.0
    # the migration gave the published deliverables a publication date
    for row in records_after["ilo.deliverable"].values():
        if row["state"] == "published":
            assert row["date_published"], row["name"]
        assert row["active"] is True
    assert compared > 1000, compared
    summary = {
        "from": before["versions"],
        "to": after["versions"],
        "records": {m: len(records_after[m]) for m in MODELS},
        "values_compared": compared,
        "renamed_values": {f"{m}.{f}": n for (m, f), n in renamed_values.items()},
    }
    logs = Path.home() / ".local/state/ilo-issa/logs"
    logs.mkdir(parents=True, exist_ok=True)
    (logs / "upgrade-summary.json").write_text(json.dumps(summary, indent=1))


def _drop(db):
    proc = subprocess.run(
        ["bash", "-c", f'source scripts/common.sh && odoo_db drop "{db}"'],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
