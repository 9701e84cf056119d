# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..rules.planning import DsaRate, pick_rate


class IloDsaRate(models.Model):
    """A daily subsistence allowance rate of a country (or one of its cities), valid
    from a date until the next rate of the same place."""

    _name = "ilo.dsa.rate"
    _description = "Daily Subsistence Allowance Rate"
    _inherit = ["mail.thread", "ilo.input.check.mixin"]
    _order = "country_id, city, date_from desc, id desc"

    country_id = fields.Many2one(
        "res.country", required=True, index=True, tracking=True
    )
    city = fields.Char(
        string="Location",
        tracking=True,
        help="A city with its own rate; empty for the rate of the rest of the country.",
    )
    rate = fields.Monetary(string="Daily rate", required=True, tracking=True)
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        tracking=True,
        default=lambda self: self.env.ref("base.USD", raise_if_not_found=False),
    )
    date_from = fields.Date(string="Valid from", required=True, tracking=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("rate_positive", "CHECK(rate >= 0)", "A daily rate cannot be negative."),
    ]

    @api.depends("country_id", "city", "date_from")
    def _compute_display_name(self):
        for rate in self:
            place = ", ".join(filter(None, [rate.city, rate.country_id.name]))
            rate.display_name = f"{place} ({rate.date_from})" if place else ""

    @api.constrains("country_id", "city", "date_from")
    def _check_unique_place_date(self):
        for rate in self:
            twins = self.search(
                [
                    ("id", "!=", rate.id),
                    ("country_id", "=", rate.country_id.id),
                    ("date_from", "=", rate.date_from),
                ]
            ).filtered(
                lambda r, rate=rate: (r.city or "").strip().casefold()
                == (rate.city or "").strip().casefold()
            )
            if twins:
                raise ValidationError(
                    self.env._(
                        "%(rate)s: %(place)s already has a rate valid from %(date)s; "
                        "change that one instead.",
                        rate=rate.display_name,
                        place=rate.city or rate.country_id.name,
                        date=rate.date_from,
                    )
                )

    @api.model
    def _find(self, country, on_date, city=""):
        """The rate valid on ``on_date`` in ``city`` (when it has one) or else in
        ``country`` (``rules.planning.pick_rate``); empty when none applies."""
        if not (country and on_date):
            return self.browse()
        records = self.sudo().search([("country_id", "=", country.id)])
        rates = [
            DsaRate(
                country=r.country_id.id,
                rate=r.rate,
                currency=r.currency_id.id,
                valid_from=r.date_from,
                city=r.city or "",
                key=r.id,
            )
            for r in records
        ]
        found = pick_rate(rates, country.id, on_date, city or "")
        return self.browse(found.key if found else [])
