# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..rules import StatusInput, project_status
from ..rules.cpo import normalise_cpo
from .res_users import PARTNERSHIP_USERS

# what a duplicate of a partnership project keeps (ProjectProject.copy_data)
PARTNERSHIP_COPIED_FIELDS = (
    "collaboration_area_id",
    "lead_organisation",
    "country_ids",
    "institution_ids",
    "iati_region_code",
)
LEAD_ORGANISATIONS = [("ilo", "ILO"), ("issa", "ISSA"), ("joint", "Joint ILO-ISSA")]


class ProjectProject(models.Model):
    """Partnership projects are Odoo projects with a collaboration area. Every field
    added here is restricted to the partnership's groups: a user of Odoo Project who
    is not in the partnership neither sees nor computes them (its views are Odoo's
    own; see ``views/project_project_views.xml``)."""

    _name = "project.project"
    _inherit = ["project.project", "ilo.budget.totals.mixin", "ilo.input.check.mixin"]
    _budget_line_field = "project_id"

    collaboration_area_id = fields.Many2one(
        "ilo.collaboration.area",
        string="Collaboration area",
        index=True,
        tracking=True,
        ondelete="restrict",
        copy=False,  # copied by copy_data, for the partnership only
        groups=PARTNERSHIP_USERS,
    )
    is_partnership = fields.Boolean(
        string="Partnership project",
        compute="_compute_is_partnership",
        store=True,
        index=True,
        help="Set when the project has a collaboration area: partnership menus show "
        "only these projects.",
        groups=PARTNERSHIP_USERS,
    )
    lead_organisation = fields.Selection(
        LEAD_ORGANISATIONS,
        default="joint",
        tracking=True,
        copy=False,
        groups=PARTNERSHIP_USERS,
    )
    country_ids = fields.Many2many(
        "res.country", string="Countries", copy=False, groups=PARTNERSHIP_USERS
    )
    cpo_code = fields.Char(
        string="CPO code",
        index=True,
        tracking=True,
        copy=False,
        help="The Decent Work Country Programme outcome the project serves, as the "
        "ILO codes it: the country's three-letter code and the outcome's number, "
        "e.g. SEN 101. Given in the IATI export as the activity's internal "
        "identifier.",
        groups=PARTNERSHIP_USERS,
    )
    institution_ids = fields.Many2many(
        "res.partner",
        "project_project_ilo_institution_rel",
        "project_id",
        "partner_id",
        string="Counterpart institutions",
        help="Social security institutions, ministries, employers' and workers' "
        "organisations the project works with.",
        copy=False,
        groups=PARTNERSHIP_USERS,
    )
    mission_ids = fields.One2many(
        "ilo.advisory.mission",
        "project_id",
        string="Missions",
        groups=PARTNERSHIP_USERS,
    )
    training_ids = fields.One2many(
        "ilo.training", "project_id", string="Trainings", groups=PARTNERSHIP_USERS
    )
    deliverable_ids = fields.One2many(
        "ilo.deliverable", "project_id", string="Deliverables", groups=PARTNERSHIP_USERS
    )
    budget_line_ids = fields.One2many(
        "ilo.budget.line", "project_id", string="Budget", groups=PARTNERSHIP_USERS
    )
    ilo_result_ids = fields.One2many(
        "ilo.result", "project_id", string="Results", groups=PARTNERSHIP_USERS
    )
    ilo_indicator_ids = fields.One2many(
        "ilo.indicator", "project_id", string="Indicators", groups=PARTNERSHIP_USERS
    )
    ilo_status = fields.Selection(
        [("on_track", "On track"), ("at_risk", "At risk"), ("off_track", "Off track")],
        string="Partnership status",
        compute="_compute_ilo_status",
        help="Rolled up from late deliverables, spending against elapsed time and "
        "overdue mission reports (see the README for the rule).",
        groups=PARTNERSHIP_USERS,
    )
    ilo_status_reasons = fields.Char(
        string="Status reasons", compute="_compute_ilo_status", groups=PARTNERSHIP_USERS
    )
    mission_count = fields.Integer(
        compute="_compute_activity_counts", groups=PARTNERSHIP_USERS
    )
    training_count = fields.Integer(
        compute="_compute_activity_counts", groups=PARTNERSHIP_USERS
    )
    deliverable_count = fields.Integer(
        compute="_compute_activity_counts", groups=PARTNERSHIP_USERS
    )

    def copy_data(self, default=None):
        """A duplicate keeps its area, lead organisation, countries and institutions
        when a partnership user makes it. Those fields are ``copy=False`` so that a
        user outside the partnership, who may not read them, duplicates Odoo's part of
        a project only (Odoo's copy reads every copied field as the user)."""
        vals_list = super().copy_data(default)
        if not (self.env.su or self.env.user._ilo_is_partnership_user()):
            return vals_list
        default = default or {}
        for project, vals in zip(self, vals_list, strict=True):
            for name in PARTNERSHIP_COPIED_FIELDS:
                if name not in default:
                    field = self._fields[name]
                    vals[name] = field.convert_to_write(project[name], project)
        return vals_list

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._normalise_cpo_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._normalise_cpo_vals(vals)
        return super().write(vals)

    @api.model
    def _normalise_cpo_vals(self, vals):
        """Write a CPO code as the ILO does ("sen101" -> "SEN 101")."""
        if vals.get("cpo_code"):
            vals["cpo_code"] = normalise_cpo(vals["cpo_code"]) or vals["cpo_code"]

    @api.constrains("cpo_code")
    def _check_cpo_code(self):
        for project in self:
            if project.cpo_code and not normalise_cpo(project.cpo_code):
                raise ValidationError(
                    self.env._(
                        "%(project)s: '%(code)s' is not a CPO code. Write the "
                        "country's three-letter code and the outcome's three "
                        "digits, e.g. SEN 101.",
                        project=project.display_name,
                        code=project.cpo_code,
                    )
                )

    @api.depends("collaboration_area_id")
    def _compute_is_partnership(self):
        for project in self:
            project.is_partnership = bool(project.collaboration_area_id)

    @api.model
    def _ilo_checked_fields(self):
        return (super()._ilo_checked_fields() or set()) | self._ilo_fields_of(
            "ilo_issa_partnership"
        )

    def _compute_activity_counts(self):
        counts = {}
        for model, field in (
            ("ilo.advisory.mission", "mission_count"),
            ("ilo.training", "training_count"),
            ("ilo.deliverable", "deliverable_count"),
        ):
            groups = self.env[model]._read_group(
                [("project_id", "in", self.ids)], ["project_id"], ["__count"]
            )
            counts[field] = {project.id: count for project, count in groups}
        for project in self:
            for field, by_project in counts.items():
                project[field] = by_project.get(project.id, 0)

    def _compute_ilo_status(self):
        today = fields.Date.context_today(self)
        late = dict(
            self.env["ilo.deliverable"]._read_group(
                [("project_id", "in", self.ids), ("is_late", "=", True)],
                ["project_id"],
                ["__count"],
            )
        )
        overdue = dict(
            self.env["ilo.advisory.mission"]._read_group(
                [
                    ("project_id", "in", self.ids),
                    ("state", "in", ("approved", "ongoing")),
                    # due REPORT_GRACE_DAYS after return (rules.planning.report_due)
                    ("report_due_date", "<", today),
                ],
                ["project_id"],
                ["__count"],
            )
        )
        for project in self:
            if not project.is_partnership:
                project.ilo_status = False
                project.ilo_status_reasons = False
                continue
            elapsed = None
            if (
                project.date_start
                and project.date
                and project.date > project.date_start
            ):
                span = (project.date - project.date_start).days
                done = min(max((today - project.date_start).days, 0), span)
                elapsed = 100.0 * done / span
            status, reasons = project_status(
                StatusInput(
                    late_deliverables=late.get(project, 0),
                    planned=project.budget_planned,
                    actual=project.budget_actual,
                    elapsed_share=elapsed,
                    overdue_reports=overdue.get(project, 0),
                )
            )
            project.ilo_status = status
            project.ilo_status_reasons = "; ".join(
                self._ilo_status_reason(signal, figure) for signal, figure in reasons
            )

    def _ilo_status_reason(self, signal, figure):
        _ = self.env._
        if signal == "late":
            return _("%(count)s late deliverable(s)", count=figure)
        if signal == "delivery":
            return _("spending %(points)s points ahead of time", points=figure)
        return _("%(count)s mission report(s) overdue", count=figure)

    def get_formview_id(self, access_uid=None):
        """Partnership projects open in the partnership form for partnership users
        (links, notifications); other projects in Odoo's form."""
        user = self.env["res.users"].browse(access_uid) if access_uid else self.env.user
        if (
            len(self) == 1
            and user._ilo_is_partnership_user()
            and self.sudo().is_partnership
        ):
            return self.env.ref(
                "ilo_issa_partnership.project_project_view_form_partnership"
            ).id
        return super().get_formview_id(access_uid=access_uid)

    def _action_activities(self, model, name):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            f"ilo_issa_partnership.{model.replace('.', '_')}_action"
        )
        action.update(
            {
                "name": name,
                "domain": [("project_id", "=", self.id)],
                "context": {"default_project_id": self.id},
            }
        )
        return action

    def action_view_missions(self):
        return self._action_activities("ilo.advisory.mission", self.env._("Missions"))

    def action_view_trainings(self):
        return self._action_activities("ilo.training", self.env._("Trainings"))

    def action_view_deliverables(self):
        return self._action_activities("ilo.deliverable", self.env._("Deliverables"))

    @api.ondelete(at_uninstall=False)
    def _unlink_except_partnership_activities(self):
        for model, label in (
            ("ilo.advisory.mission", self.env._("missions")),
            ("ilo.training", self.env._("trainings")),
            ("ilo.deliverable", self.env._("deliverables")),
            ("ilo.budget.line", self.env._("budget lines")),
            ("ilo.indicator.period", self.env._("approved results")),
        ):
            records = self.env[model].sudo().with_context(active_test=False)
            domain = [("project_id", "in", self.ids)]
            if model == "ilo.indicator.period":
                domain.append(("state", "=", "approved"))
            found = records.search(domain, limit=1)
            if found:
                raise UserError(
                    self.env._(
                        "%(project)s cannot be deleted: it has %(what)s (e.g. "
                        "%(record)s). Archive the project instead.",
                        project=found.project_id.display_name,
                        what=label,
                        record=found.display_name,
                    )
                )
