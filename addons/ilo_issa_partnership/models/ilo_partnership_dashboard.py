# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import Counter

from odoo import api, fields, models
from odoo.tools import format_amount

from ..rules import women_share


def html_table(env, headers, rows, table_class=""):
    """A dashboard table (``ilo_issa_partnership.dashboard_table``) from plain
    data: headers and rows of cells, escaped by QWeb."""
    return env["ir.qweb"]._render(
        "ilo_issa_partnership.dashboard_table",
        {"headers": headers, "rows": rows, "table_class": table_class},
    )


class IloPartnershipDashboard(models.TransientModel):
    """What leadership looks at: portfolio per area, spend, late work, people."""

    _name = "ilo.partnership.dashboard"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Partnership Dashboard"

    activity_count = fields.Integer(compute="_compute_dashboard", string="Activities")
    late_count = fields.Integer(
        compute="_compute_dashboard", string="Late deliverables"
    )
    participant_count = fields.Integer(
        compute="_compute_dashboard", string="Participants"
    )
    female_share = fields.Float(
        compute="_compute_dashboard",
        string="Women among participants (%)",
        help="Share of women among attended participants whose gender is known.",
    )
    show_money = fields.Boolean(compute="_compute_dashboard")
    areas_html = fields.Html(compute="_compute_dashboard", sanitize=False)
    spend_html = fields.Html(compute="_compute_dashboard", sanitize=False)
    participants_html = fields.Html(compute="_compute_dashboard", sanitize=False)

    def _compute_display_name(self):
        for dashboard in self:
            dashboard.display_name = self.env._("Partnership Dashboard")

    def _compute_dashboard(self):
        env = self.env
        activity_count, areas_html = self._areas_table()
        participant_count, women, participants_html = self._participants_table()
        show_money = env.user._ilo_sees_money()
        values = {
            "activity_count": activity_count,
            "late_count": env["ilo.deliverable"].search_count([("is_late", "=", True)]),
            "participant_count": participant_count,
            "female_share": women,
            "show_money": show_money,
            "areas_html": areas_html,
            "participants_html": participants_html,
            "spend_html": self._spend_table() if show_money else False,
        }
        for dashboard in self:
            dashboard.update(values)

    @api.model
    def _areas_table(self):
        """Activities per collaboration area and type: (total, table)."""
        env = self.env
        Analysis = env["ilo.partnership.analysis"]
        labels = dict(Analysis._fields["activity_type"]._description_selection(env))
        by_area = Analysis._read_group(
            [], ["collaboration_area_id", "activity_type"], ["__count"]
        )
        table = {}
        for area, kind, count in by_area:
            table.setdefault(area, dict.fromkeys(labels, 0))[kind] = count
        rows = [
            [area.name, *(counts[k] for k in labels)]
            for area, counts in sorted(table.items(), key=lambda item: item[0].sequence)
        ]
        total = sum(count for _area, _kind, count in by_area)
        return total, html_table(env, [env._("Area"), *labels.values()], rows)

    @api.model
    def _participants_table(self):
        """Attended participants of trainings held (done) per constituent group and
        gender, as the partnership report counts people trained:
        (total, women's share in percent, table)."""
        env = self.env
        Participant = env["ilo.training.participant"]
        groups = dict(
            Participant._fields["constituent_group"]._description_selection(env)
        )
        genders = dict(Participant._fields["gender"]._description_selection(env))
        cells, by_gender = {}, Counter()
        for group, gender, count in Participant._read_group(
            [("attended", "=", True), ("training_id.state", "=", "done")],
            ["constituent_group", "gender"],
            ["__count"],
        ):
            cells.setdefault(group, {})[gender] = count
            by_gender[gender] += count
        rows = [
            [groups.get(group, env._("Not set")), *(by.get(g, 0) for g in genders)]
            for group, by in cells.items()
        ]
        table = html_table(env, [env._("Constituent group"), *genders.values()], rows)
        return by_gender.total(), women_share(by_gender), table

    @api.model
    def _spend_table(self):
        """Planned, actual and available per funding source, in its currency and
        the reader's number format."""
        env = self.env
        rows = []
        for source, planned, actual, available, missing in env[
            "ilo.budget.line"
        ]._read_group(
            [],
            ["funding_source_id"],
            [
                "amount_planned:sum",
                "amount_actual:sum",
                "amount_available:sum",
                "ilo_rate_missing:bool_or",
            ],
        ):
            currency = source.currency_id
            name = source.display_name
            rows.append(
                [
                    env._("%(funding)s (rates missing)", funding=name)
                    if missing
                    else name,
                    *(
                        format_amount(env, amount, currency)
                        for amount in (planned, actual, available)
                    ),
                    f"{100.0 * actual / planned:.0f} %" if planned else "–",
                ]
            )
        headers = [
            env._("Funding source"),
            env._("Planned"),
            env._("Actual"),
            env._("Available"),
            env._("Delivery rate"),
        ]
        return html_table(env, headers, rows)

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
            "name": self.env._("Partnership Dashboard"),
            **self._form_action(self.create({})),
        }

    def _form_action(self, record):
        """A window action showing ``record`` in its form, full page."""
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "target": "current",
        }
