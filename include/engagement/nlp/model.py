"""What entity extraction produces: sentences and typed mentions of one article.

Kept apart from the spaCy pipeline so that stages which only read or write these records
(``detect_events``, the staging schemas) do not import spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)  # not frozen: a frozen init costs ~1 µs per object, thousands per article
class Sentence:
    idx: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    mention_idx: int
    sentence_idx: int
    start: int
    end: int
    text: str
    label: str  # COUNTRY, PERSON, ORG, PLACE, DATE, ROLE
    entity_id: str | None
    name: str | None
    country: str | None
    role: str | None
    value: str | None = None
    value_end: str | None = None
    precision: str | None = None


@dataclass(slots=True)
class EntityResult:
    sentences: list[Sentence]
    mentions: list[Mention]
