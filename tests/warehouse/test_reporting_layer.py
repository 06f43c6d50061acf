"""The reporting layer BI users query: pairs both ways, one date rule for coarse dates shared by
every view and macro (macro totals = view totals), input checks that fail loudly, evidence one
join away, rounded numbers."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pytest
from engagement import aggregate
from engagement.config import load_settings
from warehouse_staging import article, event_mention, write_day

DAY = date(2024, 11, 3)
SENTENCES = [
    "Modi visited Moscow on 22 October.",
    "India and Russia signed a trade pact in October.",
    "Russia accused India of delays in 2024.",
    "India criticised Pakistan on 5 October.",
    "India and Pakistan held talks in September.",
    "Xi and Modi met from 30 October to 2 November.",
    "Modi will visit Tokyo in December.",
    "Modi visited Moscow again on 24 October.",
]
ARTICLE = article("wire-001", "wire", "2024-11-03T08:00:00", "en", SENTENCES)
# (idx, pair, cameo, status, event_date, extra): each its own event (distinct family or date).
EVENTS = [
    (0, ("IND", "RUS"), "042", "held", "2024-10-22", {"source": "IND", "target": "RUS"}),
    (1, ("IND", "RUS"), "057", "held", "2024-10", {}),
    (2, ("IND", "RUS"), "112", "held", "2024", {"source": "RUS", "target": "IND"}),
    (3, ("IND", "PAK"), "111", "held", "2024-10-05", {"source": "IND", "target": "PAK"}),
    (4, ("IND", "PAK"), "040", "held", "2024-09", {}),
    (5, ("CHN", "IND"), "040", "held", "2024-10-30", {"event_date_end": "2024-11-02"}),
    (6, ("IND", "JPN"), "036", "planned", "2024-12", {}),
    (7, ("IND", "RUS"), "042", "held", "2024-10-24", {"source": "IND", "target": "RUS"}),
]
TOTALS = "events, cooperation, conflict, outgoing, incoming, mentions, goldstein_sum"


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    """The warehouse loaded once for the module (read-only queries only)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path_factory.mktemp("layer") / "data"))
        settings = load_settings()
    mentions = [
        event_mention("wire-001", idx, pair, cameo, status, when, SENTENCES[idx], **extra)
        for idx, pair, cameo, status, when, extra in EVENTS
    ]
    write_day(settings, DAY, [ARTICLE], [], mentions)
    aggregate.run(DAY, settings)
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as connection:
        yield connection


def rows(con, sql, *params):
    return con.execute(sql, list(params)).fetchall()


def test_every_pair_reads_both_ways(con):
    assert rows(
        con,
        f"SELECT year, {TOTALS} FROM reporting.country_partner_yearly WHERE country = 'RUS' AND partner = 'IND'",
    ) == [(date(2024, 1, 1), 4, 3, 1, 1, 2, 4, 9.8)]
    forward = rows(con, f"SELECT country, partner, month, {TOTALS} FROM reporting.country_partner_monthly")
    backward = rows(
        con,
        "SELECT partner, country, month, events, cooperation, conflict, incoming, outgoing, mentions, goldstein_sum"
        " FROM reporting.country_partner_monthly",
    )
    assert sorted(forward) == sorted(backward)
    assert rows(con, "SELECT count(*) FROM reporting.country_partner_events") == [(2 * len(EVENTS),)]


def test_cooperation_and_conflict_are_counted_apart(con):
    assert rows(
        con,
        "SELECT partner, events, cooperation, conflict, goldstein_sum, rank, cooperation_rank, conflict_rank"
        " FROM reporting.country_partners_between('IND', '2024-01-01', '2024-12-31')",
    ) == [
        ("RUS", 4, 3, 1, 9.8, 1, 1, 1),
        ("PAK", 2, 1, 1, -1.0, 2, 2, 2),
        ("CHN", 1, 1, 0, 1.0, 3, 3, 3),
    ]


