"""What the coder produces (``EventMention``) and the pieces it works with on the way."""

from __future__ import annotations

from dataclasses import dataclass

from engagement.events.lexicon import Trigger

# Strength of the evidence that a mention stands for a government (higher wins).
PERSON, INSTITUTION, NAME = 3, 2, 1

# An English gloss in brackets in a Hindi sentence: "भारत (India)", "जब्त(Oil Tankers Seized) किए"
LATIN_GLOSS = r"\([^()\u0900-\u097f]{1,60}\)"


@dataclass(frozen=True)
class EventMention:
    """One report of an engagement in one sentence (the `events.parquet` contract)."""

    article_id: str
    mention_id: str
    actor1: str | None
    actor2: str | None
    participants: tuple[str, ...]
    source: str | None
    target: str | None
    cameo: str
    root: str
    goldstein: float
    quad_class: int
    plover: str
    kind: str
    status: str
    event_date: str | None  # None: unknown (no publication date and nothing in the text anchors it)
    event_date_end: str | None
    date_precision: str | None
    date_basis: str
    level: str | None
    location: str | None
    forum: str | None
    topics: tuple[str, ...]
    sentence_idx: int
    evidence_start: int
    evidence_end: int
    evidence_text: str
    actor_mentions: tuple[str, ...]
    trigger_text: str


@dataclass(frozen=True)
class DateInfo:
    """An event mention's date: value (and end of a range), precision, and where it came from
    (``text``, ``context`` of the article, ``publication``, or ``unknown`` when the article has
    no publication date and nothing in the text anchors the event)."""

    value: str | None
    value_end: str | None
    precision: str | None
    basis: str


@dataclass
class Actor:
    """A government stand-in of the sentence (offsets into the article's text)."""

    country: str
    start: int
    end: int
    strength: int
    level: str | None
    entity_id: str | None
    venue: bool = False
    destination: bool = False
    agent: bool = False
    coordinated: bool = False  # second of "भारत और अमेरिका ने": a joint subject, no direction
    dateline: bool = False  # a report's dateline ("MOSCOW, Dec 4 -", "नई दिल्ली:"): a venue, weakly
    here: bool = False  # the report's "here" ("arrived here"): its dateline's country, as a destination


@dataclass
class Hit:
    """A trigger matched in a sentence (offsets into the sentence)."""

    trigger: Trigger
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Scope:
    """A trigger with the stretch of its sentence that belongs to it (``lo`` to ``hi``), and
    whether it only frames another event of the sentence ("during the visit")."""

    hit: Hit
    lo: int
    hi: int
    frame: bool
