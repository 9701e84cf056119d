# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportCountryBrief(models.AbstractModel):
    """The C102 country brief: the country's campaign stage, ratification,
    supervision, gap assessment, dialogues and the partnership's activities there."""

    _name = "report.c102_campaign.report_country_brief"
    _inherit = ["ilo.report.mixin"]
    _description = "C102 Country Brief (content)"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["c102.country"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": docs._name,
            "docs": docs,
            "activities": self._activities(docs),
            # the social protection profile page (report_country_profile)
            "profiles": {country.id: country._coverage_profile() for country in docs},
        }

    @api.model
    def _activities(self, countries):
        """{c102.country id: {"missions": ..., "trainings": ...}} in two searches."""
        country_ids = countries.country_id.ids
        domain = [("country_id", "in", country_ids)]
        missions = self.env["ilo.advisory.mission"].search(domain)
        trainings = self.env["ilo.training"].search(domain)
        return {
            country.id: {
                "missions": missions.filtered(
                    lambda m, c=country: m.country_id == c.country_id
                ),
                "trainings": trainings.filtered(
                    lambda t, c=country: t.country_id == c.country_id
                ),
            }
            for country in countries
        }

    @api.model
    def _ilo_running_header(self, docids, data=None):
        countries = self.env["c102.country"].browse(docids)
        return self.env._("C102 country brief"), ", ".join(countries.mapped("name"))