def test_coarse_dates_count_only_where_their_whole_period_fits(con):
    daily = rows(con, "SELECT partner, date FROM reporting.country_partner_daily WHERE country = 'IND' ORDER BY ALL")
    # Month- and year-precision events on no day; the meeting of 30 Oct - 2 Nov on its first day.
    assert daily == [
        ("CHN", date(2024, 10, 30)),
        ("PAK", date(2024, 10, 5)),
        ("RUS", date(2024, 10, 22)),
        ("RUS", date(2024, 10, 24)),
    ]
    monthly = rows(
        con, "SELECT partner, month, events FROM reporting.country_partner_monthly WHERE country = 'IND' ORDER BY ALL"
    )
    assert monthly == [
        ("CHN", date(2024, 10, 1), 1),
        ("PAK", date(2024, 9, 1), 1),
        ("PAK", date(2024, 10, 1), 1),
        ("RUS", date(2024, 10, 1), 3),
    ]
    # The wide pair views follow the same rule (they count every status: the planned visit too).
    assert rows(con, "SELECT actor1, actor2, year, events FROM reporting.dyad_yearly ORDER BY ALL") == [
        ("CHN", "IND", date(2024, 1, 1), 1),
        ("IND", "JPN", date(2024, 1, 1), 1),
        ("IND", "PAK", date(2024, 1, 1), 2),
        ("IND", "RUS", date(2024, 1, 1), 4),
    ]
    assert rows(con, "SELECT sum(events) FROM reporting.dyad_daily") == [(4,)]
    # A window that cuts October in half holds no October-precision event.
    assert rows(
        con, "SELECT partner, events FROM reporting.country_partners_between('IND', '2024-10-01', '2024-10-23')"
    ) == [("PAK", 1), ("RUS", 1)]


def window_totals(con, country, start, end):
    return rows(
        con,
        f"SELECT partner, {TOTALS} FROM reporting.country_partners_between(?, ?, ?) ORDER BY partner",
        country,
        start,
        end,
    )


def view_totals(con, view, column, country, period):
    return rows(
        con,
        f"SELECT partner, {TOTALS} FROM reporting.{view} WHERE country = ? AND {column} = ? ORDER BY partner",
        country,
        period,
    )


@pytest.mark.parametrize("country", ["IND", "RUS", "PAK", "CHN"])
def test_macro_totals_equal_view_totals_for_every_day_month_and_year(con, country):
    """Every day an event starts or ends on or next to, months August to December, the year: macro = view."""
    nonempty = 0
    for day in sorted(
        {date(2024, 10, d) for d in (1, 4, 5, 6, 21, 22, 23, 24, 25, 30, 31)}
        | {date(2024, 11, 1), date(2024, 11, 2), date(2024, 9, 1), date(2024, 9, 30)}
    ):
        assert window_totals(con, country, day, day) == view_totals(con, "country_partner_daily", "date", country, day)
    for month in range(8, 13):
        start = date(2024, month, 1)
        end = (start + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        totals = window_totals(con, country, start, end)
        assert totals == view_totals(con, "country_partner_monthly", "month", country, start)
        nonempty += bool(totals)
    year = date(2024, 1, 1)
    assert window_totals(con, country, year, date(2024, 12, 31)) == view_totals(
        con, "country_partner_yearly", "year", country, year
    )
    assert nonempty >= 1


def test_pair_timeline_is_the_pair_view_in_either_order(con):
    timeline = rows(
        con,
        f"SELECT period, period_end, {TOTALS} FROM reporting.pair_timeline('rus', 'IND', '2024-01-01', '2024-12-31')",
    )
    assert timeline == rows(
        con,
        f"SELECT month, last_day(month), {TOTALS} FROM reporting.country_partner_monthly"
        " WHERE country = 'RUS' AND partner = 'IND' ORDER BY month",
    )
    assert timeline == [(date(2024, 10, 1), date(2024, 10, 31), 3, 3, 0, 0, 2, 3, 11.8)]
    yearly = rows(
        con,
        "SELECT period, events FROM reporting.pair_timeline('IND', 'RUS', '2024-01-01', '2024-12-31', grain := 'YEAR')",
    )
    assert yearly == [(date(2024, 1, 1), 4)]


def test_lower_case_codes_are_accepted(con):
    assert window_totals(con, "ind", "2024-01-01", "2024-12-31") == window_totals(
        con, "IND", "2024-01-01", "2024-12-31"
    )


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        (
            "SELECT * FROM reporting.country_partners_between('XYZ', '2024-01-01', '2024-12-31')",
            "unknown country code 'XYZ'",
        ),
        (
            "SELECT * FROM reporting.country_partners_between('India', '2024-01-01', '2024-12-31')",
            "unknown country code 'India'",
        ),
        (
            "SELECT * FROM reporting.country_partners_between('IND', '2024-12-31', '2024-01-01')",
            "from_date 2024-12-31 is after to_date 2024-01-01",
        ),
        (
            "SELECT * FROM reporting.country_partners_between('IND', NULL, '2024-01-01')",
            "from_date and to_date are required",
        ),
        (
            "SELECT * FROM reporting.pair_timeline('IND', 'QQQ', '2024-01-01', '2024-12-31')",
            "unknown country code 'QQQ'",
        ),
        (
            "SELECT * FROM reporting.pair_timeline('IND', 'RUS', '2024-01-01', '2024-12-31', grain := 'week')",
            "unknown grain 'week'",
        ),
        ("SELECT * FROM reporting.pair_timeline('IND', 'RUS', '2025-01-01', '2024-12-31')", "is after to_date"),
        ("SELECT * FROM reporting.engagements_from(NULL)", "from_date is required"),
    ],
)
def test_bad_arguments_are_errors_not_empty_answers(con, sql, message):
    with pytest.raises(duckdb.InvalidInputException, match=message):
        con.execute(sql).fetchall()


