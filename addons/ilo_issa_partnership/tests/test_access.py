# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The whole access matrix: each role x each model x create/read/write/unlink,
and each workflow action. Allowed cases succeed; forbidden ones raise
AccessError or UserError."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import PartnershipCommon

R, RW, RWC, CRUD = "r", "rw", "rwc", "rwcd"
READERS = {"reader": R, "finance": R, "leadership": R}
BUDGET = {"reader": R, "officer": R, "leadership": R, "finance": CRUD, "manager": CRUD}

MATRIX = {
    "ilo.collaboration.area": {**READERS, "officer": R, "manager": CRUD},
    "ilo.advisory.mission": {**READERS, "officer": RWC, "manager": CRUD},
    "ilo.training": {**READERS, "officer": RWC, "manager": CRUD},
    "ilo.training.participant": {**READERS, "officer": CRUD, "manager": CRUD},
    "ilo.deliverable": {**READERS, "officer": RWC, "manager": CRUD},
    "ilo.funding.source": BUDGET,
    "ilo.budget.line": BUDGET,
    # revisions are history: finance records them (the Revise wizard), nobody edits
    "ilo.budget.revision": {
        "reader": R,
        "officer": R,
        "leadership": R,
        "finance": "rc",
        "manager": "rc",
    },
    "ilo.dsa.rate": BUDGET,
}

# SQL-view reports: everyone in the partnership reads them (money: see test_reporting)
REPORTS = {
    "ilo.partnership.analysis": (
        "reader",
        "officer",
        "finance",
        "leadership",
        "manager",
    ),
    "ilo.planning.slot": ("reader", "officer", "finance", "leadership", "manager"),
}

# action -> roles allowed (starting state set up by the test)
MISSION_ACTIONS = {
    "action_submit": ("officer", "manager"),
    "action_approve": ("manager",),
    "action_start": ("officer", "manager"),
    "action_done": ("officer", "manager"),
    "action_cancel": ("officer", "manager"),
    "action_draft": ("officer", "manager"),
}
MISSION_START_STATE = {
    "action_submit": "draft",
    "action_approve": "submitted",
    "action_start": "approved",
    "action_done": "ongoing",
    "action_cancel": "approved",
    "action_draft": "cancelled",
}
TRAINING_ACTIONS = {
    "action_start": "planned",
    "action_done": "ongoing",
    "action_cancel": "planned",
    "action_plan": "cancelled",
}
DELIVERABLE_ACTIONS = {
    "action_start": "planned",
    "action_review": "in_progress",
    "action_accept": "in_review",
    "action_publish": "accepted",
    "action_cancel": "planned",
    "action_reset": "in_review",
}


