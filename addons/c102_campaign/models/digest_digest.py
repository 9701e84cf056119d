# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from odoo.addons.ilo_issa_partnership.models.res_users import PARTNERSHIP_USERS


class DigestDigest(models.Model):
    """The partnership's digest gives the campaign: ratifications of C102 and how
    many are still needed to reach the target."""

    _inherit = "digest.digest"

    kpi_c102_ratifications = fields.Boolean(
        "C102 ratifications", groups=PARTNERSHIP_USERS
    )
    kpi_c102_ratifications_value = fields.Integer(
        compute="_compute_kpi_c102_values",
        groups=PARTNERSHIP_USERS,
        export_string_translation=False,
    )
    kpi_c102_still_needed = fields.Boolean(
        "C102 ratifications still needed for the target", groups=PARTNERSHIP_USERS
    )
    kpi_c102_still_needed_value = fields.Integer(
        compute="_compute_kpi_c102_values",
        groups=PARTNERSHIP_USERS,
        export_string_translation=False,
    )

    def _compute_kpi_c102_values(self):
        self._ilo_check_access()
        kpis = self.env["c102.country"]._campaign_kpis()
        self.kpi_c102_ratifications_value = kpis["ratified_count"]
        self.kpi_c102_still_needed_value = kpis["remaining_count"]

    def _compute_kpis_actions(self, company, user):
        actions = super()._compute_kpis_actions(company, user)
        for kpi in ("ratifications", "still_needed"):
            actions[f"kpi_c102_{kpi}"] = "c102_campaign.c102_country_action"
        return actions

    @api.model
    def _ilo_checked_fields(self):
        """The digest's KPI switches this addon adds are checked (a text or a
        mapping is not a yes/no); Odoo's own fields keep Odoo's behaviour."""
        return (super()._ilo_checked_fields() or set()) | self._ilo_fields_of(
            "c102_campaign"
        )
