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
        ("जापान दौरे पर गए भारत के विदेश मंत्री एस जयशंकर ने आज जापान के प्रधानमंत्री से मुलाकात की।", ["IND", "JPN"], "042"),
        # "on the first day of his three-day state visit"
        (
            "प्रधानमंत्री नरेंद्र मोदी ने अपनी दो दिवसीय नेपाल यात्रा के पहले दिन सोमवार को नेपाल के प्रधानमंत्री के साथ बातचीत की।",
            ["IND", "NPL"],
            "042",
        ),
        # "the meeting has begun this morning"
        ("भारत और नेपाल के बीच सचिव स्तर की वार्ता आज काठमांडू में शुरू हो गई है।", ["IND", "NPL"], "040"),
    ],
)
def test_hindi_visits_and_meetings_in_progress_are_ongoing(text, pair, cameo):
    # the talks held on the visit's day are an event of their own (codebook §2)
    talks = [(pair, "040", "held")] if cameo == "042" else []
    assert sorted(_summary(text, "hi")) == sorted([*talks, (pair, cameo, "ongoing")])


def test_agreeing_to_start_talks_is_not_talks_in_progress():
    assert all(
        status != "ongoing" for *_, status in _summary("भारत और चीन ने सीमा पर बातचीत शुरू करने पर सहमति जताई।", "hi")
    )


@pytest.mark.parametrize(
    "text",
    [
        "After the meeting, a Japanese official said Japan will provide Sri Lanka with economic aid.",
        "Japan pledged to provide Sri Lanka with emergency aid.",
    ],
)
def test_a_pledge_is_held_when_it_is_made(text):
    ((pair, cameo, status),) = _summary(text, "en")
    assert (cameo[:2], status) == ("03", "held")


def test_the_foreign_secretaries_of_the_two_countries_are_the_pairs_not_britains():
    text = (
        "India and Bangladesh held talks in Dhaka on Monday. A day earlier the Foreign Secretaries of the "
        "two countries had met."
    )
    assert {tuple(actors) for actors, *_ in _summary(text, "en")} == {("BGD", "IND")}


def test_a_ministry_name_several_countries_use_belongs_to_the_country_named_before_it():
    found = coded("The Pakistan Foreign Office summoned the Indian High Commissioner on Monday.", "en", None)
    assert [(e["actors"], e["cameo"][:2], e["source"]) for e in found] == [(["IND", "PAK"], "11", "PAK")]


def test_a_leader_set_for_talks_is_a_plan():
    assert _summary("Pakistani Prime Minister set for talks with Indian Prime Minister Manmohan Singh.", "en") == [
        (["IND", "PAK"], "040", "planned")
    ]


def test_a_dateline_after_the_headline_is_a_venue():
    text = (
        "France Faults Iran Over Inspections. BERLIN (Reuters) - The French government accused Iran "
        "on Monday of blocking inspectors."
    )
    found = [(e["actors"], e["cameo"][:2]) for e in coded(text, "en", None)]
    assert (["FRA", "IRN"], "11") in found
    assert not any("DEU" in actors for actors, _ in found)


def test_a_dateline_opening_a_line_below_headline_and_caption_is_a_venue():
    text = (
        "Thailand, Cambodia ministers pledge closer ties\n\n"
        "Thai Foreign Minister (L) shakes hands with a guest at a ceremony in the capital.\n"
        "Another caption line under the photo.\n"
        "HANOI, Vietnam (AFP) - Thailand and Cambodia agreed to hold further talks during a rare meeting "
        "Saturday, diplomatic sources said."
    )
    found = [e["actors"] for e in coded(text, "en", None)]
    assert ["KHM", "THA"] in found
    assert not any("VNM" in actors for actors in found)  # neither the capital nor the country


@pytest.mark.parametrize(
    "text",
    [
        "Seoul sets conditions for talks with Pyongyang.",
        "Tehran is weighing its role in talks with Washington.",
        "London urged Buenos Aires to accept a Chilean offer of talks.",
        "Kenya called it the last chance to restart negotiations with Somalia.",
        "Somalia said Kenya's stance showed a lack of political will to negotiate.",
    ],
)
def test_talks_named_as_the_object_of_another_statement_are_not_talks_held(text):
    assert not any(cameo.startswith("04") for _, cameo, _ in _summary(text, "en"))


@pytest.mark.parametrize(
    "text",
    [
        "French President Emmanuel Macron is making a three-day state visit to Vietnam.",
        "Brazil's President Lula started an official visit to Angola.",
    ],
)
def test_a_visit_being_made_or_just_begun_is_ongoing(text):
    ((_, cameo, status),) = _summary(text, "en")
    assert (cameo, status) == ("042", "ongoing")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The hijackers of a Turkish cargo ship threatened to kill the crew if the Turkish government does not "
            "pay a ransom, Somali officials said.",
            "en",
        ),
        ("The UN Security Council condemned the shelling of Armenian villages by Azerbaijan.", "en"),
        ("विद्रोहियों ने चाड से सूडान में शांति वार्ता शुरू कराने की मांग की।", "hi"),
    ],
)
def test_a_statement_by_no_state_makes_no_pair(text, lang):
    assert coded(text, lang, None) == []


