# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportPartnership(models.AbstractModel):
    """The partnership report's content for the period of each wizard: the
    period's work per collaboration area, key figures and the budget."""

    _name = "report.ilo_issa_partnership.report_partnership"
    _inherit = ["ilo.report.mixin"]
    _description = "Partnership Report (content)"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["ilo.partnership.report.wizard"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": docs._name,
            "docs": docs,
            "report_data": {
                doc.id: self._report_data(doc.date_from, doc.date_to) for doc in docs
            },
        }

    @api.model
    def _ilo_running_header(self, docids, data=None):
        docs = self.env["ilo.partnership.report.wizard"].browse(docids)
        periods = [self._ilo_period(doc.date_from, doc.date_to) for doc in docs]
        return self.env._("ILO–ISSA partnership report"), "; ".join(periods)

    @api.model
    def _in_period(self, field, start, end):
        return [(field, ">=", start), (field, "<=", end)]

    @api.model
    def _report_activities(self, start, end):
        """The period's work: {kind: records}, each kind a section of the report."""
        Deliverable = self.env["ilo.deliverable"]
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
                [("state", "=", "done"), *self._in_period("date_end", start, end)],
                order="date_end",
            ),
            "trainings": self.env["ilo.training"].search(
                [
                    ("state", "!=", "cancelled"),
                    *self._in_period("date_start", start, end),
                ],
                order="date_start",
            ),
            "published": Deliverable.search(
                [
                    ("state", "=", "published"),
                    *self._in_period("date_deadline", start, end),
                ]
            ),
            # late: due within the period and still not delivered
            "late": Deliverable.search(
                [("is_late", "=", True), *self._in_period("date_deadline", start, end)]
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

    @api.model
    def _report_budget(self, start, end):
        """Planned, committed, actual and available per funding source over the
        budget lines that overlap the period."""
        lines = self.env["ilo.budget.line"].with_context(active_test=False)
        amounts = ("planned", "committed", "actual", "available")
        groups = lines._read_group(
            [("date_from", "<=", end), ("date_to", ">=", start)],
            ["funding_source_id"],
            [f"amount_{amount}:sum" for amount in amounts],
        )
        return [
            {"source": source} | dict(zip(amounts, sums, strict=True))
            for source, *sums in groups
        ]

    @api.model
    def _key_figures(self, activities):
        """The key figures as (label, value) pairs, in the reader's language."""
        _ = self.env._
        trainings = activities["trainings"]
        return [
            (_("Missions completed"), len(activities["missions"])),
            (_("Trainings"), len(trainings)),
            (_("Participants (attended)"), sum(trainings.mapped("attended_count"))),
            (_("Women among participants"), sum(trainings.mapped("female_count"))),
            (_("Deliverables published"), len(activities["published"])),
            (_("Deliverables late"), len(activities["late"])),
        ]

    @api.model
    def _report_data(self, start, end):
        """Everything the report shows for a period, by aggregate queries and
        bounded searches."""
        activities = self._report_activities(start, end)
        show_money = self._ilo_show_money()
        return {
            "areas": self._report_areas(activities),
            "budget": self._report_budget(start, end) if show_money else [],
            "show_money": show_money,
            "key_figures": self._key_figures(activities),
            "indicator_comments": self._ilo_indicator_comments(
                activities["indicators"]
            ),
        }
