"""IATI 2.03 export: element building and validation, with no ORM import."""

from .builder import build_activities, check_rules
from .validate import schema_path, validate_xml

__all__ = ["build_activities", "check_rules", "schema_path", "validate_xml"]
