"""Step 1: the triggers of a sentence, the stretch of it each one owns, and the statements
that yield no event (negated, hypothetical, habitual, talk about talks)."""

from __future__ import annotations

import re

from engagement.events import lexicon
from engagement.events.coding import window
from engagement.events.coding.model import LATIN_GLOSS, Hit, Scope
from engagement.events.coding.resources import KindGroups, LanguageLexicon

# How far a demand verb may sit from what it demands: Hindi puts it after the object
# ("प्रतिबंध लगाने की मांग की"), English before it ("demanded that partners impose sanctions").
_DEMAND_REACH = {"hi": 30, "en": 60}
_HINDI_CLAUSE_CHARS = 45
_LATIN_GLOSS = re.compile(LATIN_GLOSS)
_YEAR_IN_NAME = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_REDUCE_RELATIONS_ROOT = "16"


def find_triggers(lex: LanguageLexicon, text: str) -> list[Hit]:
    """Non-overlapping trigger matches in the lexicon's order (ours before the generated ones,
    longest pattern first), then in text order; ``lexicon.trigger_matches`` runs only the
    triggers whose literal openings occur in the sentence."""
    low = lexicon.lowered(text)
    if lex.lang == "hi" and "(" in low:
        # "प्रतिबंध (Venezuela Sanctions) लगाए": an English gloss inside the phrase is read as space
        low = _LATIN_GLOSS.sub(lambda gloss: " " * len(gloss.group()), low)
    taken: list[tuple[int, int]] = []
    hits: list[Hit] = []
    for trig, m in lexicon.trigger_matches(lex.lang, low):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        taken.append((m.start(), m.end()))
        hits.append(Hit(trig, m.start(), m.end(), text[m.start() : m.end()]))
    return sorted(hits, key=lambda h: h.start)


def year_named(hit: Hit) -> str | None:
    """The year among the trigger's own words ("suspended the 1960 Indus Waters Treaty"), if any."""
    found = _YEAR_IN_NAME.search(hit.text)
    return found.group() if found else None


def named_by_year(hit: Hit) -> bool:
    """A year among the trigger's own words names a past act: "the 2003 ceasefire agreement",
    "सिंधु जल संधि 1960" was concluded then, whatever the sentence asks or does with it now. A
    trigger that reduces relations by it ("संधि 1960 को ... स्थगित करने") is the news itself."""
    return not reduces_a_named_accord(hit) and year_named(hit) is not None


def reduces_a_named_accord(hit: Hit) -> bool:
    """A trigger that suspends or leaves an accord it names by year ("संधि 1960 को ... स्थगित"):
    the news, and the accord's conclusion a background event of its own."""
    return hit.trigger.cameo.startswith(_REDUCE_RELATIONS_ROOT) and year_named(hit) is not None


def without_protested(lex: LanguageLexicon, text: str, hits: list[Hit]) -> list[Hit]:
    """Drop triggers that only name what a protest, a condemnation or an accusation is about
    ("‘संघर्ष विराम के उल्लंघन’ के विरोध में ... उप उच्चायुक्त को तलब किया", "accused Thailand of
    shelling its border villages", "condemned the shelling of Armenian villages"): the act is
    alleged, and the protest's stretch reaches back to its agent."""
    return [
        hit
        for hit in hits
        if not lex.matches("protested_after", text[hit.end : hit.end + _PARTNER_REACH])
        and not lex.matches("alleged_before", text[max(0, hit.start - _PARTNER_REACH) : hit.start])
    ]


def without_demanded(lang: str, hits: list[Hit]) -> list[Hit]:
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
        if (
            neighbour
            and hit.trigger.kind != "demand"
            and neighbour.trigger.kind == "demand"
            and gap <= reach
            and not named_by_year(hit)
        ):
            continue
        kept.append(hit)
    return kept


def scopes(lex: LanguageLexicon, text: str, hits: list[Hit]) -> list[Scope]:
    """Each trigger with its stretch of the sentence. A stretch starts after the trigger before
    it, unless that one only frames this one ("रुबियो और जयशंकर ने ... बैठक के दौरान मुलाकात की
    थी": the pair before the frame met) or is a past act named by its year inside this one's
    object ("पाकिस्तान ने भारत से 2003 के संघर्षविराम समझौते का सम्मान करने का आग्रह किया"), and
    ends where the next trigger starts."""
    found: list[Scope] = []
    for i, hit in enumerate(hits):
        inside = i and (found[-1].frame or named_by_year(hits[i - 1]))
        lo = 0 if not i else found[-1].lo if inside else hits[i - 1].end
        hi = hits[i + 1].start if i + 1 < len(hits) else len(text)
        found.append(Scope(hit, lo, hi, _frames_another_event(lex, text, hit, lo)))
    return found


