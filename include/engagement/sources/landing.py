"""The landing folder's index in the raw store: every file drop read once, its records kept by day.

A file dropped into the landing folder is read the first time an ingest sees it (or sees it
changed); its records, articles and quarantine rows alike, are written to the raw store under
the day they belong to, and the file version is logged in the landing index. Ingest for a
day then reads only that day's records, never the whole folder, and a rerun rebuilds the same
day whatever the landing folder holds now: clearing or emptying it loses nothing. A newer
version of the same file (same path, new content) wins for the ids it holds; ids only the older
version held are kept.

Layout under the raw store (a :class:`Storage`: a local folder or an object store)::

    landing/index/<name>.jsonl              rows a scan logged: one per file version read (and
                                            per new stat of a known one), oldest name first
    landing/index.jsonl                     what earlier versions appended to; read first
    landing/days/<day>/<version>.jsonl      that version's records for that day

The index is a log of whole objects (see ``sources.rawstore``): a scan writes the rows it adds
as a new object every ``INDEX_BATCH`` versions and at its end, then folds the log into one object
when it has grown past ``LOG_COMPACT_AT`` objects. Reading the index then costs one listing and at
most that many reads, whatever the number of files and scans, and two ingests scanning at once
never overwrite each other's rows. A scan that crashes before logging a version only makes the
next scan read that file again (its day files are rewritten under the same version).
"""

from __future__ import annotations

import hashlib
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from engagement.sources.config import Source
from engagement.sources.files import drop_files, read_drop
from engagement.sources.rawstore import compact_log, encode_row, log_object_name, read_log, write_log
from engagement.sources.records import Article, Limits, Rejected
from engagement.storage import Storage

INDEX_LEGACY = "landing/index.jsonl"
INDEX_FOLDER = "landing/index"
DAYS_FOLDER = "landing/days"
INDEX_BATCH = 256


@dataclass(frozen=True)
class LandingScan:
    """What one pass over the landing folder did."""

    files: int
    read: int  # new or changed file versions read now
    unchanged: int
    damaged_index_lines: int


@dataclass(frozen=True)
class DayRecords:
    """A day's records from the landing index, read as they are consumed (one stored file at a
    time, never the whole day in memory), and how many file versions hold them."""

    records: Iterator[Article | Rejected]
    versions_read: int


def _day_file(day: date, version: str) -> str:
    return f"{day.isoformat()}/{version}.jsonl"


def scan_landing(landing_dir: Path, raw: Storage, sources: Iterable[Source], limits: Limits) -> LandingScan:
    """Read every new or changed drop once and file its records by day in the raw store."""
    index, damaged = _read_index(raw)
    by_stat = {(row["path"], row["size"], row["mtime_ns"]): row for row in index}
    by_content = {(row["path"], row["sha256"]): row for row in index}
    stored = set(raw.find(DAYS_FOLDER))  # one listing, not a lookup per known file
    files = _owned_files(landing_dir, sources)
    logged: list[dict] = []
    read = unchanged = batches = 0
    for path, source in files:
        relative = path.relative_to(landing_dir).as_posix()
        stat = path.stat()
        known = by_stat.get((relative, stat.st_size, stat.st_mtime_ns))
        if known and _complete(stored, known):
            unchanged += 1
            continue
        with path.open("rb") as handle:  # streamed: a huge drop is hashed, never held in memory
            sha256 = hashlib.file_digest(handle, "sha256").hexdigest()
        known = by_content.get((relative, sha256))
        if known and _complete(stored, known):
            logged.append({**known, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns})
            unchanged += 1
        else:
            logged.append(_store_version(raw, path, relative, source, limits, sha256))
            read += 1
        if len(logged) >= INDEX_BATCH:
            write_log(raw, logged, INDEX_FOLDER, log_object_name())
            logged, batches = [], batches + 1
    if logged:
        write_log(raw, logged, INDEX_FOLDER, log_object_name())
        batches += 1
    if batches:  # only a scan that made the log longer may find it too long
        compact_log(raw, INDEX_LEGACY, INDEX_FOLDER)
    return LandingScan(len(files), read, unchanged, damaged)


def day_records(raw: Storage, day: date) -> DayRecords:
    """The day's records from every stored file version.

    An id's record comes from the first path holding it (in path order), from that path's
    newest version holding it, whatever day that record is on: a newer version may move an
    article to another day, and an id reused by another file with other text is quarantined
    (``duplicate_id``) on the day of the copy.
    """
    index, _ = _read_index(raw)
    versions = [row for row in index if day.isoformat() in row["days"]]
    return DayRecords(_day_records(raw, day, index), len({row["version"] for row in versions}))


def _day_records(raw: Storage, day: date, index: list[dict]) -> Iterator[Article | Rejected]:
    last_seen = {row["version"]: position for position, row in enumerate(index)}  # a reverted file is newest again
    newest = {row["path"]: row["version"] for row in sorted(index, key=lambda row: last_seen[row["version"]])}
    versions = {row["version"]: row for row in index if day.isoformat() in row["days"]}
    on_day = {article_id for row in versions.values() for article_id in row.get("articles", {}).get(str(day), {})}
    winners = _winners(index, last_seen, on_day)
    files = [
        {"path": row["path"], "version": row["version"]}
        for row in sorted(versions.values(), key=lambda row: (row["path"], last_seen[row["version"]]))
    ]
    del index, versions, on_day  # the index (every id ever read, with its hash) is not held while the day streams
    for row in files:
        for record in _version_records(raw, day, row):
            if isinstance(record, Rejected):
                if newest[row["path"]] == row["version"] or record.reason == "damaged_raw_store":
                    yield record
                continue
            winner = winners.get(record.article_id)
            if winner is None or winner[:2] == (row["path"], row["version"]):
                yield record
            elif winner[0] != row["path"] and winner[2] != record.content_hash:
                detail = f"id already used by {winner[0]} with different text"
                yield Rejected(day, record.raw_ref, record.article_id, "duplicate_id", detail)


