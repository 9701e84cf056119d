# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class C102RatificationImportLine(models.TransientModel):
    _name = "c102.ratification.import.line"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Import C102 Ratifications: preview row"
    _order = "row_number"

    wizard_id = fields.Many2one(
        "c102.ratification.import", required=True, ondelete="cascade"
    )
    row_number = fields.Integer(string="Row")
    country_label = fields.Char(string="Country (file)")
    country_id = fields.Many2one("res.country")
    outcome = fields.Selection(
        [
            ("new", "New ratification"),
            ("update", "Changes"),
            ("unchanged", "Unchanged"),
            ("skipped", "Not imported"),
            ("error", "Error"),
        ],
        string="Import",
    )
    ratification_date = fields.Date()
    parts_text = fields.Char(string="Parts (file)")
    part_ids = fields.Many2many("c102.part", string="Parts")
    status = fields.Char()
    note = fields.Char()
    error = fields.Char()
    warning = fields.Char(string="To check")
    change_ids = fields.One2many(
        "c102.ratification.import.change", "line_id", string="Changes"
    )


class C102RatificationImportChange(models.TransientModel):
    """One field of one country that the import would change: old -> new."""

    _name = "c102.ratification.import.change"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Import C102 Ratifications: change"
    _order = "line_id, sequence"

    wizard_id = fields.Many2one(
        "c102.ratification.import", required=True, ondelete="cascade"
    )
    line_id = fields.Many2one(
        "c102.ratification.import.line", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    country_id = fields.Many2one(related="line_id.country_id", string="Country")
    field_name = fields.Char()
    field_label = fields.Char(string="Field")
    old_value = fields.Char(string="Old")
    new_value = fields.Char(string="New")