def test_unknown_country_is_an_error_even_on_an_empty_warehouse(settings):
    write_day(settings, DAY, [], [], [])
    aggregate.run(DAY, settings)
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        assert rows(
            con, "SELECT count(*) FROM reporting.country_partners_between('IND', '2024-01-01', '2024-12-31')"
        ) == [(0,)]
        with pytest.raises(duckdb.InvalidInputException, match="unknown country code 'XXX'"):
            con.execute(
                "SELECT * FROM reporting.country_partners_between('XXX', '2024-01-01', '2024-12-31')"
            ).fetchall()


def test_engagements_from_a_day_list_announced_events_dated_from_that_day(con):
    assert rows(
        con, "SELECT pair, status, expected_date, date_start, days_until FROM reporting.engagements_from('2024-11-03')"
    ) == [("IND-JPN", "planned", "2024-12", date(2024, 12, 1), 28)]
    assert rows(con, "SELECT count(*) FROM reporting.engagements_from('2024-12-02')") == [(0,)]


def test_events_with_evidence_carries_its_evidence_article(con):
    [row] = rows(
        con,
        "SELECT pair, family, cameo, cameo_name = (SELECT name FROM core.cameo_codes WHERE cameo = '112'),"
        " status, event_date, date_precision, date_start, date_end,"
        " level, evidence_text, article_title, article_url, article_source, article_language,"
        " article_published_at::VARCHAR, mentions, goldstein"
        " FROM reporting.events_with_evidence WHERE cameo = '112'",
    )
    assert row == (
        "IND-RUS",
        "11",
        "112",
        True,
        "held",
        "2024",
        "year",
        date(2024, 1, 1),
        date(2024, 12, 31),
        "head_of_government",
        "Russia accused India of delays in 2024.",
        ARTICLE["title"],
        "https://wire.example/wire-001",
        "wire",
        "en",
        "2024-11-03 08:00:00+00",
        1,
        -2.0,
    )
    assert rows(con, "SELECT count(*) FROM reporting.events_with_evidence") == [(len(EVENTS),)]


def test_numbers_are_rounded(con):
    # 1.9 + 1.9 + 8.0 in binary floating point is 11.799999999999999.
    assert rows(
        con,
        "SELECT goldstein_sum, goldstein_mean FROM reporting.country_partner_monthly"
        " WHERE country = 'IND' AND partner = 'RUS'",
    ) == [(11.8, 3.93)]
    unrounded = rows(
        con,
        "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'reporting'"
        " AND data_type = 'DOUBLE' AND column_name NOT IN ('goldstein_sum', 'goldstein_mean', 'goldstein')",
    )
    assert unrounded == []
