# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from ..iati_export import build_activities, check_rules, validate_xml
from ..rules import is_web_url
from .res_users import PARTNERSHIP_USERS

DEFAULT_REPORTING_ORG = ("XM-DAC-41302", "40", "International Labour Organization")
SOCIAL_PROTECTION = "16010"


class ProjectProject(models.Model):
    _inherit = "project.project"

    iati_identifier = fields.Char(
        string="IATI identifier",
        compute="_compute_iati_identifier",
        help="The reporting organisation's identifier, then the project's code.",
        groups=PARTNERSHIP_USERS,
    )

    @api.model
    def _iati_reporting_org(self):
        params = self.env["ir.config_parameter"].sudo()
        ref = (
            params.get_param("ilo_issa_partnership.iati_reporting_org_ref")
            or (DEFAULT_REPORTING_ORG[0])
        )
        return {
            "ref": ref,
            "type": DEFAULT_REPORTING_ORG[1],
            "name": DEFAULT_REPORTING_ORG[2],
        }

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

    def _iati_activity_data(self):
        """The plain data of this project's IATI activity."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        company = self.company_id or self.env.company
        currency = company.currency_id.name
        langs = {code for code, _name in self.env["res.lang"].get_installed()}
        titles = {"en": self.with_context(lang="en_US").name}
        descriptions = {
            "en": tools.html2plaintext(self.description or "")
            or self.collaboration_area_id.with_context(lang="en_US").description
            or self.name
        }
        if "fr_FR" in langs:
            french = self.with_context(lang="fr_FR")
            titles["fr"] = french.name
            descriptions["fr"] = (
                tools.html2plaintext(french.description or "")
                or french.collaboration_area_id.description
                or french.name
            )
        lines = self.with_context(active_test=False).budget_line_ids
        funders = lines.funding_source_id
        participating = [
            {"role": "1", "name": source.donor_id.name or source.name}
            for source in funders
        ]
        participating.append(
            {
                "role": "2",
                "ref": "XM-DAC-41302",
                "type": "40",
                "name": "International Labour Organization",
            }
        )
        implementers = {
            "ilo": ["International Labour Organization"],
            "issa": ["International Social Security Association"],
            "joint": [
                "International Labour Organization",
                "International Social Security Association",
            ],
        }[self.lead_organisation or "joint"]
        participating += [{"role": "4", "type": "40", "name": n} for n in implementers]
        participating += [{"role": "4", "name": p.name} for p in self.institution_ids]
        start = self.date_start or self.create_date.date()
        dates = [("1", start)]
        if start <= today:
            dates.append(("2", start))  # actual start
        if self.date:
            dates.append(("3", self.date))
            if self.date < today:
                dates.append(("4", self.date))  # actual end
        countries = self.country_ids
        shares = []
        if countries:
            each = round(100.0 / len(countries), 2)
            shares = [(c.code, each) for c in countries[:-1]]
            shares.append(
                (countries[-1].code, round(100.0 - each * (len(countries) - 1), 2))
            )
        periods = {}
        for line in lines:
            key = (line.date_from, line.date_to)
            periods[key] = periods.get(key, 0.0) + line.amount_planned_company
        budgets = [
            {"start": s, "end": e, "value": v, "currency": currency, "value_date": s}
            for (s, e), v in sorted(periods.items())
        ]
        transactions = [
            {
                "type": "4",
                "date": cost.date,
                "value": -cost.amount,
                "currency": currency,
                "description": cost.name,
            }
            for cost in lines.analytic_line_ids.sorted("date")
        ]
        documents = [
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
        return {
            "identifier": self.iati_identifier,
            "reporting_org": self._iati_reporting_org(),
            "titles": titles,
            "descriptions": descriptions,
            "participating": participating,
            "status": self._iati_status(today),
            "dates": dates,
            "countries": shares,
            "sectors": [(SOCIAL_PROTECTION, "1", 100.0)],
            "budgets": budgets,
            "transactions": transactions,
            "documents": documents,
            "results": self._iati_results(),
            "default_currency": currency,
        }

    def _iati_results(self):
        """IATI results: each outcome (type 2) and output (type 1) with its
        indicators and their approved periods (approved figures only)."""
        measures = {"unit": "1", "percentage": "2", "qualitative": "5"}
        groups = {
            "actual_government": "government",
            "actual_employer": "employers",
            "actual_worker": "workers",
            "actual_ssi": "social security institutions",
        }
        french = "fr_FR" in {code for code, _n in self.env["res.lang"].get_installed()}

        def titles(record):
            texts = {"en": record.with_context(lang="en_US").name}
            if french:
                name = record.with_context(lang="fr_FR").name
                if name != texts["en"]:
                    texts["fr"] = name
            return texts

        results = []
        for result in self.with_context(lang="en_US").ilo_result_ids:
            indicators = []
            for indicator in result.indicator_ids:
                qualitative = indicator.measure == "qualitative"
                baseline = None
                if indicator.baseline_year:
                    baseline = {
                        "year": indicator.baseline_year,
                        "value": None if qualitative else indicator.baseline_value,
                        "comment": indicator.baseline_comment,
                    }
                periods = []
                for period in indicator.period_ids.filtered(
                    lambda p: p.state == "approved"
                ):
                    dimensions = []
                    if indicator.disaggregate_sex and not qualitative:
                        dimensions += [
                            ("sex", "female", period.actual_female),
                            ("sex", "male", period.actual_male),
                        ]
                    if indicator.disaggregate_group and not qualitative:
                        dimensions += [
                            ("constituent group", label, period[field])
                            for field, label in groups.items()
                        ]
                    periods.append(
                        {
                            "start": period.date_start,
                            "end": period.date_end,
                            "target": None if qualitative else period.target_value,
                            "actual": None if qualitative else period.actual_value,
                            "comment": period.actual_comment,
                            "dimensions": dimensions,
                        }
                    )
                indicators.append(
                    {
                        "measure": measures[indicator.measure],
                        "ascending": indicator.target_value >= indicator.baseline_value,
                        "titles": titles(indicator),
                        "baseline": baseline,
                        "periods": periods,
                    }
                )
            results.append(
                {
                    "type": "2" if result.result_type == "outcome" else "1",
                    "titles": titles(result),
                    "descriptions": {
                        "en": tools.html2plaintext(result.description or "")
                    },
                    "indicators": indicators,
                }
            )
        return results

    def iati_export_xml(self):
        """The IATI 2.03 file of these partnership projects, validated.

        Public (XML-RPC): returns {'xml': str, 'errors': [str]} — schema errors and
        IATI rule errors, each naming the project to fix.
        """
        projects = self.filtered("is_partnership")
        if not projects:
            raise UserError(
                self.env._("Select partnership projects to export to IATI.")
            )
        data = [project._iati_activity_data() for project in projects]
        errors = [
            f"{project.name}: {problem}"
            for project, item in zip(projects, data, strict=True)
            for problem in check_rules(item)
        ]
        content = build_activities(data)
        names = {
            item["identifier"]: project.name
            for project, item in zip(projects, data, strict=True)
        }
        for error in validate_xml(content):
            for identifier, name in names.items():
                if error.startswith(f"activity {identifier},"):
                    error = f"{name} ({error})"
                    break
            errors.append(error)
        return {"xml": content.decode(), "errors": errors}

    def action_iati_export(self):
        result = self.iati_export_xml()
        if result["errors"]:
            raise UserError(
                self.env._(
                    "The IATI file is not valid:\n%(errors)s",
                    errors="\n".join(result["errors"]),
                )
            )
        attachment = self.env["ir.attachment"].create(
            {
                "name": "iati-activities.xml",
                "raw": result["xml"].encode(),
                "mimetype": "application/xml",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
