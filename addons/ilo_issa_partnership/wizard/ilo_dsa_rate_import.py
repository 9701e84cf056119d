# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import dsa


class IloDsaRateImport(models.TransientModel):
    """DSA rates from the spreadsheet the UN publishes (CSV or XLSX: country,
    location, rate, currency, valid from). All or nothing: every bad row is
    reported with its line; a rate already known (same place and date) is
    updated."""

    _name = "ilo.dsa.rate.import"
    _description = "DSA Rates Import"

    file = fields.Binary(string="Rates file", required=True, attachment=False)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        rates = self.import_file(base64.b64decode(self.file), self.filename)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ilo_issa_partnership.ilo_dsa_rate_action"
        )
        action["domain"] = [("id", "in", rates.ids)]
        return action

    @api.model
    def import_file(self, data, filename):
        """The rates of the file (bytes), created or updated; ``UserError`` listing
        every problem (nothing imported then)."""
        try:
            rows, errors = dsa.parse_file(data, filename)
        except ValueError as error:
            raise UserError(
                self.env._(
                    "%(file)s cannot be read: %(error)s", file=filename, error=error
                )
            ) from error
        values = []
        for row in rows:
            vals, problem = self._row_values(row)
            if problem:
                errors.append(problem)
            values.append(vals)
        if errors:
            raise UserError(self._errors_text(errors))
        return self._save(values)

    def _row_values(self, row):
        # an ISO code or a name in any installed language (the UN's circulars are
        # in English), as every import finds countries
        country = self.env["ilo.table.import.mixin"]._ilo_find_country(row["country"])
        currency = (
            self.env["res.currency"]
            .with_context(active_test=False)
            .search([("name", "=", row["currency"])], limit=1)
        )
        if not country:
            return {}, (row["line"], "country", row["country"])
        if not currency:
            return {}, (row["line"], "currency", row["currency"])
        return {
            "country_id": country.id,
            "city": row["city"] or False,
            "rate": row["rate"],
            "currency_id": currency.id,
            "date_from": row["valid_from"],
        }, None

    def _save(self, values):
        Rate = self.env["ilo.dsa.rate"].with_context(active_test=False)
        rates = Rate.browse()
        for vals in values:
            same = Rate.search(
                [
                    ("country_id", "=", vals["country_id"]),
                    ("date_from", "=", vals["date_from"]),
                ]
            ).filtered(
                lambda r, vals=vals: (r.city or "").casefold()
                == (vals["city"] or "").casefold()
            )
            if same:
                same[:1].write(vals)
                rates |= same[:1]
            else:
                rates |= Rate.create(vals)
        return rates

    def _errors_text(self, errors):
        labels = {
            "empty": self.env._("the file has no rate"),
            "missing_columns": self.env._(
                "columns missing (country, rate, currency and valid from are needed)"
            ),
            "country": self.env._("unknown or empty country"),
            "city": self.env._("wrong location"),
            "rate": self.env._("the rate is not a number"),
            "currency": self.env._("unknown or empty currency"),
            "valid_from": self.env._("the 'valid from' date is missing or not a date"),
        }
        lines = [self.env._("Nothing imported: correct the file and import it again.")]
        engine = self.env["ilo.table.import.mixin"]
        for line, key, value in errors:
            # a date that is there but wrong: what was understood, what to write
            hint = engine._ilo_date_problem(value) if key == "valid_from" else ""
            if hint:
                lines.append(
                    self.env._("Line %(line)s: %(problem)s", line=line, problem=hint)
                )
                continue
            lines.append(
                self.env._(
                    "Line %(line)s: %(problem)s (%(value)s)",
                    line=line,
                    problem=labels[key],
                    value=", ".join(value) if isinstance(value, list) else value,
                )
            )
        return "\n".join(lines)
