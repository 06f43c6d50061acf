"""Language-id accuracy and speed on real Hindi and English news (documents and sentences).

Reads the shared corpora in place (``$ENGAGEMENT_SHARED_DIR`` or ``<repo>/../shared``):
BBC Hindi articles, AG News "World" snippets and CoNLL-2003 Reuters stories.
Run: ``.venv/bin/python bench/langid_bench.py``
"""

from __future__ import annotations

import csv
import os
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from engagement.config import load_settings
from engagement.text.language import detect_language
from engagement.text.normalise import normalise

SHARED = Path(
    os.environ.get("ENGAGEMENT_SHARED_DIR", Path(__file__).resolve().parents[1] / ".." / "shared")
).resolve()
MIN_SENTENCE_CHARS = 20


def bbc_hindi_articles() -> list[str]:
    path = SHARED / "corpora/bbc_hindi_cohn/hindi-cleaned-test.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["1"] for row in csv.DictReader(handle) if row["1"]]


def agnews_world() -> list[str]:
    path = SHARED / "corpora/agnews_world/agnews_test_world.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [f"{row['title']}. {row['description']}" for row in csv.DictReader(handle)]


def conll_documents() -> list[list[str]]:
    """CoNLL-2003 testa+testb as documents, each a list of sentences (tokens joined)."""
    documents: list[list[str]] = []
    for name in ("eng.testa", "eng.testb"):
        sentence: list[str] = []
        path = SHARED / "corpora/conll2003_en" / name
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("-DOCSTART-"):
                documents.append([])
            elif not line.strip():
                if sentence and documents:
                    documents[-1].append(" ".join(sentence))
                sentence = []
            else:
                sentence.append(line.split(" ", 1)[0])
    return [doc for doc in documents if doc]


def hindi_sentences(articles: list[str]) -> list[str]:
    pieces = (s.strip() for text in articles for s in re.split(r"[।.?!\n]+", text))
    return [s for s in pieces if len(s) >= MIN_SENTENCE_CHARS]


def _evaluate(name: str, expected: str, texts: list[str], detect: Callable) -> None:
    started = time.perf_counter()
    predicted = Counter(detect(normalise(text)) for text in texts)
    elapsed = time.perf_counter() - started
    accuracy = predicted[expected] / len(texts)
    confusion = ", ".join(f"{label or 'unsure'}={n}" for label, n in predicted.most_common())
    print(
        f"{name:<28} n={len(texts):>6}  accuracy={accuracy:.4f}  "
        f"texts/s={len(texts) / elapsed:>8.0f}  [{confusion}]"
    )


def main() -> None:
    allowed = load_settings().languages
    print(f"allowed languages: {allowed}; corpora from {SHARED}")

    def detect(text: str) -> str | None:
        return detect_language(text, allowed)[0]

    detect("warm up the detector")
    hindi = bbc_hindi_articles()
    conll = conll_documents()
    _evaluate("hi  BBC Hindi articles", "hi", hindi, detect)
    _evaluate("hi  BBC Hindi sentences", "hi", hindi_sentences(hindi), detect)
    _evaluate("en  AG News World snippets", "en", agnews_world(), detect)
    _evaluate("en  CoNLL-2003 documents", "en", ["\n".join(doc) for doc in conll], detect)
    sentences = [s for doc in conll for s in doc if len(s) >= MIN_SENTENCE_CHARS]
    _evaluate("en  CoNLL-2003 sentences", "en", sentences, detect)


if __name__ == "__main__":
    main()
