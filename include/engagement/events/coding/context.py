"""Step 4: the setting of an event mention: where (location), in which forum, at what level,
on which topics."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from engagement.events.coding.model import Actor, Hit
from engagement.kb.model import LEVELS

if TYPE_CHECKING:
    from engagement.events.coding.sentence import SentenceContext

HYPHENS = ("-", "\u2010", "\u2013")  # what joins a compound ("SCO-led", "पुतिन-ट्रंप मुलाकात")
# the meeting named, not a verb ("its U.N. diplomats met U.S. officials": a state's mission met)
_MEETING_NOUN = re.compile(r"meeting|summit|conference|session|talks|dialogue|बैठक|सम्मेलन|वार्ता|शिखर", re.IGNORECASE)
# between a forum's name and its meeting: a few words naming who meets ("Quad Foreign Ministers'",
# "एससीओ रक्षा मंत्रियों की"), none that makes the forum a topic or a setting ("ब्रिक्स की अहमियत को
# लेकर", "जी-20 शिखर सम्मेलन के दौरान", "on the sidelines of")
_FORUM_TO_MEETING = re.compile(
    r"(?:['’]s?)?(?:\s+(?!(?:को|लेकर|पर|में|से|दौरान|इतर|about|on|in|of|during|at|sidelines|margins)(?:\s|$))"
    r"[^\s,;।]+){0,4}?\s+",
    re.IGNORECASE,
)


def forum_mentions(ctx: SentenceContext) -> list:
    """The forums and international organisations the sentence names."""
    organisations = ctx.article.resources.kb.organisations
    return [
        m
        for m in ctx.mentions
        if m.label == "ORG" and (org := organisations.get(m.entity_id or "")) and org.kind in ("forum", "igo")
    ]


def named_after_a_forum(ctx: SentenceContext, hit: Hit) -> bool:
    """ "attended the Quad Foreign Ministers' meeting", "एससीओ रक्षा मंत्रियों की बैठक": a meeting
    named after a forum is the forum's, not one between two of its members."""
    return _MEETING_NOUN.search(hit.text) is not None and any(
        _FORUM_TO_MEETING.fullmatch(ctx.text, m.end - ctx.offset, hit.start)
        for m in ctx.forums
        if m.end - ctx.offset <= hit.start
    )


def meeting_forum(ctx: SentenceContext) -> str | None:
    """The last forum a sentence names while speaking of a meeting ("एससीओ ... की बैठक")."""
    forums = ctx.forums
    if forums and ctx.forum_context:
        return forums[-1].entity_id
    return None


def location(ctx: SentenceContext, hit: Hit, actors: list[Actor], source: str | None, target: str | None) -> str | None:
    """The country where the event took place: a visit's destination, a host's country, a venue
    the sentence names, else a city that places the story."""
    if hit.trigger.kind == "visit" and target:
        return target
    if hit.trigger.kind == "host" and source:
        return source
    # where an English report was filed from yields to any other venue or a trip's destination
    venue = (
        next((a for a in actors if a.venue and not a.dateline), None)
        or next((a for a in actors if a.destination), None)
        or next((a for a in actors if a.dateline), None)
    )
    if venue:
        return venue.country
    # A city that is not a seat of government (Kazan, Shanghai) places the story; a capital
    # named without "in" stands for its government and says nothing about the venue.
    place = next(
        (
            m
            for m in ctx.mentions
            if m.label == "PLACE" and m.country and not _is_seat(ctx, m) and not _in_compound(ctx, m)
        ),
        None,
    )
    return place.country if place else None


def _in_compound(ctx: SentenceContext, mention) -> bool:
    """ "the Mumbai-Ahmedabad rail project": a place joined to another word names a thing."""
    text = ctx.text
    start, end = mention.start - ctx.offset, mention.end - ctx.offset
    joined_after = text[end : end + 1] in HYPHENS and text[end + 1 : end + 2].isalpha()
    joined_before = start > 1 and text[start - 1] in HYPHENS and text[start - 2].isalpha()
    return joined_after or joined_before


def _is_seat(ctx: SentenceContext, mention) -> bool:
    place = ctx.article.resources.kb.places.get(mention.entity_id or "")
    return bool(place and place.is_seat)


def forum(ctx: SentenceContext, hit: Hit) -> str | None:
    """A forum counts only when the sentence speaks of a meeting (बैठक, summit, sidelines ...),
    and not one the event only comes before or after ("क्वाड शिखर सम्मेलन से पहले", "ahead of the
    G20 summit")."""
    if not ctx.forum_context:
        return None

    def outside(m) -> bool:
        start, end = m.start - ctx.offset, m.end - ctx.offset
        return ctx.matches("outside_forum_after", ctx.text[end : end + 30]) or ctx.matches(
            "outside_forum_before", ctx.text[max(0, start - 30) : start]
        )

    within = [m for m in ctx.forums if not outside(m)]
    if not within:
        return None
    return min(within, key=lambda m: abs(m.start - (hit.start + ctx.offset))).entity_id


def topics(ctx: SentenceContext) -> tuple[str, ...]:
    """What the sentence is about (``topics.csv``); ``_ignore`` phrases mask misleading words."""
    taken: list[tuple[int, int]] = []
    found: set[str] = set()
    for topic, pattern in ctx.lex.topics:
        for m in pattern.finditer(ctx.text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            if topic != "_ignore":
                found.add(topic)
    return tuple(sorted(found))


def highest_level(chosen: Iterable[Actor]) -> str | None:
    """The highest office among the actors (a head of state over a minister)."""
    levels = [a.level for a in chosen if a.level]
    return min(levels, key=LEVELS.index) if levels else None
