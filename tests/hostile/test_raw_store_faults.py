"""Damage in the raw store and reruns over a changed landing folder never fail other days and
never lose an article silently (issues 11 and 12)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest
from engagement.sources.rawstore import MANIFEST_FIELDS

from tests.hostile.world import DAY, OTHER_DAY

pytestmark = pytest.mark.integration

FEED_SOURCES = textwrap.dedent(
    """
    sources:
      - name: demo-files
        kind: files
        path: .
        language: en
      - name: wire-feed
        kind: rss
        url: https://news.example.org/rss.xml
        language: en
        enabled: false
    """
)


def _manifest_line(**fields) -> str:
    row = dict.fromkeys(MANIFEST_FIELDS) | {"source": "wire-feed", "kind": "feed", "attempts": 1} | fields
    return json.dumps(row) + "\n"


def _with_feed_source(world, monkeypatch):
    sources = world.root / "sources.yaml"
    sources.write_text(FEED_SOURCES, encoding="utf-8")
    monkeypatch.setenv("ENGAGEMENT_SOURCES_FILE", str(sources))


def _manifest(world, day, name: str, content: str):
    world.settings.raw_store.write_bytes(content.encode("utf-8"), "manifest", day.isoformat(), name)


def test_truncated_manifest_line_is_one_quarantine_row_on_its_fetch_day(world, clean, monkeypatch):
    _with_feed_source(world, monkeypatch)
    _manifest(world, DAY, "wire-feed.jsonl", _manifest_line(url="https://news.example.org/rss.xml")[:70])
    assert world.run() == 0
    assert world.quarantine(DAY) == sorted([*clean["quarantine"], ("ingest", "damaged_raw_store", None)])
    assert world.quarantine(OTHER_DAY) == []
    assert world.checksums(without=("quarantine",)) == {
        t: s for t, s in clean["checksums"].items() if t != "quarantine"
    }


def test_stray_entries_in_the_manifest_folder_are_ignored(world, clean, monkeypatch):
    _with_feed_source(world, monkeypatch)
    raw = world.settings.raw_store
    raw.write_bytes(b"a folder that is not a day", "manifest", "notes", "x.jsonl")
    raw.write_bytes(b"copied by hand", "manifest", "README")
    assert world.run() == 0
    assert world.checksums() == clean["checksums"]


def test_missing_raw_object_is_reported_not_fatal(world, clean, monkeypatch):
    _with_feed_source(world, monkeypatch)
    line = _manifest_line(
        url="https://news.example.org/rss.xml",
        fetched_at="2025-11-17T06:00:00+00:00",
        http_status=200,
        sha256="ab" * 32,
        content_type="application/rss+xml",
    )
    _manifest(world, DAY, "wire-feed.jsonl", line)
    assert world.run() == 0
    assert ("ingest", "damaged_raw_store", None) in world.quarantine(DAY)
    detail = world.rows("SELECT detail FROM core.quarantine WHERE reason = 'damaged_raw_store'")[0][0]
    assert "missing from the raw store" in detail
    assert world.articles() == clean["articles"]


def test_rerun_with_an_empty_landing_folder_rebuilds_the_same_days(world, clean):
    assert world.run() == 0
    for path in world.landing.iterdir():
        path.unlink()
    assert world.run() == 0
    assert world.checksums() == clean["checksums"]


def test_damaged_landing_index_and_lost_day_files_are_read_again(world, clean):
    assert world.run() == 0
    raw = world.settings.raw_store
    (name,) = raw.find("landing", "index")
    damaged = raw.read_bytes("landing", "index", name) + b'{"path": "good.jsonl", "sha2'  # a torn write
    raw.write_bytes(damaged, "landing", "index", name)
    raw.remove_tree("landing", "days", DAY.isoformat())
    assert world.run() == 0
    assert world.checksums() == clean["checksums"]


def test_an_article_vanishing_from_the_raw_store_fails_loudly_until_its_removal_is_recorded(world, clean, capsys):
    assert world.run() == 0
    published = world.checksums()
    # Someone deletes the drop and the raw store's copy of it: the day would lose two articles.
    (world.landing / "good.jsonl").unlink()
    world.settings.raw_store.remove_tree("landing", "index")
    assert world.run(DAY, DAY) == 1
    message = capsys.readouterr().err
    assert "ShrinkError" in message and "good-en-1, good-hi-1" in message and "remove-articles" in message
    assert "Traceback" not in message
    assert world.checksums() == published  # nothing was published

    from engagement.cli import main as engagement

    for article_id in ("good-en-1", "good-hi-1"):
        code = engagement(
            ["remove-articles", "--day", DAY.isoformat(), "--id", article_id, "--reason", "takedown", "--force"]
        )
        assert code == 0
    assert world.run(DAY, DAY) == 0
    assert world.articles() == ["good-en-2"]
    removals = world.rows("SELECT day, article_id, reason FROM core.article_removals ORDER BY 2")
    assert removals == [(DAY, "good-en-1", "takedown"), (DAY, "good-hi-1", "takedown")]


def test_a_deliberate_removal_shrinks_the_day_and_is_recorded(world, clean):
    from engagement.cli import main as engagement

    assert world.run() == 0
    code = engagement(["remove-articles", "--day", DAY.isoformat(), "--id", "good-hi-1", "--reason", "not news"])
    assert code == 0
    assert world.run(DAY, DAY) == 0  # the landing folder still holds it: the removal wins
    assert world.articles() == ["good-en-1", "good-en-2"]
    assert world.rows("SELECT article_id, reason FROM core.article_removals") == [("good-hi-1", "not news")]


def test_removing_an_unknown_article_is_refused(world, capsys):
    from engagement.cli import main as engagement

    assert world.run() == 0
    assert engagement(["remove-articles", "--day", DAY.isoformat(), "--id", "nope", "--reason", "x"]) == 2
    assert "no article nope" in capsys.readouterr().err


def test_locked_warehouse_is_one_line_naming_the_holder(world, capsys):
    assert world.run() == 0
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('locked', flush=True); time.sleep(60)",
            str(world.settings.warehouse_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert world.run(DAY, DAY) == 1
        message = capsys.readouterr().err
        assert f"in use by process PID {holder.pid}" in message
        assert "published copy" in message and "Traceback" not in message
        from engagement.cli import main as engagement

        assert engagement(["status"]) == 1
        assert f"PID {holder.pid}" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()


def test_publish_removes_copies_left_by_killed_runs(world, clean):
    published = world.settings.published_path
    published.parent.mkdir(parents=True, exist_ok=True)
    dead = published.with_name(f".{published.name}.999999999.tmp")
    dead.write_bytes(b"half a database")
    dead.with_name(dead.name + ".wal").write_bytes(b"wal")
    spill = published.with_name(f".{published.name}.999999999.spill-x1y2")  # DuckDB's spill files
    spill.mkdir()
    (spill / "duckdb_temp_storage-0.tmp").write_bytes(b"spilled pages")
    assert world.run() == 0
    assert sorted(p.name for p in published.parent.iterdir()) == [published.name]
    assert world.checksums() == clean["checksums"]


def test_a_quote_in_the_data_path_is_harmless(tmp_path, monkeypatch, clean):
    from tests.hostile.world import World

    world = World(tmp_path / "o'brien's data", monkeypatch)
    assert world.run() == 0
    assert world.checksums() == clean["checksums"]
