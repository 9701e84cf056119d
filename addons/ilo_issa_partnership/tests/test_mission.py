# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged

from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestAdvisoryMission(PartnershipCommon):
    def _mission(self, user="officer", funded=True, **vals):
        mission = (
            self.env["ilo.advisory.mission"]
            .with_user(self.users[user])
            .create(self._mission_vals(**vals))
        )
        if funded:
            self._fund(mission)
        return mission

    def test_full_workflow(self):
        mission = self._mission()
        self.assertEqual(mission.state, "draft")
        self.assertEqual(mission.collaboration_area_id, self.area_advisory)
        mission.action_submit()
        self.assertEqual(mission.state, "submitted")
        mission.with_user(self.users["manager"]).action_approve()
        self.assertEqual(mission.state, "approved")
        mission.action_start()
        self.assertEqual(mission.state, "ongoing")
        with self.assertRaisesMsg(UserError, "back-to-office report"):
            mission.action_done()
        mission.back_to_office_report = "<p><br></p>"  # an empty editor is still empty
        with self.assertRaisesMsg(UserError, "back-to-office report"):
            mission.action_done()
        mission.back_to_office_report = (
            "<p>Met the CNSS actuarial team; agreed next steps.</p>"
        )
        mission.action_done()
        self.assertEqual(mission.state, "done")
        # done is final
        for action in (
            "action_cancel",
            "action_draft",
            "action_submit",
            "action_start",
        ):
            with self.subTest(action=action), self.assertRaises(UserError):
                getattr(mission, action)()

    def test_transitions_out_of_order(self):
        mission = self._mission()
        for action in ("action_approve", "action_start", "action_done", "action_draft"):
            with self.subTest(action=action), self.assertRaises(UserError):
                getattr(mission.with_user(self.users["manager"]), action)()
        self.assertEqual(mission.state, "draft")
        mission.action_submit()
        with self.assertRaisesMsg(UserError, "cannot go from 'Submitted' to 'Ongoing'"):
            mission.action_start()

    def test_cancel_and_back_to_draft(self):
        for path in (["action_submit"], ["action_submit", "approve"], []):
            mission = self._mission(date_start="2031-01-01", date_end="2031-01-02")
            for step in path:
                if step == "approve":
                    mission.with_user(self.users["manager"]).action_approve()
                else:
                    getattr(mission, step)()
            mission.action_cancel()
            self.assertEqual(mission.state, "cancelled")
            mission.action_draft()
            self.assertEqual(mission.state, "draft")
        # back to draft from submitted too
        mission = self._mission()
        mission.action_submit()
        mission.action_draft()
        self.assertEqual(mission.state, "draft")

    def test_only_managers_approve(self):
        mission = self._mission()
        mission.action_submit()
        for role in ("officer", "finance", "leadership", "reader"):
            with self.subTest(role=role), self.assertRaises(UserError):
                mission.with_user(self.users[role]).action_approve()
        self.assertEqual(mission.state, "submitted")
        mission.with_user(self.users["manager"]).action_approve()
        self.assertEqual(mission.state, "approved")

    def test_approval_needs_a_budget(self):
        mission = self._mission(funded=False)
        mission.action_submit()
        manager = self.users["manager"]
        with self.assertRaisesMsg(UserError, "without a budget"):
            mission.with_user(manager).action_approve()
        line = self._fund(mission, amount=0.0)
        with self.assertRaisesMsg(UserError, "without a budget"):
            mission.with_user(manager).action_approve()
        line.amount_planned = 500
        mission.with_user(manager).action_approve()
        self.assertEqual(mission.state, "approved")

    def test_submit_needs_dates(self):
        mission = self._mission(date_start=False, date_end=False)
        with self.assertRaisesMsg(UserError, "start and end dates"):
            mission.action_submit()

    def test_end_before_start(self):
        with self.assertRaisesMsg(ValidationError, "before the start date"):
            self._mission(date_start="2030-03-06", date_end="2030-03-02")
        self._mission(date_start="2030-04-06", date_end="2030-04-06")  # one day is fine

    def test_team_member_overlap(self):
        officer = self.users["officer"]
        first = self._mission(name="Dakar mission", member_ids=[officer.id])
        with self.assertRaisesMsg(ValidationError, "Dakar mission"):
            self._mission(
                name="Overlapping",
                member_ids=[officer.id],
                date_start="2030-03-06",
                date_end="2030-03-09",
            )
        # adjacent days do not overlap
        self._mission(
            name="Next",
            member_ids=[officer.id],
            date_start="2030-03-07",
            date_end="2030-03-09",
        )
        # a cancelled mission frees its team
        first.action_cancel()
        self._mission(name="Instead", member_ids=[officer.id])
        # and cannot come back to draft while its dates clash
        with self.assertRaisesMsg(ValidationError, "Instead"):
            first.action_draft()

    def test_overlap_only_for_shared_members(self):
        self._mission(member_ids=[self.users["officer"].id])
        other = self._mission(member_ids=[self.users["manager"].id])
        with self.assertRaises(ValidationError):
            other.member_ids = [(4, self.users["officer"].id)]

    def test_partnership_project_required(self):
        with self.assertRaisesMsg(ValidationError, "not a partnership project"):
            self._mission(project_id=self.plain_project.id)

    def test_form_from_project(self):
        action = self.project.action_view_missions()
        self.assertEqual(action["res_model"], "ilo.advisory.mission")
        self.assertEqual(action["domain"], [("project_id", "=", self.project.id)])
        form = Form(
            self.env["ilo.advisory.mission"]
            .with_context(**action["context"])
            .with_user(self.users["officer"])
        )
        form.name = "From the project"
        form.country_id = self.country
        form.date_start = "2030-05-01"
        form.date_end = "2030-05-03"
        mission = form.save()
        self.assertEqual(mission.project_id, self.project)
        self.assertEqual(self.project.mission_count, 1)


@tagged("post_install", "-at_install")
class TestMissionTracking(TransactionCase):
    """State changes reach the chatter (BaseCommon would disable tracking)."""

    def test_state_changes_are_tracked(self):
        officer = new_test_user(
            self.env,
            login="track_officer",
            groups="ilo_issa_partnership.group_programme_officer",
        )
        project = self.env["project.project"].create(
            {
                "name": "P",
                "collaboration_area_id": self.env.ref(
                    "ilo_issa_partnership.area_policy"
                ).id,
            }
        )
        mission = (
            self.env["ilo.advisory.mission"]
            .with_user(officer)
            .create(
                {
                    "name": "Tracked",
                    "project_id": project.id,
                    "country_id": self.env.ref("base.sn").id,
                    "date_start": "2030-01-01",
                    "date_end": "2030-01-02",
                }
            )
        )
        # Changes of a record created in the same transaction are not tracked:
        # end the creating "transaction" (precommit hooks) first.
        self.env.cr.flush()
        mission.action_submit()
        self.env.flush_all()
        self.env.cr.flush()  # tracking values are written just before commit
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", mission._name),
                ("mail_message_id.res_id", "=", mission.id),
                ("field_id.name", "=", "state"),
            ]
        )
        self.assertEqual(len(tracked), 1)
        self.assertEqual(tracked.old_value_char, "Draft")
        self.assertEqual(tracked.new_value_char, "Submitted")
        self.assertEqual(tracked.mail_message_id.author_id, officer.partner_id)