@tagged("post_install", "-at_install")
class TestAccessMatrix(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.training = cls.env["ilo.training"].create(
            {"name": "Training", "project_id": cls.project.id}
        )
        cls.counter = 0
        cls.budget_line = cls.env["ilo.budget.line"].create(
            {
                "project_id": cls.project.id,
                "funding_source_id": cls.funding_source.id,
                "date_from": "2030-07-01",
                "date_to": "2030-12-31",
                "amount_planned": 1,
            }
        )

    def _vals(self, model):
        self.counter += 1
        n = self.counter
        return {
            "ilo.collaboration.area": {"name": f"Area {n}", "code": f"area{n}"},
            "ilo.advisory.mission": self._mission_vals(
                name=f"M{n}", date_start=f"2040-01-{n % 28 + 1:02d}", date_end=False
            ),
            "ilo.training": {"name": f"T{n}", "project_id": self.project.id},
            "ilo.training.participant": {
                "name": f"P{n}",
                "training_id": self.training.id,
            },
            "ilo.deliverable": {"name": f"D{n}", "project_id": self.project.id},
            "ilo.funding.source": {"name": f"F{n}", "code": f"F{n}", "amount": 100},
            "ilo.budget.line": {
                "project_id": self.project.id,
                "funding_source_id": self.funding_source.id,
                "date_from": "2030-01-01",
                "date_to": "2030-06-30",
                "amount_planned": n,
            },
            "ilo.budget.revision": {
                "budget_line_id": self.budget_line.id,
                "reason": f"Revision {n}",
                "amount_before": n,
                "amount_after": n + 1,
            },
            "ilo.dsa.rate": {
                "country_id": self.country.id,
                "rate": n,
                "date_from": f"{2000 + n}-01-01",
            },
        }[model]

    def _write_vals(self, model):
        return {
            "ilo.collaboration.area": {"sequence": 99},
            "ilo.budget.revision": {"reason": "Rewritten"},
            "ilo.dsa.rate": {"city": "Renamed"},
        }.get(model, {"name": "Renamed"})

    def test_models_are_all_in_the_matrix(self):
        models = (
            self.env["ir.model"]
            .search([("model", "=like", "ilo.%"), ("transient", "=", False)])
            .mapped("model")
        )
        abstract = {"ilo.activity.mixin", "ilo.budget.totals.mixin"}
        abstract |= {"ilo.group.order.mixin"}
        # the results framework has its own access tests (test_results) and is in
        # the table of both addons (c102_campaign/tests/test_access_table.py)
        abstract |= {"ilo.result", "ilo.indicator", "ilo.indicator.period"}
        abstract |= {"ilo.portal.mixin", "ilo.workflow.mixin", "ilo.input.check.mixin"}
        abstract |= {"ilo.bulk.import"}  # load() of several models, the user's rights
        abstract |= {"ilo.report.mixin"}  # the PDF reports' AbstractModel base
        abstract |= {"ilo.timeline.mixin"}
        abstract |= {"ilo.partnership.dashboard"}  # the client action's data
        abstract |= {"ilo.table.import.mixin"}  # the import engine: no records
        abstract |= set(REPORTS)
        self.assertEqual(set(models) - abstract - set(MATRIX), set())

    def test_reports_readable(self):
        for model, roles in REPORTS.items():
            for role in roles:
                with self.subTest(model=model, role=role):
                    self.env[model].with_user(self.users[role]).search([], limit=1)
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(self.users[role]).create({})

    def test_crud_matrix(self):
        for model, roles in MATRIX.items():
            self.assertEqual(set(roles), set(self.users), model)
            for role, perms in roles.items():
                user = self.users[role]
                Model = self.env[model].with_user(user)
                with self.subTest(model=model, role=role):
                    record = self.env[model].create(self._vals(model))
                    # read
                    self.assertEqual(
                        Model.browse(record.id).read(["display_name"])[0]["id"],
                        record.id,
                    )
                    # create
                    if "c" in perms:
                        Model.create(self._vals(model))
                    else:
                        with self.assertRaises(AccessError):
                            Model.create(self._vals(model))
                    # write
                    if "w" in perms:
                        record.with_user(user).write(self._write_vals(model))
                    else:
                        with self.assertRaises(AccessError):
                            record.with_user(user).write(self._write_vals(model))
                    # unlink
                    if "d" in perms:
                        record.with_user(user).unlink()
                        self.assertFalse(record.exists())
                    else:
                        with self.assertRaises(AccessError):
                            record.with_user(user).unlink()

    def _assert_action(self, record, action, allowed_roles):
        for role, user in self.users.items():
            with self.subTest(model=record._name, action=action, role=role):
                if role in allowed_roles:
                    with self.env.cr.savepoint() as sp:
                        getattr(record.with_user(user), action)()
                        sp.rollback()
                else:
                    with self.assertRaises(UserError) as caught:  # AccessError is one
                        with self.env.cr.savepoint():
                            getattr(record.with_user(user), action)()
                    self.assertIsInstance(caught.exception, (AccessError, UserError))

    def test_mission_actions(self):
        for action, roles in MISSION_ACTIONS.items():
            mission = self.env["ilo.advisory.mission"].create(
                self._mission_vals(
                    name=action,
                    state=MISSION_START_STATE[action],
                    back_to_office_report="<p>Report</p>",
                    date_start="2041-01-01",
                    date_end="2041-01-05",
                )
            )
            self._fund(mission)
            self._assert_action(mission, action, roles)
            mission.invalidate_recordset()
            self.assertEqual(mission.state, MISSION_START_STATE[action])

    def test_training_and_deliverable_actions(self):
        for action, state in TRAINING_ACTIONS.items():
            training = self.env["ilo.training"].create(
                {"name": action, "project_id": self.project.id, "state": state}
            )
            self._assert_action(training, action, ("officer", "manager"))
        for action, state in DELIVERABLE_ACTIONS.items():
            deliverable = self.env["ilo.deliverable"].create(
                {"name": action, "project_id": self.project.id, "state": state}
            )
            self._assert_action(deliverable, action, ("officer", "manager"))
