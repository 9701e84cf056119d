# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup, escape

from odoo import api, fields, models


def html_table(headers, rows):
    """A small HTML table (escaped) for the dashboard."""
    head = Markup("").join(Markup("<th>%s</th>") % escape(h) for h in headers)
    body = Markup("").join(
        Markup("<tr>%s</tr>")
        % Markup("").join(Markup("<td>%s</td>") % escape(cell) for cell in row)
        for row in rows
    )
    return Markup(
        "<table class='table table-sm table-striped'><thead><tr>%s</tr></thead>"
        "<tbody>%s</tbody></table>"
    ) % (head, body)


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
    female_share = fields.Float(compute="_compute_dashboard", string="Women (%)")
    show_money = fields.Boolean(compute="_compute_dashboard")
    areas_html = fields.Html(compute="_compute_dashboard", sanitize=False)
    spend_html = fields.Html(compute="_compute_dashboard", sanitize=False)
    participants_html = fields.Html(compute="_compute_dashboard", sanitize=False)

    def _compute_display_name(self):
        for dashboard in self:
            dashboard.display_name = self.env._("Partnership Dashboard")

    def _compute_dashboard(self):
        env = self.env
        labels = dict(
            env["ilo.partnership.report"]
            ._fields["activity_type"]
            ._description_selection(env)
        )
        by_area = env["ilo.partnership.report"]._read_group(
            [], ["collaboration_area_id", "activity_type"], ["__count"]
        )
        table = {}
        for area, kind, count in by_area:
            table.setdefault(area, dict.fromkeys(labels, 0))[kind] = count
        areas_rows = [
            [area.name, *(counts[k] for k in labels)]
            for area, counts in sorted(table.items(), key=lambda item: item[0].sequence)
        ]
        Participant = env["ilo.training.participant"]
        attended = [("attended", "=", True)]
        groups = dict(
            Participant._fields["constituent_group"]._description_selection(env)
        )
        genders = dict(Participant._fields["gender"]._description_selection(env))
        cells = {}
        for group, gender, count in Participant._read_group(
            attended, ["constituent_group", "gender"], ["__count"]
        ):
            cells.setdefault(group, {})[gender] = count
        participants_rows = [
            [groups.get(group, env._("Not set")), *(by.get(g, 0) for g in genders)]
            for group, by in cells.items()
        ]
        total = sum(sum(by.values()) for by in cells.values())
        women = sum(by.get("female", 0) for by in cells.values())
        known = sum(
            by.get(g, 0) for by in cells.values() for g in ("female", "male", "other")
        )
        show_money = env.user._ilo_sees_money()
        spend_rows = []
        if show_money:
            for source, planned, actual, available in env[
                "ilo.budget.line"
            ]._read_group(
                [],
                ["funding_source_id"],
                ["amount_planned:sum", "amount_actual:sum", "amount_available:sum"],
            ):
                currency = source.currency_id.name
                spend_rows.append(
                    [
                        source.display_name,
                        f"{planned:,.0f} {currency}",
                        f"{actual:,.0f} {currency}",
                        f"{available:,.0f} {currency}",
                        f"{100.0 * actual / planned:.0f} %" if planned else "–",
                    ]
                )
        values = {
            "activity_count": sum(c for _a, _k, c in by_area),
            "late_count": env["ilo.deliverable"].search_count([("is_late", "=", True)]),
            "participant_count": total,
            "female_share": 100.0 * women / known if known else 0.0,
            "show_money": show_money,
            "areas_html": html_table([env._("Area"), *labels.values()], areas_rows),
            "participants_html": html_table(
                [env._("Constituent group"), *genders.values()], participants_rows
            ),
            "spend_html": html_table(
                [
                    env._("Funding source"),
                    env._("Planned"),
                    env._("Actual"),
                    env._("Available"),
                    env._("Burn rate"),
                ],
                spend_rows,
            )
            if show_money
            else False,
        }
        for dashboard in self:
            dashboard.update(values)

    @api.model
    def action_open(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Partnership Dashboard"),
            "res_model": self._name,
            "res_id": self.create({}).id,
            "view_mode": "form",
            "target": "current",
        }
