# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading rendered PDFs back in tests: text per page and where text sits."""

import io
import json
import os
import re

import pypdfium2

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


def band_image(pdf, page_index=0):
    """The top band of a page (the stamped logo, title and period: 28 mm, the
    stamped paper format's top margin), rendered in grey levels at 1 px per
    point (pypdfium2), as a Pillow image."""
    import pypdfium2

    page = pypdfium2.PdfDocument(pdf)[page_index]
    image = page.render(scale=1, grayscale=True).to_pil().convert("L")
    return image.crop((0, 0, image.width, round(28 / 25.4 * 72)))


# A pixel differs when its grey level moves by more than this (of 255): glyph
# edges move by a few levels between renderings, a missing or moved word by
# a hundred or more on its strokes.
PIXEL_TOLERANCE = 64


def image_difference(image, reference):
    """The share (0–1) of ``image``'s pixels differing from ``reference``'s
    by more than ``PIXEL_TOLERANCE``; 1.0 when their sizes differ."""
    if image.size != reference.size:
        return 1.0
    from PIL import ImageChops

    diff = ImageChops.difference(image, reference).point(
        lambda level: 255 if level > PIXEL_TOLERANCE else 0
    )
    return diff.histogram()[255] / (image.width * image.height)


def reference_image(name, image):
    """The reference image ``name`` of tests/data; with ILO_UPDATE_REFERENCES=1
    in the environment, ``image`` is written as the new reference first."""
    from PIL import Image

    path = os.path.join(DATA, name)
    if os.environ.get("ILO_UPDATE_REFERENCES") == "1":
        image.save(path, optimize=True)
    with Image.open(path) as reference:
        return reference.convert("L")


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


# Right-to-left text read back in drawing order (pypdfium2: each character with
# its box on the page, as drawn), to check the order of mixed Arabic and Latin
# text and that nothing is drawn over something else.
RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# the gap (PDF points) between two glyphs of one word is about zero, between
# two words about a space (3 points at the reports' 10 pt type)
WORD_GAP = 1.5
OVERLAP = 1.0
# brackets are compared without their side: a mirrored glyph may read back as
# either of the pair
BRACKET_SIDES = str.maketrans("()[]{}", "(([[{{")
BRACKET_SPLIT = re.compile(r"[()\[\]{}]|[^()\[\]{}]+")


def _lines(page):
    """[(bottom, top, [(char, left, right), ...] left to right)] of a
    pypdfium2 page, top line first."""
    textpage = page.get_textpage()
    lines = {}
    for index in range(textpage.count_chars()):
        char = textpage.get_text_range(index, 1)
        if not char.strip():
            continue
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        lines.setdefault(round(bottom), []).append((left, right, char, top))
    return [
        (
            bottom,
            max(char[3] for char in chars),
            [(char, left, right) for left, right, char, _top in sorted(chars)],
        )
        for bottom, chars in sorted(lines.items(), reverse=True)
    ]


def _words(chars):
    """The words of a line left to right as drawn, each (text in reading order,
    left, right): the characters of a right-to-left word are drawn last first."""
    words = []
    for char, left, right in chars:
        if words and left - words[-1][2] < WORD_GAP:
            words[-1] = [words[-1][0] + char, words[-1][1], max(words[-1][2], right)]
        else:
            words.append([char, left, right])
    result = []
    for text, left, right in words:
        if RTL_CHARS.search(text):
            text = text[::-1]
        result.append((text, left, right))
    return result


