# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

from ..rules import tables
from ..rules.import_kinds import FILES, REFS, external_id, row_kind, shape


class IloBulkImport(models.AbstractModel):
    """The bulk imports of the command-line tool (``import-activities``,
    ``import-budget``): the tool sends the file, the server reads it with the import
    engine (``ilo.table.import.mixin``), checks every row with Odoo's own import
    (``load``) and answers with its verdict. One file is one transaction: nothing is
    written while a row is refused (unless the good rows are asked for), and a row's
    key names its record so that importing again updates, never duplicates.

    Rows of a later kind may refer by key to rows of an earlier one (participants to
    a training of the same file): they are loaded together."""

    _name = "ilo.bulk.import"
    _inherit = ["ilo.table.import.mixin"]
    _description = "Import of related rows"

    @api.model
    def import_file(self, kind, data, filename, dryrun=False, skip_invalid=False):
        """Read, judge and (unless ``dryrun``) write the file (``data``: base64) of
        ``kind`` ("activities" or "budget"). Returns ``{"ok", "read_as", "rows",
        "written", "skipped", "problems": [[line, type, text]], "summary"}``; a
        UserError when the file as a whole cannot be read."""
        if kind not in FILES:
            raise UserError(self.env._("Unknown import: %(kind)s.", kind=kind))
        table = self._ilo_read_table(data, filename)
        rows = self._ilo_file_rows(table)
        problems = {
            line: [("error", self._ilo_shape_text(code, params))]
            for line, found in shape(kind, rows).items()
            for code, params in found
        }
        specs = self._ilo_specs(kind, table, rows, problems)
        loaded = self._ilo_loaded(kind, specs, rows, problems)
        verdict = self._ilo_run(loaded, problems, dryrun, skip_invalid)
        verdict.update(read_as=self._ilo_read_as(table), rows=len(rows))
        verdict["summary"] = self._ilo_summary(verdict, dryrun)
        return verdict

    @api.model
    def _ilo_file_rows(self, table):
        header = [tables.cell_text(h).lower() for h in table.header]
        return [
            (line, dict(zip(header, cells, strict=False))) for line, cells in table.body
        ]

    @api.model
    def _ilo_shape_text(self, code, params):
        texts = {
            "kind": lambda: self.env._(
                "kind must be one of %(kinds)s (got %(kind)r)", **params
            ),
            "key_required": lambda: self.env._(
                "key is required (it makes re-imports update, not duplicate)"
            ),
            "key_twice": lambda: self.env._(
                "key %(key)r already used on line %(line)s", **params
            ),
        }
        return texts[code]()

    @api.model
    def _ilo_specs(self, kind, table, rows, problems):
        """For each row kind present: its model, columns, load fields, field
        descriptions and defaults; a UserError when a column the server needs is
        missing."""
        header = {tables.cell_text(h).lower() for h in table.header}
        present = {row_kind(kind, v) for line, v in rows if line not in problems}
        specs = {}
        for name, (model, columns) in FILES[kind].items():
            if name in present:
                specs[name] = self._ilo_spec(name, model, columns, header)
        return specs

    @api.model
    def _ilo_spec(self, name, model, columns, header):
        Model = self.env[model]
        names = {f.split("/")[0]: c for c, f in columns.items() if f != "id"}
        info = {n: Model._fields[n] for n in names}
        defaults = Model.default_get(list(info))
        missing = [
            column
            for field_name, column in names.items()
            if info[field_name].required
            and field_name not in defaults
            and column not in header
        ]
        if missing:
            raise UserError(
                self.env._(
                    "The file has no column %(columns)s (needed by %(kind)s rows).",
                    columns=", ".join(missing),
                    kind=name,
                )
            )
        present = [c for c in columns if c in header]
        fields_ = [
            f"{columns[c]}/.id"
            if columns[c] in info and info[columns[c]].comodel_name == "res.country"
            else columns[c]
            for c in present
        ]
        return {
            "model": model,
            "columns": columns,
            "present": present,
            "fields": fields_,
            "info": info,
            "defaults": defaults,
        }

    @api.model
    def _ilo_loaded(self, kind, specs, rows, problems):
        """``[(order, line, row kind, load values, spec)]`` of the rows without
        problems, their cells read by the engine (problems added per line)."""
        order = list(FILES[kind])
        loaded = []
        for line, values in rows:
            name = row_kind(kind, values)
            if line in problems or name not in specs:
                continue
            errors = []
            out = [
                self._ilo_value(name, specs[name], column, values.get(column), errors)
                for column in specs[name]["present"]
            ]
            if errors:
                problems[line] = [("error", text) for text in errors]
            else:
                loaded.append((order.index(name), line, name, out, specs[name]))
        return sorted(loaded, key=lambda item: item[0])

    @api.model
    def _ilo_value(self, name, spec, column, value, errors):
        """A cell as ``load`` takes it."""
        target = spec["columns"][column]
        text = tables.cell_text(value)
        if target == "id":
            return external_id(name, text)
        if column in REFS:
            return text and external_id(REFS[column], text)
        field = spec["info"][target.split("/")[0]]
        if not text:
            return self._ilo_default(spec, field)
        if field.comodel_name == "res.country":
            country = self._ilo_find_country(text)
            if not country:
                errors.append(self.env._("unknown country %(value)r", value=text))
            return str(country.id or "")
        label = field._description_string(self.env)
        if field.type in ("date", "datetime"):
            day = self._ilo_cell(tables.parse_date, value, label, errors)
            return day.isoformat() if day else ""
        if field.type in ("float", "monetary", "integer"):
            number = self._ilo_cell(tables.parse_number, value, label, errors)
            if number is not None and field.type == "integer" and number.is_integer():
                number = int(number)
            return "" if number is None else str(number)
        return text

    @api.model
    def _ilo_default(self, spec, field):
        """The server's default of a plain field as load's text ("" for none)."""
        value = spec["defaults"].get(field.name)
        if field.relational:
            return ""
        if isinstance(value, bool):
            return "1" if value else ""
        return "" if value in (None, False) else str(value)

    @api.model
    def _ilo_run(self, loaded, problems, dryrun, skip_invalid):
        """Check every row (nothing kept), then write the good ones when allowed:
        all of them, or with ``skip_invalid`` those without a problem."""
        for line, messages in self._ilo_load(loaded, dryrun=True).items():
            problems.setdefault(line, []).extend(messages)
        bad = {line for line, items in problems.items() if _has_error(items)}
        good = [item for item in loaded if item[1] not in bad]
        ok = not bad or (skip_invalid and 0 not in bad)
        verdict = {"ok": ok, "written": 0, "skipped": len(bad)}
        if ok and good and not dryrun:
            failed = self._ilo_load(good, dryrun=False)
            if any(_has_error(items) for items in failed.values()):
                problems, ok = failed, False
            verdict.update(ok=ok, written=len(good) if ok else 0)
        elif ok:
            verdict["written"] = len(good)
        verdict["problems"] = [
            [line, kind, text]
            for line in sorted(problems)
            for kind, text in problems[line]
        ]
        return verdict

    @api.model
    def _ilo_load(self, loaded, dryrun):
        """``{line: [(type, text)]}`` of ``load``'s messages for these rows, loaded
        in one savepoint (kept unless ``dryrun`` or a row is refused)."""
        groups = []
        for item in loaded:
            if groups and groups[-1][0][2] == item[2]:
                groups[-1].append(item)
            else:
                groups.append([item])
        batches = [
            [g[0][4]["model"], g[0][4]["fields"], [item[3] for item in g]]
            for g in groups
        ]
        results = self.load_batches(batches, dryrun=dryrun) if batches else []
        found = {}
        for group, messages in zip(groups, results, strict=True):
            for message in messages:
                span = message.get("rows")
                line = group[span["from"]][1] if span else 0
                found.setdefault(line, []).append(
                    (message["type"], self._ilo_explain(group[0][4], message))
                )
        return found

    @api.model
    def _ilo_explain(self, spec, message):
        """load's message, with the accepted values of a selection field."""
        field = spec["info"].get(message.get("field"))
        text = message["message"]
        if (
            field is not None
            and field.type == "selection"
            and message["type"] == "error"
        ):
            keys = [key for key, _label in field._description_selection(self.env)]
            text += " " + self.env._(
                "(expected one of: %(values)s)", values=", ".join(keys)
            )
        return text

    @api.model
    def _ilo_summary(self, verdict, dryrun):
        if not verdict["ok"]:
            bad = len(
                {line for line, kind, _t in verdict["problems"] if kind == "error"}
            )
            return self.env._(
                "%(bad)s bad row(s) of %(total)s: nothing written.",
                bad=bad,
                total=verdict["rows"],
            )
        if dryrun:
            return self.env._(
                "%(count)s row(s) to import, %(skipped)s to skip: nothing written "
                "(dry run).",
                count=verdict["written"],
                skipped=verdict["skipped"],
            )
        return self.env._(
            "%(count)s row(s) imported (created or updated); %(skipped)s skipped.",
            count=verdict["written"],
            skipped=verdict["skipped"],
        )

    # --- Odoo's load over several models --------------------------------------------

    @api.model
    def load_batches(self, batches, dryrun=False):
        """Load ``batches`` (``[[model, fields, rows], ...]``) in this order and return
        ``load``'s messages per batch, their ``rows`` counted within the batch.
        Nothing is kept on a dry run, nor when any row is refused."""
        savepoint = self.env.cr.savepoint(flush=False)
        messages = [self._load_rows(*batch) for batch in batches]
        refused = any(m["type"] == "error" for batch in messages for m in batch)
        self.env.flush_all()
        savepoint.close(rollback=dryrun or refused)
        if dryrun or refused:
            self.env.invalidate_all()
            # as base_import's dry run: nothing to tell the other workers
            self.pool.clear_all_caches()
            self.pool.reset_changes()
        return messages

    def _load_rows(self, model, fields, rows):
        result = self.env[model].load(fields, rows)
        if result["ids"] is not False or len(rows) < 2:
            return result["messages"]
        # A refused batch: load's report may repeat one row's error on the batch's
        # first row, and stops after ten errors. Row by row, every message is about
        # its own row.
        messages = []
        for index, row in enumerate(rows):
            for message in self.env[model].load(fields, [row])["messages"]:
                if message.get("rows"):
                    message["rows"] = {
                        "from": message["rows"]["from"] + index,
                        "to": message["rows"]["to"] + index,
                    }
                messages.append(message)
        return messages


def _has_error(items):
    return any(kind == "error" for kind, _text in items)
