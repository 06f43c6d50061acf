"""Reclustering only the groups a day touches gives exactly what reclustering everything gives."""

from __future__ import annotations

import shutil

import duckdb
import polars as pl
import pytest
from engagement import aggregate
from engagement.removals import record_removals
from engagement.warehouse.rebuild import DayGroups, day_groups, rebuild_events
from warehouse_staging import DAY_A, DAY_B, table_checksums

NOTHING_BEFORE = DayGroups(frozenset(), frozenset())


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
        return table_checksums(con)


def test_each_load_equals_a_full_recluster(staged, tmp_path):
    aggregate.run(DAY_A, staged)
    assert checksums(staged.warehouse_path) == full_recluster_checksums(staged.warehouse_path, tmp_path)
    aggregate.run(DAY_B, staged)
    assert checksums(staged.warehouse_path) == full_recluster_checksums(staged.warehouse_path, tmp_path)


def test_reloading_a_day_that_lost_mentions_removes_their_events(staged, tmp_path):
    aggregate.run(DAY_A, staged)
    aggregate.run(DAY_B, staged)
    events_path = staged.stage_path(DAY_A, "events")
    kept = pl.read_parquet(events_path).filter(pl.col("article_id") != "hindu-001")
    kept.write_parquet(events_path)
    articles_path = staged.stage_path(DAY_A, "articles")
    pl.read_parquet(articles_path).filter(pl.col("article_id") != "hindu-001").write_parquet(articles_path)
    record_removals(staged.raw_dir, DAY_A, ["hindu-001"], "test")

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
