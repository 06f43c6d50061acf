"""Score our English event coding against PETRARCH-2's 78 AFP validation sentences.

The validation file (``../shared/anchors_raw/UniversalPetrarch/PETR2_GSR_validation.xml``) is
not well-formed XML, so it is read record by record with regular expressions. Scoring follows
PETRARCH's validation: a coded event is (source, target, root); actor codes are compared on
their country part (first three letters: USAGOV → USA); international or unknown actors
(IGO..., ---) are not countries. Only the CAMEO families we code are counted, and only events
between two different countries (we code bilateral engagement, not domestic politics). Our
undirected events count as correct when the pair matches in either order.

PETRARCH-2's codings are not a gold standard for what we code: it takes venues for partners
("will meet in Zurich" gives USA-CHE), topics for targets ("a summit on the unrest in Iran") and
courts or activists for governments. ``bench/gold/petrarch_adjudicated.csv`` holds our own coding
of the same sentences under our codebook (docs/events.md), one row per expected event and a
note on every disagreement with PETRARCH-2; a record without rows expects no event. Both
systems are scored against it too, the same way.

Usage: .venv/bin/python bench/petrarch_eval.py [--list]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path

from engagement.extract import extract_article
from engagement.kb.loader import load_kb

SHARED = Path(__file__).resolve().parents[2] / "shared"
VALIDATION = SHARED / "anchors_raw" / "UniversalPetrarch" / "PETR2_GSR_validation.xml"
ADJUDICATED = Path(__file__).resolve().parent / "gold" / "petrarch_adjudicated.csv"
CODED_ROOTS = {"03", "04", "05", "06", "10", "11", "12", "13", "16", "17"}

_RECORD = re.compile(
    r"<Sentence\b(?P<attrs>[^>]*)/?>(?P<body>.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S
)
_CODING = re.compile(
    r'<EventCoding\s+eventcode="(\d+)"\s+sourcecode="([^"]*)"\s+targetcode="([^"]*)"'
)
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


@dataclass
class Record:
    sid: str
    published: date
    text: str
    gold: list[tuple[str, str, str]]  # (source, target, cameo) as coded by PETRARCH-2


def read_records(path: Path = VALIDATION) -> list[Record]:
    """Every <Sentence> record with its gold codings (empty for noevents) and its text."""
    raw = path.read_text(encoding="utf-8")
    records = []
    for m in _RECORD.finditer(raw):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m["attrs"]))
        text = _TEXT.search(m["body"])
        if "date" not in attrs or not text:
            continue
        records.append(
            Record(
                sid=attrs.get("id", "?"),
                published=_record_date(attrs["date"]),
                text=" ".join(text.group(1).split()),
                gold=[(s, t, c) for c, s, t in _CODING.findall(m["body"])],
            )
        )
    return records


def _record_date(value: str) -> date:
    """YYYYMMDD; one record writes YYMMDD (121108)."""
    if len(value) == 6:
        value = "20" + value
    return date(int(value[:4]), int(value[4:6]), int(value[6:8]))


def country_of(code: str) -> str | None:
    """The country part of a PETRARCH actor code, or None for IGOs, unknowns and non-states."""
    prefix = code[:3]
    return prefix if prefix in load_kb().countries else None


def in_scope(source: str, target: str, cameo: str) -> tuple[str, str, str] | None:
    """(source country, target country, root) when PETRARCH's event is one we would code."""
    src, tgt, root = country_of(source), country_of(target), cameo[:2]
    if src and tgt and src != tgt and root in CODED_ROOTS:
        return src, tgt, root
    return None


def our_events(record: Record) -> list[dict]:
    return extract_article(record.text, "en", published=record.published, article_id=record.sid)[
        "events"
    ]


def _ours_as_triples(events: list[dict]) -> list[tuple[str, str, str, bool]]:
    """(source, target, root, directed) per event.

    An undirected event among three or more participants (a multilateral meeting) yields each
    pair of them, as PETRARCH codes one event per pair.
    """
    out = []
    for ev in events:
        if ev["source"] and ev["target"]:
            out.append((ev["source"], ev["target"], ev["root"], True))
        else:
            out.extend((a, b, ev["root"], False) for a, b in combinations(ev["actors"], 2))
    return out


def _gold_triples(record: Record) -> list[tuple[str, str, str, bool]]:
    """PETRARCH-2's in-scope codings as (source, target, root, directed); A→B coded together
    with B→A is one undirected event (PETRARCH codes a symmetric meeting twice)."""
    scoped = list(dict.fromkeys(t for t in (in_scope(*g) for g in record.gold) if t))
    out = []
    for src, tgt, root in scoped:
        mirrored = (tgt, src, root) in scoped
        if mirrored and (tgt, src, root, False) in out:
            continue
        out.append((src, tgt, root, not mirrored))
    return out