def _winners(index: list[dict], last_seen: dict[str, int], wanted: set[str]) -> dict[str, tuple[str, str, str]]:
    """Per ``wanted`` article id, (path, version, content hash) of the record that stands for it
    (only the day's ids: the index of a year of drops holds every id ever seen)."""
    winners: dict[str, tuple[str, str, str]] = {}
    for row in sorted(index, key=lambda row: (row["path"], -last_seen[row["version"]])):
        for ids in row.get("articles", {}).values():
            for article_id, content_hash in ids.items():
                if article_id in wanted:
                    winners.setdefault(article_id, (row["path"], row["version"], content_hash))
    return winners


def landing_index_days(raw: Storage) -> set[date]:
    """Days that hold at least one article read from a file drop."""
    index, _ = _read_index(raw)
    return {date.fromisoformat(day) for row in index for day, ids in row.get("articles", {}).items() if ids}


def _owned_files(landing_dir: Path, sources: Iterable[Source]) -> list[tuple[Path, Source]]:
    """Each drop with the enabled files source that owns it (the most specific folder wins)."""
    root = landing_dir.resolve()
    enabled = [source for source in sources if source.kind == "files" and source.enabled]
    folders = sorted(
        ((source.folder(landing_dir), source) for source in enabled),
        key=lambda pair: len(pair[0].parts),
        reverse=True,
    )
    owned: dict[Path, Source] = {}
    for folder, source in folders:
        if not folder.is_relative_to(root):
            continue  # config validation refuses such paths; a symlink must not smuggle one in
        for path in drop_files(folder):
            if path.resolve().is_relative_to(root):
                owned.setdefault(path, source)
    return sorted(owned.items())


def _store_version(raw: Storage, path: Path, relative: str, source: Source, limits: Limits, sha256: str) -> dict:
    """Read one file version and write its records by day; returns its index row (to log after).

    Records are encoded as they are read, so the file costs its JSON Lines bytes per day, not
    an object per record."""
    version = hashlib.sha256(f"{relative}\0{sha256}".encode()).hexdigest()[:32]
    by_day: dict[date, io.BytesIO] = defaultdict(io.BytesIO)
    articles: dict[date, dict[str, str]] = defaultdict(dict)
    for record in read_drop(path, relative, source, limits):
        by_day[record.day].write(encode_row(_to_row(record)))
        if isinstance(record, Article):
            articles[record.day][record.article_id] = record.content_hash
    for day, content in by_day.items():
        raw.write_bytes(content.getvalue(), DAYS_FOLDER, _day_file(day, version))
    stat = path.stat()
    return {
        "path": relative,
        "sha256": sha256,
        "version": version,
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "read_at": datetime.now(UTC).isoformat(),
        "source": source.name,
        "days": sorted(day.isoformat() for day in by_day),
        "articles": {day.isoformat(): articles[day] for day in sorted(by_day)},
    }


def _complete(stored: set[str], row: dict) -> bool:
    """Whether every day file a logged version wrote is still there (else it is read again)."""
    return all(_day_file(date.fromisoformat(day), row["version"]) in stored for day in row["days"])


def _version_records(raw: Storage, day: date, row: dict) -> Iterator[Article | Rejected]:
    """One stored file's records, read a line at a time."""
    name = _day_file(day, row["version"])
    ref = f"raw:{DAYS_FOLDER}/{name}"
    number = 0
    try:
        for number, line in enumerate(raw.read_lines(DAYS_FOLDER, name), start=1):
            try:
                yield _from_row(json.loads(line.decode("utf-8")))
            except (ValueError, KeyError, TypeError) as error:  # UnicodeDecodeError is a ValueError
                detail = f"line {number} of the stored records of {row['path']} is damaged: {error}"
                yield Rejected(day, f"{ref}:{number}", None, "damaged_raw_store", detail)
    except OSError as error:
        where = f"after line {number}" if number else "at all"
        detail = (
            f"records of {row['path']} for {day} cannot be read {where} ({error}); drop the file again to restore them"
        )
        yield Rejected(day, ref, None, "damaged_raw_store", detail)


def _to_row(record: Article | Rejected) -> dict:
    row = asdict(record)
    if isinstance(record, Article):
        return {"kind": "article", **row, "published_at": record.published_at.isoformat()}
    return {"kind": "rejected", **row, "day": record.day.isoformat()}


def _from_row(row: dict) -> Article | Rejected:
    kind = row.pop("kind")
    if kind == "article":
        return Article(**{**row, "published_at": datetime.fromisoformat(row["published_at"])})
    if kind == "rejected":
        return Rejected(**{**row, "day": date.fromisoformat(row["day"])})
    raise ValueError(f"unknown record kind {kind!r}")


_INDEX_FIELDS = ("path", "sha256", "version", "size", "mtime_ns", "read_at", "days")


def _read_index(raw: Storage) -> tuple[list[dict], int]:
    """Logged versions in log order (damaged lines skipped and counted: the file is then read again)."""
    rows, damaged = [], 0
    for _, lines in read_log(raw, INDEX_LEGACY, INDEX_FOLDER):
        for line in lines:
            try:
                row = json.loads(line)
            except ValueError:
                damaged += 1
                continue
            if isinstance(row, dict) and all(field in row for field in _INDEX_FIELDS):
                rows.append(row)
            else:
                damaged += 1
    return rows, damaged
