"""IATI 2.03 export: element building and validation, with no ORM import."""

from .builder import ILO, IMPLEMENTERS, build_activities, check_rules, country_shares
from .validate import schema_path, validate_xml

__all__ = [
    "ILO",
    "IMPLEMENTERS",
    "build_activities",
    "check_rules",
    "country_shares",
    "schema_path",
    "validate_xml",
]
