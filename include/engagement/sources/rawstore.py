"""The raw landing zone: every fetched body kept as received, plus a log of every fetch.

Bodies are content addressed (``objects/ab/cdef…`` by sha256) so refetching identical content
never doubles storage, and they are written BEFORE anything parses them, so a parser bug can be
fixed and any date re-parsed from the archive. The store is a :class:`Storage` (a local folder or
an object store), so every write is a whole object.

Logs (the fetch manifest here, the landing index, removals) are therefore folders of JSONL
objects, never one file appended to: an object store has no append, and rewriting one growing
file would cost every writer the whole history and let two writers overwrite each other's rows.
Each writer owns an object named by its UTC write time (so names sort in write order) plus a
random tail. The manifest of one fetch run is ``manifest/<fetch-day>/<source>/<name>.jsonl``,
rewritten after each row so a crash loses no finished fetch; that object holds one run's rows
(a feed and at most ``max_items`` pages), so the rewrites stay small, and a reader of a fetch day
gets one listing and one read per run, not per row. ``manifest/<fetch-day>/<source>.jsonl`` is
what earlier versions appended to and is still read, first. A log that grows with all history
(the landing index) is folded into one object once it has more than ``LOG_COMPACT_AT``
(:func:`compact_log`), so reading it stays a bounded number of reads.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import UTC, date, datetime

from engagement.sources.client import FetchResult, Validators
from engagement.storage import Storage

# A log of more objects than this is folded into one (compact_log); reads retry this often.
LOG_COMPACT_AT = 16
LOG_READ_ATTEMPTS = 3

MANIFEST_FIELDS = (
    "source",
    "kind",
    "url",
    "final_url",
    "fetched_at",
    "http_status",
    "sha256",
    "content_type",
    "etag",
    "last_modified",
    "attempts",
    "error",
    "detail",
)


def object_key(sha256: str) -> str:
    return f"objects/{sha256[:2]}/{sha256[2:]}"


def store_object(raw: Storage, body: bytes) -> tuple[str, bool]:
    """Write ``body`` once under its sha256; returns (sha256, newly_written).

    The write is atomic (Storage.write_bytes), so a crash never leaves a truncated object
    under a valid hash.
    """
    sha256 = hashlib.sha256(body).hexdigest()
    if raw.exists(object_key(sha256)):
        return sha256, False
    raw.write_bytes(body, object_key(sha256))
    return sha256, True


class MissingObject(FileNotFoundError):
    """A manifest row names a body the store no longer holds."""


def read_object(raw: Storage, sha256: str) -> bytes:
    try:
        return raw.read_bytes(object_key(sha256))
    except FileNotFoundError:
        raise MissingObject(f"raw object {sha256[:12]}… is missing from the raw store") from None


def log_object_name() -> str:
    """A new log object's name: write time first (names sort in write order), then a random tail."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(4)}.jsonl"


