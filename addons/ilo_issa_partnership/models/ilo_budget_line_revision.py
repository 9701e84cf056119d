# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import format_amount


class IloBudgetLine(models.Model):
    """Budget revisions: the original planned amount is kept; each change of the
    planned amount is a revision recording who, when, why and the new amount."""

    _inherit = "ilo.budget.line"

    revision_ids = fields.One2many(
        "ilo.budget.revision", "budget_line_id", string="Revisions"
    )
    revision_count = fields.Integer(compute="_compute_revision_count")
    amount_original = fields.Monetary(
        string="Original",
        compute="_compute_amount_original",
        store=True,
        help="The planned amount as first set, before any revision.",
    )
    amount_original_company = fields.Monetary(
        string="Original (company currency)",
        compute="_compute_amount_original_company",
        store=True,
        currency_field="company_currency_id",
    )
    is_revised = fields.Boolean(
        string="Revised",
        compute="_compute_amount_original",
        store=True,
        help="The planned amount differs from the original: the line was revised.",
    )

    @api.depends("revision_ids")
    def _compute_revision_count(self):
        for line in self:
            line.revision_count = len(line.revision_ids)

    @api.depends("amount_planned", "revision_ids.amount_before", "revision_ids.date")
    def _compute_amount_original(self):
        for line in self:
            first = line.revision_ids.sorted(lambda r: (r.date, r.id))[:1]
            line.amount_original = first.amount_before if first else line.amount_planned
            line.is_revised = (
                bool(first)
                and line.currency_id.compare_amounts(
                    line.amount_original, line.amount_planned
                )
                != 0
            )

    @api.depends("amount_original", "currency_id", "date_from", "company_id")
    def _compute_amount_original_company(self):
        for company, lines, first_dates in self._ilo_rate_groups():
            for line in lines:
                line.amount_original_company = line._ilo_convert(
                    line.amount_original, company.currency_id, company, first_dates
                )

    def write(self, vals):
        if "amount_planned" not in vals:
            return super().write(vals)
        before = {line: line.amount_planned for line in self}
        result = super().write(vals)
        self._ilo_record_revisions(before)
        return result

    def _ilo_record_revisions(self, before):
        """A revision per line whose planned amount changed; the reason comes from
        the Revise wizard (``ilo_revision_reason``) or says it was edited directly."""
        reason = self.env.context.get("ilo_revision_reason") or self.env._(
            "Planned amount edited directly."
        )
        changed = self.filtered(
            lambda line: line.currency_id.compare_amounts(
                before[line], line.amount_planned
            )
        )
        self.env["ilo.budget.revision"].sudo().create(
            [
                {
                    "budget_line_id": line.id,
                    "reason": reason,
                    "amount_before": before[line],
                    "amount_after": line.amount_planned,
                    "user_id": self.env.user.id,
                }
                for line in changed
            ]
        )
        for line in changed:
            line._message_log(
                body=self.env._(
                    "Budget revised from %(before)s to %(after)s: %(reason)s",
                    before=format_amount(self.env, before[line], line.currency_id),
                    after=format_amount(
                        self.env, line.amount_planned, line.currency_id
                    ),
                    reason=reason,
                )
            )

    def action_revise(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Revise the budget"),
            "res_model": "ilo.budget.revise.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_budget_line_id": self.id},
        }

    def action_view_revisions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ilo_issa_partnership.ilo_budget_revision_action"
        )
        action["domain"] = [("budget_line_id", "=", self.id)]
        return action
