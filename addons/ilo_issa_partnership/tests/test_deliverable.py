# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestDeliverable(PartnershipCommon):
    def _deliverable(self, **vals):
        return self.env["ilo.deliverable"].create(
            {"name": "Report", "project_id": self.project.id, **vals}
        )

    def test_is_late(self):
        yesterday = date.today() - timedelta(days=1)
        late = self._deliverable(date_deadline=yesterday)
        self.assertTrue(late.is_late)
        self.assertIn(
            late, self.env["ilo.deliverable"].search([("is_late", "=", True)])
        )
        on_time = self._deliverable(date_deadline=date.today())
        self.assertFalse(on_time.is_late)
        self.assertFalse(self._deliverable().is_late)  # no deadline
        for state in ("accepted", "published", "cancelled"):
            late.state = state
            self.assertFalse(late.is_late, state)
        late.state = "in_review"
        self.assertTrue(late.is_late)

    def test_deadline_passing_makes_late_without_a_write(self):
        deliverable = self._deliverable(date_deadline=date.today() + timedelta(days=2))
        done = self._deliverable(
            date_deadline=date.today() + timedelta(days=2), state="published"
        )
        self.assertFalse(deliverable.is_late)
        with freeze_time(date.today() + timedelta(days=3)):
            self.env.invalidate_all()  # a request of that day: nothing cached
            self.assertTrue(deliverable.is_late)
            self.assertFalse(done.is_late)
            self.assertEqual(
                self.env["ilo.deliverable"].search(
                    [("is_late", "=", True), ("id", "in", (deliverable | done).ids)]
                ),
                deliverable,
            )
            self.assertEqual(
                self.env["ilo.deliverable"].search(
                    [("is_late", "=", False), ("id", "in", (deliverable | done).ids)]
                ),
                done,
            )
        # moving the deadline clears it
        deliverable.date_deadline = date.today() + timedelta(days=30)
        self.assertFalse(deliverable.is_late)

    def test_late_in_the_users_day(self):
        """Judged in the user's time zone, not the server's: 23:30 UTC on the
        deadline is already the next day in Nairobi (UTC+3)."""
        deadline = date(2030, 5, 10)
        deliverable = self._deliverable(date_deadline=deadline)
        Deliverable = self.env["ilo.deliverable"]
        with freeze_time("2030-05-10 23:30:00"):
            for tz, late in (("UTC", False), ("Africa/Nairobi", True)):
                self.env.invalidate_all()
                in_tz = Deliverable.with_context(tz=tz)
                self.assertEqual(in_tz.browse(deliverable.id).is_late, late, tz)
                self.assertEqual(
                    bool(
                        in_tz.search(
                            [("is_late", "=", True), ("id", "=", deliverable.id)]
                        )
                    ),
                    late,
                    tz,
                )

    def test_no_cron_for_lateness(self):
        self.assertFalse(
            self.env["ir.cron"]
            .with_context(active_test=False)
            .search([("code", "ilike", "is_late")])
        )

    def test_responsible_follows(self):
        """The responsible is the deliverable's user_id: mail.thread subscribes them
        when set, as on missions and trainings."""
        officer, manager = self.users["officer"], self.users["manager"]
        deliverable = (
            self.env["ilo.deliverable"]
            .with_context(tracking_disable=False)
            .create(
                {
                    "name": "Followed",
                    "project_id": self.project.id,
                    "user_id": officer.id,
                }
            )
        )
        self.assertIn(officer.partner_id, deliverable.message_partner_ids)
        deliverable.user_id = manager
        self.assertIn(manager.partner_id, deliverable.message_partner_ids)

    def test_workflow(self):
        deliverable = self._deliverable()
        with self.assertRaises(UserError):
            deliverable.action_publish()
        deliverable.action_start()
        deliverable.action_review()
        deliverable.action_reset()
        self.assertEqual(deliverable.state, "in_progress")
        deliverable.action_review()
        deliverable.action_accept()
        with self.assertRaises(UserError):
            deliverable.action_cancel()
        deliverable.action_publish()
        self.assertEqual(deliverable.state, "published")

    def test_links_and_languages(self):
        mission = self.env["ilo.advisory.mission"].create(self._mission_vals())
        deliverable = self._deliverable(
            mission_ids=[mission.id],
            language_ids=[
                self.env.ref("base.lang_fr").id,
                self.env.ref("base.lang_en").id,
            ],
        )
        self.assertEqual(mission.deliverable_ids, deliverable)
        self.assertEqual(len(deliverable.language_ids), 2)
        self.assertEqual(self.project.deliverable_count, 1)
