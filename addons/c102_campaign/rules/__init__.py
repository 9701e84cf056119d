"""Pure rules of Convention No. 102, with no ORM import (unit-tested directly)."""

from .article2 import CORE_PARTS, PARTS, Article2Result, check_article_2, parse_parts
from .country_names import PREDECESSORS, CountryIndex
from .ratification import (
    ARTICLE3_EXCEPTIONS,
    FACT_KEYS,
    RowFacts,
    changes,
    entry_into_force,
    header_map,
    merge,
    needs_article_2,
    read_row,
)
from .standards import (
    BASES,
    STANDARDS,
    Failure,
    GapResult,
    PartStandard,
    assess_part,
)

__all__ = [
    "ARTICLE3_EXCEPTIONS",
    "BASES",
    "CORE_PARTS",
    "FACT_KEYS",
    "PARTS",
    "PREDECESSORS",
    "STANDARDS",
    "Article2Result",
    "CountryIndex",
    "Failure",
    "GapResult",
    "PartStandard",
    "RowFacts",
    "assess_part",
    "changes",
    "check_article_2",
    "entry_into_force",
    "header_map",
    "merge",
    "needs_article_2",
    "parse_parts",
    "read_row",
]
