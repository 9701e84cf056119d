# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo Accounting feeds the partnership's budgets: posted vendor bills and expense
reports distributed over a budget line's accounts are its actual spend; confirmed
purchase orders not billed yet are its committed amount."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import AccountingBridgeCommon


@tagged("post_install", "-at_install")
class TestVendorBills(AccountingBridgeCommon):
    def test_posted_bill_is_actual_spend(self):
        bill = self._bill(1_250)
        self.assertEqual(self.budget.amount_actual, 0)
        bill.action_post()
        costs = bill.line_ids.analytic_line_ids
        self.assertEqual(len(costs), 1)
        # the analytic line Odoo posts is the one the partnership's matching counts
        self.assertEqual(costs.ilo_budget_line_id, self.budget)
        self.assertFalse(costs.ilo_budget_line_manual)
        self.assertAlmostEqual(self.budget.amount_actual, 1_250)
        self.assertAlmostEqual(self.budget.amount_available, 100_000 - 1_250)
        # back to draft: the spend goes; posted again, it comes back
        bill.button_draft()
        self.assertAlmostEqual(self.budget.amount_actual, 0)
        bill.action_post()
        self.assertAlmostEqual(self.budget.amount_actual, 1_250)
        bill.button_draft()
        bill.button_cancel()
        self.assertEqual(bill.state, "cancel")
        self.assertAlmostEqual(self.budget.amount_actual, 0)

    def test_bill_in_another_currency_at_its_date(self):
        chf = self._chf_at(("2030-01-01", 0.5), ("2030-06-01", 0.8))
        bill = self._bill(800, currency=chf, day="2030-06-10")
        bill.action_post()
        # 800 CHF at 0.8 CHF per USD on the bill's date: 1,000 USD, not 1,600
        self.assertAlmostEqual(self.budget.amount_actual, 1_000)
        # a CHF budget line counts the same bill in CHF at that date
        source_chf = self._funding_source("CHF-FUND", currency=chf)
        budget_chf = self._budget_line(source_chf)
        bill_chf = self._bill(
            400, {self._key(source_chf): 100.0}, currency=chf, day="2030-06-10"
        )
        bill_chf.action_post()
        self.assertAlmostEqual(budget_chf.amount_actual, 400)

    def test_no_rate_no_posting(self):
        """Never 1:1: a partnership bill in a currency with no rate at its date is
        refused, naming the fix."""
        mru = self.env.ref("base.MRU")
        mru.active = True
        bill = self._bill(400_000, currency=mru)
        with self.assertRaisesMsg(UserError, "MRU.*no exchange rate.*enter that rate"):
            bill.action_post()
        self.env["res.currency.rate"].create(
            {"currency_id": mru.id, "name": "2030-01-01", "rate": 40.0}
        )
        # the rate entered, the bill converts again when its date is set again
        bill.invoice_date = "2030-03-11"
        bill.action_post()
        self.assertAlmostEqual(self.budget.amount_actual, 10_000)

    def test_split_distribution_60_40(self):
        other_source = self._funding_source("EU-TEST")
        other = self._budget_line(other_source)
        bill = self._bill(2_000, {self._key(): 60.0, self._key(other_source): 40.0})
        bill.action_post()
        self.assertAlmostEqual(self.budget.amount_actual, 1_200)
        self.assertAlmostEqual(other.amount_actual, 800)

    def test_bill_outside_every_budget_is_unbudgeted(self):
        """A bill distributed on the project only (no source, no category) posts
        as Odoo posts it: the plans stay optional; it is nobody's actual."""
        bill = self._bill(300, {str(self.project.account_id.id): 100.0})
        bill.action_post()
        self.assertEqual(bill.state, "posted")
        cost = bill.line_ids.analytic_line_ids
        self.assertTrue(cost)
        self.assertFalse(cost.ilo_budget_line_id)
        self.assertAlmostEqual(self.budget.amount_actual, 0)


