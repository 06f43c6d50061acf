"""Step 5: the event model, assembled sentence by sentence from the other steps' answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from engagement.config import Settings
from engagement.events.coding import actors as actor_step
from engagement.events.coding import context, lists, timing, triggers, window
from engagement.events.coding import direction as direction_step
from engagement.events.coding.datelines import dateline_place
from engagement.events.coding.happenings import one_code_per_attack
from engagement.events.coding.model import NAME, Actor, DateInfo, EventMention, Hit, Scope
from engagement.events.coding.participants import participants
from engagement.events.coding.resources import CodingResources, resources_for
from engagement.events.coding.sentence import Article, SentenceContext, distinct
from engagement.events.families import family_of

# How many of the article's latest event mentions a new one is compared with ("already reported?",
# "the plan it details"): far more than a news article has, and a bound on a pathological one.
_LOOKBACK = 200
_TRUCE = "087"  # de-escalate military engagement: a truce or cease-fire
_TRUCE_KIND = "deescalate"  # the kind of the triggers that report a truce itself
_TRUCE_REACH = 30  # how near its mediation trigger "truce", "युद्धविराम" stands
_ACCORD, _ACCORD_KIND = "057", "agreement"  # an accord concluded, and the kind of its triggers
# a sentence opening on its trigger as a back-reference: "The summit ...", "This visit ..."


class EventCoder:
    """Codes the event mentions of one article at a time with resources built once."""

    def __init__(self, resources: CodingResources) -> None:
        self.resources = resources

    @classmethod
    def from_settings(cls, settings: Settings) -> EventCoder:
        return cls(resources_for(settings))

    def code(
        self,
        article_id: str,
        text: str,
        lang: str,
        published: date | None,
        sentences: Sequence,
        mentions: Sequence,
    ) -> list[EventMention]:
        """All event mentions of one article, in sentence order.

        ``sentences`` have ``idx, start, end, text``; ``mentions`` have the fields of the mentions
        contract (offsets into ``text``). Both come from the entity extractor. Without a
        publication date (None) events the text does not date have no date, and no status is
        read from dates (only from the verbs).
        """
        if lang not in self.resources.lexicons:
            return []
        by_sentence: dict[int, list] = {}
        for m in mentions:
            by_sentence.setdefault(m.sentence_idx, []).append(m)
        article = Article(article_id, lang, text, published, self.resources, dateline=dateline_place(text, mentions))
        previous = SentenceContext(article)
        for sent in sentences:
            ctx = SentenceContext(article, sent, by_sentence.get(sent.idx, []), previous)
            if ctx.may_have_a_pair() or (article.events and ctx.matches("anaphor")):
                ctx.events = _code_sentence(ctx)
                article.events.extend(ctx.events)
            article.forum = context.meeting_forum(ctx) or article.forum
            ctx.previous = None  # only the sentence before is kept, not a chain over the article
            previous = ctx
        # Number the mentions once all are known: merging within a sentence drops some, and ids
        # handed out on the way would repeat across sentences.
        coded = one_code_per_attack(article.events, lambda cameo: _code_fields(self.resources.cameo[cameo]))
        return [replace(ev, mention_id=f"{article_id}:{i}") for i, ev in enumerate(coded)]


def _code_sentence(ctx: SentenceContext) -> list[EventMention]:
    """The event mentions of one sentence, one per happening."""
    article, lex, kinds = ctx.article, ctx.lex, ctx.article.resources.kinds
    found = triggers.without_protested(lex, ctx.text, triggers.find_triggers(lex, ctx.text))
    hits = triggers.without_demanded(ctx.lang, found)
    if not hits:
        return []
    ctx.named_acts = tuple((hit.start, hit.end) for hit in hits if triggers.named_by_year(hit))
    actors = ctx.found_actors
    if any(a.strength == NAME for a in actors) and ctx.teams():
        actors = [a for a in actors if a.strength > NAME]
    sideline = ctx.matches("sideline")
    events: list[EventMention] = []
    subject: tuple[int, Actor] | None = None  # (hit index, its source) of the sentence's last event
    # talks reported as an act of their own beside a visit ("arrived on a visit and held talks",
    # "during the visit ... also held a bilateral meeting"), not as what the trip is for
    # and the two sides' acts of a reciprocal statement: what keeps a mention (by id) apart
    apart: dict[int, str] = {}
    for i, scope in enumerate(triggers.scopes(lex, ctx.text, hits)):
        hit = scope.hit
        if triggers.blocked(lex, kinds, ctx.text, scope):
            continue
        speech = hit.trigger.kind in kinds.speech
        if hit.trigger.kind in kinds.non_state_agent and triggers.said_by_non_state(lex, ctx.text, scope):
            continue  # "militants ... said", "आत्मघाती हमलावर ने ... बस पर हमला कर दिया": no state acts
        if (speech or hit.trigger.kind in kinds.each_agent) and lists.speakers_only(ctx, scope, actors, speech):
            continue
        shared = (hits[i - 1], subject[1]) if subject and subject[0] == i - 1 else None
        chosen = participants(ctx, scope, actors, shared)
        countries = distinct(a.country for a in chosen)
        # (one side, the sides it deals with): a mediator, or a speaker addressing both sides
        mediated = (
            direction_step.mediation(ctx, hit, actors)
            if hit.trigger.kind in kinds.mediation
            else direction_step.addressed_sides(ctx, scope, chosen)
            if hit.trigger.kind in kinds.speech
            else None
        )
        if hit.trigger.kind in kinds.mediation and mediated is None:
            continue
        if mediated:
            countries = distinct([mediated[0], *mediated[1]])
        if len(countries) < 2 or not actor_step.travel_is_clear(ctx, hit, chosen):
            continue
        if _retold_with_other_states(ctx, hit, countries):
            continue
        conversation = hit.trigger.kind in kinds.conversation
        counterparts = lists.counterpart_list(ctx, scope, actors) if conversation else []
        listed = bool(counterparts) and set(countries) <= set(counterparts)
        reaches_each = conversation and (listed or len(countries) > 2)
        home = lists.meets_each(ctx, scope, chosen, actors, counterparts) if reaches_each else None
        if home is None and conversation and ctx.lang == "hi":
            # "काबुल में उन्होंने अफगान राष्ट्रपति गनी से भेंट की ... ईरानी समकक्ष": he met each
            home = lists.borrowed_hindi_subject(ctx, scope, actors)
        unnamed = home is None and (
            conversation and lists.met_by_someone_unnamed(ctx, scope, chosen)
            or lists.partners_of_someone_unnamed(ctx, scope, chosen)
        )
        if (listed or unnamed or (reaches_each and lists.anaphoric_subject(ctx, scope, actors))) and home is None:
            # "he met his counterparts from Japan and China", "he had made calls to leaders of Canada
            # and Mexico": they met (or heard) him, not each other, and he is not named here
            continue
        meeting = hit.trigger.kind in kinds.meeting
        forums_own = hit.trigger.kind == "summit" and ctx.forums or meeting and context.named_after_a_forum(ctx, hit)
        if forums_own and not sideline and len(countries) == 2:
            # "दोनों नेता जी20 शिखर सम्मेलन में हिस्सा लेंगे", "attended the Quad Foreign Ministers'
            # meeting in Australia": two guests of a forum's meeting
            continue
        source, target = (mediated[0], None) if mediated else direction_step.direction(ctx, hit, chosen)
        found = _status_and_date(ctx, scope, countries, events)
        if found is None:
            continue
        status, when = found
        if status == "held" and any(a.here for a in chosen) and not timing.told_as_background(ctx, scope):
            status = "ongoing"  # "arrived here last night": the visitor is where the report is filed
        code = ctx.article.resources.cameo[hit.trigger.cameo]
        location = context.location(ctx, hit, actors, source, target)
        forum = context.forum(ctx, hit) or (article.forum if sideline else None)
        # a subject the sentence leaves out ("उन्होंने ब्रिटेन के प्रधानमंत्री और फ्रांस के राष्ट्रपति से
        # मुलाकात की") meets each of two as it meets each of three
        multilateral = len(countries) > 2 and conversation
        home = home if multilateral or (home is not None and home not in countries) else None
        tour = (
            lists.joined_destinations(ctx, scope, actors, target)
            if hit.trigger.kind == "visit" and source and target
            else []
        )
        reciprocal = False
        joint = (
            lists.joint_agents(ctx, scope, actors)
            if not mediated and hit.trigger.kind in kinds.each_agent
            else None
        )
        if mediated:  # the codebook's mediation (mediator -> each side), or a statement to each
            parties = [(sorted([mediated[0], side]), mediated[0], side) for side in mediated[1]]
        elif tour:  # "will visit Japan, China and South Korea": a visit to each
            tour = [c for c in tour if c != source]
            countries = distinct([source, target, *tour])
            parties = [(sorted([source, place]), source, place) for place in (target, *tour)]
        elif joint:  # "The US, Britain and France expelled their Syrian ambassadors": each did
            agents, acted_on = joint
            countries = distinct([*agents, acted_on])
            parties = [(sorted([agent, acted_on]), agent, acted_on) for agent in agents]
        elif mutual := (
            lists.mutual_agents(ctx, scope, actors)
            if not mediated and hit.trigger.kind in kinds.mutual
            else None
        ):  # "Both Cambodia and Thailand have downgraded relations": each with the other
            pair = sorted(mutual)
            parties = [(pair, pair[0], pair[1]), (pair, pair[1], pair[0])]
            reciprocal = True
        elif home:  # "met his counterparts from A, B and C": a bilateral meeting with each
            countries = distinct([home, *lists.met_in_turn(ctx, hit, chosen, countries)])
            parties = [(sorted([home, c]), home, c) for c in countries if c != home]
        elif multilateral:  # one meeting of many has no pair, so no direction between two of them
            parties = [([None, None], None, None)]
        elif hit.trigger.kind in kinds.speech and ctx.matches("reciprocal", window.after(ctx.text, scope.lo, scope.hi)):
            # "दोनों देशों के विदेश मंत्रालयों ने एक-दूसरे के समक्ष विरोध दर्ज कराया": one from each side
            pair = sorted(countries[:2])
            parties = [(pair, pair[0], pair[1]), (pair, pair[1], pair[0])]
            reciprocal = True
        else:
            pair = sorted(countries[:2])
            # nor does a pair that leaves out the agent ("रूस ने ... दोनों के बीच सीरिया ... पर समझौता हुआ")
            parties = [(pair, source, target) if {source, target} <= {*pair, None} else (pair, None, None)]
        source = parties[0][1] if len(parties) == 1 else None  # the subject a verb after this one shares
        events += [
            EventMention(
                article_id=article.article_id,
                mention_id=f"{article.article_id}:{len(article.events) + len(events) + n}",
                actor1=pair[0],
                actor2=pair[1],
                participants=tuple(sorted(countries if pair[0] is None else pair)),
                source=party_source,
                target=party_target,
                **_code_fields(code),
                kind=hit.trigger.kind,
                status=status,
                event_date=when.value,
                event_date_end=when.value_end,
                date_precision=when.precision,
                date_basis=when.basis,
                level=context.highest_level(chosen),
                location=location,
                forum=forum,
                topics=ctx.topics,
                sentence_idx=ctx.sent.idx,
                evidence_start=ctx.sent.start,
                evidence_end=ctx.sent.end,
                evidence_text=ctx.text,
                actor_mentions=tuple(a.entity_id for a in chosen if a.entity_id),
                trigger_text=hit.text,
            )
            for n, (pair, party_source, party_target) in enumerate(parties)
        ]
        if reciprocal:
            apart.update((id(e), f"from {e.source}") for e in events[-len(parties) :])
        if hit.trigger.kind in kinds.meeting and not triggers.purpose_of_visit(lex, ctx.text, scope):
            apart.update((id(e), "own act") for e in events[-len(parties) :] if e.event_date_end is None)
        if mediated and len(mediated[1]) == 2 and hit.trigger.kind in kinds.mediation:
            events += _mediated_truce(ctx, scope, events[-1], mediated[1])
        if triggers.reduces_a_named_accord(hit) and not mediated:
            events.append(_named_accord(ctx, hit, events[-1]))
        events += _repeated_at_other_dates(ctx, scope, events[-len(parties) :])
        # the subject a verb joined by "and" shares: the acting side, or the one who met each
        lead = next((a for a in chosen if a.country == (source or home)), None)
        subject = (i, lead) if lead is not None else None
    return _one_mention_per_happening(events, kinds.travel, apart)


def _retold_with_other_states(ctx: SentenceContext, hit: Hit, countries: list[str]) -> bool:
    """ "The summit comes just one month after Iran, which has supported Russia ...", "डोभाल की
    यह यात्रा ऐसे समय हुई है जब भारत-अमेरिका संबंधों में तनाव ...": a sentence opening on "the
    summit", "this visit" (cue ``retold_opening``) speaks of an event the article has reported;
    states it names besides that one's pair are what it goes on about, not its parties."""
    if not ctx.matches("retold_opening", ctx.text[: hit.start]):
        return False
    reported = [e for e in ctx.article.events if e.actor1]  # "डोभाल की यह यात्रा" after his meetings
    return bool(reported) and not any({e.actor1, e.actor2} <= set(countries) for e in reported)


