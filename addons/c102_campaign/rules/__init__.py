"""Pure rules of Convention No. 102, with no ORM import (unit-tested directly)."""

from .article2 import CORE_PARTS, PARTS, Article2Result, check_article_2, parse_parts
from .standards import (
    BASES,
    STANDARDS,
    Failure,
    GapResult,
    PartStandard,
    assess_part,
)

__all__ = [
    "BASES",
    "CORE_PARTS",
    "PARTS",
    "STANDARDS",
    "Article2Result",
    "Failure",
    "GapResult",
    "PartStandard",
    "assess_part",
    "check_article_2",
    "parse_parts",
]
