"""Step 2: the actors of a sentence and of each trigger (who acts on whom: ``direction.py``).

A country acts through its government's stand-ins: people in office and role phrases (strongest),
ministries and seats of government, then country names. A country that is only the venue is no
actor, except as the destination of a visit.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from engagement.events.coding.datelines import is_dateline
from engagement.events.coding.model import INSTITUTION, LATIN_GLOSS, NAME, PERSON, Actor, Hit
from engagement.kb.model import is_plural_role
from engagement.nlp.folding import fold

if TYPE_CHECKING:
    from engagement.events.coding.sentence import SentenceContext

# How far after an English statement verb its object may stand ("endorsed an agreement with the
# EU ... in spite of the conflict with Russia" does not endorse Russia).
_EN_OBJECT_REACH = 80
_TOPIC_REACH = 90  # how far before a country name "talks on ..." may stand
# A capitalised name right after an English visit verb or "visit to": the place visited ("visited
# Seattle"); after a noun ("during his visit Modi met") only with "to"
_UNKNOWN_PLACE = re.compile(r"\s+(to\s+)?[A-Z][a-z]")
_NOUN_BEFORE = re.compile(r"\b(?:a|an|the|his|her|its|their|this|that|whose)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_COMMA = re.compile(r"\s*,\s*")
_IN_TOWN_COMMA = re.compile(
    r"\b(?:in|at|near)\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
    r"[A-Z][a-z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?()\s*,\s*$"
)
_NAME_GAP = re.compile(r"(?:'s)?\s{0,2}")  # between "Pakistan('s)" and "Foreign Office"
# How much context on each side of a mention tells what it stands for.
AROUND = 40
# Hindi news glosses a name in English right after it ("भारत (India) आ रहे हैं", "मोदी (PM Modi)
# ने"): the cues read the words after a mention as if the gloss were not there.
_GLOSS_CHARS = 60
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
BY_AFTER = re.compile(r"\s+by\b")
_OBJECT_GAP = re.compile(r"\s+(?:the\s+)?")
_EACH_OTHER = re.compile(r"\s+(?:each other|one another)\b")
_OF_THE_PLACE = re.compile(
    r"\s*(?:के|की)\s+(?:(?:सबसे बड़े|सबसे बड़ी|प्रमुख|ऐतिहासिक|तटीय)\s+)?(?:(?:शहर|राजधानी|बंदरगाह|प्रांत)\s+)?"
)
_HINDI_GLOSS = re.compile(rf"^\s*{LATIN_GLOSS}")
_TRAVELLER_REACH = 70  # "the body of late Palestinian President Yasser Arafat has arrived"


def find_actors(ctx: SentenceContext) -> list[Actor]:
    """Government stand-ins in the sentence, marked as venue/destination/agent by their context."""
    kb, lang, lex = ctx.article.resources.kb, ctx.lang, ctx.lex
    actors: list[Actor] = []
    # rare contexts, screened once a sentence rather than around every mention
    may_leave_out, may_name_things = lex.matches("left_out_words", ctx.text), lex.matches("named_thing_words", ctx.text)
    for index, m in enumerate(ctx.mentions):
        if not m.country or _repeats_in_brackets(ctx, index):
            continue
        if m.label in ("PERSON", "ROLE"):
            strength, level = PERSON, kb.level_of(m.role) if m.role else None
            if m.label == "ROLE" and is_plural_role(m.text):
                strength = INSTITUTION  # "के विदेश सचिवों": the state's officials, no one person who acts
        elif m.label == "ORG":
            org = kb.organisations.get(m.entity_id or "")
            if org is None or not org.is_actor or org.kind != "ministry":
                continue
            strength, level = INSTITUTION, "official"
            m = _ministry_of_named_country(ctx, m)
        elif m.label == "PLACE":
            named = ctx.text[m.end - ctx.offset : m.end - ctx.offset + AROUND]
            if may_name_things and lex.matches("named_thing_after", named):
                continue  # "the Paris climate agreement", "the Minsk accords": a name, not its country
            place = kb.places.get(m.entity_id or "")
            strength, level = (INSTITUTION if place and place.is_seat else 0), None
        elif m.label == "COUNTRY":
            strength, level = NAME, None
        else:
            continue
        rel_start, rel_end = m.start - ctx.offset, m.end - ctx.offset
        before, after = (
            ctx.text[max(0, rel_start - AROUND) : rel_start],
            _words_after(ctx, rel_end),
        )
        if lex.matches("not_government_before", before):
            continue  # "exiled dissidents from Myanmar": people of a country, not its government
        if may_leave_out and (lex.matches("left_out_before", before) or lex.matches("left_out_after", after)):
            continue  # "Apart from Lavrov, Jaishankar also met ...", "लावरोव के अलावा": not in this act
        if m.label == "ROLE" and lex.matches("role_of_the_pair_after", after):
            continue  # "the Foreign Secretaries of the two countries": the story's pair, not Britain
        topical = strength == NAME or (m.label == "PERSON" and lex.matches("possessive_after", after))
        if topical and lex.matches("topic_before", ctx.text[max(0, rel_start - _TOPIC_REACH) : rel_start]):
            # "talks on the impasse over North Korea's nuclear programme", "talks focused on
            # Putin's attack on Ukraine": a topic (codebook §4)
            continue
        if strength == NAME and lex.matches("topic_after", ctx.text[rel_end : rel_end + _TOPIC_REACH]):
            continue  # "अफगानिस्तान की स्थिति पर चर्चा", "अफगानिस्तान सहित ... मुद्दों पर": a topic
        if strength == NAME and lex.matches("not_government_after", after):
            continue  # "a Turkish hostage", "US-backed", "भारतीय छात्र": not the government
        adjective = lang == "en" and m.label == "COUNTRY" and fold(m.text) in ctx.article.resources.adjective_forms
        if adjective and not lex.matches("government_after", after):
            continue  # "a Thai policeman", "a British couple": only "the Thai government" acts
        dateline = is_dateline(ctx, m, before, after) if lang == "en" else m is ctx.article.dateline
        # an office someone holds in a ministry is no venue: "विदेश मंत्रालय में संयुक्त सचिव"
        # "चार दिन के दौरे पर भारत में हैं": where a visitor stays is the visit's destination
        stay = lang == "hi" and lex.matches("stay_before", before)
        venue = dateline or (
            not stay
            and not lex.matches("affiliation_after", after)
            and (lex.matches("venue_after", after) or lex.matches("venue_before", before))
        )
        if actors and actors[-1].venue and actors[-1].country == m.country:
            # "took place in Rome, Italy": the country after its venue city is the venue too
            venue = venue or _COMMA.fullmatch(ctx.text, actors[-1].end - ctx.offset, rel_start) is not None
        town = _IN_TOWN_COMMA.search(before) if lang == "en" and m.label == "COUNTRY" else None
        if town and not any(n.end - ctx.offset == rel_start - len(before) + town.start(1) for n in ctx.mentions):
            venue = True  # "signed on December 5 in Bonn, Germany": a town the knowledge base does not know
        actors.append(
            Actor(
                country=m.country,
                start=m.start,
                end=m.end,
                strength=strength,
                level=level,
                entity_id=m.entity_id,
                venue=venue,
                dateline=dateline,
                # people travel; "जयशंकर की रूस यात्रा" is his visit, not one to him; and one goes to
                # Russia, never to "Russian" ("visiting Russian President": the visitor)
                # nor to a ministry: "विदेश मंत्रालय पहुंचे" is a call on (or a summons to) it
                destination=strength != PERSON
                and m.label != "ORG"
                and not adjective
                and (stay or lex.matches("destination_after", after) or lex.matches("destination_before", before)),
                # "भारत ने", and the passive's "by the US"
                agent=lex.matches("agent_after", after) if lang == "hi" else lex.matches("agent_before", before),
                coordinated=lex.matches("coordinated_before", before),
            )
        )
        if lang == "hi" and m.label == "PLACE" and len(actors) > 1:
            _country_of_the_place(ctx, actors[-2], actors[-1])
    return actors + _here_as_destination(ctx)


def _country_of_the_place(ctx: SentenceContext, country: Actor, place: Actor) -> None:
    """"तुर्किए के इस्ताम्बुल में", "तुर्की के सबसे बड़े शहर इस्तांबुल पहुंचा": the country whose
    city is the venue (or the destination) is that too, not a party to the talks held there."""
    if country.country == place.country and _OF_THE_PLACE.fullmatch(
        ctx.text, country.end - ctx.offset, place.start - ctx.offset
    ):
        country.venue = country.venue or place.venue or place.destination  # no party to talks there
        country.destination = country.destination or place.destination


def _repeats_in_brackets(ctx: SentenceContext, index: int) -> bool:
    """A mention in brackets right after one of the same country repeats it: "the Democratic
    People's Republic of Korea (DPRK)", "संयुक्त अरब अमीरात (यूएई)" are one mention, read in the
    first one's context ("nuclear test of ..." a topic)."""
    m = ctx.mentions[index]
    if index == 0 or ctx.mentions[index - 1].country != m.country:
        return False
    between = ctx.text[ctx.mentions[index - 1].end - ctx.offset : m.start - ctx.offset]
    return _OPEN_BRACKET.fullmatch(between) is not None


