"""AG News World checked by hand: events found and the share right on a random sample of 50.

The coder runs over the AG News World items (``corpora/agnews_world``, read in place from
``$ENGAGEMENT_SHARED_DIR``, default ``<repo>/../shared``; title and description as one text, no
publication date). Items whose id (``ag-<row>``) falls in the dev set's test part
(``devset_eval.part_of``) are never run or shown, so this check cannot leak the test part. From
the items, shuffled with a fixed seed, the first 50 with at least one coded event are the sample.

Without ``--show`` it prints the figures: events found in the sample and how many of them
``bench/gold/agnews_handcheck.jsonl`` judges right (right pair, CAMEO family and status by the
codebook), plus any coded event that file has no verdict for (the coder changed since the check:
judge it and add a line). ``--show`` prints each sampled item's text and coded events, with the
key a verdict line uses.

    .venv/bin/python bench/agnews_sample.py [--show] [--size 50] [--seed 2026]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from devset_eval import part_of
from engagement.config import load_settings
from engagement.events.coding import EventCoder
from engagement.extract import extract_article
from extract_bench import agnews_world

HANDCHECK = Path(__file__).resolve().parent / "gold" / "agnews_handcheck.jsonl"


def event_key(event: dict) -> str:
    """What a verdict judges: pair, CAMEO code, direction and status."""
    direction = f"{event['source']}>{event['target']}" if event["source"] else "-"
    return f"{'-'.join(event['actors'])} {event['cameo']} {direction} {event['status']}"


def coded_sample(size: int, seed: int) -> list[tuple[str, str, list[dict]]]:
    """(id, text, events) of ``size`` random items with events, in id order.

    The items are shuffled by the seed alone and taken in that order until ``size`` of them have
    events, so a change to the coder moves only the items at the margin, not the whole sample."""
    coder = EventCoder.from_settings(load_settings())
    texts = agnews_world()
    order = [row for row in range(len(texts)) if part_of(f"ag-{row}") != "test"]
    random.Random(seed).shuffle(order)
    sample = []
    for row in order:
        events = extract_article(texts[row], "en", None, f"ag-{row}", coder)["events"]
        if events:
            sample.append((f"ag-{row}", texts[row], events))
        if len(sample) == size:
            break
    return sorted(sample, key=lambda item: int(item[0].removeprefix("ag-")))


def read_verdicts(path: Path) -> dict[tuple[str, str], dict]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {(v["id"], v["event"]): v for v in lines}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print the sampled texts and their events")
    parser.add_argument("--size", type=int, default=50)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--verdicts", type=Path, default=HANDCHECK)
    args = parser.parse_args()
    sample = coded_sample(args.size, args.seed)
    if args.show:
        for item_id, text, events in sample:
            print(f"\n== {item_id}\n{text.strip()}")
            for event in events:
                print(f"  {event_key(event)}   «{event['evidence']['text'][:160]}»")
        return
    verdicts = read_verdicts(args.verdicts) if args.verdicts.is_file() else {}
    found = right = 0
    unjudged = []
    for item_id, _, events in sample:
        for event in events:
            found += 1
            verdict = verdicts.get((item_id, event_key(event)))
            if verdict is None:
                unjudged.append(f"{item_id} {event_key(event)}")
            elif verdict["verdict"] == "right":
                right += 1
    print(f"AG News World, {len(sample)} sampled items with events (seed {args.seed}): {found} events found")
    share = right / found if found else 0.0
    print(f"right (pair, family, status; judged by hand): {right} of {found} = {share:.0%}")
    if unjudged:
        print(f"{len(unjudged)} events without a verdict in {args.verdicts.name}:")
        print("\n".join(f"  {line}" for line in unjudged))


if __name__ == "__main__":
    main()