def _mediated_truce(
    ctx: SentenceContext, scope: Scope, mediation: EventMention, sides: list[str]
) -> list[EventMention]:
    """ "A U.S.-brokered truce ended the clashes": besides the mediation, the two sides' truce
    (087, de-escalation), undirected, with the mediation's date and status."""
    near = ctx.text[max(scope.lo, scope.hit.start - _TRUCE_REACH) : scope.hit.end + _TRUCE_REACH]
    if not ctx.matches("truce", near):
        return []
    code = ctx.article.resources.cameo[_TRUCE]
    pair = sorted(sides)
    return [
        replace(
            mediation,
            actor1=pair[0],
            actor2=pair[1],
            participants=tuple(pair),
            source=None,
            target=None,
            kind=_TRUCE_KIND,
            **_code_fields(code),
        )
    ]


def _named_accord(ctx: SentenceContext, hit: Hit, reduction: EventMention) -> EventMention:
    """ "India suspended the 1960 Indus Waters Treaty": besides the suspension, the treaty
    concluded in 1960 (057, held, undirected), a background event with its own date."""
    year = triggers.year_named(hit)
    return replace(
        reduction,
        source=None,
        target=None,
        kind=_ACCORD_KIND,
        status="held",
        event_date=year,
        event_date_end=None,
        date_precision="year",
        date_basis="text",
        **_code_fields(ctx.article.resources.cameo[_ACCORD]),
    )


