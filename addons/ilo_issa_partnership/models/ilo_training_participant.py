# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .res_partner import CONSTITUENT_GROUPS

GENDERS = [
    ("female", "Female"),
    ("male", "Male"),
    ("other", "Other"),
    ("undisclosed", "Undisclosed"),
]


class IloTrainingParticipant(models.Model):
    _name = "ilo.training.participant"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Training Participant"
    _order = "training_id, name, id"

    training_id = fields.Many2one(
        "ilo.training", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one("res.partner", string="Contact")
    name = fields.Char(
        compute="_compute_name", store=True, readonly=False, required=True
    )
    institution_id = fields.Many2one("res.partner")
    constituent_group = fields.Selection(
        CONSTITUENT_GROUPS,
        compute="_compute_constituent_group",
        store=True,
        readonly=False,
    )
    gender = fields.Selection(GENDERS, default="undisclosed", required=True)
    attended = fields.Boolean(default=True)
    scores_recorded = fields.Boolean(
        string="Tested",
        help="The participant took the pre- and post-tests: only then do the scores "
        "count in the training's average score gain. Set automatically when scores "
        "are imported or entered.",
    )
    pre_score = fields.Float(digits=(5, 1))
    post_score = fields.Float(digits=(5, 1))
    certificate_issued = fields.Boolean()
    company_id = fields.Many2one(related="training_id.company_id", store=True)

    @api.depends("partner_id")
    def _compute_name(self):
        for participant in self:
            if participant.partner_id:
                participant.name = participant.partner_id.name

    @api.depends("institution_id.constituent_group", "partner_id.constituent_group")
    def _compute_constituent_group(self):
        for participant in self:
            group = (
                participant.partner_id.constituent_group
                or participant.institution_id.constituent_group
            )
            if group:
                participant.constituent_group = group

    @api.constrains("pre_score", "post_score")
    def _check_scores(self):
        for participant in self:
            for field in ("pre_score", "post_score"):
                if not 0 <= participant[field] <= 100:
                    raise ValidationError(
                        self.env._(
                            "%(participant)s: the %(score)s must be between 0 and 100 "
                            "(got %(value)s).",
                            participant=participant.name,
                            score=self._fields[field]._description_string(self.env),
                            value=participant[field],
                        )
                    )

    @api.constrains("certificate_issued", "attended")
    def _check_certificate(self):
        for participant in self:
            if participant.certificate_issued and not participant.attended:
                raise ValidationError(
                    self.env._(
                        "%(participant)s did not attend: no certificate can be issued.",
                        participant=participant.name,
                    )
                )

    def _mark_tested(self, vals):
        """Scores given (imported, or entered non-zero) mean the tests were taken."""
        if "scores_recorded" in vals:
            return vals
        scores = [vals.get(f) for f in ("pre_score", "post_score") if f in vals]
        empty = (
            (False, None, "")
            if self.env.context.get("import_file")
            else (False, None, "", 0)
        )
        if any(s not in empty for s in scores):
            vals = dict(vals, scores_recorded=True)
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._mark_tested(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._mark_tested(vals))

    @api.onchange("pre_score", "post_score")
    def _onchange_scores(self):
        if self.pre_score or self.post_score:
            self.scores_recorded = True
