# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

STAGES = [
    ("not_started", "Not started"),
    ("awareness", "Awareness-raising"),
    ("gap_assessment", "Gap assessment"),
    ("national_dialogue", "National dialogue"),
    ("roadmap", "Roadmap"),
    ("submitted", "Submitted for ratification"),
    ("ratified", "Ratified"),
]
STAGE_ORDER = [code for code, _label in STAGES]


class C102Country(models.Model):
    """One country in the C102 ratification campaign."""

    _name = "c102.country"
    _description = "C102 Campaign Country"
    _inherit = ["mail.thread", "mail.activity.mixin", "ilo.input.check.mixin"]
    _order = "country_id"
    _rec_name = "name"
    _rec_names_search = ["country_id"]

    country_id = fields.Many2one(
        "res.country", required=True, ondelete="restrict", index=True, tracking=True
    )
    name = fields.Char(related="country_id.name", readonly=True)
    active = fields.Boolean(default=True, tracking=True)
    code = fields.Char(related="country_id.code", string="ISO code")
    stage = fields.Selection(
        STAGES,
        default="not_started",
        required=True,
        tracking=True,
        index=True,
        group_expand=True,
    )
    date_awareness = fields.Date("Awareness-raising since", readonly=True, copy=False)
    date_gap_assessment = fields.Date("Gap assessment since", readonly=True, copy=False)
    date_national_dialogue = fields.Date(
        "National dialogue since", readonly=True, copy=False
    )
    date_roadmap = fields.Date("Roadmap since", readonly=True, copy=False)
    date_submitted = fields.Date("Submitted since", readonly=True, copy=False)
    date_ratified = fields.Date("Ratified stage since", readonly=True, copy=False)
    ratification_date = fields.Date(
        tracking=True, help="Registration of the ratification with the ILO."
    )
    ratification_date_precision = fields.Selection(
        [("day", "Day"), ("year", "Year only")],
        default="day",
        help="'Year only' when the sources give the year but not the day: the date "
        "is then 1 January of that year.",
    )
    is_succession = fields.Boolean(
        string="Succession", help="Bound by succession to a predecessor State."
    )
    entry_into_force_date = fields.Date(
        compute="_compute_entry_into_force_date",
        store=True,
        readonly=False,
        help="12 months after the ratification is registered (Art. 79(3)); for a "
        "succession, the succession date unless set otherwise.",
    )
    ratified = fields.Boolean(compute="_compute_ratified", store=True, index=True)
    ratification_year = fields.Integer(
        compute="_compute_ratified", store=True, aggregator=None
    )
    accepted_part_ids = fields.Many2many(
        "c102.part",
        "c102_country_accepted_part_rel",
        "country_id",
        "part_id",
        string="Accepted Parts",
        tracking=True,
    )
    accepted_count = fields.Integer(compute="_compute_accepted_count", store=True)
    superseded_part_ids = fields.Many2many(
        "c102.part",
        "c102_country_superseded_part_rel",
        "country_id",
        "part_id",
        string="Parts no longer applicable",
        help="Accepted Parts no longer applicable after the ratification of a later "
        "Convention (e.g. C128 Art. 45 for Parts V, IX and X).",
    )
    superseded_by = fields.Char(string="Superseded by", help="e.g. C128")
    article3_exception_ids = fields.One2many(
        "c102.article3.exception", "c102_country_id", string="Article 3 exceptions"
    )
    focal_point_id = fields.Many2one("res.users", string="Focal point", tracking=True)
    target_year = fields.Integer(tracking=True, aggregator=None)
    note = fields.Html(sanitize=True)
    gap_assessment_ids = fields.One2many(
        "c102.gap.assessment", "c102_country_id", string="Gap assessments"
    )
    dialogue_ids = fields.One2many(
        "c102.dialogue", "c102_country_id", string="Dialogues"
    )
    latest_assessment_id = fields.Many2one(
        "c102.gap.assessment",
        compute="_compute_readiness",
        store=True,
        string="Latest validated assessment",
    )
    compliant_part_ids = fields.Many2many(
        "c102.part",
        "c102_country_compliant_part_rel",
        "country_id",
        "part_id",
        compute="_compute_readiness",
        store=True,
        string="Compliant Parts",
        help="Parts found compliant by the latest validated gap assessment.",
    )
    ratification_ready = fields.Boolean(
        compute="_compute_readiness",
        store=True,
        string="Ready to ratify",
        help="The compliant Parts satisfy Article 2 of the Convention.",
    )
    readiness_reason = fields.Char(compute="_compute_readiness", store=True)
    mission_count = fields.Integer(compute="_compute_activities")
    training_count = fields.Integer(compute="_compute_activities")
    deliverable_count = fields.Integer(compute="_compute_activities")
    dialogue_count = fields.Integer(compute="_compute_dialogue_count")

    _sql_constraints = [
        ("country_unique", "unique(country_id)", "A country has one campaign record."),
    ]

    @api.depends("ratification_date", "is_succession")
    def _compute_entry_into_force_date(self):
        for record in self:
            date = record.ratification_date
            if not date:
                record.entry_into_force_date = False
            elif record.is_succession:
                record.entry_into_force_date = date
            else:
                record.entry_into_force_date = date + relativedelta(months=12)

    @api.depends("ratification_date")
    def _compute_ratified(self):
        for record in self:
            record.ratified = bool(record.ratification_date)
            record.ratification_year = (
                record.ratification_date.year if record.ratification_date else 0
            )

    @api.depends("accepted_part_ids")
    def _compute_accepted_count(self):
        for record in self:
            record.accepted_count = len(record.accepted_part_ids)

    @api.depends(
        "gap_assessment_ids.state",
        "gap_assessment_ids.date",
        "gap_assessment_ids.line_ids.result",
    )
    def _compute_readiness(self):
        Part = self.env["c102.part"]
        for record in self:
            validated = record.gap_assessment_ids.filtered(
                lambda a: a.state == "validated"
            )
            latest = validated.sorted(lambda a: (a.date, a.id), reverse=True)[:1]
            compliant = latest.line_ids.filtered(
                lambda line: line.result == "compliant"
            )
            parts = compliant.part_id
            record.latest_assessment_id = latest
            record.compliant_part_ids = parts
            if not latest:
                record.ratification_ready = False
                record.readiness_reason = self.env._("No validated gap assessment yet.")
                continue
            check = parts.check_article_2() if parts else Part.check_article_2()
            record.ratification_ready = check["ok"]
            record.readiness_reason = check["reason"]

    def _compute_activities(self):
        countries = self.country_id
        domain = [("country_id", "in", countries.ids)]
        missions = dict(
            self.env["ilo.advisory.mission"]._read_group(
                domain, ["country_id"], ["__count"]
            )
        )
        trainings = dict(
            self.env["ilo.training"]._read_group(domain, ["country_id"], ["__count"])
        )
        deliverables = dict(
            self.env["ilo.deliverable"]._read_group(
                [("project_id.country_ids", "in", countries.ids)],
                ["project_id"],
                ["__count"],
            )
        )
        for record in self:
            record.mission_count = missions.get(record.country_id, 0)
            record.training_count = trainings.get(record.country_id, 0)
            record.deliverable_count = sum(
                count
                for project, count in deliverables.items()
                if record.country_id in project.country_ids
            )

    def _compute_dialogue_count(self):
        counts = dict(
            self.env["c102.dialogue"]._read_group(
                [("c102_country_id", "in", self.ids)], ["c102_country_id"], ["__count"]
            )
        )
        for record in self:
            record.dialogue_count = counts.get(record, 0)

    # --- stages -------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            if vals.get("ratification_date"):
                vals.setdefault("stage", "ratified")
            self._stamp_stage_date(vals, today)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("ratification_date") and "stage" not in vals:
            vals = dict(vals, stage="ratified")
        if "stage" in vals:
            self._stamp_stage_date(vals, fields.Date.context_today(self), self)
        return super().write(vals)

    @staticmethod
    def _stamp_stage_date(vals, today, records=None):
        stage = vals.get("stage")
        # An unknown stage is left to the field's validation, which refuses it.
        if stage in STAGE_ORDER and stage != "not_started":
            field = f"date_{stage}"
            if records is None or not all(records.mapped(field)):
                vals.setdefault(field, today)

    def _advance_stage(self, stage):
        """Move to at least ``stage`` (never backwards)."""
        rank = STAGE_ORDER.index(stage)
        behind = self.filtered(lambda r: STAGE_ORDER.index(r.stage) < rank)
        if behind:
            behind.write({"stage": stage})

    @api.constrains("stage", "ratification_date", "accepted_part_ids")
    def _check_ratification(self):
        for record in self:
            if record.stage == "ratified" and not record.ratification_date:
                raise ValidationError(
                    self.env._(
                        "%(country)s: the 'Ratified' stage needs the ratification "
                        "date.",
                        country=record.name,
                    )
                )
            if record.ratification_date and record.stage != "ratified":
                raise ValidationError(
                    self.env._(
                        "%(country)s has a ratification date: its stage must be "
                        "'Ratified'.",
                        country=record.name,
                    )
                )
            if record.ratification_date:
                result = record.accepted_part_ids.check_article_2()
                if not result["ok"]:
                    raise ValidationError(
                        self.env._(
                            "%(country)s: this ratification cannot be recorded. "
                            "%(reason)s",
                            country=record.name,
                            reason=result["reason"],
                        )
                    )

    @api.constrains("superseded_part_ids", "accepted_part_ids")
    def _check_superseded(self):
        for record in self:
            extra = record.superseded_part_ids - record.accepted_part_ids
            if extra:
                raise ValidationError(
                    self.env._(
                        "%(country)s: only accepted Parts can be no longer applicable "
                        "(not accepted: %(parts)s).",
                        country=record.name,
                        parts=", ".join(extra.mapped("code")),
                    )
                )

    def check_article_2(self):
        """Article 2 on the accepted Parts of one country (XML-RPC friendly)."""
        self.ensure_one()
        return self.accepted_part_ids.check_article_2()

    # --- smart buttons ----------------------------------------------------------

    def _open(self, xmlid, domain, context=None):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action.update({"domain": domain, "context": context or {}})
        return action

    def action_view_missions(self):
        self.ensure_one()
        return self._open(
            "ilo_issa_partnership.ilo_advisory_mission_action",
            [("country_id", "=", self.country_id.id)],
            {"default_country_id": self.country_id.id},
        )

    def action_view_trainings(self):
        self.ensure_one()
        return self._open(
            "ilo_issa_partnership.ilo_training_action",
            [("country_id", "=", self.country_id.id)],
            {"default_country_id": self.country_id.id},
        )

    def action_view_deliverables(self):
        self.ensure_one()
        return self._open(
            "ilo_issa_partnership.ilo_deliverable_action",
            [("project_id.country_ids", "in", self.country_id.id)],
        )

    def action_view_dialogues(self):
        self.ensure_one()
        return self._open(
            "c102_campaign.c102_dialogue_action",
            [("c102_country_id", "=", self.id)],
            {"default_c102_country_id": self.id},
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        for country in self:
            if country.ratification_date:
                reason = self.env._("it has ratified the Convention.")
            elif country.gap_assessment_ids.filtered(lambda a: a.state == "validated"):
                reason = self.env._("it has a validated gap assessment.")
            else:
                continue
            raise UserError(
                self.env._(
                    "%(country)s cannot be deleted from the campaign: %(reason)s "
                    "Archive it instead.",
                    country=country.display_name,
                    reason=reason,
                )
            )
