# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Right-to-left and left-to-right text in one name, laid out before printing.

The PDF renderer on Debian (wkhtmltopdf on unpatched QtWebKit) joins Arabic
glyphs, but draws a line holding text of two directions wrongly: an Arabic run
beside Latin words or digits is drawn over them or past the page's edge, and its
bidi algorithm predates bracket pairs (``(SSC)`` after Arabic comes out as
``SSC)…)``). A run of one direction alone in its own box draws right.

So a user-entered name is split here into its directional runs, in the visual
order of the Unicode Bidirectional Algorithm (UAX #9, for one isolated
paragraph: the name's own direction from its first strong letter, as ``<bdi>``
would; no explicit embeddings), and the report prints each run as its own box,
left to right. Plain functions: no ORM.
"""

import unicodedata

from lxml import etree
from markupsafe import Markup

# Bidi_Paired_Bracket pairs of the characters names use (UAX #9, BD16).
BRACKETS = {"(": ")", "[": "]", "{": "}", "\u2045": "\u2046", "\u2329": "\u232a"}
CLOSING = {closing: opening for opening, closing in BRACKETS.items()}
STRONG_RTL = {"R", "AL"}
NEUTRAL = {"B", "S", "WS", "ON", "BN"}
# the types of the letters and marks of a right-to-left word
RTL_WORD = {"R", "AL", "NSM"}
MAX_BRACKET_DEPTH = 63


def _type(char):
    kind = unicodedata.bidirectional(char) or "L"
    # explicit embeddings, overrides and isolates are not honoured in a name:
    # taken as neutral marks
    if kind in {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}:
        return "ON"
    return kind


def base_direction(text):
    """'rtl' or 'ltr' from the first strong letter of ``text`` (as dir="auto"),
    None when it has none (digits, punctuation only)."""
    for char in text or "":
        kind = _type(char)
        if kind == "L":
            return "ltr"
        if kind in STRONG_RTL:
            return "rtl"
    return None


def has_rtl(text):
    """Whether ``text`` holds a right-to-left letter or Arabic digit."""
    return any(_type(char) in {"R", "AL", "AN"} for char in text or "")


def _weak_types(types, sos):
    """Rules W1 to W7 on the character types of one paragraph."""
    # W1: a non-spacing mark takes the type of what precedes it
    previous = sos
    for index, kind in enumerate(types):
        if kind == "NSM":
            types[index] = previous
        previous = types[index]
    # W2: European digits after Arabic letters are Arabic digits; W3: AL is R
    last_strong = sos
    for index, kind in enumerate(types):
        if kind in {"L", "R", "AL"}:
            last_strong = kind
        elif kind == "EN" and last_strong == "AL":
            types[index] = "AN"
    types[:] = ["R" if kind == "AL" else kind for kind in types]
    # W4: one separator between two numbers of a kind joins them
    for index in range(1, len(types) - 1):
        before, kind, after = types[index - 1], types[index], types[index + 1]
        if kind == "ES" and before == after == "EN":
            types[index] = "EN"
        elif kind == "CS" and before == after and before in {"EN", "AN"}:
            types[index] = before
    # W5: terminators (%, currency signs) next to European digits are digits
    index = 0
    while index < len(types):
        if types[index] != "ET":
            index += 1
            continue
        end = index
        while end < len(types) and types[end] == "ET":
            end += 1
        if (index > 0 and types[index - 1] == "EN") or (
            end < len(types) and types[end] == "EN"
        ):
            types[index:end] = ["EN"] * (end - index)
        index = end
    # W6: other separators and terminators are neutral
    types[:] = ["ON" if kind in {"ES", "ET", "CS"} else kind for kind in types]
    # W7: European digits after a left-to-right letter (or start) are L
    last_strong = sos
    for index, kind in enumerate(types):
        if kind in {"L", "R"}:
            last_strong = kind
        elif kind == "EN" and last_strong == "L":
            types[index] = "L"


def _strong(kind):
    """The direction a resolved type counts as for neutrals: digits count as R."""
    if kind == "L":
        return "L"
    if kind in {"R", "EN", "AN"}:
        return "R"
    return None


def _bracket_pairs(text, types):
    """BD16: the (opening, closing) index pairs, in the order of the openings."""
    stack, pairs = [], []
    for index, char in enumerate(text):
        if types[index] != "ON":
            continue
        if char in BRACKETS:
            if len(stack) == MAX_BRACKET_DEPTH:
                break
            stack.append((BRACKETS[char], index))
        elif char in CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _resolve_brackets(text, types, embedding, sos):
    """N0: a bracket pair takes the direction of what it encloses, in context."""
    opposite = "L" if embedding == "R" else "R"
    for opening, closing in _bracket_pairs(text, types):
        inside = {_strong(kind) for kind in types[opening + 1 : closing]}
        if embedding in inside:
            direction = embedding
        elif opposite in inside:
            direction = sos
            for kind in reversed(types[:opening]):
                if _strong(kind):
                    direction = _strong(kind)
                    break
            direction = opposite if direction == opposite else embedding
        else:
            continue
        types[opening] = types[closing] = direction


def _neutral_types(types, sos):
    """N1 and N2: neutrals between two runs of one direction take it, others
    the paragraph's."""
    index = 0
    while index < len(types):
        if types[index] not in NEUTRAL:
            index += 1
            continue
        end = index
        while end < len(types) and types[end] in NEUTRAL:
            end += 1
        before = _strong(types[index - 1]) if index else sos
        after = _strong(types[end]) if end < len(types) else sos
        direction = before if before == after else sos
        types[index:end] = [direction] * (end - index)
        index = end


