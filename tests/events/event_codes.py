"""What a rule test compares: each event of a text as (pair, code, source, target, status, date)."""

from __future__ import annotations

from datetime import date

from engagement.extract import extract_article


def event_codes(text: str, lang: str, published: date | None) -> list[tuple]:
    return [
        (tuple(e["actors"]), e["cameo"], e["source"], e["target"], e["status"], e["date"])
        for e in extract_article(text, lang, published)["events"]
    ]
