# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.2.0: the partnership's roles moved into three categories (Programme, Finance,
Leadership) so that Settings > Users shows them as drop-downs; group memberships are
unchanged (the groups keep their ids). Existing users of the partnership get its
dashboard as their home action, as new ones do."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.users"].with_context(active_test=False).search(
        [("share", "=", False)]
    )._ilo_set_home_action()
