# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Import of effective coverage (SDG 1.3.1) from ILOSTAT's bulk CSV or SDMX-CSV:
every row checked before anything is written, all or nothing; the same file again
changes nothing; a newer figure for the same country, contingency, sex and year
replaces the recorded one, which goes to history. The same server method serves
the wizard and ``scripts/ilo import-coverage``."""

import base64

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..rules.ilostat import plan, read_coverage


class C102CoverageImport(models.TransientModel):
    _name = "c102.coverage.import"
    _inherit = ["ilo.input.check.mixin"]
    _description = "Import Effective Coverage (ILOSTAT)"

    file = fields.Binary(required=True)
    filename = fields.Char()
    state = fields.Selection([("upload", "Upload"), ("done", "Done")], default="upload")
    summary = fields.Text(readonly=True)

    def _problem(self, code, params):
        """A problem of ``rules.ilostat`` in the user's language."""
        messages = {
            "unknown_area": self.env._("unknown country code '%(value)s'"),
            "unknown_contingency": self.env._("unknown contingency '%(value)s'"),
            "unknown_sex": self.env._("unknown sex '%(value)s'"),
            "bad_year": self.env._("bad year '%(value)s'"),
            "bad_value": self.env._(
                "coverage '%(value)s' is not a percentage from 0 to 100"
            ),
            "unknown_status": self.env._("unknown observation status '%(value)s'"),
            "duplicate": self.env._("the same figure is already on line %(line)s"),
            "aggregate": self.env._("regional aggregate '%(value)s' not imported"),
            "not_followed": self.env._(
                "%(value)s is not followed by the campaign: not imported (add its "
                "country record to import it)"
            ),
        }
        return messages[code] % params

    @api.model
    def _read_file(self, data, filename):
        try:
            return read_coverage(data, filename)
        except Exception as exc:
            raise UserError(
                self.env._(
                    "%(file)s could not be read as an ILOSTAT bulk CSV or SDMX-CSV "
                    "file (expected columns ref_area, sex, classif1, time, obs_value "
                    "or REF_AREA, SEX, SOC, TIME_PERIOD, OBS_VALUE): %(error)s",
                    file=filename or self.env._("The file"),
                    error=exc,
                )
            ) from exc

    @api.model
    def import_file(self, data, filename, dry_run=False):
        """Read and judge an ILOSTAT file (``data``: base64), then record it unless
        a row is bad or ``dry_run``. Returns ``{"layout", "errors": [(line, text)],
        "skipped": [(line, text)], "new", "replaced", "unchanged"}`` (counts)."""
        self.env["c102.coverage"].check_access("create")
        reading = self._read_file(base64.b64decode(data or b""), filename)
        errors = [(line, self._problem(c, p)) for line, c, p in reading.errors]
        # ILOSTAT's files hold every country: those the campaign does not follow
        # are left out, and said
        countries = self._countries({f.country for _line, f in reading.figures})
        skipped = [(line, self._problem(c, p)) for line, c, p in reading.skipped]
        skipped += [
            (line, self._problem("not_followed", {"value": figure.country}))
            for line, figure in reading.figures
            if figure.country not in countries
        ]
        figures = [f for _line, f in reading.figures if f.country in countries]
        recorded = self._recorded(countries.values())
        todo = plan(
            figures,
            {key: record._figure() for key, record in recorded.items()},
        )
        if not errors and not dry_run:
            self._write(todo, countries, recorded)
        return {
            "layout": reading.layout,
            "errors": sorted(errors),
            "skipped": sorted(skipped),
            "new": len(todo["new"]),
            "replaced": len(todo["replace"]),
            "unchanged": len(todo["unchanged"]),
        }

    @api.model
    def _countries(self, codes):
        """``{ISO code: c102.country}`` of the campaign's records among ``codes``."""
        records = (
            self.env["c102.country"]
            .with_context(active_test=False)
            .search([("country_id.code", "in", list(codes))])
        )
        return {record.code: record for record in records}

    @api.model
    def _recorded(self, countries):
        """``{figure key: c102.coverage}`` of the countries' recorded figures."""
        ids = [country.id for country in countries]
        figures = self.env["c102.coverage"].search([("c102_country_id", "in", ids)])
        return {figure._figure().key: figure for figure in figures}

    @api.model
    def _write(self, todo, countries, recorded):
        Coverage = self.env["c102.coverage"]
        Coverage.create(
            [
                dict(
                    Coverage._figure_vals(figure),
                    c102_country_id=countries[figure.country].id,
                    contingency=figure.contingency,
                    sex=figure.sex,
                    year=figure.year,
                )
                for figure in todo["new"]
            ]
        )
        for figure in todo["replace"]:
            recorded[figure.key]._replace(figure)

    def action_import(self):
        self.ensure_one()
        report = self.import_file(self.file, self.filename)
        self.write({"state": "done", "summary": self._summary(report)})
        return self._reopen()

    def _summary(self, report):
        """The verdict in words; a UserError listing every bad row (nothing
        written)."""
        if report["errors"]:
            raise UserError(
                self.env._(
                    "Nothing was imported: %(count)s row(s) are wrong.\n%(rows)s",
                    count=len({line for line, _text in report["errors"]}),
                    rows="\n".join(
                        self.env._("Line %(line)s: %(error)s", line=line, error=text)
                        for line, text in report["errors"]
                    ),
                )
            )
        lines = [
            self.env._(
                "%(new)s new figure(s), %(replaced)s replaced (the older kept in "
                "history), %(unchanged)s unchanged.",
                new=report["new"],
                replaced=report["replaced"],
                unchanged=report["unchanged"],
            )
        ]
        lines += [
            self.env._("Line %(line)s: %(text)s", line=line, text=text)
            for line, text in report["skipped"]
        ]
        return "\n".join(lines)

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import coverage"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
