# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class C102Dialogue(models.Model):
    """A national tripartite dialogue on ratification."""

    _name = "c102.dialogue"
    _description = "C102 Tripartite Dialogue"
    _inherit = ["mail.thread", "ilo.input.check.mixin"]
    _order = "date desc, id desc"

    c102_country_id = fields.Many2one(
        "c102.country", string="Country", required=True, index=True, tracking=True
    )
    name = fields.Char(required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    government_count = fields.Integer(string="Government representatives")
    employer_count = fields.Integer(string="Employers' representatives")
    worker_count = fields.Integer(string="Workers' representatives")
    outcome = fields.Html(sanitize=True)
    roadmap_agreed = fields.Boolean(tracking=True)
    is_tripartite = fields.Boolean(
        compute="_compute_is_tripartite",
        store=True,
        string="Tripartite",
        help="Government, employers and workers all took part.",
    )

    @api.depends("government_count", "employer_count", "worker_count")
    def _compute_is_tripartite(self):
        for dialogue in self:
            dialogue.is_tripartite = (
                dialogue.government_count > 0
                and dialogue.employer_count > 0
                and dialogue.worker_count > 0
            )

    @api.constrains("government_count", "employer_count", "worker_count")
    def _check_counts(self):
        for dialogue in self:
            if (
                min(
                    dialogue.government_count,
                    dialogue.employer_count,
                    dialogue.worker_count,
                )
                < 0
            ):
                raise ValidationError(
                    self.env._("Numbers of participants cannot be negative.")
                )

    def _advance_country(self):
        for dialogue in self.filtered("is_tripartite"):
            stage = "roadmap" if dialogue.roadmap_agreed else "national_dialogue"
            dialogue.c102_country_id._advance_stage(stage)

    @api.model_create_multi
    def create(self, vals_list):
        dialogues = super().create(vals_list)
        dialogues._advance_country()
        return dialogues

    def write(self, vals):
        result = super().write(vals)
        self._advance_country()
        return result
