# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The running header and footer of a report, stamped onto its PDF pages.

Debian's wkhtmltopdf is built on unpatched Qt: it ignores ``--header-html`` and
``--footer-html``, so Odoo's report header (logo) and footer ("page x / y") never
print. The pages are then stamped after rendering, with the PDF libraries Odoo
already requires (PyPDF2 through ``odoo.tools.pdf``, reportlab), as Odoo's own
``odoo.tools.pdf.add_banner`` does. Plain functions: no ORM.
"""

import io
import os

from PIL import Image
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from odoo.tools.pdf import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    PdfFileReader,
    PdfFileWriter,
    reshape_text,
)

# The font of the report's pages (they set DejaVu Sans), so that the band and the
# body read as one document; Helvetica where the font is not installed.
FONT_DIR = "/usr/share/fonts/truetype/dejavu"
FONTS = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
# The band's geometry, in PDF points, inside the margins of the stamped paper
# format (``paperformat_ilo_stamped``: 28 mm at the top, 16 mm at the bottom).
MARGIN_X = 10 * mm
TITLE_Y = 17 * mm  # from the top of the page
SUBTITLE_Y = 22 * mm
RULE_Y = 25 * mm
LOGO_HEIGHT = 14 * mm
LOGO_TOP = 8 * mm
FOOTER_Y = 8 * mm  # from the bottom of the page


def is_patched_qt(version_output):
    """Whether ``wkhtmltopdf --version`` names the patched Qt build (the one that
    prints headers and footers), e.g. ``wkhtmltopdf 0.12.6.1 (with patched qt)``."""
    if isinstance(version_output, bytes):
        version_output = version_output.decode(errors="replace")
    return "with patched qt" in (version_output or "").lower()


def _fonts():
    """(regular, bold) font names registered with reportlab."""
    names = []
    for style, file_name in FONTS.items():
        path = os.path.join(FONT_DIR, file_name)
        name = f"IloDejaVu-{style}"
        if name not in pdfmetrics.getRegisteredFontNames():
            if not os.path.exists(path):
                return "Helvetica", "Helvetica-Bold"
            pdfmetrics.registerFont(TTFont(name, path))
        names.append(name)
    return tuple(names)


def _logo_reader(logo):
    """The logo (image bytes) for reportlab, or None when it cannot be read (an
    SVG logo, say): the band then goes without it."""
    if not logo:
        return None
    try:
        image = Image.open(io.BytesIO(logo))
        image.load()
    except (OSError, ValueError, SyntaxError):
        return None
    return ImageReader(image)


def _draw_band(can, size, header, page, total):
    """One page's band: logo at the left, title and period at the right, a rule,
    and the page label centred at the bottom."""
    width, height = size
    regular, bold = header["fonts"]
    grey = colors.Color(0.35, 0.35, 0.35)
    logo = header["logo"]
    if logo:
        logo_width, logo_height = logo.getSize()
        drawn = LOGO_HEIGHT * logo_width / logo_height
        can.drawImage(
            logo,
            MARGIN_X,
            height - LOGO_TOP - LOGO_HEIGHT,
            width=min(drawn, width / 3),
            height=LOGO_HEIGHT,
            mask="auto",
            preserveAspectRatio=True,
            anchor="sw",
        )
    can.setFillColor(colors.black)
    can.setFont(bold, 10)
    can.drawRightString(width - MARGIN_X, height - TITLE_Y, header["title"])
    can.setFillColor(grey)
    can.setFont(regular, 8)
    if header["subtitle"]:
        can.drawRightString(width - MARGIN_X, height - SUBTITLE_Y, header["subtitle"])
    can.setStrokeColor(colors.Color(0.8, 0.8, 0.8))
    can.setLineWidth(0.5)
    can.line(MARGIN_X, height - RULE_Y, width - MARGIN_X, height - RULE_Y)
    label = header["page_label"] % {"page": page, "total": total}
    can.drawCentredString(width / 2, FOOTER_Y, label)


def stamp(pdf, title, subtitle="", page_label="%(page)s / %(total)s", logo=None):
    """The PDF (bytes) with the running band on every page.

    ``page_label`` is the translated label with ``%(page)s`` and ``%(total)s``;
    ``logo`` the organisation's logo as image bytes (or None)."""
    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    header = {
        "title": reshape_text(title),
        "subtitle": reshape_text(subtitle),
        "page_label": page_label,
        "logo": _logo_reader(logo),
        "fonts": _fonts(),
    }
    packet = io.BytesIO()
    can = canvas.Canvas(packet)
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        can.setPageSize(size)
        _draw_band(can, size, header, number, total)
        can.showPage()
    can.save()
    bands = PdfFileReader(packet, strict=False)
    writer = PdfFileWriter()
    for number, (page, band) in enumerate(
        zip(reader.pages, bands.pages, strict=True), start=1
    ):
        _overlay(writer, page, band, f"/IloBand{number}")
        writer.add_page(page)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _stream(writer, data, entries=None):
    stream = DecodedStreamObject()
    stream.set_data(data)
    stream.update(entries or {})
    return writer._add_object(stream)


def _overlay(writer, page, band, name):
    """Draw ``band`` over ``page`` as a form XObject.

    PyPDF2's ``merge_page`` parses the page's whole content stream, which takes
    tens of seconds for a page with the campaign map (thousands of path
    operators); here the page's streams are kept as they are, wrapped in q/Q so
    that the band is drawn in the page's untransformed space."""
    band_form = _stream(
        writer,
        band["/Contents"].get_object().get_data(),
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): band.mediabox,
            NameObject("/Resources"): band["/Resources"],
        },
    )
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else DictionaryObject()
    page[NameObject("/Resources")] = resources
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else DictionaryObject()
    resources[NameObject("/XObject")] = xobjects
    xobjects[NameObject(name)] = band_form
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else ArrayObject()
    streams = (
        list(contents) if isinstance(contents, ArrayObject) else [page["/Contents"]]
    )
    page[NameObject("/Contents")] = ArrayObject(
        [
            _stream(writer, b"q\n"),
            *streams,
            _stream(writer, f"\nQ\nq {name} Do Q\n".encode()),
        ]
    )