def encode_row(row: dict) -> bytes:
    """One log line."""
    return (json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8")


def write_log(raw: Storage, rows: list[dict], *parts: str) -> str:
    """Write (or rewrite) one log object with ``rows``; returns its URL."""
    raw.write_bytes(b"".join(encode_row(row) for row in rows), *parts)
    return raw.url(*parts)


def read_log(raw: Storage, legacy: str, folder: str) -> list[tuple[str, list[str]]]:
    """(name, lines) of a log's objects, oldest first: the ``legacy`` single file, then ``folder``'s.

    An object that vanished between the listing and the read was folded into a newer one by
    :func:`compact_log`, so the folder is listed again (a few times, then it is skipped).
    Undecodable bytes become U+FFFD: the caller reports that line as damaged, not the log.
    """
    for _ in range(LOG_READ_ATTEMPTS):
        names = ([legacy] if raw.exists(legacy) else []) + [
            f"{folder}/{name}" for name in raw.find(folder) if name.endswith(".jsonl")
        ]
        objects = [(name, _lines(raw, name)) for name in names]
        if all(lines is not None for _, lines in objects):
            break
    return [(name, lines) for name, lines in objects if lines is not None]


def compact_log(raw: Storage, legacy: str, folder: str, most: int = LOG_COMPACT_AT) -> int:
    """Fold a log of more than ``most`` objects into one, so that reading it stays a few reads.

    The folded object is named after the newest object it holds (``<name>.z.jsonl`` sorts right
    after it and before any object written later), written before the folded ones are removed:
    a reader sees the rows twice or, after a vanished object, lists again; either way every
    row's last copy keeps its place. Lines are copied as they are, damaged ones included.
    Returns the number of objects folded (0 when the log was small enough).
    """
    objects = read_log(raw, legacy, folder)
    if len(objects) <= most:
        return 0
    folded = objects[-1][0].removesuffix(".jsonl") + ".z.jsonl"
    content = "".join(line + "\n" for _, lines in objects for line in lines)
    raw.write_bytes(content.encode("utf-8"), folded)
    for name, _ in objects:
        if name != folded:
            raw.remove(name)
    return len(objects)


def _lines(raw: Storage, name: str) -> list[str] | None:
    try:
        return raw.read_bytes(name).decode("utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return None


def manifest_row(source: str, kind: str, result: FetchResult, sha256: str | None, fetched_at: datetime) -> dict:
    return {
        "source": source,
        "kind": kind,
        "url": result.url,
        "final_url": result.final_url,
        "fetched_at": fetched_at.isoformat(),
        "http_status": result.http_status,
        "sha256": sha256,
        "content_type": result.content_type,
        "etag": result.etag,
        "last_modified": result.last_modified,
        "attempts": result.attempts,
        "error": result.error,
        "detail": result.detail,
    }


def write_manifest(raw: Storage, fetch_day: date, source: str, run: str, rows: list[dict]) -> str:
    """Write one fetch run's manifest object (named ``run``, from :func:`log_object_name`)."""
    return write_log(raw, rows, "manifest", fetch_day.isoformat(), source, run)


def manifest_days(raw: Storage) -> list[date]:
    """Fetch days with a manifest folder; anything else in ``manifest/`` is not ours and skipped."""
    days = []
    for path in raw.list("manifest"):
        try:
            days.append(date.fromisoformat(path.rstrip("/").rsplit("/", 1)[-1]))
        except ValueError:
            continue
    return sorted(set(days))


def read_manifest(raw: Storage, fetch_day: date, source: str | None = None) -> list[dict]:
    """Rows fetched on one day (all sources unless ``source``), each with its ``fetch_day``.

    Rows of one source come in fetch order (older runs first). A line that is not a whole
    manifest row (a crash mid-write, a disk error) comes back as a row of kind ``damaged`` with
    a detail, so readers report it instead of failing the day.
    """
    folder = f"manifest/{fetch_day.isoformat()}"
    names = [name for name in raw.find(folder) if name.endswith(".jsonl")]
    if source is not None:
        names = [name for name in names if name == f"{source}.jsonl" or name.startswith(f"{source}/")]
    rows = []
    for name in names:
        lines = _lines(raw, f"{folder}/{name}") or []
        for number, line in enumerate(lines, start=1):
            if line.strip():
                rows.append({**_manifest_row(line, f"{folder}/{name}:{number}"), "fetch_day": fetch_day})
    return rows


def _manifest_row(line: str, ref: str) -> dict:
    try:
        row = json.loads(line)
    except ValueError as error:
        row = None
        problem = f"not JSON ({error})"
    else:
        problem = "missing fields" if not isinstance(row, dict) else ""
    if row is None or problem or not set(MANIFEST_FIELDS) <= set(row):
        return {"kind": "damaged", "ref": ref, "detail": f"damaged manifest line {ref}: {problem or 'missing fields'}"}
    return row


def last_validators(raw: Storage, source: str) -> dict[str, Validators]:
    """ETag / Last-Modified per URL from its newest successful fetch whose body we still hold.

    A URL whose stored body is missing gets no validators, so it is fetched in full again.
    Only the newest row per URL is checked against the store: one lookup per URL, not per fetch.
    """
    newest: dict[str, dict] = {}
    for fetch_day in manifest_days(raw):
        for row in read_manifest(raw, fetch_day, source):
            if row.get("http_status") == 200 and row["sha256"]:
                newest[row["url"]] = row
    return {
        url: Validators(etag=row["etag"], last_modified=row["last_modified"])
        if raw.exists(object_key(row["sha256"]))
        else Validators()
        for url, row in newest.items()
    }
