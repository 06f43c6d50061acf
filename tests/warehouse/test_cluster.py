"""Event clustering: one real-world event per happening, whatever the order of the reports."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl
import pytest
from engagement.events.periods import period_bounds
from engagement.warehouse.event_rows import cluster_events, event_id_for
from warehouse_staging import EVENT_MENTION_SCHEMA, event_mention

IND_RUS = ("IND", "RUS")


def with_articles(rows: list[dict], published: dict[str, str]) -> pl.DataFrame:
    """events.parquet rows plus their article's fields (publication time, outlet, title, url)."""
    frame = pl.DataFrame(rows, schema=EVENT_MENTION_SCHEMA)
    articles = pl.DataFrame(
        {
            "article_id": list(published),
            "published_at": [datetime.fromisoformat(p).replace(tzinfo=UTC) for p in published.values()],
            "outlet": [a.split("-")[0] for a in published],
            "article_title": [f"Report {a}" for a in published],
            "article_url": [f"https://{a.split('-')[0]}.example/{a}" for a in published],
            "article_language": ["en" for _ in published],
        }
    )
    return frame.join(articles, on="article_id", how="left")


def events_of(rows, published):
    assignments, events = cluster_events(with_articles(rows, published))
    return dict(assignments.iter_rows()), events.to_dicts()


def test_announced_then_held_meeting_is_one_event_with_latest_status():
    rows = [
        event_mention(
            "pti-1",
            0,
            IND_RUS,
            "036",
            "planned",
            "2024-10-22",
            "Modi will meet Putin",
            topics=["summit"],
            level="head_of_government",
        ),
        event_mention(
            "pti-1",
            1,
            IND_RUS,
            "036",
            "planned",
            "2024-10-22",
            "They will discuss trade",
            topics=["trade"],
        ),
        event_mention(
            "reuters-1",
            0,
            IND_RUS,
            "040",
            "held",
            "2024-10-22",
            "Modi and Putin held talks",
            location="RUS",
            forum="BRICS",
            level="head_of_state",
            topics=["energy"],
        ),
    ]
    assignment, events = events_of(rows, {"pti-1": "2024-10-21T06:00", "reuters-1": "2024-10-23T08:00"})
    assert len(events) == 1
    event = events[0]
    assert event["event_id"] == event_id_for("pti-1:0")
    assert set(assignment.values()) == {event["event_id"]}
    assert (event["status"], event["cameo"], event["family"]) == ("held", "040", "04")
    assert (event["level"], event["location"], event["forum"]) == ("head_of_state", "RUS", "BRICS")
    assert event["topics"] == ["energy", "summit", "trade"]
    assert (event["mentions"], event["articles"], event["sources"]) == (3, 2, 2)
    assert event["first_reported"].day == 21 and event["last_reported"].day == 23


def test_month_mention_joins_the_single_day_event_inside_its_month_else_stands_alone():
    one_day = [
        event_mention("pti-1", 0, IND_RUS, "040", "held", "2024-10-22", "talks in Kazan"),
        event_mention("bbc-1", 0, IND_RUS, "036", "planned", "2024-10", "अक्टूबर में मिलेंगे"),
    ]
    published = {
        "pti-1": "2024-10-23T06:00",
        "bbc-1": "2024-10-10T06:00",
        "ani-1": "2024-10-29T06:00",
    }
    _, events = events_of(one_day, published)
    assert len(events) == 1
    assert (events[0]["event_date"], events[0]["date_precision"]) == ("2024-10-22", "day")

    two_days = one_day + [event_mention("ani-1", 0, IND_RUS, "040", "held", "2024-10-28", "talks again")]
    assignment, events = events_of(two_days, published)
    assert len(events) == 3
    assert len({assignment["bbc-1:0"], assignment["pti-1:0"], assignment["ani-1:0"]}) == 3


