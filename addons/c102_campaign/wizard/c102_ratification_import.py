# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import of ratifications (the NORMLEX page, the product's CSV, a spreadsheet):
a preview of every change per country (old -> new) before anything is written, an
error per bad row, all or nothing. The rows are read by ``rules.ratification``: a
file changes only what it speaks to, and the same facts again change nothing."""

from dataclasses import dataclass, field

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..rules import (
    changes,
    check_article_2,
    header_map,
    merge,
    needs_article_2,
    read_row,
)
from ..rules.ratification import rewrites

# fact -> field of c102.country that holds it (for its label)
FACT_FIELDS = {
    "accepted_parts": "accepted_part_ids",
    "superseded": "superseded_line_ids",
    "article3": "article3_exception_ids",
}


@dataclass
class _Row:
    """One row as read: the line to show, and what to write."""

    number: int
    label: str
    country: object = None
    record: object = None
    skip: str = ""
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    new: dict = field(default_factory=dict)
    changes: list = field(default_factory=list)
    cells: dict = field(default_factory=dict)
    other: tuple = ()  # another Convention than C102 (c102.convention.ratification)


class C102RatificationImport(models.TransientModel):
    _name = "c102.ratification.import"
    _inherit = ["ilo.input.check.mixin", "ilo.table.import.mixin"]
    _description = "Import C102 Ratifications"

    file = fields.Binary(required=True)
    filename = fields.Char()
    line_ids = fields.One2many(
        "c102.ratification.import.line", "wizard_id", string="Preview"
    )
    change_ids = fields.One2many(
        "c102.ratification.import.change", "wizard_id", string="Changes"
    )
    error_count = fields.Integer(compute="_compute_counts")
    change_count = fields.Integer(compute="_compute_counts")
    state = fields.Selection(
        [("upload", "Upload"), ("preview", "Preview")], default="upload"
    )

    @api.depends("line_ids.error", "change_ids")
    def _compute_counts(self):
        for wizard in self:
            wizard.error_count = len(wizard.line_ids.filtered("error"))
            wizard.change_count = len(wizard.change_ids)

    # --- reading the file ---------------------------------------------------------

    def _country_index(self):
        """Odoo's country names in every installed language, and the official
        forms ``rules.country_names`` knows (``c102.country._country_index``)."""
        return self.env["c102.country"]._country_index()

    def _problem(self, code, params):
        """A problem of ``rules.ratification`` in the user's language."""
        messages = {
            "bad_date": self.env._("bad date '%(value)s'"),
            "bad_entry_into_force": self.env._("bad entry into force '%(value)s'"),
            "bad_succession": self.env._(
                "succession '%(value)s' is neither yes nor no"
            ),
            "unknown_parts": self.env._("unknown Part(s): %(parts)s"),
            "unknown_article3": self.env._(
                "unknown Article 3 exception(s): %(articles)s"
            ),
            "bad_confidence": self.env._(
                "certainty '%(value)s' is not confirmed, partial or unverified"
            ),
            "superseded_not_accepted": self.env._(
                "only accepted Parts can be no longer applicable (not accepted: "
                "%(parts)s)"
            ),
            "denounced": self.env._(
                "denunciation '%(value)s' not imported: record it by hand"
            ),
            "unknown_status": self.env._("status '%(value)s' not understood"),
        }
        if code == "bad_date":
            # what was understood and what to write (the import engine's words)
            engine = self.env["ilo.table.import.mixin"]
            hint = engine._ilo_date_problem(params["value"])
            if hint:
                return hint
        return messages[code] % params

    def _predecessor_message(self, key, successors):
        names = ", ".join(
            self.env["res.country"].search([("code", "in", successors)]).mapped("name")
        )
        messages = {
            "yugoslavia": self.env._(
                "Yugoslavia is a former State: it ratified C102 on 20 December 1954 "
                "and its successor States are bound by succession (%(successors)s). "
                "Their own rows are imported, not this one."
            ),
            "serbia_montenegro": self.env._(
                "Serbia and Montenegro is a former State: its successor States are "
                "bound by succession (%(successors)s). Their own rows are imported, "
                "not this one."
            ),
            "czechoslovakia": self.env._(
                "Czechoslovakia is a former State: its ratification was registered "
                "on 11 January 1990 and its successor States are bound by succession "
                "from 1 January 1993 (%(successors)s). Their own rows are imported, "
                "not this one."
            ),
            "ussr": self.env._(
                "The USSR is a former State; no ratification of C102 by it is "
                "recorded. States that succeeded it ratified on their own "
                "(%(successors)s). Their own rows are imported, not this one."
            ),
        }
        return messages[key] % {"successors": names}

    def _resolve_country(self, row, index, countries):
        """The country of a row (ISO code and/or name), else an error or the
        explanation of a former State."""
        code = str(row.cells.get("code") or "").strip()
        name = str(row.cells.get("country") or "").strip()
        found = index.find(code) if code else None
        if code and not found:
            row.errors.append(self.env._("unknown ISO code '%(value)s'", value=code))
            return
        by_name = index.find(name) if name else None
        if found and by_name and found != by_name:
            row.errors.append(
                self.env._(
                    "the ISO code '%(code)s' and the name '%(name)s' are different "
                    "countries",
                    code=code,
                    name=name,
                )
            )
            return
        found = found or by_name
        if not found and name:
            predecessor = index.predecessor(name)
            if predecessor:
                row.skip = self._predecessor_message(*predecessor)
                return
        if not found or found not in countries:
            message = self.env._("unknown country '%(value)s'", value=name or code)
            close = [countries[c].name for c in index.suggest(name) if c in countries]
            if close:
                message += " " + self.env._(
                    "(closest: %(names)s)", names=", ".join(close)
                )
            row.errors.append(message)
            return
        row.country = countries[found]

    def _read_table(self):
        """The file's rows and its column map, or a UserError saying what is
        wrong with the file as a whole."""
        rows = self._ilo_read_table(self.file, self.filename).rows
        columns = header_map(rows[0][1])
        missing = [k for k in ("country", "date") if k not in columns]
        if "code" in columns and "country" in missing:
            missing.remove("country")
        if missing:
            raise UserError(
                self.env._(
                    "The file has no column for: %(columns)s. Expected a header row "
                    "with Country (name or ISO code) and Ratification date, and any "
                    "of Parts, Succession, Entry into force, Parts no longer "
                    "applicable, Article 3 exceptions, Confidence, Sources, Status, "
                    "Note.",
                    columns=", ".join(missing),
                )
            )
        return rows, columns

    @api.model
    def _lookups(self):
        """What a file's countries are found among: the country index, Odoo's
        countries by ISO code and the campaign's records by country (archived
        ones included)."""
        inactive = {"active_test": False}
        countries = self.env["res.country"].with_context(**inactive).search([])
        records = self.env["c102.country"].with_context(**inactive).search([])
        return {
            "index": self._country_index(),
            "countries": {c.code: c for c in countries},
            "records": {r.country_id: r for r in records},
        }

    def _read(self):
        """Every row of the file, read and compared with the campaign's records."""
        self.ensure_one()
        rows, columns = self._read_table()
        lookups = self._lookups()
        index, countries, records = (
            lookups["index"],
            lookups["countries"],
            lookups["records"],
        )
        result, seen = [], {}
        for number, values in rows[1:]:
            cells = {
                key: values[i] if i < len(values) else None
                for key, i in columns.items()
            }
            row = _Row(
                number=number,
                label=str(cells.get("country") or cells.get("code") or ""),
                cells=cells,
            )
            result.append(row)
            self._resolve_country(row, index, countries)
            Other = self.env["c102.convention.ratification"]
            if Other._import_read(row, cells, records, seen):
                continue
            read = read_row(cells)
            row.errors += [self._problem(c, p) for c, p in read.errors]
            row.warnings += [self._problem(c, p) for c, p in read.warnings]
            if row.skip or not row.country:
                continue
            if row.country in seen:
                row.errors.append(
                    self.env._(
                        "%(country)s already on row %(row)s",
                        country=row.country.name,
                        row=seen[row.country],
                    )
                )
                continue
            seen[row.country] = number
            if not row.errors:
                row.record = records.get(row.country, self.env["c102.country"])
                self._compare(row, read)
        return result

    def _compare(self, row, read):
        """The row's facts merged into its record's, checked and compared."""
        current = row.record._ratification_facts() if row.record else {}
        row.new, errors = merge(current, read.facts)
        row.errors += [self._problem(c, p) for c, p in errors]
        if not row.new["ratification_date"]:
            row.errors.append(self.env._("no ratification date"))
            return
        if needs_article_2(current, row.new):
            result = check_article_2(row.new["accepted_parts"] or ())
            if not result.ok:
                parts = self.env["c102.part"].search(
                    [("code", "in", list(result.parts))]
                )
                row.errors.append(parts.check_article_2()["reason"])
        if row.new["parts_status"] != "complete" and not row.errors:
            row.warnings.append(self.env._("Parts to confirm against NORMLEX"))
        self._check_in_force(row, read.in_force)
        self._check_rewrites(row, current)
        row.changes = changes(current, row.new)

    def _check_rewrites(self, row, current):
        """Warn when the row rewrites a ratification already recorded."""
        for code, params in rewrites(current, row.new):
            if code == "date_replaced":
                row.warnings.append(
                    self.env._(
                        "replaces the recorded ratification date %(old)s with "
                        "%(new)s: check the file",
                        old=format_date(self.env, params["old"]),
                        new=format_date(self.env, params["new"]),
                    )
                )
            else:
                row.warnings.append(
                    self.env._(
                        "removes accepted Parts %(parts)s recorded: check the file",
                        parts=params["parts"],
                    )
                )

    def _check_in_force(self, row, in_force):
        """Warn when NORMLEX's "in force" disagrees with the entry into force."""
        start = row.new["entry_into_force_date"]
        if in_force is None or not start:
            return
        today = fields.Date.context_today(self)
        if in_force and start > today:
            row.warnings.append(
                self.env._(
                    "NORMLEX says in force, but the entry into force is %(date)s",
                    date=format_date(self.env, start),
                )
            )
        elif not in_force and start <= today:
            row.warnings.append(
                self.env._(
                    "NORMLEX says not in force although in force since "
                    "%(date)s: check for a denunciation",
                    date=format_date(self.env, start),
                )
            )

    # --- preview ------------------------------------------------------------------

    def _format(self, key, value, facts):
        """A fact as the preview shows it."""
        if value in (None, False, "", ()):
            return "—"
        if ":" in key:  # another Convention than C102
            return self.env["c102.convention.ratification"]._import_format(key, value)
        Country = self.env["c102.country"]
        if key == "ratification_date":
            if facts.get("ratification_date_precision") == "year":
                return self.env._("%(year)s (year only)", year=value.year)
            return format_date(self.env, value)
        if key == "entry_into_force_date":
            return format_date(self.env, value)
        if key in ("ratification_date_precision", "parts_status", "source_confidence"):
            labels = dict(Country._fields[key]._description_selection(self.env))
            return labels.get(value, value)
        if key == "is_succession":
            return self.env._("Yes") if value else self.env._("No")
        if key == "accepted_parts" or key == "article3":
            return ", ".join(value)
        if key == "superseded":
            return ", ".join(f"{part} ({by})" for part, by in value)
        return str(value)

    def _label(self, key):
        if ":" in key:  # another Convention than C102
            return self.env["c102.convention.ratification"]._import_label(key)
        field = self.env["c102.country"]._fields[FACT_FIELDS.get(key, key)]
        return field._description_string(self.env)

    def _change_vals(self, row):
        current = (
            row.record._ratification_facts() if row.record and not row.other else {}
        )
        return [
            {
                "sequence": position,
                "field_name": key,
                "field_label": self._label(key),
                "old_value": self._format(key, old, current),
                "new_value": self._format(key, new, row.new),
            }
            for position, (key, old, new) in enumerate(row.changes)
        ]

    def _line_vals(self, row):
        if row.errors:
            outcome = "error"
        elif row.skip:
            outcome = "skipped"
        elif not row.changes:
            outcome = "unchanged"
        elif row.other:
            outcome = "update" if row.other[1] else "new"
        elif row.record.ratification_date:
            outcome = "update"
        else:
            outcome = "new"
        parts = self.env["c102.part"].search(
            [("code", "in", list(row.new.get("accepted_parts") or ()))]
        )
        return {
            "row_number": row.number,
            "country_label": row.label,
            "country_id": row.country.id if row.country else False,
            "outcome": outcome,
            "ratification_date": row.new.get("ratification_date") or False,
            "parts_text": str(row.cells.get("parts") or ""),
            "part_ids": [(6, 0, parts.ids)],
            "status": str(row.cells.get("status") or ""),
            "note": str(row.cells.get("note") or ""),
            "error": "; ".join(row.errors) or False,
            "warning": "; ".join(([row.skip] if row.skip else []) + row.warnings)
            or False,
            "change_ids": [
                (0, 0, dict(vals, wizard_id=self.id)) for vals in self._change_vals(row)
            ]
            if not row.errors
            else [],
        }

    def action_preview(self):
        self.ensure_one()
        rows = self._read()
        self.line_ids = [(5, 0, 0)] + [(0, 0, self._line_vals(row)) for row in rows]
        self.state = "preview"
        return self._reopen()

    def action_import(self):
        self.ensure_one()
        if self.state != "preview":
            self.action_preview()
        self._check_no_bad_row()
        rows = self._read()
        self._check_unchanged_since_preview(rows)
        return self._imported_action(self._write_rows(rows))

    def _check_no_bad_row(self):
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

    def _check_unchanged_since_preview(self, rows):
        previewed = sorted(
            (c.line_id.row_number, c.field_name, c.new_value) for c in self.change_ids
        )
        planned = sorted(
            (row.number, key, self._format(key, new, row.new))
            for row in rows
            for key, _old, new in row.changes
        )
        if any(row.errors for row in rows) or previewed != planned:
            raise UserError(
                self.env._(
                    "The campaign's records changed since the preview: preview the "
                    "file again. Nothing was imported."
                )
            )

    def _write_rows(self, rows):
        """Write the rows' changes; the campaign records they touch."""
        Country = self.env["c102.country"]
        touched = Country
        for row in rows:
            if row.skip or not row.country:
                continue
            record = row.record or Country.create({"country_id": row.country.id})
            if row.other and row.changes:
                self.env["c102.convention.ratification"]._import_write(row, record)
            elif row.changes:
                record._write_facts(row.new, [key for key, _o, _n in row.changes])
            touched |= record
        return touched

    def _imported_action(self, countries):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Imported ratifications"),
            "res_model": "c102.country",
            "view_mode": "list,form",
            "domain": [("id", "in", countries.ids)],
        }

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import ratifications"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
