# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from odoo import api, fields, models

from ..rules import women_share


class IloPartnershipDashboard(models.AbstractModel):
    """What leadership looks at: portfolio per area, spend, late work, people. The
    data of the client action ``ilo_partnership_dashboard`` (static/src/dashboard):
    no records, no table; the readers' rights are those of the models behind."""

    _name = "ilo.partnership.dashboard"
    _description = "Partnership Dashboard"

    @api.model
    def _participant_counts(self):
        """Attended participants of trainings held (done) per constituent group and
        gender, as the partnership report counts people trained:
        ``({group: label}, {gender: label}, {group: {gender: count}}, Counter of
        genders)``."""
        env = self.env
        Participant = env["ilo.training.participant"]
        groups = dict(
            Participant._fields["constituent_group"]._description_selection(env)
        )
        genders = dict(Participant._fields["gender"]._description_selection(env))
        cells, by_gender = {}, Counter()
        for group, gender, count in Participant._read_group(
            self._participant_domain(), ["constituent_group", "gender"], ["__count"]
        ):
            cells.setdefault(group, {})[gender] = count
            by_gender[gender] += count
        return groups, genders, cells, by_gender

    @api.model
    def _participant_domain(self):
        """The people trained: attended participants of trainings held."""
        return [("attended", "=", True), ("training_id.state", "=", "done")]

    @api.model
    def _spend_by_source(self):
        """``[(funding source, planned, actual, available, rates missing)]`` over
        all budget lines (amounts in the source's currency; ``rates missing`` is true
        when a line of the source has no exchange rate for its date)."""
        return self.env["ilo.budget.line"]._read_group(
            [],
            ["funding_source_id"],
            [
                "amount_planned:sum",
                "amount_actual:sum",
                "amount_available:sum",
                "ilo_rate_missing:bool_or",
            ],
        )

    # --- the client action's data (static/src/dashboard) -------------------------

    @api.model
    def get_dashboard_data(self):
        """Everything the partnership dashboard (client action
        ``ilo_partnership_dashboard``) shows, as plain data for the reader: figures,
        charts (labels, series and, per value, the domain of the records behind
        it) and lists. Money only for finance and leadership."""
        env = self.env
        for model in ("ilo.partnership.analysis", "ilo.training.participant"):
            env[model].check_access("read")
        # one read of the analysis (a view over every budget line) for the total
        # and the chart
        by_area_year = self._delivery_groups()
        activity_count = sum(count for _area, _year, count in by_area_year)
        groups, genders, cells, by_gender = self._participant_counts()
        Deliverable = env["ilo.deliverable"]
        late_count = Deliverable.search_count([("is_late", "=", True)])
        late = Deliverable.search(
            [("is_late", "=", True)], order="date_deadline, id", limit=10
        )
        budget = self._budget_groups()
        data = {
            "figures": {
                "activity_count": activity_count,
                "late_count": late_count,
                "participant_count": by_gender.total(),
                "female_share": round(women_share(by_gender), 1),
            },
            "delivery": self._delivery_chart(by_area_year),
            "participants": {
                "res_model": "ilo.training.participant",
                "domain": self._participant_domain(),
                "labels": [groups.get(g, env._("Not set")) for g in cells],
                "series": [
                    {
                        "label": label,
                        "values": [cells[g].get(gender, 0) for g in cells],
                        "domains": [
                            [
                                *self._participant_domain(),
                                ("constituent_group", "=", g),
                                ("gender", "=", gender),
                            ]
                            for g in cells
                        ],
                    }
                    for gender, label in genders.items()
                ],
            },
            "late": [
                {
                    "id": deliverable.id,
                    "name": deliverable.display_name,
                    "project": deliverable.project_id.display_name or "",
                    "date_deadline": fields.Date.to_string(deliverable.date_deadline),
                }
                for deliverable in late
            ],
            "status": self._status_data(budget),
            "spend": self._spend_data(budget) if env.user._ilo_sees_money() else False,
        }
        return data

    @api.model
    def _delivery_groups(self):
        """``[(area, year, count)]``: the activities per collaboration area and year
        (year False: no date), the analysis' figures."""
        return self.env["ilo.partnership.analysis"]._read_group(
            [], ["collaboration_area_id", "year"], ["__count"]
        )

    @api.model
    def _delivery_chart(self, by_area_year=None):
        """Activities per collaboration area and year (the analysis' figures) of
        the dated activities, from ``_delivery_groups`` (read when not given)."""
        if by_area_year is None:
            by_area_year = self._delivery_groups()
        by = [(area, year, count) for area, year, count in by_area_year if year]
        years = sorted({year for _area, year, _count in by})
        table = {}
        for area, year, count in by:
            table.setdefault(area, {})[year] = count
        return {
            "res_model": "ilo.partnership.analysis",
            "labels": [str(year) for year in years],
            "series": [
                {
                    "label": area.name or self.env._("Not set"),
                    "values": [counts.get(year, 0) for year in years],
                    "domains": [
                        [("collaboration_area_id", "=", area.id), ("year", "=", year)]
                        for year in years
                    ],
                }
                for area, counts in sorted(
                    table.items(), key=lambda item: item[0].sequence
                )
            ],
        }

    @api.model
    def _budget_groups(self):
        """One read of every budget line (archived ones too) for what the dashboard
        shows of the budget, instead of one per figure (a read of all the lines is
        the dashboard's largest cost): ``[(project, funding source, active,
        planned, actual, available (in the source's currency), planned, actual (in
        the company's currency), rates missing)]``."""
        return (
            self.env["ilo.budget.line"]
            .with_context(active_test=False)
            ._read_group(
                [],
                ["project_id", "funding_source_id", "active"],
                [
                    "amount_planned:sum",
                    "amount_actual:sum",
                    "amount_available:sum",
                    "amount_planned_company:sum",
                    "amount_actual_company:sum",
                    "ilo_rate_missing:bool_or",
                ],
            )
        )

    @api.model
    def _status_data(self, budget=None):
        """Partnership projects per status, and those not on track with why.
        ``budget``: the dashboard's ``_budget_groups``, whose company amounts per
        project are the projects' budget totals (``budget_planned`` and
        ``budget_actual``, every line of the project, archived ones too) that the
        status compares with the time elapsed: given to the projects rather than
        read again."""
        projects = self.env["project.project"].search([("is_partnership", "=", True)])
        if budget is not None:
            totals = {}
            for project, _s, _a, _p, _ac, _av, planned, actual, _m in budget:
                sums = totals.setdefault(project.id, [0.0, 0.0])
                sums[0] += planned or 0.0
                sums[1] += actual or 0.0
            for name, index in (("budget_planned", 0), ("budget_actual", 1)):
                self.env.cache.update(
                    projects,
                    projects._fields[name],
                    [totals.get(pid, (0.0, 0.0))[index] for pid in projects.ids],
                )
        labels = dict(projects._fields["ilo_status"]._description_selection(self.env))
        by_status = {status: projects.browse() for status in labels}
        for project in projects:
            if project.ilo_status in by_status:
                by_status[project.ilo_status] |= project
        return {
            "counts": [
                {
                    "status": status,
                    "label": label,
                    "count": len(by_status[status]),
                    "domain": [("id", "in", by_status[status].ids)],
                }
                for status, label in labels.items()
            ],
            "projects": [
                {
                    "id": project.id,
                    "name": project.display_name,
                    "status": status,
                    "status_label": labels[status],
                    "reasons": project.ilo_status_reasons or "",
                }
                for status in ("off_track", "at_risk")
                for project in by_status[status]
            ],
        }

    @api.model
    def _source_label(self, source, missing):
        """The funding source's name, saying when exchange rates are missing."""
        if missing:
            return self.env._(
                "%(funding)s (rates missing)", funding=source.display_name
            )
        return source.display_name

    @api.model
    def _spend_from_groups(self, budget):
        """``_spend_by_source`` from the dashboard's ``_budget_groups``: the active
        lines' amounts added per funding source (in its currency), by source id."""
        by_source = {}
        for (
            _project,
            source,
            active,
            planned,
            actual,
            available,
            *_c,
            missing,
        ) in budget:
            if not active:
                continue
            sums = by_source.setdefault(source, [0.0, 0.0, 0.0, False])
            sums[0] += planned or 0.0
            sums[1] += actual or 0.0
            sums[2] += available or 0.0
            sums[3] = sums[3] or bool(missing)
        return [
            (source, *sums)
            for source, sums in sorted(by_source.items(), key=lambda i: i[0].id or 0)
        ]

    @api.model
    def _spend_data(self, budget=None):
        """Planned, actual and available per funding source: numbers in its
        currency (``currency_id``; the client formats them), with the delivery
        rate (comparable across currencies); from the dashboard's
        ``_budget_groups`` when given."""
        groups = (
            self._spend_by_source()
            if budget is None
            else self._spend_from_groups(budget)
        )
        return [
            {
                "source": self._source_label(source, missing),
                "planned": planned or 0.0,
                "actual": actual or 0.0,
                "available": available or 0.0,
                "currency_id": source.currency_id.id,
                "rate": round(100.0 * actual / planned, 1) if planned else 0.0,
                "domain": [("funding_source_id", "=", source.id)],
            }
            for source, planned, actual, available, missing in groups
        ]

    @api.model
    def action_open(self):
        """The dashboard's window action. It carries the id of the server action
        that opens it (the app's first menu and the partnership users' home
        action), so that the web client, landing on it after login, knows the app
        and shows the Partnership menus."""
        server_action = self.env.ref(
            "ilo_issa_partnership.ilo_partnership_dashboard_action"
        )
        return {
            "id": server_action.id,
            "type": "ir.actions.client",
            "tag": "ilo_partnership_dashboard",
            "name": self.env._("Partnership Dashboard"),
            "target": "current",
        }