def test_same_month_mentions_without_a_day_event_share_one_event():
    rows = [
        event_mention("bbc-1", 0, IND_RUS, "036", "planned", "2024-10", "अक्टूबर में मिलेंगे"),
        event_mention("ani-1", 0, IND_RUS, "036", "planned", "2024-10", "will meet in October"),
        event_mention("ani-2", 0, IND_RUS, "036", "planned", "2024-11", "will meet in November"),
    ]
    published = {
        "bbc-1": "2024-09-01T06:00",
        "ani-1": "2024-09-02T06:00",
        "ani-2": "2024-09-03T06:00",
    }
    assignment, events = events_of(rows, published)
    assert len(events) == 2
    assert assignment["bbc-1:0"] == assignment["ani-1:0"] != assignment["ani-2:0"]


def test_location_family_and_pair_separate_events():
    rows = [
        event_mention("a-1", 0, IND_RUS, "040", "held", "2024-10-22", "talks in Kazan", location="RUS"),
        event_mention("b-1", 0, IND_RUS, "040", "held", "2024-10-22", "talks in Delhi", location="IND"),
        event_mention("c-1", 0, IND_RUS, "040", "held", "2024-10-22", "talks held"),
        event_mention("d-1", 0, IND_RUS, "112", "held", "2024-10-22", "Russia criticised India"),
        event_mention("e-1", 0, ("CHN", "IND"), "040", "held", "2024-10-22", "India China talks"),
    ]
    published = {k: "2024-10-23T06:00" for k in ("a-1", "b-1", "c-1", "d-1", "e-1")}
    assignment, events = events_of(rows, published)
    assert len(events) == 4
    assert assignment["c-1:0"] == assignment["a-1:0"]  # unknown location joins the first compatible
    assert assignment["b-1:0"] != assignment["a-1:0"]
    assert assignment["d-1:0"] not in (assignment["a-1:0"], assignment["b-1:0"])


def test_overlapping_day_ranges_join_and_disjoint_days_do_not():
    rows = [
        event_mention("a-1", 0, IND_RUS, "040", "held", "2024-10-22", "day one", event_date_end="2024-10-24"),
        event_mention("b-1", 0, IND_RUS, "040", "held", "2024-10-24", "day three"),
        event_mention("c-1", 0, IND_RUS, "040", "held", "2024-10-26", "another meeting"),
    ]
    published = {"a-1": "2024-10-25T06:00", "b-1": "2024-10-25T07:00", "c-1": "2024-10-27T07:00"}
    assignment, _ = events_of(rows, published)
    assert assignment["a-1:0"] == assignment["b-1:0"] != assignment["c-1:0"]


def test_cancellation_in_the_latest_article_wins_and_ties_prefer_cancelled():
    rows = [
        event_mention("a-1", 0, IND_RUS, "036", "planned", "2024-11-05", "will visit"),
        event_mention("b-1", 0, IND_RUS, "036", "held", "2024-11-05", "visited"),
        event_mention("b-1", 1, IND_RUS, "036", "cancelled", "2024-11-05", "visit called off"),
    ]
    _, events = events_of(rows, {"a-1": "2024-11-01T06:00", "b-1": "2024-11-04T06:00"})
    assert [e["status"] for e in events] == ["cancelled"]


def test_result_does_not_depend_on_input_order():
    rows = [
        event_mention("pti-1", 0, IND_RUS, "036", "planned", "2024-10-22", "will meet"),
        event_mention("bbc-1", 0, IND_RUS, "036", "planned", "2024-10", "मिलेंगे"),
        event_mention("reu-1", 0, IND_RUS, "040", "held", "2024-10-22", "met", location="RUS"),
        event_mention("reu-1", 1, ("CHN", "IND"), "040", "held", "2024", "met this year"),
    ]
    published = {
        "pti-1": "2024-10-21T06:00",
        "bbc-1": "2024-10-21T09:00",
        "reu-1": "2024-10-23T08:00",
    }
    forward = cluster_events(with_articles(rows, published))
    backward = cluster_events(with_articles(rows[::-1], published))
    assert forward[0].equals(backward[0]) and forward[1].equals(backward[1])
    assert forward[1].height == 2


