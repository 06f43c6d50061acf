"""Per-article throughput of every stage and of the whole per-article pipeline, per core.

Issue 4's target: clean + entities + events on one article runs at >= 50% of the words per
second of spaCy's bare tokenizer on the same texts in the same run (one process, one core).
Each stage is also timed alone (entities and events on the corpus text as it is, events on
entity results computed beforehand), so each figure is what that stage costs in the DAG:

- clean: ``engagement.clean.clean_article`` (NFC/whitespace normalising, language id with
  lingua on a bounded sample, boilerplate lines) -- the function the clean stage runs;
- langid: ``engagement.text.language.detect_language`` alone, because it is the one stage
  whose cost does not come from our own rules;
- entities: ``engagement.nlp.entities.extract_entities``;
- events: ``engagement.events.coder.code_events`` on the entity output;
- pipeline: all of the above for one article, start to finish.

Same corpora, alternation and medians as ``extract_bench.py``.

    .venv/bin/python bench/pipeline_bench.py [--rounds 3]
"""

from __future__ import annotations

import argparse

from engagement.clean import clean_article
from engagement.config import load_settings
from engagement.events.coder import code_events
from engagement.nlp.entities import extract_entities
from engagement.text.language import detect_language
from extract_bench import (
    PUBLISHED,
    Corpus,
    Job,
    extract_job,
    load_corpora,
    print_table,
    timed_rounds,
    tokenizer_job,
)

TARGET_RATIO = 0.50
SETTINGS = load_settings()


def clean_job(corpus: Corpus, index: int) -> None:
    clean_article(corpus.texts[index], None, corpus.lang, SETTINGS)


def langid_job(corpus: Corpus, index: int) -> None:
    detect_language(corpus.texts[index], SETTINGS.languages)


def events_job(entity_results: dict[str, list]) -> Job:
    """``code_events`` over entity results computed once, outside the timings."""

    def run(corpus: Corpus, index: int) -> None:
        result = entity_results[corpus.name][index]
        text = corpus.texts[index]
        code_events(str(index), text, corpus.lang, PUBLISHED, result.sentences, result.mentions)

    return run


def pipeline_job(corpus: Corpus, index: int) -> None:
    """One article start to finish, as the clean, extract_entities and detect_events stages
    do it (a quarantined article stops after clean)."""
    verdict = clean_article(corpus.texts[index], None, corpus.lang, SETTINGS)
    if verdict.text_clean is None:
        return
    text, lang = verdict.text_clean, verdict.language
    result = extract_entities(text, lang, PUBLISHED)
    code_events(str(index), text, lang, PUBLISHED, result.sentences, result.mentions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    corpora = load_corpora()
    print(
        f"{sum(c.megabytes for c in corpora):.2f} MB,"
        f" {sum(len(c.texts) for c in corpora)} texts, one process"
    )
    entity_results = {
        c.name: [extract_entities(t, c.lang, PUBLISHED) for t in c.texts] for c in corpora
    }
    jobs = {
        "tokenizer": tokenizer_job(),
        "clean": clean_job,
        "langid": langid_job,
        "entities": extract_job,
        "events": events_job(entity_results),
        "pipeline": pipeline_job,
    }
    seconds = timed_rounds(corpora, jobs, args.rounds)
    print(f"medians over {args.rounds} rounds; target pipeline/tokenizer >= {TARGET_RATIO:.2f}")
    print_table(corpora, seconds, "tokenizer", "pipeline")


if __name__ == "__main__":
    main()
