# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_amount, format_date

from .ilo_budget_line import BUDGET_CATEGORIES
from .ilo_funding_source_analytic import category_accounts, plan_columns
from .res_currency_rate import first_rate_dates, rate_missing
from .res_users import PARTNERSHIP_USERS

# what finance types when it enters spend by hand: the amount as paid, in its currency
SPEND_FIELDS = frozenset(
    ("ilo_spend_amount", "ilo_spend_currency_id", "date", "company_id")
)
# what decides which budget line a cost is spend of (with the plan columns)
MATCHED_FIELDS = frozenset(("account_id", "date", "ilo_budget_line_id"))
# what the budget line's chatter records about its costs
LOGGED_FIELDS = SPEND_FIELDS | {"amount", "name", "ilo_budget_line_id", "account_id"}


class AccountAnalyticLine(models.Model):
    _name = "account.analytic.line"
    _inherit = ["account.analytic.line", "ilo.input.check.mixin"]

    ilo_budget_line_id = fields.Many2one(
        "ilo.budget.line",
        string="Activity budget line",
        index="btree_not_null",
        ondelete="restrict",
        help="The activity budget line this cost is actual spend of: found from its "
        "analytic distribution (project, funding source and category accounts, and "
        "its date in the line's period), or chosen by hand. The cost must be posted on "
        "the project's analytic account.",
        groups=PARTNERSHIP_USERS,
    )
    ilo_reference = fields.Char(
        string="Ledger reference",
        index="btree_not_null",
        copy=False,
        help="The cost's reference in the organisation's ERP (expenditure import): "
        "importing it again updates this cost, never duplicates it.",
        groups=PARTNERSHIP_USERS,
    )
    ilo_budget_line_manual = fields.Boolean(
        string="Linked by hand",
        help="Set when the budget line was chosen by hand (the exception): the cost "
        "stays on it. Otherwise the budget line is found from the cost's analytic "
        "distribution: project account, funding source and category, and its date "
        "within the budget line's period.",
        groups=PARTNERSHIP_USERS,
    )
    ilo_project_id = fields.Many2one(
        "project.project",
        string="Partnership project",
        compute="_compute_ilo_project_id",
        store=True,
        index="btree_not_null",
        help="The partnership project whose analytic account the cost is posted on.",
        groups=PARTNERSHIP_USERS,
    )
    ilo_funding_source_id = fields.Many2one(
        related="ilo_budget_line_id.funding_source_id",
        store=True,
        string="Funding source",
        groups=PARTNERSHIP_USERS,
    )
    ilo_budget_category = fields.Selection(
        related="ilo_budget_line_id.category",
        store=True,
        string="Budget category",
        groups=PARTNERSHIP_USERS,
    )
    ilo_posted_funding_source_id = fields.Many2one(
        "ilo.funding.source",
        string="Funding source (posted)",
        compute="_compute_ilo_posted",
        help="The budget line's funding source, or else the one the cost is "
        "distributed over (its funding-source plan account): what finance resolves "
        "an unbudgeted cost by.",
        groups=PARTNERSHIP_USERS,
    )
    ilo_posted_category = fields.Selection(
        BUDGET_CATEGORIES,
        string="Budget category (posted)",
        compute="_compute_ilo_posted",
        help="The budget line's category, or else the one the cost is distributed "
        "over (its category plan account).",
        groups=PARTNERSHIP_USERS,
    )
    ilo_spend_amount = fields.Monetary(
        string="Spend",
        currency_field="ilo_spend_currency_id",
        help="What was spent, as paid, in the spend currency (a refund is negative). "
        "The analytic amount follows in the company's currency at the rate of the "
        "date.",
        groups=PARTNERSHIP_USERS,
    )
    ilo_spend_currency_id = fields.Many2one(
        "res.currency",
        string="Spend currency",
        help="The currency the cost was paid in. Empty on analytic lines that Odoo "
        "Accounting posts: their amount is already in the company's currency.",
        groups=PARTNERSHIP_USERS,
    )
    ilo_rate_missing = fields.Boolean(
        string="Rate missing",
        readonly=True,
        index="btree_not_null",
        help="No exchange rate of the spend currency on or before the date: the cost "
        "is not converted (it counts zero in the company's currency) until a rate is "
        "entered; then it follows.",
        groups=PARTNERSHIP_USERS,
    )
    ilo_cost_company = fields.Monetary(
        string="Cost (company currency)",
        compute="_compute_ilo_cost_company",
        store=True,
        currency_field="currency_id",
        help="The cost in the company's currency (the analytic amount, sign reversed).",
        groups=PARTNERSHIP_USERS,
    )

    @api.model
    def _ilo_checked_fields(self):
        return (super()._ilo_checked_fields() or set()) | self._ilo_fields_of(
            "ilo_issa_partnership"
        )

    @api.depends("account_id.project_ids.is_partnership")
    def _compute_ilo_project_id(self):
        for line in self:
            line.ilo_project_id = line.account_id.project_ids.filtered(
                "is_partnership"
            )[:1]

    def _compute_ilo_posted(self):
        """Funding source and category as the cost is posted: its budget line's,
        else its plan accounts' (one query for the sources of the whole page)."""
        columns = plan_columns(self.env)
        categories = category_accounts(self.env) if columns else {}
        sources = {}
        if columns:
            accounts = self.sudo().mapped(columns[0])
            found = self.env["ilo.funding.source"].search(
                [("analytic_account_id", "in", accounts.ids)]
            )
            sources = {source.analytic_account_id.id: source for source in found}
        for line in self:
            source = line.ilo_funding_source_id
            category = line.ilo_budget_category
            if columns and not line.ilo_budget_line_id:
                plans = line.sudo()
                source = sources.get(plans[columns[0]].id, source)
                category = categories.get(plans[columns[1]].id, category)
            line.ilo_posted_funding_source_id = source
            line.ilo_posted_category = category

    @api.depends("amount")
    def _compute_ilo_cost_company(self):
        for line in self:
            line.ilo_cost_company = -line.amount

    @api.model
    def default_get(self, fields_list):
        """Spend entered from the partnership's menus is in the company's currency
        unless finance picks another."""
        values = super().default_get(fields_list)
        if (
            self.env.context.get("ilo_spend_entry")
            and "ilo_spend_currency_id" in fields_list
            and not values.get("ilo_spend_currency_id")
        ):
            values["ilo_spend_currency_id"] = self.env.company.currency_id.id
        return values

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "ilo_spend_amount" in vals and not vals.get("ilo_spend_currency_id"):
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["ilo_spend_currency_id"] = company.currency_id.id
        matching = self.env.context.get("ilo_matching")
        for vals in vals_list:
            if not matching and vals.get("ilo_budget_line_id"):
                # chosen when the cost is entered: by hand (forms send the unticked
                # box along)
                vals["ilo_budget_line_manual"] = True
        lines = super().create(vals_list)
        lines._ilo_convert_spend()
        lines._ilo_match_budget_lines()
        for line in lines.sudo().filtered("ilo_budget_line_id"):
            line._ilo_log_spend(
                line.ilo_budget_line_id,
                self.env._("Cost recorded: %(cost)s.", cost=line._ilo_spend_label()),
            )
        return lines

    def write(self, vals):
        logged = LOGGED_FIELDS & vals.keys() and not self.env.context.get(
            "ilo_spend_converting"
        )
        before = (
            {line: line._ilo_spend_label() for line in self.sudo()} if logged else {}
        )
        budgets = {line: line.ilo_budget_line_id for line in before}
        matching = self.env.context.get("ilo_matching")
        if not matching and "ilo_budget_line_id" in vals:
            vals = {**vals, "ilo_budget_line_manual": bool(vals["ilo_budget_line_id"])}
        result = super().write(vals)
        if SPEND_FIELDS & vals.keys():
            self._ilo_convert_spend()
        columns = plan_columns(self.env) or ()
        if not matching and (
            (MATCHED_FIELDS | {"ilo_budget_line_manual", *columns}) & vals.keys()
        ):
            self._ilo_match_budget_lines()
        for line, old in before.items():
            new = line._ilo_spend_label()
            if new == old:
                continue
            message = self.env._("Cost changed: %(old)s → %(new)s.", old=old, new=new)
            for budget in budgets[line] | line.ilo_budget_line_id:
                line._ilo_log_spend(budget, message)
        return result

    def unlink(self):
        for line in self.sudo().filtered("ilo_budget_line_id"):
            line._ilo_log_spend(
                line.ilo_budget_line_id,
                self.env._("Cost removed: %(cost)s.", cost=line._ilo_spend_label()),
            )
        return super().unlink()

    def _ilo_convert_spend(self):
        """Lines entered as spend (a spend currency set) carry their company-currency
        analytic amount: the cost converted at the rate of its date, negative. Without
        a rate on or before that date, nothing is converted (never 1:1): the line is
        flagged *Rate missing* and counts zero until a rate is entered."""
        lines = self.sudo().filtered("ilo_spend_currency_id")
        for company, costs in lines.grouped("company_id").items():
            first_dates = first_rate_dates(
                self.env, costs.ilo_spend_currency_id, company
            )
            for line in costs:
                day = line.date or fields.Date.context_today(line)
                missing = rate_missing(
                    line.ilo_spend_currency_id, company, day, first_dates
                )
                cost = (
                    0.0
                    if missing
                    else line.ilo_spend_currency_id._convert(
                        line.ilo_spend_amount, company.currency_id, company, day
                    )
                )
                vals = {}
                if company.currency_id.compare_amounts(line.amount, -cost):
                    vals["amount"] = -cost
                if line.ilo_rate_missing != missing:
                    vals["ilo_rate_missing"] = missing
                if vals:
                    line.with_context(ilo_spend_converting=True).write(vals)

    def _ilo_match_budget_lines(self):
        """Each cost not linked by hand is spend of the budget line its analytic
        distribution matches: the project's account, the funding source's account and
        a category's account, its date within the line's period (archived lines too:
        their money still counts). Several matching lines: the earliest. None: the
        cost is *unbudgeted spend*, for finance to resolve."""
        columns = plan_columns(self.env)
        lines = self.sudo().filtered(lambda line: not line.ilo_budget_line_manual)
        if not (columns and lines) or not all(c in lines._fields for c in columns):
            return
        funding_column, category_column = columns
        categories = category_accounts(self.env)
        budgets = self.env["ilo.budget.line"].sudo().with_context(active_test=False)
        candidates = {}
        for line in lines:
            funding, category = line[funding_column], line[category_column]
            match = budgets
            if line.account_id and funding and category.id in categories:
                key = (line.account_id.id, funding.id, categories[category.id])
                if key not in candidates:
                    candidates[key] = budgets.search(
                        [
                            ("project_id.account_id", "=", key[0]),
                            ("funding_source_id.analytic_account_id", "=", key[1]),
                            ("category", "=", key[2]),
                        ],
                        order="date_from, id",
                    )
                match = next(
                    (
                        budget
                        for budget in candidates[key]
                        if budget.date_from <= line.date <= budget.date_to
                    ),
                    budgets,
                )
            if line.ilo_budget_line_id != match:
                line.with_context(ilo_matching=True).ilo_budget_line_id = match

    def _ilo_spend_label(self):
        """'2026-03-01, Dili workshop, 1,200.00 CHF (1,500.00 USD), budget line X'."""
        self.ensure_one()
        parts = [format_date(self.env, self.date), self.name or ""]
        company_amount = format_amount(self.env, -self.amount, self.currency_id)
        if (
            self.ilo_spend_currency_id
            and self.ilo_spend_currency_id != self.currency_id
        ):
            spent = format_amount(
                self.env, self.ilo_spend_amount, self.ilo_spend_currency_id
            )
            parts.append(f"{spent} ({company_amount})")
        else:
            parts.append(company_amount)
        if self.ilo_budget_line_id:
            parts.append(self.ilo_budget_line_id.display_name)
        return ", ".join(filter(None, parts))

    def _ilo_log_spend(self, budget_line, message):
        """Money is tracked: a cost recorded, changed or removed is noted on its budget
        line's chatter (analytic lines have no chatter of their own)."""
        budget_line.sudo().message_post(
            body=message,
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )

    @api.constrains("ilo_budget_line_id", "account_id")
    def _check_ilo_budget_line(self):
        # sudo: analytic lines are also edited by accountants outside the partnership
        for line in self.sudo().filtered("ilo_budget_line_id"):
            project = line.ilo_budget_line_id.project_id
            if not project.account_id or line.account_id != project.account_id:
                raise ValidationError(
                    self.env._(
                        "%(line)s: spend of budget line %(budget)s must be posted on "
                        "the analytic account of project %(project)s (%(account)s).",
                        line=line.name or line.display_name,
                        budget=line.ilo_budget_line_id.display_name,
                        project=project.display_name,
                        account=project.account_id.display_name or self.env._("none"),
                    )
                )
