"""The raw landing zone: every fetched body kept as received, plus a log of every fetch.

Bodies are content addressed (``objects/ab/cdef…`` by sha256) so refetching identical content
never doubles storage, and they are written BEFORE anything parses them, so a parser bug can be
fixed and any date re-parsed from the archive. The manifest
(``manifest/<fetch-day>/<source>.jsonl``) is append-only: one row per fetch, failures and 304s
included.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import date, datetime
from pathlib import Path

from engagement.sources.client import FetchResult, Validators

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


def object_path(raw_dir: Path, sha256: str) -> Path:
    return raw_dir / "objects" / sha256[:2] / sha256[2:]


def store_object(raw_dir: Path, body: bytes) -> tuple[str, bool]:
    """Write ``body`` once under its sha256; returns (sha256, newly_written)."""
    sha256 = hashlib.sha256(body).hexdigest()
    target = object_path(raw_dir, sha256)
    if target.exists():
        return sha256, False
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write-then-rename so a crash never leaves a truncated object under a valid hash.
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as handle:
        handle.write(body)
    os.replace(handle.name, target)
    return sha256, True


class MissingObject(FileNotFoundError):
    """A manifest row names a body the store no longer holds."""


def read_object(raw_dir: Path, sha256: str) -> bytes:
    try:
        return object_path(raw_dir, sha256).read_bytes()
    except FileNotFoundError:
        raise MissingObject(f"raw object {sha256[:12]}… is missing from the raw store") from None


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


def append_manifest(raw_dir: Path, fetch_day: date, source: str, rows: list[dict]) -> Path:
    path = raw_dir / "manifest" / fetch_day.isoformat() / f"{source}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def manifest_days(raw_dir: Path) -> list[date]:
    """Fetch days with a manifest folder; anything else in ``manifest/`` is not ours and skipped."""
    folder = raw_dir / "manifest"
    if not folder.is_dir():
        return []
    days = []
    for entry in folder.iterdir():
        try:
            day = date.fromisoformat(entry.name)
        except ValueError:
            continue
        if entry.is_dir():
            days.append(day)
    return sorted(days)


def read_manifest(raw_dir: Path, fetch_day: date, source: str | None = None) -> list[dict]:
    """Rows fetched on one day (all sources unless ``source``), each with its ``fetch_day``.

    A line that is not a whole manifest row (a crash mid-append, a disk error) comes back as a
    row of kind ``damaged`` with a detail, so readers report it instead of failing the day.
    """
    folder = raw_dir / "manifest" / fetch_day.isoformat()
    files = [folder / f"{source}.jsonl"] if source else sorted(folder.glob("*.jsonl"))
    rows = []
    for path in files:
        if not path.is_file():
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for number, line in enumerate(lines, start=1):
            if line.strip():
                rows.append(
                    {**_manifest_row(line, f"manifest/{fetch_day}/{path.name}:{number}"), "fetch_day": fetch_day}
                )
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


def last_validators(raw_dir: Path, source: str) -> dict[str, Validators]:
    """ETag / Last-Modified per URL from its newest successful fetch whose body we still hold.

    A URL whose stored body is missing gets no validators, so it is fetched in full again.
    """
    validators: dict[str, Validators] = {}
    for fetch_day in manifest_days(raw_dir):
        for row in read_manifest(raw_dir, fetch_day, source):
            if row.get("http_status") == 200 and row["sha256"]:
                held = object_path(raw_dir, row["sha256"]).exists()
                validators[row["url"]] = (
                    Validators(etag=row["etag"], last_modified=row["last_modified"]) if held else Validators()
                )
    return validators
