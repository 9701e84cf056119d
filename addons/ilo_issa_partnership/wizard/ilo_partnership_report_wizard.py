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

    def _report_data(self):
        """Everything the report shows, by aggregate queries and bounded searches."""
        self.ensure_one()
        start, end = self.date_from, self.date_to
        Mission = self.env["ilo.advisory.mission"]
        Training = self.env["ilo.training"]
        Deliverable = self.env["ilo.deliverable"]
        missions = Mission.search(
            [
                ("state", "=", "done"),
                ("date_end", ">=", start),
                ("date_end", "<=", end),
            ],
            order="date_end",
        )
        trainings = Training.search(
            [
                ("state", "!=", "cancelled"),
                ("date_start", ">=", start),
                ("date_start", "<=", end),
            ],
            order="date_start",
        )
        published = Deliverable.search(
            [
                ("state", "=", "published"),
                ("date_deadline", ">=", start),
                ("date_deadline", "<=", end),
            ]
        )
        # late: due within the period and still not delivered
        late = Deliverable.search(
            [
                ("is_late", "=", True),
                ("date_deadline", ">=", start),
                ("date_deadline", "<=", end),
            ]
        )
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
        indicators = self.env["ilo.indicator"].search(
            [("project_id", "in", running.ids)],
            order="project_id, result_id, sequence, id",
        )
        areas = []
        for area in self.env["ilo.collaboration.area"].search([]):
            projects = running.filtered(lambda p, a=area: p.collaboration_area_id == a)
            areas.append(
                {
                    "area": area,
                    "projects": projects,
                    "missions": missions.filtered(
                        lambda m, a=area: m.collaboration_area_id == a
                    ),
                    "trainings": trainings.filtered(
                        lambda t, a=area: t.collaboration_area_id == a
                    ),
                    "published": published.filtered(
                        lambda d, a=area: d.collaboration_area_id == a
                    ),
                    "late": late.filtered(
                        lambda d, a=area: d.collaboration_area_id == a
                    ),
                    "indicators": indicators.filtered(
                        lambda i, a=area: i.collaboration_area_id == a
                    ),
                }
            )
        budget = []
        if self._can_see_money():
            lines = self.env["ilo.budget.line"].with_context(active_test=False)
            groups = lines._read_group(
                [("date_from", "<=", end), ("date_to", ">=", start)],
                ["funding_source_id"],
                [
                    "amount_planned:sum",
                    "amount_committed:sum",
                    "amount_actual:sum",
                    "amount_available:sum",
                ],
            )
            budget = [
                {
                    "source": source,
                    "planned": planned,
                    "committed": committed,
                    "actual": actual,
                    "available": available,
                }
                for source, planned, committed, actual, available in groups
            ]
        return {
            "areas": areas,
            "budget": budget,
            "show_money": self._can_see_money(),
            "totals": {
                "missions": len(missions),
                "trainings": len(trainings),
                "participants": sum(trainings.mapped("attended_count")),
                "women": sum(trainings.mapped("female_count")),
                "published": len(published),
                "late": len(late),
            },
        }
