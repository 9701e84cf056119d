# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from ..iati_export import (
    ERROR,
    ILO,
    IMPLEMENTERS,
    WARNING,
    build_activities,
    check_activity,
    check_file,
    country_shares,
    validate_xml,
)
from ..rules import is_web_url
from .res_users import PARTNERSHIP_USERS

SOCIAL_PROTECTION = "16010"
MEASURES = {"unit": "1", "percentage": "2", "qualitative": "5"}
# OECD DAC regions (IATI Region codelist, vocabulary 1) an activity may name
IATI_REGIONS = [
    ("998", "Developing countries, unspecified"),
    ("298", "Africa, regional"),
    ("289", "South of Sahara, regional"),
    ("189", "North of Sahara, regional"),
    ("589", "Middle East, regional"),
    ("798", "Asia, regional"),
    ("389", "North & Central America, regional"),
    ("489", "South America, regional"),
    ("89", "Europe, regional"),
]
GROUP_DIMENSIONS = {
    "actual_government": "government",
    "actual_employer": "employers",
    "actual_worker": "workers",
    "actual_ssi": "social security institutions",
}


class ProjectProject(models.Model):
    _inherit = "project.project"

    iati_region_code = fields.Selection(
        IATI_REGIONS,
        string="IATI recipient region",
        help="For an activity with no recipient country (a global or regional "
        "one): the region its IATI activity names (OECD DAC regions).",
        groups=PARTNERSHIP_USERS,
        copy=False,  # copied for partnership users only (copy_data)
    )
    iati_identifier = fields.Char(
        string="IATI identifier",
        compute="_compute_iati_identifier",
        help="The reporting organisation's identifier, then the project's code.",
        groups=PARTNERSHIP_USERS,
    )

    @api.model
    def _iati_reporting_org(self):
        params = self.env["ir.config_parameter"].sudo()
        ref = params.get_param("ilo_issa_partnership.iati_reporting_org_ref")
        return dict(ILO, ref=ref or ILO["ref"])

    def _compute_iati_identifier(self):
        ref = self._iati_reporting_org()["ref"]
        for project in self:
            project.iati_identifier = (
                f"{ref}-ILOISSA-{project.id}" if project.id else False
            )

    def _iati_status(self, today):
        if self.date and self.date < today:
            return "4"
        if self.date_start and self.date_start > today:
            return "1"
        return "2"

    @api.model
    def _iati_french(self):
        """Whether French is installed (then narratives are also given in French)."""
        langs = {code for code, _name in self.env["res.lang"].get_installed()}
        return "fr_FR" in langs

    def _iati_description(self):
        return (
            tools.html2plaintext(self.description or "")
            or self.collaboration_area_id.description
            or self.name
        )

    def _iati_texts(self):
        """The title and description narratives: {lang: text} each."""
        english = self.with_context(lang="en_US")
        titles = {"en": english.name}
        descriptions = {"en": english._iati_description()}
        if self._iati_french():
            french = self.with_context(lang="fr_FR")
            titles["fr"] = french.name
            descriptions["fr"] = french._iati_description()
        return titles, descriptions

    def _iati_budget_lines(self):
        return self.with_context(active_test=False).budget_line_ids

    def _iati_participating(self):
        """Funders (role 1), the ILO as accountable (role 2), implementers (role 4)."""
        participating = [
            {"role": "1", "name": source.donor_id.name or source.name}
            for source in self._iati_budget_lines().funding_source_id
        ]
        participating.append(dict(ILO, role="2"))
        implementers = IMPLEMENTERS[self.lead_organisation or "joint"]
        participating += [{"role": "4", "type": "40", "name": n} for n in implementers]
        participating += [{"role": "4", "name": p.name} for p in self.institution_ids]
        return participating

    def _iati_dates(self, today):
        """Planned start (1), actual start (2), planned end (3), actual end (4).

        Only the project's own dates: with no start date there is no start
        activity-date (the rules then name the missing date), never an invented one.
        """
        start = self.date_start
        dates = [("1", start)] if start else []
        if start and start <= today:
            dates.append(("2", start))
        if self.date:
            dates.append(("3", self.date))
            if self.date < today:
                dates.append(("4", self.date))
        return dates

    def _iati_budgets(self, currency):
        """Budgets (company currency) per budget period: the original (type 1) and,
        where a line of the period was revised, the revised one (type 2)."""
        periods = {}
        for line in self._iati_budget_lines():
            key = (line.date_from, line.date_to)
            original, revised, changed = periods.get(key, (0.0, 0.0, False))
            periods[key] = (
                original + line.amount_original_company,
                revised + line.amount_planned_company,
                changed or line.is_revised,
            )
        budgets = []
        for (start, end), (original, revised, changed) in sorted(periods.items()):
            values = [("1", original)] + ([("2", revised)] if changed else [])
            budgets += [
                {
                    "type": kind,
                    "start": start,
                    "end": end,
                    "value": value,
                    "currency": currency,
                    "value_date": start,
                }
                for kind, value in values
            ]
        return budgets

    def _iati_transactions(self, currency, today):
        """Costs booked on the budget lines, as expenditures (type 4): those dated
        up to today (a cost dated later is planned, not spent)."""
        costs = (
            self._iati_budget_lines()
            .analytic_line_ids.filtered(lambda cost: cost.date <= today)
            .sorted("date")
        )
        return [
            {
                "type": "4",
                "date": cost.date,
                "value": -cost.amount,
                "currency": currency,
                "description": cost.name,
            }
            for cost in costs
        ]

    def _iati_documents(self):
        """Published deliverables with a link, as document links."""
        return [
            {
                "url": d.document_url,
                "title": d.name,
                "category": "A08",
                "format": "application/pdf"
                if d.document_url.lower().endswith(".pdf")
                else "text/html",
                "langs": sorted({lang.iso_code[:2] for lang in d.language_ids}),
            }
            for d in self.deliverable_ids
            if d.state == "published" and is_web_url(d.document_url)
        ]

    def _iati_activity_data(self):
        """The plain data of this project's IATI activity, element by element."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        currency = (self.company_id or self.env.company).currency_id.name
        titles, descriptions = self._iati_texts()
        return {
            "identifier": self.iati_identifier,
            "reporting_org": self._iati_reporting_org(),
            "titles": titles,
            "descriptions": descriptions,
            "participating": self._iati_participating(),
            "other_identifiers": [(self.cpo_code, "A1")] if self.cpo_code else [],
            "status": self._iati_status(today),
            "dates": self._iati_dates(today),
            "countries": country_shares(self.country_ids.mapped("code")),
            "regions": [(self.iati_region_code, "1", 100.0)]
            if self.iati_region_code and not self.country_ids
            else [],
            "sectors": [(SOCIAL_PROTECTION, "1", 100.0)],
            "budgets": self._iati_budgets(currency),
            "transactions": self._iati_transactions(currency, today),
            "today": today,
            "documents": self._iati_documents(),
            "results": self._iati_results(),
            "default_currency": currency,
        }

    @api.model
    def _iati_titles(self, record, french):
        """A record's name in English, and in French when it differs."""
        texts = {"en": record.with_context(lang="en_US").name}
        if french:
            name = record.with_context(lang="fr_FR").name
            if name != texts["en"]:
                texts["fr"] = name
        return texts

    def _iati_results(self):
        """IATI results: each outcome (type 2) and output (type 1) with its
        indicators and their approved periods (approved figures only)."""
        french = self._iati_french()
        return [
            {
                "type": "2" if result.result_type == "outcome" else "1",
                "titles": self._iati_titles(result, french),
                "descriptions": {"en": tools.html2plaintext(result.description or "")},
                "indicators": [
                    self._iati_indicator(indicator, french)
                    for indicator in result.indicator_ids
                ],
            }
            for result in self.with_context(lang="en_US").ilo_result_ids
        ]

    @api.model
    def _iati_indicator(self, indicator, french):
        qualitative = indicator.measure == "qualitative"
        baseline = None
        if indicator.baseline_year:
            baseline = {
                "year": indicator.baseline_year,
                "value": None if qualitative else indicator.baseline_value,
                "comment": indicator.baseline_comment,
            }
        approved = indicator.period_ids.filtered(lambda p: p.state == "approved")
        return {
            "measure": MEASURES[indicator.measure],
            "ascending": indicator.target_value >= indicator.baseline_value,
            "titles": self._iati_titles(indicator, french),
            "baseline": baseline,
            "periods": [self._iati_period(period) for period in approved],
        }

    @api.model
    def _iati_period(self, period):
        """An approved period: its target, its actual and the actual's splits."""
        indicator = period.indicator_id
        qualitative = indicator.measure == "qualitative"
        dimensions = []
        if indicator.disaggregate_sex and not qualitative:
            dimensions += [
                ("sex", "female", period.actual_female),
                ("sex", "male", period.actual_male),
            ]
        if indicator.disaggregate_group and not qualitative:
            dimensions += [
                ("constituent group", label, period[field])
                for field, label in GROUP_DIMENSIONS.items()
            ]
        return {
            "start": period.date_start,
            "end": period.date_end,
            "target": None if qualitative else period.target_value,
            "actual": None if qualitative else period.actual_value,
            "comment": period.actual_comment,
            "dimensions": dimensions,
        }

    def iati_export_xml(self):
        """The IATI 2.03 file of these partnership projects, validated.

        Public (XML-RPC): returns {'xml': str, 'errors': [str], 'warnings': [str]}
        — schema errors and the IATI rules' errors (what IATI's validators reject)
        and warnings (what they flag), every problem of every project at once,
        each naming the project to fix.
        """
        projects = self.filtered("is_partnership")
        if not projects:
            raise UserError(
                self.env._("Select partnership projects to export to IATI.")
            )
        data = [project._iati_activity_data() for project in projects]
        found = {ERROR: [], WARNING: []}
        refused = set()  # indexes of the activities the rules refuse
        for index, (project, item) in enumerate(zip(projects, data, strict=True)):
            for level, problem in check_activity(item):
                found[level].append(f"{project.name}: {problem}")
                refused |= {index} if level == ERROR else set()
        for index, level, problem in check_file(data):
            found[level].append(f"{projects[index].name}: {problem}")
            refused |= {index} if level == ERROR else set()
        content = build_activities(data)
        names = {
            item["identifier"]: project.name
            for project, item in zip(projects, data, strict=True)
        }
        # the schema is checked on the activities the rules accept: a missing
        # element the rules already name (a start date) is not reported twice
        accepted = [item for index, item in enumerate(data) if index not in refused]
        checked = build_activities(accepted) if refused else content
        for error in validate_xml(checked) if accepted else []:
            for identifier, name in names.items():
                if error.startswith(f"activity {identifier},"):
                    error = f"{name} ({error})"
                    break
            found[ERROR].append(error)
        return {
            "xml": content.decode(),
            "errors": found[ERROR],
            "warnings": found[WARNING],
        }

    def action_iati_export(self):
        """Refuse a file with errors, naming them all; show the warnings in the
        IATI export dialog before the download; download a clean file at once."""
        result = self._iati_export_checked()
        if result["warnings"]:
            wizard = self.env["ilo.iati.export.wizard"].create(
                {
                    "project_ids": [fields.Command.set(self.ids)],
                    "warnings": "\n".join(result["warnings"]),
                }
            )
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("IATI export"),
                "res_model": "ilo.iati.export.wizard",
                "res_id": wizard.id,
                "view_mode": "form",
                "views": [(False, "form")],
                "target": "new",
            }
        return self._iati_download(result["xml"])

    def _iati_export_checked(self):
        """The export of these projects; a UserError listing every error."""
        result = self.iati_export_xml()
        if result["errors"]:
            raise UserError(
                self.env._(
                    "The IATI file is not valid:\n%(errors)s",
                    errors="\n".join(result["errors"]),
                )
            )
        return result

    def _iati_download(self, xml):
        attachment = self.env["ir.attachment"].create(
            {
                "name": "iati-activities.xml",
                "raw": xml.encode(),
                "mimetype": "application/xml",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
