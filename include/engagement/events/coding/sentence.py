"""The article and the sentence being coded: one small object each instead of long argument
chains. What they hold is worked out only when a step asks: most sentences of a news article
have no trigger and never get that far."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from engagement.events.coding.actors import find_actors
from engagement.events.coding.context import forum_mentions
from engagement.events.coding.context import topics as sentence_topics
from engagement.events.coding.model import PERSON, Actor, EventMention
from engagement.events.coding.resources import CodingResources, LanguageLexicon
from engagement.events.coding.timing import sentence_dates

# How far after a person's name the postposition that makes it no subject stands ("मोदी के")
_POSTPOSITION_REACH = 12
_JOINED = re.compile(r"\s*(?:और|तथा|एवं|व|and|&|,|-|–)\s*")  # between two states named as one pair
# A report naming sports this often is about teams: its country names are not governments.
_SPORTS_ARTICLE_CUES = 3
_SPORTS_SCAN_CHARS = 3000  # a sports report says so early; scanning all of a long one cost more than coding it


@dataclass
class Article:
    """One article being coded, with the event mentions found in it so far."""

    article_id: str
    lang: str
    text: str
    published: date | None
    resources: CodingResources
    events: list[EventMention] = field(default_factory=list)
    forum: str | None = None  # the forum of the latest forum meeting named so far
    dateline: object = None  # the mention of the city the report was filed from: a venue, and its "here"

    @property
    def lexicon(self) -> LanguageLexicon:
        return self.resources.lexicons[self.lang]

    @cached_property
    def is_sports(self) -> bool:
        """Worked out only when a sentence has a trigger: many articles never get that far."""
        found = self.lexicon.screen("sports").finditer(self.text[:_SPORTS_SCAN_CHARS])
        return sum(1 for _ in zip(found, range(_SPORTS_ARTICLE_CUES), strict=False)) >= _SPORTS_ARTICLE_CUES

    def latest_pair(self) -> list[str]:
        """The two countries of the article's latest bilateral event mention, if any; a mediator
        with one side ("चीन की मध्यस्थता") is not the pair a story's "both sides" means."""
        mediation = self.resources.kinds.mediation
        latest = next((ev for ev in reversed(self.events) if ev.actor1 and ev.kind not in mediation), None)
        return [latest.actor1, latest.actor2] if latest else []


@dataclass
class SentenceContext:
    """One sentence (``sent`` has ``idx, start, end, text``; None before the first), its entity
    mentions, the article, the sentence before, and the event mentions coded from it."""

    article: Article
    sent: object = None
    mentions: Sequence = ()
    previous: SentenceContext | None = None
    events: list[EventMention] = field(default_factory=list)
    # (start, end) in ``text`` of the triggers that name a past act by its year ("the 2003
    # ceasefire agreement"): that year dates the act, not the sentence's other events
    named_acts: tuple[tuple[int, int], ...] = ()

    @property
    def lang(self) -> str:
        return self.article.lang

    @property
    def lex(self) -> LanguageLexicon:
        return self.article.lexicon

    @property
    def text(self) -> str:
        return self.sent.text

    @property
    def offset(self) -> int:
        """Where the sentence starts in the article: mentions and actors carry article offsets."""
        return self.sent.start

    def matches(self, cue: str, text: str | None = None) -> bool:
        """Whether a cue of the article's language occurs in ``text`` (default: the sentence)."""
        return self.lex.matches(cue, self.text if text is None else text)

    @cached_property
    def found_actors(self) -> list[Actor]:
        """Government stand-ins in mention order (see ``actors.find_actors``)."""
        return [] if self.sent is None else find_actors(self)

    @cached_property
    def actors(self) -> list[Actor]:
        """The sentence's actors in text order."""
        return sorted(self.found_actors, key=lambda a: a.start)

    @cached_property
    def countries(self) -> list[str]:
        """What the next sentence may refer back to ("दोनों", "both"): the countries of this
        sentence's latest event, then the others it names."""
        named = distinct(a.country for a in self.actors if not a.venue)
        if self.events:
            return distinct([self.events[-1].actor1, self.events[-1].actor2, *named])
        return distinct([*self._joined_pair(), *named]) if len(named) > 2 else named

    def _joined_pair(self) -> list[str]:
        """Two states joined by "और"/"and" ("उत्तर कोरिया को टक्कर देने के लिए जापान और दक्षिण कोरिया
        के नेताओं ने ..."): the pair the next sentence's "दोनों देश" means, ahead of a third state
        the sentence names."""
        actors = [a for a in self.actors if not a.venue]
        for first, second in zip(actors, actors[1:], strict=False):
            between = self.text[first.end - self.offset : second.start - self.offset]
            if first.country != second.country and _JOINED.fullmatch(between):
                return [first.country, second.country]
        return []

    @cached_property
    def people(self) -> list[str]:
        """Countries of the people named, in order: "उन्होंने" / "he" is most likely the first,
        in Hindi the first not governed by a postposition ("पीएम मोदी के खिलाफ टिप्पणी के बाद
        हाशिए पर पहुंचे राष्ट्रपति मुइज्जु अब ...": Muizzu is the subject, not Modi)."""
        people = [a for a in self.actors if a.strength == PERSON]
        if self.lang == "hi":
            people.sort(key=lambda a: self._governed(a.end - self.offset))
        return distinct(a.country for a in people)

    def _governed(self, end: int) -> bool:
        """Whether a Hindi postposition follows the name ending at ``end``: it is no subject."""
        return self.matches("oblique_after", self.text[end : end + _POSTPOSITION_REACH])

    @cached_property
    def dates(self) -> list:
        return sentence_dates(self)

    @cached_property
    def forums(self) -> list:
        return forum_mentions(self)

    @cached_property
    def forum_context(self) -> bool:
        """Whether the sentence speaks of a meeting (बैठक, summit, sidelines ...)."""
        return self.matches("forum_context")

    @cached_property
    def topics(self) -> tuple[str, ...]:
        return sentence_topics(self)

    def teams(self) -> bool:
        """ "भारतीय टीम का दक्षिण अफ़्रीका दौरा": in sports, country names are teams, not
        governments. Asked only when the answer matters: scanning the article costs."""
        return self.matches("sports") or self.article.is_sports

    def may_have_a_pair(self) -> bool:
        """Whether two countries can meet in this sentence: two of its own, or one more lent by
        the previous sentence ("दोनों", "both"). Most sentences of a news article fail this, and
        skipping them saves the trigger search, the costliest step of coding."""
        countries = {m.country for m in self.mentions if m.country}
        if len(countries) >= 2:
            return True
        previous = self.previous
        return previous is not None and (bool(previous.events) or any(m.country for m in previous.mentions))


def distinct(values: Iterable[str | None]) -> list[str]:
    """The values in order of first appearance, without None and repeats."""
    seen: list[str] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return seen
