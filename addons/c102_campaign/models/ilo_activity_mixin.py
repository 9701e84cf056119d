# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class IloActivityMixin(models.AbstractModel):
    """Each partnership activity shows the campaign records of its country/countries."""

    _inherit = "ilo.activity.mixin"

    c102_country_ids = fields.Many2many(
        "c102.country",
        compute="_compute_c102_country_ids",
        string="C102 campaign",
        help="The C102 campaign records of the activity's country (or, for "
        "deliverables, of its project's countries).",
    )

    def _c102_countries(self):
        """res.country records of each activity: {activity: countries}."""
        return {activity: activity.project_id.country_ids for activity in self}

    @api.depends("project_id.country_ids")
    def _compute_c102_country_ids(self):
        by_activity = self._c102_countries()
        all_countries = self.env["res.country"].union(*by_activity.values())
        records = self.env["c102.country"].search(
            [("country_id", "in", all_countries.ids)]
        )
        by_country = {r.country_id: r for r in records}
        for activity in self:
            activity.c102_country_ids = [
                by_country[c].id for c in by_activity[activity] if c in by_country
            ]
