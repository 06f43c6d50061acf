"""Score event coding on the demo corpus (bench/gold/demo_events.jsonl) and the seed.

An event is right when its country pair, event family (CAMEO root; 036 "intent to meet" joins
family 04) and status (held, ongoing, planned, cancelled) agree with a gold event of the same
article. Gold and predicted events are matched greedily one to one, like
``../shared/tools/score_seed.py``; among candidates the one whose date agrees with gold at gold's
precision is taken first. Prints precision, recall, F1, extra events as % of gold, date agreement
of the matches, and an error analysis (the most common kinds of misses and false hits, each
with its sentence).

Usage: .venv/bin/python bench/event_eval.py [--all-errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import yaml
from engagement.evaluation.event_matching import date_agrees, event_pair, family, match
from engagement.extract import extract_article

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "include" / "demo_corpus"
GOLD = REPO / "bench" / "gold" / "demo_events.jsonl"
SHARED = REPO.parent / "shared"
SEED_GOLD = SHARED / "gold" / "seed_000.json"
TARGET_F1, TARGET_EXTRA = 0.85, 0.10


def load_articles() -> dict[str, dict]:
    """Every good demo article (JSON Lines and .txt with front matter) by id."""
    articles = {}
    for path in sorted(CORPUS.glob("*_wire_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                articles[record["id"]] = record
    for path in sorted((CORPUS / "txt").glob("*.txt")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        record = yaml.safe_load(front) | {"text": body}
        articles[record["id"]] = record
    return articles


def _published(value) -> date:
    return (value if isinstance(value, datetime) else datetime.fromisoformat(value)).date()


def _demo_gold() -> dict[str, list[dict]]:
    gold = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold[record["id"]] = [ev | {"families": {ev["family"]}} for ev in record["events"]]
    return gold


def _seed_gold(seed: dict) -> list[dict]:
    """Seed gold events in the demo gold's shape (families from its accepted CAMEO codes)."""
    out = []
    for ev in seed["events"]:
        actors = ev.get("actors") or [ev["source"], ev["target"]]
        families = {family(c) for c in ev.get("cameo_accept", [])} | (
            {ev["cameo_root"]} if ev.get("cameo_root") else set()
        )
        out.append(ev | {"actors": sorted(actors), "families": families, "what": ev["what"]})
    return out


def _seed_status_ok(gold: str, got: str) -> bool:
    return (
        got in ("held", "ongoing", "planned")
        if gold == "held_or_scheduled_same_day"
        else got == gold
    )


def report(
    name: str, matched: list, missed: list, extra: list, gold_total: int, examples: int
) -> float:
    p = len(matched) / max(1, len(matched) + len(extra))
    r = len(matched) / max(1, gold_total)
    f1 = 2 * p * r / max(1e-9, p + r)
    dated = sum(date_agrees(g, e) for g, e in matched)
    print(
        f"{name}: gold {gold_total}, predicted {len(matched) + len(extra)},"
        f" correct {len(matched)}, missed {len(missed)},"
        f" extra {len(extra)} ({len(extra) / max(1, gold_total):.0%} of gold)\n"
        f"  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  date right in {dated}/{len(matched)} matches"
    )
    if examples:
        kinds = Counter(
            f"{'-'.join(g['actors'])} {sorted(g['families'])[0]} {g['status']}" for g in missed
        )
        print(f"  misses by kind: {kinds.most_common(10)}")
        for g in missed[:examples]:
            print(
                f"    MISS {g['article']}: {'-'.join(g['actors'])} {g['status']}"
                f" {g.get('date')} — {g['what']}"
            )
        kinds = Counter(f"{family(e['cameo'])} {e['status']}" for e in extra)
        print(f"  false hits by family/status: {kinds.most_common(10)}")
        for e in extra[:examples]:
            print(
                f"    EXTRA {e['article']}: {'-'.join(event_pair(e))} {e['cameo']} {e['status']}"
                f" {e['date']}"
                f" — {e['evidence']['text'].strip()[:150]}"
            )
    return f1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all-errors", action="store_true", help="list every miss and false hit")
    args = ap.parse_args()
    examples = 1000 if args.all_errors else 10
    articles, gold = load_articles(), _demo_gold()
    matched, missed, extra = [], [], []
    for article_id, article in sorted(articles.items()):
        got = extract_article(
            article["text"], article["language"], _published(article["published"]), article_id
        )
        got = [e | {"article": article_id} for e in got["events"]]
        want = [g | {"article": article_id} for g in gold.get(article_id, [])]
        m, mi, ex = match(want, got, lambda g, s: g == s)
        matched += m
        missed += mi
        extra += ex
    gold_total = sum(len(v) for v in gold.values())
    f1 = report(
        f"demo corpus ({len(articles)} articles)", matched, missed, extra, gold_total, examples
    )
    extra_share = len(extra) / max(1, gold_total)
    verdict = "met" if f1 >= TARGET_F1 and extra_share <= TARGET_EXTRA else "NOT met"
    print(f"  targets F1 >= {TARGET_F1}, extra <= {TARGET_EXTRA:.0%}: {verdict}\n")
    if SEED_GOLD.exists():
        seed = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
        text = (SHARED / seed["source_file"]).read_text(encoding="utf-8")
        got = extract_article(
            text, seed["language"], date.fromisoformat(seed["published"]), "seed_000"
        )["events"]
        got = [e | {"article": "seed_000"} for e in got]
        want = [g | {"article": "seed_000"} for g in _seed_gold(seed)]
        report("seed_000", *match(want, got, _seed_status_ok), len(want), examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