def _words_after(ctx: SentenceContext, end: int) -> str:
    """The sentence's words after offset ``end`` (in the sentence), a leading English gloss in
    brackets skipped in Hindi, so "भारत (India) आ रहे हैं" reads as "भारत आ रहे हैं"."""
    after = ctx.text[end : end + AROUND + _GLOSS_CHARS]
    gloss = _HINDI_GLOSS.match(after) if ctx.lang == "hi" else None
    return (after[gloss.end() :] if gloss else after)[:AROUND]


def _here_as_destination(ctx: SentenceContext) -> list[Actor]:
    """ "who arrived here last night", "कल रात यहां पहुंचे जरीफ": the report's "here" is its
    dateline's city, a destination (only that: "here" said anywhere else is no party)."""
    place, lex = ctx.article.dateline, ctx.lex
    if place is None:
        return []
    return [
        Actor(place.country, ctx.offset + m.start(), ctx.offset + m.end(), 0, None, None, destination=True, here=True)
        for m in lex.screen("here").finditer(ctx.text)
        if lex.matches("destination_after", ctx.text[m.end() : m.end() + AROUND])
        or lex.matches("destination_before", ctx.text[max(0, m.start() - AROUND) : m.start()])
    ]


def _ministry_of_named_country(ctx: SentenceContext, ministry):
    """ "the Pakistan Foreign Office": a ministry's name that several countries use ("Foreign
    Office") belongs to the country named right before it."""
    named = next(
        (
            c
            for c in ctx.mentions
            if c.label == "COUNTRY"
            and c.country
            and c.end <= ministry.start
            and _NAME_GAP.fullmatch(ctx.article.text[c.end : ministry.start])
        ),
        None,
    )
    return replace(ministry, country=named.country) if named else ministry


