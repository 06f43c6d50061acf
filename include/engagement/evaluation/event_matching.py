"""Coded events against gold events: greedy one-to-one matching by country pair and family.

Shared by ``bench/event_eval.py`` (demo corpus, seed) and ``bench/devset_eval.py`` (the
real-news dev set). A predicted event matches a gold event of the same article when its sorted
actors equal the gold pair and its family (CAMEO root; 036 "intent to meet" joins 04) is one
gold accepts; the caller decides whether status must agree too. Among candidates one with
gold's exact CAMEO code (when gold gives one) is taken first, then one whose date and status
agree, then one whose date agrees, then one whose status does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from engagement.evaluation.scoring import Counts
from engagement.events.families import family_of

StatusRule = Callable[[str, str], bool]
DateRule = Callable[[dict, dict], bool]


def family(cameo: str) -> str:
    """Family of a CAMEO code: its root, except 036 (intent to meet) joins 04."""
    return family_of(cameo, None)


def event_pair(event: dict) -> tuple[str, ...]:
    """The sorted actors of an event (source and target when it lists no actors)."""
    return tuple(sorted(event.get("actors") or [event.get("source"), event.get("target")]))


def date_agrees(gold: dict, got: dict) -> bool:
    """Gold's date at gold's precision: '2025-12' accepts any December day; a range accepts any
    day inside it. Gold without a date accepts any date (the demo gold dates every event)."""
    want, end, value = gold.get("date"), gold.get("date_end"), got.get("date") or ""
    if not want:
        return True
    if end and len(value) >= 10:
        return want <= value[:10] <= end
    return value.startswith(want) or want.startswith(value)


def date_agrees_strictly(gold: dict, got: dict) -> bool:
    """As ``date_agrees``, but at least as precise as gold, and a gold date of null (the text
    does not anchor the event) is right only when the coder also leaves the date unknown."""
    want, value = gold.get("date"), got.get("date") or ""
    if not want:
        return not value
    return len(value) >= len(want) and date_agrees(gold, got)


def match(
    gold_events: list[dict],
    got_events: list[dict],
    status_ok: StatusRule,
    dates: DateRule = date_agrees,
) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """(matched pairs, missed gold, extra predictions) by pair + family + ``status_ok``.
    Gold events carry ``families``, the set of families they accept."""
    used: set[int] = set()
    matched, missed = [], []
    for g in gold_events:
        candidates = [
            i
            for i, e in enumerate(got_events)
            if i not in used
            and event_pair(e) == tuple(g["actors"])
            and family(e["cameo"]) in g["families"]
            and status_ok(g["status"], e["status"])
        ]
        if not candidates:
            missed.append(g)
            continue
        best = min(candidates, key=lambda i: _disagreement(g, got_events[i], dates))
        used.add(best)
        matched.append((g, got_events[best]))
    extra = [e for i, e in enumerate(got_events) if i not in used]
    return matched, missed, extra


def _disagreement(gold: dict, got: dict, dates: DateRule) -> tuple[bool, bool, bool, bool]:
    """How badly a candidate fits a gold event, least first: its CAMEO code (when gold gives one),
    then date and status together, then the date, then the status. Candidates of one pair and
    family are interchangeable for the count, so this only decides which of an article's talks
    is which: "last met on Sept. 20" (held) and "are scheduled to hold talks on Sunday"
    (planned) are scored against the gold events they report, not crosswise."""
    date_ok, status_ok = dates(gold, got), gold.get("status") == got.get("status")
    return (gold.get("cameo") not in (None, got["cameo"]), not (date_ok and status_ok), not date_ok, not status_ok)


# --- dev-set scoring: one gold line against one extraction ---------------------------------------
@dataclass
class Tally:
    """Counts that add up over texts; the rates are computed from the sums."""

    texts: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    dated: int = 0
    status_right: int = 0
    must_not_hits: int = 0
    countries: Counts = field(default_factory=Counts)  # gold countries vs countries named

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            if name != "countries":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.countries.add(other.countries)

    @property
    def extra(self) -> int:
        return self.predicted - self.matched

    def f1(self, correct: int | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 of ``correct`` matches (all matches by default)."""
        correct = self.matched if correct is None else correct
        p = correct / self.predicted if self.predicted else 0.0
        r = correct / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class ItemResult:
    """One text's tally and the errors behind it (printed for the tuning part only)."""

    tally: Tally
    missed: list[dict] = field(default_factory=list)
    extra: list[dict] = field(default_factory=list)
    wrong_status: list[tuple[dict, dict]] = field(default_factory=list)
    wrong_date: list[tuple[dict, dict]] = field(default_factory=list)
    must_not: list[dict] = field(default_factory=list)
    countries_missed: list[str] = field(default_factory=list)
    countries_extra: list[str] = field(default_factory=list)


def predicted_countries(entities: list[dict]) -> set[str]:
    """Countries the extraction names: COUNTRY mentions (ISO3 ids) and the states of office
    holders ("Modi" stands for India), as the gold counts a leader standing for a state."""
    named = {e["id"] for e in entities if e.get("label") == "COUNTRY" and e.get("id")}
    leaders = {e["country"] for e in entities if e.get("label") == "PERSON" and e.get("role") and e.get("country")}
    return named | leaders


def score_item(gold: dict, extraction: dict) -> ItemResult:
    """Score one dev-set gold line (GOLD_FORMAT: events, must_not, countries) against the
    output of ``extract_article``: events matched by pair + family, status and date judged on
    the matches, dates strictly (null gold wants null)."""
    # dated gold events first, so a background "visited in 2019" takes the 2019 prediction
    # before an undated visit of the same pair can
    want = sorted((g | {"families": {g["family"]}} for g in gold["events"]), key=lambda g: not g.get("date"))
    got = extraction["events"]
    matched, missed, extra = match(want, got, lambda g, s: True, date_agrees_strictly)
    forbidden = {tuple(sorted(m["actors"])) for m in gold.get("must_not", [])}
    gold_countries = set(gold.get("countries", []))
    got_countries = predicted_countries(extraction["entities"])
    result = ItemResult(
        Tally(
            texts=1,
            gold=len(want),
            predicted=len(got),
            matched=len(matched),
            dated=sum(date_agrees_strictly(g, e) for g, e in matched),
            status_right=sum(g["status"] == e["status"] for g, e in matched),
            must_not_hits=sum(event_pair(e) in forbidden for e in got),
            countries=Counts(
                tp=len(gold_countries & got_countries),
                fp=len(got_countries - gold_countries),
                fn=len(gold_countries - got_countries),
            ),
        ),
        missed=missed,
        extra=extra,
        wrong_status=[(g, e) for g, e in matched if g["status"] != e["status"]],
        wrong_date=[(g, e) for g, e in matched if not date_agrees_strictly(g, e)],
        must_not=[e for e in got if event_pair(e) in forbidden],
        countries_missed=sorted(gold_countries - got_countries),
        countries_extra=sorted(got_countries - gold_countries),
    )
    return result
