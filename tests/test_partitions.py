from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from engagement.partitions import day_of_run, day_window, parse_day


def test_day_is_utc_date_of_logical_date():
    ist = timezone(timedelta(hours=5, minutes=30))
    assert day_of_run(datetime(2025, 11, 17, 0, 0, tzinfo=UTC)) == date(2025, 11, 17)
    # 02:00 in New Delhi is still the previous UTC day
    assert day_of_run(datetime(2025, 11, 17, 2, 0, tzinfo=ist)) == date(2025, 11, 16)


def test_naive_logical_date_is_refused():
    with pytest.raises(ValueError):
        day_of_run(datetime(2025, 11, 17))


def test_window_is_half_open_whole_day():
    start, end = day_window(date(2025, 11, 17))
    assert start == datetime(2025, 11, 17, tzinfo=UTC)
    assert end - start == timedelta(days=1)
    assert parse_day("2025-11-17") == date(2025, 11, 17)
