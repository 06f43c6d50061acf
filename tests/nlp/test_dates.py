"""Date expressions in Hindi and English resolved against the publication date."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from engagement.nlp.dates import DateMention, find_dates

SHARED = Path(
    os.environ.get("ENGAGEMENT_SHARED_DIR", Path(__file__).resolve().parents[2] / ".." / "shared")
)
SEED = SHARED / "seeds" / "000_2134693827e85ec0.txt"
MONDAY = date(2025, 11, 17)  # the seed article's publication day
WEDNESDAY = date(2025, 11, 19)


def only(text: str, lang: str, published: date = MONDAY) -> DateMention:
    mentions = find_dates(text, lang, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


def resolved(mention: DateMention) -> tuple:
    return mention.text, mention.value, mention.precision, mention.value_end, mention.relative


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")
def test_seed_article_dates():
    text = SEED.read_text(encoding="utf-8")
    mentions = find_dates(text, "hi", MONDAY)
    got = [(text[m.start : m.end], m.value, m.precision, m.value_end) for m in mentions]
    assert got == [
        ("आज", "2025-11-17", "day", None),
        ("दिसंबर", "2025-12", "month", None),  # "दिसंबर में"
        ("18 नवंबर", "2025-11-18", "day", None),
        ("दिसंबर की शुरुआत", "2025-12", "month", None),
        ("2021", "2021", "year", None),  # "2021 में"; not 23वें, 26वें, जी20, G7
        ("आज", "2025-11-17", "day", None),
        ("19-21 अगस्त", "2025-08-19", "day", "2025-08-21"),
        ("21 अगस्त", "2025-08-21", "day", None),
    ]
    texts = {m.text for m in mentions}
    for gold in ("आज", "दिसंबर में", "18 नवंबर", "दिसंबर की शुरुआत", "2021", "19-21 अगस्त", "21 अगस्त"):
        assert any(gold.startswith(found) for found in texts), gold


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("18 नवंबर 2025 को", MONDAY, ("18 नवंबर 2025", "2025-11-18", "day", None, False)),
        ("बैठक नवंबर 18 को", MONDAY, ("नवंबर 18", "2025-11-18", "day", None, False)),
        ("१८ नवम्बर को", MONDAY, ("१८ नवम्बर", "2025-11-18", "day", None, False)),
        ("19 से 21 अगस्त तक", MONDAY, ("19 से 21 अगस्त", "2025-08-19", "day", "2025-08-21", False)),
        (
            "30 नवंबर से 2 दिसंबर",
            MONDAY,
            ("30 नवंबर से 2 दिसंबर", "2025-11-30", "day", "2025-12-02", False),
        ),
        ("21 अगस्त को", MONDAY, ("21 अगस्त", "2025-08-21", "day", None, False)),
        ("वे 2021 में आए", MONDAY, ("2021", "2021", "year", None, False)),
        ("दिसंबर 2025 में", MONDAY, ("दिसंबर 2025", "2025-12", "month", None, False)),
        ("जनवरी में", MONDAY, ("जनवरी", "2026-01", "month", None, False)),
        ("फ़रवरी में", MONDAY, ("फ़रवरी", "2026-02", "month", None, False)),
        ("फरवरी में", MONDAY, ("फरवरी", "2026-02", "month", None, False)),
        ("सितम्बर में", MONDAY, ("सितम्बर", "2025-09", "month", None, False)),
        ("अक्तूबर में", MONDAY, ("अक्तूबर", "2025-10", "month", None, False)),
        ("दिसंबर के अंत में", MONDAY, ("दिसंबर के अंत", "2025-12", "month", None, False)),
        ("आज बातचीत होगी", MONDAY, ("आज", "2025-11-17", "day", None, True)),
        ("कल बैठक हुई थी।", MONDAY, ("कल", "2025-11-16", "day", None, True)),
        ("मंत्री कल दिल्ली जाएंगे।", MONDAY, ("कल", "2025-11-18", "day", None, True)),
        ("कल बैठक होगी", MONDAY, ("कल", "2025-11-18", "day", None, True)),
        ("परसों चुनाव हुए।", MONDAY, ("परसों", "2025-11-15", "day", None, True)),
        ("सोमवार को बैठक हुई", WEDNESDAY, ("सोमवार", "2025-11-17", "day", None, True)),
        ("शुक्रवार को बैठक होगी", WEDNESDAY, ("शुक्रवार", "2025-11-21", "day", None, True)),
        ("बृहस्पतिवार को कहा", WEDNESDAY, ("बृहस्पतिवार", "2025-11-13", "day", None, True)),
        ("गुरुवार को कहा कि वे जाएंगे", WEDNESDAY, ("गुरुवार", "2025-11-13", "day", None, True)),
        ("पिछले सप्ताह", MONDAY, ("पिछले सप्ताह", "2025-11-10", "day", "2025-11-16", True)),
        ("पिछले हफ्ते", WEDNESDAY, ("पिछले हफ्ते", "2025-11-10", "day", "2025-11-16", True)),
        ("पिछले हफ़्ते", MONDAY, ("पिछले हफ़्ते", "2025-11-10", "day", "2025-11-16", True)),
        ("पिछले महीने", MONDAY, ("पिछले महीने", "2025-10", "month", None, True)),
        ("अगले महीने", MONDAY, ("अगले महीने", "2025-12", "month", None, True)),
        ("इस महीने", MONDAY, ("इस महीने", "2025-11", "month", None, True)),
        ("पिछले साल", MONDAY, ("पिछले साल", "2024", "year", None, True)),
        ("अगले साल", MONDAY, ("अगले साल", "2026", "year", None, True)),
        ("इस साल", MONDAY, ("इस साल", "2025", "year", None, True)),
        ("दो साल पहले", MONDAY, ("दो साल पहले", "2023", "year", None, True)),
        ("3 दिन पहले", MONDAY, ("3 दिन पहले", "2025-11-14", "day", None, True)),
        ("सात मई और", date(2025, 5, 20), ("सात मई", "2025-05-07", "day", None, False)),
        ("पहले चार दिसंबर, 2012 को", MONDAY, ("चार दिसंबर, 2012", "2012-12-04", "day", None, False)),
        ("चुनाव मार्च-अप्रैल तक", MONDAY, ("मार्च-अप्रैल", "2026-03", "month", "2026-04", False)),
        ("अक्तूबर-नवंबर 2025 में", MONDAY, ("अक्तूबर-नवंबर 2025", "2025-10", "month", "2025-11", False)),
        ("वर्ष 2008-09 में", MONDAY, ("2008-09", "2008", "year", "2009", False)),
        # a relative year gives its year to the month or day beside it
        ("पिछले साल जुलाई में मॉस्को गए", MONDAY, ("पिछले साल जुलाई", "2024-07", "month", None, True)),
        ("पिछले साल 8 जुलाई को", MONDAY, ("पिछले साल 8 जुलाई", "2024-07-08", "day", None, True)),
        ("इस साल मार्च में समझौता हुआ", MONDAY, ("इस साल मार्च", "2025-03", "month", None, True)),
        ("अगले वर्ष जनवरी में", MONDAY, ("अगले वर्ष जनवरी", "2026-01", "month", None, True)),
        ("पिछले जुलाई में", MONDAY, ("पिछले जुलाई", "2025-07", "month", None, True)),
        ("कल होने वाली बैठक", MONDAY, ("कल", "2025-11-18", "day", None, True)),  # "to be held"
        # the tense is read past an initial's full stop, and करेंगी is future as करेंगे is
        (
            "वोंग गुरुवार को विदेश मंत्री एस. जयशंकर के साथ वार्ता करेंगी",
            WEDNESDAY,
            ("गुरुवार", "2025-11-20", "day", None, True),
        ),
    ],
)
def test_hindi_forms(text, published, expected):
    assert resolved(only(text, "hi", published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("on November 18 in Moscow", MONDAY, ("November 18", "2025-11-18", "day", None, False)),
        ("on 18 November 2025", MONDAY, ("18 November 2025", "2025-11-18", "day", None, False)),
        ("on Nov. 18, 2025", MONDAY, ("Nov. 18, 2025", "2025-11-18", "day", None, False)),
        ("on Nov. 18 and", MONDAY, ("Nov. 18", "2025-11-18", "day", None, False)),
        ("since Sept 5", MONDAY, ("Sept 5", "2025-09-05", "day", None, False)),
        ("on the 18th of November", MONDAY, ("18th of November", "2025-11-18", "day", None, False)),
        ("August 19-21 talks", MONDAY, ("August 19-21", "2025-08-19", "day", "2025-08-21", False)),
        (
            "from 19 to 21 August",
            MONDAY,
            ("19 to 21 August", "2025-08-19", "day", "2025-08-21", False),
        ),
        ("a visit in December.", MONDAY, ("December", "2025-12", "month", None, False)),
        ("a visit in January", MONDAY, ("January", "2026-01", "month", None, False)),
        ("in December 2025", MONDAY, ("December 2025", "2025-12", "month", None, False)),
        ("on May 5", date(2025, 6, 1), ("May 5", "2025-05-05", "day", None, False)),
        ("in May 2024", MONDAY, ("May 2024", "2024-05", "month", None, False)),
        ("signed 2025-11-18.", MONDAY, ("2025-11-18", "2025-11-18", "day", None, False)),
        ("elected in 2021, he", MONDAY, ("2021", "2021", "year", None, False)),
        ("in early December", MONDAY, ("early December", "2025-12", "month", None, False)),
        ("by mid-December", MONDAY, ("mid-December", "2025-12", "month", None, False)),
        (
            "by the end of December",
            MONDAY,
            ("the end of December", "2025-12", "month", None, False),
        ),
        ("Talks were held today", MONDAY, ("today", "2025-11-17", "day", None, True)),
        ("Yesterday he said", MONDAY, ("Yesterday", "2025-11-16", "day", None, True)),
        ("They meet tomorrow", MONDAY, ("tomorrow", "2025-11-18", "day", None, True)),
        ("He arrived on Monday", MONDAY, ("Monday", "2025-11-17", "day", None, True)),
        ("He arrived on Monday", WEDNESDAY, ("Monday", "2025-11-17", "day", None, True)),
        ("They will meet on Friday", WEDNESDAY, ("Friday", "2025-11-21", "day", None, True)),
        (
            "Officials said Friday that they will meet",
            WEDNESDAY,
            ("Friday", "2025-11-14", "day", None, True),
        ),
        (
            "Talks collapsed last week",
            WEDNESDAY,
            ("last week", "2025-11-10", "day", "2025-11-16", True),
        ),
        ("Last month", MONDAY, ("Last month", "2025-10", "month", None, True)),
        ("next month", MONDAY, ("next month", "2025-12", "month", None, True)),
        ("this month", MONDAY, ("this month", "2025-11", "month", None, True)),
        ("last year", MONDAY, ("last year", "2024", "year", None, True)),
        ("next year", MONDAY, ("next year", "2026", "year", None, True)),
        ("earlier this year", MONDAY, ("earlier this year", "2025", "year", None, True)),
        ("two days ago", MONDAY, ("two days ago", "2025-11-15", "day", None, True)),
        ("next Monday", MONDAY, ("next Monday", "2025-11-24", "day", None, True)),
        (
            "Powell will visit Tokyo for talks, officials said on Sunday.",
            WEDNESDAY,
            ("Sunday", "2025-11-16", "day", None, True),
        ),
        ("arrives next weekend", MONDAY, ("next weekend", "2025-11-29", "day", "2025-11-30", True)),
        ("clashes last weekend", MONDAY, ("last weekend", "2025-11-15", "day", "2025-11-16", True)),
        ("from 2019-2021 he", MONDAY, ("2019-2021", "2019", "year", "2021", False)),
        ("visited Moscow last July.", MONDAY, ("last July", "2025-07", "month", None, True)),
        ("met last November", MONDAY, ("last November", "2024-11", "month", None, True)),
        ("will go next January", MONDAY, ("next January", "2026-01", "month", None, True)),
        ("talks in July last year", MONDAY, ("July last year", "2024-07", "month", None, True)),
        ("last year in July", MONDAY, ("last year in July", "2024-07", "month", None, True)),
        ("on July 8 last year", MONDAY, ("July 8 last year", "2024-07-08", "day", None, True)),
    ],
)
def test_english_forms(text, published, expected):
    assert resolved(only(text, "en", published)) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("इस हादसे में 2021 लोगों की मौत हुई", "hi"),
        ("2000 सैनिकों को भेजा गया", "hi"),
        ("23वें शिखर सम्मेलन और 26वें आयोग", "hi"),
        ("G20 और जी20 के भीतर", "hi"),
        ("फोन 011-2301-2021 पर", "hi"),
        ("हेल्पलाइन +91 98765 2021 पर", "hi"),
        ("कीमत ₹2021 है", "hi"),
        ("आज तक चैनल", "hi"),
        ("आजादी के बाद सकल घरेलू उत्पाद कलकत्ता में", "hi"),
        ("आज कल फ़िल्में महंगी हैं", "hi"),
        ("विरोध मार्च को रोकने के लिए", "hi"),
        ("पुलवामा तक मार्च करने की घोषणा", "hi"),
        ("2021वें दिन", "hi"),
        ("He may visit India, and protesters march on.", "en"),
        ("The minister said in May that", "en"),
        ("2021 people were evacuated", "en"),
        ("The G20 and G7 met", "en"),
        ("It cost $2021 and 1,2021 units", "en"),
        ("the 1920s", "en"),
        ("case no. 4521", "en"),
        ("the Sunday Times reported", "en"),
        ("told the Mail on Sunday", "en"),
    ],
)
def test_not_dates(text, lang):
    assert find_dates(text, lang, MONDAY) == []


def test_mentions_are_sorted_and_do_not_overlap():
    text = "On Nov. 18, 2025 and yesterday, not 2021 people; talks since 2019 and last week in early December."
    mentions = find_dates(text, "en", MONDAY)
    assert [m.text for m in mentions] == [
        "Nov. 18, 2025",
        "yesterday",
        "2019",
        "last week",
        "early December",
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))


def test_year_is_inferred_nearest_to_publication():
    assert only("5 जनवरी को", "hi", date(2025, 12, 20)).value == "2026-01-05"
    assert only("5 जनवरी को", "hi", date(2025, 3, 1)).value == "2025-01-05"
    assert only("in November", "en", date(2026, 1, 10)).value == "2025-11"


def test_unsupported_language_yields_nothing():
    assert find_dates("18 novembre 2025", "fr", MONDAY) == []


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_word_lists_name_every_month_and_weekday(lang):
    names = {
        "hi": (
            "जनवरी",
            "फ़रवरी",
            "मार्च",
            "अप्रैल",
            "मई",
            "जून",
            "जुलाई",
            "अगस्त",
            "सितंबर",
            "अक्टूबर",
            "नवंबर",
            "दिसंबर",
        ),
        "en": (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
    }[lang]
    values = [only(f"{name} 2025", lang).value for name in names]
    assert values == [f"2025-{month:02d}" for month in range(1, 13)]
    weekdays = {
        "hi": "सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार रविवार",
        "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    }[lang].split()
    # published on a Sunday: the week's days, Monday first, are the six days before and that day
    assert [only(day, lang, date(2025, 11, 23)).value for day in weekdays] == [
        f"2025-11-{day}" for day in range(17, 24)
    ]


def test_a_written_year_is_not_overridden_by_a_relative_one():
    found = find_dates("पिछले साल जुलाई 2023 में", "hi", MONDAY)
    assert [(m.text, m.value) for m in found] == [("पिछले साल", "2024"), ("जुलाई 2023", "2023-07")]
    found = find_dates("the talks last year. In July they met", "en", MONDAY)
    assert [(m.text, m.value) for m in found] == [("last year", "2024"), ("July", "2025-07")]
