"""Reclustering only the groups a day touches gives exactly what reclustering everything gives."""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta

import duckdb
import polars as pl
import pytest
from engagement import aggregate
from engagement.removals import record_removals
from engagement.warehouse import rebuild
from engagement.warehouse.rebuild import DayGroups, day_groups, rebuild_events
from warehouse_staging import (
    DAY_A,
    DAY_B,
    article,
    event_mention,
    group_combos_cover_the_mentions,
    part_path,
    table_checksums,
    write_day,
)

NOTHING_BEFORE = DayGroups(frozenset(), frozenset(), frozenset())


def full_recluster_checksums(warehouse, tmp_path) -> dict[str, str]:
    """Checksums of a copy of the warehouse after every mention was reclustered from scratch."""
    copy = tmp_path / "full.duckdb"
    shutil.copy(warehouse, copy)
    with duckdb.connect(str(copy)) as con:
        con.execute("DELETE FROM core.events")
        con.execute("UPDATE core.event_mentions SET event_id = NULL")
        rebuild_events(con, None, NOTHING_BEFORE)
        return table_checksums(con)


def checksums(path) -> dict[str, str]:
    with duckdb.connect(str(path), read_only=True) as con:
        assert group_combos_cover_the_mentions(con)
        return table_checksums(con)


def test_each_load_equals_a_full_recluster(staged, tmp_path):
    aggregate.run(DAY_A, staged)
    assert checksums(staged.warehouse_path) == full_recluster_checksums(staged.warehouse_path, tmp_path)
    aggregate.run(DAY_B, staged)
    assert checksums(staged.warehouse_path) == full_recluster_checksums(staged.warehouse_path, tmp_path)


def test_reloading_a_day_that_lost_mentions_removes_their_events(staged, tmp_path):
    aggregate.run(DAY_A, staged)
    aggregate.run(DAY_B, staged)
    events_path = part_path(staged, DAY_A, "events")
    kept = pl.read_parquet(events_path).filter(pl.col("article_id") != "hindu-001")
    kept.write_parquet(events_path)
    articles_path = part_path(staged, DAY_A, "articles")
    pl.read_parquet(articles_path).filter(pl.col("article_id") != "hindu-001").write_parquet(articles_path)
    record_removals(staged.raw_store, DAY_A, ["hindu-001"], "test")

    aggregate.run(DAY_A, staged)
    assert checksums(staged.warehouse_path) == full_recluster_checksums(staged.warehouse_path, tmp_path)
    with duckdb.connect(str(staged.warehouse_path), read_only=True) as con:
        orphans = con.execute(
            "SELECT count(*) FROM core.events e WHERE NOT EXISTS"
            " (SELECT 1 FROM core.event_mentions m WHERE m.event_id = e.event_id)"
        ).fetchone()
    assert orphans == (0,)


def test_day_groups_name_the_pairs_and_families_of_the_day(staged):
    aggregate.run(DAY_A, staged)
    with duckdb.connect(str(staged.warehouse_path), read_only=True) as con:
        groups = day_groups(con, DAY_A).groups
        every = day_groups(con, None).groups
    assert groups and groups <= every
    assert all(len(group) == 3 for group in groups)


@pytest.mark.integration
def test_the_demo_corpus_loaded_day_by_day_equals_a_full_recluster(tmp_path, monkeypatch):
    from engagement.cli import main as engagement
    from engagement.config import load_settings
    from engagement.ingest import landing_days

    from tests.conftest import REPO

    monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ENGAGEMENT_LANDING_DIR", str(REPO / "include" / "demo_corpus"))
    settings = load_settings()
    days = landing_days(settings)
    for day in reversed(days):  # backwards: every day's events are joined by later loads
        assert engagement(["run", "--date", day.isoformat()]) == 0
    assert checksums(settings.warehouse_path) == full_recluster_checksums(settings.warehouse_path, tmp_path)


