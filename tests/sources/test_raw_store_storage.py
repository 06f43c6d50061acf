"""The raw store through Storage: the same round trip on a local folder and on S3 (moto on loopback).

Objects, fetch manifests, the landing index with its day files, and removals are written and
read back through ``file://`` and ``s3://bucket/prefix``; both must give the same results, and
on S3 the objects must really be in the bucket.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime

import pytest
from engagement.removals import read_removals, record_removals, removed_ids
from engagement.sources.client import FetchResult
from engagement.sources.config import Source
from engagement.sources.landing import INDEX_FOLDER, INDEX_LEGACY, day_records, landing_index_days, scan_landing
from engagement.sources.rawstore import (
    LOG_COMPACT_AT,
    MissingObject,
    compact_log,
    log_object_name,
    manifest_row,
    read_manifest,
    read_object,
    store_object,
    write_manifest,
)
from engagement.sources.records import Article, Limits, Rejected
from engagement.storage import Storage

DAY = date(2025, 11, 17)
DROPS = Source(name="drops", kind="files", path=".", language="en", timezone="UTC")
LIMITS = Limits(10_000, 2_048, 1_000_000)
MTIME = datetime(2025, 11, 17, 12, 0, tzinfo=UTC).timestamp()
TEXT = "External Affairs Minister S. Jaishankar met Japanese Foreign Minister Takeshi Iwaya in Tokyo."


def _article(article_id: str, title: str) -> str:
    record = {"id": article_id, "published": "2025-11-17T09:00:00Z", "language": "en", "title": title, "text": TEXT}
    return json.dumps(record) + "\n"


def _drop(landing, content: str, stamp: float = MTIME) -> None:
    path = landing / "batch.jsonl"
    path.write_text(content, encoding="utf-8")
    os.utime(path, (stamp, stamp))


def _summary(records: list[Article | Rejected]) -> list[tuple]:
    return sorted(
        (r.article_id or "", r.title) if isinstance(r, Article) else (r.raw_ref, r.reason) for r in records
    )


def _fetch(url: str, body: bytes | None, error: str | None = None) -> FetchResult:
    status = 200 if body else None
    return FetchResult(url, url, status, body, "application/rss+xml", None, None, 1, error)


def _round_trip(raw: Storage, landing) -> dict:
    """Everything the raw store is asked in a day's life, as comparable values (no timestamps)."""
    seen: dict = {}
    _drop(landing, _article("a-1", "Talks in Tokyo") + _article("a-2", "Wong to visit") + '{"id": "a-3", "ti\n')
    seen["first_scan"] = scan_landing(landing, raw, [DROPS], LIMITS)
    seen["rescan"] = scan_landing(landing, raw, [DROPS], LIMITS)
    _drop(landing, _article("a-1", "Talks in Tokyo (corrected)") + '{"id": "a-3", "ti\n', MTIME + 60)
    seen["corrected_scan"] = scan_landing(landing, raw, [DROPS], LIMITS)
    (landing / "batch.jsonl").unlink()  # an emptied landing folder loses nothing
    seen["records"] = _summary(day_records(raw, DAY).records)
    seen["days"] = landing_index_days(raw)
    folded = compact_log(raw, INDEX_LEGACY, INDEX_FOLDER, most=1)
    seen["compacted"] = (folded, len(raw.find(INDEX_FOLDER)), _summary(day_records(raw, DAY).records))

    sha256, new = store_object(raw, b"<rss/>")
    seen["objects"] = (new, store_object(raw, b"<rss/>")[1], read_object(raw, sha256))
    with pytest.raises(MissingObject):
        read_object(raw, "ab" * 32)

    failed = manifest_row("wire", "feed", _fetch("https://a.example/old", None, "fetch_error"), None, datetime.now(UTC))
    legacy = json.dumps(failed) + '\n{"source": "wi\n'  # what earlier versions appended, torn at the end
    raw.write_bytes(legacy.encode(), "manifest", DAY.isoformat(), "wire.jsonl")
    for url in ("https://a.example/rss", "https://a.example/rss-2"):
        rows = [manifest_row("wire", "feed", _fetch(url, b"<rss/>"), sha256, datetime.now(UTC))]
        write_manifest(raw, DAY, "wire", log_object_name(), rows)
    seen["manifest"] = [(row["kind"], row.get("url"), row.get("error")) for row in read_manifest(raw, DAY, "wire")]

    old = {"day": "2025-11-17", "article_id": "a-9", "reason": "old log", "removed_at": "2025-11-18T00:00:00+00:00"}
    raw.write_bytes(json.dumps(old).encode() + b"\n", "removals.jsonl")
    record_removals(raw, DAY, ["a-2"], "withdrawn by the publisher")
    seen["removals"] = [(r.day, r.article_id, r.reason) for r in read_removals(raw)]
    seen["removed"] = removed_ids(raw, DAY)
    return seen


