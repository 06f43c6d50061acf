"""Events the coder finds in real news without gold, listed for checking by hand.

BBC Hindi (344 test articles) and AG News World (1,900 English snippets from 2004) have no
event annotation, so precision there is judged by reading: this prints how many events each
corpus gives and, for a reproducible random sample, every event with its pair, code, status
and evidence sentence. docs/events.md reports the judgement of the last run.

The corpora give no publication dates; every article is read as published on 2017-06-15 (BBC)
or 2004-08-15 (AG News), so dates and statuses relative to publication are not meaningful here.

Usage: .venv/bin/python bench/real_text_events.py [--sample 40] [--seed 11] [--corpus bbc|ag]
"""

from __future__ import annotations

import argparse
import random
from datetime import date

from engagement.clean import clean_article
from engagement.config import load_settings
from engagement.events.coding import EventCoder, EventMention
from engagement.nlp.entities import extract_entities
from extract_bench import agnews_world, bbc_hindi

CORPORA = {
    "bbc": ("BBC Hindi test articles", "hi", date(2017, 6, 15), bbc_hindi),
    "ag": ("AG News World snippets", "en", date(2004, 8, 15), agnews_world),
}


def coded(texts: list[str], lang: str, published: date) -> list[tuple[int, EventMention]]:
    """(document index, event mention) for every event of the cleaned documents."""
    settings = load_settings()
    coder = EventCoder.from_settings(settings)
    found = []
    for index, raw in enumerate(texts):
        verdict = clean_article(raw, None, lang, settings)
        if verdict.text_clean is None:
            continue
        text = verdict.text_clean
        entities = extract_entities(text, verdict.language, published)
        events = coder.code(str(index), text, verdict.language, published, entities.sentences, entities.mentions)
        found.extend((index, event) for event in events)
    return found


def describe(index: int, event: EventMention) -> str:
    pair = f"{event.actor1}-{event.actor2}" if event.actor1 else "/".join(event.participants)
    direction = f" {event.source}->{event.target}" if event.source else ""
    return (
        f"[{index}] {pair}{direction} {event.cameo} {event.status} <{event.trigger_text}>"
        f" | {event.evidence_text[:200]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=40, help="events listed per corpus")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    args = parser.parse_args()
    for key in args.corpus or sorted(CORPORA):
        label, lang, published, read = CORPORA[key]
        texts = read()
        found = coded(texts, lang, published)
        print(f"{label}: {len(texts)} documents, {len(found)} events")
        shown = found if len(found) <= args.sample else random.Random(args.seed).sample(found, args.sample)
        for index, event in sorted(shown, key=lambda item: item[0]):
            print("  " + describe(index, event))
        print()


if __name__ == "__main__":
    main()
