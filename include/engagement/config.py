"""One place for paths and settings; every value can be overridden by an environment variable.

Defaults keep all data under ``<project>/data`` so a fresh clone runs without setup; the
docker-compose stack points ``ENGAGEMENT_DATA_DIR`` at a mounted volume instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from engagement.storage import Storage

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PACKAGE_ROOT = Path(__file__).resolve().parent
# The languages the pipeline has knowledge for (KB aliases, triggers, cues); listed only here.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("hi", "en")


def _path(env: str, default: Path) -> Path:
    value = os.environ.get(env)
    return Path(value).expanduser().resolve() if value else default


@dataclass(frozen=True)
class Settings:
    """Resolved settings for one process; build with :func:`load_settings`."""

    data_dir: Path
    landing_dir: Path
    warehouse_path: Path
    published_path: Path
    sources_file: Path
    kb_override_dir: Path | None
    # Where staging and the raw store live (engagement.storage): a local folder's file:// URL by
    # default, s3://bucket/prefix when several machines share a day's work.
    storage_url: str = ""
    # The Celery queue of the tasks that open the DuckDB files, served only by the one worker that
    # mounts them (docs/celery.md); LocalExecutor ignores queues.
    duckdb_queue: str = "duckdb"
    languages: tuple[str, ...] = SUPPORTED_LANGUAGES
    max_article_chars: int = 200_000
    max_field_chars: int = 2_048  # id, source, url, title, language of one record
    max_drop_bytes: int = 200_000_000  # one file in the landing folder
    min_article_chars: int = 40
    near_duplicate_threshold: float = 0.8
    # Articles per shard of a day: clean, extract_entities and detect_events run once per shard
    # (mapped tasks), so a task holds one shard's texts however large the day.
    shard_size: int = 5_000
    # The CPU niceness a sharded (NLP) task's process takes (at least): with several days in flight the
    # one-slot DuckDB tasks (aggregate, check, publish), which every day waits for in turn, get
    # the cores first; the NLP shards take what is left. 0 leaves priorities alone.
    nlp_niceness: int = 10
    # DuckDB's buffer pool in aggregate and publish (a DuckDB size; empty: DuckDB's default, 80% of RAM).
    duckdb_memory_limit: str = "1GB"
    # check fails a day when more than this share of its articles hit a processing error (an
    # exception in extraction or coding: a bug, not bad input) and at least error_count_floor did,
    # so one poison article never fails a day but a bug hitting many does.
    error_share_limit: float = 0.02
    error_count_floor: int = 5

    @property
    def cache_dir(self) -> Path:
        """This machine's derived files that tasks reuse (the KB matcher's patterns), each named
        after a fingerprint of its sources; safe to delete."""
        return self.data_dir / "cache"

    @property
    def raw_store(self) -> Storage:
        """The raw store (fetched bodies, manifests, the landing index, removals) under the storage URL.

        Built on each use: fsspec keeps one file system per URL, so this costs no connection.
        """
        return Storage.from_url(self.storage_url).child("raw")


def load_settings() -> Settings:
    """Read the environment now (not at import), so tests and tasks can point elsewhere."""
    data_dir = _path("ENGAGEMENT_DATA_DIR", PROJECT_ROOT / "data")
    override = os.environ.get("ENGAGEMENT_KB_OVERRIDES")
    languages = tuple(
        lang.strip()
        for lang in os.environ.get("ENGAGEMENT_LANGUAGES", ",".join(SUPPORTED_LANGUAGES)).split(",")
        if lang.strip()
    )
    return Settings(
        data_dir=data_dir,
        landing_dir=_path("ENGAGEMENT_LANDING_DIR", data_dir / "landing"),
        warehouse_path=_path("ENGAGEMENT_WAREHOUSE", data_dir / "warehouse" / "engagement.duckdb"),
        published_path=_path(
            "ENGAGEMENT_PUBLISHED", data_dir / "published" / "engagement_reporting.duckdb"
        ),
        sources_file=_path(
            "ENGAGEMENT_SOURCES_FILE", PACKAGE_ROOT.parent / "config" / "sources.yaml"
        ),
        kb_override_dir=Path(override).expanduser().resolve() if override else None,
        # Empty (as .env.example leaves it) means the default: never the file system's root.
        storage_url=(os.environ.get("ENGAGEMENT_STORAGE_URL") or data_dir.as_uri()).rstrip("/"),
        duckdb_queue=os.environ.get("ENGAGEMENT_DUCKDB_QUEUE", "duckdb"),
        languages=languages,
        max_article_chars=int(os.environ.get("ENGAGEMENT_MAX_ARTICLE_CHARS", "200000")),
        max_field_chars=int(os.environ.get("ENGAGEMENT_MAX_FIELD_CHARS", "2048")),
        max_drop_bytes=int(os.environ.get("ENGAGEMENT_MAX_DROP_BYTES", "200000000")),
        min_article_chars=int(os.environ.get("ENGAGEMENT_MIN_ARTICLE_CHARS", "40")),
        near_duplicate_threshold=float(os.environ.get("ENGAGEMENT_NEAR_DUP_THRESHOLD", "0.8")),
        shard_size=int(os.environ.get("ENGAGEMENT_SHARD_SIZE", "5000")),
        nlp_niceness=int(os.environ.get("ENGAGEMENT_NLP_NICENESS", "10")),
        duckdb_memory_limit=os.environ.get("ENGAGEMENT_DUCKDB_MEMORY_LIMIT", "1GB"),
        error_share_limit=float(os.environ.get("ENGAGEMENT_ERROR_SHARE_LIMIT", "0.02")),
        error_count_floor=int(os.environ.get("ENGAGEMENT_ERROR_COUNT_FLOOR", "5")),
    )