def _struck_ground(actor: Actor) -> bool:
    """Where force lands: a country named as the place, or a province or town of one (strength 0:
    no seat of government), "in Afghanistan's Paktika province", "पक्तिका प्रांत में"."""
    return (actor.venue and actor.strength == NAME) or actor.strength == 0


def shares_sentence_arguments(ctx: SentenceContext, hit: Hit, chosen: list[Actor]) -> bool:
    """Whether a trigger short of two countries in its own stretch may take the sentence's.

    Triggers of one sentence share its subject: "Herath arrived in New Delhi and held talks
    with Jaishankar", "हेराथ ... पहुंचे और जयशंकर के साथ वार्ता की". A stretch with no actor at
    all is a back-reference ("... से पहले एक दौर की बातचीत") and gets none, except for formal
    acts whose parties are the sentence's subject pair ("भारत और यूएई ने ... बैठक के दौरान
    ... समझौतों पर हस्ताक्षर किए").
    """
    kinds = ctx.article.resources.kinds
    countries = {a.country for a in chosen}
    if len(countries) >= 2 or hit.trigger.kind in kinds.speech:
        return False
    return len(countries) == 1 or hit.trigger.kind in kinds.shares_arguments


def english_trip(ctx: SentenceContext, hit: Hit, scoped: list[Actor], actors: list[Actor]) -> list[Actor]:
    """Visitor and destination of an English trip with two places in its stretch: "Jaishankar,
    who is on a visit to Germany, will travel to Paris" goes to the place right after the verb,
    and the traveller is the sentence's subject before it. Empty when the general rules apply."""
    if ctx.lang != "en" or hit.trigger.kind != "visit":
        return []
    trigger_end, trigger_start = hit.end + ctx.offset, hit.start + ctx.offset
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


