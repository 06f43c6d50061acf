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

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, cached_property

from engagement.events import lexicon
from engagement.kb.loader import load_kb
from engagement.nlp.folding import fold
from engagement.warehouse.cluster import family_of

LEVEL_RANK = {
    "head_of_state": 5,
    "head_of_government": 4,
    "foreign_minister": 3,
    "minister": 2,
    "official": 1,
}
# Event kinds whose direction comes from who travels where / who hosts.
_TRAVEL_KINDS = {"visit", "host"}
_MEETING_KINDS = {"meeting", "summit"}
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
    coordinated: bool = False  # second of "भारत और अमेरिका ने": a joint subject, no direction
    dateline: bool = False  # an English report's dateline ("MOSCOW, Dec 4 -"): a venue, weakly


@dataclass
class _Hit:
    trigger: lexicon.Trigger
    start: int
    end: int
    text: str


# A report naming sports this often is about teams: its country names are not governments.
_SPORTS_ARTICLE_CUES = 3
_SPORTS_SCAN_CHARS = 3000  # a sports report says so early; scanning all of a long one cost more than coding it


@dataclass
class _Article:
    lang: str
    text: str

    @cached_property
    def is_sports(self) -> bool:
        """Worked out only when a sentence has a trigger: many articles never get that far."""
        found = lexicon.cue_screen(self.lang, "sports").finditer(self.text[:_SPORTS_SCAN_CHARS])
        return sum(1 for _ in zip(found, range(_SPORTS_ARTICLE_CUES), strict=False)) >= _SPORTS_ARTICLE_CUES


@dataclass
class _SentenceContext:
    """What the next sentence may refer back to ("दोनों", "both"). Its countries are worked out
    only when asked: most sentences are followed by no anaphoric trigger."""

    lang: str = "en"
    sent: object = None
    mentions: Sequence = ()
    events: list[EventMention] = field(default_factory=list)

    @cached_property
    def actors(self) -> list[_Actor]:
        """The sentence's actors in text order, worked out once for both questions below."""
        if self.sent is None:
            return []
        return sorted(_actors(self.lang, self.sent, self.mentions), key=lambda a: a.start)

    @cached_property
    def countries(self) -> list[str]:
        named = _distinct(a.country for a in self.actors if not a.venue)
        if self.events:
            return _distinct([self.events[-1].actor1, self.events[-1].actor2, *named])
        return named

    @cached_property
    def people(self) -> list[str]:
        """Countries of the people named, in order: "उन्होंने" / "he" is most likely the first."""
        return _distinct(a.country for a in self.actors if a.strength == _PERSON)


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
    article_forum = None  # the forum of the latest forum meeting named so far
    article = _Article(lang, text)
    for sent in sentences:
        sent_mentions = by_sentence.get(sent.idx, [])
        if _may_have_a_pair(sent_mentions, previous) or (out and lexicon.cue_screen(lang, "anaphor").search(sent.text)):
            found, previous = _code_sentence(
                article_id, lang, published, sent, sent_mentions, previous, out, article_forum, article
            )
            out.extend(found)
        else:
            previous = _SentenceContext(lang, sent, sent_mentions)
        article_forum = _meeting_forum(lang, sent, sent_mentions) or article_forum
    # Number the mentions once all are known: merging within a sentence drops some, and ids
    # handed out on the way would repeat across sentences.
    return [replace(ev, mention_id=f"{article_id}:{i}") for i, ev in enumerate(out)]


def _latest_pair(earlier: Sequence[EventMention]) -> list[str]:
    """The two countries of the article's latest bilateral event mention, if any."""
    latest = next((ev for ev in reversed(earlier) if ev.actor1), None)
    return [latest.actor1, latest.actor2] if latest else []


def _may_have_a_pair(mentions: Sequence, previous: _SentenceContext) -> bool:
    """Whether two countries can meet in this sentence: two of its own, or one more lent by the
    previous sentence ("दोनों", "both"). Most sentences of a news article fail this, and skipping
    them saves the trigger search, the costliest step of coding."""
    countries = {m.country for m in mentions if m.country}
    if len(countries) >= 2:
        return True
    return bool(previous.events) or any(m.country for m in previous.mentions)


def _forum_mentions(mentions) -> list:
    return [m for m in mentions if m.label == "ORG" and _org_kind(m.entity_id) in ("forum", "igo")]


def _meeting_forum(lang: str, sent, mentions) -> str | None:
    """The last forum a sentence names while speaking of a meeting ("एससीओ ... की बैठक")."""
    forums = _forum_mentions(mentions)
    if forums and _matches(lang, "forum_context", sent.text):
        return forums[-1].entity_id
    return None


