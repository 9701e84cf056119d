# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import of the supervisory bodies' comments on C102 (CEACR direct requests and
observations) from a CSV file: UTF-8 with or without a BOM, ``;`` or ``,`` between
cells. Every bad row is reported with its line and nothing is written while one is
bad; importing the same file again changes nothing (a comment is one per country,
year and type)."""

import base64
from collections import Counter

from odoo import Command, fields, models
from odoo.exceptions import UserError

from ..rules.supervision import read_comments
from .c102_ratification_import import _Row


class C102SupervisionImport(models.TransientModel):
    _name = "c102.supervision.import"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Import C102 Supervisory Comments"

    file = fields.Binary(required=True)
    filename = fields.Char()
    result = fields.Text(readonly=True)
    state = fields.Selection([("upload", "Upload"), ("done", "Done")], default="upload")

    def _problem(self, code, params):
        """A problem of ``rules.supervision.read_comments`` in the user's language."""
        if code == "table":  # the file as a whole: the import engine's words
            return self.env["ilo.table.import.mixin"]._ilo_table_message(
                params["error"]
            )
        _ = self.env._
        messages = {
            "empty": _("the file has no comment rows"),
            "missing_columns": _(
                "no column for %(columns)s: the header needs Country (or ISO code), "
                "Year and Type, and may have Parts, Link, Summary, Report requested"
            ),
            "no_country": _("no country"),
            "bad_year": _("bad year '%(value)s' (four digits, from 1955)"),
            "bad_type": _("type '%(value)s' is neither Direct request nor Observation"),
            "unknown_parts": _("unknown Part(s): %(parts)s"),
            "bad_link": _(
                "link '%(value)s' is not a web address (http:// or https://)"
            ),
            "bad_requested": _(
                "report requested '%(value)s' is not a year from the comment's year"
            ),
        }
        return messages[code] % params

    def _rows(self):
        """``(values per comment, problems as (line, message))``."""
        self.ensure_one()
        data = base64.b64decode(self.file or b"")
        rows, found = read_comments(data, fields.Date.context_today(self))
        problems = [(line, self._problem(code, params)) for line, code, params in found]
        lookups = self.env["c102.ratification.import"]._lookups()
        parts = {p.code: p.id for p in self.env["c102.part"].search([])}
        seen, values = {}, []
        for row in rows:
            record, errors = self._row_country(row, lookups)
            key = (record, row.year, row.comment_type)
            if not errors and key in seen:
                errors.append(
                    self.env._("the same comment as line %(line)s", line=seen[key])
                )
            problems += [(row.line, error) for error in errors]
            if errors:
                continue
            seen[key] = row.line
            values.append(
                {
                    "c102_country_id": record.id,
                    "year": row.year,
                    "comment_type": row.comment_type,
                    "part_ids": sorted(parts[code] for code in row.parts),
                    "url": row.link or False,
                    "summary": row.summary or False,
                    "requested_year": row.requested_year or 0,
                }
            )
        return values, sorted(problems, key=lambda p: p[0])

    def _row_country(self, row, lookups):
        """The campaign record of a row's country, and the row's problems with it:
        an unknown name, or a State that has not ratified."""
        found = _Row(
            number=row.line,
            label=row.country or row.code,
            cells={"country": row.country, "code": row.code},
        )
        self.env["c102.ratification.import"]._resolve_country(
            found, lookups["index"], lookups["countries"]
        )
        if found.skip:
            found.errors.append(found.skip)
        record = lookups["records"].get(found.country) if found.country else None
        if found.country and not (record and record.ratified):
            found.errors.append(
                self.env._(
                    "%(country)s has not ratified C102: the supervisory bodies "
                    "comment on ratifying States only",
                    country=found.country.name,
                )
            )
        return record, found.errors

    def action_import(self):
        self.ensure_one()
        values, problems = self._rows()
        if problems:
            raise UserError(self._problems_text(problems))
        outcomes = Counter(self._write_comment(vals) for vals in values)
        self.write({"state": "done", "result": self._result_text(values, outcomes)})
        return self._reopen()

    def _problems_text(self, problems):
        return self.env._(
            "Nothing was imported: %(count)s problem(s) in %(file)s.\n%(rows)s",
            count=len(problems),
            file=self.filename or self.env._("the file"),
            rows="\n".join(
                self.env._("Line %(line)s: %(error)s", line=line, error=error)
                for line, error in problems
            ),
        )

    def _result_text(self, values, outcomes):
        return self.env._(
            "%(count)s comment(s): %(new)s new, %(updated)s updated, "
            "%(unchanged)s unchanged.",
            count=len(values),
            new=outcomes["new"],
            updated=outcomes["updated"],
            unchanged=outcomes["unchanged"],
        )

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import supervisory comments"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _write_comment(self, vals):
        """Create or update the comment of ``vals`` (one per country, year and
        type); returns "new", "updated" or "unchanged"."""
        Comment = self.env["c102.supervision.comment"]
        comment = Comment.search(
            [
                ("c102_country_id", "=", vals["c102_country_id"]),
                ("year", "=", vals["year"]),
                ("comment_type", "=", vals["comment_type"]),
            ]
        )
        if not comment:
            Comment.create(dict(vals, part_ids=[Command.set(vals["part_ids"])]))
            return "new"
        current = {
            "part_ids": sorted(comment.part_ids.ids),
            "url": comment.url or False,
            "summary": comment.summary or False,
            "requested_year": comment.requested_year,
        }
        wanted = {key: vals[key] for key in current}
        if current == wanted:
            return "unchanged"
        wanted["part_ids"] = [Command.set(wanted["part_ids"])]
        comment.write(wanted)
        return "updated"
