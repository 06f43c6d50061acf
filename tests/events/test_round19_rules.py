"""Round 19 rules (issue 10): a country's own foreign office, breaking ties and expulsions in
Hindi, recalls and calls upon in English, earlier happenings told in the Hindi pluperfect, and
plans read from "likely to" / "looked forward to". Every sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest
from engagement.extract import extract_article
from engagement.nlp.entities import extract_entities


def _orgs(text: str, lang: str) -> list[tuple[str, str]]:
    found = extract_entities(text, lang, date(2025, 11, 17)).mentions
    return [(m.text, m.entity_id) for m in found if m.label == "ORG"]


def _codes(text: str, lang: str, published: date | None = date(2025, 11, 17)) -> list[tuple]:
    return [
        (tuple(e["actors"]), e["cameo"], e["source"], e["target"], e["status"])
        for e in extract_article(text, lang, published)["events"]
    ]


@pytest.mark.parametrize(
    ("text", "lang", "org"),
    [
        ("Pakistan's Foreign Office said the talks were useful.", "en", "MFA_PAK"),
        ("The Foreign Office in London said the talks were useful.", "en", "MFA_GBR"),
        ("विदेश कार्यालय की प्रवक्ता ने साप्ताहिक ब्रीफिंग में यह बात कही।", "hi", "MFA_PAK"),
        ("ब्रिटेन के विदेश कार्यालय ने बयान जारी किया।", "hi", "MFA_GBR"),
    ],
)
def test_a_foreign_office_is_the_one_of_the_country_written_beside_it(text, lang, org):
    assert [entity for _, entity in _orgs(text, lang)] == [org]


def test_a_summons_by_pakistans_foreign_office_is_pakistans():
    text = "Pakistan's Foreign Office summoned India's deputy high commissioner on Monday over the firing."
    assert _codes(text, "en") == [(("IND", "PAK"), "111", "PAK", "IND", "held")]


def test_the_hindi_foreign_office_urging_india_is_pakistan_urging_india():
    text = "बयान में कहा गया कि विदेश कार्यालय ने भारत से संघर्ष विराम का सम्मान करने का आग्रह किया।"
    assert [(actors, cameo, source) for actors, cameo, source, _, _ in _codes(text, "hi")] == [
        (("IND", "PAK"), "100", "PAK")
    ]


@pytest.mark.parametrize(
    ("text", "lang", "cameo"),
    [
        ("वेनेजुएला ने अमेरिका से सभी संबंध तोड़ने की घोषणा की।", "hi", "161"),
        ("वेनेजुएला ने अमेरिकी राजनयिकों को देश छोड़ने के लिए 72 घंटे दिए।", "hi", "174"),
        ("Venezuela said on Monday it was recalling its diplomatic staff from the United States.", "en", "161"),
        ("The Venezuelan government calls upon the United States to stop its interference.", "en", "100"),
    ],
)
def test_ties_broken_envoys_sent_home_and_calls_upon_a_state(text, lang, cameo):
    assert [(actors, code, source) for actors, code, source, _, _ in _codes(text, lang)] == [
        (("USA", "VEN"), cameo, "VEN")
    ]


def test_a_ceasefire_violation_named_as_a_noun_is_a_violation():
    text = "पाकिस्तान ने कहा कि नियंत्रण रेखा पर भारतीय सेना के संघर्ष विराम उल्लंघन में उसके दो जवान मारे गए।"
    assert [(actors, cameo) for actors, cameo, _, _, _ in _codes(text, "hi")] == [(("IND", "PAK"), "196")]


@pytest.mark.parametrize(
    "text",
    [
        # "went in May": a visit before the report's, the month anchored to no year
        "ईरान के साथ बंदरगाह पर बातचीत। गडकरी इस समय ईरान के दौरे पर हैं। गडकरी मई में भी तेहरान गए थे।",
        # "met recently": the pluperfect tells an earlier meeting, not today's talks again
        "रूस के साथ वार्ता। जयशंकर ने आज रूसी विदेश मंत्री लावरोव से मुलाकात की।"
        " प्रधानमंत्री मोदी और राष्ट्रपति पुतिन हाल ही में समरकंद में मिले थे।",
    ],
)
def test_an_earlier_happening_in_the_hindi_pluperfect_stays_apart_without_a_publication_date(text):
    found = _codes(text, "hi", published=None)
    assert len(found) == 2, found
    assert len({actors for actors, *_ in found}) == 1
    assert {status for *_, status in found} <= {"held", "ongoing"}


@pytest.mark.parametrize(
    "text",
    [
        "The White House said President Biden looked forward to hosting Prime Minister Modi in Washington.",
        "Officials said Biden and Modi are likely to meet in Tokyo in May.",
    ],
)
def test_looking_forward_to_it_and_likely_to_are_plans(text):
    assert [(actors, status) for actors, _, _, _, status in _codes(text, "en")] == [(("IND", "USA"), "planned")]


def test_a_summons_written_samman_is_a_summons():
    text = "पाकिस्तान ने भारतीय उप उच्चायुक्त को समन किया।"
    assert [(actors, cameo, source) for actors, cameo, source, _, _ in _codes(text, "hi")] == [
        (("IND", "PAK"), "114", "PAK")
    ]


def test_the_hindi_agent_is_the_subject_of_its_verb_however_far_before_it():
    text = "ईरान ने अमेरिका से लीक हुए दस्तावेजों में इजरायल की ओर से हमले की तैयारी की खबर आने के बाद इजरायल को कड़ी चेतावनी दी।"
    assert [(actors, cameo, source, target) for actors, cameo, source, target, _ in _codes(text, "hi")] == [
        (("IRN", "ISR"), "130", "IRN", "ISR")
    ]


def test_pressure_to_break_ties_is_no_break():
    text = "अमेरिका दुनिया भर के देशों पर उत्तर कोरिया के साथ संबंध तोड़ने का दबाव डाल रहा है।"
    assert [cameo for _, cameo, _, _, _ in _codes(text, "hi") if cameo.startswith("16")] == []


def test_water_cannon_on_another_states_boats_is_violent_repression():
    text = "चीनी तटरक्षक बल ने फिलीपींस की नौकाओं पर वाटर कैनन से हमला किया।"
    assert [(actors, cameo) for actors, cameo, _, _, _ in _codes(text, "hi")] == [(("CHN", "PHL"), "175")]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the meeting between Modi and Trump will be in September.",
        "The talks between India and Pakistan are scheduled to take place in Islamabad in March.",
    ],
)
def test_an_english_noun_whose_own_verb_is_future_is_planned_and_dated_ahead(text):
    found = _codes(text, "en", published=date(2017, 1, 25))
    assert [status for *_, status in found] == ["planned"]
    assert [e["date"] for e in extract_article(text, "en", date(2017, 1, 25))["events"]][0].startswith("2017-")


def test_closing_another_states_consulate_reduces_relations():
    text = "रूस ने सेंट पीटर्सबर्ग में अमेरिकी वाणिज्यदूतावास को भी बंद करने का आदेश दिया।"
    assert [(actors, cameo, source) for actors, cameo, source, _, _ in _codes(text, "hi")] == [
        (("RUS", "USA"), "161", "RUS")
    ]
