"""RSS and Atom documents (already fetched) to feed items, via ``feedparser``.

feedparser is only given bytes: fetching is ours (``fetch.py``) so timeouts, retries, size caps
and conditional requests behave the same for feeds and pages.
"""

from __future__ import annotations

from dataclasses import dataclass

import feedparser


class FeedError(ValueError):
    """The document is not a feed we can read any item from."""


@dataclass(frozen=True)
class FeedItem:
    position: int  # 0-based order in the document, for raw_ref
    link: str | None
    guid: str | None
    title: str
    published: str | None  # as written in the feed; parsed with the source's timezone later
    language: str | None


def parse_feed(body: bytes, url: str) -> list[FeedItem]:
    """Items of an RSS/Atom document; relative links are resolved against ``url``.

    feedparser recovers items from slightly broken XML, which we accept (real feeds often
    are); only a document with no readable item at all is an error.
    """
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    if not parsed.entries and parsed.bozo:
        raise FeedError(f"malformed feed, no item readable: {parsed.get('bozo_exception')}")
    if not parsed.entries and not parsed.version:
        raise FeedError("not an RSS or Atom document")
    feed_language = _language(parsed.feed.get("language"))
    return [
        FeedItem(
            position=position,
            link=entry.get("link") or None,
            guid=entry.get("id") or None,
            title=(entry.get("title") or "").strip(),
            published=entry.get("published") or entry.get("updated") or None,
            language=_language(entry.get("language")) or feed_language,
        )
        for position, entry in enumerate(parsed.entries)
    ]


def _language(value: str | None) -> str | None:
    """``hi-IN`` and ``en-us`` become ``hi`` and ``en``, the codes the pipeline uses."""
    return value.split("-")[0].split("_")[0].lower() if value else None
