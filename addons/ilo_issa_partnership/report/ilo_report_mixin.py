# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.tools import format_date


class IloReportMixin(models.AbstractModel):
    """What the partnership's PDF reports share: the running header printed on
    every page (``ir.actions.report._ilo_stamp``) and who sees money."""

    _name = "ilo.report.mixin"
    _description = "Partnership PDF Report"

    @api.model
    def _ilo_running_header(self, docids, data=None):
        """(title, subtitle) at the top of every page, in the reader's language."""
        raise NotImplementedError

    @api.model
    def _ilo_show_money(self):
        return self.env.user._ilo_sees_money()

    @api.model
    def _ilo_period(self, date_from, date_to):
        """A period as the reader writes dates: "01/01/2026 – 31/12/2026"."""
        return f"{format_date(self.env, date_from)} – {format_date(self.env, date_to)}"

    @api.model
    def _ilo_indicator_comments(self, indicators):
        """{indicator id: the comment of its last approved period}: what the
        results table shows "to date" for a qualitative indicator."""
        comments = {}
        for indicator in indicators:
            approved = indicator.period_ids.filtered(lambda p: p.state == "approved")
            comments[indicator.id] = approved[-1:].actual_comment or ""
        return comments
