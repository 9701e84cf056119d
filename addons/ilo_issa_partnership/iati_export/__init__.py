"""IATI 2.03 export: element building and validation, with no ORM import."""

from .builder import ILO, IMPLEMENTERS, build_activities, country_shares
from .rules import ERROR, WARNING, check_activity, check_file, check_rules
from .validate import codelist, schema_path, validate_xml

__all__ = [
    "ERROR",
    "WARNING",
    "ILO",
    "IMPLEMENTERS",
    "build_activities",
    "check_activity",
    "check_file",
    "check_rules",
    "codelist",
    "country_shares",
    "schema_path",
    "validate_xml",
]