@tagged("post_install", "-at_install")
class TestPurchaseCommitments(AccountingBridgeCommon):
    def _order(self, qty=10, price=100.0, currency=None, distribution=None):
        return self.env["purchase.order"].create(
            {
                "partner_id": self.vendor.id,
                "date_order": "2030-02-01 10:00:00",
                "currency_id": (currency or self.env.company.currency_id).id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "name": "Air tickets for the Dakar mission",
                            "product_qty": qty,
                            "price_unit": price,
                            "taxes_id": [Command.clear()],
                            "analytic_distribution": distribution
                            or {self._key(): 100.0},
                        }
                    )
                ],
            }
        )

    def test_confirmed_order_is_committed(self):
        order = self._order()
        self.assertEqual(self.budget.amount_committed, 0)
        order.button_confirm()
        self.assertEqual(order.state, "purchase")
        self.assertAlmostEqual(self.budget.amount_committed, 1_000)
        self.assertEqual(self.budget.ilo_purchase_line_ids, order.order_line)
        self.assertAlmostEqual(self.budget.amount_available, 99_000)
        self.assertAlmostEqual(self.budget.ilo_committed_purchase, 1_000)
        # a contract signed outside Purchase is typed beside the orders
        self.budget.amount_committed = 1_500
        self.assertAlmostEqual(self.budget.ilo_committed_manual, 500)
        self.assertAlmostEqual(self.budget.ilo_committed_purchase, 1_000)
        order.button_cancel()
        self.assertAlmostEqual(self.budget.amount_committed, 500)

    def test_partly_billed_order(self):
        order = self._order()
        order.button_confirm()
        order.action_create_invoice()
        bill = order.invoice_ids
        bill.invoice_date = "2030-02-15"
        with Form(bill) as form:
            with form.invoice_line_ids.edit(0) as line:
                line.quantity = 4
        # a draft bill is not spend yet: still committed
        self.assertAlmostEqual(self.budget.amount_committed, 1_000)
        bill.action_post()
        # the billed part moves from committed to actual
        self.assertAlmostEqual(self.budget.amount_committed, 600)
        self.assertAlmostEqual(self.budget.amount_actual, 400)
        bill.button_draft()
        self.assertAlmostEqual(self.budget.amount_committed, 1_000)
        self.assertAlmostEqual(self.budget.amount_actual, 0)

    def test_order_in_another_currency_split(self):
        chf = self._chf_at(("2030-01-01", 0.5))
        other_source = self._funding_source("EU-PO")
        other = self._budget_line(other_source)
        order = self._order(
            qty=1,
            price=1_000,
            currency=chf,
            distribution={self._key(): 60.0, self._key(other_source): 40.0},
        )
        order.button_confirm()
        # 1,000 CHF at 0.5 CHF per USD on the order's date: 2,000 USD, split 60/40
        self.assertAlmostEqual(self.budget.amount_committed, 1_200)
        self.assertAlmostEqual(other.amount_committed, 800)

    def test_budget_line_created_after_the_order(self):
        order = self._order()
        order.button_confirm()
        meetings = self.env.ref(
            "ilo_issa_partnership.analytic_budget_category_meetings"
        )
        order.order_line.analytic_distribution = {self._key(category=meetings): 100}
        self.assertAlmostEqual(self.budget.amount_committed, 0)
        budget_meetings = self._budget_line(self.funding_source, category="meetings")
        self.assertAlmostEqual(budget_meetings.amount_committed, 1_000)


@tagged("post_install", "-at_install")
class TestMissionExpenses(AccountingBridgeCommon):
    def test_expense_report_is_actual_and_shows_on_the_mission(self):
        mission = self.env["ilo.advisory.mission"].create(self._mission_vals())
        source = self._funding_source("MISSION-FUND")
        budget = self._budget_line(source, mission_id=mission.id)
        user = self.users["officer"]
        employee = self.env["hr.employee"].create(
            {"name": "Officer (test)", "user_id": user.id}
        )
        with Form(self.env["hr.expense"]) as form:
            form.name = "Taxi Dakar airport"
            form.employee_id = employee
            form.product_id = self.product
            form.total_amount_currency = 500
            form.date = "2030-03-03"
            form.ilo_mission_id = mission
        expense = form.save()
        # the mission's travel budget line gives the distribution
        self.assertEqual(
            expense.analytic_distribution,
            {
                ",".join(
                    str(a.id)
                    for a in (
                        self.project.account_id,
                        source.analytic_account_id,
                        self.travel,
                    )
                ): 100.0
            },
        )
        self.assertEqual(mission.ilo_expense_ids, expense)
        self.assertAlmostEqual(mission.ilo_expense_total, 500)
        self.assertEqual(mission.ilo_expense_count, 1)
        sheet = self.env["hr.expense.sheet"].create(
            {
                "name": "Dakar mission",
                "employee_id": employee.id,
                "expense_line_ids": [Command.set(expense.ids)],
            }
        )
        sheet.action_submit_sheet()
        sheet.action_approve_expense_sheets()
        self.assertAlmostEqual(budget.amount_actual, 0)
        sheet.action_sheet_move_post()
        self.assertAlmostEqual(budget.amount_actual, 500)
        self.assertEqual(
            sheet.account_move_ids.line_ids.analytic_line_ids.ilo_budget_line_id,
            budget,
        )
        # the smart button lists the mission's expenses
        action = mission.action_view_ilo_expenses()
        self.assertEqual(self.env["hr.expense"].search(action["domain"]), expense)
