"""Score the coder on the real-news dev set (bench/gold/devset/*.jsonl), by part and corpus.

Gold files (format: docs/evaluation.md, split: bench/gold/devset/SPLIT.md):
``news_pages*.jsonl`` (texts retrieved into ``data/devset_texts/<id>.txt``, see
docs/evaluation.md; ``--texts`` to change; ``news_pages_more.jsonl``'s pages are listed in
``bench/gold/news_pages_more_manifest.jsonl``), ``agnews.jsonl`` (row index into
``corpora/agnews_world/agnews_test_world.csv``) and ``conll.jsonl`` (-DOCSTART- index into
``corpora/conll2003_en/eng.<file>``), the last two read in place from ``$ENGAGEMENT_SHARED_DIR``
(default ``<repo>/../shared``). Each text goes through ``engagement.extract.extract_article``
with the gold's publication date (None when the gold has none).

Per part (tuning, test, all) and per corpus/language it prints: events matched one to one by
country pair + family (precision, recall, F1), the same counting a match only when its date
agrees at gold precision (a null gold date wants a null date), status right as a share of the
matches, extra events as % of gold, predicted events on a must-not pair, and country F1 (the
extraction's COUNTRY entities against the gold ``countries``). ``--errors`` lists the misses,
false hits, wrong statuses and must-not hits of the TUNING part only: the test part is scored,
never read. ``--by-family`` adds, per part and language, each CAMEO family's gold events, how
many were found (recall), how many of the misses are on a pair the article has events of that
family for (``fewer``: happenings merged or not counted apart) and the extra predictions of that
family: counts only, so the test part's table shows where misses are without showing a text.

    .venv/bin/python bench/devset_eval.py [--part tuning|test|all] [--errors] [--by-family] [--texts DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from engagement.evaluation.event_matching import ItemResult, Tally, event_pair, family, score_item
from engagement.evaluation.readers import read_conll
from engagement.extract import extract_article
from extract_bench import CORPORA, agnews_world

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "bench" / "gold" / "devset"
TEXTS_DIR = REPO / "data" / "devset_texts"
PARTS = ("tuning", "test", "all")
MANIFEST_SLACK = 3  # characters
# Further pages found with the search tool (ids m...): where each comes from, no text (SPLIT.md)
MORE_PAGES_MANIFEST = REPO / "bench" / "gold" / "news_pages_more_manifest.jsonl"


def part_of(item_id: str) -> str:
    """The split rule of SPLIT.md: a third of the ids, by hash, is the test part."""
    return "test" if int(hashlib.sha256(item_id.encode()).hexdigest(), 16) % 3 == 0 else "tuning"


def corpus_of(item_id: str) -> str:
    if item_id.startswith("ag-"):
        return "agnews"
    if item_id.startswith("conll-"):
        return "conll"
    return "news_pages"


def read_gold(gold_dir: Path) -> list[dict]:
    lines = []
    for path in sorted(gold_dir.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                try:
                    lines.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise SystemExit(f"{path.name}:{number}: not JSON ({error})") from error
    return lines


class Texts:
    """The text of a dev-set id, read in place and only when asked (AG News and CoNLL are read
    once, the first time one of their ids comes up)."""

    def __init__(self, texts_dir: Path) -> None:
        self.texts_dir = texts_dir
        self._agnews: list[str] | None = None
        self._conll: dict[str, str] | None = None
        self._manifest: dict[str, int] | None = None

    def get(self, item_id: str) -> str | None:
        corpus = corpus_of(item_id)
        if corpus == "agnews":
            self._agnews = self._agnews if self._agnews is not None else agnews_world()
            row = int(item_id.removeprefix("ag-"))
            return self._agnews[row] if row < len(self._agnews) else None
        if corpus == "conll":
            if self._conll is None:
                self._conll = {d.doc_id: d.text for d in read_conll(CORPORA / "conll2003_en")}
            _, split, index = item_id.split("-")  # conll-testb-012: 0-based -DOCSTART- index
            return self._conll.get(f"conll:eng.{split}:{int(index) + 1}")
        path = self.texts_dir / f"{item_id}.txt"
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def differing_from_manifest(self, item_id: str, text: str) -> bool:
        """A retrieved excerpt whose length is off the manifest's ``chars`` by more than a few
        characters (non-breaking spaces) is not the excerpt the gold was made on."""
        if corpus_of(item_id) != "news_pages":
            return False
        if self._manifest is None:
            lines = [
                line
                for path in (CORPORA / "news_pages" / "manifest.jsonl", MORE_PAGES_MANIFEST)
                if path.is_file()
                for line in path.read_text(encoding="utf-8").splitlines()
            ]
            self._manifest = {r["id"]: r["chars"] for r in map(json.loads, filter(None, lines))}
        chars = self._manifest.get(item_id)
        return chars is not None and abs(len(text) - chars) > MANIFEST_SLACK


def extract(text: str, gold: dict, undated_as: date | None) -> dict:
    published = date.fromisoformat(gold["published"]) if gold.get("published") else None
    if published is None and undated_as is not None:
        published = undated_as
    try:
        return extract_article(text, gold["lang"], published, gold["id"])
    except TypeError as error:
        if published is None:
            raise SystemExit(
                f"{gold['id']}: this coder cannot run without a publication date ({error});"
                " rerun with --undated-as YYYY-MM-DD (reported dates then count as wrong where"
                " the gold leaves them null)"
            ) from error
        raise


def row(label: str, t: Tally) -> str:
    p, r, f1 = t.f1()
    pd, rd, fd = t.f1(t.dated)
    status = t.status_right / t.matched if t.matched else 0.0
    extra = t.extra / t.gold if t.gold else 0.0
    return (
        f"  {label:<16} {t.texts:>5} {t.gold:>5} {t.predicted:>5}  {p:5.3f} {r:5.3f} {f1:5.3f}"
        f"   {pd:5.3f} {rd:5.3f} {fd:5.3f}   {status:6.1%} {extra:6.1%} {t.must_not_hits:>4}"
        f"   {t.countries.f1:5.3f}"
    )


HEADER = "  group            texts  gold  pred  P     R     F1      P+d   R+d   F1+d    status  extra  must   countryF1"


class FamilyCounts:
    """Per (language, family): gold events, those missed, the misses on a pair the article has
    events of that family for (fewer than the gold: merged or uncounted happenings), and extra
    predictions."""

    def __init__(self) -> None:
        self.gold: Counter = Counter()
        self.missed: Counter = Counter()
        self.fewer: Counter = Counter()
        self.extra: Counter = Counter()

    def add(self, gold: dict, result: ItemResult, predicted: list[dict]) -> None:
        lang = gold["lang"]
        coded = {(event_pair(e), family(e["cameo"])) for e in predicted}
        self.gold.update((lang, g["family"]) for g in gold["events"])
        self.missed.update((lang, g["family"]) for g in result.missed)
        self.fewer.update((lang, g["family"]) for g in result.missed if (tuple(g["actors"]), g["family"]) in coded)
        self.extra.update((lang, family(e["cameo"])) for e in result.extra)

    def print(self, part: str) -> None:
        print(f"\n{part.upper()} part by CAMEO family (counts only; fewer: missed on a pair coded in that family)")
        print("  lang family   gold found recall fewer extra")
        for key in sorted(set(self.gold) | set(self.extra)):
            gold, found = self.gold[key], self.gold[key] - self.missed[key]
            recall = f"{found / gold:6.2f}" if gold else "     -"
            print(f"  {key[0]:<4} {key[1]:<6} {gold:>6} {found:>5} {recall} {self.fewer[key]:>5} {self.extra[key]:>5}")


def print_errors(results: list[tuple[dict, ItemResult]]) -> None:
    """Misses, false hits, wrong statuses and dates and must-not hits, tuning part only."""
    print("\nTUNING errors (the test part is never listed)")
    for gold, result in results:
        if not (result.missed or result.extra or result.wrong_status or result.wrong_date or result.countries_missed):
            continue
        print(f"\n{gold['id']} ({gold['lang']}, published {gold.get('published')})")
        for g in result.missed:
            print(
                f"  MISS  {'-'.join(g['actors'])} {g['family']} {g['status']} {g.get('date')}"
                f" — {g['what']} «{g['evidence']}»"
            )
        for e in result.extra:
            flag = " MUST-NOT" if any(e is m for m in result.must_not) else ""
            print(
                f"  EXTRA{flag} {'-'.join(event_pair(e))} {e['cameo']} (family {family(e['cameo'])})"
                f" {e['status']} {e['date']} — «{e['evidence']['text'].strip()[:160]}»"
            )
        for g, e in result.wrong_status:
            print(
                f"  STATUS {'-'.join(g['actors'])} {g['family']}: gold {g['status']}, got"
                f" {e['status']} — «{e['evidence']['text'].strip()[:120]}»"
            )
        for g, e in result.wrong_date:
            print(
                f"  DATE  {'-'.join(g['actors'])} {g['family']}: gold {g.get('date')}, got"
                f" {e['date']} — «{e['evidence']['text'].strip()[:120]}»"
            )
        if result.countries_missed or result.countries_extra:
            print(f"  COUNTRIES missed {result.countries_missed} extra {result.countries_extra}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=PARTS, help="report one part (default: all three)")
    ap.add_argument(
        "--errors",
        action="store_true",
        help="list the tuning part's errors; without --part, score the tuning part only",
    )
    ap.add_argument(
        "--by-family", action="store_true", help="per part and language: each CAMEO family's recall and extras"
    )
    ap.add_argument("--texts", type=Path, default=TEXTS_DIR, help="retrieved news-page texts")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR, help="folder of gold *.jsonl files")
    ap.add_argument(
        "--undated-as",
        type=date.fromisoformat,
        help="publication date for gold lines without one, only for coders that need a date",
    )
    args = ap.parse_args()
    if args.errors and args.part is None:
        args.part = "tuning"  # a round of rules reads the tuning part and sees no test figure
    texts = Texts(args.texts)
    tallies: dict[tuple[str, str], Tally] = {}
    tuning_results: list[tuple[dict, ItemResult]] = []
    by_family: dict[str, FamilyCounts] = {}
    missing: list[str] = []
    scored = {"tuning", "test"} if args.part in (None, "all") else {args.part}
    for gold in read_gold(args.gold):
        part = part_of(gold["id"])
        if part not in scored:
            continue
        text = texts.get(gold["id"])
        if text is None:
            missing.append(gold["id"])
            continue
        if texts.differing_from_manifest(gold["id"], text):
            print(f"  warning: {gold['id']}.txt differs in length from the manifest's excerpt")
        extraction = extract(text, gold, args.undated_as)
        result = score_item(gold, extraction)
        groups = ("overall", f"lang {gold['lang']}", f"{corpus_of(gold['id'])}/{gold['lang']}")
        for key in ((p, g) for p in (part, "all") for g in groups):
            tallies.setdefault(key, Tally()).add(result.tally)
        if part == "tuning":
            tuning_results.append((gold, result))
        by_family.setdefault(part, FamilyCounts()).add(gold, result, extraction["events"])
    for part in PARTS:
        if args.part not in (None, part) or (part, "overall") not in tallies:
            continue
        print(f"\n{part.upper()} part")
        print(HEADER)
        for (p, label), tally in sorted(
            tallies.items(), key=lambda kv: (kv[0][1] != "overall", not kv[0][1].startswith("lang"), kv[0][1])
        ):
            if p == part:
                print(row(label, tally))
    print(
        "\n  P/R/F1: pair + family, one to one; +d: the match's date agrees at gold precision;"
        " status: right share of matches; extra: unmatched predictions as % of gold; must:"
        " predictions on a must-not pair"
    )
    if args.by_family:
        for part in ("tuning", "test"):
            if part in by_family:
                by_family[part].print(part)
    if missing:
        print(f"\n  {len(missing)} texts not found (skipped): {' '.join(missing[:20])}")
    if args.errors and args.part == "test":
        print("\n  --errors lists the tuning part only; the test part is scored, never read")
    elif args.errors:
        print_errors(tuning_results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
