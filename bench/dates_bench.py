"""Throughput of ``find_dates`` on real news text next to spaCy's bare tokenizer, and its
agreement with the TIMEX tags of HiNER.

The entity extractor must run at >= 60% of the tokenizer's speed, so date finding has to cost
a small fraction of it. Both are timed in alternation (best of several rounds) so load from
other processes hits them alike. Reads the shared corpora in place (``ENGAGEMENT_SHARED_DIR``,
default ``<repo>/../shared``).

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

SHARED = Path(
    os.environ.get("ENGAGEMENT_SHARED_DIR", Path(__file__).resolve().parents[1] / ".." / "shared")
)
PUBLISHED = date(2025, 11, 17)
ROUNDS = 7


def hindi_texts() -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with open(SHARED / "corpora/bbc_hindi_cohn/hindi-cleaned-test.csv", encoding="utf-8") as f:
        return [row[1] for row in list(csv.reader(f))[1:] if len(row) > 1 and row[1].strip()]


def english_texts() -> list[str]:
    with open(SHARED / "corpora/agnews_world/agnews_test_world.csv", encoding="utf-8") as f:
        return [f"{row['title']}. {row['description']}" for row in csv.DictReader(f)]


def hiner_sentences() -> list[tuple[str, list[tuple[int, int]]]]:
    """HiNER validation sentences as (text, TIMEX spans), tokens joined by single spaces."""
    sentences, tokens = [], []
    lines = (SHARED / "corpora/hiner_val/validation.conll").read_text(encoding="utf-8").splitlines()
    for line in [*lines, ""]:
        if line:
            tokens.append(line.split("\t"))
            continue
        text, spans = "", []
        for token, tag in tokens:
            start = len(text) + bool(text)
            text = f"{text} {token}" if text else token
            if tag == "B-TIMEX":
                spans.append((start, len(text)))
            elif tag == "I-TIMEX" and spans:
                spans[-1] = (spans[-1][0], len(text))
        if text:
            sentences.append((text, spans))
        tokens = []
    return sentences


def timed_rounds(jobs: dict) -> dict[str, float]:
    """Best seconds per job over alternating rounds."""
    best = dict.fromkeys(jobs, float("inf"))
    for _ in range(ROUNDS):
        for name, job in jobs.items():
            began = time.perf_counter()
            job()
            best[name] = min(best[name], time.perf_counter() - began)
    return best


def throughput(lang: str, texts: list[str]) -> None:
    words = sum(len(text.split()) for text in texts)
    tokenizer = spacy.blank(lang).tokenizer
    seconds = timed_rounds(
        {
            "dates": lambda: [find_dates(t, lang, PUBLISHED) for t in texts],
            "tokens": lambda: [tokenizer(t) for t in texts],
        }
    )
    found = [m for t in texts for m in find_dates(t, lang, PUBLISHED)]
    kinds = Counter(m.precision + ("/relative" if m.relative else "") for m in found)
    print(
        f"{lang}: {len(texts)} texts, {words} words | find_dates {len(texts) / seconds['dates']:,.0f}"
        f" texts/s, {words / seconds['dates']:,.0f} words/s | spaCy tokenizer "
        f"{words / seconds['tokens']:,.0f} words/s | dates cost "
        f"{seconds['dates'] / seconds['tokens']:.1%} of tokenizing | {len(found)} mentions "
        f"{dict(kinds)}"
    )


def hiner_agreement() -> None:
    """Share of our mentions on a gold TIMEX, and of gold TIMEX we touch. TIMEX also tags
    durations and times of day ("दो साल", "सुबह"), which are not dates: recall is a floor."""
    ours = on_gold = gold = touched = 0
    for text, spans in hiner_sentences():
        mentions = find_dates(text, "hi", PUBLISHED)
        overlaps = [[m.start < e and s < m.end for (s, e) in spans] for m in mentions]
        ours += len(mentions)
        on_gold += sum(any(row) for row in overlaps)
        gold += len(spans)
        touched += sum(any(column) for column in zip(*overlaps, strict=True)) if overlaps else 0
    print(
        f"HiNER TIMEX (hi): {ours} mentions, {on_gold / ours:.1%} on a gold TIMEX | "
        f"{touched / gold:.1%} of {gold} gold TIMEX found"
    )


def main() -> None:
    throughput("hi", hindi_texts())
    throughput("en", english_texts())
    hiner_agreement()


if __name__ == "__main__":
    main()
