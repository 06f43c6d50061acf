"""Publication timestamps from the formats news sources actually use, made timezone aware.

Feeds use RFC 822 dates, pages and file drops ISO 8601. A date without a time means midnight
UTC (the corpus convention); a time without a zone is read in the source's own timezone,
because that is where the newsroom's clock hangs.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from email.utils import parsedate_to_datetime

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_published(value: object, source_tz: tzinfo) -> datetime:
    """Aware UTC datetime for ``value``; ValueError if it is not a date we can trust."""
    if isinstance(value, datetime):
        moment = value
    else:
        text = str(value).strip()
        if not text:
            raise ValueError("empty date")
        if _DATE_ONLY.match(text):
            return datetime.fromisoformat(text).replace(tzinfo=UTC)
        moment = _parse_text(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=source_tz)
    try:
        return moment.astimezone(UTC)
    except OverflowError as error:  # 0001-01-01T00:00+05:00 has no UTC moment
        raise ValueError(f"date {value!s} is outside the calendar in UTC") from error


def _parse_text(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError) as error:
        raise ValueError(f"unrecognised date {text!r}") from error
