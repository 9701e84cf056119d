"""Article 2 of C102: which sets of accepted Parts make a valid ratification.

A Member complies with at least three of Parts II-X, including at least one of
Parts IV, V, VI, IX and X.
"""

import re
from dataclasses import dataclass

from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

PARTS = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
CORE_PARTS = frozenset({"IV", "V", "VI", "IX", "X"})
MIN_PARTS = 3

# Why a set of Parts fails Article 2: the one wording, translated where it is read.
REASONS = {
    "unknown": _lt("Unknown Parts: %(unknown)s (only Parts II to X can be accepted)."),
    "too_few": _lt(
        "Article 2 of C102 requires at least three of Parts II to X; %(count)s "
        "accepted (%(parts)s)."
    ),
    "no_core": _lt(
        "Article 2 of C102 requires at least one of Parts IV, V, VI, IX or X; "
        "accepted: %(parts)s."
    ),
}
NONE = _lt("none")


@dataclass(frozen=True)
class Article2Result:
    ok: bool
    parts: tuple  # the distinct Parts II-X considered, in Convention order
    unknown: tuple  # codes that are not Parts II-X
    core_count: int

    @property
    def count(self):
        return len(self.parts)

    @property
    def reason(self):
        """Why the Parts fail Article 2, in English ("" when they do not)."""
        return self.reason_in("en_US")

    def reason_in(self, lang):
        """Why the Parts fail Article 2, in the language ``lang`` ("" if they do
        not)."""
        if self.unknown:
            key, params = "unknown", {"unknown": ", ".join(self.unknown)}
        elif self.count < MIN_PARTS:
            parts = ", ".join(self.parts) or NONE._translate(lang)
            key, params = "too_few", {"count": self.count, "parts": parts}
        elif not self.core_count:
            key, params = "no_core", {"parts": ", ".join(self.parts)}
        else:
            return ""
        return REASONS[key]._translate(lang) % params


def check_article_2(codes):
    """Check Part codes (e.g. ``["II", "v", "X"]``) against Article 2."""
    normalised = {str(c).strip().upper() for c in codes if str(c).strip()}
    unknown = tuple(sorted(normalised - set(PARTS)))
    parts = tuple(p for p in PARTS if p in normalised)
    core_count = len(CORE_PARTS.intersection(parts))
    ok = not unknown and len(parts) >= MIN_PARTS and core_count >= 1
    return Article2Result(ok=ok, parts=parts, unknown=unknown, core_count=core_count)


_RANGE = re.compile(r"^\s*([IVXivx]+)\s*[-\u2013\u2014]\s*([IVXivx]+)\s*$")


def parse_parts(text):
    """Parse the NORMLEX-style notation ``"II, III, V-X"`` into Part codes.

    Returns ``(codes, errors)``: codes in Convention order, errors as the tokens
    that are not Parts II-X or ranges of them.
    """
    codes, errors = set(), []
    for token in re.split(r"[,;/]|\band\b|\bet\b", text or ""):
        token = token.strip()
        if not token:
            continue
        match = _RANGE.match(token)
        if match:
            start, end = match.group(1).upper(), match.group(2).upper()
            if (
                start in PARTS
                and end in PARTS
                and PARTS.index(start) <= PARTS.index(end)
            ):
                codes.update(PARTS[PARTS.index(start) : PARTS.index(end) + 1])
            else:
                errors.append(token)
        elif token.upper() in PARTS:
            codes.add(token.upper())
        else:
            errors.append(token)
    return [p for p in PARTS if p in codes], errors
