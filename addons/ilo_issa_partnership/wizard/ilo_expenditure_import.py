# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv.expression import AND, OR

from ..models.ilo_funding_source_analytic import category_accounts, plan_columns
from ..rules import ledger


class _DryRun(Exception):
    """Rolls back a preview's savepoint, carrying what it counted."""

    def __init__(self, count):
        super().__init__(count)
        self.count = count


class IloExpenditureImport(models.TransientModel):
    """Actual spend from the organisation's ERP: ledger lines (reference, date,
    amount, currency, project, funding source, category, description) become costs
    of partnership projects. A preview first; every bad row reported with its line;
    all or nothing; a reference already imported is updated, or left alone when
    nothing changed (re-importing the same extract changes nothing). The command-line
    tool calls :meth:`import_file` the same way."""

    _name = "ilo.expenditure.import"
    _inherit = ["ilo.table.import.mixin"]
    _description = "Expenditure Import"

    file = fields.Binary(string="Ledger extract", required=True, attachment=False)
    filename = fields.Char()
    state = fields.Selection(
        [("upload", "Upload"), ("preview", "Preview")], default="upload"
    )
    preview = fields.Text(readonly=True)

    def action_preview(self):
        self.ensure_one()
        report = self.import_file(self.file, self.filename, dryrun=True)
        self.write({"state": "preview", "preview": self._report_text(report)})
        return self._reopen()

    def action_import(self):
        self.ensure_one()
        report = self.import_file(self.file, self.filename, dryrun=False)
        if report["errors"]:
            raise UserError(self._report_text(report))
        return self._costs_action(report["references"])

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _costs_action(self, references):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ilo_issa_partnership.account_analytic_line_action_spend"
        )
        action["domain"] = [("ilo_reference", "in", references)]
        return action

    def _report_text(self, report):
        text = self._report_verdict(report)
        return f"{text}\n({report['read_as']})" if report.get("read_as") else text

    def _report_verdict(self, report):
        if report["errors"]:
            lines = [
                self.env._(
                    "Nothing imported: %(count)s row(s) to correct.",
                    count=len({line for line, _msg in report["errors"]}),
                )
            ]
            lines += [
                self.env._("Line %(line)s: %(problem)s", line=line, problem=problem)
                for line, problem in report["errors"]
            ]
            return "\n".join(lines)
        verdict = self.env._(
            "%(created)s cost(s) to create, %(updated)s to update, %(unchanged)s "
            "unchanged.",
            created=report["created"],
            updated=report["updated"],
            unchanged=report["unchanged"],
        )
        if report.get("unbudgeted"):
            verdict += "\n" + self.env._(
                "Warning: %(count)s new cost(s) match no budget line (project, funding "
                "source, category and a period holding their date): they will be "
                "listed under Unbudgeted Spend, not in any budget line's actual.",
                count=report["unbudgeted"],
            )
        return verdict

    # --- the server judges the rows (UI and command line) --------------------------

    @api.model
    def import_file(self, data, filename, dryrun=True):
        """Read and judge a ledger extract (``data``: the file's bytes in base64) and,
        unless ``dryrun`` or any row is bad, write it. Returns ``{"errors": [[line,
        text]...], "created", "updated", "unchanged", "references"}`` and, when the
        file could be read, "read_as" (its encoding and separator)."""
        # finance's (and managers') only, over RPC too
        self.check_access("create")
        try:
            table = self._ilo_read_table(data, filename)
        except UserError as exc:  # the file as a whole: one message
            return self._report([[0, exc.args[0]]])
        rows, problems = ledger.parse_rows(table.rows)
        errors = [
            [line, self._ilo_table_message(problem)]
            for line, found in problems.items()
            for problem in found
        ]
        values = {}
        rows = [row for row in rows if row["line"] not in problems]
        found = self._ilo_lookups(rows)
        for row in rows:
            vals, row_errors = self._ilo_row_values(row, found)
            errors += [[row["line"], text] for text in row_errors]
            if not row_errors:
                values[row["reference"]] = vals
        report = (
            self._report(sorted(errors, key=lambda e: e[0]))
            if errors
            else self._ilo_write(values, dryrun)
        )
        report["read_as"] = self._ilo_read_as(table)
        return report

    @api.model
    def _report(
        self, errors, created=0, updated=0, unchanged=0, references=(), unbudgeted=0
    ):
        return {
            "errors": errors,
            "created": created,
            "updated": updated,
            "unchanged": unchanged,
            "unbudgeted": unbudgeted,
            "references": list(references),
        }

    def _ilo_create_costs(self, vals_list, dryrun):
        """Create the new costs ``vals_list`` and return how many match no budget
        line; with ``dryrun``, inside a savepoint rolled back, so that the preview
        applies the very matching the import will."""
        Line = self.env["account.analytic.line"]
        if not dryrun:
            return self._ilo_unmatched(Line.create(vals_list))
        try:
            with self.env.cr.savepoint():
                raise _DryRun(self._ilo_unmatched(Line.create(vals_list)))
        except _DryRun as done:
            return done.count

    def _ilo_unmatched(self, lines):
        return len(lines.filtered(lambda line: not line.ilo_budget_line_id))

    @api.model
    def _ilo_lookups(self, rows):
        """What the rows name, found with one search per column for the whole file:
        {column: {name or code in lower case: records}}."""

        def named(column):
            return {row[column] for row in rows if row.get(column)}

        return {
            "project": self._ilo_find(
                self.env["project.project"],
                ["name", "account_id.code"],
                named("project"),
                [("is_partnership", "=", True)],
            ),
            "currency": self._ilo_find(
                self.env["res.currency"], ["name"], named("currency")
            ),
            "funding_source": self._ilo_find(
                self.env["ilo.funding.source"],
                ["code", "name"],
                named("funding_source"),
            ),
            "category": self._ilo_category_keys(),
            "category_account": {
                key: account for account, key in category_accounts(self.env).items()
            },
            "columns": plan_columns(self.env),
        }

    @api.model
    def _ilo_find(self, model, paths, values, domain=()):
        """{value in lower case: the records of ``model`` (in its order) one of
        whose ``paths`` is that value, ignoring case}: one search for all
        ``values``, with the rights of the user."""
        if not values:
            return {}
        records = model.search(
            AND(
                [
                    list(domain),
                    OR(
                        [
                            [(path, "=ilike", value)]
                            for value in values
                            for path in paths
                        ]
                    ),
                ]
            )
        )
        wanted = {value.lower() for value in values}
        found = {}
        for record in records:
            for path in paths:
                for text in record.sudo().mapped(path):
                    key = text.lower() if isinstance(text, str) else None
                    if key in wanted:
                        found[key] = found.get(key, model.browse()) | record
        return found

    @api.model
    def _ilo_row_values(self, row, found):
        """The analytic line's values of a row, and the row's problems (each column
        resolved by its own method, from what :meth:`_ilo_lookups` found)."""
        errors = []
        project = self._ilo_row_project(row, errors, found)
        currency = self._ilo_row_currency(row, errors, found)
        vals = {
            "ilo_reference": row["reference"],
            "name": row.get("description") or row["reference"],
            "date": row["date"],
            "ilo_spend_amount": row["amount"],
            "ilo_spend_currency_id": currency.id,
            "account_id": project.account_id.id,
        }
        columns = found["columns"]
        source = self._ilo_row_funding_source(row, errors, found)
        if source and columns:
            vals[columns[0]] = source.analytic_account_id.id
        category = self._ilo_row_category(row, errors, found)
        if category and columns:
            vals[columns[1]] = category.id
        return vals, errors

    def _ilo_row_project(self, row, errors, found):
        """The partnership project a row names (its name or its analytic account's
        code), or an empty recordset with the problem added to ``errors``."""
        env = self.env
        project = found["project"].get(row["project"].lower(), env["project.project"])
        if not project:
            errors.append(
                env._(
                    "project %(project)r: no such partnership project (its name or "
                    "its analytic account's code)",
                    project=row["project"],
                )
            )
        elif len(project) > 1:
            errors.append(
                env._(
                    "project %(project)r: several projects have that name",
                    project=row["project"],
                )
            )
        elif not project.account_id:
            errors.append(
                env._(
                    "project %(project)s has no analytic account: give it one first",
                    project=project.display_name,
                )
            )
        return project if len(project) == 1 else project.browse()

    def _ilo_row_currency(self, row, errors, found):
        currency = found["currency"].get(
            row["currency"].lower(), self.env["res.currency"]
        )
        if not currency:
            errors.append(
                self.env._(
                    "currency %(currency)r: unknown or not active (Settings → "
                    "Currencies)",
                    currency=row["currency"],
                )
            )
        return currency

    def _ilo_row_funding_source(self, row, errors, found):
        """The funding source a row names by code or name (none when the cell is
        empty)."""
        if not row.get("funding_source"):
            return self.env["ilo.funding.source"]
        source = found["funding_source"].get(
            row["funding_source"].lower(), self.env["ilo.funding.source"]
        )[:1]
        if not source:
            errors.append(
                self.env._(
                    "funding source %(funding)r: no source has that code or name",
                    funding=row["funding_source"],
                )
            )
        return source

    def _ilo_row_category(self, row, errors, found):
        """The budget category's analytic account a row names (none when empty)."""
        if not row.get("category"):
            return self.env["account.analytic.account"]
        key = found["category"].get(row["category"].strip().lower())
        if not key:
            field = self.env["ilo.budget.line"]._fields["category"]
            errors.append(
                self.env._(
                    "category %(category)r: unknown (the categories: %(known)s)",
                    category=row["category"],
                    known=", ".join(
                        label for _key, label in field._description_selection(self.env)
                    ),
                )
            )
            return self.env["account.analytic.account"]
        return self.env["account.analytic.account"].browse(
            found["category_account"].get(key)
        )

    @api.model
    def _ilo_category_keys(self):
        """{a category's key or label (in English or any installed language: a
        French file imported by an English reader), in lower case: its key}."""
        field = self.env["ilo.budget.line"]._fields["category"]
        keys = {}
        for code, _name in self.env["res.lang"].get_installed():
            env = self.env(context=dict(self.env.context, lang=code))
            for key, label in field._description_selection(env):
                keys.setdefault(label.lower(), key)
        # the reader's own language wins where two languages share a label
        for key, label in field._description_selection(self.env):
            keys[label.lower()] = key
        for key, label in field.selection:
            keys[label.lower()] = key
            keys[key.lower()] = key
        return keys

    @api.model
    def _ilo_write(self, values, dryrun):
        Line = self.env["account.analytic.line"]
        existing = {
            line.ilo_reference: line
            for line in Line.search([("ilo_reference", "in", list(values))])
        }
        created = updated = unchanged = 0
        to_create = []
        for reference, vals in values.items():
            line = existing.get(reference)
            if not line:
                created += 1
                to_create.append(vals)
                continue
            changed = {
                name: value
                for name, value in vals.items()
                if line._fields[name].convert_to_write(line[name], line) != value
            }
            if changed:
                updated += 1
                if not dryrun:
                    line.write(changed)
            else:
                unchanged += 1
        unbudgeted = self._ilo_create_costs(to_create, dryrun) if to_create else 0
        return self._report([], created, updated, unchanged, values, unbudgeted)
