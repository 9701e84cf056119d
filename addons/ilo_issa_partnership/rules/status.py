"""Status roll-up of a partnership project: on track / at risk / off track.

Three signals, each graded 0 (fine), 1 (warning) or 2 (serious):

- late deliverables: 1 late -> 1; 2 or more -> 2;
- spending ahead of time: delivery rate (actual / planned budget) minus the share of the
  project's duration already elapsed; more than 10 points ahead -> 1, more than
  25 points ahead -> 2 (no planned budget or no dates: 0);
- missing back-to-office reports: missions ended more than 14 days ago and not closed
  with their report; 1 -> 1; 2 or more -> 2.

The project is off track when any signal is 2, at risk when any is 1, on track
otherwise.
"""

from dataclasses import dataclass

DELIVERY_WARNING = 10.0  # percentage points ahead of elapsed time
DELIVERY_SERIOUS = 25.0
REPORT_GRACE_DAYS = 14


@dataclass(frozen=True)
class StatusInput:
    late_deliverables: int = 0
    planned: float = 0.0
    actual: float = 0.0
    elapsed_share: float | None = None  # 0..100, None when the project has no dates
    overdue_reports: int = 0


def _grade_count(count):
    return 2 if count >= 2 else 1 if count == 1 else 0


def delivery_gap(data):
    """Points by which spending runs ahead of time (None when not measurable)."""
    if data.planned <= 0 or data.elapsed_share is None:
        return None
    delivery_rate = 100.0 * data.actual / data.planned
    return delivery_rate - data.elapsed_share


def project_status(data):
    """Returns (status, reasons): status in on_track / at_risk / off_track; each
    reason is (signal, figure): ("late", count), ("delivery", points ahead) or
    ("reports", count), for the caller to word in the user's language."""
    grades, reasons = [], []
    late = _grade_count(data.late_deliverables)
    if late:
        reasons.append(("late", data.late_deliverables))
    grades.append(late)
    gap = delivery_gap(data)
    ahead = 0
    if gap is not None and gap > DELIVERY_SERIOUS:
        ahead = 2
    elif gap is not None and gap > DELIVERY_WARNING:
        ahead = 1
    if ahead:
        reasons.append(("delivery", round(gap)))
    grades.append(ahead)
    reports = _grade_count(data.overdue_reports)
    if reports:
        reasons.append(("reports", data.overdue_reports))
    grades.append(reports)
    worst = max(grades)
    return ("off_track", "at_risk", "on_track")[2 - worst], reasons
