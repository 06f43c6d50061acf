"""Time per character of the whole per-article pipeline on long single-line articles.

Issue 12's target: clean, entities and events run in time linear in the text, so a 1 MB
single-line article in Hindi or English costs at most ~10x a normal article's time per
character. Inputs are built at run time from the shared corpora (never stored in the repo):

- ``clause``: one real sentence that codes an event (the first such of the normal articles), its
  punctuation stripped, repeated to the size: every stretch has triggers and countries;
- ``stripped``: the language's corpora (BBC Hindi, Hindi disaster news, HiNER; CoNLL-2003,
  AG News World, re3d, Lee ABC) joined with punctuation and line breaks stripped, one line cut to
  the size.

The reference is the median time per character of normal articles (BBC Hindi; CoNLL-2003
Reuters stories), with punctuation, through the same pipeline. The clean stage's article cap is lifted for the run
(it would quarantine a 1 MB article before any rule saw it).

    .venv/bin/python bench/linearity_bench.py [--sizes 10000 100000 1000000] [--normal 300]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from dataclasses import replace

from engagement.clean import clean_article
from engagement.config import load_settings
from engagement.events.coding import EventCoder
from engagement.nlp.entities import extract_entities
from extract_bench import (
    PUBLISHED,
    agnews_world,
    bbc_hindi,
    conll2003_documents,
    hindi_disaster_events,
    hiner_documents,
    lee_abc_news,
    re3d_documents,
)

TARGET_RATIO = 10.0
SETTINGS = replace(load_settings(), max_article_chars=10_000_000)
CODER = EventCoder.from_settings(SETTINGS)
_PUNCTUATION = re.compile(r"[।॥.?!,;:\"'“”‘’()\[\]\-–—]+|\s+")
# Per language: the normal articles (the reference and the clause's source), then every corpus
# whose text, stripped and joined, makes the long real-text line.
CORPORA = {
    "hi": (bbc_hindi, (bbc_hindi, hindi_disaster_events, hiner_documents)),
    "en": (conll2003_documents, (conll2003_documents, agnews_world, re3d_documents, lee_abc_news)),
}


def pipeline(text: str, lang: str) -> int | None:
    """Clean, extract entities and code events of one article; the number of event mentions, or
    None when the clean stage quarantines the article (as the DAG would, nothing more is done)."""
    verdict = clean_article(text, None, lang, SETTINGS)
    if verdict.text_clean is None:
        return None
    result = extract_entities(verdict.text_clean, verdict.language, PUBLISHED)
    events = CODER.code("bench", verdict.text_clean, verdict.language, PUBLISHED, result.sentences, result.mentions)
    return len(events)


def strip_punctuation(text: str) -> str:
    return _PUNCTUATION.sub(" ", text).strip()


def event_clause(texts: list[str], lang: str) -> str:
    """The first sentence of the corpus that codes an event, still without its punctuation."""
    for text in texts:
        result = extract_entities(text, lang, PUBLISHED)
        for event in CODER.code("probe", text, lang, PUBLISHED, result.sentences, result.mentions):
            clause = strip_punctuation(event.evidence_text)
            if pipeline(clause, lang):  # still codes an event (and is not quarantined)
                return clause
    raise SystemExit(f"no {lang} sentence of the corpus codes an event")


def repeated_to(piece: str, size: int) -> str:
    return ((piece + " ") * (size // (len(piece) + 1) + 1))[:size].rsplit(" ", 1)[0]


def normal_seconds_per_char(texts: list[str], lang: str) -> float:
    rates = []
    for text in texts:
        start = time.perf_counter()
        if pipeline(text, lang) is not None:  # a quarantined article is no normal one
            rates.append((time.perf_counter() - start) / len(text))
    return statistics.median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--normal", type=int, default=300, help="normal articles for the reference")
    args = parser.parse_args()
    print(f"{'lang':4} {'input':8} {'chars':>9} {'seconds':>8} {'us/char':>8} {'x normal':>8} {'events':>6}")
    worst = 0.0
    for lang, (articles, corpora) in CORPORA.items():
        texts = [t for t in articles() if len(t) >= 200]
        normal = texts[: args.normal]
        pipeline(normal[0], lang)  # load the spaCy pipeline and the resources outside the timings
        reference = normal_seconds_per_char(normal, lang)
        typical = statistics.median(map(len, normal))
        print(f"{lang:4} {'normal':8} {typical:>9.0f} {'':>8} {reference * 1e6:>8.2f} {1:>8.2f}")
        stripped = strip_punctuation(" ".join(text for corpus in corpora for text in corpus()))
        inputs = {"clause": (event_clause(texts, lang),), "stripped": (stripped,)}
        for kind, (source,) in inputs.items():
            for size in args.sizes:
                text = repeated_to(source, size) if kind == "clause" else source[:size].rsplit(" ", 1)[0]
                start = time.perf_counter()
                found = pipeline(text, lang)
                if found is None:
                    raise SystemExit(f"the clean stage quarantined the {lang} {kind} input of {len(text)} characters")
                seconds = time.perf_counter() - start
                ratio = seconds / len(text) / reference
                worst = max(worst, ratio)
                print(
                    f"{lang:4} {kind:8} {len(text):>9} {seconds:>8.2f} {seconds / len(text) * 1e6:>8.2f}"
                    f" {ratio:>8.2f} {found:>6}",
                    flush=True,
                )
    verdict = "met" if worst <= TARGET_RATIO else "NOT met"
    print(f"worst: {worst:.1f}x a normal article's time per character; target <= {TARGET_RATIO:.0f}x: {verdict}")


if __name__ == "__main__":
    main()
