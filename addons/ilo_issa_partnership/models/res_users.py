# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

# The partnership's groups (security/ilo_issa_partnership_security.xml). Fields the
# addon adds to Odoo's own models carry ``groups=PARTNERSHIP_USERS``: invisible and
# never computed for the organisation's other Odoo users.
PARTNERSHIP_USERS = "ilo_issa_partnership.group_partnership_user"
FINANCE = "ilo_issa_partnership.group_finance"
LEADERSHIP = "ilo_issa_partnership.group_leadership"
MANAGER = "ilo_issa_partnership.group_partnership_manager"


class ResUsers(models.Model):
    _inherit = "res.users"

    def _ilo_is_partnership_user(self):
        """Whether the user is in any group of the partnership (Reader and up)."""
        self.ensure_one()
        return self.has_group(PARTNERSHIP_USERS)

    def _ilo_sees_money(self):
        """Finance and leadership (and managers, who have both) see budgets in reports
        and dashboards."""
        self.ensure_one()
        return self.has_group(FINANCE) or self.has_group(LEADERSHIP)