def _code_sentence(article_id, lang, published, sent, mentions, previous, earlier, article_forum, article):
    hits = _without_demanded(lang, _find_triggers(lang, sent.text))
    context = _SentenceContext(lang, sent, mentions)
    if not hits:
        return [], context
    actors = _actors(lang, sent, mentions)

    def teams() -> bool:
        """"भारतीय टीम का दक्षिण अफ़्रीका दौरा": in sports, country names are teams, not
        governments. Asked only when the answer matters: scanning the article costs."""
        return _matches(lang, "sports", sent.text) or article.is_sports

    if any(a.strength == _NAME for a in actors) and teams():
        actors = [a for a in actors if a.strength > _NAME]
    dates = [m for m in mentions if m.label == "DATE" and m.value and not _other_clause(lang, m, sent)]
    forums = _forum_mentions(mentions)
    forum_context = _matches(lang, "forum_context", sent.text)
    sideline = _matches(lang, "sideline", sent.text)
    topics = None  # worked out once the sentence has an event
    events: list[EventMention] = []
    subject: tuple[int, _Actor] | None = None  # (hit index, its source) of the sentence's last event
    stretches = _stretches(lang, sent.text, hits)
    for i, hit in enumerate(hits):
        lo, frame = stretches[i]
        hi = hits[i + 1].start if i + 1 < len(hits) else len(sent.text)
        if _blocked(lang, sent.text, hit, lo, hi):
            continue
        scoped = [a for a in actors if lo <= a.start - sent.start and a.end - sent.start <= hi]
        chosen = _english_trip(lang, hit, scoped, actors, sent.start) or _choose_actors(lang, hit, scoped, sent.start)
        if _shares_sentence_arguments(hit, chosen):
            chosen = _choose_actors(lang, hit, actors, sent.start)
        if subject and subject[0] == i - 1:
            chosen = _with_shared_subject(lang, sent, hits[i - 1], hit, subject[1], scoped) or chosen
        stretch = sent.text[lo:hi]
        # "दोनों देशों": the previous sentence's countries, then the pair of the story so far
        lenders = _distinct([*previous.countries, *_latest_pair(earlier)])
        # "दोनों देशों से संयम बरतने की अपील", "urged both sides": a third party addresses a pair
        pair_of_others = bool(chosen) and _matches(lang, "pair_addressed", stretch)
        if len(chosen) < 2 and not pair_of_others and _matches(lang, "anaphor", stretch) and not teams():
            if _matches(lang, "person_anaphor", stretch):  # "उन्होंने", "he": a person, first the subject
                lenders = _distinct([*previous.people, *lenders])
            chosen += [c for c in lenders if c not in {a.country for a in chosen}][: 2 - len(chosen)]
            chosen = [c if isinstance(c, _Actor) else _borrowed(c) for c in chosen]
        countries = _distinct(a.country for a in chosen)
        if len(countries) < 2 or not _travel_is_clear(lang, hit, chosen, sent):
            continue
        if hit.trigger.kind == "summit" and forums and not sideline and len(countries) == 2:
            continue  # "दोनों नेता जी20 शिखर सम्मेलन में हिस्सा लेंगे": two guests of a forum's summit
        source, target = _direction(lang, hit, chosen, sent)
        tense = _tense_status(lang, sent.text, hit, lo, hi)
        # a frame ("कोलंबो यात्रा के दौरान ... हस्ताक्षर किए थे") has no verb of its own: the
        # sentence's tense dates it
        own_tense = tense if frame else _tense_status(lang, sent.text, hit, lo, hi, _OWN_VERB_CHARS)
        if own_tense is None and lang == "hi" and hit.trigger.default_status == "held":
            # a noun whose verb stands far off ("फरवरी में संयुक्त बयान जारी कर ... लक्ष्य रखा था")
            own_tense = _tense_status(lang, sent.text, hit, lo, hi, len(sent.text))
        date_info = _event_date(hit, dates, sent, lo, hi, countries, previous, published, own_tense)
        if tense == "ongoing" and not any(lo <= d.start - sent.start < hi for d in dates):
            # "who is on a visit to Germany, will travel to Paris on Saturday": going on now
            date_info = (published.isoformat(), None, "day", "publication")
        # a frame with no date of its own ("during the visit") is any visit the article reported
        when = "" if frame and date_info[3] == "publication" else date_info[0]
        travel_news = hit.trigger.kind in _TRAVEL_KINDS and not _already_reported(
            countries, hit, when, [*earlier, *events]
        )
        if frame and not travel_news:
            # "during the meeting" frames the sentence's event; "during the visit" does too once
            # that visit is reported, but a visit first named so is news of its own
            continue
        status = _status(lang, sent.text, hit, lo, hi, date_info, published, tense)
        if status == "planned" and date_info[3] == "publication":
            date_info = _planned_date(countries, [*earlier, *events], published)
        code = lexicon.cameo_table()[hit.trigger.cameo]
        location = _location(hit, actors, mentions, source, target, sent)
        forum = _forum(lang, forums, forum_context, hit, sent) or (article_forum if sideline else None)
        multilateral = len(countries) > 2 and hit.trigger.kind in _MEETING_KINDS
        topics = _topics(lang, sent.text) if topics is None else topics
        pair = [None, None] if multilateral else sorted(countries[:2])
        if multilateral or not {source, target} <= {*pair, None}:
            # one meeting of many has no pair, so no direction between two of them; nor does a
            # pair that leaves out the agent ("रूस ने ... दोनों के बीच सीरिया ... पर समझौता हुआ")
            source = target = None
        events.append(
            EventMention(
                article_id=article_id,
                mention_id=f"{article_id}:{len(earlier) + len(events)}",
                actor1=pair[0],
                actor2=pair[1],
                participants=tuple(sorted(countries if multilateral else pair)),
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
        subject = (i, next(a for a in chosen if a.country == source)) if source else None
    events = _one_mention_per_happening(events)
    context.events = events
    return events, context


def _one_mention_per_happening(events: list[EventMention]) -> list[EventMention]:
    """Triggers of one sentence that report the same happening give one mention.

    Same participants, event family and dates: "से मुलाकात की और ... बातचीत की", or a visit
    and the meeting that is its programme ("the 19-21 August visit, when he co-chaired ...").
    The most specific report is kept: a visit or hosting (who travels where), then one whose
    direction is known ("भारत ने ओमान के सुल्तान की राजकीय यात्रा की मेजबानी की": the hosting),
    then a specific CAMEO code over a generic one (042 over 040), then the first in the sentence. A meeting on
    a day of its own inside a visit has other dates and stays.
    """
    kept: dict[tuple, EventMention] = {}
    for event in events:
        key = (
            event.participants,
            family_of(event.cameo, event.root),
            event.event_date,
            event.event_date_end,
        )
        if key not in kept or _specificity(event) > _specificity(kept[key]):
            kept[key] = event
    chosen = {id(e) for e in kept.values()}
    return [e for e in events if id(e) in chosen]


def _specificity(event: EventMention) -> tuple[bool, bool, bool]:
    return event.kind in _TRAVEL_KINDS, event.source is not None, not event.cameo.endswith("0")


def _find_triggers(lang: str, text: str) -> list[_Hit]:
    """Non-overlapping trigger matches, in the lexicon's order (ours before generated ones,
    longest pattern first), then in text order."""
    low = lexicon.lowered(text)
    taken: list[tuple[int, int]] = []
    hits: list[_Hit] = []
    for trig, m in lexicon.trigger_matches(lang, low):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        taken.append((m.start(), m.end()))
        hits.append(_Hit(trig, m.start(), m.end(), text[m.start() : m.end()]))
    return sorted(hits, key=lambda h: h.start)


# How far a demand verb may sit from what it demands: Hindi puts it after the object
# ("प्रतिबंध लगाने की मांग की"), English before it ("demanded that partners impose sanctions").
_DEMAND_REACH = {"hi": 30, "en": 60}


def _without_demanded(lang: str, hits: list[_Hit]) -> list[_Hit]:
    """Drop triggers that only name what is demanded: the event is the demand, not a sanction."""
    reach = _DEMAND_REACH[lang]
    kept = []
    for i, hit in enumerate(hits):
        neighbour = hits[i + 1] if lang == "hi" and i + 1 < len(hits) else hits[i - 1] if lang == "en" and i else None
        gap = (
            (neighbour.start - hit.end)
            if lang == "hi" and neighbour
            else (hit.start - neighbour.end)
            if neighbour
            else 0
        )
        if neighbour and hit.trigger.kind != "demand" and neighbour.trigger.kind == "demand" and gap <= reach:
            continue
        kept.append(hit)
    return kept


@cache
def _adjective_forms() -> frozenset[str]:
    """Folded adjective and demonym forms of country names ("Thai", "Britons"), every language."""
    return frozenset(
        fold(alias.text)
        for alias in load_kb().alias_rows
        if alias.label == "COUNTRY" and alias.kind in ("adjective", "demonym")
    )


def _org_kind(org_id: str | None) -> str | None:
    org = load_kb().organisations.get(org_id or "")
    return org.kind if org else None


def _actors(lang: str, sent, mentions) -> list[_Actor]:
    """Government stand-ins in the sentence, marked as venue/destination/agent by their context."""
    kb = load_kb()
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
        before, after = (
            sent.text[max(0, rel_start - 40) : rel_start],
            sent.text[rel_end : rel_end + 40],
        )
        if _matches(lang, "not_government_before", before):
            continue  # "exiled dissidents from Myanmar": people of a country, not its government
        if strength == _NAME and _matches(lang, "not_government_after", after):
            continue  # "a Turkish hostage", "US-backed", "भारतीय छात्र": not the government
        adjective = lang == "en" and m.label == "COUNTRY" and fold(m.text) in _adjective_forms()
        if adjective and not _matches(lang, "government_after", after):
            continue  # "a Thai policeman", "a British couple": only "the Thai government" acts
        dateline = (
            lang == "en"
            and sent.idx == 0
            and rel_start < 40
            and (
                _is_dateline_place(m.text, after)
                or bool(_EN_DATELINE_PLACE.match(before))
                or bool(_EN_DATED_DATELINE.match(after))
            )
        )
        actors.append(
            _Actor(
                country=m.country,
                start=m.start,
                end=m.end,
                strength=strength,
                level=level,
                entity_id=m.entity_id,
                venue=dateline or _matches(lang, "venue_after", after) or _matches(lang, "venue_before", before),
                dateline=dateline,
                # people travel; "जयशंकर की रूस यात्रा" is his visit, not one to him; and one goes to
                # Russia, never to "Russian" ("visiting Russian President": the visitor)
                destination=strength != _PERSON
                and not adjective
                and (_matches(lang, "destination_after", after) or _matches(lang, "destination_before", before)),
                # "भारत ने", and the passive's "by the US"
                agent=_matches(lang, "agent_after", after) if lang == "hi" else _matches(lang, "agent_before", before),
                coordinated=_matches(lang, "coordinated_before", before),
            )
        )
    return actors


_EN_DATELINE_END = re.compile(r"^\s*(?:/\S+)?\s*[-\u2013\u2014:]")
# "MANNHEIM, Germany --": the country after a capitalised dateline city
_EN_DATELINE_PLACE = re.compile(r"^\s*[A-Z][A-Z .'/-]{2,},\s*$")
# "MOSCOW, Dec 4 -": a place, a comma and a date
_EN_DATED_DATELINE = re.compile(
    r"^,\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE
)


def _is_dateline_place(written: str, after: str) -> bool:
    """"ABUJA - Peace talks ...", "KHARTOUM/NAIROBI - ...": the place a report was filed from."""
    return written.isupper() and len(written) > 3 and bool(_EN_DATELINE_END.match(after))


def _matches(lang: str, name: str, text: str) -> bool:
    return lexicon.cue_screen(lang, name).search(text) is not None


# Formal acts whose parties are the sentence's subject pair even when another trigger stands
# between them and the act ("भारत और यूएई ने ... बैठक के दौरान ... समझौतों पर हस्ताक्षर किए",
# "the United States imposed sanctions on companies it accused of helping Iran", "भारत ने ओमान
# के सुल्तान की राजकीय यात्रा की मेजबानी की").
_SHARED_ARGUMENT_KINDS = {"agreement", "joint_statement", "sanction", "expel", "reduce_relations", "host"}
# Statements aim at their own object: "accused of helping Iran" does not accuse Iran.
_SPEECH_KINDS = {"praise", "criticise", "accuse", "demand", "reject", "threaten"}
# How far after an English statement verb its object may stand ("endorsed an agreement with the
# EU ... in spite of the conflict with Russia" does not endorse Russia).
_EN_OBJECT_REACH = 80


def _shares_sentence_arguments(hit: _Hit, chosen: list[_Actor]) -> bool:
    """Whether a trigger short of two countries in its own stretch may take the sentence's.

    Triggers of one sentence share its subject: "Herath arrived in New Delhi and held talks
    with Jaishankar", "हेराथ ... पहुंचे और जयशंकर के साथ वार्ता की". A stretch with no actor at
    all is a back-reference ("... से पहले एक दौर की बातचीत") and gets none.
    """
    countries = {a.country for a in chosen}
    if len(countries) >= 2 or hit.trigger.kind in _SPEECH_KINDS:
        return False
    return len(countries) == 1 or hit.trigger.kind in _SHARED_ARGUMENT_KINDS


def _english_trip(lang: str, hit: _Hit, scoped: list[_Actor], actors: list[_Actor], offset: int) -> list[_Actor]:
    """Visitor and destination of an English trip with two places in its stretch: "Jaishankar,
    who is on a visit to Germany, will travel to Paris" goes to the place right after the verb,
    and the traveller is the sentence's subject before it. Empty when the general rules apply."""
    if lang != "en" or hit.trigger.kind != "visit":
        return []
    trigger_end, trigger_start = hit.end + offset, hit.start + offset
    after = sorted((a for a in scoped if a.destination and a.start >= trigger_end), key=lambda a: a.start)
    if len({a.country for a in scoped if a.destination}) < 2 or not after:
        return []
    destination = after[0]
    travellers = [
        a for a in actors if a.end <= trigger_start and not a.destination and a.country != destination.country
    ]
    if not travellers:
        return []
    visitor = max(travellers, key=lambda a: (a.strength, a.start))
    return [visitor, destination]


def _travel_is_clear(lang: str, hit: _Hit, chosen: list[_Actor], sent) -> bool:
    """Whether the actors fit what the trigger needs.

    A bare motion verb ("पहुंचे", "arrived in") needs a country to arrive in; a visit to two
    countries ("एस्टोनिया और इटली की यात्रा") whose visitor is no actor here is no pair; a visit
    with no destination ("यात्रा का सबसे उचित तरीका") and an ambiguous "मिले" (met, received)
    need someone in office, not just two country names.
    """
    destinations = sum(a.destination for a in chosen)
    if hit.trigger.needs_destination and not destinations:
        return False
    if hit.trigger.kind == "visit" and destinations == len(chosen):
        return False
    if lang == "en" and hit.trigger.kind == "visit" and destinations:
        # the English visitor is the subject before the verb or comes with "by" ("a visit to
        # Japan by ..."): "Powell will visit Tokyo to discuss North Korea" has no visitor here
        trigger = sent.start + hit.start
        visitors = [a for a in chosen if not a.destination]
        if not any(a.end <= trigger or a.agent or sent.text[: a.start - sent.start].endswith("by ") for a in visitors):
            return False
    needs_official = hit.trigger.needs_official or (hit.trigger.kind == "visit" and not destinations)
    return not needs_official or any(a.strength > _NAME for a in chosen)


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
    if hit.trigger.kind in _MEETING_KINDS | {"phone"} and len({a.country for a in usable if a.strength == _PERSON}) > 1:
        # "Wen said in his meeting with Aziz that relations with India ...": people meet, and
        # once two countries' people are named, other country names are what they talked about
        usable = [a for a in usable if a.strength == _PERSON]
    if lang == "en" and hit.trigger.kind in _SPEECH_KINDS:  # what is said aims at a near object
        usable = [a for a in usable if a.start - (hit.end + offset) <= _EN_OBJECT_REACH]

    def distance(a: _Actor) -> int:
        trig_start = hit.start + offset
        return trig_start - a.end if a.end <= trig_start else a.start - (hit.end + offset)

    def rank(a: _Actor):
        after = a.start >= hit.end + offset
        return (
            -(a.strength + (3 if travel and a.destination else 0)),
            lang == "hi" and after,
            distance(a),
        )

    chosen: dict[str, _Actor] = {}
    for a in sorted(usable, key=rank):
        if a.country not in chosen:
            chosen[a.country] = a
    ranked = sorted(chosen.values(), key=rank)
    if lang == "en" and hit.trigger.kind in _SPEECH_KINDS:
        # subject before the verb, object after it: "Obama and Putin said they will attack Iraq"
        # is a threat to Iraq, not between the two speakers
        # from all usable actors: the strongest stand-in of a country may sit on the other side
        # ("China lodged a protest ..., the Chinese foreign ministry said")
        by_rank = sorted(usable, key=rank)
        subject = next((a for a in by_rank if a.end <= hit.start + offset), None)
        taken = subject.country if subject else None
        target = next((a for a in by_rank if a.start >= hit.end + offset and a.country != taken), None)
        if subject and target and subject.country != target.country:
            return [subject, target, *(a for a in ranked if a not in (subject, target))]
    return ranked


def _direction(lang: str, hit: _Hit, chosen: list[_Actor], sent) -> tuple[str | None, str | None]:
    """Source and target where the sentence makes them clear, else (None, None)."""
    offset = sent.start
    first, second = chosen[0], next(a for a in chosen if a.country != chosen[0].country)
    kind = hit.trigger.kind
    if kind == "visit":
        dest = next((a for a in chosen if a.destination), None)
        if dest:
            visitor = next(a for a in chosen if a.country != dest.country)
            return visitor.country, dest.country
        guest = _visiting_guest(lang, hit, chosen, sent)
        if guest:  # "talks with visiting Russian President Putin": Russia visits the other
            host = next(a for a in chosen if a.country != guest.country)
            return guest.country, host.country
        return None, None
    if kind == "host":
        # the agent ("मुर्मू ने ... दिसानायके के सम्मान में रात्रिभोज"), else the nearest person
        host = next((a for a in chosen if a.agent), None) or min(
            [a for a in chosen if a.strength == _PERSON] or chosen,
            key=lambda a: abs(a.start - (hit.start + offset)),
        )
        guest = next(a for a in chosen if a.country != host.country)
        return host.country, guest.country
    agent = next((a for a in chosen if a.agent), None)
    if agent and agent.coordinated:
        return None, None
    if agent:
        other = next(a for a in chosen if a.country != agent.country)
        return agent.country, other.country
    if lang == "hi":
        return None, None
    before = [a for a in (first, second) if a.end <= hit.start + offset]
    after = [a for a in (first, second) if a.start >= hit.end + offset]
    if len(before) == 1 and len(after) == 1:
        return before[0].country, after[0].country
    return None, None


_AND_BEFORE_VERB = re.compile(r"\band\s+\Z")


def _with_shared_subject(lang: str, sent, before: _Hit, hit: _Hit, subject: _Actor, scoped: list[_Actor]):
    """"China condemned Japan's remarks on Taiwan and summoned the Japanese ambassador": a verb
    joined by "and" to the one before shares its subject, so it aims at the actor after it."""
    if lang != "en" or not _AND_BEFORE_VERB.search(sent.text, before.end, hit.start):
        return None
    objects = [a for a in scoped if a.start >= hit.end + sent.start and a.country != subject.country and not a.venue]
    if not objects:
        return None
    return [replace(subject, agent=True), min(objects, key=lambda a: a.start)]


# "visiting Russian President", "the visiting Chinese foreign minister Wang Yi"
_VISITING_GUEST_GAP = re.compile(r"[\w .'-]{0,40}")


def _visiting_guest(lang: str, hit: _Hit, chosen: list[_Actor], sent) -> _Actor | None:
    """The actor that "visiting" describes: named right after it, with no clause between."""
    if not _matches(lang, "guest_trigger", hit.text):
        return None
    after = sorted((a for a in chosen if a.start >= hit.end + sent.start), key=lambda a: a.start)
    if after and _VISITING_GUEST_GAP.fullmatch(sent.text, hit.end, after[0].start - sent.start):
        return after[0]
    return None


def _stretches(lang: str, text: str, hits: list[_Hit]) -> list[tuple[int, bool]]:
    """(where the stretch of the sentence that belongs to each trigger starts, whether the trigger
    frames another event). A stretch starts after the trigger before it, unless that one only
    frames this one ("रुबियो और जयशंकर ने ... बैठक के दौरान मुलाकात की थी": the pair before the
    frame met)."""
    stretches: list[tuple[int, bool]] = []
    for i, hit in enumerate(hits):
        lo = 0 if not i else stretches[-1][0] if stretches[-1][1] else hits[i - 1].end
        stretches.append((lo, _frames_another_event(lang, text, hit, lo)))
    return stretches


def _frames_another_event(lang: str, text: str, hit: _Hit, lo: int) -> bool:
    """"during the visit", "यात्रा के दौरान": the trigger frames another event of the sentence."""
    around = text[max(lo, hit.start - 25) : hit.start] if lang == "en" else text[hit.end : hit.end + 15]
    return _matches(lang, "back_reference", around)


def _already_reported(countries: list[str], hit: _Hit, when: str, reported: Sequence[EventMention]) -> bool:
    """Whether the article already has a mention of this pair and event family at a date that
    agrees with ``when`` at the coarser precision ("2025-11" agrees with "2025-11-24")."""
    pair, family = set(countries[:2]), family_of(hit.trigger.cameo, hit.trigger.cameo[:2])
    return any(
        {ev.actor1, ev.actor2} == pair
        and family_of(ev.cameo, ev.root) == family
        and (ev.event_date.startswith(when) or when.startswith(ev.event_date))
        for ev in reported
    )


def _blocked(lang: str, text: str, hit: _Hit, lo: int, hi: int) -> bool:
    """Negated, hypothetical or habitual statements ("meet every year") yield no event."""
    # English: only the trigger's own clause, so "accused India ..., an allegation New Delhi has
    # repeatedly rejected" is still an accusation
    habitual_scope = text[lo:hi] if lang == "hi" else _own_clause(text, hit, lo, hi)
    if _matches(lang, "habitual", habitual_scope):
        return True
    if lang == "en" and hit.trigger.kind in _MEETING_KINDS | {"negotiation"} and _matches(
        lang, "talks_about_before", text[max(lo, hit.start - 50) : hit.start]
    ):
        return True  # "urged China to resume stalled talks", "six-party talks": talk about talks
    if lang == "hi" and _matches(lang, "back_reference_before", text[max(lo, hit.start - 8) : hit.start]):
        return True  # "इस शिखर सम्मेलन के लिए", "इस यात्रा": this (already reported) event
    if _matches(lang, "press_before", text[max(lo, hit.start - 12) : hit.start]):
        return True  # "प्रेस वार्ता", "news conference": a spokesman meets reporters, not a partner
    if lang == "hi":
        # Verb-final: the negation closes the trigger's clause ("बातचीत का कोई कार्यक्रम तय नहीं था").
        clause_after = _HINDI_CLAUSE_BREAK.split(text[hit.end : hi][:_HINDI_CLAUSE_CHARS])[0]
        return _matches(lang, "negation", clause_after) or _matches(lang, "hypothetical", text[lo : hit.start])
    before = _CLAUSE_BREAK.split(text[max(lo, hit.start - 30) : hit.start])[-1]
    return _matches(lang, "negation", before) or _matches(lang, "hypothetical", text[lo : hit.start])


def _own_clause_bounds(text: str, hit: _Hit, lo: int, hi: int) -> tuple[int, int]:
    """Start and end of the English clause around a trigger, within its stretch."""
    before = _CLAUSE_BREAK.split(text[lo : hit.start])[-1]
    after = _CLAUSE_BREAK.split(text[hit.end : hi])[0]
    return hit.start - len(before), hit.end + len(after)


def _own_clause(text: str, hit: _Hit, lo: int, hi: int) -> str:
    """The English clause around a trigger, within its stretch of the sentence."""
    start, end = _own_clause_bounds(text, hit, lo, hi)
    return text[start:end]


_HINDI_CLAUSE_BREAK = re.compile(r"[,;।]|(?<![\u0900-\u097f])(?:और|लेकिन|तथा|जबकि|कि)(?![\u0900-\u097f])")
_HINDI_CLAUSE_CHARS = 45
# A negation negates its own clause: 'showed it was "not interested in peace" and demanded'.
_CLAUSE_BREAK = re.compile(r"[,;:\"“”()]|\b(?:and|but|while|whereas)\b")


def _event_date(hit, dates, sent, lo, hi, countries, previous, published, own_tense):
    """(value, value_end, precision, basis) for one trigger.

    The nearest date expression in the trigger's own stretch of the sentence, else the nearest
    in the sentence (a dateline such as "MOSCOW, Nov 17 —" only when there is no other); else
    the date of the previous sentence's event of the same kind between the same pair (an
    anaphoric "दोनों मंत्री ... चर्चा करेंगे" continues that story); else the publication date.
    """
    trig = hit.start + sent.start
    own = [d for d in dates if not _is_dateline(d, sent)] or dates
    scoped = [d for d in own if lo <= d.start - sent.start < hi]
    if hit.trigger.lang == "en":  # "arrived on Thursday and will hold talks on Friday": Friday
        start, end = _own_clause_bounds(sent.text, hit, lo, hi)
        scoped = [d for d in scoped if start <= d.start - sent.start < end] or scoped
    else:  # verb-final: "अगले सप्ताह ... वार्ता होगी, जिससे फरवरी में ...": February dates the next clause
        clause_end = hit.end + len(_HINDI_CLAUSE_BREAK.split(sent.text[hit.end : hi], maxsplit=1)[0])
        scoped = [d for d in scoped if d.start - sent.start < clause_end] or scoped
    if scoped or own:
        d = min(scoped or own, key=lambda d: abs(d.start - trig))
        value, value_end = _as_tense_says(d, own_tense, published)
        return value, value_end, d.precision or _precision(d.value), "text"
    pair = set(countries[:2])
    same = [ev for ev in previous.events if {ev.actor1, ev.actor2} == pair and ev.kind == hit.trigger.kind]
    if same:
        ev = same[0]
        return ev.event_date, ev.event_date_end, ev.date_precision, "context"
    return published.isoformat(), None, "day", "publication"


# A dateline: place name(s), comma, date, at the start of an article's first sentence.
_DATELINE = re.compile(r"^[^\W\d][^,.]{0,40},\s*$")
_DIGIT = re.compile(r"[0-9\u0966-\u096f]")
# Words that make a date expression relative ("next month", "अगले महीने"): already resolved
# against publication on purpose, unlike a bare "April" or "Friday".
_RELATIVE_WORDS = {"next", "last", "this", "coming", "अगले", "अगली", "पिछले", "पिछली", "इस", "आगामी"}


def _planned_date(countries, earlier: list[EventMention], published: date):
    """Date of a planned mention whose sentence gives none ("अपनी यात्रा के दौरान मोतेगी ...
    वार्ता करेंगे"): the latest earlier planned event of the article for the same pair (the
    announcement it details), else the publication month, never the publication day, which
    would make an announcement look like a same-day event that never turns held."""
    pair = set(countries[:2])
    same = [
        ev
        for ev in earlier
        if ev.status == "planned" and set(ev.participants) == pair and ev.date_basis != "publication"
    ]
    if same:
        ev = same[-1]
        return ev.event_date, ev.event_date_end, ev.date_precision, "context"
    return published.strftime("%Y-%m"), None, "month", "publication"


def _other_clause(lang: str, mention, sent) -> bool:
    """A date that belongs to another clause ("since he took office in October", "अक्टूबर में
    पदभार संभालने के बाद") dates that clause, not the event."""
    rel_start, rel_end = mention.start - sent.start, mention.end - sent.start
    return _matches(lang, "other_clause_date_before", sent.text[max(0, rel_start - 40) : rel_start]) or _matches(
        lang, "other_clause_date_after", sent.text[rel_end : rel_end + 60]
    )


def _is_dateline(mention, sent) -> bool:
    return sent.idx == 0 and bool(_DATELINE.match(sent.text[: mention.start - sent.start].lstrip()))


def _as_tense_says(mention, own_tense: str | None, published: date) -> tuple[str, str | None]:
    """A bare weekday or month ("on Friday", "अप्रैल में") resolved into the future while the
    verb says it already happened is the past one, and a bare month resolved into the past while
    the verb says it is planned ("are expected to meet in August") is next year's: the verb knows
    the tense, the date word not."""
    value, value_end = mention.value, mention.value_end
    words = set(mention.text.lower().split())
    bare = not _DIGIT.search(mention.text) and not words & _RELATIVE_WORDS
    if own_tense not in ("held", "planned") or not bare:
        return value, value_end
    if own_tense == "planned":
        if len(value) == 7 and _bounds(value_end or value, "month")[1] < published:
            return _years_later(value, 1), _years_later(value_end, 1) if value_end else None
        return value, value_end
    if len(value) == 10 and not value_end and 2 <= (date.fromisoformat(value) - published).days <= 6:
        return (date.fromisoformat(value) - timedelta(days=7)).isoformat(), None
    if len(value) == 7 and _bounds(value, "month")[0] > published:
        return _years_later(value, -1), _years_later(value_end, -1) if value_end else None
    return value, value_end


def _years_later(value: str, years: int) -> str:
    return f"{int(value[:4]) + years}{value[4:]}"


def _precision(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")


def _status(lang, text, hit, lo, hi, date_info, published, tense) -> str:
    """Cancelled beats everything; then the date against publication; then tense cues."""
    clause = text[hit.start : hi] if lang == "hi" else text[lo:hi]
    if _matches(lang, "cancelled", clause):
        return "cancelled"
    value, value_end, precision, basis = date_info
    if basis != "publication":
        first, last = _bounds(value, precision), _bounds(value_end or value, precision)
        if last[1] < published:
            return "held"
        if first[0] > published:
            return "planned"
    return tense or hit.trigger.default_status or "held"


# Hindi speech-act triggers already carry their verb ("निंदा की", "चेतावनी दी"): only the words
# right after them can change the tense, not the future inside what was said.
_SPEECH_TAIL = 12
# How far after a Hindi trigger its own verb sits ("हस्ताक्षर किए थे", "वार्ता हो चुकी है").
_OWN_VERB_CHARS = 20


def _tense_status(lang, text, hit, lo, hi, reach: int | None = None) -> str | None:
    """held / ongoing / planned from the words around the trigger, or None when they say nothing.

    A modifier right before the noun ("आगामी यात्रा", "the upcoming visit") says planned. Hindi
    is verb-final: the tense sits after the trigger, often at the end of the sentence; ``reach``
    limits the Hindi look-ahead to the trigger's own verb ("यात्रा की थी", "गए थे").
    """
    if hit.trigger.kind == "intent":
        return None  # the verb dates the invitation or proposal; the meeting itself lies ahead
    if _matches(lang, "planned_before", text[max(lo, hit.start - 25) : hit.start]):
        return "planned"
    if lang == "hi":
        speech = hit.trigger.default_status == "held"
        tail = reach or (_SPEECH_TAIL if speech else None)
        window = text[hit.start : hit.end + tail] if tail else text[hit.start :]
    elif hit.trigger.kind in _SPEECH_KINDS:
        window = text[lo : hit.start]  # "said they will attack": the threat is made, not planned
    else:
        window = text[lo : hit.end]
    found = []
    for status in ("planned", "ongoing", "held"):
        for p in lexicon.cues(lang).get(status, ()):
            m = p.search(window)
            if m:
                found.append((m.start() if lang == "hi" else -m.end(), status))
    return min(found)[1] if found else None


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


def _location(hit, actors, mentions, source, target, sent) -> str | None:
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
        (m for m in mentions if m.label == "PLACE" and m.country and not _is_seat(m) and not _in_compound(m, sent)),
        None,
    )
    return place.country if place else None


def _in_compound(mention, sent) -> bool:
    """"the Mumbai-Ahmedabad rail project": a place joined to another word names a thing."""
    start, end = mention.start - sent.start, mention.end - sent.start
    joined_after = sent.text[end : end + 1] in _HYPHENS and sent.text[end + 1 : end + 2].isalpha()
    joined_before = start > 1 and sent.text[start - 1] in _HYPHENS and sent.text[start - 2].isalpha()
    return joined_after or joined_before


_HYPHENS = ("-", "\u2010", "\u2013")


def _is_seat(mention) -> bool:
    place = load_kb().places.get(mention.entity_id or "")
    return bool(place and place.is_seat)


def _forum(lang: str, forums, forum_context: bool, hit, sent) -> str | None:
    """A forum counts only when the sentence speaks of a meeting (बैठक, summit, sidelines ...),
    and not one the event only comes before or after ("क्वाड शिखर सम्मेलन से पहले", "ahead of the
    G20 summit")."""
    if not forum_context:
        return None
    def outside(m) -> bool:
        start, end = m.start - sent.start, m.end - sent.start
        return _matches(lang, "outside_forum_after", sent.text[end : end + 30]) or _matches(
            lang, "outside_forum_before", sent.text[max(0, start - 30) : start]
        )

    within = [m for m in forums if not outside(m)]
    if not within:
        return None
    return min(within, key=lambda m: abs(m.start - (hit.start + sent.start))).entity_id


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