def _code_fields(code) -> dict:
    """The columns an event mention takes from its CAMEO code."""
    return {
        "cameo": code.cameo,
        "root": code.root,
        "goldstein": code.goldstein,
        "quad_class": code.quad_class,
        "plover": code.plover,
    }


def _repeated_at_other_dates(ctx: SentenceContext, scope: Scope, coded: list[EventMention]) -> list[EventMention]:
    """ "The first round was held in 2015, the second in 2017": each further occurrence the
    sentence dates elliptically is an event of its own, at its own date (codebook §3)."""
    later = [
        d
        for d in ctx.dates
        if d.value
        and scope.lo <= d.start - ctx.offset < scope.hi
        and ctx.matches("repeated_before", ctx.text[max(0, d.start - ctx.offset - 40) : d.start - ctx.offset])
    ]
    repeats = []
    for d in later:
        when = DateInfo(d.value, d.value_end, d.precision, "text")
        repeats += [
            replace(
                event,
                event_date=when.value,
                event_date_end=when.value_end,
                date_precision=when.precision,
                date_basis=when.basis,
                status=timing.status(ctx, scope, when, event.status),
            )
            for event in coded
            if event.event_date != d.value
        ]
    return repeats


def _status_and_date(ctx: SentenceContext, scope: Scope, countries: list[str], events: list[EventMention]):
    """(status, date) of one trigger's event, or None when it only frames the sentence's event."""
    hit, lo, article = scope.hit, scope.lo, ctx.article
    tense = timing.tense_status(ctx, scope)
    # a frame ("कोलंबो यात्रा के दौरान ... हस्ताक्षर किए थे") has no verb of its own: the
    # sentence's tense dates it
    own_tense = tense if scope.frame else timing.tense_status(ctx, scope, timing.OWN_VERB_CHARS)
    if own_tense is None and ctx.lang == "hi" and hit.trigger.default_status == "held":
        # a noun whose verb stands far off ("फरवरी में संयुक्त बयान जारी कर ... लक्ष्य रखा था")
        own_tense = timing.tense_status(ctx, scope, len(ctx.text))
    when = timing.event_date(ctx, scope, countries, own_tense)
    if tense == "ongoing" and not any(lo <= d.start - ctx.offset < scope.hi for d in ctx.dates):
        # "who is on a visit to Germany, will travel to Paris on Saturday": going on now
        when = timing.publication_day(article.published)
    # a frame with no date of its own ("during the visit") is any visit the article reported
    reported_when = "" if scope.frame and when.basis in ("publication", *timing.UNDATED) else when.value or ""
    recent = [*article.events[-_LOOKBACK:], *events]
    kinds = article.resources.kinds
    # a call is reported again as a call: talks of the pair earlier in the article are another happening
    like_it = [ev for ev in recent if ev.kind == hit.trigger.kind] if hit.trigger.kind not in kinds.travel else recent
    framed_news = hit.trigger.kind in kinds.news_when_framed and not _already_reported(
        countries, hit.trigger.cameo, reported_when, like_it
    )
    if scope.frame and not framed_news and not _came_before(ctx, scope, tense):
        # "during the meeting" frames the sentence's event; "during the visit" or "during a
        # phone call with" does too once that visit or call is reported, but one first named
        # so is news of its own
        return None
    if hit.trigger.kind == "visit":
        when = timing.with_stay(ctx, scope, when)
    status = timing.status(ctx, scope, when, tense)
    if (
        status == "held"
        and hit.trigger.kind == "visit"
        and timing.in_progress(ctx, scope, when)
        and not timing.told_as_background(ctx, scope)  # "दो दिन की ... के बाद काठमांडू पहुंचे थे"
    ):
        status = "ongoing"
    if status == "planned" and when.basis in ("publication", *timing.UNDATED):
        trip = hit.trigger.kind in article.resources.kinds.travel
        when = timing.planned_date(countries, recent, article.published, trip)
    return status, when


