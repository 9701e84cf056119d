# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""NORMLEX-style import of ratifications: preview, an error per bad row, atomic."""

import base64
import csv
import datetime
import io

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules import check_article_2, parse_parts

COLUMNS = {
    "country": ("country", "pays", "member state"),
    "date": ("ratification date", "date", "date of ratification"),
    "parts": ("parts", "accepted parts", "parties acceptées"),
    "status": ("status", "statut"),
    "note": ("note", "notes"),
}
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d %b %Y", "%d %B %Y")


def _rows_from_file(data, filename):
    """Rows as lists of cell values, the header first (CSV or XLSX)."""
    if (filename or "").lower().endswith(".xlsx"):
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        return [list(row) for row in book.active.iter_rows(values_only=True)]
    text = data.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    return list(csv.reader(io.StringIO(text), dialect))


def _parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


class C102RatificationImport(models.TransientModel):
    _name = "c102.ratification.import"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Import C102 Ratifications"

    file = fields.Binary(required=True)
    filename = fields.Char()
    line_ids = fields.One2many(
        "c102.ratification.import.line", "wizard_id", string="Preview"
    )
    error_count = fields.Integer(compute="_compute_error_count")
    state = fields.Selection(
        [("upload", "Upload"), ("preview", "Preview")], default="upload"
    )

    @api.depends("line_ids.error")
    def _compute_error_count(self):
        for wizard in self:
            wizard.error_count = len(wizard.line_ids.filtered("error"))

    # --- parsing ------------------------------------------------------------------

    def _header_map(self, header):
        found = {}
        for index, cell in enumerate(header):
            label = str(cell or "").strip().lower()
            for key, names in COLUMNS.items():
                if label in names and key not in found:
                    found[key] = index
        missing = [k for k in ("country", "date", "parts") if k not in found]
        if missing:
            raise UserError(
                self.env._(
                    "The file has no column for: %(columns)s. Expected a header row "
                    "with Country, Ratification date, Parts (and optionally Status, "
                    "Note).",
                    columns=", ".join(missing),
                )
            )
        return found

    def _find_country(self, value):
        text = str(value or "").strip()
        if not text:
            return self.env["res.country"]
        Country = self.env["res.country"].with_context(active_test=False)
        if len(text) == 2:
            country = Country.search([("code", "=ilike", text)], limit=1)
            if country:
                return country
        for lang, _name in self.env["res.lang"].get_installed():
            country = Country.with_context(lang=lang).search(
                [("name", "=ilike", text)], limit=1
            )
            if country:
                return country
        return self.env["res.country"]

    def _parse(self):
        self.ensure_one()
        try:
            rows = _rows_from_file(base64.b64decode(self.file), self.filename)
        except Exception as exc:
            raise UserError(
                self.env._(
                    "The file could not be read as CSV or XLSX: %(error)s", error=exc
                )
            ) from exc
        rows = [r for r in rows if any(str(c or "").strip() for c in r)]
        if len(rows) < 2:
            raise UserError(self.env._("The file has no ratification rows."))
        columns = self._header_map(rows[0])
        parts_by_code = {p.code: p for p in self.env["c102.part"].search([])}
        lines, seen = [], {}
        for number, row in enumerate(rows[1:], start=2):

            def cell(key, row=row):
                index = columns.get(key)
                return row[index] if index is not None and index < len(row) else None

            errors = []
            country = self._find_country(cell("country"))
            if not country:
                errors.append(
                    self.env._(
                        "unknown country '%(value)s'", value=cell("country") or ""
                    )
                )
            elif country.id in seen:
                errors.append(
                    self.env._(
                        "%(country)s already on row %(row)s",
                        country=country.name,
                        row=seen[country.id],
                    )
                )
            else:
                seen[country.id] = number
            date = _parse_date(cell("date"))
            if not date:
                errors.append(
                    self.env._("bad date '%(value)s'", value=cell("date") or "")
                )
            codes, bad = parse_parts(str(cell("parts") or ""))
            if bad:
                errors.append(
                    self.env._("unknown Part(s): %(parts)s", parts=", ".join(bad))
                )
            elif not check_article_2(codes).ok:
                parts = self.env["c102.part"].browse(
                    [parts_by_code[c].id for c in codes]
                )
                errors.append(parts.check_article_2()["reason"])
            lines.append(
                {
                    "row_number": number,
                    "country_label": str(cell("country") or ""),
                    "country_id": country.id or False,
                    "ratification_date": date or False,
                    "parts_text": str(cell("parts") or ""),
                    "part_ids": [(6, 0, [parts_by_code[c].id for c in codes])],
                    "status": str(cell("status") or ""),
                    "note": str(cell("note") or ""),
                    "error": "; ".join(errors) or False,
                }
            )
        return lines

    def action_preview(self):
        self.ensure_one()
        self.line_ids = [(5, 0, 0)] + [(0, 0, vals) for vals in self._parse()]
        self.state = "preview"
        return self._reopen()

    def action_import(self):
        self.ensure_one()
        if self.state != "preview":
            self.action_preview()
        bad = self.line_ids.filtered("error")
        if bad:
            raise UserError(
                self.env._(
                    "Nothing was imported: %(count)s row(s) are wrong.\n%(rows)s",
                    count=len(bad),
                    rows="\n".join(
                        self.env._(
                            "Row %(row)s: %(error)s", row=b.row_number, error=b.error
                        )
                        for b in bad
                    ),
                )
            )
        Country = self.env["c102.country"]
        existing = {
            r.country_id.id: r
            for r in Country.search(
                [("country_id", "in", self.line_ids.country_id.ids)]
            )
        }
        to_create = []
        for line in self.line_ids:
            vals = {
                "ratification_date": line.ratification_date,
                "accepted_part_ids": [(6, 0, line.part_ids.ids)],
                "stage": "ratified",
            }
            if line.note or line.status:
                vals["note"] = " — ".join(filter(None, [line.status, line.note]))
            if line.country_id.id in existing:
                existing[line.country_id.id].write(vals)
            else:
                to_create.append(dict(vals, country_id=line.country_id.id))
        created = Country.create(to_create)
        records = created | Country.browse([r.id for r in existing.values()])
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Imported ratifications"),
            "res_model": "c102.country",
            "view_mode": "list,form",
            "domain": [("id", "in", records.ids)],
        }

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
