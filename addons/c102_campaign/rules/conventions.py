# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The up-to-date social security Conventions beside C102 (higher standards), plain
Python: which Convention a ratification row speaks of, the branches it accepts where
the Convention lets a State choose, and which C102 Parts cease to apply when it is
ratified (C102 Art. 75: C121 Art. 29 for Part VI, C128 Art. 45 for Parts V, IX and X
branch by branch, C130 Art. 35 for Parts II and III, C168 Art. 35 for Part IV; C183
revises C103, not C102).
"""

import re

from .ratification import parse_date

CONVENTIONS = ("C102", "C121", "C128", "C130", "C168", "C183")
# Conventions whose branches a State accepts one by one: branch -> C102 Part
BRANCHES = {"C128": {"invalidity": "IX", "old_age": "V", "survivors": "X"}}
# branch as written in a file -> branch
BRANCH_NAMES = {
    "invalidity": "invalidity",
    "invalidité": "invalidity",
    "disability": "invalidity",
    "ii": "invalidity",
    "part ii": "invalidity",
    "old age": "old_age",
    "old-age": "old_age",
    "vieillesse": "old_age",
    "iii": "old_age",
    "part iii": "old_age",
    "survivors": "survivors",
    "survivors'": "survivors",
    "survivants": "survivors",
    "iv": "survivors",
    "part iv": "survivors",
}
# Convention -> the C102 Parts it takes over (all of them, or per accepted branch)
TAKES_OVER = {
    "C121": ("VI",),
    "C128": ("V", "IX", "X"),
    "C130": ("II", "III"),
    "C168": ("IV",),
    "C183": (),
}
_CODE = re.compile(r"^\s*(?:C|No\.?|N°)?\s*0*(\d{2,3})\s*$", re.IGNORECASE)


def parse_convention(text):
    """``"C128"`` from ``"C128"``, ``"c 128"``, ``"No. 128"``, ``128``; ``""`` for an
    empty cell; ``None`` for a Convention that is not one of ``CONVENTIONS``."""
    text = str(text if text is not None else "").strip()
    if text.endswith(".0"):
        text = text[:-2]
    if not text:
        return ""
    match = _CODE.match(text)
    code = f"C{int(match.group(1))}" if match else None
    return code if code in CONVENTIONS else None


def parse_branches(convention, text):
    """``(branches, bad)`` of a Convention's accepted branches (``()`` where the
    Convention has none to choose: every branch applies)."""
    names = BRANCHES.get(convention)
    text = str(text or "").strip()
    if not names or not text:
        return (), []
    found, bad = set(), []
    for token in re.split(r"[,;/]", text):
        key = re.sub(r"\s+", " ", token.strip().lower())
        if not key:
            continue
        branch = BRANCH_NAMES.get(key)
        (found.add(branch) if branch else bad.append(token.strip()))
    return tuple(b for b in names if b in found), bad


def parts_taken_over(convention, branches=()):
    """The C102 Parts that cease to apply when ``convention`` is ratified with
    ``branches`` accepted (every branch when the Convention has none to choose or
    none is recorded)."""
    names = BRANCHES.get(convention)
    if names and branches:
        return tuple(names[b] for b in branches if b in names)
    return TAKES_OVER.get(convention, ())


def superseding(part, ratified):
    """The Convention that took over C102 ``part`` among ``ratified`` (``{code:
    branches}``), or ``None``; the lowest number first."""
    for convention in sorted(ratified, key=lambda c: int(c[1:])):
        if part in parts_taken_over(convention, ratified[convention]):
            return convention
    return None


def read_convention_row(convention, cells):
    """``(facts, errors)`` of a row about another Convention than C102: ``date``,
    ``date_precision`` and ``branches``; errors as ``(code, params)``."""
    facts, errors = {}, []
    parsed = (
        parse_date(cells.get("date")) if cells.get("date") not in (None, "") else None
    )
    if parsed:
        facts["date"], facts["date_precision"] = parsed
    else:
        errors.append(("bad_date", {"value": str(cells.get("date") or "")}))
    branches, bad = parse_branches(
        convention, cells.get("branches") or cells.get("parts")
    )
    if bad:
        errors.append(("unknown_branches", {"branches": ", ".join(bad)}))
    facts["branches"] = branches
    return facts, errors
