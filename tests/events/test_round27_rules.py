"""Round 27 rules (issue 10): a plan reported beside the talks it came out of is dated as a plan,
not on the talks' day. Every sentence is written for the test."""

from __future__ import annotations

from datetime import date

from engagement.extract import extract_article

from tests.events.event_codes import event_codes

PUBLISHED = date(2025, 3, 6)


def test_an_invitation_made_at_the_talks_is_a_plan_of_its_own_not_the_talks_day():
    text = (
        "Greek Prime Minister Kyriakos Mitsotakis and Turkish President Recep Tayyip Erdogan held talks in Athens on Thursday. "
        "Erdogan praised the talks with Mitsotakis and invited the Greek premier for a return visit."
    )
    events = extract_article(text, "en", PUBLISHED)["events"]
    coded = sorted((e["cameo"], e["status"], e["date"]) for e in events)
    assert coded == [("036", "planned", "2025-03"), ("040", "held", "2025-03-06")]


def test_a_country_repeated_in_brackets_is_read_where_it_is_first_named():
    text = (
        "Lavrov and Kerry also discussed the situation in Northeast Asia in view of the third nuclear "
        "test of the Democratic People's Republic of Korea (DPRK)."
    )
    assert [e[0] for e in event_codes(text, "en", PUBLISHED)] == [("RUS", "USA")]


def test_countries_listed_after_the_situation_in_are_topics():
    text = "Lavrov and Pompeo discussed conflicts in several regions, including the situation in Afghanistan, Libya and Syria."
    assert [e[0] for e in event_codes(text, "en", PUBLISHED)] == [("RUS", "USA")]


def test_an_ambassador_called_back_for_quoted_consultations_is_a_recall_and_no_talks():
    text = "Russia is calling its ambassador to Ukraine back for \"consultations\", the ministry said."
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("RUS", "UKR"), "161", "RUS", "UKR")]


def test_a_protest_lodged_in_quotes_is_a_protest():
    text = "India lodged a \"strong protest\" with Pakistan's top envoy over the killings."
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("IND", "PAK"), "111", "IND", "PAK")]


def test_sanctions_on_a_state_s_entities_are_sanctions_on_the_state():
    text = "The Trump administration has imposed a new set of sanctions on Russian entities and individuals."
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("RUS", "USA"), "163", "USA", "RUS")]
    hindi = "रूस ने पलटवार करते हुए कई अमेरिकी अधिकारियों के खिलाफ पाबंदियां लगा दी हैं।"
    assert [e[:4] for e in event_codes(hindi, "hi", PUBLISHED)] == [(("RUS", "USA"), "163", "RUS", "USA")]


def test_angola_s_president_in_full_is_no_mozambican_minister_of_the_same_first_name():
    text = "President Droupadi Murmu received President Joao Manuel Goncalves Lourenco of Angola at Rashtrapati Bhavan."
    assert [e[0] for e in event_codes(text, "en", PUBLISHED)] == [("AGO", "IND")]
