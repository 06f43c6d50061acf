"""A recall and precision probe on real news no one annotated: every event the coder codes in
each page of ``bench/probe_manifest.jsonl``, and each sentence naming two or more countries where
it codes nothing, for reading by hand.

The pages (diplomatic news excerpts found with the search tool in sessions 26 to 30, ids
``p26-`` to ``p30e-``; every url free by ``../shared/tools/held_out.py`` and in neither
dev-set manifest; docs/evaluation.md) are
not stored in the repository: retrieve each with the search tool (corpus pages, the line's
query, the result whose url matches) into ``data/probe_texts/<id>.txt``, as for the dev set
(docs/evaluation.md). Pages are read as published on ``--published`` (default 2025-06-15): the
manifest has no dates, so statuses and dates relative to publication are not meaningful.

    .venv/bin/python bench/probe_unseen.py [--texts DIR] [--published YYYY-MM-DD] [ID ...]
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from engagement.clean import clean_article
from engagement.config import load_settings
from engagement.events.coding import EventCoder
from engagement.nlp.entities import extract_entities

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / "bench" / "probe_manifest.jsonl"


def probe(page: dict, text: str, published: date, coder: EventCoder, settings) -> list[str]:
    """The lines printed for one page: its events, then its uncoded sentences with two countries."""
    verdict = clean_article(text, None, page["lang"], settings)
    if verdict.text_clean is None:
        return [f"  (quarantined: {verdict.reason})"]
    entities = extract_entities(verdict.text_clean, verdict.language, published)
    events = coder.code(
        page["id"], verdict.text_clean, verdict.language, published, entities.sentences, entities.mentions
    )
    lines = []
    for e in events:
        pair = f"{e.actor1}-{e.actor2}" if e.actor1 else "/".join(e.participants)
        lines.append(
            f"  EV [{e.sentence_idx}] {pair} {e.cameo} {e.status} {e.event_date} {e.source}>{e.target}"
            f" <{e.trigger_text}> | {e.evidence_text.strip()[:160]}"
        )
    countries: dict[int, set[str]] = {}
    for m in entities.mentions:
        if m.country:
            countries.setdefault(m.sentence_idx, set()).add(m.country)
    coded = {e.sentence_idx for e in events}
    for s in entities.sentences:
        named = countries.get(s.idx, set())
        if len(named) >= 2 and s.idx not in coded:
            lines.append(f"  -- [{s.idx}] {sorted(named)} | {s.text.strip()[:220]}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", help="only these pages")
    parser.add_argument("--texts", type=Path, default=REPO / "data" / "probe_texts")
    parser.add_argument("--published", type=date.fromisoformat, default=date(2025, 6, 15))
    args = parser.parse_args()
    settings = load_settings()
    coder = EventCoder.from_settings(settings)
    missing = []
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        if args.ids and page["id"] not in args.ids:
            continue
        path = args.texts / f"{page['id']}.txt"
        if not path.is_file():
            missing.append(page["id"])
            continue
        print(f"=== {page['id']} {page['lang']} {page['url'][:90]}")
        print("\n".join(probe(page, path.read_text(encoding="utf-8"), args.published, coder, settings)))
    if missing:
        print(f"\n{len(missing)} pages not retrieved (skipped): {' '.join(missing[:20])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
