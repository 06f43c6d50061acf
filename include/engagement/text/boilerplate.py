"""Find and remove boilerplate lines ("also read" links, bylines, captions, share prompts,
datelines, a repeated headline) and agency tags inside lines.

Patterns live in ``data/boilerplate.yaml`` so editors can add a site's quirks without code.
Extraction runs on text with these lines gone; :func:`mask_boilerplate` blanks them instead
when character offsets into the original text must stay valid.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from engagement.text.normalise import collapse_blank_lines

PATTERNS_FILE = Path(__file__).resolve().parent / "data" / "boilerplate.yaml"
HEADLINE_KIND = "headline"

Span = tuple[int, int, str]


@dataclass(frozen=True)
class Pattern:
    kind: str
    lang: str
    regex: re.Pattern[str]
    max_chars: int | None = None
    first_line_only: bool = False

    def applies_to(self, lang: str | None) -> bool:
        return lang is None or self.lang in ("any", lang)


@dataclass(frozen=True)
class Rules:
    lines: tuple[Pattern, ...]
    inline: tuple[Pattern, ...]


@lru_cache(maxsize=1)
def load_rules(path: Path = PATTERNS_FILE) -> Rules:
    """Compile the YAML patterns once; months are substituted for ``{month}``."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    names = sorted({m for ms in data["months"].values() for m in ms}, key=len, reverse=True)
    months = "(?i:" + "|".join(re.escape(unicodedata.normalize("NFC", m)) for m in names) + ")"

    def build(entry: dict) -> Pattern:
        # The text is NFC (nukta letters decomposed), so the patterns must be too.
        source = unicodedata.normalize("NFC", entry["regex"]).replace("{month}", months)
        return Pattern(
            kind=entry["kind"],
            lang=entry["lang"],
            regex=re.compile(source),
            max_chars=entry.get("max_chars"),
            first_line_only=bool(entry.get("first", False)),
        )

    return Rules(
        lines=tuple(build(e) for e in data["lines"]),
        inline=tuple(build(e) for e in data["inline"]),
    )


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) for every line; ``end`` excludes the newline."""
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line), line
        start += len(line) + 1


def _headline_key(text: str) -> str:
    drop = str.maketrans({ch: " " for ch in string.punctuation + "।॥"})
    return " ".join(unicodedata.normalize("NFC", text).casefold().translate(drop).split())


def _line_kind(line: str, patterns: list[Pattern], is_first: bool) -> str | None:
    for pattern in patterns:
        if pattern.first_line_only and not is_first:
            continue
        if pattern.max_chars is not None and len(line) > pattern.max_chars:
            continue
        if pattern.regex.search(line):
            return pattern.kind
    return None


def boilerplate_lines(text: str, lang: str | None, title: str | None = None) -> list[Span]:
    """Character spans (start, end, kind) of whole lines that are boilerplate.

    Spans cover the line's visible characters (not its newline). ``lang`` selects the patterns
    of that language plus the language-neutral ones; ``None`` applies all of them. With
    ``title`` a line repeating the headline is reported too (kind ``headline``).
    """
    patterns = [p for p in load_rules().lines if p.applies_to(lang)]
    title_key = _headline_key(title) if title else ""
    spans: list[Span] = []
    seen_content = False
    for start, end, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        kind = _line_kind(stripped, patterns, is_first=not seen_content)
        if kind is None and title_key and _headline_key(stripped) == title_key:
            kind = HEADLINE_KIND
        seen_content = True
        if kind is not None:
            spans.append((start, end, kind))
    return spans


def inline_tags(text: str, lang: str | None) -> list[Span]:
    """Spans of agency tags such as "(PTI)" inside lines, with the spaces before them."""
    spans: list[Span] = []
    for pattern in load_rules().inline:
        if not pattern.applies_to(lang):
            continue
        for match in pattern.regex.finditer(text):
            start = match.start()
            while start > 0 and text[start - 1] == " ":
                start -= 1
            spans.append((start, match.end(), pattern.kind))
    return sorted(spans)


def mask_boilerplate(text: str, lang: str | None, title: str | None = None) -> str:
    """``text`` with boilerplate lines and inline tags blanked by spaces: same length and
    newlines, so offsets found in the masked text are valid in the original."""
    chars = list(text)
    for start, end, _ in boilerplate_lines(text, lang, title) + inline_tags(text, lang):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def strip_boilerplate(text: str, lang: str | None, title: str | None) -> tuple[str, int]:
    """``text`` without boilerplate lines and inline tags, blank-line runs collapsed, and the
    number of lines removed."""
    removed = boilerplate_lines(text, lang, title)
    removed_starts = {start for start, _, _ in removed}
    kept = [line for start, _, line in _lines(text) if start not in removed_starts]
    body = "\n".join(kept)
    for start, end, _ in reversed(inline_tags(body, lang)):
        body = body[:start] + body[end:]
    return collapse_blank_lines("\n".join(line.strip() for line in body.split("\n"))), len(removed)
