"""Step 2, continued: the countries that take part in one trigger's event -- those of its own
stretch and clause, a speaker's reported clause or a sentence's attribution left out, and those
an anaphor ("दोनों देश", "the two leaders", "उन्होंने") borrows from the sentences before."""

from __future__ import annotations

from dataclasses import replace

from engagement.events.coding import actors as actor_step
from engagement.events.coding import direction as direction_step
from engagement.events.coding import triggers, window
from engagement.events.coding.context import HYPHENS
from engagement.events.coding.model import NAME, PERSON, Actor, Hit, Scope
from engagement.events.coding.sentence import SentenceContext, distinct


def participants(
    ctx: SentenceContext, scope: Scope, actors: list[Actor], shared: tuple[Hit, Actor] | None
) -> list[Actor]:
    """The actors of one trigger: those of its stretch, the sentence's when the stretch lends
    too few, the subject ``shared`` with the verb before (that verb, its source actor), or
    countries lent by earlier sentences."""
    hit, lo, hi = scope.hit, scope.lo, scope.hi
    actors = _without_attribution(ctx, scope, actors)
    scoped = [a for a in actors if lo <= a.start - ctx.offset and a.end - ctx.offset <= hi]
    scoped = _own_clause_pair(ctx, scope, _reported_clause(ctx, scope, scoped))
    if named := _pair_naming_the_meeting(ctx, hit, scoped):
        return named
    chosen = actor_step.english_trip(ctx, hit, scoped, actors) or actor_step.choose_actors(ctx, hit, scoped)
    if actor_step.shares_sentence_arguments(ctx, hit, chosen):
        chosen = actor_step.choose_actors(ctx, hit, actors)
    if shared is not None:
        before, subject = shared
        chosen = direction_step.with_shared_subject(ctx, before, hit, subject, scoped) or chosen
    stretch = window.after(ctx.text, lo, hi)
    # "दोनों देशों": the previous sentence's countries, then the pair of the story so far
    # unless that sentence named other than two: then the pair of the story so far comes first
    previous = distinct(ctx.previous.countries)
    story = ctx.article.latest_pair()
    lenders = distinct([*previous, *story] if len(previous) == 2 or not story else [*story, *previous])
    # "दोनों देशों से संयम बरतने की अपील", "urged both sides": a third party addresses a pair
    pair_of_others = bool(chosen) and ctx.matches("pair_addressed", stretch)
    leaders = ctx.lex.screen("people_anaphor").search(ctx.text, lo, hit.start)
    named_after = all(a.start - ctx.offset >= leaders.start() for a in chosen) if leaders else False
    if named_after and len({a.country for a in chosen}) != 2 and not pair_of_others:
        # "दोनों नेताओं में ... इजराइल-हमास, रूस-यूक्रेन युद्ध पर बातचीत", "the two leaders discussed
        # the war in Ukraine": the leaders just named, whatever states (not a pair) their topics name
        borrowed = distinct([*ctx.previous.people, *lenders])[:2]
        if len(borrowed) == 2:
            return [actor_step.borrowed(country, PERSON) for country in borrowed]
    if traveller := _anaphoric_traveller(ctx, scope, chosen):
        return traveller
    if len(chosen) < 2 and not pair_of_others and ctx.matches("anaphor", stretch) and not ctx.teams():
        people = ctx.matches("people_anaphor", stretch)
        if people or ctx.matches("person_anaphor", stretch):
            # "उन्होंने", "he": a person, first the subject; "the two leaders": the people just
            # named, not the states of a strike the sentence before reported
            lenders = distinct([*ctx.previous.people, *lenders])
        chosen += [c for c in lenders if c not in {a.country for a in chosen}][: 2 - len(chosen)]
        strength = PERSON if people else NAME
        chosen = [c if isinstance(c, Actor) else actor_step.borrowed(c, strength) for c in chosen]
    if len(chosen) == 1 and hit.trigger.kind in ctx.article.resources.kinds.story_pair:
        chosen = actor_step.against_story_pair(ctx, hit, chosen[0]) or chosen
    return chosen


