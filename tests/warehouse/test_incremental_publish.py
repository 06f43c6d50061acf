"""publish copies only what changed since the published file was made, with exactly the tables a
full copy of the warehouse gives."""

from __future__ import annotations

import dataclasses
import random
from datetime import date, timedelta

import duckdb
from engagement import aggregate, publish
from engagement.removals import record_removals
from test_incremental_rebuild import _generated_day as generated_day
from warehouse_staging import write_day

from tests.integration.airflow_runs import table_checksums

COMMENTS = "SELECT schema_name, table_name, column_name, comment FROM duckdb_columns() ORDER BY ALL"
VIEWS = "SELECT schema_name || '.' || view_name FROM duckdb_views() WHERE NOT internal"


def published_state(path) -> tuple:
    """Every table's checksum, the views' row counts, the load log, the comments and the storage
    version. (A view's rounded averages of doubles may differ with the tables' row order.)"""
    checksums = table_checksums(path)
    with duckdb.connect(str(path), read_only=True) as con:
        for (view,) in con.execute(VIEWS).fetchall():
            checksums[view] = checksums[view][0]
        load_log = con.execute("SELECT sequence, day FROM main.load_log ORDER BY sequence").fetchall()
        comments = con.execute(COMMENTS).fetchall()
        storage = con.execute(
            "SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = current_database()"
        ).fetchone()
    return checksums, load_log, comments, storage


def full_copy_state(settings, tmp_path) -> tuple:
    """What today's full copy of the warehouse holds: a publish with no earlier copy to start from."""
    fresh = dataclasses.replace(settings, published_path=tmp_path / "full" / "engagement_reporting.duckdb")
    fresh.published_path.unlink(missing_ok=True)
    assert publish.run(date.today(), fresh)["mode"] == "full"
    return published_state(fresh.published_path)


def load_and_publish(settings, day, articles, mentions) -> dict:
    write_day(settings, day, articles, [], mentions)
    aggregate.run(day, settings)
    return publish.run(day, settings)


def test_incremental_publish_equals_a_full_copy_across_days_in_random_order_and_reruns(settings, tmp_path):
    rng = random.Random(20261204)
    days = [date(2025, 3, 1) + timedelta(days=offset) for offset in range(8)]
    generated = {day: generated_day(day, rng) for day in days}
    modes = []
    for day in [*rng.sample(days, len(days)), days[3]]:  # every day once, then a re-run
        result = load_and_publish(settings, day, *generated[day])
        modes.append((result["mode"], result["days_copied"]))
        assert published_state(settings.published_path) == full_copy_state(settings, tmp_path), day
    assert modes == [("full", None)] + [("incremental", 1)] * len(days)

    # two loads between publishes: both days are copied
    aggregate.run(days[0], settings)
    assert load_and_publish(settings, days[5], *generated[days[5]])["days_copied"] == 2
    assert published_state(settings.published_path) == full_copy_state(settings, tmp_path)

    # a re-run whose coder found less and dated differently: events split, shrink and vanish
    for day in days[2:5]:
        articles, mentions = generated[day]
        redated = {**mentions[1], "event_date": f"{day + timedelta(days=3)}", "event_date_end": None}
        redated["date_precision"] = "day"
        result = load_and_publish(settings, day, articles, [redated, *mentions[2:]])
        assert (result["mode"], result["days_copied"]) == ("incremental", 1)
        assert published_state(settings.published_path) == full_copy_state(settings, tmp_path), day


def test_a_recorded_removal_or_a_rebuilt_warehouse_falls_back_to_a_full_copy(settings, tmp_path):
    rng = random.Random(6)
    days = [date(2025, 3, 1), date(2025, 3, 2)]
    generated = {day: generated_day(day, rng) for day in days}
    for day in days:
        load_and_publish(settings, day, *generated[day])

    articles, mentions = generated[days[0]]
    record_removals(settings.raw_store, days[0], [articles[0]["article_id"]], "takedown")
    kept = [m for m in mentions if m["article_id"] != articles[0]["article_id"]]
    assert load_and_publish(settings, days[0], articles[1:], kept)["mode"] == "full"
    assert published_state(settings.published_path) == full_copy_state(settings, tmp_path)

    settings.warehouse_path.unlink()  # rebuilt from scratch: its load log is not the copy's
    aggregate.run(days[0], settings)
    assert load_and_publish(settings, days[1], *generated[days[1]])["mode"] == "full"
    assert published_state(settings.published_path) == full_copy_state(settings, tmp_path)


# Task states as Airflow's get_task_states gives them (run id -> task id -> state), mid-backfill.
BACKFILL = "backfill__2025-03-0{}T00:00:00+00:00"


def test_a_backfill_day_leaves_publishing_to_a_checked_run_whose_publish_has_not_started():
    states = {
        BACKFILL.format(1): {"check": "success", "publish": "running"},  # the asker
        BACKFILL.format(2): {"check": "success", "publish": "scheduled"},  # waits for the pool
        BACKFILL.format(3): {"check": None, "publish": None},
    }
    assert publish.carrying_run(states, BACKFILL.format(1)) == BACKFILL.format(2)
    states[BACKFILL.format(2)]["publish"] = None  # check just passed, publish not scheduled yet
    assert publish.carrying_run(states, BACKFILL.format(1)) == BACKFILL.format(2)


def test_a_publish_that_started_or_a_day_not_yet_checked_carries_nothing():
    """Only a publish that starts after the asker's surely copies its day: not one running,
    retrying or done, nor one whose check has not passed (it may never publish)."""
    own = BACKFILL.format(1)
    for other in (
        {"check": "success", "publish": "success"},
        {"check": "success", "publish": "up_for_retry"},
        {"check": "success", "publish": "running"},
        {"check": "running", "publish": None},
        {"check": "failed", "publish": "upstream_failed"},
    ):
        assert publish.carrying_run({own: {"check": "success", "publish": "running"}, "other": other}, own) is None
    assert publish.carrying_run({own: {"check": "success", "publish": "scheduled"}}, own) is None  # not itself


def test_days_whose_publish_was_left_to_a_later_one_are_all_in_its_copy(settings, tmp_path):
    rng = random.Random(11)
    days = [date(2025, 3, 1) + timedelta(days=offset) for offset in range(4)]
    generated = {day: generated_day(day, rng) for day in days}
    load_and_publish(settings, days[0], *generated[days[0]])
    for day in days[1:3]:  # their publishes skipped: the last day's carries them
        articles, mentions = generated[day]
        write_day(settings, day, articles, [], mentions)
        aggregate.run(day, settings)
    result = load_and_publish(settings, days[3], *generated[days[3]])
    assert (result["mode"], result["days_copied"]) == ("incremental", 3)
    assert published_state(settings.published_path) == full_copy_state(settings, tmp_path)