def levels(text, direction=None):
    """(paragraph level, [embedding level of each character]) of ``text`` as
    one isolated paragraph; ``direction`` ('ltr'/'rtl') when the text has no
    strong letter (default left to right)."""
    base = base_direction(text) or direction or "ltr"
    paragraph = 1 if base == "rtl" else 0
    sos = "R" if paragraph else "L"
    types = [_type(char) for char in text]
    _weak_types(types, sos)
    _resolve_brackets(text, types, sos, sos)
    _neutral_types(types, sos)
    result = []
    for kind in types:  # I1 and I2
        if paragraph == 0:
            result.append({"R": 1, "AN": 2, "EN": 2}.get(kind, 0))
        else:
            result.append(2 if kind in {"L", "EN", "AN"} else 1)
    return paragraph, result


def _rtl_tokens(chars):
    """A right-to-left run cut into its words and its other marks, one by one,
    in reading order, None for a space: QtWebKit draws an Arabic word with a
    comma or bracket in one box wider than it measured it (over what follows)."""
    tokens = []
    for char in chars:
        if char.isspace():
            if not tokens or tokens[-1] is not None:
                tokens.append(None)
        elif (
            _type(char) in {"R", "AL", "NSM"} and unicodedata.category(char)[0] in "LM"
        ):
            if tokens and tokens[-1] is not None and tokens[-1][2]:
                tokens[-1] = (tokens[-1][0] + char, "rtl", True)
            else:
                tokens.append((char, "rtl", True))
        else:
            tokens.append((char, "rtl", False))
    return [token and token[:2] for token in tokens]


def visual_runs(text, direction=None):
    """The directional runs of ``text`` left to right as drawn, each
    ``{'text': its characters in reading order, 'dir': 'rtl'|'ltr',
    'space': whether a space separates it from the run on its left}``, spaces
    at the edges of runs taken out (the report puts them between the boxes).
    A right-to-left run comes word by word, its punctuation apart."""
    if not text:
        return []
    paragraph, char_levels = levels(text, direction)
    order = list(range(len(text)))
    # L2: from the highest level down to the lowest odd one, reverse every
    # sequence at that level or higher
    lowest_odd = min(level for level in char_levels + [paragraph + 1] if level % 2)
    for level in range(max(char_levels), lowest_odd - 1, -1):
        position = 0
        while position < len(order):
            if char_levels[order[position]] < level:
                position += 1
                continue
            end = position
            while end < len(order) and char_levels[order[end]] >= level:
                end += 1
            order[position:end] = reversed(order[position:end])
            position = end
    # group what is drawn side by side at one level, back in reading order
    groups = []
    for index in order:
        if groups and char_levels[groups[-1][-1]] == char_levels[index]:
            groups[-1].append(index)
        else:
            groups.append([index])
    pieces = []  # left to right: (text, direction), None for a space
    for group in groups:
        rtl = char_levels[group[0]] % 2 == 1
        if rtl:
            chars = "".join(text[index] for index in reversed(group))
            pieces.extend(reversed(_rtl_tokens(chars)))
        else:
            chars = "".join(text[index] for index in group)
            if chars[:1].isspace():
                pieces.append(None)
            if chars.strip():
                pieces.append((chars.strip(), "ltr"))
            if chars[-1:].isspace():
                pieces.append(None)
    runs = []
    space_pending = False
    for piece in pieces:
        if piece is None:
            space_pending = bool(runs)
            continue
        runs.append({"text": piece[0], "dir": piece[1], "space": space_pending})
        space_pending = False
    return runs


