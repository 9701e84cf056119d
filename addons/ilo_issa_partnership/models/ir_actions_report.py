# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import functools
import subprocess

import lxml.html

from odoo import api, models

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin

from ..report.pdf_stamp import is_patched_qt, stamp
from ..rules.bidi import bidi_html, box_mixed_text, has_rtl

# The addons whose reports get their mixed-direction texts boxed (_prepare_html).
ILO_REPORT_MODULES = ("ilo_issa_partnership", "c102_campaign")


@functools.cache
def _wkhtmltopdf_version():
    """``wkhtmltopdf --version`` (read once per process, as Odoo reads it)."""
    try:
        return subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"],
            capture_output=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return b""


class IrActionsReport(models.Model):
    """The partnership's reports carry their logo, title, period and "page x / y"
    on every page: printed by Odoo's own header and footer when wkhtmltopdf is
    the patched-Qt build, stamped onto the pages after rendering otherwise."""

    _inherit = "ir.actions.report"

    @api.model
    def _ilo_wkhtmltopdf_patched(self):
        return is_patched_qt(_wkhtmltopdf_version())

    def _ilo_stamps_pages(self):
        """A partnership report (its report model has a running header) printed
        by a wkhtmltopdf that cannot print Odoo's header and footer."""
        if len(self) != 1:
            return False
        model = self._get_rendering_context_model(self)
        return (
            model is not None
            and hasattr(model, "_ilo_running_header")
            and not self._ilo_wkhtmltopdf_patched()
        )

    def get_paperformat(self):
        """Stamped reports use narrow margins that the band fills; Odoo's paper
        format keeps 52 mm at the top for a header that would not print."""
        if self._ilo_stamps_pages():
            return self.env.ref("ilo_issa_partnership.paperformat_ilo_stamped")
        return super().get_paperformat()

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        pdf, kind = super()._render_qweb_pdf(report_ref, res_ids=res_ids, data=data)
        report = self._get_report(report_ref)
        if kind != "pdf" or not report._ilo_stamps_pages():
            return pdf, kind
        if isinstance(res_ids, int):
            res_ids = [res_ids]
        return self._ilo_stamp(report, pdf, res_ids or [], data), kind

    def _ilo_stamp(self, report, pdf, res_ids, data):
        """The PDF with the report model's running header, in the reader's
        language and with the reader's company logo."""
        report_model = self.env[self._get_rendering_context_model(report)._name]
        title, subtitle = report_model._ilo_running_header(res_ids, data)
        logo = self.env.company.logo
        return stamp(
            pdf,
            title,
            subtitle,
            page_label=self.env._("Page %(page)s / %(total)s"),
            logo=base64.b64decode(logo) if logo else None,
        )

    def _get_rendering_context(self, report, docids, data):
        """Every report's templates get ``ilo_bidi(text)``: a user-entered name
        or label laid out in its directional runs (``rules.bidi``), so that
        Arabic beside Latin text, digits and brackets prints in the right order
        on this machine's wkhtmltopdf, in a left-to-right or right-to-left page."""
        data = super()._get_rendering_context(report, docids, data)
        data["ilo_bidi"] = functools.partial(bidi_html, rtl_page=self._ilo_rtl_page())
        return data

    def _ilo_rtl_page(self):
        lang = self.env.lang or self.env.user.lang
        return self.env["res.lang"]._get_data(code=lang).direction == "rtl"

    def _prepare_html(self, html, report_model=False):
        """In the addons' reports, every other text mixing right-to-left and
        left-to-right text (an Arabic date from a ``t-field``, a translated
        label beside a figure) is boxed by direction as the names are."""
        if (
            len(self) == 1
            and self.report_name.split(".")[0]
            in ("ilo_issa_partnership", "c102_campaign")
            and has_rtl(html.decode() if isinstance(html, bytes) else html)
        ):
            root = lxml.html.fromstring(
                html, parser=lxml.html.HTMLParser(encoding="utf-8")
            )
            box_mixed_text(root, self._ilo_rtl_page())
            html = lxml.html.tostring(root, encoding="utf-8")
        return super()._prepare_html(html, report_model=report_model)