def _frames_another_event(lex: LanguageLexicon, text: str, hit: Hit, lo: int) -> bool:
    """ "during the visit", "यात्रा के दौरान": the trigger frames another event of the sentence."""
    around = text[max(lo, hit.start - 25) : hit.start] if lex.lang == "en" else text[hit.end : hit.end + 15]
    return lex.matches("back_reference", around)


_PURPOSE_REACH = 40  # how far from a meeting its "for the ...", "के लिए" stands


def purpose_of_visit(lex: LanguageLexicon, text: str, scope: Scope) -> bool:
    """A meeting named as what a trip is for ("visits Brazil for talks", "for the annual
    summit", "शिखर सम्मेलन के लिए ... यात्रा") is the trip's purpose, not an act of its own."""
    hit = scope.hit
    if lex.lang == "hi":
        return lex.matches("purpose_after", text[hit.end : hit.end + _PURPOSE_REACH])
    # from the clause's start, not the scope's: "for summit talks" is one purpose of two triggers
    before = lex.clause_break.split(text[max(0, hit.start - _PURPOSE_REACH) : hit.start])[-1]
    return lex.matches("purpose_before", before)


_SPEAKER_REACH = 80  # how far before a statement verb its speaker stands
_PARTNER_REACH = 80  # how far after "talks" their "between A and B" stands


_WELCOMED_REACH = 30  # how far before "स्वागत किया" the thing welcomed ("बयान का") stands
_TAG_REACH = 30  # how long a bracketed agency tag may be ("(वार्ता/भाषा)", "(भाषा , वार्ता)")


def _agency_tag(lex: LanguageLexicon, text: str, hit: Hit) -> bool:
    """Whether the trigger stands in a bracket of news agencies' names only."""
    opening = text.rfind("(", max(0, hit.start - _TAG_REACH), hit.start)
    closing = text.find(")", hit.end, hit.end + _TAG_REACH)
    if opening < 0 or closing < 0 or ")" in text[opening : hit.start] or "(" in text[hit.end : closing]:
        return False
    return lex.matches("agency_tag", text[opening : closing + 1])


