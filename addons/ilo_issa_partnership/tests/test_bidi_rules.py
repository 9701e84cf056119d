# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The visual order of names mixing right-to-left and left-to-right text
(rules/bidi.py), against the Unicode bidi algorithm worked out by hand."""

import lxml.html

from odoo.tests import BaseCase

from ..rules.bidi import (
    base_direction,
    bidi_html,
    box_mixed_text,
    has_rtl,
    levels,
    visual_runs,
)

SSC = "مؤسسة الضمان الاجتماعي (SSC) – Jordan"
MISSION = "Mission: تقييم الحماية الاجتماعية 2026 [draft]"
CORPORATION = "المؤسسة العامة للضمان الاجتماعي / Social Security Corporation"


def _drawn(text, direction=None):
    """The runs as (text, dir, space before), left to right."""
    return [
        (run["text"], run["dir"], run["space"]) for run in visual_runs(text, direction)
    ]


class TestBidiRules(BaseCase):
    def test_direction_is_the_first_strong_letter(self):
        self.assertEqual(base_direction(SSC), "rtl")
        self.assertEqual(base_direction(MISSION), "ltr")
        self.assertEqual(base_direction("(2026) مؤسسة"), "rtl")
        self.assertIsNone(base_direction("2026 – (12)"))
        self.assertIsNone(base_direction(""))
        self.assertTrue(has_rtl("Amman ٢٠٢٦"))  # Arabic-Indic digits
        self.assertTrue(has_rtl("שלום"))  # Hebrew
        self.assertFalse(has_rtl("Amman 2026 (draft)"))

    def test_brackets_after_arabic_enclose_the_latin_run(self):
        # N0: "(SSC)" holds L, the paragraph is R and R precedes the bracket:
        # the pair is R, so it stays around SSC, mirrored; "Jordan" at the left
        self.assertEqual(
            _drawn(SSC),
            [
                ("Jordan", "ltr", False),
                ("–", "rtl", True),
                (")", "rtl", True),  # drawn mirrored: "("
                ("SSC", "ltr", False),
                ("(", "rtl", False),  # drawn ")"
                ("الاجتماعي", "rtl", True),
                ("الضمان", "rtl", True),
                ("مؤسسة", "rtl", True),
            ],
        )

    def test_digits_after_arabic_belong_to_the_arabic_run(self):
        # W2: 2026 after Arabic letters is an Arabic number, at the left end of
        # the right-to-left run in a left-to-right name
        self.assertEqual(
            _drawn(MISSION),
            [
                ("Mission:", "ltr", False),
                ("2026", "ltr", True),
                ("الاجتماعية", "rtl", True),
                ("الحماية", "rtl", True),
                ("تقييم", "rtl", True),
                ("[draft]", "ltr", True),
            ],
        )

    def test_slash_between_the_two_names_takes_the_paragraph_direction(self):
        self.assertEqual(
            _drawn(CORPORATION),
            [
                ("Social Security Corporation", "ltr", False),
                ("/", "rtl", True),
                ("الاجتماعي", "rtl", True),
                ("للضمان", "rtl", True),
                ("العامة", "rtl", True),
                ("المؤسسة", "rtl", True),
            ],
        )

    def test_one_direction_is_one_run(self):
        self.assertEqual(
            _drawn("Plain (ABC) name"), [("Plain (ABC) name", "ltr", False)]
        )
        # right to left: word by word, its punctuation apart (QtWebKit draws an
        # Arabic word with a comma in one box over its neighbour)
        self.assertEqual(
            _drawn("مؤسسة (أ)"),
            [
                (")", "rtl", False),
                ("أ", "rtl", False),
                ("(", "rtl", False),
                ("مؤسسة", "rtl", True),
            ],
        )
        self.assertEqual(
            _drawn("02 أغسطس, 2026"),
            [
                ("2026", "ltr", False),
                (",", "rtl", True),
                ("أغسطس", "rtl", False),
                ("02", "ltr", True),
            ],
        )
        self.assertEqual(_drawn("  "), [])
        self.assertEqual(_drawn(""), [])

    def test_numbers_and_terminators(self):
        # W4/W5: 12,500 and 40 % stay whole numbers; after Latin they are L (W7)
        self.assertEqual(
            _drawn("Budget 12,500 USD"), [("Budget 12,500 USD", "ltr", False)]
        )
        # W2 before W5: 40 after Arabic letters is an Arabic number, so the
        # "%" apart from it is a neutral of the right-to-left paragraph
        self.assertEqual(
            _drawn("نسبة 40 %"),
            [("%", "rtl", False), ("40", "ltr", True), ("نسبة", "rtl", True)],
        )
        self.assertEqual(_drawn("Rate $40 (est.)"), [("Rate $40 (est.)", "ltr", False)])
        # Arabic-Indic digits are numbers drawn left to right inside Arabic
        self.assertEqual(
            _drawn("مؤسسة ٢٠٢٦ (أ)"),
            [
                (")", "rtl", False),
                ("أ", "rtl", False),
                ("(", "rtl", False),
                ("٢٠٢٦", "ltr", True),
                ("مؤسسة", "rtl", True),
            ],
        )
        # no strong letter: the page's direction decides
        self.assertEqual(levels("12 – 14", "rtl")[0], 1)
        self.assertEqual(levels("12 – 14")[0], 0)

    def test_latin_name_with_arabic_in_brackets(self):
        # the bracket pair holds R, the paragraph is L, L precedes it: L pair
        self.assertEqual(
            _drawn("Jordan SSC (مؤسسة الضمان)"),
            [
                ("Jordan SSC (", "ltr", False),
                ("الضمان", "rtl", False),
                ("مؤسسة", "rtl", True),
                (")", "ltr", False),
            ],
        )

    def test_marks_follow_their_letter(self):
        # W1: a non-spacing mark (fatha) takes its letter's direction
        self.assertEqual(
            _drawn("مَؤسسة ABC"), [("ABC", "ltr", False), ("مَؤسسة", "rtl", True)]
        )

    def test_unbalanced_brackets_are_neutrals(self):
        self.assertEqual(
            _drawn("مؤسسة (SSC"),
            [("SSC", "ltr", False), ("(", "rtl", False), ("مؤسسة", "rtl", True)],
        )

    def test_html_boxes_each_run_and_escapes(self):
        html = str(bidi_html("مؤسسة & <SSC>"))
        self.assertTrue(
            html.startswith('<span class="ilo-bidi ilo-bidi-rtl" dir="ltr">')
        )
        self.assertEqual(
            html.split('dir="ltr">', 1)[1],
            '<span class="ilo-bidi-run" dir="rtl">&gt;</span>'
            '<span class="ilo-bidi-run" dir="ltr">SSC</span>'
            '<span class="ilo-bidi-run" dir="rtl">&lt;</span> '
            '<span class="ilo-bidi-run" dir="rtl">&amp;</span> '
            '<span class="ilo-bidi-run" dir="rtl">مؤسسة</span></span>',
        )
        # a left-to-right name on a left-to-right page is left as it is
        self.assertEqual(bidi_html("Plain <name>"), "Plain <name>")
        self.assertEqual(bidi_html(False), "")
        self.assertEqual(bidi_html(None, rtl_page=True), "")
        # on a right-to-left page every name gets its own box: its brackets are
        # its own, not mirrored by the page
        self.assertIn(
            'dir="ltr">Plain (ABC)</span>', str(bidi_html("Plain (ABC)", True))
        )
        # lines are paragraphs of their own
        html = str(bidi_html("مؤسسة ABC\nSecond line", True))
        self.assertEqual(html.count('class="ilo-bidi '), 2)
        self.assertIn("<br/>", html)

    def test_texts_of_a_page_are_boxed_when_they_mix(self):
        root = lxml.html.fromstring(
            "<html><body><p>Period: <span>02 أغسطس, 2026</span> – x</p>"
            "<p>مؤسسة</p><style>p:after { content: 'أ 1' }</style>"
            '<span class="ilo-bidi">مؤسسة 1</span></body></html>'
        )
        box_mixed_text(root, rtl_page=True)
        html = lxml.html.tostring(root, encoding="unicode")
        self.assertIn(
            '<span><span class="ilo-bidi ilo-bidi-rtl" dir="ltr">'
            '<span class="ilo-bidi-run" dir="ltr">2026</span> '
            '<span class="ilo-bidi-run" dir="rtl">,</span>'
            '<span class="ilo-bidi-run" dir="rtl">أغسطس</span> '
            '<span class="ilo-bidi-run" dir="ltr">02</span></span></span> – x',
            html,
        )
        self.assertIn("<p>مؤسسة</p>", html)  # one direction: left as it is
        self.assertIn("content: 'أ 1'", html)  # not text of the page
        self.assertIn('<span class="ilo-bidi">مؤسسة 1</span>', html)  # boxed already
