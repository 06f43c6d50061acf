"""Datelines: the place a report was filed from ("MOSCOW, Dec 4 -", "NAYPYIDAW, Myanmar
(AFP) -", "ISTANBUL, TURKEY | Xinhua |", "नई दिल्ली, 23 दिसंबर (भाषा):") is a venue, never a
party; it is also where the report's "here" ("arrived here", "यहां पहुंचे") is."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from engagement.events.coding.sentence import SentenceContext

# what ends a dateline's place: a dash or colon ("ABUJA -"), a bar ("ISTANBUL, TURKEY | Xinhua |"),
# or an agency tag in brackets before the story ("MEXICO CITY (UrduPoint News / Sputnik - 24th
# January, 2023) Brazilian and ...")
_EN_DATELINE_END = re.compile(
    r"^\s*(?:/\S+)?\s*(?:[-\u2013\u2014:|]|\([^()]{2,80}\)\s*[-\u2013\u2014:]?\s*[A-Z\u201c\"])"
)
_EN_TITLE_DATELINE_END = re.compile(r"^(?:/[A-Z][\w .'-]{2,30}?)?(?:\s*:|\s+[-\u2013\u2014])\s")
# "MANNHEIM, Germany --": the country after a capitalised dateline city
_EN_DATELINE_PLACE = re.compile(r"^\s*[A-Z][A-Z .'/-]{2,},\s*$")
# "NAYPYIDAW, Myanmar (AFP) - Japan and ...": a dateline opening a line below a headline and captions
_EN_LINE_DATELINE_END = re.compile(r"^\s*(?:\([A-Za-z .]{2,20}\))?\s*[-\u2013\u2014]")
_EN_LINE_DATELINE_COUNTRY = re.compile(r"^,\s*[A-Z][A-Za-z .'-]{1,30}?\s*(?:\([A-Za-z .]{2,20}\))?\s*[-\u2013\u2014]")
# The dateline opens the first sentence, or the second after a headline ("Talks Resume.
# KHARTOUM/NAIROBI (Reuters) - ...").
_DATELINE_SENTENCE = 1
# How far after a dateline's place its agency tag may close ("(UrduPoint News / Sputnik - 24th
# January, 2023)")
_DATELINE_TAG_REACH = 100
# A dateline's place stands this near the start of its sentence.
_START_CHARS = 40
# A line that opens with a city and then a colon, bar or dash, a date after a comma, or an agency
# in brackets: "नयी दिल्ली:", "नेपीता, 23 दिसंबर (भाषा):", "Tokyo, Oct 21 :", "जिनीवा (भाषा):";
# in capitals a first word may stand before the city the knowledge base names ("NEW DELHI:").
_LINE_BEFORE_CITY = re.compile(r"(?:^|\n)[^\S\n]*(?:[A-Z]{2,}\s)?$")
_CITY_DATELINE_END = re.compile(r"^\s*(?:\([^()\n]{1,30}\)\s*)?(?:[:|\u2013\u2014-]|,\s*(?:\d|[^\s\d,.]+\.?\s+\d))")
_DATELINE_REACH = 800  # a story's dateline stands above or in its first lines


def is_dateline(ctx: SentenceContext, mention, before: str, after: str) -> bool:
    """Whether an English mention is (part of) the dateline: at the start of the first sentence,
    or of the second after a headline, or opening a line of its own."""
    rel_start, rel_end = mention.start - ctx.offset, mention.end - ctx.offset
    at_the_start = (
        ctx.sent.idx <= _DATELINE_SENTENCE
        and rel_start < _START_CHARS
        and (
            _is_dateline_place(mention.text, ctx.text[rel_end : rel_end + _DATELINE_TAG_REACH])
            or bool(_EN_DATELINE_PLACE.match(before))
            or bool(ctx.lex.dated_dateline.match(after))
        )
    )
    return at_the_start or _opens_a_dateline_line(mention.text, before, after)


def _opens_a_dateline_line(written: str, before: str, after: str) -> bool:
    """ "NAYPYIDAW, Myanmar (AFP) - ...", "BEIRUT (AP) — ...": a city in capitals (its country) and a dash open a line,
    wherever the line stands (pages put headlines and photo captions above it); both are places."""
    line_start = before.rsplit("\n", 1)[-1]
    if not line_start.strip() and written.isupper() and len(written) > 3:
        # "NAYPYIDAW, Myanmar (AFP) -", and below a byline "BEIRUT (AP) — The Syrian army says ..."
        return bool(_EN_LINE_DATELINE_COUNTRY.match(after) or _EN_DATELINE_END.match(after))
    return bool(_EN_DATELINE_PLACE.match(line_start)) and bool(_EN_LINE_DATELINE_END.match(after))


def _is_dateline_place(written: str, after: str) -> bool:
    """ "ABUJA - Peace talks ...", "KHARTOUM/NAIROBI - ...": the place a report was filed from; in
    title case before a colon or a spaced dash ("Kinshasa/Cairo: Egypt's foreign ministry said ...",
    "Ouagadougou - Rwanda's threat ..."), as South Asian, Arab and wire outlets write it."""
    if written.isupper() and len(written) > 3:
        return bool(_EN_DATELINE_END.match(after))
    return written[:1].isupper() and bool(_EN_TITLE_DATELINE_END.match(after))


def dateline_place(text: str, mentions):
    """The mention of the city a report was filed from: the first line that opens with a city and
    a dateline's end; None when no line does (a headline's place is no dateline: "गलवान घाटी:
    ..." names a valley, not a city)."""
    for m in mentions:
        if m.start > _DATELINE_REACH:
            break
        if m.label == "PLACE" and m.country and _LINE_BEFORE_CITY.search(text, max(0, m.start - 12), m.start):
            if _CITY_DATELINE_END.match(text[m.end : m.end + 60]):
                return m
    return None
