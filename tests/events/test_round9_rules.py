"""Round 9 rules (issue 10), from the tuning part of the 50 further news pages: force that
lands on another state's territory, military hardware standing for its state, diplomats
ordered out, invitations for a visit, envoys recalled "for consultations", summons of an
"Acting High Commissioner". Every sentence is written for the test."""

from __future__ import annotations

import pytest

from tests.events.test_coder import events as coded


def _summary(text: str, lang: str = "en") -> list[tuple]:
    return [(e["actors"], e["cameo"], e["source"], e["target"], e["status"]) for e in coded(text, lang, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Turkish jets carried out air strikes in Syria on Sunday.",
        "Turkish forces carried out drone strikes on militant hideouts in Syria.",
        "Turkish warplanes struck targets in Syria overnight.",
    ],
)
def test_force_that_lands_in_another_state_is_aimed_at_it(text):
    ((actors, cameo, source, target, status),) = _summary(text)
    assert (actors, cameo[:2], source, target, status) == (["SYR", "TUR"], "19", "TUR", "SYR", "held")


def test_a_strike_inside_the_own_country_makes_no_pair():
    assert _summary("Turkish jets carried out air strikes in the south-east of Turkey.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # diplomats ordered to leave are expelled by the state that orders
        (
            "Norway ordered 15 Russian diplomats to leave the country within a week.",
            (["NOR", "RUS"], "174", "NOR", "RUS", "held"),
        ),
        # an invitation for a visit is an intent to meet, not a visit
        (
            "Putin invited Chinese President Xi Jinping for a state visit.",
            (["CHN", "RUS"], "036", "RUS", "CHN", "planned"),
        ),
        # recalled "for consultations" is a recall and no meeting
        ("Peru recalled its ambassador to Mexico for consultations.", (["MEX", "PER"], "161", "PER", "MEX", "held")),
        # a summons of an "Acting" envoy after a possessive country
        (
            "Bangladesh's foreign ministry summoned Myanmar's Acting Ambassador on Monday.",
            (["BGD", "MMR"], "111", "BGD", "MMR", "held"),
        ),
    ],
)
def test_expulsions_invitations_recalls_and_summons_in_english(text, expected):
    assert _summary(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Pakistan's air force carried out an air strike in Paktika province": a province of Afghanistan
        ("पाकिस्तानी वायुसेना ने रविवार को पक्तिका प्रांत में एयरस्ट्राइक कर दी।", (["AFG", "PAK"], "195", "PAK", "AFG", "held")),
        # "Norway ordered 15 Russian diplomats to leave the country"
        ("नॉर्वे ने 15 रूसी राजनयिकों को देश छोड़कर जाने का आदेश दिया।", (["NOR", "RUS"], "174", "NOR", "RUS", "held")),
        # "Japan also announced 20 billion rupees for Sri Lanka"
        ("जापान ने श्रीलंका को 20 अरब रुपये देने की भी घोषणा की।", (["JPN", "LKA"], "033", "JPN", "LKA", "held")),
        # "India and Japan decided to continue discussions on the Indo-Pacific"
        ("भारत और जापान ने हिंद-प्रशांत पर चर्चा जारी रखने का फैसला किया।", (["IND", "JPN"], "036", None, None, "planned")),
    ],
)
def test_hindi_strikes_expulsions_aid_and_talks_to_continue(text, expected):
    assert _summary(text, "hi") == [expected]


def test_a_strike_on_a_province_of_the_own_country_makes_no_pair():
    # "Pakistan's army carried out an air strike in Waziristan"
    assert _summary("पाकिस्तानी सेना ने वजीरिस्तान में एयरस्ट्राइक की।", "hi") == []


@pytest.mark.parametrize(
    "text",
    [
        # "India and Nepal are likely to sign several agreements after the talks on Thursday"
        "गुरुवार को वार्ता के बाद भारत और नेपाल के कई समझौतों पर हस्ताक्षर करने की संभावना है।",
        # "It is hoped that the nuclear deal between India and Japan will be signed on this visit"
        "उम्मीद की जा रही है कि इस यात्रा में भारत और जापान के बीच परमाणु करार पर हस्ताक्षर हो जाएगा।",
    ],
)
def test_hindi_speculation_is_no_event(text):
    assert _summary(text, "hi") == []


def test_a_hindi_visit_whose_guest_has_just_arrived_is_going_on():
    # "President Mukherjee has arrived in Bhutan on his two-day tour"
    assert _summary("राष्ट्रपति प्रणब मुखर्जी अपने दो दिवसीय दौरे पर भूटान पहुंच गए हैं।", "hi") == [
        (["BTN", "IND"], "042", "IND", "BTN", "ongoing")
    ]