def drawn_lines(pdf):
    """Per page, [(bottom, top, [(word, left, right), ...])] top line first:
    the words of each line from left to right as the page shows them."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [
            [(bottom, top, _words(chars)) for bottom, top, chars in _lines(page)]
            for page in document
        ]
    finally:
        document.close()


def _tokens(words):
    """Words cut at their brackets, without their side."""
    tokens = []
    for word, left, right in words:
        for token in BRACKET_SPLIT.findall(word):
            tokens.append((token.translate(BRACKET_SIDES), left, right))
    return tokens


def find_drawn(pages, expected):
    """[(page index, bottom, top, (token, left, right))] of the words
    ``expected`` (left to right as they must be drawn) where they stand side by
    side on one line, brackets compared without their side; None when they are
    not so drawn anywhere."""
    expected = [token for word in expected for token in BRACKET_SPLIT.findall(word)]
    expected = [token.translate(BRACKET_SIDES) for token in expected]
    for number, lines in enumerate(pages):
        for bottom, top, words in lines:
            tokens = _tokens(words)
            for start in range(len(tokens) - len(expected) + 1):
                window = tokens[start : start + len(expected)]
                if [token for token, _left, _right in window] == expected:
                    return [(number, bottom, top, token) for token in window]
    return None


def overdrawn(pdf):
    """Per page, the pairs of neighbouring characters of a line drawn over each
    other by more than a point, one of them not right-to-left (Arabic letters
    joined in one glyph, as lam-alef, share their box)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [
            [
                (first[0], second[0])
                for _bottom, _top, chars in _lines(page)
                for first, second in zip(chars, chars[1:], strict=False)
                if second[1] < first[2] - OVERLAP
                and not (RTL_CHARS.match(first[0]) and RTL_CHARS.match(second[0]))
            ]
            for page in document
        ]
    finally:
        document.close()


def ink_columns(pdf, page_index, bottom, top, scale=2):
    """Which pixel columns of a line's band hold ink on the rendered page (a
    list of booleans, one per column at ``scale`` pixels a point)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[page_index]
        height = page.get_height()
        image = page.render(scale=scale, grayscale=True).to_pil()
        band = image.crop(
            (
                0,
                int((height - top) * scale),
                image.width,
                int((height - bottom) * scale),
            )
        )
        pixels = band.load()
        return [
            any(pixels[x, y] < 128 for y in range(band.height))
            for x in range(band.width)
        ]
    finally:
        document.close()


# Invented names mixing Arabic and Latin text, and their words left to right as
# the Unicode bidi algorithm draws each name on its own (as <bdi> does): the
# brackets pair around "SSC" after the Arabic (rule N0), 2026 after Arabic
# letters is an Arabic number drawn at the Arabic run's left end (W2).
SSC = "مؤسسة الضمان الاجتماعي (SSC) – Jordan"
MISSION = "Mission: تقييم الحماية الاجتماعية 2026 [draft]"
CORPORATION = "المؤسسة العامة للضمان الاجتماعي / Social Security Corporation"
DRAWN = {
    SSC: ["Jordan", "–", "(SSC)", "الاجتماعي", "الضمان", "مؤسسة"],
    MISSION: ["Mission:", "2026", "الاجتماعية", "الحماية", "تقييم", "[draft]"],
    CORPORATION: [
        "Social",
        "Security",
        "Corporation",
        "/",
        "الاجتماعي",
        "للضمان",
        "العامة",
        "المؤسسة",
    ],
}


def assert_names_drawn(case, pdf, names):
    """Each name is drawn in the bidi algorithm's order on one line, nothing
    on the pages is drawn over Latin text or by Arabic text, and the rendered
    page shows blank columns between the name's words side by side (brackets
    and Latin words are not painted over the Arabic ones)."""
    pages = drawn_lines(pdf)
    for name in names:
        found = find_drawn(pages, DRAWN[name])
        lines = [
            [word for word, _l, _r in words] for page in pages for *_y, words in page
        ]
        case.assertTrue(found, f"{name!r} not drawn as {DRAWN[name]} in {lines}")
        for first, second in zip(found, found[1:], strict=False):
            (page, bottom, top, (word, _left, right)) = first
            (_page, _bottom, _top, (following, left, _right)) = second
            if right == _right:
                continue  # a bracket of the same word
            ink = ink_columns(pdf, page, bottom, top)
            gap = ink[round(right * 2) + 1 : round(left * 2) - 1]
            case.assertTrue(gap and not all(gap), f"{word!r} touches {following!r}")
        for page, bottom, top, (word, left, right) in found:  # on the page
            ink = ink_columns(pdf, page, bottom, top)
            case.assertTrue(any(ink[round(left * 2) : round(right * 2)]), word)
    case.assertEqual([pair for page in overdrawn(pdf) for pair in page], [])
