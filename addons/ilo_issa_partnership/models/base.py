# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Values sent to the partnership's models are checked before the ORM converts them.

A wrong type, an unknown selection value, an impossible date, a number that does not fit
its column or an unknown field is refused with a ``ValidationError`` naming the field,
instead of an internal error deep in the ORM or the database (``ValueError``,
``TypeError``, psycopg2) or a silent coercion (a text given for a record id is stored as
"no record"). Checked: every field of the models of this addon and of the addons built
on it, and the fields they add to other models.
"""

import base64
import binascii
import math
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

CHECKED_MODULES = frozenset({"ilo_issa_partnership", "c102_campaign"})
INT_MAX = 2**31 - 1  # PostgreSQL integer (also record ids)
FLOAT_MAX = 1e15  # beyond any amount, score or count of the programme
DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2199, 12, 31)
# The check of each field type (a method of the model, below).
CHECKS = {
    "many2one": "_ilo_many2one_problem",
    "one2many": "_ilo_x2many_problem",
    "many2many": "_ilo_x2many_problem",
    "boolean": "_ilo_boolean_problem",
    "integer": "_ilo_integer_problem",
    "float": "_ilo_float_problem",
    "monetary": "_ilo_float_problem",
    "char": "_ilo_text_problem",
    "text": "_ilo_text_problem",
    "html": "_ilo_text_problem",
    "selection": "_ilo_selection_problem",
    "date": "_ilo_date_problem",
    "datetime": "_ilo_date_problem",
    "binary": "_ilo_binary_problem",
}


def _is_id(value):
    return type(value) is int and 0 < value <= INT_MAX


def _number(value):
    """``value`` as a float, or None when it is not a number."""
    if isinstance(value, int | float):
        try:
            return float(value)
        except OverflowError:
            return math.inf
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


def _valid_command(item):
    """A record id, or an x2many command: (0, _, values), (1, id, values),
    (2|3|4, id), (5,), (6, _, ids)."""
    if _is_id(item) or isinstance(item, models.NewId):
        return True
    if not isinstance(item, list | tuple) or not 1 <= len(item) <= 3:
        return False
    command = item[0]
    if type(command) is bool or not isinstance(command, int):
        return False
    args = list(item[1:]) + [None] * (3 - len(item))
    if command in (0, 1):
        return isinstance(args[1], dict) and (command == 0 or _is_id(args[0]))
    if command in (2, 3, 4):
        return _is_id(args[0]) or isinstance(args[0], models.NewId)
    if command == 6:
        ids = args[1]
        return isinstance(ids, models.BaseModel) or (
            isinstance(ids, list | tuple) and all(map(_is_id, ids))
        )
    return command == 5


def _preview(value):
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


class Base(models.AbstractModel):
    """Why on ``base``: the addons add fields to Odoo's own models too (projects,
    partners, analytic lines), and values reach them through create/write from
    RPC, imports and the web client alike. Models without any field of the addons
    return after one cached lookup."""

    _inherit = "base"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._ilo_check_values(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._ilo_check_values(vals)
        return super().write(vals)

    def _ilo_checks_fields(self):
        """Whether values sent to this model need checking: models of the addons,
        and models they add fields to. Computed once per model and registry, so
        that every other model of the database pays one dictionary lookup."""
        cache = self.pool.__dict__.setdefault("_ilo_checked_models", {})
        checked = cache.get(self._name)
        if checked is None:
            checked = self._original_module in CHECKED_MODULES or any(
                field._module in CHECKED_MODULES for field in self._fields.values()
            )
            cache[self._name] = checked
        return checked

    def _ilo_check_values(self, vals):
        if not self._ilo_checks_fields():
            return
        own = self._original_module in CHECKED_MODULES
        if not isinstance(vals, dict):
            if own:
                raise ValidationError(
                    self.env._(
                        "%(model)s: the values to save must be a mapping of field "
                        "names to values (got %(value)s).",
                        model=self._description,
                        value=_preview(vals),
                    )
                )
            return
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None:
                if own:
                    raise ValidationError(
                        self.env._(
                            "%(model)s has no field '%(field)s'.",
                            model=self._description,
                            field=name,
                        )
                    )
                continue
            if not own and field._module not in CHECKED_MODULES:
                continue
            problem = self._ilo_value_problem(field, value)
            if problem:
                raise ValidationError(
                    self.env._(
                        "%(field)s (%(model)s): %(problem)s Got %(value)s.",
                        field=field._description_string(self.env),
                        model=self._description,
                        problem=problem,
                        value=_preview(value),
                    )
                )

    def _ilo_value_problem(self, field, value):
        """Why ``value`` cannot be saved in ``field`` (None when it can: empty values
        and the values the ORM converts without loss)."""
        if value is None or value is False:
            return None
        check = CHECKS.get(field.type)
        return getattr(self, check)(field, value) if check else None

    def _ilo_many2one_problem(self, field, value):
        if isinstance(value, models.BaseModel):
            ok = value._name == field.comodel_name and len(value) <= 1
        else:
            ok = (
                _is_id(value)
                or value == 0
                or isinstance(value, models.NewId)
                or (isinstance(value, tuple) and bool(value) and _is_id(value[0]))
            )
        return None if ok else self.env._("expects the id of a record.")

    def _ilo_x2many_problem(self, field, value):
        if isinstance(value, models.BaseModel):
            if value._name == field.comodel_name:
                return None
            return self.env._("expects records of %(model)s.", model=field.comodel_name)
        if isinstance(value, list | tuple) and all(map(_valid_command, value)):
            return None
        return self.env._("expects a list of record ids or of commands.")

    def _ilo_boolean_problem(self, field, value):
        return None if value in (True, 0, 1) else self.env._("expects true or false.")

    def _ilo_integer_problem(self, field, value):
        number = _number(value)
        if number is not None and math.isinf(number):
            return self.env._("the number is out of range.")
        if number is None or math.isnan(number) or not number.is_integer():
            return self.env._("expects a whole number.")
        if abs(number) > INT_MAX:
            return self.env._("the number is out of range.")
        return None

    def _ilo_float_problem(self, field, value):
        number = _number(value)
        if number is None or math.isnan(number):
            return self.env._("expects a number.")
        if abs(number) > FLOAT_MAX:
            return self.env._("the number is out of range.")
        return None

    def _ilo_text_problem(self, field, value):
        if isinstance(value, bytes):
            try:
                value = value.decode()
            except UnicodeDecodeError:
                return self.env._("expects text.")
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return self.env._("expects text.")
        if isinstance(value, str):
            if "\x00" in value:
                return self.env._("the text cannot contain NUL characters.")
            try:
                value.encode()
            except UnicodeEncodeError:
                return self.env._("the text is not valid Unicode.")
        return None

    def _ilo_selection_problem(self, field, value):
        allowed = field.get_values(self.env)
        if value in allowed:
            return None
        return self.env._(
            "expects one of %(values)s.", values=", ".join(map(str, allowed))
        )

    def _ilo_date_problem(self, field, value):
        try:
            if field.type == "date":
                day = fields.Date.to_date(value)
            else:
                day = fields.Datetime.to_datetime(value)
                day = day and day.date()
        except (TypeError, ValueError):
            return self.env._("expects a date (YYYY-MM-DD).")
        if day and not DATE_MIN <= day <= DATE_MAX:
            return self.env._(
                "the date must be between %(min)s and %(max)s.",
                min=DATE_MIN,
                max=DATE_MAX,
            )
        return None

    def _ilo_binary_problem(self, field, value):
        if isinstance(value, str):
            value = value.encode("utf-8", "replace")
        if isinstance(value, bytes):
            try:
                base64.b64decode(value)
            except (binascii.Error, ValueError):
                return self.env._("expects a base64-encoded file.")
            return None
        return self.env._("expects a base64-encoded file.")
