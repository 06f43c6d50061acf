"""The counting rules of ../shared/docs/CODEBOOK.md on realistic sentences we wrote.

Each test names the codebook section it holds the coder to.
"""

from __future__ import annotations

from datetime import date

import pytest
from engagement.extract import extract_article

MONDAY_17 = date(2025, 11, 17)


def events(text: str, lang: str, published: date = MONDAY_17) -> list[dict]:
    return extract_article(text, lang, published)["events"]


def summary(found: list[dict]) -> set[tuple]:
    return {(tuple(e["actors"]), e["cameo"][:2], e["status"], e["date"]) for e in found}


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        (
            "Jaishankar met his counterparts from Brazil, South Africa and Indonesia on the sidelines"
            " of the G20 meeting in Johannesburg on Saturday.",
            "en",
            "2025-11-15",
        ),
        (
            "विदेश मंत्री जयशंकर ने जी20 बैठक से इतर ब्राज़ील, दक्षिण अफ्रीका और इंडोनेशिया के अपने समकक्षों से सोमवार को मुलाकात की।",
            "hi",
            "2025-11-17",
        ),
    ],
)
def test_meeting_counterparts_of_several_countries_is_one_bilateral_meeting_each(text, lang, day):
    """§4: "met his counterparts from A, B and C" -> home-A, home-B, home-C; no meeting of all."""
    found = events(text, lang)
    assert summary(found) == {
        (("BRA", "IND"), "04", "held", day),
        (("IDN", "IND"), "04", "held", day),
        (("IND", "ZAF"), "04", "held", day),
    }
    assert {(e["source"], e["target"]) for e in found} == {("IND", "BRA"), ("IND", "IDN"), ("IND", "ZAF")}


def test_bilateral_talks_with_the_ministers_of_two_countries_are_two_meetings():
    found = events(
        "External Affairs Minister S. Jaishankar held bilateral talks with the foreign ministers of"
        " Egypt and Saudi Arabia on Monday.",
        "en",
    )
    assert summary(found) == {
        (("EGY", "IND"), "04", "held", "2025-11-17"),
        (("IND", "SAU"), "04", "held", "2025-11-17"),
    }


def test_a_summit_of_three_leaders_stays_one_meeting_without_pairs():
    """§4: a meeting of three or more states together is one meeting with its participants."""
    found = events(
        "Prime Minister Narendra Modi, Russian President Vladimir Putin and Chinese President Xi Jinping"
        " held a trilateral meeting in Kazan on Monday.",
        "en",
    )
    assert [(e["actors"], e["cameo"][:2]) for e in found] == [(["CHN", "IND", "RUS"], "04")]


@pytest.mark.parametrize(
    ("text", "lang", "published", "status"),
    [
        (
            "German Chancellor Friedrich Merz arrived in New Delhi today for a four-day tour.",
            "en",
            MONDAY_17,
            "ongoing",
        ),
        (
            "Sri Lankan Foreign Minister Vijitha Herath arrived in New Delhi on Monday on a two-day visit.",
            "en",
            date(2025, 11, 18),
            "ongoing",
        ),
        (
            "Sri Lankan Foreign Minister Vijitha Herath arrived in New Delhi on Monday on a two-day visit.",
            "en",
            date(2025, 11, 20),
            "held",
        ),
        ("श्रीलंका के विदेश मंत्री विजिता हेराथ दो दिवसीय यात्रा पर सोमवार को नई दिल्ली पहुंचे।", "hi", MONDAY_17, "ongoing"),
        ("Russian Foreign Minister Sergey Lavrov is on a two-day visit to India.", "en", MONDAY_17, "ongoing"),
    ],
)
def test_a_stay_going_on_on_the_publication_day_is_ongoing(text, lang, published, status):
    """§5: "arrived today for a four-day tour" is in progress on the publication day; the same
    words in Thursday's paper about a two-day visit from Monday report a visit held."""
    (visit,) = events(text, lang, published)
    assert (visit["cameo"], visit["status"]) == ("042", status)


