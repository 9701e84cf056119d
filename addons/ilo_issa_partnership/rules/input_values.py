"""Checks of the values sent to the partnership's fields, before the ORM converts them.

Pure Python, no ORM import: :func:`value_problem` says why a value cannot be saved in a
field of a given type, as a problem code and its parameters, or ``None`` when it can.
The models word the codes in the reader's language (``ilo.input.check.mixin``).

Problem codes and their parameters:

- ``"id"``: a many2one expects the id of a record (a positive 32-bit integer).
- ``"records"`` (``model``): an x2many got records of another model.
- ``"commands"``: an x2many expects record ids or x2many commands.
- ``"boolean"``: expects true or false (``True``, ``False``, ``0`` or ``1``).
- ``"integer"``: expects a whole number.
- ``"range"``: the number is beyond :data:`INT_MAX` (integers) or :data:`FLOAT_MAX`.
- ``"number"``: expects a number (a float, an int, or a string holding one).
- ``"text"``: expects text (str, UTF-8 bytes, or a number).
- ``"nul"``: the text contains NUL characters (PostgreSQL refuses them).
- ``"unicode"``: the text is not valid Unicode (lone surrogates).
- ``"control"`` (``char``): the text holds a control character that XML (IATI,
  reports, exports) cannot hold, as word processors paste them: vertical tab,
  form feed, substitute... (tab, new line and carriage return are text).
- ``"selection"`` (``values``): expects one of the selection's keys.
- ``"date"``: expects a date (``YYYY-MM-DD``) or a datetime.
- ``"date_range"`` (``min``, ``max``): a date outside DATE_MIN..DATE_MAX.
- ``"binary"``: expects a base64-encoded file.

Empty values (``None``, ``False``) are always accepted: required fields are the ORM's
business. Types not listed in :data:`CHECKED_TYPES` are not checked.
"""

import base64
import binascii
import math
import re
from datetime import date, datetime

INT_MAX = 2**31 - 1  # PostgreSQL integer (also record ids)
FLOAT_MAX = 1e15  # beyond any amount, score or count of the programme
DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2199, 12, 31)


class Kinds:
    """How the caller recognises the ORM's objects, so that this module imports none:
    ``records`` the recordset class (``BaseModel``), ``new_id`` the class of the ids
    of records not yet saved (``NewId``), ``model_of`` a function giving a recordset's
    model name."""

    def __init__(self, records=(), new_id=(), model_of=None):
        self.records = records
        self.new_id = new_id
        self.model_of = model_of or (lambda records: getattr(records, "_name", None))


PLAIN = Kinds()


def is_id(value):
    """Whether ``value`` is a record id: a positive int within PostgreSQL's integer."""
    return type(value) is int and 0 < value <= INT_MAX


def as_number(value):
    """``value`` as a float (``inf`` when too large), or None when it is no number."""
    if isinstance(value, bool):
        return float(value)
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


def is_command(item, kinds=PLAIN):
    """A record id, or an x2many command: (0, _, values), (1, id, values),
    (2|3|4, id), (5,), (6, _, ids)."""
    if is_id(item) or (kinds.new_id and isinstance(item, kinds.new_id)):
        return True
    if not isinstance(item, list | tuple) or not 1 <= len(item) <= 3:
        return False
    command = item[0]
    if type(command) is bool or not isinstance(command, int):
        return False
    args = list(item[1:]) + [None] * (3 - len(item))
    if command in (0, 1):
        return isinstance(args[1], dict) and (command == 0 or is_id(args[0]))
    if command in (2, 3, 4):
        return is_id(args[0]) or bool(
            kinds.new_id and isinstance(args[0], kinds.new_id)
        )
    if command == 6:
        ids = args[1]
        return bool(kinds.records and isinstance(ids, kinds.records)) or (
            isinstance(ids, list | tuple) and all(map(is_id, ids))
        )
    return command == 5


