# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The access table of both addons: every model x every group x create / read /
write / delete, and every workflow action x every group. A model of either addon
without a row makes the test fail.

Roles: reader, officer, finance, leadership, manager (the partnership's groups),
portal (a counterpart institution's contact), public (not logged in).
Rights: c create, r read, w write, d delete, - nothing. Portal rights hold on the
activities of projects where the contact's institution is a counterpart only; the
other institutions' records are checked invisible.
"""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.ilo_issa_partnership.tests.common import visible_buttons

from .common import CampaignCommon

ROLES = ("reader", "officer", "finance", "leadership", "manager", "portal", "public")

#  model                          reader officer finance leader manager portal public
TABLE = {
    "ilo.collaboration.area": "r r r r crwd - -",
    "ilo.advisory.mission": "r crw r r crwd r -",
    "ilo.training": "r crw r r crwd r -",
    "ilo.training.participant": "r crwd r r crwd - -",
    "ilo.deliverable": "r crw r r crwd r -",
    "ilo.funding.source": "r r crwd r crwd - -",
    "ilo.budget.line": "r r crwd r crwd - -",
    "ilo.budget.revision": "r r cr r cr - -",  # history: recorded, never edited
    "ilo.result": "r crwd r r crwd - -",
    "ilo.indicator": "r crwd r r crwd - -",
    "ilo.indicator.period": "r crwd r r crwd - -",
    "ilo.partnership.analysis": "r r r r r - -",  # SQL view
    "ilo.partnership.report.wizard": "crw crw crw crw crw - -",  # transient
    "ilo.budget.report.wizard": "crw crw crw crw crw - -",  # transient
    "ilo.expenditure.import": "- - crw - crw - -",  # transient
    "ilo.budget.revise.wizard": "- - crw - crw - -",  # transient
    "ilo.iati.export.wizard": "crw crw crw crw crw - -",  # transient
    "ilo.dsa.rate": "r r crwd r crwd - -",
    "ilo.dsa.rate.import": "- - crw - crw - -",  # transient
    "ilo.planning.slot": "r r r r r - -",  # SQL view
    "c102.part": "r r r r rw - -",
    "c102.country": "r crw r r crwd - -",
    "c102.article3.exception": "r crwd r r crwd - -",
    "c102.superseded.part": "r crwd r r crwd - -",
    "c102.gap.assessment": "r crw r r crwd - -",
    "c102.gap.assessment.line": "r crwd r r crwd - -",
    "c102.dialogue": "r crw r r crwd - -",
    "c102.stage.history": "r crw r r crwd - -",
    "c102.supervision.comment": "r crwd r r crwd - -",
    "c102.part.acceptance.report": "r r r r r - -",  # SQL view
    "c102.ratification.import": "- crwd - - crwd - -",  # transient
    "c102.ratification.import.line": "- crwd - - crwd - -",  # transient
    "c102.ratification.import.change": "- crwd - - crwd - -",  # transient
    "c102.supervision.import": "- crwd - - crwd - -",  # transient
    "c102.coverage": "r crwd r r crwd - -",
    "c102.coverage.history": "r cr r r cr - -",  # kept, never rewritten
    "c102.coverage.import": "- crwd - - crwd - -",  # transient
    "c102.convention.ratification": "r crwd r r crwd - -",
    # Odoo models the addons open to their groups
    "project.project": "r r r r crwd r -",  # portal: Odoo's own project sharing
    # a cost of a partnership project (other costs: test_actual_spend)
    "account.analytic.line": "r r crwd r crwd - -",
}
# abstract models: no table, no rights of their own
ABSTRACT = {
    # the dashboards' data (client actions): the rights of the models behind
    "ilo.partnership.dashboard",
    "c102.campaign.dashboard",
    "ilo.activity.mixin",
    "ilo.budget.totals.mixin",
    "ilo.group.order.mixin",
    "ilo.portal.mixin",
    "ilo.workflow.mixin",
    "ilo.input.check.mixin",
    "ilo.bulk.import",
    "ilo.timeline.mixin",
    "ilo.table.import.mixin",
    "c102.campaign.map",
    # the PDF reports' content (report.<module>.<template>): read through the
    # report's own access (the records printed)
    "ilo.report.mixin",
    "report.ilo_issa_partnership.report_partnership",
    "report.ilo_issa_partnership.report_project_sheet",
    "report.c102_campaign.report_country_brief",
    # report models (the donor financial report, PDF and XLSX; the budget workbook)
    "report.ilo_issa_partnership.report_donor_financial",
    "report.ilo_issa_partnership.report_donor_financial_xlsx",
    "report.ilo_issa_partnership.report_budget_xlsx",
}
PORTAL_MODELS = ("ilo.advisory.mission", "ilo.training", "ilo.deliverable")

# (model, action, state the record starts in) -> roles allowed
MANAGERS, STAFF = ("manager",), ("officer", "manager")
ACTIONS = {
    ("ilo.advisory.mission", "action_submit", "draft"): STAFF,
    ("ilo.advisory.mission", "action_approve", "submitted"): MANAGERS,
    ("ilo.advisory.mission", "action_refuse", "submitted"): MANAGERS,
    ("ilo.advisory.mission", "action_start", "approved"): STAFF,
    ("ilo.advisory.mission", "action_done", "ongoing"): STAFF,
    ("ilo.advisory.mission", "action_cancel", "approved"): STAFF,
    ("ilo.advisory.mission", "action_draft", "cancelled"): STAFF,
    ("ilo.training", "action_start", "planned"): STAFF,
    ("ilo.training", "action_done", "ongoing"): STAFF,
    ("ilo.training", "action_cancel", "planned"): STAFF,
    ("ilo.training", "action_plan", "cancelled"): STAFF,
    ("ilo.deliverable", "action_start", "planned"): STAFF,
    ("ilo.deliverable", "action_review", "in_progress"): STAFF,
    ("ilo.deliverable", "action_accept", "in_review"): STAFF,
    ("ilo.deliverable", "action_publish", "accepted"): STAFF,
    ("ilo.deliverable", "action_cancel", "planned"): STAFF,
    ("ilo.deliverable", "action_reset", "in_review"): STAFF,
    ("ilo.indicator.period", "action_submit", "draft"): STAFF,
    ("ilo.indicator.period", "action_refresh_actuals", "draft"): STAFF,
    ("ilo.indicator.period", "action_approve", "submitted"): MANAGERS,
    ("ilo.indicator.period", "action_refuse", "submitted"): MANAGERS,
    ("ilo.indicator.period", "action_reset_draft", "submitted"): STAFF,
    ("ilo.indicator.period", "action_reset_draft", "approved"): MANAGERS,
    ("c102.gap.assessment", "action_validate", "draft"): MANAGERS,
    ("c102.gap.assessment", "action_draft", "validated"): MANAGERS,
}


@tagged("post_install", "-at_install")
class TestAccessTable(CampaignCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users["public"] = cls.env.ref("base.public_user")
        cls.contact = cls.env["res.partner"].create(
            {"name": "Counterpart contact", "parent_id": cls.institution.id}
        )
        cls.users["portal"] = new_test_user(
            cls.env, login="ilo_table_portal", groups="base.group_portal"
        )
        cls.users["portal"].partner_id = cls.contact
        cls.project.institution_ids = [Command.set(cls.institution.ids)]
        cls.samples = cls._samples()

    @classmethod
    def _samples(cls):
        """One record per persistent model, in the counterpart's project (the
        activities approved, as the portal shows them from approval on)."""
        env = cls.env
        mission = env["ilo.advisory.mission"].create(
            cls._mission_vals(state="approved")
        )
        training = env["ilo.training"].create(
            {"name": "Table training", "project_id": cls.project.id}
        )
        result = env["ilo.result"].create(
            {"name": "Table outcome", "project_id": cls.project.id}
        )
        indicator = env["ilo.indicator"].create(
            {"name": "Table indicator", "result_id": result.id}
        )
        assessment = cls._assessment(
            cls,
            cls.kenya,
            [dict(cls.compliant_line("V"), part_id=cls.parts["V"].id)],
        )
        analytic = env["account.analytic.account"].create(
            {
                "name": "Table account",
                "plan_id": env.ref("analytic.analytic_plan_projects").id,
            }
        )
        cls.project.account_id = analytic
        coverage = env["c102.coverage"].create(
            {
                "c102_country_id": cls.kenya.id,
                "contingency": "total",
                "year": 2031,
                "value": 10,
            }
        )
        samples = {
            "ilo.collaboration.area": cls.area_advisory,
            "ilo.advisory.mission": mission,
            "ilo.training": training,
            "ilo.training.participant": env["ilo.training.participant"].create(
                {"name": "Table participant", "training_id": training.id}
            ),
            "ilo.deliverable": env["ilo.deliverable"].create(
                {
                    "name": "Table deliverable",
                    "project_id": cls.project.id,
                    "state": "accepted",
                }
            ),
            "ilo.funding.source": cls.funding_source,
            "ilo.budget.line": cls._fund(mission),
            "ilo.result": result,
            "ilo.indicator": indicator,
            "ilo.indicator.period": env["ilo.indicator.period"].create(
                {
                    "indicator_id": indicator.id,
                    "date_start": "2030-01-01",
                    "date_end": "2030-12-31",
                }
            ),
            "c102.part": cls.parts["V"],
            "c102.country": cls.kenya,
            "c102.article3.exception": env["c102.article3.exception"].create(
                {"c102_country_id": cls.kenya.id, "article": "15(d)"}
            ),
            "c102.superseded.part": env["c102.superseded.part"].search([], limit=1),
            "c102.gap.assessment": assessment,
            "c102.gap.assessment.line": assessment.line_ids,
            "c102.dialogue": env["c102.dialogue"].create(
                {"c102_country_id": cls.kenya.id, "name": "Table dialogue"}
            ),
            "c102.stage.history": cls.kenya.stage_history_ids[:1],
            "c102.supervision.comment": env["c102.supervision.comment"].create(
                {
                    "c102_country_id": env["c102.country"]
                    .search([("ratified", "=", True)], limit=1)
                    .id,
                    "year": 2031,
                    "comment_type": "observation",
                }
            ),
            "c102.coverage": coverage,
            "c102.coverage.history": env["c102.coverage.history"].create(
                {"coverage_id": coverage.id, "value": 10}
            ),
            "c102.convention.ratification": env["c102.convention.ratification"].create(
                {
                    "c102_country_id": cls.kenya.id,
                    "convention": "C168",
                    "date": "2030-01-01",
                }
            ),
            "project.project": cls.project,
            "account.analytic.line": env["account.analytic.line"].create(
                {"name": "Table cost", "account_id": analytic.id, "amount": -1}
            ),
        }
        # the portal contact follows the project: Odoo's project sharing
        cls.project.privacy_visibility = "portal"
        cls.project.message_subscribe(partner_ids=cls.contact.ids)
        return samples

    def test_every_model_has_a_row(self):
        ours = {
            name
            for name, model in self.env.registry.items()
            if model._original_module in ("ilo_issa_partnership", "c102_campaign")
        }
        self.assertEqual(ours - set(TABLE) - ABSTRACT, set(), "models without a row")
        self.assertEqual(ABSTRACT - ours, set())
        for name in ABSTRACT:
            self.assertTrue(self.env[name]._abstract, name)

    def _expected(self, model):
        rights = TABLE[model].split()
        self.assertEqual(len(rights), len(ROLES), model)
        return dict(zip(ROLES, rights, strict=True))

    def test_table(self):
        checked = 0
        for model, rights in ((m, self._expected(m)) for m in TABLE):
            Model = self.env[model]
            record = self.samples.get(model)
            for role, expected in rights.items():
                user = self.users[role]
                for op, letter in (
                    ("create", "c"),
                    ("read", "r"),
                    ("write", "w"),
                    ("unlink", "d"),
                ):
                    target = Model
                    if record is not None and op != "create":
                        target = record
                    with self.subTest(model=model, role=role, op=op):
                        self.assertEqual(
                            target.with_user(user).has_access(op),
                            letter in expected,
                            f"{role} {op} {model}",
                        )
                    checked += 1
        self.assertEqual(checked, len(TABLE) * len(ROLES) * 4)

    def test_portal_sees_its_institution_only(self):
        other_project = self.env["project.project"].create(
            {
                "name": "Another institution's project",
                "collaboration_area_id": self.area_advisory.id,
            }
        )
        portal = self.users["portal"]
        for model in PORTAL_MODELS:
            with self.subTest(model=model):
                vals = {"name": "Elsewhere", "project_id": other_project.id}
                if model == "ilo.advisory.mission":
                    vals = self._mission_vals(
                        project_id=other_project.id, state="approved"
                    )
                elsewhere = self.env[model].create(vals)
                self.assertFalse(elsewhere.with_user(portal).has_access("read"))
                visible = self.env[model].with_user(portal).search([])
                self.assertIn(self.samples[model], visible)
                self.assertNotIn(elsewhere, visible)

    def test_workflow_actions(self):
        for (model, action, state), allowed in ACTIONS.items():
            for role in ROLES:
                record = self._action_record(model, state)
                user = self.users[role]
                with self.subTest(model=model, action=action, role=role):
                    if role in allowed:
                        getattr(record.with_user(user), action)()
                    else:
                        with self.assertRaises(UserError):  # AccessError is one
                            with self.env.cr.savepoint():
                                getattr(record.with_user(user), action)()
                        record.invalidate_recordset()
                        self.assertEqual(record.state, state, "unchanged")

    def test_buttons_match_the_actions(self):
        """The form shows an action's button to exactly the roles the server lets
        take it (test_workflow_actions), in the state it starts from."""
        for (model, action, state), allowed in ACTIONS.items():
            values = {"state": state, "source": "people_trained"}
            for role in ROLES[:5]:  # the internal roles (portal: no back-office)
                with self.subTest(model=model, action=action, role=role):
                    seen = visible_buttons(self.env, model, self.users[role], values)
                    self.assertEqual(action in seen, role in allowed)

    def _action_record(self, model, state):
        if model == "ilo.advisory.mission":
            self._mission_day = getattr(self, "_mission_day", 0) + 1
            day = self._mission_day % 28 + 1
            mission = self.env[model].create(
                self._mission_vals(
                    state=state,
                    back_to_office_report="<p>Done</p>",
                    date_start=f"2042-02-{day:02d}",
                    date_end=f"2042-02-{day:02d}",
                )
            )
            self._fund(mission)
            return mission
        if model in ("ilo.training", "ilo.deliverable"):
            return self.env[model].create(
                {"name": "Action", "project_id": self.project.id, "state": state}
            )
        if model == "ilo.indicator.period":
            self._period_year = getattr(self, "_period_year", 2050) + 1
            return self.env[model].create(
                {
                    "indicator_id": self.samples["ilo.indicator"].id,
                    "date_start": f"{self._period_year}-01-01",
                    "date_end": f"{self._period_year}-12-31",
                    "state": state,
                }
            )
        assessment = self._assessment(
            self.kenya, [dict(self.compliant_line("V"), part_id=self.parts["V"].id)]
        )
        assessment.state = state
        return assessment

    def test_state_moves_only_through_the_workflow(self):
        """Writing or creating with a state would skip approval: refused for every
        role, managers included; the actions above are the way."""
        cases = {
            "ilo.advisory.mission": ("approved", self._mission_vals(name="Skip")),
            "ilo.training": ("done", {"name": "Skip", "project_id": self.project.id}),
            "ilo.deliverable": (
                "published",
                {"name": "Skip", "project_id": self.project.id},
            ),
            "ilo.indicator.period": (
                "approved",
                {
                    "indicator_id": self.samples["ilo.indicator"].id,
                    "date_start": "2060-01-01",
                    "date_end": "2060-12-31",
                },
            ),
            "c102.gap.assessment": ("validated", {"c102_country_id": self.kenya.id}),
        }
        for role in ("officer", "manager"):
            user = self.users[role]
            for model, (state, vals) in cases.items():
                with self.subTest(model=model, role=role):
                    record = self.samples.get(model) or self.env[model].create(vals)
                    with self.assertRaisesMsg(UserError, "through the workflow"):
                        record.with_user(user).write({"state": state})
                    # no context key opens it (RPC callers choose their context)
                    with self.assertRaisesMsg(UserError, "through the workflow"):
                        record.with_user(user).with_context(ilo_workflow=True).write(
                            {"state": state}
                        )
                    with self.assertRaisesMsg(UserError, "through the workflow"):
                        self.env[model].with_user(user).create(dict(vals, state=state))