def test_a_stay_of_several_days_covers_its_days():
    (visit,) = events(
        "Sri Lankan Foreign Minister Vijitha Herath arrived in New Delhi on Monday on a two-day visit.", "en"
    )
    assert (visit["date"], visit["date_end"], visit["source"], visit["target"]) == (
        "2025-11-17",
        "2025-11-18",
        "LKA",
        "IND",
    )


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "जयशंकर ने 21 अगस्त 2025 को मॉस्को में लावरोव से मुलाकात की। मोदी अगले महीने रूस की यात्रा करेंगे।",
            "hi",
            {("040", "held", "2025-08-21"), ("042", "planned", None)},
        ),
        (
            "Jaishankar met Lavrov in Moscow on Friday and they will meet again on 4 December 2025.",
            "en",
            {("040", "held", None), ("040", "planned", "2025-12-04")},
        ),
    ],
)
def test_without_a_publication_date_only_dates_the_text_anchors_are_given(text, lang, expected):
    """§6: "next month", "on Friday" resolve against a publication date; without one they are
    unknown (null), and the status comes from the verb, never from today's date."""
    found = extract_article(text, lang, None)["events"]
    assert {(e["cameo"], e["status"], e["date"]) for e in found} == expected


def test_background_rounds_dated_elliptically_are_events_of_their_own():
    """§3: "the first round was held in 2015, the second in 2017" -> two events, 2015 and 2017."""
    found = events("The first round of India-Pakistan talks was held in Islamabad in 2015, the second in 2017.", "en")
    assert sorted((e["actors"], e["root"], e["status"], e["date"]) for e in found) == [
        (["IND", "PAK"], "04", "held", "2015"),
        (["IND", "PAK"], "04", "held", "2017"),
    ]


def test_a_past_visit_in_the_background_is_held_at_its_own_date():
    (visit,) = events("Indian President Droupadi Murmu last visited Ghana in March 2012.", "en")
    assert (visit["actors"], visit["cameo"], visit["status"], visit["date"]) == (
        ["GHA", "IND"],
        "042",
        "held",
        "2012-03",
    )


@pytest.mark.parametrize(
    ("text", "lang", "location", "forum"),
    [
        (
            "Iranian Foreign Minister Abbas Araghchi and US envoy Steve Witkoff held talks in Vienna on Monday.",
            "en",
            "AUT",
            None,
        ),
        ("ईरान और अमेरिका के बीच सोमवार को वियना में वार्ता हुई।", "hi", "AUT", None),
        (
            "Jaishankar met Chinese Foreign Minister Wang Yi on the sidelines of the SCO summit in Astana on Monday.",
            "en",
            "KAZ",
            "SCO",
        ),
    ],
)
def test_a_venue_is_never_an_actor(text, lang, location, forum):
    """§4: talks "in Vienna" are between the two states, located in Austria."""
    (talks,) = events(text, lang)
    assert len(talks["actors"]) == 2 and location not in talks["actors"]
    assert (talks["location"], talks["forum"], talks["status"]) == (location, forum, "held")


@pytest.mark.parametrize(
    "text",
    [
        "प्रधानमंत्री मोदी ने सोमवार को जापान के प्रधानमंत्री से मुलाकात की और दोनों देशों ने पांच समझौतों पर हस्ताक्षर किए।",
        "Prime Minister Modi met Japanese Prime Minister Sanae Takaichi on Monday and the two sides signed"
        " five agreements.",
    ],
)
def test_talks_and_agreements_signed_in_one_sentence_are_two_events(text):
    """§2: every distinct kind a sentence reports, each once (agreements signed together: one)."""
    found = events(text, "hi" if "मोदी" in text else "en")
    assert sorted((e["actors"], e["root"]) for e in found) == [(["IND", "JPN"], "04"), (["IND", "JPN"], "05")]


def test_the_same_kind_said_twice_is_one_event():
    """§2: "met ... and held talks" is one meeting."""
    (talks,) = events("Prime Minister Modi met President Putin and held talks on trade on Monday.", "en")
    assert (talks["actors"], talks["root"], talks["mentions"]) == (["IND", "RUS"], "04", 1)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chinese President Xi Jinping and Prime Minister Narendra Modi had met earlier as chief ministers.", "en"),
        ("चीन के राष्ट्रपति शी जिनपिंग और प्रधानमंत्री नरेंद्र मोदी इससे पहले भी मुलाकात कर चुके हैं।", "hi"),
    ],
)
def test_a_background_meeting_nothing_dates_is_held_with_a_null_date(text, lang):
    """§3: "they had met earlier" is an event, held, date null, never the publication day."""
    (meeting,) = events(text, lang)
    assert (meeting["actors"], meeting["root"], meeting["status"], meeting["date"]) == (
        ["CHN", "IND"],
        "04",
        "held",
        None,
    )
