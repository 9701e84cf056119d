# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.ilo_issa_partnership.models.res_users import PARTNERSHIP_USERS

CONFIRMED = ("purchase", "done")


class PurchaseOrderLine(models.Model):
    """A confirmed order line not yet billed is money committed on the budget lines
    its analytic distribution matches (project, funding source and category accounts,
    the order's date in their period)."""

    _inherit = "purchase.order.line"

    ilo_budget_line_ids = fields.Many2many(
        "ilo.budget.line",
        "ilo_budget_line_purchase_line_rel",
        "purchase_line_id",
        "budget_line_id",
        string="Activity budget lines",
        compute="_compute_ilo_budget_line_ids",
        store=True,
        copy=False,
        help="The partnership's budget lines this order line's analytic distribution "
        "matches: its open amount is committed on them.",
        groups=PARTNERSHIP_USERS,
    )
    ilo_qty_billed = fields.Float(
        string="Billed quantity (posted)",
        compute="_compute_ilo_qty_billed",
        store=True,
        digits="Product Unit of Measure",
        help="The quantity on posted vendor bills, less posted refunds (draft bills "
        "do not count: they are not spend yet).",
        groups=PARTNERSHIP_USERS,
    )
    ilo_open_amount = fields.Monetary(
        string="Open amount",
        compute="_compute_ilo_open_amount",
        store=True,
        help="Confirmed and not billed yet, untaxed, in the order's currency: what is "
        "committed.",
        groups=PARTNERSHIP_USERS,
    )

    @api.depends("analytic_distribution", "order_id.date_order", "company_id")
    def _compute_ilo_budget_line_ids(self):
        budgets = self.env["ilo.budget.line"]
        for line in self:
            shares = line._ilo_budget_shares()
            line.ilo_budget_line_ids = budgets.browse([b.id for b in shares])

    @api.depends(
        "invoice_lines.move_id.state",
        "invoice_lines.quantity",
        "invoice_lines.product_uom_id",
        "product_uom",
    )
    def _compute_ilo_qty_billed(self):
        signs = {"in_invoice": 1, "in_refund": -1}
        for line in self:
            quantity = 0.0
            for bill_line in line.invoice_lines:
                move = bill_line.move_id
                if move.state != "posted" or move.move_type not in signs:
                    continue
                qty = bill_line.quantity
                if bill_line.product_uom_id and line.product_uom:
                    qty = bill_line.product_uom_id._compute_quantity(
                        qty, line.product_uom
                    )
                quantity += signs[move.move_type] * qty
            line.ilo_qty_billed = quantity

    @api.depends(
        "ilo_qty_billed",
        "product_qty",
        "price_subtotal",
        "order_id.state",
        "display_type",
    )
    def _compute_ilo_open_amount(self):
        for line in self:
            confirmed = line.order_id.state in CONFIRMED and not line.display_type
            open_qty = max(line.product_qty - line.ilo_qty_billed, 0.0)
            line.ilo_open_amount = (
                line.price_subtotal * open_qty / line.product_qty
                if confirmed and line.product_qty
                else 0.0
            )

    def _ilo_date(self):
        self.ensure_one()
        return fields.Date.to_date(self.order_id.date_order) or fields.Date.today()

    def _ilo_budget_shares(self):
        """{budget line: percentage of this line} from its analytic distribution."""
        self.ensure_one()
        if not self.analytic_distribution:
            return {}
        return (
            self.env["ilo.budget.line"]
            .sudo()
            ._ilo_distribution_shares(self.analytic_distribution, self._ilo_date())
        )

    def _ilo_rematch_budget_lines(self):
        """Budget lines created or changed: these order lines find theirs again."""
        if self:
            field = self._fields["ilo_budget_line_ids"]
            self.env.add_to_compute(field, self.sudo())
            # now: the budget lines' committed amounts follow the new matches
            self.sudo().flush_recordset(["ilo_budget_line_ids"])
