"""Precision/recall of duplicate detection on syndicated copies built from real articles.

Each sampled article (BBC Hindi, CoNLL-2003 Reuters stories) gets one copy with one or more
syndication edits: a different byline line, an agency tag, a dropped sentence. Copies and
originals go through the same path as the clean stage (normalise → strip boilerplate →
find_duplicates); a hit is a copy pointing at its own original.
Run: ``.venv/bin/python bench/dedupe_bench.py``
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from engagement.config import load_settings
from engagement.text.boilerplate import strip_boilerplate
from engagement.text.dedupe import Doc, find_duplicates
from engagement.text.normalise import normalise
from langid_bench import bbc_hindi_articles, conll_documents

SAMPLE_PER_CORPUS = 150
MIN_WORDS = 80
SEED = 7
BYLINES = {
    "hi": ["रिपोर्ट: अजय कुमार", "रिपोर्ट: नीता शर्मा"],
    "en": ["By Jane Doe", "By John Roe"],
}
AGENCY = {"hi": " (भाषा)", "en": " (PTI)"}
EDITS = ("byline", "agency", "drop_sentence")
SENTENCE_END = re.compile(r"(?<=[।.?!])\s*")


def _edit(text: str, lang: str, edits: tuple[str, ...], rng: random.Random) -> str:
    if "drop_sentence" in edits:
        sentences = [s for s in SENTENCE_END.split(text) if s]
        if len(sentences) > 2:
            del sentences[rng.randrange(1, len(sentences))]
        text = " ".join(sentences)
    if "agency" in edits:
        first_end = text.find("\n") if "\n" in text else len(text)
        text = text[:first_end] + AGENCY[lang] + text[first_end:]
    if "byline" in edits:
        text = f"{rng.choice(BYLINES[lang])}\n{text}"
    return text


def _sample(rng: random.Random) -> list[tuple[str, str]]:
    """(language, text) of long enough articles from each corpus."""
    hindi = [("hi", t) for t in bbc_hindi_articles() if len(t.split()) >= MIN_WORDS]
    english = [("en", "\n".join(d)) for d in conll_documents()]
    english = [(lang, t) for lang, t in english if len(t.split()) >= MIN_WORDS]
    return rng.sample(hindi, SAMPLE_PER_CORPUS) + rng.sample(english, SAMPLE_PER_CORPUS)


def main() -> None:
    threshold = load_settings().near_duplicate_threshold
    rng = random.Random(SEED)
    base = datetime(2025, 11, 18, tzinfo=UTC)
    docs: list[Doc] = []
    truth: dict[str, tuple[str, tuple[str, ...]]] = {}
    for i, (lang, text) in enumerate(_sample(rng)):
        edits = tuple(e for e in EDITS if rng.random() < 0.5) or (rng.choice(EDITS),)
        original, copy = f"{lang}-{i:04d}", f"{lang}-{i:04d}-copy"
        truth[copy] = (original, edits)
        copied = _edit(text, lang, edits, rng)
        for article_id, body, delay in ((original, text, 0), (copy, copied, 1)):
            cleaned, _ = strip_boilerplate(normalise(body), lang, None)
            docs.append(Doc(article_id, base + timedelta(hours=delay), cleaned))

    started = time.perf_counter()
    matches = find_duplicates(docs, threshold)
    elapsed = time.perf_counter() - started

    correct = [m for m in matches if truth.get(m.article_id, ("",))[0] == m.duplicate_of]
    found = {m.article_id for m in correct}
    print(
        f"threshold={threshold}  documents={len(docs)}  copies={len(truth)}  "
        f"docs/s={len(docs) / elapsed:.0f}"
    )
    print(
        f"predicted pairs={len(matches)}  correct={len(correct)}  "
        f"precision={len(correct) / max(len(matches), 1):.4f}  "
        f"recall={len(found) / len(truth):.4f}"
    )
    print("matches by reason:", dict(Counter(m.reason for m in matches)))
    wrong = [(m.article_id, m.duplicate_of, m.similarity) for m in matches if m not in correct]
    print("false pairs:", wrong)
    by_edit: Counter = Counter()
    hit_by_edit: Counter = Counter()
    for copy, (_, edits) in truth.items():
        key = ("hi" if copy.startswith("hi") else "en") + ":" + "+".join(edits)
        by_edit[key] += 1
        hit_by_edit[key] += copy in found
    for key in sorted(by_edit):
        print(f"  recall {key:<34} {hit_by_edit[key]:>3}/{by_edit[key]:<3}")
    similarities = sorted(m.similarity for m in correct if m.reason == "near_duplicate")
    if similarities:
        print(
            f"near-duplicate similarity: min={similarities[0]:.2f} "
            f"median={similarities[len(similarities) // 2]:.2f}"
        )


if __name__ == "__main__":
    main()