def _came_before(ctx: SentenceContext, scope: Scope, tense: str | None) -> bool:
    """A frame that happened before the sentence's event ("after the talks, the two sides
    signed 22 agreements", "वार्ता के बाद ... समझौते हुए") is an event of its own (codebook 2);
    "during the talks" is the same occasion. Kept only where the sentence says what followed
    happened: "after Thursday's talks ... are likely to sign" leaves the talks' status unknown.
    English reads tense before the trigger, where a sentence that opens "After the talks" has
    none: there only a planned sentence drops the frame."""
    if tense is None and ctx.lang == "hi":  # the frame's own stretch ends at the next trigger
        tense = timing.tense_status(ctx, scope, len(ctx.text))  # "वार्ता के बाद ... हस्ताक्षर किये गये"
    if tense != "held" and not (ctx.lang == "en" and tense is None):
        return False
    hit, text = scope.hit, ctx.text
    if ctx.lang == "hi":
        after, partners = text[hit.end : hit.end + 15], text[max(scope.lo, hit.start - 60) : hit.start]
    else:
        after, partners = text[max(scope.lo, hit.start - 25) : hit.start], text[hit.end : hit.end + 10]
    # "after the meeting, an official said": that meeting is already reported; "after the talks
    # between A and B", "A और B के बीच वार्ता के बाद" names the talks
    return ctx.matches("frame_before_it", after) and ctx.matches("frame_partners", partners)


