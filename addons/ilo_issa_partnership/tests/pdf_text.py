# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading rendered PDFs back in tests: text per page and where text sits."""

import io
import json
import os

from odoo.tools.pdf import PdfFileReader

from odoo.addons.ilo_issa_partnership.models.ir_actions_report import (
    _wkhtmltopdf_version,
)
from odoo.addons.ilo_issa_partnership.report.pdf_stamp import is_patched_qt

DATA = os.path.join(os.path.dirname(__file__), "data")
# How far (PDF points, 1/72 in) text may move from the reference layout: font
# hinting and wkhtmltopdf rounding move it by a point or two, a layout change by
# a line (about 10 points) or more.
LAYOUT_TOLERANCE = 4.0


def stamped():
    """Whether this machine's wkhtmltopdf needs the stamped band (unpatched Qt)."""
    return not is_patched_qt(_wkhtmltopdf_version())


def _runs_visitor(runs):
    """A PyPDF2 text visitor appending (text, x, y) to ``runs``."""

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((" ".join(text.split()), round(x, 1), round(y, 1)))

    return visit


def read_pages(pdf):
    """[(text, runs)] per page, in one pass (extraction is slow on the campaign
    map's thousands of paths): the extracted text with whitespace runs made
    single spaces, and [(text, x, y)] of its text runs in PDF points from the
    page's bottom-left corner."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    pages = []
    for page in reader.pages:
        runs = []
        text = page.extract_text(visitor_text=_runs_visitor(runs))
        pages.append((" ".join(text.split()), runs))
    return pages


def pages_text(pdf):
    """The extracted text of each page."""
    return [text for text, _runs in read_pages(pdf)]


def load_reference(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as reference:
        return json.load(reference)


def layout_differences(runs, reference):
    """The anchors of the reference ({text: [x, y]}) missing from the page or
    moved by more than the tolerance, as readable lines."""
    problems = []
    for anchor, (ref_x, ref_y) in reference.items():
        found = [(x, y) for text, x, y in runs if text.startswith(anchor)]
        if not found:
            problems.append(f"{anchor!r} not on the page")
            continue
        x, y = found[0]
        if abs(x - ref_x) > LAYOUT_TOLERANCE or abs(y - ref_y) > LAYOUT_TOLERANCE:
            problems.append(f"{anchor!r} at ({x}, {y}), reference ({ref_x}, {ref_y})")
    return problems
