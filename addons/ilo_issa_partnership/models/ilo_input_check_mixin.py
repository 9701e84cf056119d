# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import ValidationError

from ..rules.input_values import Kinds, value_problem

ORM_KINDS = Kinds(records=models.BaseModel, new_id=models.NewId)


def _preview(value):
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


class IloInputCheckMixin(models.AbstractModel):
    """Values sent to a model are checked before the ORM converts them.

    A wrong type, an unknown selection value, an impossible date, a number that does
    not fit its column (or, on the addons' own models, an unknown field) is refused
    with a ``ValidationError`` naming the field, instead of an internal error deep in
    the ORM or the database, or a silent coercion (a text given for a record id stored
    as "no record"). The checks themselves are ``rules/input_values.py``.

    Opt-in: the addons' own models inherit it and have every field checked; a model of
    Odoo's that an addon adds fields to inherits it too and declares those fields in
    :meth:`_ilo_checked_fields` (each addon adding its own to ``super()``'s), so that
    Odoo's own fields keep Odoo's behaviour.
    """

    _name = "ilo.input.check.mixin"
    _description = "Input checks of the partnership's fields"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._ilo_check_values(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._ilo_check_values(vals)
        return super().write(vals)

    @api.model
    def _ilo_checked_fields(self):
        """The names of the fields whose values are checked (a set), or None for every
        field of the model, an unknown field name being refused too (the default: the
        addons' own models). Overridden on Odoo's models: ``return (super().
        _ilo_checked_fields() or set()) | self._ilo_fields_of("<addon>")``."""
        return None

    @api.model
    def _ilo_fields_of(self, module):
        """The names of the fields that ``module`` adds to this model."""
        return {name for name, field in self._fields.items() if field._module == module}

    def _ilo_check_values(self, vals):
        checked = self._ilo_checked_fields()
        if not isinstance(vals, dict):
            if checked is None:
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
                if checked is None:
                    raise ValidationError(
                        self.env._(
                            "%(model)s has no field '%(field)s'.",
                            model=self._description,
                            field=name,
                        )
                    )
                continue
            if checked is not None and name not in checked:
                continue
            problem = value_problem(
                field.type,
                value,
                comodel=field.comodel_name if field.relational else None,
                selection=field.get_values(self.env)
                if field.type == "selection"
                else (),
                kinds=ORM_KINDS,
            )
            if problem:
                raise ValidationError(
                    self.env._(
                        "%(field)s (%(model)s): %(problem)s Got %(value)s.",
                        field=field._description_string(self.env),
                        model=self._description,
                        problem=self._ilo_problem_text(*problem),
                        value=_preview(value),
                    )
                )

    def _ilo_problem_text(self, code, params):
        """A problem of ``rules.input_values`` in the reader's language."""
        _ = self.env._
        texts = {
            "id": lambda: _("expects the id of a record."),
            "records": lambda: _("expects records of %(model)s.", **params),
            "commands": lambda: _("expects a list of record ids or of commands."),
            "boolean": lambda: _("expects true or false."),
            "integer": lambda: _("expects a whole number."),
            "range": lambda: _("the number is out of range."),
            "number": lambda: _("expects a number."),
            "text": lambda: _("expects text."),
            "nul": lambda: _("the text cannot contain NUL characters."),
            "unicode": lambda: _("the text is not valid Unicode."),
            "control": lambda: _(
                "the text holds a control character (%(char)s), as pasted from a "
                "word processor: remove it.",
                **params,
            ),
            "selection": lambda: _("expects one of %(values)s.", **params),
            "date": lambda: _("expects a date (YYYY-MM-DD)."),
            "date_range": lambda: _(
                "the date must be between %(min)s and %(max)s.", **params
            ),
            "binary": lambda: _("expects a base64-encoded file."),
        }
        return texts[code]()
