"""Step 2b: who acts on whom among a trigger's actors: the direction of an event, a mediation's
mediator and sides, a statement addressed to both sides, and the subject a verb shares with the
verb before it. The actors themselves come from ``actors.py``."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from engagement.events.coding import window
from engagement.events.coding.actors import AROUND, BY_AFTER
from engagement.events.coding.model import PERSON, Actor, Hit, Scope

if TYPE_CHECKING:
    from engagement.events.coding.sentence import SentenceContext

# "visiting Russian President", "the visiting Chinese foreign minister Wang Yi"
_VISITING_GUEST_GAP = re.compile(r"[\w .'-]{0,40}")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$")
_FROM_OR_BY_END = re.compile(r"\b(?:from|by)$", re.IGNORECASE)


def addressed_sides(ctx: SentenceContext, scope: Scope, chosen: list[Actor]) -> tuple[str, list[str]] | None:
    """A statement one state addresses to both sides of the story ("तुर्की के विदेश मंत्री ने दोनों
    पक्षों से युद्धविराम का आग्रह किया", "Qatar urged both sides to show restraint"): the
    speaker and the two sides, one event with each (codebook §4, one event per counterpart).
    The sides are the previous sentence's countries, then the story's pair. None otherwise."""
    speakers = {a.country for a in chosen}
    if len(speakers) != 1 or not ctx.matches("pair_addressed", window.after(ctx.text, scope.lo, scope.hi)):
        return None
    speaker = speakers.pop()
    lenders = [*ctx.previous.countries, *ctx.article.latest_pair()]
    sides = [c for c in dict.fromkeys(lenders) if c and c != speaker][:2]
    return (speaker, sides) if len(sides) == 2 else None


def direction(ctx: SentenceContext, hit: Hit, chosen: list[Actor]) -> tuple[str | None, str | None]:
    """Source and target where the sentence makes them clear, else (None, None)."""
    offset = ctx.offset
    first, second = chosen[0], next(a for a in chosen if a.country != chosen[0].country)
    kind = hit.trigger.kind
    if kind == "visit":
        dest = next((a for a in chosen if a.destination), None)
        if dest:
            visitor = next(a for a in chosen if a.country != dest.country)
            return visitor.country, dest.country
        guest = _visiting_guest(ctx, hit, chosen)
        if guest:  # "talks with visiting Russian President Putin": Russia visits the other
            host = next(a for a in chosen if a.country != guest.country)
            return guest.country, host.country
        return None, None
    if kind == "host":
        # the agent ("मुर्मू ने ... दिसानायके के सम्मान में रात्रिभोज"; "was received by"), else
        # the English subject ("Modi warmly received President Lourenco"), else the nearest person
        host = next((a for a in chosen if a.agent), None) or next((a for a in chosen if a.venue), None)
        if host is None and ctx.lang == "en":
            before = [a for a in (first, second) if a.end <= hit.start + offset]
            # the guest may stand inside the trigger: "received Britain's foreign secretary"
            after = [a for a in (first, second) if a.start > hit.start + offset]
            participle = hit.text.split()[0].lower().endswith("ed")  # "is hosting Putin" is active
            passive = participle and (
                _PASSIVE_BEFORE.search(ctx.text, max(0, hit.start - AROUND), hit.start) is not None
                or BY_AFTER.match(ctx.text, hit.end) is not None  # "a banquet hosted by ..."
            )
            host = (after if passive else before)[0] if len(before) == 1 and len(after) == 1 else None
        host = host or min(
            [a for a in chosen if a.strength == PERSON] or chosen,
            key=lambda a: abs(a.start - (hit.start + offset)),
        )
        return _acting_on_the_other(host, chosen)
    if ctx.lang == "en" and _FROM_OR_BY_END.search(hit.text):
        # "a missile strike from neighbouring Iran", "shelling by Cambodian forces": the one
        # named after "from"/"by" acts
        after = sorted((a for a in chosen if a.start >= hit.end + offset), key=lambda a: a.start)
        if after:
            return _acting_on_the_other(after[0], chosen)
    if ctx.lang == "hi" and kind == "fight":
        # "ईरान के मिसाइल हमले में", "कंबोडियाई सेना की गोलाबारी में": the attack's owner attacks
        before = [a for a in chosen if a.end <= hit.start + offset]
        owner = next((a for a in before if ctx.matches("attacker_between", ctx.text[a.end - offset : hit.start])), None)
        # an agent acts on the attack when the attack is the object of its verb: "अफगानिस्तान ने
        # पाकिस्तान के एयर स्ट्राइक का बदला लिया" (Pakistan struck), "भारत ने ... हमले की निंदा की"
        answered = ctx.matches("attack_answered_after", ctx.text[hit.end : hit.end + AROUND])
        # a speaker before "कि" reports the attack: "मंत्रालय ने जानकारी दी कि ईरान के हमलों में ..."
        report = ctx.text.rfind(" कि ", 0, hit.start)
        acting = [a for a in chosen if a.agent and a.start - offset > report]
        if owner is not None and not owner.coordinated and (answered or not acting):
            return _acting_on_the_other(owner, chosen)
    agents = [a for a in chosen if a.agent]
    before_verb = [a for a in agents if a.end <= hit.start + offset]
    # Hindi: the agent nearest before the verb is its subject, not a speaker quoting it
    # ("जोली ने कहा, 'भारत ने राजनयिकों को देश छोड़ने का आदेश दिया था'": India orders)
    agent = max(before_verb, key=lambda a: a.end) if ctx.lang == "hi" and before_verb else next(iter(agents), None)
    if agent and agent.coordinated:
        return None, None
    if agent:
        return _acting_on_the_other(agent, chosen)
    if ctx.lang == "hi":
        return None, None
    # by country, one named twice counted once ("Thailand's military had shelled two Cambodian
    # provinces bordering Thailand"); the object may stand inside a phrase trigger: "ordered 755
    # US diplomats to leave"
    pair = (first.country, second.country)
    before = {a.country for a in chosen if a.country in pair and a.end <= hit.start + offset}
    after = {a.country for a in chosen if a.country in pair and a.start > hit.start + offset} - before
    if len(before) == 1 and len(after) == 1:
        return before.pop(), after.pop()
    return None, None


def _acting_on_the_other(actor: Actor, chosen: list[Actor]) -> tuple[str, str]:
    """(source, target): ``actor`` acts on the other country among ``chosen`` (there is one)."""
    return actor.country, next(a.country for a in chosen if a.country != actor.country)


def with_shared_subject(ctx: SentenceContext, before: Hit, hit: Hit, subject: Actor, scoped: list[Actor]):
    """ "China condemned Japan's remarks on Taiwan and summoned the Japanese ambassador": a verb
    joined by "and" to the one before shares its subject, so it aims at the actor after it."""
    if ctx.lang != "en" or not ctx.matches("verb_joined_before", ctx.text[before.end : hit.start]):
        return None
    objects = [a for a in scoped if a.start >= hit.end + ctx.offset and a.country != subject.country and not a.venue]
    if not objects:
        return None
    return [replace(subject, agent=True), min(objects, key=lambda a: a.start)]


def _visiting_guest(ctx: SentenceContext, hit: Hit, chosen: list[Actor]) -> Actor | None:
    """The actor that "visiting" describes: named right after it, with no clause between."""
    if not ctx.matches("guest_trigger", hit.text):
        return None
    after = sorted((a for a in chosen if a.start >= hit.end + ctx.offset), key=lambda a: a.start)
    if after and _VISITING_GUEST_GAP.fullmatch(ctx.text, hit.end, after[0].start - ctx.offset):
        return after[0]
    return None


def mediation(ctx: SentenceContext, hit: Hit, actors: list[Actor]) -> tuple[str, list[str]] | None:
    """The mediator and the two sides of a mediation ("a U.S.-brokered truce", "talks mediated
    by Blinken", "China, which brokered the agreement", "अमेरिका की मध्यस्थता में"), or None.

    The mediator is named right after "by", else is the nearest actor before the trigger; the
    sides are the sentence's other countries, else the pair of the story so far ("the two
    foreign ministers last met for talks mediated by ..."); a side the text leaves unnamed (or
    names as no state, "the Palestinians") is left out. The codebook counts one event from the
    mediator to each side."""
    usable = [a for a in actors if a.strength > 0 and not a.venue]
    start, end = hit.start + ctx.offset, hit.end + ctx.offset
    if hit.text.endswith(" by"):
        named = [a for a in usable if a.start >= end]
        mediator = min(named, key=lambda a: a.start) if named else None
    else:
        named = [a for a in usable if a.end <= start]
        # "तुर्की ने रूस और यूक्रेन के बीच मध्यस्थता की": the sides stand between the mediator and
        # the verb, marked as the ones "between" whom it mediates
        outside = [a for a in named if not ctx.matches("sides_between", ctx.text[a.end - ctx.offset : hit.start])]
        mediator = max(outside or named, key=lambda a: a.end) if named else None
    if mediator is None:
        return None
    sides = list(dict.fromkeys(a.country for a in usable if a.country != mediator.country))
    if len(sides) < 2:
        sides = list(dict.fromkeys([*sides, *(c for c in ctx.article.latest_pair() if c != mediator.country)]))
    return (mediator.country, sides[:2]) if sides else None
