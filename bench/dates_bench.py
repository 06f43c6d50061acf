"""Throughput of ``find_dates`` on real news text, next to spaCy's bare tokenizer.

The entity extractor must run at >= 60% of the tokenizer's speed, so date finding has to cost
a small fraction of it. Reads the shared corpora in place (``ENGAGEMENT_SHARED_DIR``, default
``<repo>/../shared``); prints texts/s, words/s and the mentions found per language.

    .venv/bin/python bench/dates_bench.py
"""

from __future__ import annotations

import csv
import os
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

import spacy

from engagement.nlp.dates import find_dates

SHARED = Path(os.environ.get("ENGAGEMENT_SHARED_DIR", Path(__file__).resolve().parents[1] / ".." / "shared"))
PUBLISHED = date(2025, 11, 17)
REPEATS = 5


def hindi_texts() -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with open(SHARED / "corpora/bbc_hindi_cohn/hindi-cleaned-test.csv", encoding="utf-8") as f:
        return [row[1] for row in csv.reader(f) if len(row) > 1 and row[1].strip()][1:]


def english_texts() -> list[str]:
    with open(SHARED / "corpora/agnews_world/agnews_test_world.csv", encoding="utf-8") as f:
        return [f"{row['title']}. {row['description']}" for row in csv.DictReader(f)]


def best_seconds(run) -> float:
    """Fastest of a few repeats: the figure least disturbed by other processes."""
    timings = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        run()
        timings.append(time.perf_counter() - began)
    return min(timings)


def main() -> None:
    for lang, texts in (("hi", hindi_texts()), ("en", english_texts())):
        words = sum(len(text.split()) for text in texts)
        tokenizer = spacy.blank(lang).tokenizer
        dates_s = best_seconds(lambda: [find_dates(t, lang, PUBLISHED) for t in texts])
        tokens_s = best_seconds(lambda: [tokenizer(t) for t in texts])
        found = [m for t in texts for m in find_dates(t, lang, PUBLISHED)]
        kinds = Counter(m.precision + ("/relative" if m.relative else "") for m in found)
        print(
            f"{lang}: {len(texts)} texts, {words} words | find_dates {len(texts) / dates_s:,.0f} "
            f"texts/s, {words / dates_s:,.0f} words/s | spaCy tokenizer {words / tokens_s:,.0f} "
            f"words/s | dates cost {dates_s / tokens_s:.1%} of tokenizing | {len(found)} mentions "
            f"{dict(kinds)}"
        )


if __name__ == "__main__":
    main()
