# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, format_amount, format_date

from .ilo_budget_line import BUDGET_CATEGORIES
from .ilo_funding_source_analytic import category_accounts, plan_columns
from .res_currency_rate import first_rate_dates, rate_cache, rate_missing
from .res_users import PARTNERSHIP_USERS

# what finance types when it enters spend by hand: the amount as paid, in its currency
SPEND_FIELDS = frozenset(
    ("ilo_spend_amount", "ilo_spend_currency_id", "date", "company_id")
)
# what decides which budget line a cost is spend of (with the plan columns)
MATCHED_FIELDS = frozenset(("account_id", "date", "ilo_budget_line_id"))
# what the budget line's chatter records about its costs
LOGGED_FIELDS = SPEND_FIELDS | {"amount", "name", "ilo_budget_line_id", "account_id"}
# how many costs a note on a budget line lists (the count and sum cover them all)
NOTED_COSTS = 20


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
            # the values are read below, before the mixin's create would check them
            self._ilo_check_values(vals)
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
        # converted and matched on the values: one INSERT of the batch, no write after
        converted = [bool(vals.get("ilo_spend_currency_id")) for vals in vals_list]
        self._ilo_convert_vals(
            [v for v, done in zip(vals_list, converted, strict=False) if done]
        )
        self._ilo_match_vals(vals_list)
        lines = super().create(vals_list)
        # what the values did not say (defaults) is converted and matched now
        lines.browse(
            [line.id for line, done in zip(lines, converted, strict=False) if not done]
        )._ilo_convert_spend()
        lines._ilo_match_budget_lines()
        lines._ilo_log_costs(
            lambda label: self.env._("Cost recorded: %(cost)s.", cost=label),
            lambda count, total: self.env._(
                "%(count)s costs recorded, %(total)s in all:", count=count, total=total
            ),
        )
        return lines

    def write(self, vals):
        # the values are read below, before the mixin's write would check them
        self._ilo_check_values(vals)
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
        notes = defaultdict(list)
        for line, old in before.items():
            new = line._ilo_spend_label()
            if new == old:
                continue
            message = self.env._("Cost changed: %(old)s → %(new)s.", old=old, new=new)
            for budget in budgets[line] | line.ilo_budget_line_id:
                notes[budget.id].append(message)
        self._ilo_post_notes(
            notes,
            lambda count: self.env._("%(count)s costs changed:", count=count),
        )
        return result

    def unlink(self):
        self._ilo_log_costs(
            lambda label: self.env._("Cost removed: %(cost)s.", cost=label),
            lambda count, total: self.env._(
                "%(count)s costs removed, %(total)s in all:", count=count, total=total
            ),
        )
        return super().unlink()

    def _ilo_convert_spend(self):
        """Lines entered as spend (a spend currency set) carry their company-currency
        analytic amount: the cost converted at the rate of its date, negative. Without
        a rate on or before that date, nothing is converted (never 1:1): the line is
        flagged *Rate missing* and counts zero until a rate is entered."""
        lines = self.sudo().filtered("ilo_spend_currency_id")
        convert = rate_cache()
        for company, costs in lines.grouped("company_id").items():
            first_dates = first_rate_dates(
                self.env, costs.ilo_spend_currency_id, company
            )
            for line in costs:
                cost, missing = self._ilo_spend_cost(
                    line.ilo_spend_amount,
                    line.ilo_spend_currency_id,
                    company,
                    line.date or fields.Date.context_today(line),
                    first_dates,
                    convert,
                )
                vals = {}
                if company.currency_id.compare_amounts(line.amount, -cost):
                    vals["amount"] = -cost
                if line.ilo_rate_missing != missing:
                    vals["ilo_rate_missing"] = missing
                if vals:
                    line.with_context(ilo_spend_converting=True).write(vals)

    @api.model
    def _ilo_spend_cost(self, amount, currency, company, day, first_dates, convert):
        """(the spend in the company's currency at the rate of ``day``, whether the
        rate is missing): zero when it is, never 1:1."""
        if rate_missing(currency, company, day, first_dates):
            return 0.0, True
        return convert(amount, currency, company.currency_id, company, day), False

    @api.model
    def _ilo_convert_vals(self, vals_list):
        """The values of new costs with a spend currency get their company-currency
        amount and rate flag as :meth:`_ilo_convert_spend` would write them: each
        rate asked once for the batch."""
        Company, Currency = self.env["res.company"], self.env["res.currency"]
        convert = rate_cache()
        by_company = defaultdict(list)
        for vals in vals_list:
            by_company[vals.get("company_id") or self.env.company.id].append(vals)
        for company_id, company_vals in by_company.items():
            company = Company.browse(company_id).sudo()
            currencies = Currency.browse(
                {vals["ilo_spend_currency_id"] for vals in company_vals}
            )
            first_dates = first_rate_dates(self.env, currencies, company)
            for vals in company_vals:
                cost, missing = self._ilo_spend_cost(
                    vals.get("ilo_spend_amount") or 0.0,
                    Currency.browse(vals["ilo_spend_currency_id"]),
                    company,
                    fields.Date.to_date(vals.get("date"))
                    or fields.Date.context_today(self),
                    first_dates,
                    convert,
                )
                vals["amount"] = -cost
                vals["ilo_rate_missing"] = missing

    @api.model
    def _ilo_match_vals(self, vals_list):
        """New costs not linked by hand get the budget line their values match (see
        :meth:`_ilo_match_budget_lines`), all in one query."""
        columns = plan_columns(self.env)
        if not columns or not all(c in self._fields for c in columns):
            return
        keys = {}
        for index, vals in enumerate(vals_list):
            if vals.get("ilo_budget_line_manual") or vals.get("ilo_budget_line_id"):
                continue
            keys[index] = (
                vals.get("account_id"),
                vals.get(columns[0]),
                vals.get(columns[1]),
                fields.Date.to_date(vals.get("date"))
                or fields.Date.context_today(self),
            )
        matches = self._ilo_budget_matches(keys.values())
        for index, key in keys.items():
            if matches.get(key):
                vals_list[index]["ilo_budget_line_id"] = matches[key]

    @api.model
    def _ilo_budget_matches(self, keys):
        """{(project account, funding-source account, category account, date): the
        id of the budget line it matches} for the ``keys`` that match one: the
        earliest budget line (archived too) of that project account, funding source
        and category whose period holds the date. One query for all the keys."""
        categories = category_accounts(self.env)
        wanted = {
            (account, funding, categories[category])
            for account, funding, category, _day in keys
            if account and funding and category in categories
        }
        if not wanted:
            return {}
        self.env["ilo.budget.line"].flush_model(
            ["project_id", "funding_source_id", "category", "date_from", "date_to"]
        )
        self.env["project.project"].flush_model(["account_id"])
        self.env["ilo.funding.source"].flush_model(["analytic_account_id"])
        accounts, fundings, keys_of = zip(*wanted, strict=True)
        self.env.cr.execute(
            SQL(
                """
                SELECT p.account_id, f.analytic_account_id, b.category, b.id,
                       b.date_from, b.date_to
                  FROM ilo_budget_line b
                  JOIN project_project p ON p.id = b.project_id
                  JOIN ilo_funding_source f ON f.id = b.funding_source_id
                  JOIN unnest(%s::int[], %s::int[], %s::varchar[])
                       AS k(account, funding, category)
                    ON p.account_id = k.account
                   AND f.analytic_account_id = k.funding
                   AND b.category = k.category
                 ORDER BY b.date_from, b.id
                """,
                list(accounts),
                list(fundings),
                list(keys_of),
            )
        )
        candidates = defaultdict(list)
        for account, funding, category, budget, start, end in self.env.cr.fetchall():
            candidates[account, funding, category].append((budget, start, end))
        matches = {}
        for key in keys:
            account, funding, category, day = key
            found = candidates.get((account, funding, categories.get(category)), ())
            budget = next(
                (b for b, start, end in found if start and end and start <= day <= end),
                None,
            )
            if budget:
                matches[key] = budget
        return matches

    def _ilo_match_budget_lines(self):
        """Each cost not linked by hand is spend of the budget line its analytic
        distribution matches: the project's account, the funding source's account and
        a category's account, its date within the line's period (archived lines too:
        their money still counts). Several matching lines: the earliest. None: the
        cost is *unbudgeted spend*, for finance to resolve. One query for the batch,
        one write per budget line whose costs change."""
        columns = plan_columns(self.env)
        lines = self.sudo().filtered(lambda line: not line.ilo_budget_line_manual)
        if not (columns and lines) or not all(c in lines._fields for c in columns):
            return
        funding_column, category_column = columns
        keys = {
            line: (
                line.account_id.id,
                line[funding_column].id,
                line[category_column].id,
                line.date,
            )
            for line in lines
        }
        matches = self._ilo_budget_matches(keys.values())
        moved = defaultdict(list)
        for line, key in keys.items():
            budget = matches.get(key, False)
            if line.ilo_budget_line_id.id != budget:
                moved[budget].append(line.id)
        for budget, ids in moved.items():
            lines.browse(ids).with_context(ilo_matching=True).write(
                {"ilo_budget_line_id": budget}
            )

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

    def _ilo_log_costs(self, one, many):
        """Money is tracked: the costs recorded or removed are noted on their budget
        lines' chatter (analytic lines have no chatter of their own), one note per
        budget line: ``one(label)`` for a single cost, else ``many(count, total)``
        followed by the first costs."""
        notes = {}
        for budget, costs in (
            self.sudo()
            .filtered("ilo_budget_line_id")
            .grouped("ilo_budget_line_id")
            .items()
        ):
            labels = [cost._ilo_spend_label() for cost in costs[:NOTED_COSTS]]
            if len(costs) == 1:
                notes[budget.id] = [one(labels[0])]
                continue
            totals = defaultdict(float)
            for cost in costs:
                totals[cost.currency_id] -= cost.amount
            total = " + ".join(
                format_amount(self.env, amount, currency)
                for currency, amount in totals.items()
            )
            notes[budget.id] = [many(len(costs), total), *labels]
            if len(costs) > NOTED_COSTS:
                notes[budget.id].append("…")
        self._ilo_post_notes(notes)

    def _ilo_post_notes(self, notes, header=None):
        """Post ``notes`` ({budget line id: [lines of text]}) as one note on each
        budget line, in one batch (``header(count)`` heads several lines)."""
        if not notes:
            return
        bodies = {}
        for budget_id, texts in notes.items():
            if header and len(texts) > 1:
                texts = [header(len(texts)), *texts[:NOTED_COSTS]] + (
                    ["…"] if len(texts) > NOTED_COSTS else []
                )
            bodies[budget_id] = Markup("<br/>").join(texts)
        budgets = self.env["ilo.budget.line"].sudo().browse(list(bodies))
        budgets._message_log_batch(bodies, author_id=self.env.user.partner_id.id)

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