def test_period_bounds_reads_all_precisions_and_rejects_garbage():
    assert period_bounds("2024-02") == (
        datetime(2024, 2, 1).date(),
        datetime(2024, 2, 29).date(),
        "month",
    )
    assert period_bounds("2024")[1] == datetime(2024, 12, 31).date()
    assert period_bounds("2024-13-01") is None and period_bounds("next week") is None


def test_held_rounds_of_a_year_do_not_join_the_talks_cancelled_that_year():
    rows = [
        event_mention("a-1", 0, IND_RUS, "040", "cancelled", "2025-11-20", "talks called off"),
        event_mention("a-1", 1, IND_RUS, "040", "held", "2025", "two rounds earlier this year"),
        event_mention("b-1", 0, IND_RUS, "040", "cancelled", "2025-11", "talks postponed"),
    ]
    assignment, events = events_of(rows, {"a-1": "2025-11-19T06:00", "b-1": "2025-11-19T08:00"})
    assert assignment["a-1:0"] == assignment["b-1:0"] != assignment["a-1:1"]
    assert sorted(e["status"] for e in events) == ["cancelled", "held"]


@pytest.mark.parametrize("published", ["2025-11-23T06:00", "2025-11-22T18:00"])
def test_a_plan_published_after_or_on_the_day_of_held_talks_is_a_later_occurrence(published):
    """The next day ("invited for the next summit") or in the report of the day's talks ("invited
    him for a return visit"): either way not the talks themselves."""
    rows = [
        event_mention("a-1", 0, IND_RUS, "040", "held", "2025-11-22", "the leaders met in Moscow"),
        event_mention("a-1", 1, IND_RUS, "036", "planned", "2025-11", "invited him for a return visit"),
    ]
    assignment, _ = events_of(rows, {"a-1": published})
    assert assignment["a-1:0"] != assignment["a-1:1"]


def test_a_plan_told_during_a_visit_going_on_joins_the_visit():
    visit = [
        event_mention("b-1", 0, IND_RUS, "042", "ongoing", "2025-11-22", "is on a visit to Moscow"),
        event_mention("b-1", 1, IND_RUS, "042", "planned", "2025-11", "will also visit Kazan on the trip"),
    ]
    assignment, events = events_of(visit, {"b-1": "2025-11-22T18:00"})
    assert assignment["b-1:0"] == assignment["b-1:1"]
    assert [e["status"] for e in events] == ["ongoing"]


def test_a_plenary_groups_by_forum_and_never_joins_a_bilateral_meeting():
    plenary = {"actor1": None, "actor2": None, "forum": "SCO"}
    rows = [
        event_mention("a-1", 0, IND_RUS, "040", "held", "2025-11-25", "met", forum="SCO"),
        event_mention(
            "a-1",
            1,
            IND_RUS,
            "040",
            "held",
            "2025-11-25",
            "plenary",
            **plenary,
            participants=["CHN", "IND", "RUS"],
        ),
        event_mention(
            "b-1",
            0,
            IND_RUS,
            "040",
            "held",
            "2025-11-25",
            "plenary",
            **plenary,
            participants=["CHN", "IND", "PAK", "RUS"],
        ),
    ]
    assignment, events = events_of(rows, {"a-1": "2025-11-25T06:00", "b-1": "2025-11-25T08:00"})
    assert assignment["a-1:1"] == assignment["b-1:0"] != assignment["a-1:0"]
    [merged] = [e for e in events if e["actor1"] is None]
    assert (merged["forum"], merged["participants"]) == ("SCO", ["CHN", "IND", "PAK", "RUS"])