def _one_mention_per_happening(
    events: list[EventMention], travel_kinds: frozenset[str], apart: dict[int, str]
) -> list[EventMention]:
    """Triggers of one sentence that report the same happening give one mention.

    Same participants, event family and dates: "से मुलाकात की और ... बातचीत की", or a visit
    and the meeting that is its programme ("the 19-21 August visit, when he co-chaired ...").
    The most specific report is kept: a visit or hosting (who travels where), then one whose
    direction is known ("भारत ने ओमान के सुल्तान की राजकीय यात्रा की मेजबानी की": the hosting),
    then a specific CAMEO code over a generic one (042 over 040), then the first in the sentence. A meeting on
    a day of its own inside a visit has other dates and stays, and so do talks reported as an act
    of their own (``apart``: "arrived on a visit and held talks", codebook §2) unless they
    share the visit's whole stay ("the 19-21 August visit, when he co-chaired ...").
    """
    kept: dict[tuple, EventMention] = {}
    for event in events:
        key = (
            event.participants,
            family_of(event.cameo, event.root),
            event.event_date,
            event.event_date_end,
            event.date_basis == timing.BACKGROUND.basis and event.kind not in travel_kinds,
            apart.get(id(event)),
        )
        if key not in kept or _specificity(event, travel_kinds) > _specificity(kept[key], travel_kinds):
            kept[key] = event
    chosen = {id(e) for e in kept.values()}
    return [e for e in events if id(e) in chosen and not _covered_by_pairs(e, events)]


