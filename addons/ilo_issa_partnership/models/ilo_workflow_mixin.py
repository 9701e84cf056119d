# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class IloWorkflowMixin(models.AbstractModel):
    """A record whose ``state`` moves through its actions only (approval needs a
    manager, closing needs a report...): creating or writing a state from the UI, an
    import or RPC is refused. The actions check their own rules, then write through
    ``_workflow_write``; data files (superuser) may set it. No context key opens
    this: RPC callers choose their context."""

    _name = "ilo.workflow.mixin"
    _description = "State moved by workflow actions only"

    def _refuse_state(self):
        raise UserError(
            self.env._(
                "%(model)s: the status changes through the workflow buttons (or "
                "their methods over RPC), not by writing it.",
                model=self._description,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            first = self.default_get(["state"]).get("state")
            if any(vals.get("state", first) != first for vals in vals_list):
                self._refuse_state()
        return super().create(vals_list)

    def write(self, vals):
        if "state" in vals and not self.env.su:
            self._refuse_state()
        return super().write(vals)

    def _workflow_write(self, vals):
        """Write a workflow step once the action has checked its own rules: the
        user must be allowed to write these records (access rights and record
        rules), then the write runs as superuser with the same user (tracking names
        them)."""
        self.check_access("write")
        return self.sudo().write(vals)
