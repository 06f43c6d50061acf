"""Bounded spans of a sentence around a trigger.

No rule looks further than ``MAX_WINDOW_CHARS`` from its trigger, so coding a sentence costs a
fixed amount per trigger however long the sentence runs (the sentence splitter bounds sentences
too; this holds even for one that it cannot cut, such as a single huge token).
"""

from __future__ import annotations

# Three times the longest sentence of the bench corpora (779 characters): no real verb, cue or
# clause lies further from its trigger.
MAX_WINDOW_CHARS = 2500


def after(text: str, start: int, end: int | None = None) -> str:
    """``text[start:end]`` cut to at most ``MAX_WINDOW_CHARS`` from ``start``."""
    stop = start + MAX_WINDOW_CHARS if end is None else min(end, start + MAX_WINDOW_CHARS)
    return text[start:stop]


def before(text: str, start: int, end: int) -> str:
    """``text[start:end]`` cut to at most ``MAX_WINDOW_CHARS`` before ``end``."""
    return text[max(start, end - MAX_WINDOW_CHARS) : end]
