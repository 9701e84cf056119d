"""Pure rules of the partnership programme, with no ORM import."""

from .status import StatusInput, project_status

__all__ = ["StatusInput", "project_status"]