def _generated_day(day, rng) -> tuple[list[dict], list[dict]]:
    """Six articles of one generated day, each with 1-3 event mentions of four busy pairs, dates
    at every precision (some ranges, some undated) around the publication day, some with a
    location and (protests and accusations) a direction."""
    pairs = [("IND", "RUS"), ("CHN", "IND"), ("IND", "USA"), ("CHN", "USA")]
    codes = ["040", "042", "043", "036", "057", "111", "112"]
    articles, mentions = [], []
    for number in range(6):
        article_id = f"gen-{day:%m%d}-{number}"
        row = article(
            article_id,
            rng.choice(["pti", "ani", "hindu"]),
            f"{day}T0{number}:00:00",
            "en",
            ["Talks were held. Both sides met."],
        )
        articles.append(row)
        for idx in range(rng.randint(1, 3)):
            kind = rng.random()
            if kind < 0.75:
                start = day + timedelta(days=rng.randint(-6, 4))
                when, end = (
                    start.isoformat(),
                    (start + timedelta(days=rng.randint(1, 3))).isoformat() if rng.random() < 0.2 else None,
                )
            elif kind < 0.88:
                when, end = start_month(day, rng), None
            elif kind < 0.95:
                when, end = str(day.year), None
            else:
                when, end = None, None
            pair, code = rng.choice(pairs), rng.choice(codes)
            mention = event_mention(
                article_id,
                idx,
                pair,
                code,
                rng.choice(["held", "held", "planned", "cancelled"]),
                when or "2024",
                "Talks were held.",
            )
            source = rng.choice([None, *pair]) if code.startswith("11") else None
            mention.update(
                event_date=when,
                event_date_end=end,
                date_precision=mention["date_precision"] if when else None,
                location=rng.choice([None, None, *pair]),
                source=source,
                target=None if source is None else next(country for country in pair if country != source),
            )
            mentions.append(mention)
    return articles, mentions


def start_month(day, rng) -> str:
    month = day.replace(day=1) + timedelta(days=rng.choice([-1, 0, 32]))
    return f"{month:%Y-%m}"


def test_a_generated_month_loaded_in_random_order_with_reloads_equals_a_full_recluster(settings, tmp_path):
    rng = random.Random(20261204)
    days = [date(2025, 3, 1) + timedelta(days=offset) for offset in range(30)]
    generated = {day: _generated_day(day, rng) for day in days}
    for day in rng.sample(days, len(days)):
        _load(settings, day, *generated[day])
        assert checksums(settings.warehouse_path) == full_recluster_checksums(settings.warehouse_path, tmp_path), day
    for day in rng.sample(days, 4):  # reloads that lose an article (recorded) and its mentions
        articles, mentions = generated[day]
        record_removals(settings.raw_store, day, [articles[0]["article_id"]], "reload test")
        kept = [m for m in mentions if m["article_id"] != articles[0]["article_id"]]
        _load(settings, day, articles[1:], kept)
        assert checksums(settings.warehouse_path) == full_recluster_checksums(settings.warehouse_path, tmp_path), day


def _load(settings, day, articles, mentions) -> None:
    write_day(settings, day, articles, [], mentions)
    aggregate.run(day, settings)


def test_reclustering_group_by_group_in_tiny_batches_gives_the_same_tables(settings, tmp_path, monkeypatch):
    rng = random.Random(20261205)
    days = [date(2025, 3, 1) + timedelta(days=offset) for offset in range(4)]
    generated = {day: _generated_day(day, rng) for day in days}

    def load_all() -> dict[str, str]:
        settings.warehouse_path.unlink(missing_ok=True)
        for day in reversed(days):
            _load(settings, day, *generated[day])
        return checksums(settings.warehouse_path)

    in_one_batch = load_all()
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        groups = len(day_groups(con, None).groups)
        events = con.execute("SELECT count(*) FROM core.events").fetchone()[0]
    assert groups > 10 and events > 10
    monkeypatch.setattr(rebuild, "BATCH_MENTIONS", 1)  # every group a batch of its own
    assert load_all() == in_one_batch
    assert full_recluster_checksums(settings.warehouse_path, tmp_path) == in_one_batch


def test_batches_hold_whole_groups_up_to_the_limit():
    sizes = [(0, 3), (1, 4), (2, 9), (3, 12), (4, 1), (5, 1)]
    assert rebuild._batches(sizes, 10) == [[0, 1], [2], [3], [4, 5]]  # group 3 alone, over the limit
    assert rebuild._batches(sizes, 100) == [[0, 1, 2, 3, 4, 5]]
    assert rebuild._batches([], 10) == []