def read_adjudicated(path: Path = ADJUDICATED) -> dict[str, list[tuple[str, str, str, bool]]]:
    """Our coding of the validation sentences: record id -> expected (source, target, root, directed)."""
    expected: dict[str, list[tuple[str, str, str, bool]]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            events = expected.setdefault(row["record_id"], [])
            if row["source"]:
                events.append((row["source"], row["target"], row["root"], row["directed"] == "true"))
    return expected


def _match(
    gold: tuple[str, str, str, bool], ours: tuple[str, str, str, bool], pair_only: bool
) -> bool:
    g_src, g_tgt, g_root, g_directed = gold
    src, tgt, root, directed = ours
    if root != g_root:
        return False
    if pair_only or not (directed and g_directed):
        return {src, tgt} == {g_src, g_tgt}
    return (src, tgt) == (g_src, g_tgt)


Triples = Callable[[Record], list[tuple[str, str, str, bool]]]


def score(records: list[Record], system: Triples, gold: Triples, pair_only: bool):
    """Greedy one-to-one matching per sentence; returns (correct, missed, extra) lists."""
    correct, missed, extra = [], [], []
    for rec in records:
        ours = system(rec)
        used: set[int] = set()
        for g in gold(rec):
            hit = next(
                (i for i, o in enumerate(ours) if i not in used and _match(g, o, pair_only)), None
            )
            if hit is None:
                missed.append((rec, g))
            else:
                used.add(hit)
                correct.append((rec, g))
        extra.extend((rec, o) for i, o in enumerate(ours) if i not in used)
    return correct, missed, extra


def _print_scores(label: str, correct: list, missed: list, extra: list) -> None:
    p = len(correct) / max(1, len(correct) + len(extra))
    r = len(correct) / max(1, len(correct) + len(missed))
    f1 = 2 * p * r / max(1e-9, p + r)
    print(
        f"{label:>34}: correct {len(correct):2}  missed {len(missed):2}  extra {len(extra):2}"
        f"  P {p:.2f}  R {r:.2f}  F1 {f1:.2f}"
    )


def _print_cases(title: str, cases: list, with_gold: bool = False) -> None:
    """One line per (record, triple): id, the triple, PETRARCH-2's codings if asked, the text."""
    print(title)
    for rec, triple in cases:
        gold = f" gold={rec.gold}" if with_gold else ""
        print(f"  {rec.sid} {triple[:3]}{gold}: {rec.text[:160]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", action="store_true", help="print every sentence with gold and ours")
    args = ap.parse_args()
    if not VALIDATION.exists():
        print(f"missing {VALIDATION}", file=sys.stderr)
        return 1
    records = read_records()
    results = {rec.sid: our_events(rec) for rec in records}
    all_gold = sum(len(r.gold) for r in records)
    scoped = sum(len(_gold_triples(r)) for r in records)
    print(
        f"records {len(records)}, PETRARCH-2 codings {all_gold}, in our families between two"
        f" countries {scoped} (symmetric pairs once)"
    )
    print(f"our events: {sum(len(v) for v in results.values())}")
    ours: Triples = lambda rec: _ours_as_triples(results[rec.sid])  # noqa: E731
    for label, pair_only in (("source,target,root", False), ("pair+root", True)):
        _print_scores(f"ours vs PETRARCH-2, {label}", *score(records, ours, _gold_triples, pair_only))
    adjudicated = read_adjudicated()
    expected: Triples = lambda rec: adjudicated.get(rec.sid, [])  # noqa: E731
    print(f"\nour adjudicated coding of the same sentences: {sum(map(len, adjudicated.values()))} events")
    for label, pair_only in (("source,target,root", False), ("pair+root", True)):
        _print_scores(f"ours, {label}", *score(records, ours, expected, pair_only))
        _print_scores(f"PETRARCH-2, {label}", *score(records, _gold_triples, expected, pair_only))
    correct, missed, extra = score(records, ours, _gold_triples, pair_only=True)
    _print_cases("\ncorrect (both code it):", correct)
    _print_cases("\nmissed (PETRARCH-2 codes it, we do not):", missed)
    _print_cases("\nextra (we code it, PETRARCH-2 does not, in our families):", extra, with_gold=True)
    _, missed, extra = score(records, ours, expected, pair_only=True)
    _print_cases("\nagainst the adjudicated coding, missed by us:", missed)
    _print_cases("against the adjudicated coding, extra from us:", extra)
    if args.list:
        print("\nall records:")
        for rec in records:
            ours = [
                (e["source"], e["target"], e["actors"], e["cameo"], e["status"])
                for e in results[rec.sid]
            ]
            print(f"- {rec.sid} gold={rec.gold} ours={ours}\n  {rec.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