def bidi_html(text, rtl_page=False):
    """``text`` for a report page, each directional run in its own box (the
    ``ilo-bidi`` classes of the report style sheet), line by line; returned as
    it is (escaped by QWeb) when it has no right-to-left character and the page
    reads left to right. ``rtl_page``: the report is printed right to left."""
    if text is None or text is False:
        return ""
    text = str(text)
    if not (rtl_page or has_rtl(text)):
        return text
    page_direction = "rtl" if rtl_page else "ltr"
    lines = []
    for line in text.split("\n"):
        runs = visual_runs(line, page_direction)
        if not runs:
            lines.append(line)
            continue
        direction = base_direction(line) or page_direction
        parts = [Markup('<span class="ilo-bidi ilo-bidi-%s" dir="ltr">') % direction]
        for run in runs:
            if run["space"]:
                parts.append(" ")
            parts.append(
                Markup('<span class="ilo-bidi-run" dir="%s">%s</span>')
                % (run["dir"], run["text"])
            )
        parts.append(Markup("</span>"))
        lines.append(Markup("").join(parts))
    return Markup("<br/>").join(lines)


# Elements whose text is not laid out (not drawn as text, or already boxed).
SKIPPED_TAGS = {"head", "script", "style", "svg", "textarea", "title"}


def _boxes(text, page_direction):
    """The element boxing the directional runs of ``text`` (see bidi_html)."""
    direction = base_direction(text) or page_direction
    wrapper = etree.Element(
        "span", {"class": f"ilo-bidi ilo-bidi-{direction}", "dir": "ltr"}
    )
    previous = None
    for run in visual_runs(text, page_direction):
        if run["space"] and previous is not None:
            previous.tail = " "
        previous = etree.SubElement(
            wrapper, "span", {"class": "ilo-bidi-run", "dir": run["dir"]}
        )
        previous.text = run["text"]
    return wrapper


def _mixed(text, page_direction):
    return bool(text) and has_rtl(text) and len(visual_runs(text, page_direction)) > 1


def box_mixed_text(root, rtl_page=False):
    """Box every text of the (lxml) HTML tree ``root`` that mixes directions,
    as bidi_html does for a name: the texts the templates do not pass through
    ``ilo_bidi``, as an Arabic date ("13 فبراير 2027") printed by a ``t-field``.
    Each text is taken as a paragraph of its own. Changes ``root`` in place."""
    page_direction = "rtl" if rtl_page else "ltr"

    def visit(element):
        if not isinstance(element.tag, str) or element.tag in SKIPPED_TAGS:
            return
        if "ilo-bidi" in (element.get("class") or "").split():
            return
        for child in list(element):
            visit(child)
            if _mixed(child.tail, page_direction):
                text = child.tail
                boxes = _boxes(" ".join(text.split()), page_direction)
                child.tail = text[: len(text) - len(text.lstrip())]
                boxes.tail = text[len(text.rstrip()) :]
                child.addnext(boxes)
        if _mixed(element.text, page_direction):
            text = element.text
            boxes = _boxes(" ".join(text.split()), page_direction)
            element.text = text[: len(text) - len(text.lstrip())]
            boxes.tail = text[len(text.rstrip()) :]
            element.insert(0, boxes)

    visit(root)
    return root
