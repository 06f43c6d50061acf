"""Articles taken out on purpose: the only way a loaded day may lose articles.

Once ingested, an article stays in the raw store with its day, so a rerun can never silently
shrink a day. When an article must go (a takedown request, a story that is not news), an
operator records it with ``engagement remove-articles``: a row in ``removals.jsonl`` of the raw
store. Ingest leaves removed articles out, and ``aggregate`` copies the log into
``core.article_removals``, where the shrink guard (``warehouse.shrink``) reads which losses are
explained and BI users can see what was removed, when and why.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path


@dataclass(frozen=True)
class Removal:
    day: date
    article_id: str
    reason: str
    removed_at: datetime
    removed_by: str


def _log_path(raw_dir: Path) -> Path:
    return raw_dir / "removals.jsonl"


def record_removals(raw_dir: Path, day: date, article_ids: list[str], reason: str) -> list[Removal]:
    """Append one removal per id to the raw store's log; returns what was recorded."""
    if not reason.strip():
        raise ValueError("a removal needs a reason")
    now = datetime.now(UTC)
    removals = [Removal(day, article_id, reason.strip(), now, getpass.getuser()) for article_id in article_ids]
    path = _log_path(raw_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        for removal in removals:
            row = {**asdict(removal), "day": day.isoformat(), "removed_at": now.isoformat()}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return removals


def read_removals(raw_dir: Path) -> list[Removal]:
    """Every recorded removal; a damaged line is skipped (the article then simply stays in)."""
    path = _log_path(raw_dir)
    if not path.is_file():
        return []
    removals = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            row = json.loads(line)
            removals.append(
                Removal(
                    date.fromisoformat(row["day"]),
                    str(row["article_id"]),
                    str(row["reason"]),
                    datetime.fromisoformat(row["removed_at"]),
                    str(row.get("removed_by") or ""),
                )
            )
        except (ValueError, KeyError, TypeError):
            continue
    return removals


def removed_ids(raw_dir: Path, day: date) -> set[str]:
    return {removal.article_id for removal in read_removals(raw_dir) if removal.day == day}