def _many2one(value, comodel, kinds, _selection):
    if kinds.records and isinstance(value, kinds.records):
        ok = kinds.model_of(value) == comodel and len(value) <= 1
    else:
        ok = (
            is_id(value)
            or value == 0
            or bool(kinds.new_id and isinstance(value, kinds.new_id))
            or (isinstance(value, tuple) and bool(value) and is_id(value[0]))
        )
    return None if ok else ("id", {})


def _x2many(value, comodel, kinds, _selection):
    if kinds.records and isinstance(value, kinds.records):
        if kinds.model_of(value) == comodel:
            return None
        return ("records", {"model": comodel})
    if isinstance(value, list | tuple) and all(is_command(v, kinds) for v in value):
        return None
    return ("commands", {})


def _boolean(value, *_args):
    return None if value in (True, 0, 1) else ("boolean", {})


def _integer(value, *_args):
    number = as_number(value)
    if number is not None and math.isinf(number):
        return ("range", {})
    if number is None or math.isnan(number) or not number.is_integer():
        return ("integer", {})
    if abs(number) > INT_MAX:
        return ("range", {})
    return None


def _float(value, *_args):
    number = as_number(value)
    if number is None or math.isnan(number):
        return ("number", {})
    if abs(number) > FLOAT_MAX:
        return ("range", {})
    return None


_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value, *_args):
    if isinstance(value, bytes):
        try:
            value = value.decode()
        except UnicodeDecodeError:
            return ("text", {})
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ("text", {})
    if isinstance(value, str):
        if "\x00" in value:
            return ("nul", {})
        control = _CONTROL.search(value)
        if control:
            return ("control", {"char": f"U+{ord(control.group()):04X}"})
        try:
            value.encode()
        except UnicodeEncodeError:
            return ("unicode", {})
    return None


def _selection(value, _comodel, _kinds, selection):
    if value in selection:
        return None
    return ("selection", {"values": ", ".join(map(str, selection))})


DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def _to_day(value, field_type):
    """The day of ``value`` as the ORM reads it (``fields.Date.to_date`` and
    ``fields.Datetime.to_datetime``): raises TypeError or ValueError where they do."""
    if not value:
        return None
    if isinstance(value, date):
        if isinstance(value, datetime):
            if field_type == "datetime" and value.tzinfo:
                raise ValueError(value)
            return value.date()
        return value
    if field_type == "date":
        return datetime.strptime(value[:10], DATE_FORMAT).date()
    return datetime.strptime(value, DATETIME_FORMAT[: len(value) - 2]).date()


def _date(value, *_args, field_type="date"):
    try:
        day = _to_day(value, field_type)
    except (TypeError, ValueError):
        return ("date", {})
    if day and not DATE_MIN <= day <= DATE_MAX:
        return ("date_range", {"min": DATE_MIN, "max": DATE_MAX})
    return None


def _datetime(value, *args):
    return _date(value, *args, field_type="datetime")


def _binary(value, *_args):
    if isinstance(value, str):
        value = value.encode("utf-8", "replace")
    if isinstance(value, bytes):
        try:
            base64.b64decode(value)
        except (binascii.Error, ValueError):
            return ("binary", {})
        return None
    return ("binary", {})


CHECKS = {
    "many2one": _many2one,
    "one2many": _x2many,
    "many2many": _x2many,
    "boolean": _boolean,
    "integer": _integer,
    "float": _float,
    "monetary": _float,
    "char": _text,
    "text": _text,
    "html": _text,
    "selection": _selection,
    "date": _date,
    "datetime": _datetime,
    "binary": _binary,
}
CHECKED_TYPES = frozenset(CHECKS)


def value_problem(field_type, value, *, comodel=None, selection=(), kinds=PLAIN):
    """Why ``value`` cannot be saved in a field of ``field_type`` (Odoo's type names:
    ``"many2one"``, ``"char"``...), as ``(code, params)`` (see the module's docstring),
    or None when it can: empty values, and values the ORM converts without loss.

    ``comodel``: the relational field's model name; ``selection``: the selection's
    keys; ``kinds``: how the ORM's objects are recognised (:class:`Kinds`)."""
    if value is None or value is False:
        return None
    check = CHECKS.get(field_type)
    return check(value, comodel, kinds, tuple(selection)) if check else None
