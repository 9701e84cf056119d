# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# The partnership's groups (security/ilo_issa_partnership_security.xml). Fields the
# addon adds to Odoo's own models carry ``groups=PARTNERSHIP_USERS``: invisible and
# never computed for the organisation's other Odoo users.
PARTNERSHIP_USERS = "ilo_issa_partnership.group_partnership_user"
FINANCE = "ilo_issa_partnership.group_finance"
LEADERSHIP = "ilo_issa_partnership.group_leadership"
MANAGER = "ilo_issa_partnership.group_partnership_manager"
OFFICER = "ilo_issa_partnership.group_programme_officer"


HOME_ACTION = "ilo_issa_partnership.ilo_partnership_dashboard_action"
# what a write to a user's groups looks like (the user form sends reified fields)
GROUP_FIELDS = ("groups_id", "in_group_", "sel_groups_")


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._ilo_set_home_action()
        return users

    def write(self, vals):
        result = super().write(vals)
        if any(key.startswith(GROUP_FIELDS) for key in vals):
            self._ilo_set_home_action()
        return result

    def _ilo_set_home_action(self):
        """Users of the partnership land on its dashboard after login (their home
        action), unless they already have a home action of their own. Settings
        administrators keep Odoo's home: they run the whole database."""
        action = self.env.ref(HOME_ACTION, raise_if_not_found=False)
        if not action:
            return
        users = self.sudo().filtered(
            lambda user: not user.action_id
            and not user.share
            and user._ilo_is_partnership_user()
            and not user.has_group("base.group_system")
        )
        if users:
            users.write({"action_id": action.id})

    def _ilo_is_partnership_user(self):
        """Whether the user is in any group of the partnership (Reader and up)."""
        self.ensure_one()
        return self.has_group(PARTNERSHIP_USERS)

    def _ilo_sees_money(self):
        """Finance and leadership (and managers, who have both) see budgets in reports
        and dashboards."""
        self.ensure_one()
        return self.has_group(FINANCE) or self.has_group(LEADERSHIP)

    def _ilo_is_officer(self):
        """Programme officers (and managers) plan and run the activities."""
        self.ensure_one()
        return self.has_group(OFFICER)

    def _ilo_is_manager(self):
        """Partnership managers approve, validate and exceed budgets."""
        self.ensure_one()
        return self.has_group(MANAGER)

    def _ilo_has_role(self, group_xmlid):
        """Whether the user has the partnership role ``group_xmlid`` (one of the
        constants above): the one place workflow checks ask."""
        self.ensure_one()
        return self.has_group(group_xmlid)
