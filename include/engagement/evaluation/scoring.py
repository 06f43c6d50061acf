"""Span-level precision, recall and F1 per label, in three views and two matching modes.

Views (docs/evaluation.md gives the reasons):
- ``all``: every gold span of the kinds we cover. Gold in our own labels (COUNTRY, PLACE, ORG,
  PERSON, DATE: the seed) is scored label by label; gold in the common NER labels is scored as
  PERSON, LOCATION (our COUNTRY names and PLACE) and ORGANIZATION (our ORG).
- ``kb``: only gold spans whose text resolves to a KB entry (:class:`AliasIndex`), typed by
  that entry and carrying its id when the text names one entity only.
- ``country``: gold spans of any kind whose text resolves to a country name or metonym, against
  our COUNTRY mentions of those kinds; ids must agree. Adjectives ("Russian", "रूसी") stay out:
  HiNER never annotates a bare one, CoNLL-2003 and re3d do (MISC, Nationality).
Modes: ``exact`` (same start and end) and ``overlap`` (at least one shared character). Matching
is one-to-one, by label, and by id when the gold span has one. A prediction that is not matched
is a false hit unless it matches a gold span outside the view, or lies inside a longer gold span
(a name inside an annotated name, "India" in "Government of India"): those are counted apart
as ``neutral``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from engagement.evaluation.gold import GoldDocument
from engagement.evaluation.predict import COUNTRY_NAME_KINDS, Predicted, alias_index, predict
from engagement.nlp.resolve import GENERIC_MFA

VIEWS = ("all", "kb", "country")
MODES = ("exact", "overlap")
OUR_LABELS = frozenset({"COUNTRY", "PLACE", "ORG", "PERSON", "DATE"})
NER_LABELS = ("PERSON", "LOCATION", "ORGANIZATION")
TO_NER = {"COUNTRY": "LOCATION", "PLACE": "LOCATION", "ORG": "ORGANIZATION", "PERSON": "PERSON"}
TOTAL = "TOTAL"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str
    entity_id: str | None
    text: str

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def strictly_inside(self, other: Span) -> bool:
        return (
            other.start <= self.start and self.end <= other.end and len(self.text) < len(other.text)
        )


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    neutral: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.neutral += other.neutral


@dataclass
class Result:
    """Counts per label of one view and mode over a set of documents, with the error lists."""

    view: str
    mode: str
    by_label: dict[str, Counts] = field(default_factory=dict)
    misses: Counter = field(default_factory=Counter)  # (label, gold text) -> times missed
    false_hits: Counter = field(default_factory=Counter)  # (label, predicted text) -> times

    def total(self) -> Counts:
        total = Counts()
        for counts in self.by_label.values():
            total.add(counts)
        return total

    def counts(self, label: str) -> Counts:
        return self.total() if label == TOTAL else self.by_label.setdefault(label, Counts())


@dataclass(frozen=True)
class ViewSpans:
    gold: list[Span]  # the spans this view scores
    outside: list[Span]  # gold spans the view leaves out: a prediction matching one is neutral
    predicted: list[Span]


# --- views ----------------------------------------
def uses_our_labels(documents: list[GoldDocument]) -> bool:
    """A gold set is in our labels when it uses no others and at least one that is only ours
    (PERSON alone says nothing): decided per set, because a sentence may have no entity."""
    labels = {entity.label for document in documents for entity in document.entities}
    return labels <= OUR_LABELS and bool(labels - set(NER_LABELS))


def gold_spans(document: GoldDocument) -> list[Span]:
    return [
        Span(e.start, e.end, e.label, e.entity_id, document.text[e.start : e.end])
        for e in document.entities
    ]


def _ner_predictions(predicted: list[Predicted]) -> list[Span]:
    return [
        Span(p.start, p.end, TO_NER[p.label], p.entity_id, p.text)
        for p in predicted
        if p.label in TO_NER and (p.label != "COUNTRY" or p.kind in COUNTRY_NAME_KINDS)
    ]


def view_spans(
    view: str,
    document: GoldDocument,
    gold: list[Span],
    predicted: list[Predicted],
    own_labels: bool,
) -> ViewSpans:
    if view == "country":
        return ViewSpans(
            _country_gold(document, gold, own_labels),
            [],
            [
                Span(p.start, p.end, p.label, p.entity_id, p.text)
                for p in predicted
                if p.label == "COUNTRY" and (own_labels or p.kind in COUNTRY_NAME_KINDS)
            ],
        )
    if own_labels:  # our own labels and ids: every span is a KB entity already
        return ViewSpans(
            gold, [], [Span(p.start, p.end, p.label, p.entity_id, p.text) for p in predicted]
        )
    scored = [span for span in gold if span.label in NER_LABELS]
    predictions = _ner_predictions(predicted)
    if view == "all":
        return ViewSpans(scored, [], predictions)
    inside, outside = [], []
    for span in scored:
        typed = _kb_typed(document.lang, span)
        (inside if typed else outside).append(typed or span)
    return ViewSpans(inside, outside, predictions)


def _kb_typed(lang: str, span: Span) -> Span | None:
    """The span as the KB sees it: its own label when the KB has an entry of that kind, else the
    kind of the entry it names (re3d calls Syria an Organisation when it acts); the id when one."""
    entries = [
        e
        for e in alias_index(lang).lookup(span.text)
        if e.label != "COUNTRY" or e.kind in COUNTRY_NAME_KINDS
    ]
    if not entries:
        return None
    same_kind = [e for e in entries if TO_NER[e.label] == span.label]
    chosen = same_kind or entries
    ids = {e.entity_id for e in chosen} - {GENERIC_MFA}  # the text alone cannot say whose ministry
    return Span(
        span.start,
        span.end,
        TO_NER[chosen[0].label],
        ids.pop() if len(ids) == 1 else None,
        span.text,
    )


def _country_gold(document: GoldDocument, gold: list[Span], own_labels: bool) -> list[Span]:
    if own_labels:
        return [span for span in gold if span.label == "COUNTRY"]
    countries = []
    for span in gold:
        ids = {
            e.entity_id
            for e in alias_index(document.lang).lookup(span.text)
            if e.label == "COUNTRY" and e.kind in COUNTRY_NAME_KINDS
        }
        if ids:
            countries.append(
                Span(
                    span.start, span.end, "COUNTRY", ids.pop() if len(ids) == 1 else None, span.text
                )
            )
    return countries


# --- matching ----------------------------------------
def _compatible(gold: Span, predicted: Span, mode: str) -> bool:
    if gold.label != predicted.label or (gold.entity_id and gold.entity_id != predicted.entity_id):
        return False
    if mode == "exact":
        return gold.start == predicted.start and gold.end == predicted.end
    return gold.overlaps(predicted)


def match(gold: list[Span], predicted: list[Span], mode: str) -> dict[int, int]:
    """Gold index -> prediction index, one to one; in overlap mode the largest overlap wins."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for g_index, g in sorted(enumerate(gold), key=lambda item: (item[1].start, -item[1].end)):
        candidates = [
            (min(g.end, p.end) - max(g.start, p.start), -p_index)
            for p_index, p in enumerate(predicted)
            if p_index not in used and _compatible(g, p, mode)
        ]
        if candidates:
            p_index = -max(candidates)[1]
            pairs[g_index] = p_index
            used.add(p_index)
    return pairs


