# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii

from odoo import api, models
from odoo.exceptions import UserError

from ..rules import tables


class IloTableImportMixin(models.AbstractModel):
    """The server's import engine as every import uses it (the wizards and the
    command-line tool over RPC): a file's rows read by ``rules.tables`` (encodings,
    separators, workbooks), its numbers and dates by one rule, its countries by
    their names, and every problem worded in the user's language."""

    _name = "ilo.table.import.mixin"
    _description = "Import engine of the partnership's files"

    @api.model
    def _ilo_read_table(self, data, filename):
        """The ``rules.tables.Table`` of a file (``data``: base64); a UserError
        naming the file and what is wrong with it as a whole."""
        try:
            content = base64.b64decode(data or b"", validate=False)
            return tables.read_table(content, filename or "")
        except tables.TableError as exc:
            raise UserError(
                self.env._(
                    "%(file)s: %(problem)s",
                    file=filename or self.env._("the file"),
                    problem=self._ilo_table_message(exc),
                )
            ) from exc
        except binascii.Error as exc:
            raise UserError(
                self.env._("%(file)s: the file is not base64-encoded.", file=filename)
            ) from exc

    @api.model
    def _ilo_read_as(self, table):
        """How a file was read, for the user: "CSV, Windows-1252, semicolon (;)"."""
        if table.kind == "xlsx":
            return self.env._("read as XLSX")
        separators = {
            ";": self.env._("semicolon (;)"),
            ",": self.env._("comma (,)"),
            "\t": self.env._("tab"),
        }
        return self.env._(
            "read as CSV, %(encoding)s, separator: %(separator)s",
            encoding=table.encoding,
            separator=separators.get(table.separator, table.separator),
        )

    @api.model
    def _ilo_table_message(self, problem):
        """A ``rules.tables.TableError`` (or a plain text) in the user's language."""
        if not isinstance(problem, tables.TableError):
            return str(problem)
        _ = self.env._
        texts = {
            "encoding": lambda: _(
                "the file is not text in UTF-8, UTF-16 or Windows-1252 (save it as "
                "CSV UTF-8 or as XLSX)"
            ),
            "binary": lambda: _(
                "the file is not a CSV or XLSX file (an old .xls or another "
                "format: save it as XLSX or CSV)"
            ),
            "xlsx": lambda: _(
                "the workbook could not be read (%(error)s): save it again as XLSX"
            ),
            "formula": lambda: _(
                "cell %(cell)s holds a formula with no saved value (%(formula)s): "
                "open the file in a spreadsheet program, let it calculate, and save "
                "it"
            ),
            "empty": lambda: _("no rows could be read from the file"),
            "no_rows": lambda: _("the file has a header but no rows below it"),
            "number": lambda: _("%(value)r is not a number"),
            "ambiguous": lambda: _(
                "%(value)r is ambiguous: %(low)s or %(high)s? Write the decimals "
                "(%(low_text)s or %(high_text)s)"
            ),
            "date": lambda: _(
                "%(value)r is not a date (expected e.g. 2026-03-15 or 15/03/2026)"
            ),
            "bad_date": lambda: _(
                "%(value)r: no such day (read as day %(day)s, month %(month)s, year "
                "%(year)s; that month has %(days)s days). Dates are read "
                "day/month/year, as French files write them, or year-month-day: "
                "write e.g. %(last)s"
            ),
            "bad_month": lambda: _(
                "%(value)r: no month %(month)s (read as day %(day)s, month "
                "%(month)s, year %(year)s). Dates are read day/month/year, as French "
                "files write them, or year-month-day (e.g. 2026-03-15)"
            ),
            "us_date": lambda: _(
                "%(value)r: no month %(month)s (read as day %(day)s, month "
                "%(month)s, year %(year)s). Dates are read day/month/year, as French "
                "files write them: if the file writes month/day/year, it means "
                "%(swapped)s: write %(swapped)s"
            ),
            "month_name": lambda: _(
                "%(value)r: %(name)r is not a month name (write e.g. 15 mars 2026, "
                "15 March 2026 or 2026-03-15)"
            ),
            "serial": lambda: _(
                "%(value)r is a number, not a date (as a spreadsheet's day number it "
                "would fall outside 1954-2099): write the date, e.g. 2026-03-15"
            ),
        }
        text = texts[problem.code]() % problem.params
        label = problem.params.get("label")
        return f"{label}: {text}" if label else text

    @api.model
    def _ilo_date_problem(self, value):
        """Why a cell is no date, in the user's language (what was understood and
        what to write); "" when ``value`` is a date or empty."""
        try:
            tables.parse_date(value)
        except tables.TableError as exc:
            return self._ilo_table_message(exc)
        return ""

    @api.model
    def _ilo_cell(self, parse, value, label, errors):
        """``parse(value)`` (``tables.parse_number``/``parse_date``), or None with
        "label: problem" added to ``errors``."""
        try:
            return parse(value)
        except tables.TableError as exc:
            errors.append(f"{label}: {self._ilo_table_message(exc)}")
            return None

    @api.model
    def _ilo_find_country(self, text):
        """The country a cell names: its ISO code, or its name in an installed
        language (the campaign addon adds the ILO's and the UN's forms)."""
        text = (text or "").strip()
        Country = self.env["res.country"].with_context(active_test=False)
        if len(text) == 2 and text.isalpha():
            return Country.search([("code", "=", text.upper())], limit=1)
        for lang, _name in self.env["res.lang"].get_installed():
            found = Country.with_context(lang=lang).search(
                [("name", "=ilike", text)], limit=1
            )
            if found:
                return found
        return Country
