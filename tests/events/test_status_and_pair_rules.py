"""Status cues for visits and meetings in progress, pledges as held statements, and roles
"of the two countries" that stand for the story's pair (issue 10; sentences written for the
test)."""

from __future__ import annotations

import pytest

from tests.events.test_coder import events as coded


def _summary(text: str, lang: str) -> list[tuple]:
    return [(e["actors"], e["cameo"], e["status"]) for e in coded(text, lang, None)]


@pytest.mark.parametrize(
    ("text", "pair", "cameo"),
    [
        # "who went on a China tour" (attributive participle): the visit is going on
        ("चीन दौरे पर गई भारत की विदेश मंत्री सुषमा स्वराज ने आज चीनी विदेश मंत्री वांग यी से मुलाकात की।", ["CHN", "IND"], "042"),
        # "on the first day of his three-day state visit"
        (
            "राष्ट्रपति रामनाथ कोविंद ने अपनी तीन दिवसीय राजकीय यात्रा के प्रथम दिन बुधवार को बांग्लादेश के राष्ट्रपति "
            "अब्दुल हामिद के साथ वार्ता की।",
            ["BGD", "IND"],
            "042",
        ),
        # "the meeting has begun this morning"
        ("भारत और चीन के बीच कोर कमांडर स्तर की बैठक आज सुबह शुरू हो चुकी है।", ["CHN", "IND"], "040"),
    ],
)
def test_hindi_visits_and_meetings_in_progress_are_ongoing(text, pair, cameo):
    assert _summary(text, "hi") == [(pair, cameo, "ongoing")]


def test_agreeing_to_start_talks_is_not_talks_in_progress():
    assert all(
        status != "ongoing" for *_, status in _summary("भारत और चीन ने सीमा पर बातचीत शुरू करने पर सहमति जताई।", "hi")
    )


@pytest.mark.parametrize(
    "text",
    [
        "After the talks, a senior Chinese official said that China will provide Pakistan with economic aid.",
        "Japan pledged to provide Sri Lanka with emergency aid.",
    ],
)
def test_a_pledge_is_held_when_it_is_made(text):
    ((pair, cameo, status),) = _summary(text, "en")
    assert (cameo[:2], status) == ("03", "held")


def test_the_foreign_secretaries_of_the_two_countries_are_the_pairs_not_britains():
    text = (
        "India and Pakistan held talks in Islamabad on Wednesday. The talks were preceded by a meeting "
        "between the Foreign Secretaries of the two countries."
    )
    assert {tuple(actors) for actors, *_ in _summary(text, "en")} == {("IND", "PAK")}


def test_a_ministry_name_several_countries_use_belongs_to_the_country_named_before_it():
    found = coded("The Pakistan Foreign Office summoned the Indian High Commissioner on Monday.", "en", None)
    assert [(e["actors"], e["cameo"][:2], e["source"]) for e in found] == [(["IND", "PAK"], "11", "PAK")]


def test_a_leader_set_for_talks_is_a_plan():
    assert _summary("Pakistani Prime Minister set for talks with Indian Prime Minister Manmohan Singh.", "en") == [
        (["IND", "PAK"], "040", "planned")
    ]


def test_a_dateline_after_the_headline_is_a_venue():
    text = (
        "U.S. Says North Korea Stalling on Talks. TOKYO (Reuters) - The United States accused North Korea "
        "on Tuesday of stalling."
    )
    found = [(e["actors"], e["cameo"][:2]) for e in coded(text, "en", None)]
    assert (["PRK", "USA"], "11") in found
    assert not any("JPN" in actors for actors, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "China sets terms for Taiwan talks.",
        "Pyongyang is reconsidering its role in talks with Washington.",
        "Washington pressed Beijing to accept a Taiwan offer of talks.",
        "Egypt said it was the last chance to restart negotiations with Ethiopia.",
        "Egypt said the position showed Ethiopia's lack of political will to negotiate.",
    ],
)
def test_talks_named_as_the_object_of_another_statement_are_not_talks_held(text):
    assert not any(cameo.startswith("04") for _, cameo, _ in _summary(text, "en"))


