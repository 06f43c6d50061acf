"""Articles taken out on purpose: the only way a loaded day may lose articles.

Once ingested, an article stays in the raw store with its day, so a rerun can never silently
shrink a day. When an article must go (a takedown request, a story that is not news), an
operator records it with ``engagement remove-articles``: one object per command under
``removals/`` of the raw store (a log of whole objects, see ``sources.rawstore``; the
``removals.jsonl`` earlier versions appended to is still read). Ingest leaves removed articles
out, and ``aggregate`` copies the log into ``core.article_removals``, where the shrink guard
(``warehouse.shrink``) reads which losses are explained and BI users can see what was removed,
when and why.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime

from engagement.sources.rawstore import log_object_name, read_log, write_log
from engagement.storage import Storage

LEGACY_LOG = "removals.jsonl"
LOG_FOLDER = "removals"


@dataclass(frozen=True)
class Removal:
    day: date
    article_id: str
    reason: str
    removed_at: datetime
    removed_by: str


def record_removals(raw: Storage, day: date, article_ids: list[str], reason: str) -> list[Removal]:
    """Write one removal per id to a new object of the raw store's log; returns what was recorded."""
    if not reason.strip():
        raise ValueError("a removal needs a reason")
    now = datetime.now(UTC)
    removals = [Removal(day, article_id, reason.strip(), now, getpass.getuser()) for article_id in article_ids]
    rows = [{**asdict(removal), "day": day.isoformat(), "removed_at": now.isoformat()} for removal in removals]
    write_log(raw, rows, LOG_FOLDER, log_object_name())
    return removals


def read_removals(raw: Storage) -> list[Removal]:
    """Every recorded removal; a damaged line is skipped (the article then simply stays in)."""
    removals = []
    for _, lines in read_log(raw, LEGACY_LOG, LOG_FOLDER):
        for line in lines:
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


def removed_ids(raw: Storage, day: date) -> set[str]:
    return {removal.article_id for removal in read_removals(raw) if removal.day == day}
