# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workflow mixin's contract as users meet it: the buttons each role sees, the
hint saying who acts next, the approval activities, the budget warning at submit
time, and every step taken by users without an e-mail address."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import GROUPS, PartnershipCommon, visible_buttons

APPROVAL = "ilo_issa_partnership.mail_activity_type_approval"
STAFF, MANAGERS, NOBODY = ("officer", "manager"), ("manager",), ()

# model -> state -> {button: roles who see it}; every other button is hidden
BUTTONS = {
    "ilo.advisory.mission": {
        "draft": {"action_submit": STAFF, "action_cancel": STAFF},
        "submitted": {
            "action_approve": MANAGERS,
            "action_refuse": MANAGERS,
            "action_draft": STAFF,
            "action_cancel": STAFF,
        },
        "approved": {"action_start": STAFF, "action_cancel": STAFF},
        "ongoing": {"action_done": STAFF, "action_cancel": STAFF},
        "done": {},
        "cancelled": {"action_draft": STAFF},
    },
    "ilo.training": {
        "planned": {"action_start": STAFF, "action_cancel": STAFF},
        "ongoing": {"action_done": STAFF, "action_cancel": STAFF},
        "done": {},
        "cancelled": {"action_plan": STAFF},
    },
    "ilo.deliverable": {
        "planned": {"action_start": STAFF, "action_cancel": STAFF},
        "in_progress": {"action_review": STAFF, "action_cancel": STAFF},
        "in_review": {
            "action_accept": STAFF,
            "action_reset": STAFF,
            "action_cancel": STAFF,
        },
        "accepted": {"action_publish": STAFF},
        "published": {},
        "cancelled": {"action_reset": STAFF},
    },
    "ilo.indicator.period": {
        "draft": {"action_submit": STAFF, "action_refresh_actuals": STAFF},
        "submitted": {
            "action_approve": MANAGERS,
            "action_refuse": MANAGERS,
            "action_reset_draft": STAFF,
        },
        "approved": {"action_reset_draft": MANAGERS},
    },
}
# the periods' buttons in the indicator form's list (no Refuse there)
PERIOD_LIST = {
    state: {b: roles for b, roles in buttons.items() if b != "action_refuse"}
    for state, buttons in BUTTONS["ilo.indicator.period"].items()
}


def expected(buttons, role):
    return {name for name, roles in buttons.items() if role in roles}


@tagged("post_install", "-at_install")
class TestWorkflowButtons(PartnershipCommon):
    def test_buttons_per_role(self):
        for model, states in BUTTONS.items():
            for state, buttons in states.items():
                values = {"state": state, "source": "people_trained"}
                for role, user in self.users.items():
                    with self.subTest(model=model, state=state, role=role):
                        self.assertEqual(
                            visible_buttons(self.env, model, user, values),
                            expected(buttons, role),
                        )

    def test_period_buttons_in_the_indicator_form(self):
        for state, buttons in PERIOD_LIST.items():
            values = {"state": state, "source": "people_trained"}
            for role, user in self.users.items():
                with self.subTest(state=state, role=role):
                    seen = visible_buttons(
                        self.env, "ilo.indicator", user, values, field="period_ids"
                    )
                    self.assertEqual(seen, expected(buttons, role))

    def test_read_only_roles_see_no_workflow_button(self):
        for role in ("reader", "finance", "leadership"):
            for model, states in BUTTONS.items():
                for state in states:
                    values = {"state": state, "source": "manual"}
                    with self.subTest(role=role, model=model, state=state):
                        self.assertFalse(
                            visible_buttons(self.env, model, self.users[role], values)
                        )


