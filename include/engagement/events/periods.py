"""Calendar periods of event dates written at year, month or day precision (``YYYY``,
``YYYY-MM``, ``YYYY-MM-DD``): shared by the coder and the warehouse's clustering."""

from __future__ import annotations

import calendar
from datetime import date


def period_bounds(value: str | None) -> tuple[date, date, str] | None:
    """First day, last day and precision of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, else None."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31), "year"
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last), "month"
        if len(parts) == 3:
            day = date(parts[0], parts[1], parts[2])
            return day, day, "day"
    except ValueError:
        return None
    return None


def bounds(value: str, precision: str) -> tuple[date, date]:
    """First and last calendar day covered by a date at its precision."""
    if precision == "year" or len(value) == 4:
        y = int(value[:4])
        return date(y, 1, 1), date(y, 12, 31)
    if precision == "month" or len(value) == 7:
        y, m = int(value[:4]), int(value[5:7])
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1)
    d = date.fromisoformat(value[:10])
    return d, d


def precision_of(value: str) -> str:
    """The precision a date value is written at."""
    return {4: "year", 7: "month"}.get(len(value), "day")


def years_later(value: str, years: int) -> str:
    """The same month or day ``years`` later (earlier when negative); 29 February becomes the
    28th in a year without it."""
    year = int(value[:4]) + years
    if value[4:] == "-02-29" and not calendar.isleap(year):
        return f"{year}-02-28"
    return f"{year}{value[4:]}"