def blocked(lex: LanguageLexicon, kinds: KindGroups, text: str, scope: Scope) -> bool:
    """Negated, hypothetical or habitual statements ("meet every year") yield no event."""
    hit, lo, hi = scope.hit, scope.lo, scope.hi
    # English: only the trigger's own clause, so "accused India ..., an allegation New Delhi has
    # repeatedly rejected" is still an accusation
    habitual_scope = window.after(text, lo, hi) if lex.lang == "hi" else own_clause(lex, text, scope)
    if lex.matches("habitual", habitual_scope):
        return True
    if lex.matches("state_not_event", hit.text):
        return True  # "strained relations": a background state, not an event (codebook §3)
    if hit.trigger.kind in kinds.talk_about_talks and (
        lex.matches("talks_about_before", text[max(lo, hit.start - 50) : hit.start])
        or lex.matches("talks_about_after", text[hit.end : hit.end + 50])
        # "a proposal to include the EU, the United States and the UN in the negotiations"
        or lex.matches("talks_about_far_before", text[max(lo, hit.start - 150) : hit.start])
    ):
        # "urged China to resume stalled talks", "six-party talks", "ये बातचीत कई महीनों से लटकी
        # हुई है", "बातचीत की संभावना पैदा होने": talk about talks
        return True
    if (
        lex.lang == "en"
        and hit.trigger.kind in kinds.non_state_partner
        and lex.matches("non_state_partner_after", text[hit.end : hit.end + _PARTNER_REACH])
    ):
        # "talks between Khartoum and Darfur rebels", "troops clash with Ivory Coast protesters":
        # one side is no state (codebook §4)
        return True
    if lex.matches("speculative_sentence", text[: hit.start]):
        return True  # "उम्मीद की जा रही है कि ... हस्ताक्षर हो जाएगा": hoped for, not announced
    if lex.matches("against_before", text[max(0, hit.start - 80) : hit.start]):
        return True  # "warned Singapore officials against visiting Taiwan": what is warned of
    if lex.matches("invitation_before", text[max(0, hit.start - 80) : hit.start]):
        return True  # "invited the Greek premier for a return visit": the invitation (036) is the event
    if lex.matches("back_reference_before", text[max(lo, hit.start - 8) : hit.start]):
        return True  # "इस शिखर सम्मेलन के लिए", "इस यात्रा", "such a meeting": one already reported
    if _agency_tag(lex, text, hit):
        return True  # "बीजिंग 15 नवंबर (वार्ता)", "(भाषा , वार्ता)": UNI's Hindi service, no talks
    if lex.matches("press_before", text[max(lo, hit.start - _PARTNER_REACH) : hit.start]):
        return True  # "प्रेस वार्ता", "news conference": a spokesman meets reporters, not a partner
    if hit.trigger.kind in kinds.things_welcomed and lex.matches(
        "welcomed_thing_before", text[max(lo, hit.start - _WELCOMED_REACH) : hit.start]
    ):
        return True  # "ओबामा के उस बयान का स्वागत किया": a statement welcomed, no guest hosted
    if hit.trigger.kind in kinds.group_banned and lex.matches(
        "non_state_target_before", text[max(lo, hit.start - _SPEAKER_REACH) : hit.start]
    ):
        return True  # "अमेरिका ने भी लश्कर पर प्रतिबंध लगा रखा है": a ban on a group, no state sanctioned
    if hit.trigger.kind in kinds.meeting and lex.matches(
        "received_thing_before", text[max(lo, hit.start - _PARTNER_REACH) : hit.start]
    ):
        return True  # "युद्धग्रस्त देश को ... डॉलर मिलेंगे": money got, no one met
    if hit.trigger.kind in kinds.meeting and lex.matches(
        "written_discussion_before", text[max(lo, hit.start - _SPEAKER_REACH) : hit.start]
    ):
        return True  # "रिपोर्ट में दोनों देशों के बीच रक्षा सहयोग की चर्चा की गई है": a report discusses it
    if hit.trigger.kind in kinds.meeting and (
        lex.matches("domestic_body_before", text[max(lo, hit.start - _PARTNER_REACH) : hit.start])
        or lex.matches("domestic_body_after", text[hit.end : hit.end + _PARTNER_REACH])
    ):
        return True  # "security Cabinet meeting", "कैबिनेट बैठक": a government meets itself
    if lex.lang == "hi":
        # Verb-final: the negation closes the trigger's clause ("बातचीत का कोई कार्यक्रम तय नहीं था").
        clause_after = lex.clause_break.split(text[hit.end : min(hi, hit.end + _HINDI_CLAUSE_CHARS)])[0]
        return (
            lex.matches("negation", clause_after)
            or lex.matches("speculative_after", clause_after)  # "हस्ताक्षर करने की संभावना है"
            or lex.matches("hypothetical", window.before(text, lo, hit.start))
        )
    before = lex.clause_break.split(text[max(lo, hit.start - 30) : hit.start])[-1]
    after = lex.clause_break.split(text[hit.end : hi])[0]
    return (
        lex.matches("negation", before)
        or lex.matches("hypothetical", window.before(text, lo, hit.start))
        or lex.matches("speculative_after", after)  # "a visit by Modi to Pakistan was unlikely"
    )


def own_clause_bounds(lex: LanguageLexicon, text: str, scope: Scope) -> tuple[int, int]:
    """Start and end of the English clause around a trigger, within its stretch.
    (A negation negates its own clause: 'showed it was "not interested in peace" and demanded'.)"""
    before = lex.clause_break.split(window.before(text, scope.lo, scope.hit.start))[-1]
    after = lex.clause_break.split(window.after(text, scope.hit.end, scope.hi), maxsplit=1)[0]
    return scope.hit.start - len(before), scope.hit.end + len(after)


def own_clause(lex: LanguageLexicon, text: str, scope: Scope) -> str:
    """The English clause around a trigger, within its stretch of the sentence."""
    start, end = own_clause_bounds(lex, text, scope)
    return text[start:end]


def said_by_non_state(lex: LanguageLexicon, text: str, scope: Scope) -> bool:
    """A statement whose speaker, right before the verb, is no state ("kidnappers threatened to
    ...", "Rebel leaders from Sudan called on Nigeria", "the UN Security Council condemned"), or
    that it addresses to no state ("urged its citizens not to travel to Japan"): the codebook
    makes no state pair of it, whatever countries the sentence names."""
    before = lex.clause_break.split(text[max(scope.lo, scope.hit.start - _SPEAKER_REACH) : scope.hit.start])[-1]
    # "चीन ने अपने नागरिकों से जापान की यात्रा न करने का आग्रह किया", "urged its citizens not to
    # travel": addressed to its own people (in Hindi before the verb, maybe before another trigger)
    addressee = (
        lex.clause_break.split(text[max(0, scope.hit.start - _SPEAKER_REACH) : scope.hit.start])[-1]
        if lex.lang == "hi"
        else text[scope.hit.end : scope.hit.end + _SPEAKER_REACH]
    )
    return lex.matches("non_state_subject_before", before) or lex.matches("non_state_addressee", addressee)
