"""Step 2b: lists of states around a trigger. Who does a directed act when several are named
("The US, Britain and France expelled ..."), whom a visit or a round of meetings reaches one by
one ("will visit Japan, China and South Korea", "met his counterparts from A, B and C"), and
when a list names only the act's subjects, so that it aims at no state named.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from engagement.events.coding.model import PERSON, Actor, Hit, Scope

if TYPE_CHECKING:
    from engagement.events.coding.sentence import SentenceContext

# How near its trigger "counterparts", "bilateral", "समकक्षों" must stand to make a meeting one with each.
_EACH_REACH = 40
# What joins the names of a list: "Japan, China and South Korea", "जापान और चीन", and the stops
# of a trip in order: "first Israel, then Saudi Arabia and Qatar", "पहले इजराइल फिर सऊदी अरब"
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s*and(?:\s+then)?|,\s*then|और(?:\s+फिर)?|फिर|तथा|एवं)\s*")
# The end of a Hindi list of the people met, right before the meeting's verb: "... से (भी) मुलाकात की".
_WHOSE = re.compile(r"\s*(?:की|का|के)\s")
_MET_WITH = re.compile(r"\s*(?:से|के\s+साथ)\s+(?:भी\s+)?(?:अलग-अलग\s+)?(?:द्विपक्षीय\s+)?$")


def meets_each(
    ctx: SentenceContext, scope: Scope, chosen: list[Actor], actors: list[Actor], counterparts: list[str]
) -> str | None:
    """The country whose representative met each of the others in turn ("met his counterparts
    from A, B and C", "held bilateral talks with the foreign ministers of A and B", "ब्राज़ील और
    इंडोनेशिया के अपने समकक्षों से मुलाकात की"): its subject, a person in office who is the agent
    (a Hindi agent governs the final verb from anywhere before it) or, in English, the strongest
    person before the verb. None for one meeting of them all. ``counterparts``: the sentence's
    ``counterpart_list``, computed once by the caller."""
    hit = scope.hit
    near = ctx.text[max(scope.lo, hit.start - _EACH_REACH) : min(scope.hi, hit.end + _EACH_REACH)]
    if not ctx.matches("meets_each", near) and not counterparts:
        return None
    trigger = hit.start + ctx.offset
    people = [a for a in chosen if a.strength == PERSON]  # someone in office meets each in turn
    agents = [a for a in actors if a.strength == PERSON and a.agent and a.end <= trigger]
    if not agents and ctx.lang == "hi" and counterparts and (whose := _hindi_subject(ctx, scope, actors)):
        agents = [whose]  # "मोदी की कनाडा, तुर्की और ब्राजील के साथ बैठकें होंगी"
    subjects = agents or [a for a in people if ctx.lang == "en" and 0 <= a.end <= trigger]
    if not subjects and ctx.lang == "en":  # "Singh left after the summit, besides holding bilateral meetings with ..."
        subjects = [a for a in actors if a.strength == PERSON and 0 <= a.end <= trigger]
    # English: the first, the clause's subject ("Jaishankar ... to meet Zarif ... and also hold
    # talks with his Chinese counterpart"); Hindi: the last, the agent nearest the verb
    first = ctx.lang == "en"
    return max(subjects, key=lambda a: (a.strength, -a.start if first else a.start)).country if subjects else None


def met_in_turn(ctx: SentenceContext, hit: Hit, chosen: list[Actor], countries: list[str]) -> list[str]:
    """The countries met one by one: in English those named after the verb, its objects; a
    state named before it only frames the trip ("On the last day of his visit to Laos, Singh met
    his Japanese counterpart and the Philippine defence secretary")."""
    if ctx.lang != "en":
        return countries
    after = {a.country for a in chosen if a.start >= hit.start + ctx.offset}
    return [c for c in countries if c in after] if len(after) >= 2 else countries


def met_by_someone_unnamed(ctx: SentenceContext, scope: Scope, chosen: list[Actor]) -> bool:
    """English "PM holds bilateral talks with Turkey, Spain": every country stands after the
    verb of talks held one by one, so they met its unnamed subject, not each other."""
    hit = scope.hit
    if ctx.lang != "en" or any(a.start < hit.end + ctx.offset for a in chosen):
        return False
    first = min(a.start for a in chosen) - ctx.offset if chosen else hit.end
    if ctx.matches("between_before", ctx.text[hit.end : first]):
        return False  # "a bilateral meeting held between Bangladesh's Hasina and her Nepalese counterpart"
    near = ctx.text[max(scope.lo, hit.start - _EACH_REACH) : min(scope.hi, hit.end + _EACH_REACH)]
    return ctx.matches("meets_each", near)


def partners_of_someone_unnamed(ctx: SentenceContext, scope: Scope, chosen: list[Actor]) -> bool:
    """English "It had signed similar accords with Australia in 2022, and Britain last year":
    every state named stands after the verb, the first right after "with", so they are the
    partners of a subject this sentence does not name, not each other's."""
    hit = scope.hit
    if ctx.lang != "en" or len(chosen) < 2 or any(a.start < hit.end + ctx.offset for a in chosen):
        return False
    first = min(a.start for a in chosen) - ctx.offset
    return ctx.matches("partner_with_before", ctx.text[hit.end : first])


def anaphoric_subject(ctx: SentenceContext, scope: Scope, actors: list[Actor]) -> bool:
    """Whether the trigger's subject is a person named only as "he"/"she"/"उन्होंने", no state
    standing before the verb: "Earlier, he had made telephonic calls to leaders of Canada and
    Mexico" (his calls reached each; the two did not call each other)."""
    trigger = scope.hit.start + ctx.offset
    named_before = any(scope.lo + ctx.offset <= a.start and a.end <= trigger for a in actors)
    return not named_before and ctx.matches("person_anaphor", ctx.text[scope.lo : scope.hit.start])


def counterpart_list(ctx: SentenceContext, scope: Scope, actors: list[Actor]) -> list[str]:
    """The countries of a list named as the people met ("his counterparts from Japan and China",
    "met Afghan and American officials", "जापान और चीन के अपने समकक्षों से", "ब्रिटेन के प्रधानमंत्री,
    फ्रांस के राष्ट्रपति और जर्मनी के चांसलर से"), in order: they are met one by one, never each
    other. Empty when no list of two or more is named so."""
    if ctx.lang == "hi" and (met := _hindi_people_met(ctx, scope, actors)):
        return met
    offset = ctx.offset
    for run in _runs(ctx, scope, actors):
        countries = list(dict.fromkeys(a.country for a in run))
        if len(countries) < 2 or (ctx.lang == "en" and run[0].start < scope.hit.end + offset):
            continue  # an English object follows its verb ("Officials of India and China met" are its subject)
        before = ctx.text[max(scope.lo, run[0].start - offset - _EACH_REACH) : run[0].start - offset]
        after = ctx.text[run[-1].end - offset : run[-1].end - offset + _EACH_REACH]
        if ctx.matches("counterparts_of", before) or (
            ctx.matches("counterparts_after", after) and (ctx.lang == "hi" or ctx.matches("met_before", before))
        ):
            return countries
    return []


def _hindi_people_met(ctx: SentenceContext, scope: Scope, actors: list[Actor]) -> list[str]:
    """The countries of the people a Hindi agent met, listed before "से"/"के साथ" and the verb,
    each item its own state ("X के राष्ट्रपति", a leader's name): "मोदी ने ब्रिटेन के प्रधानमंत्री,
    फ्रांस के राष्ट्रपति और जर्मनी के चांसलर से मुलाकात की", "मोदी की मैक्रों से मुलाकात, मेलोनी से भी
    मिले". Empty when no person in office acts before the list, or fewer than two other states are
    listed."""
    agent = _hindi_subject(ctx, scope, actors)
    if agent is None:
        return []
    tail = _MET_WITH.search(ctx.text, agent.end - ctx.offset, scope.hit.start)
    if tail is None:
        return []
    items: list[set[str]] = [set()]
    position = agent.end - ctx.offset
    for actor in sorted(
        (a for a in actors if agent.end <= a.start and a.end <= tail.start() + ctx.offset), key=lambda a: a.start
    ):
        if _LIST_JOIN.search(ctx.text, position, actor.start - ctx.offset):
            items.append(set())
        items[-1].add(actor.country)
        position = actor.end - ctx.offset
    countries = [next(iter(item)) for item in items if len(item) == 1 and agent.country not in item]
    return countries if len(countries) >= 2 and len(countries) == len([i for i in items if i]) else []


def borrowed_hindi_subject(ctx: SentenceContext, scope: Scope, actors: list[Actor]) -> str | None:
    """The country of the person "उन्होंने" stands for when it opens the clause before everyone a
    Hindi meeting names (the previous sentence's person), else None."""
    subject = _hindi_subject(ctx, scope, actors)
    return subject.country if subject is not None and subject.start not in {a.start for a in actors} else None


def _hindi_subject(ctx: SentenceContext, scope: Scope, actors: list[Actor]) -> Actor | None:
    """The person in office whose meeting a Hindi trigger reports: the agent ("मोदी ने"), else the
    first person whose meetings they are ("मोदी की ... के साथ बैठकें"), else the person the
    previous sentence named when the agent is "उन्होंने" ("इस दौरान उन्होंने ब्रिटेन के प्रधानमंत्री
    और फ्रांस के राष्ट्रपति से भी मुलाकात की": he met each)."""
    trigger = scope.hit.start + ctx.offset
    people = [a for a in actors if a.strength == PERSON and scope.lo + ctx.offset <= a.start and a.end <= trigger]
    named = max((a for a in people if a.agent), key=lambda a: a.end, default=None) or next(
        (a for a in people if _WHOSE.match(ctx.text, a.end - ctx.offset)), None
    )
    if named is not None or not ctx.previous.people:
        return named
    pronoun = ctx.lex.screen("agent_pronoun").search(ctx.text, scope.lo, scope.hit.start)
    if pronoun is None or any(a.start < ctx.offset + pronoun.end() for a in people):
        return None  # the pronoun must open the clause, before the people met
    start, end = ctx.offset + pronoun.start(), ctx.offset + pronoun.end()
    return Actor(ctx.previous.people[0], start, end, PERSON, None, None, agent=True)


def joined_destinations(ctx: SentenceContext, scope: Scope, actors: list[Actor], destination: str) -> list[str]:
    """Countries listed with a visit's destination ("will visit Japan, China and South Korea",
    "जापान और चीन की यात्रा"): each is a visit of its own (codebook §4, one event per
    counterpart). Empty when the destination stands alone."""
    return [c for c in _listed_with(ctx, scope, actors, destination) if c != destination]


def joint_agents(ctx: SentenceContext, scope: Scope, actors: list[Actor]) -> tuple[list[str], str] | None:
    """States listed as the subject of one directed act each do it ("The US, Britain and France
    expelled their Syrian ambassadors", "अमेरिका, ब्रिटेन और फ्रांस ने रूस की निंदा की"): the
    agents and their one target, or None when the act has one agent or no single target."""
    hit, offset = scope.hit, ctx.offset
    named = _named_in_scope(ctx, scope, actors)
    if ctx.lang == "hi":
        subject = next((a for a in named if a.agent), None)
    else:
        subject = max((a for a in named if a.end <= hit.start + offset), key=lambda a: a.end, default=None)
    if subject is None:
        return None
    # the list the subject stands in: "Trump and the Saudi prince spoke, hours after Washington
    # launched airstrikes on Iran" has Washington alone as the strikes' subject
    agents = _listed_with(ctx, scope, actors, subject.country, subject)
    others = {a.country for a in named if a.country not in agents}
    after = ctx.lang == "hi" or all(a.start >= hit.end + offset for a in named if a.country in others)
    if len(agents) < 2 or len(others) != 1 or not after:
        return None
    return agents, others.pop()


def speakers_only(ctx: SentenceContext, scope: Scope, actors: list[Actor], speech: bool) -> bool:
    """ "Leaders of Spain, Portugal, Latin America urge Falklands dialogue", "Canada, Australia and
    New Zealand cut ties": every state named is in the one list of subjects before the verb, so
    the act aims at no state named here. Three or more say so in either language; two only for
    an English statement (a Hindi pair before its verb may be the act's two sides, and "India
    and Pakistan expelled diplomats" is each other's)."""
    if ctx.matches("reciprocal", ctx.text[scope.lo : scope.hi]):
        return False  # "India and Canada traded accusations": each aims at the other
    trigger = scope.hit.start + ctx.offset
    named = _named_in_scope(ctx, scope, actors)
    before = [a for a in named if a.end <= trigger]
    least = 2 if speech and ctx.lang == "en" else 3
    if len(before) < least or len(before) != len(named):
        return False
    return set(_listed_with(ctx, scope, actors, before[-1].country)) == {a.country for a in named}


def mutual_agents(ctx: SentenceContext, scope: Scope, actors: list[Actor]) -> list[str] | None:
    """ "Both Cambodia and Thailand have downgraded diplomatic relations": two states after "both",
    the subject of a directed act that names no third state, each act on the other (two events,
    one from each side). None otherwise."""
    hit, offset = scope.hit, ctx.offset
    named = _named_in_scope(ctx, scope, actors)
    before = [a for a in named if a.end <= hit.start + offset]
    if not before:
        return None
    agents = _listed_with(ctx, scope, actors, before[0].country)
    first = before[0].start - offset
    if len(agents) != 2 or {a.country for a in named} != set(agents):
        return None
    return agents if ctx.matches("both_before", ctx.text[max(0, first - 12) : first]) else None


def _named_in_scope(ctx: SentenceContext, scope: Scope, actors: list[Actor]) -> list[Actor]:
    """The actors named in a trigger's stretch that can be parties (no venue), in text order."""
    return sorted(
        (a for a in actors if a.strength > 0 and not a.venue and scope.lo <= a.start - ctx.offset < scope.hi),
        key=lambda a: a.start,
    )


def _runs(ctx: SentenceContext, scope: Scope, actors: list[Actor]) -> list[list[Actor]]:
    """The actors named in a trigger's stretch, grouped into lists ("Japan, China and South Korea")."""
    runs: list[list[Actor]] = []
    for actor in _named_in_scope(ctx, scope, actors):
        gap = ctx.text[runs[-1][-1].end - ctx.offset : actor.start - ctx.offset] if runs else None
        if gap is not None and _LIST_JOIN.fullmatch(gap):
            runs[-1].append(actor)
        else:
            runs.append([actor])
    return runs


def _listed_with(
    ctx: SentenceContext, scope: Scope, actors: list[Actor], country: str, anchor: Actor | None = None
) -> list[str]:
    """The countries of a list ("Japan, China and South Korea", "जापान और चीन") that holds
    ``country`` (its mention ``anchor`` when given, else its first), in order; just ``country``
    when it stands alone, empty when it is not named."""
    named = _named_in_scope(ctx, scope, actors)
    at = next((i for i, a in enumerate(named) if a == anchor or (anchor is None and a.country == country)), None)
    if at is None:
        return []
    listed = [named[at]]
    for step in (-1, 1):  # the list runs both ways from the country the coder chose
        i = at + step
        while 0 <= i < len(named):
            first, second = (named[i], listed[0]) if step == -1 else (listed[-1], named[i])
            if not _LIST_JOIN.fullmatch(ctx.text[first.end - ctx.offset : second.start - ctx.offset]):
                break
            listed = [*listed, named[i]] if step == 1 else [named[i], *listed]
            i += step
    return list(dict.fromkeys(a.country for a in listed))