@tagged("post_install", "-at_install")
class TestApprovalLoop(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.approvers = (
            cls.env.ref(GROUPS["manager"])
            .users.filtered(lambda u: u.active and not u.share)
            .filtered(lambda u: cls.env.company in u.company_ids)
        )

    def _mission(self, funded=True, **vals):
        officer = self.users["officer"]
        mission = (
            self.env["ilo.advisory.mission"]
            .with_user(officer)
            .create(self._mission_vals(**vals))
        )
        if funded:
            self._fund(mission)
        return mission

    def _approvals(self, record):
        return record.sudo().activity_search([APPROVAL])

    def test_submit_schedules_one_activity_per_approver(self):
        mission = self._mission()
        self.assertIn(self.users["manager"], self.approvers)
        self.assertEqual(mission.action_submit(), True)  # funded: no warning
        activities = self._approvals(mission)
        self.assertEqual(activities.user_id, self.approvers)
        self.assertEqual(len(activities), len(self.approvers))
        self.assertTrue(all(activities.mapped("automated")))
        # the approvers follow the mission, the chatter names them
        self.assertLessEqual(
            self.approvers.partner_id, mission.sudo().message_partner_ids
        )
        bodies = " ".join(mission.message_ids.mapped("body"))
        self.assertIn("approval activities scheduled", bodies)
        self.assertIn(self.users["manager"].name, bodies)

    def test_approval_closes_the_activities(self):
        manager = self.users["manager"]
        mission = self._mission()
        mission.action_submit()
        mission.with_user(manager).action_approve()
        self.assertEqual(mission.state, "approved")
        self.assertFalse(self._approvals(mission))
        done = mission.sudo().message_ids.filtered(
            lambda m: m.mail_activity_type_id == self.env.ref(APPROVAL)
        )
        self.assertEqual(len(done), 1, "the approver's own activity is marked done")
        self.assertIn("Approved", done.body)

    def test_refusal_and_withdrawal_close_the_activities(self):
        manager = self.users["manager"]
        refused = self._mission(name="Refused")
        refused.action_submit()
        with self.assertRaisesMsg(UserError, "Only partnership managers"):
            refused.action_refuse()
        refused.with_user(manager).action_refuse()
        self.assertEqual(refused.state, "draft")
        self.assertFalse(self._approvals(refused))
        withdrawn = self._mission(
            name="Withdrawn", date_start="2030-05-01", date_end="2030-05-02"
        )
        withdrawn.action_submit()
        withdrawn.action_draft()  # the officer takes it back
        self.assertFalse(self._approvals(withdrawn))

    def test_period_approval_loop(self):
        officer, manager = self.users["officer"], self.users["manager"]
        result = self.env["ilo.result"].create(
            {"name": "Outcome", "project_id": self.project.id}
        )
        indicator = self.env["ilo.indicator"].create(
            {"name": "Indicator", "result_id": result.id}
        )
        period = self.env["ilo.indicator.period"].create(
            {
                "indicator_id": indicator.id,
                "date_start": "2030-01-01",
                "date_end": "2030-12-31",
                "actual_value": 3,
            }
        )
        period.with_user(officer).action_submit()
        self.assertEqual(self._approvals(period).user_id, self.approvers)
        hint = period.with_user(officer).workflow_hint
        self.assertIn("waiting for a partnership manager", hint)
        self.assertFalse(period.with_user(manager).workflow_hint)
        period.with_user(manager).action_approve()
        self.assertFalse(self._approvals(period))
        self.assertEqual(period.approved_by_id, manager)

    def test_submit_without_budget_warns(self):
        mission = self._mission(funded=False)
        action = mission.action_submit()
        self.assertEqual(mission.state, "submitted")
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "warning")
        for words in ("Finance", "Budget tab"):
            self.assertIn(words, action["params"]["message"])
        notes = mission.message_ids.mapped("body")
        self.assertTrue(any("has no budget yet" in body for body in notes))
        # the form says it too, and the approval refusal says where and who
        self.assertIn("Budget tab", mission.workflow_hint)
        with self.assertRaisesMsg(UserError, "without a budget.*Finance.*Budget tab"):
            mission.with_user(self.users["manager"]).action_approve()

    def test_hint_names_who_acts_next(self):
        mission = self._mission()
        self.assertFalse(mission.workflow_hint)  # draft and funded: the officer acts
        mission.action_submit()
        for role in ("officer", "reader", "leadership", "finance"):
            with self.subTest(role=role):
                hint = mission.with_user(self.users[role]).workflow_hint
                self.assertIn("waiting for a partnership manager", hint)
        self.assertFalse(mission.with_user(self.users["manager"]).workflow_hint)


