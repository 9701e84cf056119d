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
    ratification_date = fields.Date()
    parts_text = fields.Char(string="Parts (file)")
    part_ids = fields.Many2many("c102.part", string="Parts")
    status = fields.Char()
    note = fields.Char()
    error = fields.Char()