def score_document(spans: ViewSpans, all_gold: list[Span], mode: str, result: Result) -> None:
    pairs = match(spans.gold, spans.predicted, mode)
    for g_index, g in enumerate(spans.gold):
        counts = result.counts(g.label)
        if g_index in pairs:
            counts.tp += 1
        else:
            counts.fn += 1
            result.misses[(g.label, g.text)] += 1
    matched = set(pairs.values())
    leftover = [p for index, p in enumerate(spans.predicted) if index not in matched]
    explained = set(match(spans.outside, leftover, mode).values())
    for index, p in enumerate(leftover):
        counts = result.counts(p.label)
        if index in explained or any(p.strictly_inside(g) for g in all_gold):
            counts.neutral += 1
        else:
            counts.fp += 1
            result.false_hits[(p.label, p.text)] += 1


def evaluate(documents: Iterable[GoldDocument]) -> dict[tuple[str, str], Result]:
    """Run the extractor on every document and score it in every view and mode."""
    documents = list(documents)
    own_labels = uses_our_labels(documents)
    results = {(view, mode): Result(view, mode) for view in VIEWS for mode in MODES}
    for document in documents:
        gold = gold_spans(document)
        predicted = predict(document)
        for view in VIEWS:
            spans = view_spans(view, document, gold, predicted, own_labels)
            for mode in MODES:
                score_document(spans, gold, mode, results[(view, mode)])
    return results