@tagged("post_install", "-at_install")
class TestWithoutEmail(PartnershipCommon):
    """Users without an e-mail address take every workflow and budget step: the
    chatter gets notes, never mails that would fail."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        roles = ("officer", "finance", "manager")
        cls.nomail = cls._role_users("ilo_nomail", roles, email=False)
        # the chatter as in production: tracking, subscriptions, notifications
        cls.env = cls.env(
            context=dict(cls.env.context, tracking_disable=False, mail_notrack=False)
        )

    def _commit_tracking(self):
        """Tracking values are written when the transaction commits."""
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_mission_and_budget_steps(self):
        officer, finance, manager = (
            self.nomail[r] for r in ("officer", "finance", "manager")
        )
        mission = (
            self.env["ilo.advisory.mission"]
            .with_user(officer)
            .create(self._mission_vals())
        )
        self._commit_tracking()  # a new request: creation is not tracked
        mission.action_submit()  # warns (no budget), schedules, notes
        self.assertTrue(mission.sudo().activity_search([APPROVAL]))
        line = (
            self.env["ilo.budget.line"]
            .with_user(finance)
            .create(
                {
                    "project_id": self.project.id,
                    "mission_id": mission.id,
                    "funding_source_id": self.funding_source.id,
                    "category": "travel",
                    "date_from": "2030-01-01",
                    "date_to": "2030-12-31",
                    "amount_planned": 100,
                }
            )
        )
        line.with_user(finance).amount_planned = 200
        mission.with_user(manager).action_approve()
        line.with_user(manager).amount_committed = 300  # over budget: a note
        self.assertIn("Over budget", " ".join(line.message_ids.mapped("body")))
        mission.with_user(officer).action_start()
        mission.with_user(officer).back_to_office_report = "<p>Report</p>"
        mission.with_user(officer).action_done()
        self.assertEqual(mission.state, "done")
        self._commit_tracking()  # the state changes, tracked as the officer's notes
        tracked = mission.sudo().message_ids.filtered("tracking_value_ids")
        self.assertIn(officer.partner_id, tracked.author_id)
        self.assertFalse(
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", mission._name)])
            .filtered(lambda m: not m.email_from),
            "no mail without sender",
        )

    def test_refusal_and_period(self):
        officer, manager = self.nomail["officer"], self.nomail["manager"]
        mission = (
            self.env["ilo.advisory.mission"]
            .with_user(officer)
            .create(self._mission_vals(user_id=self.users["officer"].id))
        )
        self._fund(mission)
        mission.action_submit()
        mission.with_user(manager).action_refuse()
        self.assertEqual(mission.state, "draft")
        result = self.env["ilo.result"].create(
            {"name": "Outcome", "project_id": self.project.id}
        )
        indicator = self.env["ilo.indicator"].create(
            {"name": "Indicator", "result_id": result.id}
        )
        period = (
            self.env["ilo.indicator.period"]
            .with_user(officer)
            .create(
                {
                    "indicator_id": indicator.id,
                    "date_start": "2030-01-01",
                    "date_end": "2030-12-31",
                }
            )
        )
        period.action_submit()
        period.with_user(manager).action_approve()
        period.with_user(manager).action_reset_draft()
        self.assertEqual(period.state, "draft")
        # assigning someone else: Odoo's "assigned to you" would be mailed by them
        others = {"project_id": self.project.id, "user_id": self.users["officer"].id}
        for model, values in (
            ("ilo.training", {"name": "T", **others}),
            ("ilo.deliverable", {"name": "D", **others}),
        ):
            record = self.env[model].with_user(officer).create(values)
            record.user_id = manager
            record.invalidate_recordset()
            self.assertIn(manager.partner_id, record.message_partner_ids)
            record.action_start()
            record.action_cancel()
            self.assertEqual(record.state, "cancelled")


@tagged("post_install", "-at_install")
class TestWorkflowMixin(PartnershipCommon):
    def test_transition_messages(self):
        training = self.env["ilo.training"].create(
            {"name": "Course", "project_id": self.project.id}
        )
        training.action_start()
        with self.assertRaisesMsg(UserError, "to 'Ongoing': it is already Ongoing"):
            training.action_start()
        with self.assertRaisesMsg(UserError, "cannot go from 'Ongoing' to 'Planned'"):
            training.action_plan()

    def test_group_check_names_the_role(self):
        mission = self.env["ilo.advisory.mission"].create(self._mission_vals())
        self._fund(mission)
        mission.action_submit()
        with self.assertRaisesMsg(
            UserError, "Only partnership managers can approve missions"
        ):
            mission.with_user(self.users["officer"]).action_approve()

    def test_res_users_role_helpers(self):
        expectations = {
            "reader": (False, False),
            "officer": (True, False),
            "finance": (False, False),
            "leadership": (False, False),
            "manager": (True, True),
        }
        for role, (officer, manager) in expectations.items():
            with self.subTest(role=role):
                user = self.users[role]
                self.assertEqual(user._ilo_is_officer(), officer)
                self.assertEqual(user._ilo_is_manager(), manager)