@pytest.mark.parametrize(
    "text",
    [
        "Russian President Vladimir Putin is making a two-day official visit to Turkey.",
        "South Korea's President Roh Moo-hyun started an official visit to Brazil.",
    ],
)
def test_a_visit_being_made_or_just_begun_is_ongoing(text):
    ((_, cameo, status),) = _summary(text, "en")
    assert (cameo, status) == ("042", "ongoing")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The kidnappers of a British aid worker threatened to kill her if the British government does not "
            "pull its troops from Iraq.",
            "en",
        ),
        ("The UN Security Council condemned military actions by Rwanda in the Democratic Republic of Congo.", "en"),
        ("विद्रोहियों ने नाइजीरिया से सूडान में शांति वार्ता शुरू कराने की मांग की।", "hi"),
    ],
)
def test_a_statement_by_no_state_makes_no_pair(text, lang):
    assert coded(text, lang, None) == []


def test_a_hindi_call_not_to_travel_is_no_visit():
    assert coded("चीन ने अपने नागरिकों से जापान की यात्रा न करने का आग्रह किया है।", "hi", None) == []


def test_a_hindi_dateline_with_a_colon_is_a_venue():
    text = "नई दिल्ली: ईरान के हमले के एक दिन बाद पाकिस्तान ने बुधवार को ईरान से अपने राजदूत को वापस बुला लिया।"
    assert [(e["actors"], e["cameo"][:2]) for e in coded(text, "hi", None)] == [(["IRN", "PAK"], "16")]


def test_arriving_at_a_ministry_is_no_visit():
    text = "मालदीव के उच्चायुक्त इब्राहिम साहिब भारतीय विदेश मंत्रालय पहुंचे हैं।"
    assert not any(e["cameo"] == "042" for e in coded(text, "hi", None))


def test_a_country_named_as_the_subject_of_talks_is_no_party():
    text = "Japan and the United States will hold talks on the impasse over North Korea's nuclear programme next week."
    assert [(e["actors"], e["cameo"][:2]) for e in coded(text, "en", None)] == [(["JPN", "USA"], "04")]


def test_a_tour_of_several_countries_is_a_visit_to_each():
    text = "US Secretary of State Colin Powell will visit Japan, China and South Korea next week."
    assert sorted((e["actors"], e["cameo"], e["source"], e["status"]) for e in coded(text, "en", None)) == [
        (["CHN", "USA"], "042", "USA", "planned"),
        (["JPN", "USA"], "042", "USA", "planned"),
        (["KOR", "USA"], "042", "USA", "planned"),
    ]


def test_a_single_destination_stays_one_visit():
    text = "Indian External Affairs Minister S. Jaishankar will visit Russia next week to discuss trade with Belarus."
    assert [(e["actors"], e["cameo"]) for e in coded(text, "en", None) if e["cameo"] == "042"] == [
        (["IND", "RUS"], "042")
    ]


def test_a_hindi_tour_of_two_countries_keeps_its_traveller():
    text = "प्रधानमंत्री नरेंद्र मोदी अगले सप्ताह जापान और चीन की यात्रा करेंगे।"
    assert sorted((e["actors"], e["source"], e["status"]) for e in coded(text, "hi", None)) == [
        (["CHN", "IND"], "IND", "planned"),
        (["IND", "JPN"], "IND", "planned"),
    ]


def test_strained_relations_are_a_state_not_an_event():
    assert (
        coded("The islands have a long history of causing strained relations between China and Japan.", "en", None)
        == []
    )


def test_a_visitor_who_has_arrived_is_on_an_ongoing_visit():
    text = "Pakistani President Pervez Musharraf has arrived in Britain for a visit which will include talks."
    assert ("042", "ongoing") in [(cameo, status) for _, cameo, status in _summary(text, "en")]
