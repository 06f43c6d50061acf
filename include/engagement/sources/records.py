"""The two things any input becomes: an article, or a quarantine row saying why not.

Every reader (file drops, the raw archive) funnels its fields through :func:`make_article` so
the type, date, emptiness and size rules are the same whatever the format. Nothing a record
holds can raise out of here: a value of the wrong type is a ``bad_record``, never a crash or a
Python repr in the text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from engagement.sources.dates import parse_published

# Publication dates outside [EARLIEST_PUBLISHED, moment read + CLOCK_SKEW] are not trusted.
EARLIEST_PUBLISHED = datetime(1900, 1, 1, tzinfo=UTC)
CLOCK_SKEW = timedelta(days=1)


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


@dataclass(frozen=True)
class Limits:
    """Caps from Settings: a dropped file's size, an article's text and every short field."""

    max_article_chars: int
    max_field_chars: int
    max_file_bytes: int


@dataclass(frozen=True)
class Origin:
    """Where a record was read and when: its reference, the source's clock and the read moment.

    ``read_at`` bounds believable publication dates (a story cannot be published after it was
    fetched or dropped); ``undated_day`` is where an undated record is quarantined.
    """

    raw_ref: str
    source_tz: tzinfo
    undated_day: date
    read_at: datetime


def stable_id(*parts: object) -> str:
    """sha1 of the parts, for records that carry no id of their own."""
    return hashlib.sha1("\x1f".join(str(part) for part in parts).encode("utf-8")).hexdigest()


class _FieldProblem(ValueError):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason


def _short_text(name: str, value: object, limits: Limits) -> str | None:
    """A short field (id, source, url, title, language) as text, or a problem."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _FieldProblem("bad_record", f"field '{name}' must be text, not {type(value).__name__}")
    text = str(value)
    if len(text) > limits.max_field_chars:
        raise _FieldProblem("too_large", f"field '{name}' has {len(text)} characters > {limits.max_field_chars}")
    return text


def make_article(fields: dict, origin: Origin, limits: Limits) -> Article | Rejected:
    """Validate one record's fields (id, source, url, title, text, published, language).

    ``fields['id']`` must already be set (readers derive one when the record has none).
    Undated records and unreadable or implausible dates are quarantined on ``undated_day``.
    """
    article_id = fields.get("id")
    article_id = str(article_id)[: limits.max_field_chars] if article_id is not None else None

    def reject(day: date, reason: str, detail: str) -> Rejected:
        return Rejected(day, origin.raw_ref, article_id, reason, detail)

    try:
        short = {
            name: _short_text(name, fields.get(name), limits) for name in ("id", "source", "url", "title", "language")
        }
    except _FieldProblem as problem:
        return reject(origin.undated_day, problem.reason, str(problem))
    text = fields.get("text")
    if text is not None and not isinstance(text, str):
        return reject(origin.undated_day, "bad_record", f"field 'text' must be text, not {type(text).__name__}")
    published = fields.get("published")
    if published is None or str(published).strip() == "":
        return reject(origin.undated_day, "missing_date", "no publication date")
    if not isinstance(published, str | date):
        return reject(origin.undated_day, "bad_date", f"publication date is a {type(published).__name__}")
    try:
        published_at = parse_published(published, origin.source_tz)
    except ValueError as error:
        return reject(origin.undated_day, "bad_date", str(error))
    if not EARLIEST_PUBLISHED <= published_at <= origin.read_at + CLOCK_SKEW:
        read_at = f"{origin.read_at:%Y-%m-%d %H:%M} UTC"
        detail = f"published {published_at.isoformat()} is before 1900 or after it was read ({read_at})"
        return reject(origin.undated_day, "implausible_date", detail)
    body = text or ""
    if not body.strip():
        return reject(published_at.date(), "empty_text", "text is empty")
    if len(body) > limits.max_article_chars:
        return reject(published_at.date(), "too_large", f"{len(body)} characters > {limits.max_article_chars}")
    return Article(
        article_id=short["id"],
        source=short["source"],
        url=short["url"] or None,
        title=(short["title"] or "").strip(),
        text=body,
        published_at=published_at,
        language=short["language"] or None,
        raw_ref=origin.raw_ref,
        content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
    )
