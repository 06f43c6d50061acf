"""Reporting views over the two staged days: dyads, forums, topics, upcoming, partners."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest
from engagement import aggregate
from warehouse_staging import DAY_A, DAY_B, event_mention, write_stage


def rows(con, sql, *params):
    return con.execute(sql, list(params)).fetchall()


@pytest.fixture
def loaded(staged):
    aggregate.run(DAY_A, staged)
    aggregate.run(DAY_B, staged)
    with duckdb.connect(str(staged.warehouse_path), read_only=True) as con:
        yield con


def test_dyad_daily_counts_day_precision_events_by_root_quad_direction_and_status(loaded):
    assert rows(
        loaded,
        "SELECT actor1, actor2, date, events, events_1_to_2, events_2_to_1, root_04,"
        " quad_1_verbal_coop, goldstein_sum, mentions, articles, highest_level, held, planned"
        " FROM reporting.dyad_daily ORDER BY ALL",
    ) == [
        ("CHN", "IND", date(2024, 10, 21), 1, 0, 0, 1, 1, 1.0, 1, 1, "official", 1, 0),
        ("CHN", "IND", date(2024, 10, 23), 1, 0, 0, 1, 1, 1.0, 1, 1, "head_of_state", 1, 0),
        ("IND", "RUS", date(2024, 10, 22), 1, 1, 0, 1, 1, 1.0, 4, 3, "head_of_state", 1, 0),
    ]


def test_dyad_monthly_adds_up_the_month(loaded):
    assert rows(
        loaded,
        "SELECT actor1, actor2, month, events, mentions, articles, goldstein_mean"
        " FROM reporting.dyad_monthly ORDER BY ALL",
    ) == [
        ("CHN", "IND", date(2024, 10, 1), 2, 2, 2, 1.0),
        ("IND", "RUS", date(2024, 10, 1), 1, 4, 3, 1.0),
    ]


def test_forum_views_and_topics(loaded):
    assert rows(
        loaded,
        "SELECT forum, actor1, actor2, events, first_date, last_date FROM reporting.dyad_forum ORDER BY ALL",
    ) == [
        ("BRICS", "CHN", "IND", 1, date(2024, 10, 23), date(2024, 10, 23)),
        ("BRICS", "IND", "RUS", 1, date(2024, 10, 22), date(2024, 10, 22)),
    ]
    assert rows(
        loaded,
        "SELECT actor1, actor2, topic, events, mentions FROM reporting.dyad_topics ORDER BY ALL",
    ) == [
        ("CHN", "IND", "border", 1, 1),
        ("IND", "RUS", "energy", 1, 4),
        ("IND", "RUS", "summit", 1, 4),
        ("IND", "RUS", "trade", 1, 4),
    ]


def test_multilateral_meeting_yields_only_its_own_pair(settings):
    summit = event_mention(
        "ani-001",
        0,
        ("BRA", "IND"),
        "040",
        "held",
        "2024-10-23",
        "Modi met Lula at the BRICS summit with leaders of ten countries",
        forum="BRICS",
        participants=["BRA", "CHN", "IND", "RUS", "ZAF"],
    )
    write_stage(settings, DAY_B, "events", [summit])
    aggregate.run(DAY_B, settings)
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        assert rows(con, "SELECT forum, actor1, actor2 FROM reporting.forum_dyads") == [("BRICS", "BRA", "IND")]
        assert rows(con, "SELECT participants FROM core.events") == [(["BRA", "CHN", "IND", "RUS", "ZAF"],)]


def test_upcoming_engagements_lists_the_announced_meeting_before_it_is_held(staged):
    aggregate.run(DAY_A, staged)
    with duckdb.connect(str(staged.warehouse_path), read_only=True) as con:
        assert rows(
            con,
            "SELECT actor1, actor2, status, expected_date, date_precision, level, forum,"
            " evidence_text, evidence_url, days_until FROM reporting.engagements_from('2024-10-21')",
        ) == [
            (
                "IND",
                "RUS",
                "planned",
                "2024-10-22",
                "day",
                "head_of_state",
                "BRICS",
                "PM Modi will travel to Kazan for the BRICS summit on October 22,"
                " where he is expected to meet President Putin",
                "https://pti.example/pti-001",
                1,
            ),
        ]
        # The view is the macro from today: October 2024 lies in the past.
        assert rows(con, "SELECT * FROM reporting.upcoming_engagements") == []
        assert rows(con, "SELECT count(*) FROM reporting.engagements_from('2024-10-23')") == [(0,)]
    aggregate.run(DAY_B, staged)
    with duckdb.connect(str(staged.warehouse_path), read_only=True) as con:
        assert rows(con, "SELECT * FROM reporting.engagements_from('2024-10-21')") == []


def test_country_partners_ranked_per_window_and_between_dates(loaded):
    assert rows(
        loaded,
        "SELECT partner, window_days, events, mentions, goldstein_sum, rank"
        " FROM reporting.country_partners WHERE country = 'IND' ORDER BY window_days, rank",
    ) == [
        ("CHN", 30, 2, 2, 2.0, 1),
        ("RUS", 30, 1, 4, 1.0, 2),
        ("CHN", 90, 2, 2, 2.0, 1),
        ("RUS", 90, 1, 4, 1.0, 2),
        ("CHN", 365, 2, 2, 2.0, 1),
        ("RUS", 365, 1, 4, 1.0, 2),
    ]
    assert rows(
        loaded,
        "SELECT partner, events, rank FROM reporting.country_partners_between('IND', '2024-10-22', '2024-10-22')",
    ) == [("RUS", 1, 1)]