def test_raw_store_round_trip_is_the_same_on_a_folder_and_on_s3(tmp_path, s3_url, s3_server):
    results = {}
    for name, url in (("file", (tmp_path / "data").as_uri()), ("s3", s3_url)):
        landing = tmp_path / f"landing-{name}"
        landing.mkdir()
        results[name] = _round_trip(Storage.from_url(url).child("raw"), landing)
    assert results["s3"] == results["file"]

    seen = results["s3"]
    assert (seen["first_scan"].read, seen["rescan"].unchanged, seen["corrected_scan"].read) == (1, 1, 1)
    assert seen["records"] == [
        ("a-1", "Talks in Tokyo (corrected)"),
        ("a-2", "Wong to visit"),
        ("batch.jsonl:2", "bad_record"),  # the newest version's quarantine rows; a-2 is kept
    ]
    assert seen["days"] == {DAY}
    assert seen["compacted"] == (2, 1, seen["records"])  # two scans logged, folded into one object
    assert seen["objects"] == (True, False, b"<rss/>")
    assert seen["manifest"] == [
        ("feed", "https://a.example/old", "fetch_error"),  # the legacy appended file, first
        ("damaged", None, None),
        ("feed", "https://a.example/rss", None),
        ("feed", "https://a.example/rss-2", None),
    ]
    assert seen["removals"] == [(DAY, "a-9", "old log"), (DAY, "a-2", "withdrawn by the publisher")]
    assert seen["removed"] == {"a-2", "a-9"}

    prefix = s3_url.removeprefix(f"s3://{s3_server.bucket}/")
    keys = {key.removeprefix(f"{prefix}/raw/").split("/")[0] for key in s3_server.keys(f"{prefix}/")}
    assert keys == {"landing", "manifest", "objects", "removals", "removals.jsonl"}
    assert not (tmp_path / "data" / "raw" / "landing" / "index.jsonl").exists()  # no appended index


def test_a_scan_logs_its_rows_in_batches_not_one_object_per_file(tmp_path, monkeypatch):
    monkeypatch.setattr("engagement.sources.landing.INDEX_BATCH", 2)
    raw = Storage.from_url(tmp_path.as_uri()).child("raw")
    landing = tmp_path / "landing"
    landing.mkdir()
    for number in range(5):
        (landing / f"drop-{number}.jsonl").write_text(_article(f"b-{number}", f"Story {number}"), encoding="utf-8")
    assert scan_landing(landing, raw, [DROPS], LIMITS).read == 5
    assert len(raw.find("landing", "index")) == 3  # 2 + 2 + 1 rows
    assert [r.article_id for r in day_records(raw, DAY).records] == [f"b-{n}" for n in range(5)]
    assert scan_landing(landing, raw, [DROPS], LIMITS).unchanged == 5
    assert len(raw.find("landing", "index")) == 3  # nothing new, nothing written


def test_a_long_index_is_folded_into_one_object_keeping_the_newest_version(tmp_path, monkeypatch):
    monkeypatch.setattr("engagement.sources.landing.INDEX_BATCH", 1)
    raw = Storage.from_url(tmp_path.as_uri()).child("raw")
    legacy = {"path": "old.jsonl", "sha256": "0" * 64, "version": "v0", "size": 1, "mtime_ns": 1}
    raw.write_bytes(json.dumps({**legacy, "read_at": "2025-11-01T00:00:00+00:00", "days": []}).encode(), INDEX_LEGACY)
    landing = tmp_path / "landing"
    landing.mkdir()
    for number in range(LOG_COMPACT_AT):
        (landing / f"drop-{number:02d}.jsonl").write_text(_article(f"c-{number}", "First"), encoding="utf-8")
    scan_landing(landing, raw, [DROPS], LIMITS)  # 1 legacy + LOG_COMPACT_AT objects: folded
    assert len(raw.find(INDEX_FOLDER)) == 1 and not raw.exists(INDEX_LEGACY)
    corrected = landing / "drop-00.jsonl"
    corrected.write_text(_article("c-0", "Corrected"), encoding="utf-8")
    os.utime(corrected, (MTIME, MTIME))
    assert scan_landing(landing, raw, [DROPS], LIMITS).read == 1
    titles = {r.article_id: r.title for r in day_records(raw, DAY).records}
    assert len(titles) == LOG_COMPACT_AT and (titles["c-0"], titles["c-1"]) == ("Corrected", "First")
    assert scan_landing(landing, raw, [DROPS], LIMITS).unchanged == LOG_COMPACT_AT  # each version read once


def test_a_days_records_stream_file_by_file_and_a_damaged_stored_line_costs_only_that_line(tmp_path):
    """``day_records`` reads a stored file only when its records are wanted (ingest holds one
    shard, not the day), and a line that is no longer UTF-8 is one quarantine row."""
    raw = Storage.from_url(tmp_path.as_uri()).child("raw")
    landing = tmp_path / "landing"
    landing.mkdir()
    for number in range(2):
        (landing / f"drop-{number}.jsonl").write_text(
            _article(f"d-{number}a", "First") + _article(f"d-{number}b", "Second"), encoding="utf-8"
        )
    scan_landing(landing, raw, [DROPS], LIMITS)
    contents = {name: raw.read_bytes("landing", "days", name) for name in raw.find("landing", "days")}
    (name,) = [name for name, content in contents.items() if b'"d-1a"' in content]
    second = contents[name].splitlines(keepends=True)
    day = day_records(raw, DAY)
    assert day.versions_read == 2
    first = next(day.records)
    assert (first.article_id, first.title) == ("d-0a", "First")
    raw.write_bytes(second[0][:40] + b"\xff\xfe" + second[0][40:] + second[1], "landing", "days", name)  # damaged now
    rest = list(day.records)
    assert [(r.article_id, r.title) for r in rest if isinstance(r, Article)] == [("d-0b", "Second"), ("d-1b", "Second")]
    (damaged,) = [r for r in rest if isinstance(r, Rejected)]
    assert damaged.reason == "damaged_raw_store" and damaged.raw_ref.endswith(".jsonl:1")
    assert "line 1 of the stored records of drop-" in damaged.detail
