"""Step 3: each event mention's date and status (held, ongoing, planned, cancelled).

The date comes from the trigger's own stretch of the sentence, else the sentence, else the
previous sentence's event of the same story, else the publication date; the status from a
cancellation cue, then the date against publication, then the tense of the trigger's verb.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from engagement.events.coding import window
from engagement.events.coding.model import DateInfo, EventMention, Scope
from engagement.events.coding.triggers import named_by_year, own_clause_bounds
from engagement.events.families import INTENT_TO_MEET
from engagement.events.periods import bounds, precision_of, years_later

if TYPE_CHECKING:
    from engagement.events.coding.sentence import SentenceContext

# A dateline: place name(s), comma, date, at the start of an article's first sentence.
_DATELINE = re.compile(r"^[^\W\d][^,.]{0,40},\s*$")
_HEADLINE = 0  # an article's first sentence: its headline, when it has one
_DATELINE_CHARS = 200  # a dateline's date stands this near the start, whatever the spaces
_DIGIT = re.compile(r"[0-9\u0966-\u096f]")
_YEAR_WRITTEN = re.compile(r"(?<!\d)(?:1[89]|20|१[८९]|२०)\d\d(?!\d)")  # \d: Devanagari digits too
# Hindi speech-act triggers already carry their verb ("निंदा की", "चेतावनी दी"): only the words
# right after them can change the tense, not the future inside what was said.
_SPEECH_TAIL = 12
_LONGEST_STAY_DAYS = 31  # "a 10-day tour"; a number beyond a month is no visit's length
_STAY_REACH = 60  # how far before a visit's trigger its length may stand
_BACKGROUND_REACH = 40  # how far from its trigger "had met", "previously", "इससे पहले" may stand
_FUTURE_VERB_REACH = 45  # how far after an English noun its own future verb may stand
# How far before an English noun trigger that is a verb's object ("will host a summit") the
# verb's tense may stand.
_GOVERNING_VERB_REACH = 40
# How far after a Hindi trigger its own verb sits ("हस्ताक्षर किए थे", "वार्ता हो चुकी है").
OWN_VERB_CHARS = 20
INTENT_ROOT = "03"  # express intent to cooperate: the expression is the event


def sentence_dates(ctx: SentenceContext) -> list:
    """The sentence's date expressions that may date its events: not those of another clause
    ("since he took office in October", "अक्टूबर में पदभार संभालने के बाद"). One without a value
    (relative, in an article without a publication date) still dates its clause: as unknown."""
    return [m for m in ctx.mentions if m.label == "DATE" and not _other_clause(ctx, m)]


def _other_clause(ctx: SentenceContext, mention) -> bool:
    rel_start, rel_end = mention.start - ctx.offset, mention.end - ctx.offset
    return ctx.matches("other_clause_date_before", ctx.text[max(0, rel_start - 40) : rel_start]) or ctx.matches(
        "other_clause_date_after", ctx.text[rel_end : rel_end + 60]
    )


def event_date(ctx: SentenceContext, scope: Scope, countries: list[str], own_tense: str | None) -> DateInfo:
    """The date of one trigger's event.

    The nearest date expression in the trigger's own stretch of the sentence, else the nearest
    in the sentence (a dateline such as "MOSCOW, Nov 17 —" only when there is no other); else
    for a background event ("they had met earlier as vice-presidents", "इससे पहले भी मिल चुके
    हैं"), unknown (the codebook's null date: the publication date would place it on the wrong
    day, and the previous sentence's event is another happening); else the date of the previous
    sentence's event of the same kind between the same pair (an anaphoric "दोनों मंत्री ... चर्चा
    करेंगे" continues that story); else the publication date.
    """
    hit, lo, hi, text = scope.hit, scope.lo, scope.hi, ctx.text
    trig, dates = hit.start + ctx.offset, ctx.dates
    own = [d for d in dates if not _is_dateline(ctx, d)] or dates
    own = _outside_other_relative_clauses(ctx, scope, own)
    own = [
        d
        for d in own
        if not _in_another_named_act(ctx, scope, d)
        and not _date_of_saying(ctx, scope, d)
        and not _year_of_another_thing(ctx, scope, d)
        and not _start_of_a_period(ctx, d)
    ]
    scoped = [d for d in own if lo <= d.start - ctx.offset < hi]
    if ctx.lang == "en":  # "arrived on Thursday and will hold talks on Friday": Friday
        start, end = own_clause_bounds(ctx.lex, text, scope)
        scoped = [d for d in scoped if start <= d.start - ctx.offset < end] or scoped
    else:  # verb-final: "अगले सप्ताह ... वार्ता होगी, जिससे फरवरी में ...": February dates the next clause
        clause_end = hit.end + len(ctx.lex.clause_break.split(window.after(text, hit.end, hi), maxsplit=1)[0])
        scoped = [d for d in scoped if d.start - ctx.offset < clause_end] or scoped
    if scoped or own:
        d = min(scoped or own, key=lambda d: abs(d.start - trig))
        if d.value is None:  # the text dates it, but nothing anchors the date ("in March")
            # "in September last year", "पिछले साल", "मई में तेहरान गए थे": a time before the
            # report's, so another happening than the article's undated ones (codebook §3)
            earlier = ctx.matches("past_date", d.text) or told_as_background(ctx, scope)
            earlier = earlier or (own_tense == "held" and d.precision in ("month", "year"))
            return BACKGROUND if earlier else UNANCHORED
        value, value_end = _as_tense_says(ctx, d, own_tense)
        return DateInfo(value, value_end, d.precision or precision_of(d.value), "text")
    if told_as_background(ctx, scope):
        return BACKGROUND  # not the previous sentence's meeting, nor the publication day
    pair = set(countries[:2])
    previous_events = ctx.previous.events if ctx.previous else []
    same = [ev for ev in previous_events if {ev.actor1, ev.actor2} == pair and ev.kind == hit.trigger.kind]
    plan = own_tense == "planned" or hit.trigger.default_status == "planned"
    if plan:
        # "praised the talks and invited him for a return visit": a plan is not on the day of
        # the meeting just reported (codebook 7), only on a plan's it details
        same = [ev for ev in same if ev.status == "planned"]
    if same:
        ev = same[0]
        return DateInfo(ev.event_date, ev.event_date_end, ev.date_precision, "context")
    outcome = hit.trigger.cameo[:2] in _OUTCOME_FAMILIES
    referred = None if plan else _referred_meeting(ctx, countries, outcome)
    if referred is not None:
        return DateInfo(referred.event_date, referred.event_date_end, referred.date_precision, "context")
    return publication_day(ctx.article.published)


# Families of what a meeting produces: agreements and pledges (03), cooperation (05), releases (08).
_OUTCOME_FAMILIES = frozenset({"03", "05", "08"})


def _referred_meeting(ctx: SentenceContext, countries: list[str], outcome: bool) -> EventMention | None:
    """The article's latest dated meeting of the event's parties when the sentence refers back
    to it ("As a key outcome of the two-hour talks, Russia and Ukraine agreed ...", "Fidan, who
    chaired the negotiation") or the event is what meetings produce (an agreement, a pledge, a
    release: ``outcome``): what happened at it happened on its day, not on the day of the
    report."""
    if not (outcome or ctx.matches("meeting_referred")):
        return None
    conversation, parties = ctx.article.resources.kinds.conversation, set(countries)
    return next(
        (
            ev
            for ev in reversed(ctx.article.events)
            if ev.kind in conversation
            and ev.actor1 is not None
            and {ev.actor1, ev.actor2} <= parties
            and ev.status in ("held", "ongoing")
            and ev.date_basis == "text"
        ),
        None,
    )


def _date_of_saying(ctx: SentenceContext, scope: Scope, date_mention) -> bool:
    """ "Fox said Wednesday he will meet Bush in Chile": a date right after the verb of saying,
    before the trigger, dates the statement, not the meeting it reports (a statement itself
    keeps it)."""
    start = date_mention.start - ctx.offset
    return (
        start < scope.hit.start
        and scope.hit.trigger.kind not in ctx.article.resources.kinds.speech
        and ctx.matches("said_before", ctx.text[max(0, start - 25) : start])
    )


def _year_of_another_thing(ctx: SentenceContext, scope: Scope, date_mention) -> bool:
    """ "refused to hand over the suspects in the 1988 bombing", "since the 2004 election": a bare
    year between an article and a happening that is no engagement dates that happening, not the
    trigger's act."""
    start, end = date_mention.start - ctx.offset, date_mention.end - ctx.offset
    if not _BARE_YEAR.fullmatch(date_mention.text) or start <= scope.hit.start <= end + 1:
        return False
    return ctx.matches("year_modifier_before", ctx.text[max(0, start - 25) : start]) and ctx.matches(
        "year_modifier_after", ctx.text[end : end + 20]
    )


def _start_of_a_period(ctx: SentenceContext, date_mention) -> bool:
    """ "the first visit by an Australian leader since 2016", "2016 के बाद से पहली यात्रा": the
    date opens the period the event is measured against; it is no date of the event."""
    start, end = date_mention.start - ctx.offset, date_mention.end - ctx.offset
    return ctx.matches("period_since_before", ctx.text[max(0, start - 12) : start]) or ctx.matches(
        "period_since_after", ctx.text[end : end + 40]
    )


def told_as_background(ctx: SentenceContext, scope: Scope) -> bool:
    """Whether the words around the trigger tell an earlier happening ("had met", "इससे पहले",
    "गए थे"); verb-final Hindi opens the clause with them ("इससे पहले दोनों नेता ... मिले थे")."""
    hit, text = scope.hit, ctx.text
    clause = ctx.lex.clause_break.split(text[scope.lo : hit.start])[-1] if ctx.lang == "hi" else ""
    start = min(hit.start - len(clause), hit.start - _BACKGROUND_REACH)
    return ctx.matches("undated_background", text[max(scope.lo, start) : hit.end + _BACKGROUND_REACH])


def _outside_other_relative_clauses(ctx: SentenceContext, scope: Scope, dates: list) -> list:
    """The dates not inside a relative clause that leaves the trigger out: in "Araghchi, who
    last visited India in May 2025, will meet Jaishankar" (", जो मई 2025 में भारत आए थे,") May
    2025 dates the visit, not the meeting."""
    trigger = scope.hit.start
    clauses = [
        (m.start(), m.end()) for m in ctx.lex.relative_clause.finditer(ctx.text) if not m.start() <= trigger < m.end()
    ]
    return [d for d in dates if not any(lo <= d.start - ctx.offset < hi for lo, hi in clauses)]


def _in_another_named_act(ctx: SentenceContext, scope: Scope, date_mention) -> bool:
    """Whether the date is the year of another trigger's named past act ("urged India to respect
    the 2003 ceasefire agreement": 2003 dates the agreement, not the urging), or a year within
    the trigger's own words that names no act of its own ("संधि 1960 को ... स्थगित करने": the
    treaty it suspends)."""
    at = date_mention.start - ctx.offset
    own = (scope.hit.start, scope.hit.end)
    if own[0] <= at < own[1] and own not in ctx.named_acts:
        return True
    return any(start <= at < end for start, end in ctx.named_acts if (start, end) != own)


_BARE_YEAR = re.compile(r"(?:1[89]|20)\d\d")

# No date: none in the text and no publication date ("unknown"); a date in the text that nothing
# anchors ("unanchored"); a background event the text leaves undated ("background"). Only the
# first kind is a report that the article's other undated reports of its kind may repeat.
UNKNOWN = DateInfo(None, None, None, "unknown")
UNANCHORED = DateInfo(None, None, None, "unanchored")
BACKGROUND = DateInfo(None, None, None, "background")
UNDATED = frozenset({UNKNOWN.basis, UNANCHORED.basis, BACKGROUND.basis})


def publication_day(published: date | None) -> DateInfo:
    return DateInfo(published.isoformat(), None, "day", "publication") if published else UNKNOWN


def planned_date(
    countries: list[str], earlier: Sequence[EventMention], published: date | None, whole_stay: bool
) -> DateInfo:
    """Date of a planned mention whose sentence gives none ("अपनी यात्रा के दौरान मोतेगी ...
    वार्ता करेंगे"): the latest earlier planned event of the article for the same pair (the
    announcement it details), else the publication month, never the publication day, which
    would make an announcement look like a same-day event that never turns held. Only a trip
    (``whole_stay``) takes a borrowed stay's every day: talks during a 24-25 November visit take
    its first, or they would overlap, and join, the visit's other meeting on the 25th."""
    pair = set(countries[:2])
    same = [
        ev for ev in earlier if ev.status == "planned" and set(ev.participants) == pair and ev.event_date is not None
    ]
    if same:
        ev = same[-1]
        end = ev.event_date_end if whole_stay else None
        return DateInfo(ev.event_date, end, ev.date_precision, "context")
    return DateInfo(published.strftime("%Y-%m"), None, "month", "publication") if published else UNKNOWN


def _is_dateline(ctx: SentenceContext, mention) -> bool:
    start = mention.start - ctx.offset
    return ctx.sent.idx == 0 and start <= _DATELINE_CHARS and bool(_DATELINE.match(ctx.text[:start].lstrip()))


def _as_tense_says(ctx: SentenceContext, mention, own_tense: str | None) -> tuple[str, str | None]:
    """A bare weekday or month ("on Friday", "अप्रैल में") resolved into the future while the
    verb says it already happened is the past one, and a month or day written without its year
    resolved into a month already past while the verb says it is planned ("are expected to meet
    in August", "24 जनवरी को भारत आएंगे") is next year's (codebook §6): the verb knows the tense,
    the date word not."""
    published = ctx.article.published
    value, value_end = mention.value, mention.value_end
    words = set(mention.text.lower().split())
    if own_tense not in ("held", "planned") or words & ctx.lex.relative_date_words or published is None:
        return value, value_end
    if own_tense == "planned":
        month_past = len(value) in (7, 10) and bounds(value[:7], "month")[1] < published
        if month_past and not _YEAR_WRITTEN.search(mention.text):
            return years_later(value, 1), years_later(value_end, 1) if value_end else None
        return value, value_end
    if _DIGIT.search(mention.text):
        return value, value_end
    if len(value) == 10 and not value_end and 2 <= (date.fromisoformat(value) - published).days <= 6:
        return (date.fromisoformat(value) - timedelta(days=7)).isoformat(), None
    if len(value) == 7 and bounds(value, "month")[0] > published:
        return years_later(value, -1), years_later(value_end, -1) if value_end else None
    return value, value_end


def status(ctx: SentenceContext, scope: Scope, when: DateInfo, tense: str | None) -> str:
    """Cancelled beats everything; then the date against publication; then tense cues."""
    hit, text = scope.hit, ctx.text
    if named_by_year(hit):
        return "held"  # "सिंधु जल संधि 1960 को स्थगित": the treaty was concluded; the abeyance is news of its own
    # outside the trigger's own words: "संधि को स्थगित करने", "scrapped the treaty" suspend a
    # treaty, they do not call the suspension off
    after = window.after(text, hit.end, scope.hi)
    clause = after if ctx.lang == "hi" else window.before(text, scope.lo, hit.start) + " " + after
    if ctx.matches("cancelled", clause):
        return "cancelled"
    if hit.trigger.cameo.startswith(INTENT_ROOT) and hit.trigger.cameo != INTENT_TO_MEET:
        return "held"  # "China will provide aid", "promised to resume relations": the pledge is made
    published = ctx.article.published
    if when.basis not in ("publication", "unknown") and when.value and published is not None:
        first, last = bounds(when.value, when.precision), bounds(when.value_end or when.value, when.precision)
        if last[1] < published:
            return "held"
        if first[0] > published:
            return "planned"
    return tense or hit.trigger.default_status or "held"


def with_stay(ctx: SentenceContext, scope: Scope, when: DateInfo) -> DateInfo:
    """A visit dated to the day it began, with the stay's length in its stretch ("arrived on
    Monday on a two-day visit", "सोमवार को दो दिवसीय यात्रा पर पहुंचे"), covers the days of the stay.
    The length may stand in the stretch of the trip's other trigger, just before this one
    ("दो दिवसीय यात्रा पर ... पहुंचे")."""
    if when.basis != "text" or when.precision != "day" or when.value_end or len(when.value) != 10:
        return when
    days = _stay_days(ctx, scope)
    if not days:
        return when
    last = date.fromisoformat(when.value) + timedelta(days=days - 1)
    return DateInfo(when.value, last.isoformat(), when.precision, when.basis)


def _stay_days(ctx: SentenceContext, scope: Scope) -> int:
    """The length in days of a stay of several days written near a visit's trigger, else 0."""
    length = ctx.lex.stay_length.search(window.after(ctx.text, max(0, scope.hit.start - _STAY_REACH), scope.hi))
    written = length.group(1).lower() if length else ""
    days = int(written) if written.isdigit() else ctx.lex.numbers.get(written, 0)
    return days if 1 < days <= _LONGEST_STAY_DAYS else 0


def in_progress(ctx: SentenceContext, scope: Scope, when: DateInfo) -> bool:
    """Whether a stay of several days ("arrived today for a four-day tour") is going on on the
    publication day: the codebook's ongoing. Without a publication date, a stay of several days
    that the text says began but does not date ("arrived on Monday on a four-day State visit") is
    too: an arrival is news while the stay lasts ("concluded his seven-day tour" is not)."""
    published = ctx.article.published
    told = window.after(ctx.text, scope.hit.start, scope.hi) if ctx.lang == "hi" else ctx.text[scope.lo : scope.hit.end]
    if ctx.matches("stay_ended", told):
        return False  # "wrapped up a three-day state visit on Friday", "यात्रा संपन्न कर"
    if published is None:
        begun = ctx.matches("stay_begun", window.after(ctx.text, scope.lo, scope.hi))
        return begun and when.basis in (UNKNOWN.basis, UNANCHORED.basis) and _stay_days(ctx, scope) > 0
    return bool(when.value_end) and when.value <= published.isoformat() <= when.value_end


def tense_status(ctx: SentenceContext, scope: Scope, reach: int | None = None) -> str | None:
    """held / ongoing / planned from the words around the trigger, or None when they say nothing.

    A modifier right before the noun ("आगामी यात्रा", "the upcoming visit") says planned, a past
    participle ("में हुई वार्ता", "the talks held in April") held. Hindi
    is verb-final: the tense sits after the trigger, often at the end of the sentence; ``reach``
    limits the Hindi look-ahead to the trigger's own verb ("यात्रा की थी", "गए थे").
    """
    hit, lo, text = scope.hit, scope.lo, ctx.text
    if hit.trigger.kind == "intent":
        return None  # the verb dates the invitation or proposal; the meeting itself lies ahead
    modifier = text[max(lo, hit.start - 25) : hit.start]
    if ctx.matches("planned_before", modifier) and not ctx.matches("past_verb", hit.text):
        return "planned"  # "further talks", not "further discussed"
    if ctx.matches("held_before", modifier):
        return "held"  # "अप्रैल में हुई वुहान शिखर वार्ता": the participle before the noun dates it past
    if ctx.sent.idx == _HEADLINE and ctx.matches("headline_future", modifier + hit.text):
        return "planned"  # headlinese: "Blair, Bush to Meet", "British Minister to Visit North Korea"
    if ctx.lang == "en" and ctx.matches("planned_after", text[hit.end : hit.end + _FUTURE_VERB_REACH]):
        return "planned"  # the noun is the subject of a future verb: "this meeting will be in September"
    if ctx.lang == "hi" and ctx.matches("verb_first_past", text[lo : hit.start]):
        return "held"  # a headline's verb first: "ट्रंप ने की जापान के पीएम आबे से मुलाकात, ... की उम्मीद"
    if ctx.lang == "hi":
        speech = hit.trigger.default_status == "held"
        tail = reach or (_SPEECH_TAIL if speech else None)
        span = window.after(text, hit.start, hit.end + tail if tail else None)
    elif hit.trigger.kind in ctx.article.resources.kinds.speech:
        span = window.before(text, lo, hit.start)  # "said they will attack": the threat is made, not planned
    elif lo and ctx.matches("object_of_trigger", text[lo : hit.start]):
        span = window.before(text, max(0, lo - _GOVERNING_VERB_REACH), hit.end)  # "will host a summit"
    else:
        span = window.before(text, lo, hit.end)
    found = []
    for name in ("planned", "ongoing", "held"):
        if ctx.lang == "hi":  # the earliest cue wins, then the longer: one search of the cue's alternation finds it
            m = ctx.lex.screen(name).search(span)
            found += [(m.start(), m.start() - m.end(), name)] if m else []
            continue
        for p in ctx.lex.cues.get(name, ()):  # the latest-ending cue wins
            m = p.search(span)
            if m:
                found.append((-m.end(), 0, name))
    if not found and ctx.lang == "hi" and ctx.matches("verb_first_future", text[lo : hit.start]):
        return "planned"  # a headline's verb first: "आज होगी मोदी और पुतिन की मुलाकात"
    return min(found)[-1] if found else None
