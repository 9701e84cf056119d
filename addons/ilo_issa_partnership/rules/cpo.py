# Copyright 2026 ILO-ISSA partnership programme
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Decent Work Country Programme outcomes: the ILO's CPO code of a country programme
outcome, e.g. "SEN 101" (the country's ISO alpha-3 code, or a regional code such as
RAF, then the outcome's three digits)."""

import re

_CPO = re.compile(r"^\s*([A-Za-z]{3})[\s\-_]*(\d{3})\s*$")


def normalise_cpo(text):
    """``"SEN 101"`` from ``"SEN 101"``, ``"sen101"``, ``"SEN-101"``; ``None`` when
    the text is no CPO code; ``""`` for an empty one."""
    text = str(text or "").strip()
    if not text:
        return ""
    match = _CPO.match(text)
    return f"{match.group(1).upper()} {match.group(2)}" if match else None