def _own_clause_pair(ctx: SentenceContext, scope: Scope, scoped: list[Actor]) -> list[Actor]:
    """ "Trump and the Saudi crown prince spoke on Friday, hours after Washington launched
    airstrikes on Iran": an English subordinate clause that names two states itself is the
    trigger's whole story; the states of the clauses around it are no parties to it."""
    if ctx.lang != "en" or len({a.country for a in scoped if not a.venue}) <= 2:
        return scoped  # two states or fewer: the clause cannot narrow them to a pair
    start, end = triggers.own_clause_bounds(ctx.lex, ctx.text, scope)
    if not ctx.matches("subordinate_opening", ctx.text[start:end]):
        return scoped  # "met his counterparts from Brazil, South Africa and Indonesia": one clause
    inside = [a for a in scoped if start <= a.start - ctx.offset < end]
    return inside if len({a.country for a in inside if not a.venue}) >= 2 else scoped


def _reported_clause(ctx: SentenceContext, scope: Scope, scoped: list[Actor]) -> list[Actor]:
    """ "Anwar said Thailand and Cambodia agreed to a ceasefire", "प्रवक्ता ने कहा कि रूस और
    यूक्रेन ने बातचीत की": once the clause a speaker reports names two states before the trigger,
    they are its parties and the speaker is none. A clause naming one state keeps the speaker,
    who may be its other side ("भारत ने कहा कि पाकिस्तान ने संघर्ष विराम का उल्लंघन किया"), and
    so does one naming more, a gathering the speaker may host ("Libya confirmed that the leaders
    of Sudan, Egypt, Chad and Nigeria would join Gadhafi for a mini-summit")."""
    frames = list(ctx.lex.screen("report_frame").finditer(ctx.text, scope.lo, scope.hit.start))
    if not frames:
        return scoped
    cut = frames[-1].end() + ctx.offset
    reported = [a for a in scoped if a.start >= cut]
    subjects = {a.country for a in reported if a.end <= scope.hit.start + ctx.offset and not a.venue}
    # "Hun Sen said that Thailand's military had shelled two Cambodian provinces": a clause
    # naming its subject and its object needs no speaker either
    both = len(subjects) == 1 and len({a.country for a in reported if not a.venue}) == 2
    return reported if len(subjects) == 2 or both else scoped


def _without_attribution(ctx: SentenceContext, scope: Scope, actors: list[Actor]) -> list[Actor]:
    """ "Iran and Saudi Arabia held talks in Baghdad, Iraq's foreign minister said": a speaker
    the sentence ends on reports the pair before it; once that names two states, the speaker is
    none of the parties. An attribution naming the only other side stays ("India met Pakistan's
    envoy, Pakistan's foreign office said")."""
    if ctx.lang != "en":
        return actors
    found = ctx.lex.screen("attribution").search(ctx.text, scope.hit.end)
    if found is None:
        return actors
    cut = found.start() + ctx.offset
    before = [a for a in actors if a.start < cut]
    return before if len({a.country for a in before if not a.venue}) == 2 else actors


def _pair_naming_the_meeting(ctx: SentenceContext, hit: Hit, scoped: list[Actor]) -> list[Actor]:
    """ "आगामी पुतिन-ट्रंप मुलाकात पर यूक्रेन के राष्ट्रपति की प्रतिक्रिया", "the India-China talks":
    two parties joined by a hyphen right before a meeting noun are its pair, whoever else the
    sentence names. Empty otherwise."""
    if hit.trigger.kind not in ctx.article.resources.kinds.conversation:
        return []
    trigger = ctx.offset + hit.start
    before = sorted((a for a in scoped if a.end <= trigger and not a.venue), key=lambda a: a.start)[-2:]
    if len(before) < 2 or before[0].country == before[1].country:
        return []
    first, second = before
    joined = ctx.text[first.end - ctx.offset : second.start - ctx.offset]
    return [first, second] if joined in HYPHENS and ctx.text[second.end - ctx.offset : hit.start].isspace() else []


def _anaphoric_traveller(ctx: SentenceContext, scope: Scope, chosen: list[Actor]) -> list[Actor]:
    """ "अब तक वह काबुल, तेहरान और बीजिंग की यात्रा कर चुके हैं": a Hindi trip whose traveller is
    "वह"/"उन्होंने" (the person the sentence before named) and whose states named after the
    pronoun are all places gone to. Empty otherwise."""
    hit = scope.hit
    if ctx.lang != "hi" or hit.trigger.kind not in ctx.article.resources.kinds.travel or not ctx.previous.people:
        return []
    visitor = ctx.previous.people[0]
    if not chosen or any(a.strength == PERSON or a.agent or a.country == visitor for a in chosen):
        return []
    first = min(a.start for a in chosen) - ctx.offset
    if not ctx.matches("person_anaphor", ctx.text[scope.lo : first]):
        return []
    return [actor_step.borrowed(visitor, PERSON), *(replace(a, destination=True) for a in chosen)]
