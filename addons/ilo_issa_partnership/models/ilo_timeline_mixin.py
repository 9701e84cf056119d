# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class IloTimelineMixin(models.AbstractModel):
    """Models shown on OCA's timeline view: the view (web_timeline 18.0) asks the
    server ``check_access_rights`` from the browser, a method Odoo 18 deprecates
    with a warning on every call; answered here with Odoo 18's ``has_access`` /
    ``check_access``, same result."""

    _name = "ilo.timeline.mixin"
    _description = "Shown on a timeline"

    @api.model
    def check_access_rights(self, operation, raise_exception=True):
        if raise_exception:
            self.browse().check_access(operation)
            return True
        return self.browse().has_access(operation)