def test_a_day_loaded_in_date_order_reclusters_only_its_tail(settings, tmp_path, monkeypatch):
    """A pair meets day after day in January: two-day visits chain every date to the next, and a
    plan dated only "2025" lies over all of them. Loading 20 January reclusters the mentions
    from its own date on, never the visits of earlier days (they are read as stored events) nor
    the plan, which the talks of 6 and 7 January settled (two compatible events of its kind,
    both ended before the day's cut; the talks of the 5th were held the day it was published, so
    it is about a later occurrence), and still equals a full recluster."""
    days = [date(2025, 1, 1) + timedelta(days=offset) for offset in range(20)]
    seen: list[set[str]] = []
    real_recluster = rebuild.recluster

    def spy(mentions, stored=None):
        seen.append({mention["mention_id"] for mention in mentions})
        return real_recluster(mentions, stored)

    monkeypatch.setattr(rebuild, "recluster", spy)
    for day in days:
        article_id = f"visit-{day:%m%d}"
        visit = "Jaishankar began a two-day visit to Moscow."
        mentions = [
            event_mention(
                article_id,
                0,
                ("IND", "RUS"),
                "042",
                "held",
                day.isoformat(),
                visit,
                event_date_end=(day + timedelta(days=1)).isoformat(),
            ),
            event_mention(article_id, 1, ("IND", "RUS"), "040", "held", day.isoformat(), visit),
        ]
        if day.day == 5:
            mentions.append(event_mention(article_id, 2, ("IND", "RUS"), "040", "planned", "2025", visit))
        write_day(settings, day, [article(article_id, "pti", f"{day}T08:00:00", "en", [visit])], [], mentions)
        seen.clear()
        aggregate.run(day, settings)
    assert set().union(*seen) == {"visit-0120:0", "visit-0120:1"}
    assert checksums(settings.warehouse_path) == full_recluster_checksums(settings.warehouse_path, tmp_path)
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        marks = con.execute("SELECT day, mention_id, settled_by FROM internal.settled_reports").fetchall()
    assert marks == [(date(2025, 1, 5), "visit-0105:2", date(2025, 1, 7))]


@pytest.mark.parametrize("caps", [(1,), (1, 2)])
def test_months_loaded_out_of_order_with_capped_stored_reads_equal_a_full_recluster(
    settings, tmp_path, monkeypatch, caps
):
    """Four months, every fourth day, in random order with reloads; stored events read one per
    period (then two), so most coarse reports need the wider reads their fallback makes."""
    monkeypatch.setattr(rebuild, "STORED_PER_PERIOD", caps)
    rng = random.Random(20261206)
    days = [date(2025, 2, 1) + timedelta(days=offset) for offset in range(0, 120, 4)]
    generated = {day: _generated_day(day, rng) for day in days}
    for day in rng.sample(days, len(days)):
        _load(settings, day, *generated[day])
        assert checksums(settings.warehouse_path) == full_recluster_checksums(settings.warehouse_path, tmp_path), day
    for day in rng.sample(days, 3):
        articles, mentions = generated[day]
        record_removals(settings.raw_store, day, [articles[-1]["article_id"]], "reload test")
        kept = [m for m in mentions if m["article_id"] != articles[-1]["article_id"]]
        _load(settings, day, articles[:-1], kept)
        assert checksums(settings.warehouse_path) == full_recluster_checksums(settings.warehouse_path, tmp_path), day


def test_a_report_open_to_two_stored_visits_joins_the_earlier_as_a_full_recluster_does(settings, tmp_path):
    """Two visits of one pair overlap, one reported in Moscow and one in Delhi; a later report of
    the visit with no place overlaps both and joins the one founded first, whether the stored
    visits are read back from the warehouse or clustered afresh."""
    reports = [
        (date(2025, 1, 10), "2025-01-10", "2025-01-12", "RUS"),
        (date(2025, 1, 11), "2025-01-11", "2025-01-13", "IND"),
        (date(2025, 1, 12), "2025-01-12", None, None),
    ]
    for day, start, end, location in reports:
        article_id = f"visit-{day:%m%d}"
        text = "The foreign minister is on a visit."
        mention = event_mention(article_id, 0, ("IND", "RUS"), "042", "held", start, text)
        mention.update(event_date_end=end, location=location)
        write_day(settings, day, [article(article_id, "pti", f"{day}T08:00:00", "en", [text])], [], [mention])
        aggregate.run(day, settings)
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        events = con.execute("SELECT location, date_start, mentions FROM core.events ORDER BY location").fetchall()
    assert events == [("IND", date(2025, 1, 11), 1), ("RUS", date(2025, 1, 12), 2)]  # the newest report dates it
    assert checksums(settings.warehouse_path) == full_recluster_checksums(settings.warehouse_path, tmp_path)


