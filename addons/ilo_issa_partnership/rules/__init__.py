"""Pure rules of the partnership programme, with no ORM import."""

from .figures import women_share
from .results import PeriodValue, check_value, progress, value_to_date
from .status import StatusInput, project_status
from .urls import is_web_url

__all__ = [
    "PeriodValue",
    "StatusInput",
    "check_value",
    "is_web_url",
    "progress",
    "project_status",
    "value_to_date",
    "women_share",
]
