"""The two things any input becomes: an article, or a quarantine row saying why not.

Every reader (file drops, the raw archive) funnels its fields through :func:`make_article` so
the date, emptiness and size rules are the same whatever the format.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from engagement.sources.dates import parse_published


@dataclass(frozen=True)
class Article:
    article_id: str
    source: str
    url: str | None
    title: str
    text: str
    published_at: datetime  # aware, UTC
    language: str | None
    raw_ref: str
    content_hash: str

    @property
    def day(self) -> date:
        return self.published_at.date()


@dataclass(frozen=True)
class Rejected:
    """A quarantine row; ``day`` is the publication day, else the file's or fetch's day."""

    day: date
    raw_ref: str
    article_id: str | None
    reason: str
    detail: str


def stable_id(*parts: object) -> str:
    """sha1 of the parts, for records that carry no id of their own."""
    return hashlib.sha1("\x1f".join(str(part) for part in parts).encode("utf-8")).hexdigest()


def make_article(
    *,
    article_id: str,
    source: str,
    url: str | None,
    title: str | None,
    text: str | None,
    published: object,
    language: str | None,
    raw_ref: str,
    source_tz: tzinfo,
    undated_day: date,
    max_chars: int,
) -> Article | Rejected:
    """Validate one record's fields; undated records are quarantined on ``undated_day``."""

    def reject(day: date, reason: str, detail: str) -> Rejected:
        return Rejected(day, raw_ref, article_id, reason, detail)

    if published is None or str(published).strip() == "":
        return reject(undated_day, "missing_date", "no publication date")
    try:
        published_at = parse_published(published, source_tz)
    except ValueError as error:
        return reject(undated_day, "bad_date", str(error))
    body = text or ""
    if not body.strip():
        return reject(published_at.date(), "empty_text", "text is empty")
    if len(body) > max_chars:
        return reject(published_at.date(), "too_large", f"{len(body)} characters > {max_chars}")
    return Article(
        article_id=article_id,
        source=source,
        url=url or None,
        title=(title or "").strip(),
        text=body,
        published_at=published_at,
        language=language or None,
        raw_ref=raw_ref,
        content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
    )