def test_a_hindi_call_not_to_travel_is_no_visit():
    assert coded("अमेरिका ने अपने नागरिकों से वेनेजुएला की यात्रा न करने को कहा है।", "hi", None) == []


def test_a_hindi_dateline_with_a_colon_is_a_venue():
    text = "नई दिल्ली: सीमा पर गोलीबारी के बाद अफगानिस्तान ने सोमवार को पाकिस्तान से अपने राजदूत को वापस बुला लिया।"
    assert [(e["actors"], e["cameo"][:2]) for e in coded(text, "hi", None)] == [(["AFG", "PAK"], "16")]


def test_arriving_at_a_ministry_is_no_visit():
    text = "नेपाल के राजदूत आज सुबह भारतीय विदेश मंत्रालय पहुंचे।"
    assert not any(e["cameo"] == "042" for e in coded(text, "hi", None))


def test_a_country_named_as_the_subject_of_talks_is_no_party():
    text = "Japan and the United States will hold talks on the impasse over North Korea's nuclear programme next week."
    assert [(e["actors"], e["cameo"][:2]) for e in coded(text, "en", None)] == [(["JPN", "USA"], "04")]


def test_a_tour_of_several_countries_is_a_visit_to_each():
    text = "Indian External Affairs Minister S. Jaishankar will visit Japan, Australia and Singapore next week."
    assert sorted((e["actors"], e["cameo"], e["source"], e["status"]) for e in coded(text, "en", None)) == [
        (["AUS", "IND"], "042", "IND", "planned"),
        (["IND", "JPN"], "042", "IND", "planned"),
        (["IND", "SGP"], "042", "IND", "planned"),
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
    assert coded("The dam dispute has left strained relations between Egypt and Ethiopia.", "en", None) == []


def test_a_visitor_who_has_arrived_is_on_an_ongoing_visit():
    text = "Sri Lankan President Anura Kumara Dissanayake has arrived in Japan for a visit that will include talks."
    assert ("042", "ongoing") in [(cameo, status) for _, cameo, status in _summary(text, "en")]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # "agreed to start talks at once": the talks lie ahead (codebook 7)
        ("श्री ट्रम्प और श्री पुतिन ने इस संबंध में तुरंत बातचीत शुरू करने पर सहमति व्यक्त की।", ["RUS", "USA"]),
        # "agreed to hold talks on the border dispute"
        ("भारत और चीन सीमा विवाद पर वार्ता करने पर सहमत हुए।", ["CHN", "IND"]),
        # "have agreed to a meeting"
        ("रूस ने कहा है कि श्री पुतिन और श्री ट्रम्प मुलाकात के लिए सहमत हो गए हैं।", ["RUS", "USA"]),
        # "agreement has been reached on the 15th round of corps commander talks"
        ("इस मसले पर भारत और चीन के बीच 15वीं कोर कमांडर लेवल की बातचीत को लेकर सहमति बन गई है।", ["CHN", "IND"]),
    ],
)
def test_an_agreement_to_meet_is_a_planned_meeting(text, pair):
    assert _summary(text, "hi") == [(pair, "040", "planned")]


@pytest.mark.parametrize(
    "text",
    [
        # "in the meeting they agreed to cooperate": the agreement is the meeting's outcome
        "भारत और चीन के विदेश मंत्रियों की बैठक में सहयोग करने पर सहमति बनी।",
        # "talks were held on the border dispute": "को लेकर" before the talks, not after
        "भारत और चीन के बीच सीमा विवाद को लेकर बातचीत हुई।",
    ],
)
def test_talks_that_reached_or_concerned_an_agreement_stay_held(text):
    assert _summary(text, "hi") == [(["CHN", "IND"], "040", "held")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "प्रधानमंत्री नरेंद्र मोदी और बांग्लादेश की प्रधानमंत्री शेख हसीना के बीच शनिवार को वार्ता के बाद"
            " दोनों देशों के बीच 22 समझौते हुए.",
            "hi",
        ),
        (
            "After the talks between Prime Minister Modi and Sheikh Hasina, India and Bangladesh signed 22 agreements.",
            "en",
        ),
    ],
)
def test_talks_after_which_agreements_were_signed_are_an_event_of_their_own(text, lang):
    """Codebook 2: talks and the signing that followed them are two events."""
    assert sorted(_summary(text, lang)) == [(["BGD", "IND"], "040", "held"), (["BGD", "IND"], "057", "held")]


def test_talks_during_which_agreements_were_signed_frame_the_signing():
    text = "During the talks between Prime Minister Modi and Sheikh Hasina, India and Bangladesh signed 22 agreements."
    assert _summary(text, "en") == [(["BGD", "IND"], "057", "held")]
