# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class IloPartnershipReportWizard(models.TransientModel):
    """The period of the partnership report; its content comes from the report
    model ``report.ilo_issa_partnership.report_partnership``."""

    _name = "ilo.partnership.report.wizard"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Partnership Report"

    date_from = fields.Date(
        required=True, default=lambda self: self._default_period()[0]
    )
    date_to = fields.Date(required=True, default=lambda self: self._default_period()[1])

    @api.model
    def _default_period(self):
        today = fields.Date.context_today(self)
        return today.replace(month=1, day=1), today.replace(month=12, day=31)

    def action_print(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The period ends before it starts."))
        return self.env.ref(
            "ilo_issa_partnership.action_report_partnership"
        ).report_action(self)
