"""Per-article throughput of every stage and of the whole per-article pipeline, per core.

Issue 4's target: clean + entities + events on one article runs at >= 50% of the words per
second of spaCy's bare tokenizer on the same texts in the same run (one process, one core).
Stages are also timed alone, so each figure is what that stage costs in the DAG:

- clean: ``engagement.clean.clean_article`` (NFC/whitespace normalising, language id with
  lingua on a bounded sample, boilerplate lines) -- the function the clean stage runs;
- langid: ``engagement.text.language.detect_language`` alone, because it is the one stage
  whose cost does not come from our own rules;
- events: ``engagement.events.coding.EventCoder.code`` on entity results computed beforehand;
- pipeline: clean, ``extract_entities`` and ``code_events`` for one article, start to finish.

The entity extractor alone is ``extract_bench.py``'s job: timed here next to the pipeline, the
two would share the process's spaCy pipeline, and whichever ran second on a text would find
its words in the tokenizer's cache.

Same corpora, alternation and medians as ``extract_bench.py``.

    .venv/bin/python bench/pipeline_bench.py [--rounds 3]
"""

from __future__ import annotations

import argparse

from engagement.clean import clean_article
from engagement.config import load_settings
from engagement.events.coding import EventCoder
from engagement.nlp.entities import extract_entities
from engagement.text.language import detect_language
from extract_bench import (
    PUBLISHED,
    BareTokenizers,
    Corpus,
    Job,
    add_cache_argument,
    cold_start,
    load_corpora,
    print_table,
    rounds_label,
    timed_rounds,
)

TARGET_RATIO = 0.50
SETTINGS = load_settings()
CODER = EventCoder.from_settings(SETTINGS)


def clean_job(corpus: Corpus, index: int) -> None:
    clean_article(corpus.texts[index], None, corpus.lang, SETTINGS)


def langid_job(corpus: Corpus, index: int) -> None:
    detect_language(corpus.texts[index], SETTINGS.languages)


def events_job(entity_results: dict[str, list]) -> Job:
    """``EventCoder.code`` over entity results computed once, outside the timings."""

    def run(corpus: Corpus, index: int) -> None:
        result = entity_results[corpus.name][index]
        text = corpus.texts[index]
        CODER.code(str(index), text, corpus.lang, PUBLISHED, result.sentences, result.mentions)

    return run


def pipeline_job(corpus: Corpus, index: int) -> None:
    """One article start to finish, as the clean, extract_entities and detect_events stages
    do it (a quarantined article stops after clean)."""
    verdict = clean_article(corpus.texts[index], None, corpus.lang, SETTINGS)
    if verdict.text_clean is None:
        return
    text, lang = verdict.text_clean, verdict.language
    result = extract_entities(text, lang, PUBLISHED)
    CODER.code(str(index), text, lang, PUBLISHED, result.sentences, result.mentions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    add_cache_argument(parser)
    args = parser.parse_args()
    corpora = load_corpora()
    print(f"{sum(c.megabytes for c in corpora):.2f} MB, {sum(len(c.texts) for c in corpora)} texts, one process")
    entity_results = {c.name: [extract_entities(t, c.lang, PUBLISHED) for t in c.texts] for c in corpora}
    tokenizers = BareTokenizers()
    jobs = {
        "tokenizer": tokenizers,
        "clean": clean_job,
        "langid": langid_job,
        "events": events_job(entity_results),
        "pipeline": pipeline_job,
    }
    seconds = timed_rounds(corpora, jobs, args.rounds, None if args.warm else cold_start(tokenizers))
    print(f"{rounds_label(args.rounds, args.warm)}; target pipeline/tokenizer >= {TARGET_RATIO:.2f}")
    print_table(corpora, seconds, "tokenizer", "pipeline")


if __name__ == "__main__":
    main()
