"""Round 17 rules (issue 10): a speaker who reports what two other states did is no party to it,
and agreeing to a ceasefire is an intent to de-escalate (CAMEO 0356, 035 at our three digits),
as PETRARCH-2's verb dictionary codes "AGREE (TO &CEASEFIRE)". Every sentence is written for
the test."""

from __future__ import annotations

import pytest

from tests.events.test_coder import events as coded


def _codes(text: str, lang: str) -> list[tuple]:
    return [(tuple(e["actors"]), e["cameo"]) for e in coded(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "A Chinese Foreign Ministry spokesman said Russia and Ukraine held talks in Istanbul on Monday.",
            "en",
            [(("RUS", "UKR"), "040")],
        ),
        (
            "चीनी विदेश मंत्रालय के प्रवक्ता ने कहा कि रूस और यूक्रेन ने सोमवार को इस्तांबुल में बातचीत की।",
            "hi",
            [(("RUS", "UKR"), "040")],
        ),
        (
            "मलेशियाई प्रधानमंत्री अनवर इब्राहिम ने कहा कि थाईलैंड और कंबोडिया ने युद्धविराम पर सहमति व्यक्त की है।",
            "hi",
            [(("KHM", "THA"), "035")],
        ),
        (
            "The Malaysian Prime Minister said Thailand and Cambodia had agreed to an immediate ceasefire.",
            "en",
            [(("KHM", "THA"), "035")],
        ),
    ],
)
def test_the_speaker_of_a_report_on_two_other_states_is_no_party(text, lang, expected):
    assert _codes(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the reported clause names one state: the speaker is its other side
        ("भारत ने कहा कि पाकिस्तान ने संघर्ष विराम का उल्लंघन किया।", "hi", [(("IND", "PAK"), "196")]),
        # the speaker's own act after the report: the speaker stays a party
        (
            "Prime Minister Modi said he held talks with Japanese Prime Minister Ishiba in Tokyo.",
            "en",
            [(("IND", "JPN"), "040")],
        ),
    ],
)
def test_a_report_naming_one_state_keeps_its_speaker(text, lang, expected):
    assert [(tuple(sorted(actors)), cameo) for actors, cameo in _codes(text, lang)] == [
        (tuple(sorted(actors)), cameo) for actors, cameo in expected
    ]


@pytest.mark.parametrize(
    "text",
    [
        "आर्मेनिया और अज़रबैजान आज से संघर्ष विराम के लिए सहमत हो गए हैं।",
        "अजरबैजान और आर्मेनिया कल युद्धविराम के लिए राजी हुए थे।",
        "आर्मेनिया और अजरबैजान ने संघर्षविराम पर सहमति जताई।",
    ],
)
def test_agreeing_to_a_ceasefire_in_hindi_is_an_intent_to_de_escalate(text):
    assert _codes(text, "hi") == [(("ARM", "AZE"), "035")]


@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        ("अजरबैजान और आर्मेनिया की सेनाओं के बीच हाल के संघर्ष में कई लोग मारे गए थे।", ("ARM", "AZE"), "held"),
        ("थाईलैंड और कंबोडिया के बीच सीमा पर संघर्ष जारी है।", ("KHM", "THA"), "ongoing"),
    ],
)
def test_a_conflict_between_two_states_forces_is_a_clash(text, pair, status):
    assert [(tuple(e["actors"]), e["cameo"], e["status"]) for e in coded(text, "hi")] == [(pair, "190", status)]


def test_a_ceasefire_between_two_states_is_no_clash():
    assert all(e["cameo"][:2] != "19" for e in coded("भारत और पाकिस्तान के बीच संघर्ष विराम पर सहमति बनी।", "hi"))


@pytest.mark.parametrize(
    "text",
    [
        "Colombia's Uribe shot back with an accusation that Venezuela's Chavez wanted to build an empire.",
        "Colombia's foreign minister levelled fresh accusations against Venezuela on Monday.",
    ],
)
def test_an_accusation_as_a_noun_is_an_accusation(text):
    assert _codes(text, "en") == [(("COL", "VEN"), "112")]


def test_a_speaker_may_host_the_gathering_of_several_states_it_reports():
    text = "Libya confirmed that the leaders of Sudan, Egypt, Chad and Nigeria would join Gadhafi for a mini-summit."
    assert {actor for e in coded(text, "en") for actor in e["actors"]} == {"EGY", "LBY", "NGA", "SDN", "TCD"}