def _covered_by_pairs(event: EventMention, events: list[EventMention]) -> bool:
    """A meeting of several countries whose every country has a bilateral meeting of the same
    family and date in the sentence ("met his counterparts from A, B and C on the sidelines of
    the G20 meeting"): the pair meetings report it."""
    if event.actor1 is not None:
        return False
    paired = {
        country
        for other in events
        if other.actor1 is not None
        and family_of(other.cameo, other.root) == family_of(event.cameo, event.root)
        and (other.event_date, other.event_date_end) == (event.event_date, event.event_date_end)
        for country in other.participants
    }
    return set(event.participants) <= paired


def _specificity(event: EventMention, travel_kinds: frozenset[str]) -> tuple[bool, bool, bool]:
    return event.kind in travel_kinds, event.source is not None, not event.cameo.endswith("0")


def _already_reported(countries: list[str], cameo: str, when: str, reported: Sequence[EventMention]) -> bool:
    """Whether the article already has a mention of this pair and event family at a date that
    agrees with ``when`` at the coarser precision ("2025-11" agrees with "2025-11-24")."""
    pair, family = set(countries[:2]), family_of(cameo, cameo[:2])
    return any(
        {ev.actor1, ev.actor2} == pair
        and family_of(ev.cameo, ev.root) == family
        and ((ev.event_date or "").startswith(when) or when.startswith(ev.event_date or ""))
        for ev in reported
    )
