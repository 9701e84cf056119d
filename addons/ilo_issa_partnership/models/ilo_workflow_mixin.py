# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from .res_users import MANAGER, OFFICER

_lt = LazyTranslate(__name__)

# the roles a workflow check names ("Only ... can approve missions.")
ROLE_PLURALS = {
    MANAGER: _lt("partnership managers"),
    OFFICER: _lt("programme officers"),
}
APPROVAL_ACTIVITY = "ilo_issa_partnership.mail_activity_type_approval"


class IloWorkflowMixin(models.AbstractModel):
    """A record whose ``state`` moves through its actions only (approval needs a
    manager, closing needs a report...): creating or writing a state from the UI, an
    import or RPC is refused. The actions check their own rules, then move with
    ``_transition`` (or write through ``_workflow_write``); data files (superuser)
    may set it. No context key opens this: RPC callers choose their context.

    Knobs (class attributes):

    - ``_locked_states``: in these states only ``_lock_exempt_fields`` and the
      state change; ``_locked_message`` says why;
    - ``_lock_parent_field``: child lines (no state of their own) are locked with
      the parent named by this field: created, written or deleted;
    - ``_approval_state`` and ``_approval_group``: entering that state schedules an
      approval activity for each user of the group; leaving it closes them;
    - ``_workflow_waiting``: {state: (group, message)}: the form tells users outside
      ``group`` who acts next (``workflow_hint``).
    """

    _name = "ilo.workflow.mixin"
    _description = "State moved by workflow actions only"

    _locked_states = ()
    _lock_exempt_fields = frozenset(
        {"message_main_attachment_id", "message_follower_ids", "activity_ids"}
    )
    _lock_parent_field = None
    _approval_state = None
    _approval_group = MANAGER
    _workflow_waiting = {}

    workflow_hint = fields.Char(
        compute="_compute_workflow_hint",
        string="Next step",
        help="Who acts next on this record, when it is not you.",
    )

    @api.depends(lambda self: ["state"] if "state" in self._fields else [])
    @api.depends_context("uid", "lang")
    def _compute_workflow_hint(self):
        for record in self:
            record.workflow_hint = record._workflow_hint() or False

    def _workflow_hint(self):
        """What the form says about who acts next (``_workflow_waiting``), for users
        who cannot take that step; a hook for models with more to say."""
        self.ensure_one()
        state = self["state"] if "state" in self._fields else False
        group, message = self._workflow_waiting.get(state, (None, None))
        if group and not self.env.user._ilo_has_role(group):
            return str(message)
        return ""

    # ------------------------------------------------------------ state guard
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
        if not self.env.su and "state" in self._fields:
            first = self.default_get(["state"]).get("state")
            if any(vals.get("state", first) != first for vals in vals_list):
                self._refuse_state()
        records = super().create(vals_list)
        if self._lock_parent_field:
            records._check_unlocked()
        return records

    def write(self, vals):
        if "state" in vals and not self.env.su:
            self._refuse_state()
        if set(vals) - self._lock_exempt_fields - {"state"}:
            self._check_unlocked()
        return super().write(vals)

    def unlink(self):
        if self._lock_parent_field:
            self._check_unlocked()
        return super().unlink()

    # ------------------------------------------------------------ locks
    def _check_unlocked(self):
        """Refuse changing records (or lines of parents) in ``_locked_states``, for
        every user; data files being loaded (install, update) are written as
        they are."""
        if self.env.context.get("install_filename"):
            return
        holders = (
            self.mapped(self._lock_parent_field) if self._lock_parent_field else self
        )
        for holder in holders:
            if holder.state in holder._locked_states:
                raise UserError(holder._locked_message())

    def _locked_message(self):
        """Why this record (in one of ``_locked_states``) cannot be changed."""
        return self.env._(
            "%(record)s is %(state)s: it cannot be changed.",
            record=self.display_name,
            state=self._state_label(self.state),
        )

    # ------------------------------------------------------------ transitions
    def _state_label(self, state):
        return dict(self._fields["state"]._description_selection(self.env))[state]

    def _check_states(self, states, target_label):
        """Every record must be in one of ``states`` to go to ``target_label``."""
        for record in self:
            if record.state in states:
                continue
            if record._state_label(record.state) == target_label:
                raise UserError(
                    self.env._(
                        "%(record)s cannot go from '%(state)s' to '%(state)s': it is "
                        "already %(state)s.",
                        record=record.display_name,
                        state=target_label,
                    )
                )
            raise UserError(
                self.env._(
                    "%(activity)s cannot go from '%(current)s' to '%(target)s'; "
                    "it must be %(allowed)s first.",
                    activity=record.display_name,
                    current=record._state_label(record.state),
                    target=target_label,
                    allowed=self.env._(" or ").join(
                        f"'{record._state_label(s)}'" for s in states
                    ),
                )
            )

    def _transition(self, from_states, to_state, vals=None, outcome=None):
        """Move to ``to_state`` (writing ``vals`` too); every record must be in one
        of ``from_states``. Approval activities follow (``_approval_state``)."""
        self._check_states(from_states, self._state_label(to_state))
        leaving = self.filtered(
            lambda r: r._approval_state and r.state == r._approval_state
        )
        self._workflow_write({**(vals or {}), "state": to_state})
        # the state's UPDATE first: a concurrent step on the same record waits on
        # its row and is retried (then refused), before any activity or follower
        self.flush_recordset(["state"])
        if to_state == self._approval_state:
            self._approval_request()
        leaving._approval_close(outcome or self._state_label(to_state))
        return True

    def _check_group(self, group_xmlid, action_label, states=None):
        """Only users of ``group_xmlid`` may take the step ``action_label``; with
        ``states``, only for records in those states."""
        if states is not None and not self.filtered(lambda r: r.state in states):
            return
        if not self.env.user._ilo_has_role(group_xmlid):
            raise UserError(
                self.env._(
                    "Only %(role)s can %(action)s.",
                    role=str(ROLE_PLURALS[group_xmlid]),
                    action=action_label,
                )
            )

    def _workflow_write(self, vals):
        """Write a workflow step once the action has checked its own rules: the
        user must be allowed to write these records (access rights and record
        rules), then the write runs as superuser with the same user (tracking names
        them)."""
        self.check_access("write")
        return self.sudo().write(vals)

    def _message_auto_subscribe_notify(self, partner_ids, template):
        """Odoo tells a new responsible "you have been assigned" by a message from
        the user who assigned them: not from a user without an e-mail address (it
        would fail); the responsible follows the record all the same."""
        if not self.env.user.email:
            return None
        return super()._message_auto_subscribe_notify(partner_ids, template)

    # ------------------------------------------------------------ approvals
    def _approvers(self):
        """Who approves this record: the active users of ``_approval_group`` who
        work in the record's company."""
        self.ensure_one()
        users = self.env.ref(self._approval_group).sudo().users
        company = self["company_id"] if "company_id" in self._fields else False
        return users.filtered(
            lambda u: u.active
            and not u.share
            and (not company or company in u.company_ids)
        )

    def _approval_request(self):
        """One approval activity per approver: they see it in their activities, follow
        the record and get Odoo's "assigned to you" notification; a chatter note
        says who was asked. A submitter without an e-mail address sends no
        notification (it would be a mail without sender): the activities and the
        note remain."""
        quiet = {} if self.env.user.email else {"mail_activity_quick_update": True}
        for record in self.sudo().with_context(**quiet):
            approvers = record._approvers()
            for approver in approvers:
                # worded in the approver's language, not the submitter's
                env = record.with_context(lang=approver.lang or self.env.lang).env
                record.activity_schedule(
                    APPROVAL_ACTIVITY,
                    user_id=approver.id,
                    summary=env._("Approve or refuse"),
                    note=env._(
                        "%(user)s submitted %(record)s for approval.",
                        user=self.env.user.name,
                        record=record.with_env(env).display_name,
                    ),
                )
            record._message_log(
                body=self.env._(
                    "Submitted for approval; approval activities scheduled for "
                    "%(approvers)s.",
                    approvers=", ".join(approvers.mapped("name"))
                    or self.env._("nobody (no approver in this company)"),
                )
            )

    def _approval_close(self, outcome):
        """Close the approval activities: the acting user's is marked done with the
        outcome, the other approvers' are removed."""
        for record in self.sudo():
            activities = record.activity_search([APPROVAL_ACTIVITY])
            mine = activities.filtered(lambda a: a.user_id == self.env.user)
            mine.action_feedback(feedback=outcome)
            (activities - mine).unlink()
