# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import logging

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import file_open, format_date

from ..rules import (
    ARTICLE3_EXCEPTIONS,
    PARTS,
    changes,
    entry_into_force,
    header_map,
    merge,
    read_row,
)
from ..rules import outlook as outlook_rules
from ..rules.conventions import superseding
from ..rules.country_names import CountryIndex, ilo_name
from ..rules.ratification import read_table
from ..rules.supervision import next_report
from ..rules.supervision import report_group as alphabetical_group

_logger = logging.getLogger(__name__)

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
PARTS_STATUS = [
    ("complete", "Complete list"),
    ("partial", "At least these"),
    ("unknown", "Not recorded"),
]
SOURCE_DATA = "c102_campaign/data/c102_ratifications.csv"
# What a recorded ratification gains from the product's data when the module is
# upgraded: what it could not record before (its own facts are kept).
FILLED_ON_UPGRADE = (
    "superseded",
    "superseded_note",
    "article3",
    "article3_note",
    "source_confidence",
    "source_urls",
    "normlex_note",
)


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
    name = fields.Char(
        string="Country Name",
        compute="_compute_name",
        search="_search_name",
        help="The State's name as the ILO writes it, in your language "
        "(e.g. Timor-Leste, Türkiye, Cabo Verde).",
    )
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
    parts_status = fields.Selection(
        PARTS_STATUS,
        string="Accepted Parts known",
        default="complete",
        required=True,
        tracking=True,
        help="Complete list: the sources give every accepted Part; Article 2 applies "
        "to it. At least these: the sources confirm these Parts, the full list is to "
        "confirm against NORMLEX. Not recorded: no source gives the Parts yet. A "
        "ratification counts whatever is known of its Parts.",
    )
    parts_to_confirm = fields.Boolean(
        compute="_compute_parts_to_confirm",
        store=True,
        string="Parts to confirm against NORMLEX",
    )
    superseded_line_ids = fields.One2many(
        "c102.superseded.part", "c102_country_id", string="Parts no longer applicable"
    )
    superseded_part_ids = fields.Many2many(
        "c102.part",
        compute="_compute_superseded_part_ids",
        string="No longer applicable",
        help="Accepted Parts no longer applicable after the ratification of a later "
        "Convention (e.g. C128 Art. 45 for Parts V, IX and X).",
    )
    superseded_note = fields.Char(
        string="No longer applicable (to confirm)",
        help="A source says some accepted Parts no longer apply but does not name "
        "them: to confirm against NORMLEX.",
    )
    article3_exception_ids = fields.One2many(
        "c102.article3.exception", "c102_country_id", string="Article 3 exceptions"
    )
    article3_note = fields.Char(
        string="Article 3 exceptions (to confirm)",
        help="A source says Article 3 exceptions were declared but does not name "
        "them: to confirm against NORMLEX.",
    )
    source_confidence = fields.Selection(
        [
            ("confirmed", "Confirmed"),
            ("partial", "Partly confirmed"),
            ("unverified", "Unverified"),
        ],
        string="Certainty of the sources",
        help="Confirmed: the day of the ratification and the full list of Parts are "
        "sourced. Partly confirmed: one of them, or part of it. Unverified: neither.",
    )
    source_urls = fields.Text(string="Sources", help="One address per line.")
    normlex_note = fields.Char(
        string="NORMLEX note", help="The note NORMLEX gives with the ratification."
    )
    parts_table = fields.Html(
        compute="_compute_parts_table", sanitize=False, string="Parts of the Convention"
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
    readiness_reason = fields.Char(compute="_compute_readiness_reason")
    stage_history_ids = fields.One2many(
        "c102.stage.history", "c102_country_id", string="Stage changes"
    )
    # the outlook to the target (rules/outlook.py): not stored, it moves with time
    outlook_probability = fields.Float(
        compute="_compute_outlook",
        string="Chance of ratifying by the target date (%)",
        digits=(16, 1),
        help="From the country's stage, its months in it and how long countries took "
        "between stages (the stage history), with a prior where data is thin.",
    )
    outlook_expected_date = fields.Date(
        compute="_compute_outlook", string="Expected ratification"
    )
    outlook_overdue = fields.Boolean(
        compute="_compute_outlook",
        string="Stage overdue",
        help="The country has stayed in its stage longer than countries do on average.",
    )
    outlook_obstacles = fields.Text(
        compute="_compute_outlook", string="What stands in the way"
    )
    # supervision after ratification (rules/supervision.py)
    comment_ids = fields.One2many(
        "c102.supervision.comment", "c102_country_id", string="Supervisory comments"
    )
    last_report_year = fields.Integer(
        string="Last report (year)",
        aggregator=None,
        tracking=True,
        help="The year of the country's last Article 22 report on C102, when known "
        "otherwise than by a CEACR comment (the latest comment's year counts too).",
    )
    report_group = fields.Char(
        compute="_compute_next_report",
        string="Reporting group",
        help="Countries report on technical Conventions in six groups by the "
        "alphabetical order of their names.",
    )
    next_report_date = fields.Date(
        compute="_compute_next_report", string="Next report due"
    )
    next_report_basis = fields.Char(
        compute="_compute_next_report", string="Next report: why this date"
    )
    # the country's social protection profile: effective coverage (SDG 1.3.1) and
    # the other up-to-date social security Conventions
    coverage_ids = fields.One2many(
        "c102.coverage", "c102_country_id", string="Effective coverage"
    )
    coverage_total = fields.Float(
        compute="_compute_coverage_total",
        string="Covered by at least one benefit (%)",
        digits=(16, 1),
        help="SDG indicator 1.3.1, both sexes, latest year recorded.",
    )
    coverage_year = fields.Integer(
        compute="_compute_coverage_total", string="Coverage year", aggregator=None
    )
    convention_ratification_ids = fields.One2many(
        "c102.convention.ratification",
        "c102_country_id",
        string="Other social security Conventions",
    )
    mission_count = fields.Integer(compute="_compute_activities")
    training_count = fields.Integer(compute="_compute_activities")
    deliverable_count = fields.Integer(compute="_compute_activities")
    dialogue_count = fields.Integer(compute="_compute_dialogue_count")

    _sql_constraints = [
        ("country_unique", "unique(country_id)", "A country has one campaign record."),
    ]

    @api.depends("country_id.name", "country_id.code")
    @api.depends_context("lang")
    def _compute_name(self):
        lang = self.env.lang
        for record in self:
            country = record.country_id
            record.name = ilo_name(country.code, lang, country.name)

    def _search_name(self, operator, value):
        """Odoo's name in any installed language or the ILO's, without minding
        accents, case or apostrophes: "Tchéquie", "czech republic" and "Cote
        d'Ivoire" all find their country."""
        if operator not in ("ilike", "=", "not ilike", "!=") or not value:
            return [("country_id.name", operator, value)]
        index = self._country_index()
        if operator in ("=", "!="):
            code = index.find(value)
            codes = [code] if code else []
        else:
            codes = index.codes_containing(value)
        domain = [("country_id.code", "in", codes)]
        return ["!", *domain] if operator in ("not ilike", "!=") else domain

    @api.model
    def _country_index(self):
        """A ``rules.country_names.CountryIndex`` of every country under its Odoo
        names in each installed language (and the ILO's, UN and French forms)."""
        names = {}
        Country = self.env["res.country"].sudo().with_context(active_test=False)
        for lang, _name in self.env["res.lang"].get_installed():
            for country in Country.with_context(lang=lang).search([]):
                names.setdefault(country.code, []).append(country.name)
        return CountryIndex(names)

    @api.depends("ratification_date", "is_succession")
    def _compute_entry_into_force_date(self):
        for record in self:
            record.entry_into_force_date = entry_into_force(
                record.ratification_date, record.is_succession
            )

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

    @api.depends("ratification_date", "parts_status")
    def _compute_parts_to_confirm(self):
        for record in self:
            record.parts_to_confirm = bool(
                record.ratification_date and record.parts_status != "complete"
            )

    @api.depends("superseded_line_ids.part_id")
    def _compute_superseded_part_ids(self):
        for record in self:
            record.superseded_part_ids = record.superseded_line_ids.part_id

    @api.depends(
        "ratification_date",
        "parts_status",
        "accepted_part_ids",
        "superseded_line_ids.part_id",
        "superseded_line_ids.superseded_by",
        "article3_exception_ids.article",
        "article3_exception_ids.renounced_date",
        "convention_ratification_ids.convention",
        "convention_ratification_ids.branches",
    )
    @api.depends_context("lang")
    def _compute_parts_table(self):
        """Each Part II-X of a ratification: accepted, no longer applicable (and
        why), not accepted, or not recorded; with its Article 3 exceptions."""
        parts = self.env["c102.part"].search([])
        for record in self:
            if not record.ratification_date:
                record.parts_table = False
                continue
            superseded = {
                line.part_id: line.superseded_by for line in record.superseded_line_ids
            }
            ratified = record._convention_branches()
            rows = []
            for part in parts:
                taken_over = superseding(part.code, ratified)
                if part in superseded:
                    status = self.env._(
                        "Accepted; no longer applicable (%(convention)s)",
                        convention=superseded[part],
                    )
                elif part in record.accepted_part_ids and taken_over:
                    status = self.env._(
                        "Accepted; no longer applicable since %(convention)s was "
                        "ratified (to record)",
                        convention=taken_over,
                    )
                elif part in record.accepted_part_ids:
                    status = self.env._("Accepted")
                elif record.parts_status == "complete":
                    status = self.env._("Not accepted")
                else:
                    status = self.env._("Not recorded")
                exceptions = [
                    self.env._(
                        "Art. %(article)s exception, renounced from %(date)s",
                        article=exception.article,
                        date=format_date(self.env, exception.renounced_date),
                    )
                    if exception.renounced_date
                    else self.env._(
                        "Art. %(article)s exception", article=exception.article
                    )
                    for exception in record.article3_exception_ids
                    if exception.part_id == part
                ]
                rows.append(
                    Markup("<tr><td>%s</td><td>%s</td><td>%s</td></tr>")
                    % (part.display_name, status, "; ".join(exceptions))
                )
            record.parts_table = Markup(
                "<table class='table table-sm o_c102_parts'><tbody>%s</tbody></table>"
            ) % Markup("").join(rows)

    def _convention_branches(self):
        """``{convention: branches}`` of the other Conventions ratified."""
        self.ensure_one()
        return {
            r.convention: r._branch_codes() for r in self.convention_ratification_ids
        }

    @api.depends("coverage_ids.value", "coverage_ids.year", "coverage_ids.sex")
    def _compute_coverage_total(self):
        latest = self.env["c102.coverage"]._latest(self.filtered("id"))
        for record in self:
            figure = latest.get((record.id, "total"))
            record.coverage_total = figure.value if figure else 0.0
            record.coverage_year = figure.year if figure else 0

    def _coverage_profile(self):
        """The latest figure (both sexes) of each contingency, in the selection's
        order: ``[(label, c102.coverage), ...]`` (for the country brief)."""
        self.ensure_one()
        latest = self.env["c102.coverage"]._latest(self)
        Coverage = self.env["c102.coverage"]
        labels = Coverage._fields["contingency"]._description_selection(self.env)
        return [
            (label, latest[(self.id, code)])
            for code, label in labels
            if (self.id, code) in latest
        ]

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
            record.ratification_ready = (
                bool(latest)
                and (parts.check_article_2() if parts else Part.check_article_2())["ok"]
            )

    @api.depends("latest_assessment_id", "compliant_part_ids", "ratification_ready")
    @api.depends_context("lang")
    def _compute_readiness_reason(self):
        """Why the country is (not) ready, in the reader's language: computed when
        read, never stored in the language of whoever changed the assessment."""
        Part = self.env["c102.part"]
        for record in self:
            parts = record.compliant_part_ids
            if not record.latest_assessment_id:
                record.readiness_reason = self.env._("No validated gap assessment yet.")
                continue
            check = parts.check_article_2() if parts else Part.check_article_2()
            record.readiness_reason = check["reason"] or parts._article_2_met()

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

    # --- the campaign against its target ----------------------------------------

    @api.model
    def _campaign_kpis(self):
        """The campaign figures (the dashboards', the reports' and the digest's), by
        aggregate queries (no loop over countries)."""
        params = self.env["ir.config_parameter"].sudo()
        target = int(params.get_param("c102_campaign.target", 70))
        target_year = int(params.get_param("c102_campaign.target_year", 2026))
        by_stage = dict(self._read_group([], ["stage"], ["__count"]))
        ratified = by_stage.get("ratified", 0)
        ready = self.search_count(
            [("ratification_ready", "=", True), ("ratified", "=", False)]
        )
        to_confirm = self.search_count([("parts_to_confirm", "=", True)])
        engaged = sum(
            count
            for stage, count in by_stage.items()
            if stage not in ("not_started", "ratified")
        )
        return {
            "target": target,
            "target_year": target_year,
            "ratified_count": ratified,
            "remaining_count": max(target - ratified, 0),
            "progress": 100.0 * ratified / target if target else 0.0,
            "ready_count": ready,
            "in_campaign_count": engaged,
            "to_confirm_count": to_confirm,
            "by_stage": {stage: by_stage.get(stage, 0) for stage, _label in STAGES},
        }

    # --- the outlook to the target (rules/outlook.py) --------------------------------

    @api.model
    def _campaign_outlook(self):
        """The outlook of the campaign (``rules.outlook.CampaignOutlook``, keyed by
        record id) from every active country's stage history, as of today."""
        kpis = self._campaign_kpis()
        countries = self.search_read([], ["stage"])
        history = {country["id"]: [] for country in countries}
        for entry in self.env["c102.stage.history"].search_read(
            [("c102_country_id", "in", list(history))],
            ["c102_country_id", "date", "stage"],
        ):
            history[entry["c102_country_id"][0]].append((entry["date"], entry["stage"]))
        return outlook_rules.campaign_outlook(
            [(c["id"], c["stage"], history[c["id"]]) for c in countries],
            ratified=kpis["ratified_count"],
            target=kpis["target"],
            target_date=datetime.date(kpis["target_year"], 12, 31),
            as_of=fields.Date.context_today(self),
        )

    def _outlook_obstacles(self, forecast):
        """What stands in the way of this country (one line each): its stage when
        overdue, the Parts its latest validated gap assessment does not find
        compliant, what Article 2 still needs."""
        self.ensure_one()
        _ = self.env._
        stages = dict(self._fields["stage"]._description_selection(self.env))
        lines = []
        if forecast.overdue:
            lines.append(
                _(
                    "%(stage)s overdue: %(months)s months, against %(mean)s on average",
                    stage=stages[forecast.stage],
                    months=round(forecast.months_in_stage),
                    mean=round(forecast.stage_mean_months),
                )
            )
        assessment = self.latest_assessment_id
        if not assessment:
            lines.append(_("No validated gap assessment yet"))
        else:
            for line in assessment.line_ids.filtered(lambda x: x.result != "compliant"):
                results = dict(line._fields["result"]._description_selection(self.env))
                lines.append(
                    _(
                        "%(part)s: %(result)s",
                        part=line.part_id.display_name,
                        result=results.get(line.result, ""),
                    )
                )
        more, core = outlook_rules.article2_needs(
            self.compliant_part_ids.mapped("code")
        )
        if more and core:
            lines.append(
                _(
                    "Article 2: %(count)s more compliant Part(s), one of them among "
                    "Parts IV, V, VI, IX or X",
                    count=more,
                )
            )
        elif more:
            lines.append(_("Article 2: %(count)s more compliant Part(s)", count=more))
        return lines

    def _compute_outlook(self):
        todo = self.filtered(lambda r: r.id and not r.ratified)
        (self - todo).update(
            {
                "outlook_probability": 0.0,
                "outlook_expected_date": False,
                "outlook_overdue": False,
                "outlook_obstacles": False,
            }
        )
        if not todo:
            return
        forecasts = {o.key: o for o in self._campaign_outlook().countries}
        for record in todo:
            forecast = forecasts.get(record.id)
            if not forecast:  # archived: not in the campaign's outlook
                record.update(
                    {
                        "outlook_probability": 0.0,
                        "outlook_expected_date": False,
                        "outlook_overdue": False,
                        "outlook_obstacles": False,
                    }
                )
                continue
            record.outlook_probability = 100.0 * forecast.probability
            record.outlook_expected_date = forecast.expected_date
            record.outlook_overdue = forecast.overdue
            record.outlook_obstacles = "\n".join(record._outlook_obstacles(forecast))

    @api.model
    def get_outlook(self, limit=10):
        """The outlook to the target (public, XML-RPC friendly): the campaign's
        expected ratifications at the target date with the 80% interval and the
        probability of reaching the target; the stages' mean durations; the
        ``limit`` countries most likely to ratify next, each with its probability
        (0-1), expected date and what stands in its way (in the user's language).
        Dates are ISO strings."""
        self.check_access("read")
        result = self._campaign_outlook()
        stages = dict(self._fields["stage"]._description_selection(self.env))
        records = self.browse([o.key for o in result.countries[:limit]])
        countries = []
        for forecast, record in zip(result.countries[:limit], records, strict=True):
            countries.append(
                {
                    "id": record.id,
                    "country": record.name,
                    "code": record.code,
                    "stage": forecast.stage,
                    "stage_label": stages[forecast.stage],
                    "months_in_stage": round(forecast.months_in_stage, 1),
                    "overdue": forecast.overdue,
                    "probability": round(forecast.probability, 4),
                    "expected_date": forecast.expected_date.isoformat(),
                    "obstacles": record._outlook_obstacles(forecast),
                }
            )
        return {
            "as_of": result.as_of.isoformat(),
            "target": result.target,
            "target_date": result.target_date.isoformat(),
            "ratified": result.ratified,
            "expected": round(result.expected, 2),
            "low": result.low,
            "high": result.high,
            "probability_target": round(result.probability_target, 4),
            "candidates": len(result.countries),
            "stages": [
                {
                    "stage": rate.stage,
                    "stage_label": stages[rate.stage],
                    "moves": rate.events,
                    "months_observed": round(rate.exposure, 1),
                    "mean_months": round(rate.mean_months, 1),
                    "prior_months": rate.prior_months,
                }
                for rate in result.rates.values()
            ],
            "countries": countries,
        }

    # --- supervision after ratification (rules/supervision.py) ------------------------

    @api.model
    def _reporting_settings(self):
        """``(cycle years, {group: year})`` from the settings: the regular cycle
        (6 years for technical Conventions) and, per alphabetical group, a year in
        which it reports on social security (e.g. ``A-B:2027, C-F:2028``)."""
        params = self.env["ir.config_parameter"].sudo()
        cycle = int(params.get_param("c102_campaign.report_cycle_years", 6) or 6)
        years = {}
        for item in (params.get_param("c102_campaign.report_group_years") or "").split(
            ","
        ):
            group, _sep, year = item.partition(":")
            if group.strip() and year.strip().isdigit():
                years[group.strip().upper()] = int(year)
        return cycle, years

    @api.depends(
        "entry_into_force_date",
        "last_report_year",
        "comment_ids.year",
        "comment_ids.requested_year",
        "country_id",
    )
    @api.depends_context("lang")
    def _compute_next_report(self):
        cycle, group_years = self._reporting_settings()
        today = fields.Date.context_today(self)
        _ = self.env._
        bases = {
            "entry_into_force": _("first report, the year after entry into force"),
            "last_report": _("every %(years)s years from the last report (%(year)s)"),
            "group_year": _("every %(years)s years, the reporting group's cycle"),
            "first_report": _(
                "every %(years)s years from the first report (no later report known)"
            ),
            "request": _("requested by the CEACR outside the regular cycle"),
        }
        for record in self:
            group = alphabetical_group(
                record.country_id.with_context(lang="en_US").name
            )
            last = max([record.last_report_year, *record.comment_ids.mapped("year")])
            due = next_report(
                record.entry_into_force_date or None,
                today,
                last_report_year=last or None,
                group_year=group_years.get(group),
                requested_years=record.comment_ids.mapped("requested_year"),
                cycle_years=cycle,
            )
            record.report_group = group
            record.next_report_date = due and due.date
            record.next_report_basis = due and bases[due.basis] % {
                "years": cycle,
                "year": last,
            }

    # --- stages -------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        for vals in vals_list:
            if vals.get("ratification_date"):
                vals.setdefault("stage", "ratified")
            self._stamp_stage_date(vals, today)
        records = super().create(vals_list)
        records._record_initial_stages()
        records.filtered("ratification_date")._check_new_ratification()
        return records

    def write(self, vals):
        new = self.browse()
        if vals.get("ratification_date"):
            new = self.filtered(lambda r: not r.ratification_date)
            if "stage" not in vals:
                vals = dict(vals, stage="ratified")
        before = {}
        if "stage" in vals:
            self._stamp_stage_date(vals, fields.Date.context_today(self), self)
            before = {record: record.stage for record in self}
        result = super().write(vals)
        changed = [(r, old) for r, old in before.items() if r.stage != old]
        if changed:
            self._record_stage_changes(changed)
        new._check_new_ratification()
        return result

    def _stage_entry_date(self, stage, today):
        """The day this record entered ``stage``: its ratification date for
        'Ratified', else the stage's date (stamped on the first entry), else today."""
        self.ensure_one()
        if stage == "ratified" and self.ratification_date:
            return min(self.ratification_date, today)
        if stage != "not_started" and self[f"date_{stage}"]:
            return self[f"date_{stage}"]
        return today

    def _initial_stage_vals(self, today=None):
        """The stage history of records that have none: each stage date they carry
        (the stages reached before they were recorded), then their current stage."""
        vals_list = []
        for record in self:
            day = today or fields.Date.context_today(record)
            entries = {
                stage: record[f"date_{stage}"]
                for stage in STAGE_ORDER[1:-1]
                if record[f"date_{stage}"]
                and STAGE_ORDER.index(stage) <= STAGE_ORDER.index(record.stage)
            }
            entries[record.stage] = record._stage_entry_date(record.stage, day)
            previous = False
            for stage in sorted(entries, key=STAGE_ORDER.index):
                vals_list.append(
                    {
                        "c102_country_id": record.id,
                        "stage": stage,
                        "previous_stage": previous,
                        "date": entries[stage],
                    }
                )
                previous = stage
        return vals_list

    def _record_initial_stages(self):
        # the product's ratifications are created, then given their facts: their
        # history starts with their ratification (written by ``write``)
        if self.env.context.get("c102_source_data"):
            return
        self.env["c102.stage.history"].sudo().create(self._initial_stage_vals())

    def _record_stage_changes(self, changed):
        """One history entry per record whose stage changed: ``[(record, old)]``."""
        today = fields.Date.context_today(self)
        self.env["c102.stage.history"].sudo().create(
            [
                {
                    "c102_country_id": record.id,
                    "stage": record.stage,
                    "previous_stage": old,
                    "date": today
                    if record.stage != "ratified"
                    else record._stage_entry_date("ratified", today),
                }
                for record, old in changed
            ]
        )

    def _check_new_ratification(self):
        """Article 2 on a ratification a user records, whatever is said of how
        complete its Parts are. The product's own data (loaded as superuser) records
        what the sources know, partial Parts included."""
        if self.env.su and self.env.context.get("c102_source_data"):
            return
        for record in self:
            record._check_accepted_parts_article_2()

    def _check_accepted_parts_article_2(self):
        """Refuse this ratification when its accepted Parts do not meet Article 2."""
        self.ensure_one()
        result = self.accepted_part_ids.check_article_2()
        if not result["ok"]:
            raise ValidationError(
                self.env._(
                    "%(country)s: this ratification cannot be recorded. %(reason)s",
                    country=self.name,
                    reason=result["reason"],
                )
            )

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

    @api.constrains("stage", "ratification_date", "accepted_part_ids", "parts_status")
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
            # Article 2 on complete lists; a partial list is to confirm, not refused
            if record.ratification_date and record.parts_status == "complete":
                record._check_accepted_parts_article_2()

    @api.constrains("superseded_line_ids", "accepted_part_ids")
    def _check_superseded(self):
        for record in self:
            extra = record.superseded_line_ids.part_id - record.accepted_part_ids
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

    # --- ratification facts (imports, the product's data) ---------------------------

    def _ratification_facts(self):
        """The record's facts, as ``rules.ratification`` reads them from a file."""
        self.ensure_one()
        ratified = bool(self.ratification_date)
        codes = set(self.accepted_part_ids.mapped("code"))
        articles = set(self.article3_exception_ids.mapped("article"))
        return {
            "ratification_date": self.ratification_date or None,
            "ratification_date_precision": ratified
            and self.ratification_date_precision
            or None,
            "is_succession": self.is_succession,
            "entry_into_force_date": self.entry_into_force_date or None,
            "accepted_parts": tuple(p for p in PARTS if p in codes),
            "parts_status": ratified and self.parts_status or None,
            "superseded": tuple(
                (line.part_id.code, line.superseded_by)
                for line in self.superseded_line_ids.sorted("part_sequence")
            ),
            "superseded_note": self.superseded_note or None,
            "article3": tuple(a for a in ARTICLE3_EXCEPTIONS if a in articles),
            "article3_note": self.article3_note or None,
            "source_confidence": self.source_confidence or None,
            "source_urls": self.source_urls or None,
            "normlex_note": self.normlex_note or None,
        }

    @api.model
    def _facts_vals(self, facts, keys):
        """``(vals, line vals)`` that record ``facts[key]`` for each of ``keys``: the
        Parts no longer applicable and the Article 3 exceptions are written after the
        accepted Parts they depend on."""
        vals, lines = {}, {}
        parts = {p.code: p for p in self.env["c102.part"].search([])}
        for key in keys:
            value = facts.get(key)
            if key == "accepted_parts":
                vals["accepted_part_ids"] = [
                    Command.set([parts[c].id for c in value or ()])
                ]
            elif key == "superseded":
                lines["superseded_line_ids"] = [Command.clear()] + [
                    Command.create({"part_id": parts[code].id, "superseded_by": by})
                    for code, by in value or ()
                ]
            elif key == "article3":
                lines["article3"] = value or ()
            else:
                vals[key] = value if value is not None else False
        return vals, lines

    def _write_facts(self, facts, keys):
        """Record ``facts`` for ``keys`` on this record (which may be new)."""
        self.ensure_one()
        vals, lines = self._facts_vals(facts, keys)
        if vals:
            self.write(vals)
        articles = lines.pop("article3", None)
        if articles is not None:
            kept = self.article3_exception_ids.filtered(lambda e: e.article in articles)
            (self.article3_exception_ids - kept).unlink()
            missing = [a for a in articles if a not in kept.mapped("article")]
            lines["article3_exception_ids"] = [
                Command.create({"article": a}) for a in missing
            ]
        if lines:
            self.write(lines)

    @api.model
    def _load_source_ratifications(self):
        """Load the ratifications of ``data/c102_ratifications.csv``: every State
        that ratified C102, with what the sources know of it (the day or only the
        year, the Parts complete or "at least" these, Parts no longer applicable,
        Article 3 exceptions, the sources and their certainty).

        Called when the module is installed, and by the migration on databases
        that had the campaign already: a country followed by the campaign without a
        ratification gets it; a recorded ratification keeps its own facts and gains
        what it could not record before (``FILLED_ON_UPGRADE``). Each country gets
        the external id ``c102_campaign.c102_country_<iso code>`` (no update).
        """
        Country = self.sudo().with_context(
            active_test=False, c102_source_data=True, mail_create_nolog=True
        )
        with file_open(SOURCE_DATA, "rb") as source:
            rows = read_table(source.read(), SOURCE_DATA)
        columns = header_map(rows[0][1])
        for number, row in rows[1:]:
            cells = {key: row[index] for key, index in columns.items()}
            read = read_row(cells)
            if read.errors:
                raise ValueError(f"{SOURCE_DATA}:{number}: {read.errors}")
            code = str(cells["code"]).strip().upper()
            country = self.env["res.country"].search([("code", "=", code)])
            name = f"c102_country_{code.lower()}"
            record = self.env.ref(f"c102_campaign.{name}", raise_if_not_found=False)
            record = record or Country.search([("country_id", "=", country.id)])
            record = Country.browse(record.id)
            current = record._ratification_facts() if record else {}
            new = record._source_merge(current, read.facts, f"{SOURCE_DATA}:{number}")
            keys = [key for key, _old, _new in changes(current, new)]
            if not record:
                record = Country.create({"country_id": country.id})
            record._write_facts(new, keys)
            record._source_xmlid(name)

    def _source_merge(self, current, facts, where):
        """The facts of this record (empty when new) after the source's row: a
        recorded ratification keeps its own facts and gains only what it could not
        record before (``FILLED_ON_UPGRADE``)."""
        if self.ratification_date:
            facts = {
                key: value
                for key, value in facts.items()
                if key in FILLED_ON_UPGRADE
                and not current.get(key)
                and not (key.startswith("superseded") and current["superseded"])
                and not (key.startswith("article3") and current["article3"])
            }
        new, errors = merge(current, facts)
        if errors and self.ratification_date:
            # the record's Parts differ from the sources': keep them as they are
            _logger.warning("%s: %s not loaded (%s)", where, facts, errors)
            facts.pop("superseded", None)
            new, errors = merge(current, facts)
        if errors:
            raise ValueError(f"{where}: {errors}")
        return new

    def _source_xmlid(self, name):
        """Give this record the external id ``c102_campaign.<name>`` (no update)."""
        Data = self.env["ir.model.data"].sudo()
        existing = Data.search([("module", "=", "c102_campaign"), ("name", "=", name)])
        if existing:
            existing.write({"model": self._name, "res_id": self.id})
        else:
            Data.create(
                {
                    "module": "c102_campaign",
                    "name": name,
                    "model": self._name,
                    "res_id": self.id,
                    "noupdate": True,
                }
            )

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