def travel_is_clear(ctx: SentenceContext, hit: Hit, chosen: list[Actor]) -> bool:
    """Whether the actors fit what the trigger needs.

    A bare motion verb ("पहुंचे", "arrived in") needs a country to arrive in; a visit to two
    countries ("एस्टोनिया और इटली की यात्रा") whose visitor is no actor here is no pair; a visit
    with no destination ("यात्रा का सबसे उचित तरीका") and an ambiguous "मिले" (met, received)
    need someone in office, not just two country names. Force that needs its actor named
    ("मिसाइलें दागीं") needs a state as the agent ("हिज़्बुल्लाह ने" or "मिलिशिया ने" is none) and
    another it is aimed at ("इजराइल पर", "जापान की ओर"). A verb whose object is its target
    ("blamed Pakistan for") needs a state right after it; an English verb of force whose
    subject acts ("Israeli troops killed ...") needs a state before it.
    """
    destinations = sum(a.destination for a in chosen)
    if (
        hit.trigger.needs == "object"
        and not _EACH_OTHER.match(ctx.text, hit.end)  # "both countries faulting each other for"
        and not any(
            _OBJECT_GAP.fullmatch(ctx.text, hit.end, a.start - ctx.offset)
            for a in chosen
            if a.start >= hit.end + ctx.offset
        )
    ):
        return False  # "blamed arrogance for the problems dogging the US": no state is blamed
    if hit.trigger.needs == "subject" and not any(a.end <= hit.start + ctx.offset and not a.venue for a in chosen):
        return False  # "roadside bombings killed four American soldiers in Baghdad": no state acts
    if hit.trigger.needs == "destination" and not destinations:
        return False
    if ctx.lang == "en" and hit.trigger.kind == "host" and (by := BY_AFTER.match(ctx.text, hit.end)):
        # "Hosted by EU foreign policy chief Josep Borrell, Vucic and Kurti held talks": the one
        # named after "by" hosts, and when that is no state, no state hosts
        hosts = [a for a in chosen if a.start - ctx.offset >= by.end()]
        if not hosts or "," in ctx.text[by.end() : hosts[0].start - ctx.offset]:
            return False
    targets = [a for a in chosen if not a.agent and a.end >= ctx.offset]  # borrowed actors stand nowhere
    if hit.trigger.needs == "agent" and not (
        any(a.agent for a in chosen)
        and any(ctx.matches("target_after", _words_after(ctx, a.end - ctx.offset)) for a in targets)
    ):
        return False  # a state fires at a target it names: "ईरान ने इजराइल पर", not "पूर्वी सागर में"
    if hit.trigger.kind == "visit" and ctx.matches("region_after", ctx.text[hit.end : hit.end + AROUND]):
        return False  # "ends his tour of Asia by asking North Korea ...": a region, not a state, was visited
    if hit.trigger.kind == "visit" and destinations == len(chosen):
        return False
    if hit.trigger.kind == "visit" and ctx.matches("troops_before", ctx.text[max(0, hit.start - AROUND) : hit.start]):
        return False  # "Australian SAS troops have arrived in Afghanistan": a deployment, not a visit
    if hit.trigger.kind == "visit" and (
        ctx.matches("travellers_before", ctx.text[max(0, hit.start - _TRAVELLER_REACH) : hit.start])
        or ctx.matches("travellers_after", ctx.text[hit.end : hit.end + AROUND])
    ):
        return False  # "refugees arrived in Bangladesh", "बांग्लादेश पहुंचे रोहिंग्या शरणार्थियों": people travel
    if (
        ctx.lang == "en"
        and hit.trigger.kind == "visit"
        and not destinations
        and (m := _UNKNOWN_PLACE.match(ctx.text, hit.end))
        and (m.group(1) or not _NOUN_BEFORE.search(ctx.text, 0, hit.start))
        and not any(n.start - ctx.offset == m.end() - 2 for n in ctx.mentions)  # "visiting Russian President"
        and all(a.start - ctx.offset < hit.start for a in chosen)
    ):
        # "Amid tensions with China, Taiwan's president visited Seattle", "his visit to Lakshadweep":
        # a place the knowledge base does not know, and no state after it that could be its host
        # ("would visit Bonn for talks with his German counterpart" stays a visit to Germany)
        return False
    if ctx.lang == "en" and hit.trigger.kind == "visit" and destinations:
        # the English visitor is the subject before the verb or comes with "by" ("a visit to
        # Japan by ..."): "Powell will visit Tokyo to discuss North Korea" has no visitor here
        trigger = ctx.offset + hit.start
        visitors = [a for a in chosen if not a.destination]
        if not any(a.end <= trigger or a.agent or _by_before(ctx, a) for a in visitors):
            return False
    needs_official = hit.trigger.needs == "official" or (hit.trigger.kind == "visit" and not destinations)
    return not needs_official or any(a.strength > NAME for a in chosen)


