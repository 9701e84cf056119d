# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IloIndicatorPeriod(models.Model):
    """C102 sources count the project's countries (every campaign country when the
    project names none)."""

    _inherit = "ilo.indicator.period"

    def _count_c102_assessed(self):
        """Countries with a gap assessment validated with a date in the period."""
        domain = [
            ("state", "=", "validated"),
            ("date", ">=", self.date_start),
            ("date", "<=", self.date_end),
        ]
        if countries := self.project_id.country_ids:
            domain.append(("c102_country_id.country_id", "in", countries.ids))
        groups = self.env["c102.gap.assessment"]._read_group(
            domain, ["c102_country_id"]
        )
        return {"actual_value": len(groups)}

    def _count_c102_ratified(self):
        """Countries whose ratification date is in the period."""
        domain = [
            ("ratification_date", ">=", self.date_start),
            ("ratification_date", "<=", self.date_end),
        ]
        if countries := self.project_id.country_ids:
            domain.append(("country_id", "in", countries.ids))
        campaign = self.env["c102.country"].with_context(active_test=False)
        return {"actual_value": campaign.search_count(domain)}
