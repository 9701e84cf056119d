# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class IloPartnershipReportWizard(models.TransientModel):
    """The period of the partnership report, and the report's content."""

    _name = "ilo.partnership.report.wizard"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Partnership Report"

    date_from = fields.Date(
        required=True, default=lambda self: self._default_period()[0]
    )
    date_to = fields.Date(required=True, default=lambda self: self._default_period()[1])

    @api.model
    def _default_period(self):
        today = fields.Date.context_today(self)
        return today.replace(month=1, day=1), today.replace(month=12, day=31)

    def action_print(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The period ends before it starts."))
        return self.env.ref(
            "ilo_issa_partnership.action_report_partnership"
        ).report_action(self)

    def _can_see_money(self):
        return self.env.user._ilo_sees_money()

    def _in_period(self, field):
        return [(field, ">=", self.date_from), (field, "<=", self.date_to)]

    def _report_activities(self):
        """The period's work: {kind: records}, each kind a section of the report."""
        Deliverable = self.env["ilo.deliverable"]
        start, end = self.date_from, self.date_to
        running = self.env["project.project"].search(
            [
                ("is_partnership", "=", True),
                "|",
                ("date_start", "=", False),
                ("date_start", "<=", end),
                "|",
                ("date", "=", False),
                ("date", ">=", start),
            ]
        )
        return {
            "projects": running,
            "missions": self.env["ilo.advisory.mission"].search(
                [("state", "=", "done"), *self._in_period("date_end")],
                order="date_end",
            ),
            "trainings": self.env["ilo.training"].search(
                [("state", "!=", "cancelled"), *self._in_period("date_start")],
                order="date_start",
            ),
            "published": Deliverable.search(
                [("state", "=", "published"), *self._in_period("date_deadline")]
            ),
            # late: due within the period and still not delivered
            "late": Deliverable.search(
                [("is_late", "=", True), *self._in_period("date_deadline")]
            ),
            "indicators": self.env["ilo.indicator"].search(
                [("project_id", "in", running.ids)],
                order="project_id, result_id, sequence, id",
            ),
        }

    @api.model
    def _report_areas(self, activities):
        """The activities split by collaboration area, one section per area."""
        return [
            {"area": area}
            | {
                kind: records.filtered(lambda r, a=area: r.collaboration_area_id == a)
                for kind, records in activities.items()
            }
            for area in self.env["ilo.collaboration.area"].search([])
        ]

    def _report_budget(self):
        """Planned, committed, actual and available per funding source over the
        budget lines that overlap the period."""
        lines = self.env["ilo.budget.line"].with_context(active_test=False)
        amounts = ("planned", "committed", "actual", "available")
        groups = lines._read_group(
            [("date_from", "<=", self.date_to), ("date_to", ">=", self.date_from)],
            ["funding_source_id"],
            [f"amount_{amount}:sum" for amount in amounts],
        )
        return [
            {"source": source} | dict(zip(amounts, sums, strict=True))
            for source, *sums in groups
        ]

    def _report_data(self):
        """Everything the report shows, by aggregate queries and bounded searches."""
        self.ensure_one()
        activities = self._report_activities()
        trainings = activities["trainings"]
        show_money = self._can_see_money()
        return {
            "areas": self._report_areas(activities),
            "budget": self._report_budget() if show_money else [],
            "show_money": show_money,
            "totals": {
                "missions": len(activities["missions"]),
                "trainings": len(trainings),
                "participants": sum(trainings.mapped("attended_count")),
                "women": sum(trainings.mapped("female_count")),
                "published": len(activities["published"]),
                "late": len(activities["late"]),
            },
        }
