"""Stage 1: the landing zone (file drops + raw feed archive) → ``articles_raw`` for one UTC day.

Reads only local files, never the network, so any past day can be rebuilt. New or changed file
drops are read once into the raw store, filed by day (``sources.landing``); a day then reads only
its own records, so a rerun rebuilds the same day whatever the landing folder holds now. Bad
input never fails the run: each bad record becomes a ``quarantine_ingest`` row with a reason,
and articles removed on purpose (``engagement remove-articles``) stay out.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import polars as pl

from engagement.config import Settings
from engagement.quarantine import SCHEMA as QUARANTINE_SCHEMA
from engagement.removals import removed_ids
from engagement.sources.archive import archive_days, read_archive
from engagement.sources.config import Source, load_sources
from engagement.sources.landing import day_records, landing_index_days, scan_landing
from engagement.sources.records import Article, Limits, Rejected

STAGE = "ingest"
ARTICLE_SCHEMA = {
    "article_id": pl.String,
    "source": pl.String,
    "url": pl.String,
    "title": pl.String,
    "text": pl.String,
    "published_at": pl.Datetime("us", "UTC"),
    "language": pl.String,
    "raw_ref": pl.String,
    "content_hash": pl.String,
}


def record_limits(settings: Settings) -> Limits:
    return Limits(settings.max_article_chars, settings.max_field_chars, settings.max_drop_bytes)


def run(day: date, settings: Settings) -> dict:
    """Write the day's ``articles_raw`` and ``quarantine_ingest``; returns counts and paths."""
    sources = load_sources(settings.sources_file)
    limits = record_limits(settings)
    scan = scan_landing(settings.landing_dir, settings.raw_store, sources.values(), limits)
    drops = day_records(settings.raw_store, day)
    snapshots, archived = read_archive(settings.raw_store, day, _feeds(sources), limits)
    records = [*drops.records, *archived]

    articles, rejected = _without_duplicate_ids(records)
    removed = removed_ids(settings.raw_store, day)
    selected = [a for a in articles if a.day == day and a.article_id not in removed]
    quarantined = [row for row in rejected if row.day == day]
    paths = {
        "articles_raw": _write(settings.stage_path(day, "articles_raw"), _articles_frame(selected)),
        "quarantine_ingest": _write(settings.stage_path(day, f"quarantine_{STAGE}"), _quarantine_frame(quarantined)),
    }
    return {
        "day": day.isoformat(),
        "landing_files": scan.files,
        "landing_files_read_now": scan.read,
        "file_versions": drops.versions_read,
        "feed_snapshots": snapshots,
        "records": len(records),
        "selected": len(selected),
        "removed_on_request": len({a.article_id for a in articles if a.day == day} & removed),
        "quarantined": len(quarantined),
        "by_reason": dict(sorted(Counter(row.reason for row in quarantined).items())),
        "paths": paths,
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


def _without_duplicate_ids(records: list[Article | Rejected]) -> tuple[list[Article], list[Rejected]]:
    """First record per id wins; a repeat with the same text is dropped, other text quarantined."""
    kept: dict[str, Article] = {}
    rejected = [record for record in records if isinstance(record, Rejected)]
    for article in (record for record in records if isinstance(record, Article)):
        first = kept.setdefault(article.article_id, article)
        if first is not article and first.content_hash != article.content_hash:
            rejected.append(
                Rejected(
                    article.day,
                    article.raw_ref,
                    article.article_id,
                    "duplicate_id",
                    f"id already used by {first.raw_ref} with different text",
                )
            )
    return list(kept.values()), rejected


def _articles_frame(articles: list[Article]) -> pl.DataFrame:
    rows = [{name: getattr(article, name) for name in ARTICLE_SCHEMA} for article in articles]
    return pl.DataFrame(rows, schema=ARTICLE_SCHEMA).sort("article_id")


def _quarantine_frame(rows: list[Rejected]) -> pl.DataFrame:
    data = [
        {
            "day": row.day,
            "stage": STAGE,
            "raw_ref": row.raw_ref,
            "article_id": row.article_id,
            "reason": row.reason,
            "detail": row.detail,
        }
        for row in rows
    ]
    frame = pl.DataFrame(data, schema=QUARANTINE_SCHEMA)
    return frame.sort("article_id", "raw_ref", nulls_last=True)


def _write(path: Path, frame: pl.DataFrame) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".parquet.tmp")
    frame.write_parquet(temporary)
    temporary.replace(path)
    return str(path)
