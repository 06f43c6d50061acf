"""Stage 1: the landing zone (file drops + raw feed archive) → ``articles_raw`` for one UTC day.

Reads only local files, never the network, so any past day can be rebuilt. New or changed file
drops are read once into the raw store, filed by day (``sources.landing``); a day then reads only
its own records, so a rerun rebuilds the same day whatever the landing folder holds now. Bad
input never fails the run: each bad record becomes a ``quarantine_ingest`` row with a reason,
and articles removed on purpose (``engagement remove-articles``) stay out.

The day's articles are written as ``articles_raw`` parts of ``settings.shard_size`` articles, so
the stages after it run once per shard; ingest holds one shard of texts and the ids seen.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from datetime import date
from itertools import chain

from engagement.config import Settings
from engagement.removals import removed_ids
from engagement.sources.archive import archive_days, read_archive
from engagement.sources.config import Source, load_sources
from engagement.sources.landing import day_records, landing_index_days, scan_landing
from engagement.sources.records import Article, Limits, Rejected
from engagement.staging import StageRun, Staging

STAGE = "ingest"


def record_limits(settings: Settings) -> Limits:
    return Limits(settings.max_article_chars, settings.max_field_chars, settings.max_drop_bytes)


class ShardWriter:
    """Collects the day's articles and writes an ``articles_raw`` part every ``size`` of them."""

    def __init__(self, staging: Staging, day: date, size: int):
        if size < 1:
            raise ValueError(f"shard size must be at least 1, not {size}")
        self.staging, self.day, self.size = staging, day, size
        self.pending: list[Article] = []
        self.shards = 0
        self.articles = 0

    def add(self, article: Article) -> None:
        self.pending.append(article)
        self.articles += 1
        if len(self.pending) == self.size:
            self._flush()

    def close(self) -> int:
        """Write the last part (an empty shard 0 for a day without articles); the shard count."""
        if self.pending or not self.shards:
            self._flush()
        return self.shards

    def _flush(self) -> None:
        rows = [asdict(article) for article in self.pending]
        frame = self.staging.frame("articles_raw", rows).sort("article_id")
        self.staging.write(StageRun(self.day, self.shards), "articles_raw", frame)
        self.shards += 1
        self.pending = []


def run(day: date, settings: Settings) -> dict:
    """Write the day's ``articles_raw`` parts and ``quarantine_ingest``; counts and shard count."""
    sources = load_sources(settings.sources_file)
    limits = record_limits(settings)
    scan = scan_landing(settings.landing_dir, settings.raw_store, sources.values(), limits)
    drops = day_records(settings.raw_store, day)
    snapshots, archived = read_archive(settings.raw_store, day, _feeds(sources), limits)
    staging = Staging.from_settings(settings)
    staging.clear_day(day)
    writer = ShardWriter(staging, day, settings.shard_size)
    removed = removed_ids(settings.raw_store, day)
    first_seen: dict[str, bytes] = {}  # article id -> _first_seen(record): all ingest keeps per article
    quarantined: list[Rejected] = []
    records = removed_on_request = 0
    for record in chain(drops.records, archived):
        records += 1
        if isinstance(record, Rejected):
            quarantined += [record] if record.day == day else []
            continue
        if record.article_id in first_seen:
            repeat = _repeat_with_other_text(record, first_seen[record.article_id])
            quarantined += [repeat] if repeat and repeat.day == day else []
            continue
        first_seen[record.article_id] = _first_seen(record)
        if record.day != day:
            continue
        if record.article_id in removed:
            removed_on_request += 1
            continue
        writer.add(record)
    shards = writer.close()
    staging.write_quarantine(StageRun(day), STAGE, [_quarantine_row(row) for row in quarantined])
    return {
        "day": day.isoformat(),
        "landing_files": scan.files,
        "landing_files_read_now": scan.read,
        "file_versions": drops.versions_read,
        "feed_snapshots": snapshots,
        "records": records,
        "selected": writer.articles,
        "removed_on_request": removed_on_request,
        "quarantined": len(quarantined),
        "by_reason": dict(sorted(Counter(row.reason for row in quarantined).items())),
        "shards": shards,
    }


def landing_days(settings: Settings) -> list[date]:
    """UTC days that have articles in the file drops or dated items in the feed archive.

    For demos and backfills ("run every day we have news for"); reads new drops into the raw
    store first. Feed items without a date of their own are not counted, as dating them needs
    their page.
    """
    sources = load_sources(settings.sources_file)
    scan_landing(settings.landing_dir, settings.raw_store, sources.values(), record_limits(settings))
    return sorted(landing_index_days(settings.raw_store) | archive_days(settings.raw_store, _feeds(sources)))


def _feeds(sources: dict[str, Source]) -> dict[str, Source]:
    """All feed sources, disabled ones included: disabling a feed must not hide its archive."""
    return {name: source for name, source in sources.items() if source.is_feed}


def _first_seen(article: Article) -> bytes:
    """The first record of an id in one small object: its content hash (sha256, 32 bytes) and
    raw_ref (a tuple of two strings would cost about three times as much a million times)."""
    return bytes.fromhex(article.content_hash) + article.raw_ref.encode("utf-8")


def _repeat_with_other_text(article: Article, first: bytes) -> Rejected | None:
    """First record per id wins; a repeat with the same text is dropped, other text quarantined."""
    if first[:32] == bytes.fromhex(article.content_hash):
        return None
    detail = f"id already used by {first[32:].decode('utf-8')} with different text"
    return Rejected(article.day, article.raw_ref, article.article_id, "duplicate_id", detail)


def _quarantine_row(row: Rejected) -> dict:
    return {"raw_ref": row.raw_ref, "article_id": row.article_id, "reason": row.reason, "detail": row.detail}
