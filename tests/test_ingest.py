"""ingest.run over a landing folder of file drops: day selection, quarantine, idempotency."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime

import polars as pl
import pytest
from engagement import ingest
from engagement.config import load_settings
from engagement.staging import DATASETS, QUARANTINE, StageRun, Staging

MTIME = datetime(2025, 11, 18, 6, 0, tzinfo=UTC)


def _staged(settings, counts: dict, dataset: str) -> pl.DataFrame:
    """Every part of the day's ``dataset`` that the ingest run with ``counts`` wrote."""
    return Staging.from_settings(settings).read_all(date.fromisoformat(counts["day"]), dataset)


def _record(article_id: str, published: str | None, text: str = "Jaishankar met Lavrov.") -> str:
    return json.dumps(
        {
            "id": article_id,
            "url": f"https://example.org/{article_id}",
            "title": "Talks",
            "text": text,
            "published": published,
            "language": "en",
            "source": "demo-wire",
        }
    )


@pytest.fixture
def settings(tmp_path, monkeypatch):
    """The shipped sources.yaml (its files source reads the whole landing folder)."""
    monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ENGAGEMENT_SOURCES_FILE", raising=False)
    settings = load_settings()
    drops = settings.landing_dir / "wire"
    drops.mkdir(parents=True)
    (drops / "batch.jsonl").write_text(
        "\n".join(
            [
                _record("late-evening-ist", "2025-11-17T02:00:00+05:30"),  # UTC 2025-11-16 20:30
                _record("morning-ist", "2025-11-17T09:30:00+05:30"),
                _record("utc-midnight", "2025-11-17"),
                _record("last-utc-second", "2025-11-17T23:59:59Z"),
                _record("next-day", "2025-11-18T00:00:00Z"),
                _record("undated", None),
                _record(
                    "morning-ist", "2025-11-17T09:30:00+05:30", text="Another story, reused id."
                ),
                _record("utc-midnight", "2025-11-17"),  # exact repeat: dropped silently
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    os.utime(drops / "batch.jsonl", (MTIME.timestamp(), MTIME.timestamp()))
    (settings.landing_dir / "README.txt").write_text("Landing folder.", encoding="utf-8")
    return settings


def test_selects_the_utc_day_and_quarantines_the_rest_once(settings):
    counts = ingest.run(date(2025, 11, 17), settings)
    articles = _staged(settings, counts, "articles_raw")
    quarantine = _staged(settings, counts, "quarantine_ingest")

    assert articles["article_id"].to_list() == ["last-utc-second", "morning-ist", "utc-midnight"]
    assert quarantine.select("article_id", "reason", "raw_ref").rows() == [
        ("morning-ist", "duplicate_id", "wire/batch.jsonl:7"),
    ]
    keys = ("landing_files", "landing_files_read_now", "records", "selected", "quarantined", "by_reason")
    assert {key: counts[key] for key in keys} == {
        "landing_files": 1,
        "landing_files_read_now": 1,
        "records": 5,
        "selected": 3,
        "quarantined": 1,
        "by_reason": {"duplicate_id": 1},
    }
    json.dumps(counts)  # goes through XCom

    earlier = ingest.run(date(2025, 11, 16), settings)
    earlier_articles = _staged(settings, earlier, "articles_raw")
    assert earlier_articles["article_id"].to_list() == ["late-evening-ist"]
    # The undated record shows up on its file's modification day only.
    assert ingest.run(date(2025, 11, 17), settings)["by_reason"] == {"duplicate_id": 1}
    file_day = ingest.run(date(2025, 11, 18), settings)
    assert file_day["by_reason"] == {"missing_date": 1} and file_day["selected"] == 1


def test_landing_days_are_the_days_with_articles(settings):
    expected = [date(2025, 11, 16), date(2025, 11, 17), date(2025, 11, 18)]
    assert ingest.landing_days(settings) == expected


def test_output_has_the_contract_columns_and_is_idempotent(settings):
    day = date(2025, 11, 17)
    first = ingest.run(day, settings)
    frame = _staged(settings, first, "articles_raw")
    assert frame.schema == pl.Schema(DATASETS["articles_raw"].schema)
    quarantine = _staged(settings, first, "quarantine_ingest")
    assert quarantine.schema == pl.Schema(QUARANTINE)
    row = frame.filter(pl.col("article_id") == "morning-ist").row(0, named=True)
    assert row["published_at"] == datetime(2025, 11, 17, 4, 0, tzinfo=UTC)
    assert (row["raw_ref"], row["source"]) == ("wire/batch.jsonl:2", "demo-wire")
    assert row["url"] == "https://example.org/morning-ist"
    assert len(row["content_hash"]) == 64

    second = ingest.run(day, settings)
    assert second.pop("landing_files_read_now") == 0  # read once, then taken from the raw store
    assert second == {key: value for key, value in first.items() if key != "landing_files_read_now"}
    assert _staged(settings, second, "articles_raw").equals(frame)


def test_empty_landing_zone_writes_empty_typed_files(tmp_path, monkeypatch):
    monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("ENGAGEMENT_SOURCES_FILE", raising=False)
    settings = load_settings()
    counts = ingest.run(date(2025, 11, 17), settings)
    assert (counts["landing_files"], counts["selected"], counts["quarantined"]) == (0, 0, 0)
    articles = _staged(settings, counts, "articles_raw")
    assert articles.schema == pl.Schema(DATASETS["articles_raw"].schema)


def test_articles_are_written_in_shards_and_a_rerun_leaves_no_stale_parts(settings, monkeypatch):
    day = date(2025, 11, 17)
    staging = Staging.from_settings(settings)
    monkeypatch.setenv("ENGAGEMENT_SHARD_SIZE", "2")
    counts = ingest.run(day, load_settings())
    assert counts["shards"] == 2 and counts["selected"] == 3
    assert staging.shards(day, "articles_raw") == [0, 1]
    assert [staging.read(StageRun(day, shard, 2), "articles_raw").height for shard in (0, 1)] == [2, 1]

    monkeypatch.setenv("ENGAGEMENT_SHARD_SIZE", "5000")
    assert ingest.run(day, load_settings())["shards"] == 1
    assert staging.shards(day, "articles_raw") == [0]
    assert staging.read_all(day, "articles_raw")["article_id"].sort().to_list() == [
        "last-utc-second",
        "morning-ist",
        "utc-midnight",
    ]
