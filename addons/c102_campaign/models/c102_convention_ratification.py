# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date
from odoo.tools.translate import LazyTranslate

from ..rules.conventions import (
    BRANCHES,
    parse_convention,
    parts_taken_over,
    read_convention_row,
)

CONVENTIONS = [
    ("C121", "C121 Employment Injury Benefits, 1964"),
    ("C128", "C128 Invalidity, Old-Age and Survivors' Benefits, 1967"),
    ("C130", "C130 Medical Care and Sickness Benefits, 1969"),
    ("C168", "C168 Employment Promotion and Protection against Unemployment, 1988"),
    ("C183", "C183 Maternity Protection, 2000"),
]
_lt = LazyTranslate(__name__)
BRANCH_LABELS = {
    "invalidity": _lt("Invalidity"),
    "old_age": _lt("Old age"),
    "survivors": _lt("Survivors"),
}


class C102ConventionRatification(models.Model):
    """A country's ratification of an up-to-date social security Convention with
    higher standards than C102 (C102's own stays on the country record)."""

    _name = "c102.convention.ratification"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Ratification of a Social Security Convention"
    _order = "c102_country_id, convention"
    _rec_name = "convention"

    c102_country_id = fields.Many2one(
        "c102.country", string="Country", required=True, ondelete="cascade", index=True
    )
    convention = fields.Selection(CONVENTIONS, required=True)
    date = fields.Date(string="Ratification date", required=True)
    date_precision = fields.Selection(
        [("day", "Day"), ("year", "Year only")], default="day", required=True
    )
    branches = fields.Char(
        string="Branches accepted",
        help="C128 only: invalidity, old_age, survivors (comma-separated codes); "
        "empty: every branch.",
    )
    branches_label = fields.Char(compute="_compute_branches_label", string="Branches")
    takes_over = fields.Char(
        compute="_compute_branches_label",
        string="C102 Parts taken over",
        help="The C102 Parts that cease to apply to the country (C102 Art. 75).",
    )

    _sql_constraints = [
        (
            "convention_unique",
            "unique(c102_country_id, convention)",
            "A country ratifies a Convention once.",
        ),
    ]

    def _branch_codes(self):
        self.ensure_one()
        return tuple(b for b in (self.branches or "").split(",") if b)

    @api.depends("branches", "convention")
    @api.depends_context("lang")
    def _compute_branches_label(self):
        lang = self.env.lang or "en_US"
        for record in self:
            codes = record._branch_codes()
            labels = [
                BRANCH_LABELS[c]._translate(lang) if c in BRANCH_LABELS else c
                for c in codes
            ]
            every = record.convention in BRANCHES and self.env._("All branches")
            record.branches_label = ", ".join(labels) or every or False
            record.takes_over = (
                ", ".join(parts_taken_over(record.convention, codes)) or False
            )

    @api.constrains("branches", "convention")
    def _check_branches(self):
        for record in self:
            allowed = BRANCHES.get(record.convention, {})
            bad = [c for c in record._branch_codes() if c not in allowed]
            if bad:
                raise ValidationError(
                    self.env._(
                        "%(country)s, %(convention)s: unknown branch(es) %(branches)s; "
                        "use invalidity, old_age, survivors (C128 only).",
                        country=record.c102_country_id.name,
                        convention=record.convention,
                        branches=", ".join(bad),
                    )
                )

    # --- the ratification import (wizard/c102_ratification_import.py) ------------

    def _import_problem(self, code, params):
        messages = {
            "bad_date": self.env._("bad date '%(value)s'"),
            "unknown_branches": self.env._(
                "unknown branch(es) %(branches)s: invalidity, old age or survivors"
            ),
        }
        if code == "bad_date":
            # what was understood and what to write (the import engine's words)
            engine = self.env["ilo.table.import.mixin"]
            hint = engine._ilo_date_problem(params["value"])
            if hint:
                return hint
        return messages[code] % params

    @api.model
    def _import_read(self, row, cells, records, seen):
        """Read a row of the ratification import that speaks of another Convention
        than C102 (its Convention column) into ``row``: ``row.other`` (convention,
        recorded ratification), ``row.new``, ``row.changes`` and errors. False for a
        C102 row (or a file without the column): the import reads it as before."""
        convention = parse_convention(cells.get("convention"))
        if convention in ("", "C102"):
            return False
        if convention is None:
            row.errors.append(
                self.env._(
                    "unknown Convention '%(value)s': C102, C121, C128, C130, C168 "
                    "or C183",
                    value=str(cells.get("convention")),
                )
            )
            return True
        if row.skip or not row.country or row.errors:
            return True
        if (row.country, convention) in seen:
            row.errors.append(
                self.env._(
                    "%(country)s, %(convention)s already on row %(row)s",
                    country=row.country.name,
                    convention=convention,
                    row=seen[(row.country, convention)],
                )
            )
            return True
        seen[(row.country, convention)] = row.number
        facts, errors = read_convention_row(convention, cells)
        row.errors += [self._import_problem(c, p) for c, p in errors]
        if not row.errors:
            self._import_compare(row, convention, facts, records.get(row.country))
        return True

    @api.model
    def _import_compare(self, row, convention, facts, country):
        existing = (
            country.convention_ratification_ids.filtered(
                lambda r: r.convention == convention
            )
            if country
            else self.browse()
        )
        date_key, branches_key = f"{convention}:date", f"{convention}:branches"
        current = {date_key: existing.date or None}
        row.new = {
            date_key: facts["date"],
            "precision": facts["date_precision"],
            "ratification_date": facts["date"],  # the preview line's date
        }
        if facts["branches"]:
            current[branches_key] = existing._branch_codes() if existing else ()
            row.new[branches_key] = facts["branches"]
        row.other = (convention, existing)
        row.record = country or self.env["c102.country"]
        row.changes = [
            (key, old, row.new[key])
            for key, old in current.items()
            if (old or None) != (row.new[key] or None)
        ]

    @api.model
    def _import_format(self, key, value):
        """A change of the import as the preview shows it."""
        if key.endswith(":date"):
            return format_date(self.env, value)
        return ", ".join(
            BRANCH_LABELS[b]._translate(self.env.lang or "en_US") for b in value
        )

    @api.model
    def _import_label(self, key):
        convention, _sep, fact = key.partition(":")
        field = self._fields["date" if fact == "date" else "branches"]
        return f"{convention}: {field._description_string(self.env)}"

    @api.model
    def _import_write(self, row, country):
        """Record the row read by ``_import_read`` for ``country`` (c102.country)."""
        convention, existing = row.other
        vals = {
            "date": row.new[f"{convention}:date"],
            "date_precision": row.new["precision"],
        }
        if f"{convention}:branches" in row.new:
            vals["branches"] = ",".join(row.new[f"{convention}:branches"])
        if existing:
            existing.write(vals)
        else:
            self.create(dict(vals, c102_country_id=country.id, convention=convention))