def _by_before(ctx: SentenceContext, actor: Actor) -> bool:
    """ "a visit to Japan by the Indian foreign minister": the visitor comes with "by"."""
    start = actor.start - ctx.offset
    return start >= 0 and ctx.matches("by_before", ctx.text[max(0, start - 4) : start])


def borrowed(country: str, strength: int = NAME) -> Actor:
    """An actor carried over from the previous sentence ("दोनों", "both", "they"); people in
    office when the anaphor names them ("दोनों नेता", "the two foreign ministers")."""
    return Actor(country=country, start=-1, end=-1, strength=strength, level=None, entity_id=None)


def against_story_pair(ctx: SentenceContext, hit: Hit, actor: Actor) -> list[Actor]:
    """A conflict act whose sentence names one state, the one acting, aims at the other state of
    the story's pair: "इसके बाद दक्षिण कोरिया ने जवाब में दो राउंड गोलियां चलाईं" in a report of
    the two Koreas' border firing, "भारत ने इस पर स्पष्टीकरण मांगा" in a story of India and Canada.
    The acting state is the Hindi agent ("X ने"), or for armed force the attack's owner ("ईरान की
    एयरस्ट्राइक") or the English subject ("Azerbaijani forces launched an offensive"), never its
    victim ("कंबोडिया के सैनिकों पर गोलीबारी की गई"); a clash "with" one state is a clash with
    the story's other (undirected): an English statement
    names its own object, and its subject may be no speaker of the act ("asked Petro to
    demand"). Empty when the sentence names a country
    outside the pair (a third state may be the one acted upon) or the state is not in the pair."""
    pair = ctx.article.latest_pair()
    named = {a.country for a in ctx.found_actors}
    if actor.country not in pair or not named <= set(pair):
        return []
    if actor.start >= hit.end + ctx.offset:  # "troops were killed in border clashes with Azerbaijan"
        between = ctx.text[hit.end : actor.start - ctx.offset]
        if hit.trigger.kind != "fight" or not ctx.matches("opponent_between", between):
            return []
        other = next(c for c in pair if c != actor.country)
        return [replace(actor, agent=False, coordinated=False), borrowed(other)]
    between = ctx.text[actor.end - ctx.offset : hit.start]
    owner = hit.trigger.kind == "fight" and (ctx.lang == "en" or ctx.matches("owner_between", between))
    if not (owner or (ctx.lang == "hi" and actor.agent)):
        return []
    other = next(c for c in pair if c != actor.country)
    return [replace(actor, agent=True, coordinated=False), borrowed(other)]


