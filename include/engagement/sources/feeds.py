"""RSS and Atom documents (already fetched) to feed items, via ``feedparser``.

feedparser is only given a stream of bytes: fetching is ours (``fetch.py``) so timeouts, retries, size caps
and conditional requests behave the same for feeds and pages. Nor does feedparser see a document
that declares XML entities: it expands them, so one 100 KB entity used 40,000 times takes
gigabytes. The bytes go through ``defusedxml`` first, which refuses any entity declaration
before expanding anything; an archived bomb is then a quarantine row at every later ingest.
"""

from __future__ import annotations

import io
import re
import xml.sax
from dataclasses import dataclass

import defusedxml
import defusedxml.sax
import feedparser

# An entity declaration anywhere, in ASCII-compatible encodings or UTF-16/32 once NULs are gone.
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)


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


def parse_feed(body: bytes, url: str, max_items: int | None = None) -> list[FeedItem]:
    """Items of an RSS/Atom document (the first ``max_items``); relative links resolved on ``url``.

    feedparser recovers items from slightly broken XML, which we accept (real feeds often
    are); only a document with no readable item at all, or one declaring XML entities, is an
    error.
    """
    _refuse_entity_declarations(body)
    # A stream, not bytes: feedparser tries bytes as a local file name first, so a body that
    # reads "/etc/hostname" would be answered with that file.
    parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": url})
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
        for position, entry in enumerate(parsed.entries[:max_items])
    ]


def _refuse_entity_declarations(body: bytes) -> None:
    """FeedError if the document declares an XML entity (billion laughs, external entities).

    A well-formed document is read by defusedxml's SAX parser, which stops at the first
    declaration, so nothing is expanded or built in memory. A malformed one stops expat early and
    goes to feedparser's tolerant parser, which would still honour declarations further on: those
    are searched for in the bytes.
    """
    try:
        defusedxml.sax.parseString(body, xml.sax.handler.ContentHandler(), forbid_external=False)
    except defusedxml.DefusedXmlException as error:
        declared = getattr(error, "name", None) or getattr(error, "sysid", None) or "?"
        raise FeedError(
            f"XML {type(error).__name__} ({declared!r}): entity declarations are not allowed"
        ) from None
    except xml.sax.SAXException:
        if _ENTITY_DECLARATION.search(body.replace(b"\x00", b"")):
            raise FeedError(
                "malformed XML declaring an entity: entity declarations are not allowed"
            ) from None


def _language(value: str | None) -> str | None:
    """``hi-IN`` and ``en-us`` become ``hi`` and ``en``, the codes the pipeline uses."""
    return value.split("-")[0].split("_")[0].lower() if value else None
