"""How an Airflow run maps to the day of news it processes.

The DAG uses ``CronDataIntervalTimetable("@daily")``: a scheduled or backfilled run for day D
covers [D 00:00 UTC, D+1 00:00 UTC) and its logical date is D. A manual run (the UI's Trigger,
``dag.test``) carries the date the user picked as its logical date, while Airflow infers the
*previous* day as its data interval. The logical date is therefore the one field that names
"the day" in all three cases, and it is what every task uses as its partition key.
(Airflow 3's plain ``@daily`` would give zero-width intervals, where interval and logical date
coincide; the explicit timetable keeps real daily intervals for the scheduler and the UI.)
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta


def day_of_run(logical_date: datetime) -> date:
    """The UTC calendar day a run processes."""
    if logical_date.tzinfo is None:
        raise ValueError("logical_date must be timezone-aware")
    return logical_date.astimezone(UTC).date()


def day_window(day: date) -> tuple[datetime, datetime]:
    """Half-open UTC window [start, end) of articles published on ``day``."""
    start = datetime.combine(day, time.min, tzinfo=UTC)
    return start, start + timedelta(days=1)


def parse_day(value: str) -> date:
    """A partition key as passed through XCom or the CLI (``YYYY-MM-DD``)."""
    return date.fromisoformat(value)
