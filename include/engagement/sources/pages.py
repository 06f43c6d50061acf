"""HTML (an article page or an HTML file drop) reduced to title, main text, date and language.

``trafilatura`` strips navigation and boilerplate; its date finder (htmldate) is asked for the
full timestamp with zone so ``<meta property="article:published_time">`` keeps its hour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo

import trafilatura

from engagement.sources.dates import parse_published

_DATE_PARAMS = {
    "original_date": True,
    "extensive_search": False,  # guessing from free text invents dates; meta/markup only
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
}
_CHARSET_HEADER = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)


class UndecodableError(ValueError):
    """Bytes are neither UTF-8 nor valid in the charset they declare."""


@dataclass(frozen=True)
class Page:
    title: str
    text: str
    published: datetime | None
    language: str | None
    url: str | None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """UTF-8 first; otherwise the charset declared by the header or a ``<meta>`` tag."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_problem = error
    declared = _declared_charset(content_type, body)
    if declared is None or declared.replace("-", "").replace("_", "") == "utf8":
        raise UndecodableError(f"not UTF-8 and no other charset declared: {utf8_problem}")
    try:
        return body.decode(declared)
    except (LookupError, UnicodeDecodeError) as error:
        raise UndecodableError(f"not valid {declared}: {error}") from error


def _declared_charset(content_type: str | None, body: bytes) -> str | None:
    for haystack in ((content_type or "").encode("ascii", "ignore"), body[:4096]):
        match = _CHARSET_HEADER.search(haystack)
        if match:
            return match.group(1).decode("ascii").lower()
    return None


def extract_page(html: str, source_tz: tzinfo) -> Page:
    """Main content of a page; ``text`` is empty when the page has no article in it."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        favor_precision=True,  # a menu or photo caption taken for an article is worse than none
        date_extraction_params=_DATE_PARAMS,
    )
    if document is None:
        return Page(title="", text="", published=None, language=_html_language(html), url=None)
    return Page(
        title=(document.title or "").strip(),
        text=(document.text or "").strip(),
        published=_page_date(document.date, source_tz),
        language=_html_language(html),
        url=document.url,
    )


def _page_date(value: str | None, source_tz: tzinfo) -> datetime | None:
    """htmldate pads a date-only value with ``T00:00:00``; that means a day, i.e. midnight UTC."""
    if not value:
        return None
    if value.endswith("T00:00:00"):
        value = value[:10]
    try:
        return parse_published(value, source_tz)
    except ValueError:
        return None


def _html_language(html: str) -> str | None:
    match = _HTML_LANG.search(html[:4096])
    return match.group(1).lower() if match else None