def test_a_plan_published_the_day_two_stored_talks_ended_stays_apart_when_one_is_unread(
    settings, tmp_path, monkeypatch
):
    """Two rounds of talks held on 20 February (in Moscow and in Delhi) and one in January are
    stored; a plan for "2025" published late on the 20th could still be either February round
    (``accepts_status``), so it joins neither, even when only one of them is read at first: an
    unread event that ended on the day the plan was published keeps the read partial."""
    monkeypatch.setattr(rebuild, "STORED_PER_PERIOD", (1,))
    held = [
        (date(2025, 1, 10), "talks-jan", "2025-01-10T09:00:00", "2025-01-10", None),
        (date(2025, 2, 20), "talks-moscow", "2025-02-20T09:00:00", "2025-02-20", "RUS"),
        (date(2025, 2, 20), "talks-delhi", "2025-02-20T10:00:00", "2025-02-20", "IND"),
    ]
    text = "Jaishankar and Lavrov held talks."
    by_day: dict[date, tuple[list, list]] = {}
    for day, article_id, published, when, location in held:
        mention = event_mention(article_id, 0, ("IND", "RUS"), "040", "held", when, text, location=location)
        articles, mentions = by_day.setdefault(day, ([], []))
        articles.append(article(article_id, "pti", published, "en", [text]))
        mentions.append(mention)
    for day, (articles, mentions) in by_day.items():
        _load(settings, day, articles, mentions)
    plan = "India and Russia plan more talks in 2025."
    late = article("plan-2025", "ani", "2025-02-20T23:30:00", "en", [plan])
    _load(
        settings,
        date(2025, 2, 21),
        [late],
        [event_mention("plan-2025", 0, ("IND", "RUS"), "040", "planned", "2025", plan)],
    )
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        plans = con.execute("SELECT date_precision, mentions FROM core.events WHERE status = 'planned'").fetchall()
    assert plans == [("year", 1)]
    assert checksums(settings.warehouse_path) == full_recluster_checksums(settings.warehouse_path, tmp_path)


@pytest.mark.parametrize(("table", "least"), [("event_spans", 50), ("group_combos", 20)])
def test_a_warehouse_from_before_an_internal_table_gets_it_filled_on_its_next_load(settings, tmp_path, table, least):
    """internal.event_spans came with migration 007, internal.group_combos with 012: a warehouse
    loaded before one has it empty; the next aggregate fills it (from the stored events, from
    every mention) before reading it, and the result is still what a full recluster gives, the
    table included (``checksums`` also checks the combinations against the mentions)."""
    rng = random.Random(20261207)
    days = [date(2025, 3, 1) + timedelta(days=offset) for offset in range(6)]
    generated = {day: _generated_day(day, rng) for day in days}
    for day in days[:5]:
        _load(settings, day, *generated[day])
    with duckdb.connect(str(settings.warehouse_path)) as con:
        rows = con.execute(f"SELECT count(*) FROM internal.{table}").fetchone()[0]
        con.execute(f"DELETE FROM internal.{table}")
    assert rows >= least
    _load(settings, days[5], *generated[days[5]])
    assert checksums(settings.warehouse_path) == full_recluster_checksums(settings.warehouse_path, tmp_path)
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        assert con.execute(f"SELECT count(*) FROM internal.{table}").fetchone()[0] >= rows


def test_year_reports_without_a_settled_mark_are_reclustered_and_marked_again(settings, tmp_path, monkeypatch):
    """A warehouse from before migration 011 (or one whose marks were lost) has no settled marks:
    its next load reclusters the year's reports of the groups it touches as before, equals a
    full recluster, and marks again those the finer events settle."""
    rng = random.Random(20261207)
    days = [date(2025, 3, 1) + timedelta(days=offset) for offset in range(12)]
    generated = {day: _generated_day(day, rng) for day in days}
    for day in days[:-1]:
        _load(settings, day, *generated[day])
    with duckdb.connect(str(settings.warehouse_path)) as con:
        marked = dict(con.execute("SELECT mention_id, settled_by FROM internal.settled_reports").fetchall())
        con.execute("DELETE FROM internal.settled_reports")
    seen: set[str] = set()
    real_recluster = rebuild.recluster

    def spy(mentions, stored=None):
        seen.update(mention["mention_id"] for mention in mentions)
        return real_recluster(mentions, stored)

    monkeypatch.setattr(rebuild, "recluster", spy)
    _load(settings, days[-1], *generated[days[-1]])
    reclustered_marked = set(marked) & seen
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        again = dict(con.execute("SELECT mention_id, settled_by FROM internal.settled_reports").fetchall())
    assert checksums(settings.warehouse_path) == full_recluster_checksums(settings.warehouse_path, tmp_path)
    assert len(reclustered_marked) > 3
    assert reclustered_marked <= set(again)