def choose_actors(ctx: SentenceContext, hit: Hit, scoped: list[Actor]) -> list[Actor]:
    """The (up to) participating actors for one trigger: strongest first, then nearest.

    A venue is no actor, except as the destination of a visit. In Hindi (verb-final) the
    arguments before the trigger are preferred; those after it are used only if needed.
    """
    kinds, lang, offset = ctx.article.resources.kinds, ctx.lang, ctx.offset
    travel = hit.trigger.kind in kinds.travel
    struck = hit.trigger.kind in kinds.lands_on_venue
    # a welcome's place is its host's: "भंडारी का राष्ट्रपति भवन में औपचारिक स्वागत किया गया"
    welcome = hit.trigger.kind == "host"
    usable = [
        a
        for a in scoped
        if (a.strength > 0 and not a.venue)
        or (travel and a.destination)
        or (struck and _struck_ground(a))
        or (welcome and a.venue and not (a.dateline or a.here or a.level == "official"))  # a ministry hosts no one
    ]
    if hit.trigger.kind in kinds.conversation and len({a.country for a in usable if a.strength == PERSON}) > 1:
        # "Wen said in his meeting with Aziz that relations with India ...": people meet, and
        # once two countries' people are named, other country names are what they talked about
        usable = [a for a in usable if a.strength == PERSON]
    speech = lang == "en" and hit.trigger.kind in kinds.speech
    if speech:  # what is said aims at a near object
        usable = [a for a in usable if a.start - (hit.end + offset) <= _EN_OBJECT_REACH]

    def distance(a: Actor) -> int:
        trig_start = hit.start + offset
        return trig_start - a.end if a.end <= trig_start else a.start - (hit.end + offset)

    # the Hindi agent nearest before the verb is its subject however far off it stands ("ईरान ने
    # ... दस्तावेजों में इजरायल की ओर से ... के बाद इजरायल को चेतावनी दी")
    before_verb = [a for a in usable if a.agent and a.end <= hit.start + offset]
    subject = max(before_verb, key=lambda a: a.end) if lang == "hi" and not travel and before_verb else None

    # what a Hindi speaker says aims at the country marked "पर" ("रूस ने अमरीका पर भारत के चुनाव
    # में ... का आरोप लगाया"), however near the trigger another stands
    aims = lang == "hi" and hit.trigger.kind in kinds.speech

    def rank(a: Actor):
        after = a.start >= hit.end + offset
        return (
            -(a.strength + (3 if travel and a.destination else 0)),
            a is not subject,
            aims and not ctx.matches("target_after", _words_after(ctx, a.end - offset)),
            lang == "hi" and after,
            distance(a),
        )

    chosen: dict[str, Actor] = {}
    for a in sorted(usable, key=rank):
        if a.country not in chosen:
            chosen[a.country] = a
    ranked = sorted(chosen.values(), key=rank)
    if travel and len(ranked) > 2 and ranked[0].destination and ranked[1].destination:
        # "मोदी जापान और चीन की यात्रा करेंगे": two destinations outrank the traveller, who leads
        visitor = next((a for a in ranked[2:] if not a.destination), None)
        if visitor is not None:
            ranked = [visitor, *(a for a in ranked if a is not visitor)]
    if speech:
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