def test_a_protest_and_the_counter_accusation_are_two_events():
    pair, day = ("IND", "PAK"), "2025-05-08"
    india, pakistan = {"source": "IND", "target": "PAK"}, {"source": "PAK", "target": "IND"}
    rows = [
        event_mention("a-1", 0, pair, "111", "held", day, "India protests", **india),
        event_mention("a-1", 1, pair, "112", "held", day, "Pakistan accuses India", **pakistan),
        event_mention("b-1", 0, pair, "111", "held", day, "India lodged a protest", **india),
        # the same code read the other way round is one report misread, not a new event
        event_mention("c-1", 0, pair, "111", "held", day, "protest, direction misread", **pakistan),
    ]
    published = {k: "2025-05-08T12:00" for k in ("a-1", "b-1", "c-1")}
    assignment, events = events_of(rows, published)
    assert len(events) == 2
    assert assignment["a-1:0"] == assignment["b-1:0"] == assignment["c-1:0"] != assignment["a-1:1"]
    assert {(e["source"], e["target"], e["cameo"]) for e in events} == {("IND", "PAK", "111"), ("PAK", "IND", "112")}


def test_summonses_both_ways_in_one_article_are_two_events_and_later_reports_join_their_own():
    pair, day = ("IND", "PAK"), "2019-02-27"
    india, pakistan = {"source": "IND", "target": "PAK"}, {"source": "PAK", "target": "IND"}
    rows = [
        event_mention("a-1", 0, pair, "111", "held", day, "India summoned Pakistan's envoy", **india),
        event_mention("a-1", 1, pair, "111", "held", day, "Pakistan also summoned India's envoy", **pakistan),
        event_mention("b-1", 0, pair, "111", "held", day, "Islamabad summons Indian envoy", **pakistan),
        event_mention("c-1", 0, pair, "111", "held", day, "New Delhi summons Pakistani envoy", **india),
    ]
    published = {"a-1": "2019-02-27T12:00", "b-1": "2019-02-27T13:00", "c-1": "2019-02-27T14:00"}
    assignment, events = events_of(rows, published)
    assert assignment["a-1:0"] == assignment["c-1:0"] != assignment["a-1:1"] == assignment["b-1:0"]
    assert sorted((e["source"], e["target"], e["mentions"]) for e in events) == [("IND", "PAK", 2), ("PAK", "IND", 2)]


def test_a_visit_and_the_talks_held_on_it_are_two_events_and_an_announcement_joins_the_talks():
    day = "2025-03-12"
    rows = [
        event_mention("a-1", 0, IND_RUS, "042", "held", day, "Putin arrived in New Delhi", source="RUS", target="IND"),
        event_mention("a-1", 1, IND_RUS, "040", "held", day, "Putin and Modi held talks"),
        event_mention("b-1", 0, IND_RUS, "040", "held", day, "the two leaders met"),
        event_mention("c-1", 0, IND_RUS, "036", "planned", "2025-03", "Modi will meet Putin in March"),
    ]
    published = {"a-1": "2025-03-12T18:00", "b-1": "2025-03-12T20:00", "c-1": "2025-02-20T09:00"}
    assignment, events = events_of(rows, published)
    assert len(events) == 2
    assert assignment["a-1:1"] == assignment["b-1:0"] == assignment["c-1:0"] != assignment["a-1:0"]


def test_ties_restored_and_a_leaders_thanks_are_two_events():
    pair = ("RUS", "USA")
    rows = [
        event_mention("a-1", 0, pair, "051", "held", "2025-06-16", "Putin thanked Biden"),
        event_mention("a-1", 1, pair, "050", "planned", "2025-06", "they will return their ambassadors"),
    ]
    _, events = events_of(rows, {"a-1": "2025-06-17T08:00"})
    assert sorted(e["cameo"] for e in events) == ["050", "051"]


def test_within_one_report_a_stay_going_on_outranks_its_parts_told_as_held():
    """"Wong arrived on Wednesday on a two-day visit" (ongoing by its dates) and "she was received
    at the airport" (held) in one report: the visit is under way on the publication day."""
    ind_aus = ("AUS", "IND")
    rows = [
        event_mention("pti-9", 0, ind_aus, "042", "ongoing", "2025-11-12", "Wong arrived on a two-day visit"),
        event_mention("pti-9", 1, ind_aus, "042", "held", "2025-11-12", "She was received at the airport"),
    ]
    assignments, events = events_of(rows, {"pti-9": "2025-11-12T10:00:00"})
    assert len(set(assignments.values())) == 1
    assert [e["status"] for e in events] == ["ongoing"]