def test_states_listed_as_the_subject_each_act_on_the_one_target():
    found = _summary("Canada, Australia and New Zealand expelled Iranian diplomats on Monday.")
    assert sorted(found) == [
        (["AUS", "IRN"], "174", "AUS", "IRN", "held"),
        (["CAN", "IRN"], "174", "CAN", "IRN", "held"),
        (["IRN", "NZL"], "174", "NZL", "IRN", "held"),
    ]
    # "The US, Britain and France condemned Russia"
    assert sorted(_summary("अमेरिका, ब्रिटेन और फ्रांस ने रूस की निंदा की।", "hi")) == [
        (["FRA", "RUS"], "111", "FRA", "RUS", "held"),
        (["GBR", "RUS"], "111", "GBR", "RUS", "held"),
        (["RUS", "USA"], "111", "USA", "RUS", "held"),
    ]
    # two states signing together act on nobody: one agreement between them
    assert _summary("India and Japan signed five agreements.") == [(["IND", "JPN"], "057", None, None, "held")]


def test_south_american_neighbours_are_not_the_united_states():
    text = "Peru and Chile restored full diplomatic relations, the two South American neighbours said."
    assert _summary(text) == [(["CHL", "PER"], "050", None, None, "held")]


def test_a_headline_protest_and_the_summons_in_the_body_are_one_undated_event():
    text = (
        "Vietnam protests to China over island drills\n"
        "Vietnam has summoned the Chinese ambassador in Hanoi to protest the military drills near the islands."
    )
    found = coded(text, "en", None)
    assert [(e["actors"], e["root"], e["source"], e["mentions"]) for e in found] == [(["CHN", "VNM"], "11", "VNM", 2)]


def test_a_month_named_march_is_no_protest_march_and_a_postponed_tour_is_each_visit_called_off():
    text = "Indian Foreign Minister Sushma Swaraj has postponed her March 28-31 visit to Tanzania and Kenya."
    assert sorted((e["actors"], e["cameo"], e["status"]) for e in coded(text, "en", None)) == [
        (["IND", "KEN"], "042", "cancelled"),
        (["IND", "TZA"], "042", "cancelled"),
    ]


def test_telephonic_calls_are_phone_calls():
    assert _summary("Modi held a telephonic conversation with Japanese Prime Minister Shinzo Abe.") == [
        (["IND", "JPN"], "041", "IND", "JPN", "held")
    ]


def test_two_states_signing_with_a_third_are_no_list_of_agents():
    text = "Jordan and Israel signed a trade accord with the United States on Sunday."
    assert not any(e["source"] for e in coded(text, "en", None) if e["cameo"] == "057")


def test_a_threat_to_launch_strikes_is_no_strike():
    text = "Rwanda's threat to launch military strikes in Congo worried diplomats."
    assert not any(e["root"] == "19" for e in coded(text, "en", None))


def test_bilateral_meetings_with_counterparts_from_several_countries_are_one_each():
    text = "The Indian Prime Minister held bilateral meetings with his counterparts from China, Vietnam and Australia."
    assert sorted(_summary(text)) == [
        (["AUS", "IND"], "040", "IND", "AUS", "held"),
        (["CHN", "IND"], "040", "IND", "CHN", "held"),
        (["IND", "VNM"], "040", "IND", "VNM", "held"),
    ]


def test_bilateral_meetings_held_besides_a_summit_take_the_subject_of_the_sentence():
    """The meetings' clause ("besides holding ...") lies outside the subject's: the person before
    it still met each counterpart."""
    text = (
        "Manmohan Singh left for home after attending the East Asia Summit, besides holding bilateral"
        " meetings with his counterparts from China, Vietnam and Australia."
    )
    assert sorted(pair for pair, *_ in _summary(text)) == [["AUS", "IND"], ["CHN", "IND"], ["IND", "VNM"]]


@pytest.mark.parametrize(
    "text",
    [
        "India and China hold regular meetings with each other.",
        "The Indian and Chinese foreign ministers meet regularly.",
    ],
)
def test_meetings_held_as_a_habit_are_no_event(text):
    assert _summary(text) == []


def test_a_dateline_country_in_brackets_is_the_place_of_filing():
    """ANI's "New York [US], September 24 (ANI):" names where the story was filed, not a party."""
    text = (
        "New York [US], September 24 (ANI): External Affairs Minister S Jaishankar held bilateral meetings"
        " with his counterparts from Russia and Cyprus on Friday."
    )
    assert sorted(pair for pair, *_ in _summary(text)) == [["CYP", "IND"], ["IND", "RUS"]]


def test_a_hindi_call_by_the_security_council_makes_no_state_pair():
    """The Council is no state: its appeal to Pakistan about India is no IND-PAK demand."""
    text = "संयुक्त राष्ट्र सुरक्षा परिषद ने पाकिस्तान से भारत पर हमले रोकने का आग्रह किया।"
    assert _summary(text, "hi") == []
    assert [cameo for _, cameo, *_ in _summary(text.replace("संयुक्त राष्ट्र सुरक्षा परिषद", "अमेरिका"), "hi")] == ["100"]
