# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Records with history are archived, never deleted; money is never orphaned."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PartnershipCommon


@tagged("post_install", "-at_install")
class TestDeletionAndArchiving(PartnershipCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.analytic = cls.env["account.analytic.account"].create(
            {
                "name": "Deletion test account",
                "plan_id": cls.env.ref("analytic.analytic_plan_projects").id,
            }
        )
        cls.project.account_id = cls.analytic
        cls.source_chf = cls._funding_source("DEL-T", amount=100_000)
        cls.mission = cls.env["ilo.advisory.mission"].create(cls._mission_vals())

    def _line(self, **vals):
        return self.env["ilo.budget.line"].create(
            {
                "project_id": self.project.id,
                "mission_id": self.mission.id,
                "funding_source_id": self.source_chf.id,
                "category": "travel",
                "date_from": "2030-01-01",
                "date_to": "2030-12-31",
                "amount_planned": 10_000,
                **vals,
            }
        )

    def _spend(self, line, amount):
        return self.env["account.analytic.line"].create(
            {
                "name": "Cost",
                "account_id": self.analytic.id,
                "ilo_budget_line_id": line.id,
                "date": "2030-07-15",
                "amount": -amount,
            }
        )

    def _assert_refused(self, records, regex, user=None):
        with self.assertRaisesMsg(UserError, regex):
            (records.with_user(user) if user else records).unlink()
        self.assertTrue(records.exists())

    def test_missions(self):
        Mission = self.env["ilo.advisory.mission"]
        draft = Mission.create(
            self._mission_vals(date_start="2031-01-05", date_end="2031-01-09")
        )
        draft.unlink()  # no history, no money: deleted
        done = Mission.create(
            self._mission_vals(
                state="done",
                back_to_office_report="<p>r</p>",
                date_start="2031-02-05",
                date_end="2031-02-09",
            )
        )
        self._assert_refused(done, "took place.*Archive it instead")
        done.action_archive()
        self.assertFalse(Mission.search([("id", "=", done.id)]))
        self.assertTrue(done.with_context(active_test=False).exists())
        funded = Mission.create(
            self._mission_vals(date_start="2031-03-05", date_end="2031-03-09")
        )
        self.env["ilo.budget.line"].create(
            {
                "project_id": self.project.id,
                "mission_id": funded.id,
                "funding_source_id": self.source_chf.id,
                "date_from": "2031-01-01",
                "date_to": "2031-12-31",
                "amount_planned": 100,
            }
        )
        self._assert_refused(funded, "has budget lines")

    def test_trainings_and_deliverables(self):
        training = self.env["ilo.training"].create(
            {"name": "Held", "project_id": self.project.id, "state": "done"}
        )
        self._assert_refused(training, "took place")
        Deliverable = self.env["ilo.deliverable"]
        for state in ("accepted", "published"):
            deliverable = Deliverable.create(
                {"name": state, "project_id": self.project.id, "state": state}
            )
            self._assert_refused(deliverable, "accepted or published")
        Deliverable.create({"name": "Idea", "project_id": self.project.id}).unlink()

    def test_budget_lines_keep_money_when_archived(self):
        line = self._line(amount_committed=1_000)
        self._spend(line, 2_000)
        self._assert_refused(line, "committed or spent.*Archive it")
        planned = self.project.budget_planned
        self.assertTrue(planned)
        line.action_archive()
        self.project.invalidate_recordset()
        self.assertEqual(self.project.budget_planned, planned, "archived lines count")
        self.assertEqual(self.source_chf.amount_allocated, 10_000)
        # the analytic line cannot be orphaned either (restricted link)
        empty = self._line(
            category="other", date_from="2031-01-01", date_to="2031-12-31"
        )
        empty.unlink()
        self.assertFalse(empty.exists())

    def test_funding_sources_and_projects(self):
        self._line()
        self._assert_refused(self.source_chf, "budget lines are funded by it")
        self._assert_refused(self.project, "cannot be deleted: it has")
        # a funding source with no line: deleted
        self._funding_source("EMPTY").unlink()
