"""Code engagement events from one article's sentences and entity mentions.

A trigger word (talks, visit, phone call, condemn ...) opens an event; its actors are the
countries behind the government mentions around it (persons through their office on the
article's date, role phrases, ministries, capitals standing for governments, country names),
never a country that is only the venue. Each event mention carries its own date (from the
sentence's date expressions, else from context or the publication date), status (held, ongoing,
planned, cancelled) and the sentence it came from, so every number downstream is traceable.
Negated and hypothetical statements give no event: we prefer missing an event to inventing one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from engagement.events import lexicon
from engagement.kb.loader import load_kb

LEVEL_RANK = {
    "head_of_state": 5,
    "head_of_government": 4,
    "foreign_minister": 3,
    "minister": 2,
    "official": 1,
}
# Event kinds whose direction comes from who travels where / who hosts.
_TRAVEL_KINDS = {"visit", "host"}
# Strength of the evidence that a mention stands for a government (higher wins).
_PERSON, _INSTITUTION, _NAME = 3, 2, 1


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
    event_date: str
    event_date_end: str | None
    date_precision: str
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


@dataclass
class _Actor:
    country: str
    start: int
    end: int
    strength: int
    level: str | None
    entity_id: str | None
    venue: bool = False
    destination: bool = False
    agent: bool = False


@dataclass
class _Hit:
    trigger: lexicon.Trigger
    start: int
    end: int
    text: str


@dataclass
class _SentenceContext:
    countries: list[str] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)


def code_events(
    article_id: str,
    text: str,
    lang: str,
    published: date,
    sentences: Sequence,
    mentions: Sequence,
) -> list[EventMention]:
    """All event mentions of one article, in sentence order.

    ``sentences`` have ``idx, start, end, text``; ``mentions`` have the fields of the mentions
    contract (offsets into ``text``). Both come from the entity extractor.
    """
    if lang not in ("hi", "en"):
        return []
    by_sentence: dict[int, list] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence_idx, []).append(m)
    out: list[EventMention] = []
    previous = _SentenceContext()
    for sent in sentences:
        found, context = _code_sentence(article_id, lang, published, sent, by_sentence.get(sent.idx, []), previous, len(out))
        out.extend(found)
        previous = context
    return out


def _code_sentence(article_id, lang, published, sent, mentions, previous, counter):
    hits = _find_triggers(lang, sent.text)
    actors = _actors(lang, sent, mentions)
    context = _SentenceContext(countries=_distinct(a.country for a in actors if not a.venue))
    if not hits:
        return [], context
    cue = lexicon.cues(lang)
    dates = [m for m in mentions if m.label == "DATE" and m.value]
    forums = [m for m in mentions if m.label == "ORG" and _org_kind(m.entity_id) in ("forum", "igo")]
    forum_context = any(p.search(sent.text) for p in cue.get("forum_context", ()))
    topics = _topics(lang, sent.text)
    events: list[EventMention] = []
    for i, hit in enumerate(hits):
        lo = hits[i - 1].end if i else 0
        hi = hits[i + 1].start if i + 1 < len(hits) else len(sent.text)
        if _blocked(lang, cue, sent.text, hit, lo, hi):
            continue
        scoped = [a for a in actors if lo <= a.start - sent.start and a.end - sent.start <= hi]
        chosen = _choose_actors(lang, hit, scoped, sent.start)
        if len(chosen) < 2 and _matches(cue, "anaphor", sent.text[lo:hi]):
            chosen += [c for c in previous.countries if c not in {a.country for a in chosen}][: 2 - len(chosen)]
            chosen = [c if isinstance(c, _Actor) else _borrowed(c) for c in chosen]
        countries = _distinct(a.country for a in chosen)
        if len(countries) < 2:
            continue
        source, target = _direction(lang, hit, chosen, sent.start)
        date_info = _event_date(hit, dates, sent, lo, hi, countries, previous, published)
        status = _status(lang, cue, sent.text, hit, lo, hi, date_info, published)
        code = lexicon.cameo_table()[hit.trigger.cameo]
        location = _location(hit, actors, mentions, source, target)
        forum = _forum(forums, forum_context, hit, sent.start)
        pair = sorted(countries[:2])
        events.append(
            EventMention(
                article_id=article_id,
                mention_id=f"{article_id}:{counter + len(events)}",
                actor1=pair[0],
                actor2=pair[1],
                participants=tuple(sorted(countries)),
                source=source,
                target=target,
                cameo=code.cameo,
                root=code.root,
                goldstein=code.goldstein,
                quad_class=code.quad_class,
                plover=code.plover,
                kind=hit.trigger.kind,
                status=status,
                event_date=date_info[0],
                event_date_end=date_info[1],
                date_precision=date_info[2],
                date_basis=date_info[3],
                level=_level(chosen),
                location=location,
                forum=forum,
                topics=topics,
                sentence_idx=sent.idx,
                evidence_start=sent.start,
                evidence_end=sent.end,
                evidence_text=sent.text,
                actor_mentions=tuple(a.entity_id for a in chosen if a.entity_id),
                trigger_text=hit.text,
            )
        )
    context.events = events
    if events:
        context.countries = _distinct([events[-1].actor1, events[-1].actor2, *context.countries])
    return events, context


def _find_triggers(lang: str, text: str) -> list[_Hit]:
    """Non-overlapping trigger matches, longest pattern first, then in text order."""
    taken: list[tuple[int, int]] = []
    hits: list[_Hit] = []
    for trig in lexicon.triggers(lang):
        for m in trig.regex.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            hits.append(_Hit(trig, m.start(), m.end(), m.group(0)))
    return sorted(hits, key=lambda h: h.start)


def _org_kind(org_id: str | None) -> str | None:
    org = load_kb().organisations.get(org_id or "")
    return org.kind if org else None


def _actors(lang: str, sent, mentions) -> list[_Actor]:
    """Government stand-ins in the sentence, each marked as venue/destination/agent by its context."""
    kb = load_kb()
    cue = lexicon.cues(lang)
    actors: list[_Actor] = []
    for m in mentions:
        if not m.country:
            continue
        if m.label in ("PERSON", "ROLE"):
            strength, level = _PERSON, kb.level_of(m.role) if m.role else None
        elif m.label == "ORG":
            org = kb.organisations.get(m.entity_id or "")
            if org is None or not org.is_actor or org.kind != "ministry":
                continue
            strength, level = _INSTITUTION, "official"
        elif m.label == "PLACE":
            place = kb.places.get(m.entity_id or "")
            strength, level = (_INSTITUTION if place and place.is_seat else 0), None
        elif m.label == "COUNTRY":
            strength, level = _NAME, None
        else:
            continue
        rel_start, rel_end = m.start - sent.start, m.end - sent.start
        before, after = sent.text[max(0, rel_start - 40) : rel_start], sent.text[rel_end : rel_end + 40]
        actors.append(
            _Actor(
                country=m.country,
                start=m.start,
                end=m.end,
                strength=strength,
                level=level,
                entity_id=m.entity_id,
                venue=_matches(cue, "venue_after", after) or _matches(cue, "venue_before", before),
                destination=_matches(cue, "destination_after", after)
                or _matches(cue, "destination_before", before),
                agent=lang == "hi" and _matches(cue, "agent_after", after),
            )
        )
    return actors


def _matches(cue, name: str, text: str) -> bool:
    return any(p.search(text) for p in cue.get(name, ()))


def _borrowed(country: str) -> _Actor:
    """An actor carried over from the previous sentence ("दोनों", "both", "they")."""
    return _Actor(country=country, start=-1, end=-1, strength=_NAME, level=None, entity_id=None)


def _choose_actors(lang: str, hit: _Hit, scoped: list[_Actor], offset: int) -> list[_Actor]:
    """The (up to) participating actors for one trigger: strongest first, then nearest.

    A venue is no actor, except as the destination of a visit. In Hindi (verb-final) the
    arguments before the trigger are preferred; those after it are used only if needed.
    """
    travel = hit.trigger.kind in _TRAVEL_KINDS
    usable = [a for a in scoped if (a.strength > 0 and not a.venue) or (travel and a.destination)]

    def distance(a: _Actor) -> int:
        trig_start = hit.start + offset
        return trig_start - a.end if a.end <= trig_start else a.start - (hit.end + offset)

    def rank(a: _Actor):
        after = a.start >= hit.end + offset
        return (-(a.strength + (3 if travel and a.destination else 0)), lang == "hi" and after, distance(a))

    chosen: dict[str, _Actor] = {}
    for a in sorted(usable, key=rank):
        if a.country not in chosen:
            chosen[a.country] = a
    return sorted(chosen.values(), key=rank)


def _direction(lang: str, hit: _Hit, chosen: list[_Actor], offset: int) -> tuple[str | None, str | None]:
    """Source and target where the sentence makes them clear, else (None, None)."""
    first, second = chosen[0], next(a for a in chosen if a.country != chosen[0].country)
    kind = hit.trigger.kind
    if kind == "visit":
        dest = next((a for a in chosen if a.destination), None)
        if dest:
            visitor = next(a for a in chosen if a.country != dest.country)
            return visitor.country, dest.country
        return None, None
    if kind == "host":
        host = min(
            [a for a in chosen if a.strength == _PERSON] or chosen,
            key=lambda a: abs(a.start - (hit.start + offset)),
        )
        guest = next(a for a in chosen if a.country != host.country)
        return host.country, guest.country
    if lang == "hi":
        agent = next((a for a in chosen if a.agent), None)
        if agent:
            other = next(a for a in chosen if a.country != agent.country)
            return agent.country, other.country
        return None, None
    before = [a for a in (first, second) if a.end <= hit.start + offset]
    after = [a for a in (first, second) if a.start >= hit.end + offset]
    if len(before) == 1 and len(after) == 1:
        return before[0].country, after[0].country
    return None, None


def _blocked(lang: str, cue, text: str, hit: _Hit, lo: int, hi: int) -> bool:
    """Negated or hypothetical statements yield no event."""
    if lang == "hi":
        clause_after = text[hit.end : hi]
        near_after = clause_after[:25]
        return _matches(cue, "negation", near_after) or _matches(cue, "hypothetical", text[lo : hit.start])
    before = text[max(lo, hit.start - 30) : hit.start]
    return _matches(cue, "negation", before) or _matches(cue, "hypothetical", text[lo : hit.start])


def _event_date(hit, dates, sent, lo, hi, countries, previous, published):
    """(value, value_end, precision, basis) for one trigger.

    The nearest date expression in the trigger's own stretch of the sentence, else the nearest
    in the sentence; else the date of the previous sentence's event between the same pair (an
    anaphoric "दोनों मंत्री ... चर्चा करेंगे" continues that story); else the publication date.
    """
    trig = hit.start + sent.start
    scoped = [d for d in dates if lo <= d.start - sent.start < hi]
    if scoped or dates:
        d = min(scoped or dates, key=lambda d: abs(d.start - trig))
        return d.value, d.value_end, d.precision or _precision(d.value), "text"
    pair = set(countries[:2])
    same_pair = [ev for ev in previous.events if {ev.actor1, ev.actor2} == pair]
    same_kind = [ev for ev in same_pair if ev.kind == hit.trigger.kind]
    if same_kind or same_pair:
        ev = (same_kind or same_pair)[0]
        return ev.event_date, ev.event_date_end, ev.date_precision, "context"
    return published.isoformat(), None, "day", "publication"


def _precision(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")


def _status(lang, cue, text, hit, lo, hi, date_info, published) -> str:
    """Cancelled beats everything; then the date against publication; then tense cues."""
    clause = text[hit.start : hi] if lang == "hi" else text[lo:hi]
    if _matches(cue, "cancelled", clause):
        return "cancelled"
    value, value_end, precision, basis = date_info
    if basis == "text":
        first, last = _bounds(value, precision), _bounds(value_end or value, precision)
        if last[1] < published:
            return "held"
        if first[0] > published:
            return "planned"
    # Hindi is verb-final: the tense sits after the trigger, often at the end of the sentence.
    window = text[hit.start :] if lang == "hi" else text[lo : hit.end]
    found = []
    for status in ("planned", "ongoing", "held"):
        for p in cue.get(status, ()):
            m = p.search(window)
            if m:
                found.append((m.start() if lang == "hi" else -m.end(), status))
    if found:
        return min(found)[1]
    return hit.trigger.default_status or "held"


def _bounds(value: str, precision: str) -> tuple[date, date]:
    """First and last calendar day covered by a date at its precision."""
    if precision == "year" or len(value) == 4:
        y = int(value[:4])
        return date(y, 1, 1), date(y, 12, 31)
    if precision == "month" or len(value) == 7:
        y, m = int(value[:4]), int(value[5:7])
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date(y, m, 1), date.fromordinal(nxt.toordinal() - 1)
    d = date.fromisoformat(value[:10])
    return d, d


def _location(hit, actors, mentions, source, target) -> str | None:
    if hit.trigger.kind == "visit" and target:
        return target
    if hit.trigger.kind == "host" and source:
        return source
    venue = next((a for a in actors if a.venue), None)
    if venue:
        return venue.country
    # A city that is not a seat of government (Kazan, Shanghai) places the story; a capital
    # named without "in" stands for its government and says nothing about the venue.
    place = next((m for m in mentions if m.label == "PLACE" and m.country and not _is_seat(m)), None)
    return place.country if place else None


def _is_seat(mention) -> bool:
    place = load_kb().places.get(mention.entity_id or "")
    return bool(place and place.is_seat)


def _forum(forums, forum_context: bool, hit, offset: int) -> str | None:
    """A forum counts only when the sentence speaks of a meeting (बैठक, summit, sidelines ...)."""
    if not forums or not forum_context:
        return None
    return min(forums, key=lambda m: abs(m.start - (hit.start + offset))).entity_id


def _topics(lang: str, text: str) -> tuple[str, ...]:
    taken: list[tuple[int, int]] = []
    topics: set[str] = set()
    for topic, pattern in lexicon.topic_patterns(lang):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            if topic != "_ignore":
                topics.add(topic)
    return tuple(sorted(topics))


def _level(chosen: Iterable[_Actor]) -> str | None:
    levels = [a.level for a in chosen if a.level]
    return max(levels, key=LEVEL_RANK.__getitem__) if levels else None


def _distinct(values: Iterable[str | None]) -> list[str]:
    seen: list[str] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return seen
