"""Round 7 rules (issue 10): conflict acts whose sentence names one state, statements aimed at
both sides, background engagements in subordinate clauses, normalisation steps, office-holders
of 2023-2026, and a visit and the talks held on it as two events. Every sentence is written for
the test."""

from __future__ import annotations

import pytest

from tests.events.test_coder import events as coded


def _summary(text: str, lang: str) -> list[tuple]:
    return [(e["actors"], e["cameo"], e["source"], e["target"], e["status"]) for e in coded(text, lang, None)]


# --- a conflict act whose sentence names one state acts on the story's other side -----------


@pytest.mark.parametrize(
    ("second", "cameo", "source"),
    [
        # "After this Thailand too fired at the border posts in response"
        ("इसके बाद थाईलैंड ने भी जवाबी कार्रवाई में सीमा चौकियों पर गोलीबारी की।", "193", "THA"),
        # "Cambodia warned that the situation could get out of control"
        ("कंबोडिया ने चेतावनी दी है कि हालात बेकाबू हो सकते हैं।", "130", "KHM"),
        # "Thailand sought an explanation about this"
        ("थाईलैंड ने इस पर स्पष्टीकरण मांगा है।", "100", "THA"),
    ],
)
def test_a_conflict_act_naming_one_state_aims_at_the_storys_other_state(second, cameo, source):
    first = "कंबोडिया ने थाईलैंड पर सीमा पर गोलीबारी करने का आरोप लगाया है।"
    events = _summary(f"{first} {second}", "hi")
    assert (["KHM", "THA"], cameo, source, ({"KHM", "THA"} - {source}).pop(), "held") in events


def test_a_strike_owned_by_one_state_aims_at_the_storys_other_state():
    text = "पाकिस्तान ने ईरान के राजदूत को तलब किया है। ईरान की एयरस्ट्राइक में दो बच्चों की मौत हो गई।"
    assert (["IRN", "PAK"], "195", "IRN", "PAK", "held") in _summary(text, "hi")


@pytest.mark.parametrize(
    "second",
    [
        # a third state is named, here as the venue: it may be the one acted upon
        "कंबोडिया ने वियतनाम में हुई बैठक में भी आरोप लगाया है।",
        # the one state is no agent ("Cambodia's soldiers were fired upon"): nobody acts
        "कंबोडिया के सैनिकों पर भी गोलीबारी की गई।",
    ],
)
def test_no_story_pair_when_a_third_state_is_named_or_the_state_does_not_act(second):
    first = "कंबोडिया ने थाईलैंड पर सीमा पर गोलीबारी करने का आरोप लगाया है।"
    later = _summary(f"{first} {second}", "hi")[1:]
    assert later == []


def test_an_english_statement_does_not_take_the_storys_pair():
    text = (
        "Cambodia accused Thailand of shelling its border villages on Monday. "
        "The Cambodian government also demanded an independent inquiry."
    )
    assert [e[1] for e in _summary(text, "en")] == ["112"]


# --- one statement aimed at both sides: one event with each ----------------------------------


def test_a_third_state_urging_both_sides_makes_one_event_with_each():
    text = (
        "आर्मेनिया और अज़रबैजान के बीच सीमा पर फिर झड़पें हुईं। "
        "ईरान के विदेश मंत्री ने दोनों पक्षों से तुरंत युद्धविराम पर सहमत होने का आग्रह किया।"
    )
    urgings = {
        (tuple(actors), source, target) for actors, cameo, source, target, _ in _summary(text, "hi") if cameo == "100"
    }
    assert urgings == {(("ARM", "IRN"), "IRN", "ARM"), (("AZE", "IRN"), "IRN", "AZE")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("चीन ने अपने नागरिकों से जापान की यात्रा न करने का आग्रह किया है।", "hi"),
        ("China urged its citizens to avoid travelling to Japan in the coming weeks.", "en"),
    ],
)
def test_an_urging_addressed_to_a_states_own_people_is_no_demand_on_a_state(text, lang):
    assert [e for e in _summary(text, lang) if e[1].startswith("10")] == []


# --- office-holders of 2023-2026 in the knowledge base ----------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "pair"),
    [
        (
            "Azerbaijani President Ilham Aliyev and Nikol Pashinyan held talks in Abu Dhabi on Thursday.",
            "en",
            ["ARM", "AZE"],
        ),
        ("Kenya's William Ruto hosted Hassan Sheikh Mohamud for talks in Nairobi.", "en", ["KEN", "SOM"]),
        ("किम जोंग उन ने अलेक्जेंडर लुकाशेंको से प्योंगयांग में मुलाकात की।", "hi", ["BLR", "PRK"]),
        ("मरियम शिउना ने प्रधानमंत्री नरेंद्र मोदी के खिलाफ आपत्तिजनक टिप्पणी की थी।", "hi", ["IND", "MDV"]),
    ],
)
def test_office_holders_of_recent_years_stand_for_their_states(text, lang, pair):
    assert pair in [actors for actors, *_ in _summary(text, lang)]


# --- a visit and the talks held on it are two events (codebook §2) ----------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Kenyan President William Ruto arrived in Addis Ababa on a state visit and held talks with "
            "Prime Minister Abiy Ahmed on trade and the port deal.",
            "en",
        ),
        (
            "The agreements were signed during the visit of Prime Minister Hun Manet to Thailand, where the two "
            "prime ministers also held a bilateral meeting.",
            "en",
        ),
        ("वियतनाम दौरे पर गए भारत के विदेश मंत्री ने वियतनाम के प्रधानमंत्री से मुलाकात की।", "hi"),
    ],
)
def test_a_visit_and_talks_reported_as_an_act_of_their_own_are_two_events(text, lang):
    assert sorted(e[1] for e in _summary(text, lang) if e[1].startswith("04")) == ["040", "042"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("President Tokayev will travel to Beijing next week for talks with President Xi Jinping.", "en"),
        ("Hun Manet visited Japan in May to attend the summit with Prime Minister Kishida.", "en"),
        ("वार्षिक शिखर सम्मेलन के लिए प्रधानमंत्री की जापान यात्रा अगले महीने होगी।", "hi"),
    ],
)
def test_talks_named_as_what_a_trip_is_for_are_the_trip(text, lang):
    assert [e[1] for e in _summary(text, lang) if e[1].startswith("04")] == ["042"]


# --- background engagements in their own clauses ----------------------------------------------


def _mentions_per_pair(text: str, lang: str) -> list[tuple]:
    return sorted((tuple(e["actors"]), e["cameo"], e["status"], e["date"]) for e in coded(text, lang, None))


def test_two_leaders_who_met_before_are_a_background_meeting_of_their_own():
    text = (
        "कजाकिस्तान के राष्ट्रपति कासिम-जोमार्ट टोकायेव और उज्बेकिस्तान के राष्ट्रपति शवकत मिर्जियोयेव ने "
        "मंगलवार को ताशकंद में मुलाकात की। इससे पहले दोनों नेता पिछले महीने अस्ताना में शंघाई सहयोग "
        "संगठन के शिखर सम्मेलन के दौरान मिले थे।"
    )
    meetings = [e for e in _mentions_per_pair(text, "hi") if e[1] == "040"]
    assert meetings == [(("KAZ", "UZB"), "040", "held", None)] * 2


def test_a_meeting_dated_last_year_is_not_the_articles_undated_meeting():
    text = (
        "Armenia's foreign minister held talks with his Azerbaijani counterpart in Geneva on Sunday. "
        "The last official meeting between the two foreign ministers was in May last year in Brussels."
    )
    meetings = [e for e in _mentions_per_pair(text, "en") if e[1] == "040"]
    assert meetings == [(("ARM", "AZE"), "040", "held", None)] * 2


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "ईरान के विदेश मंत्री अब्बास अराघची सोमवार को नई दिल्ली पहुंचेंगे। अराघची, जो पिछली बार मई 2025 में "
            "भारत आए थे, विदेश मंत्री एस जयशंकर से मुलाकात करेंगे।",
            "hi",
        ),
        (
            "Iranian Foreign Minister Abbas Araghchi will visit New Delhi on Monday. Araghchi, who last visited "
            "India in May 2025, will meet Jaishankar.",
            "en",
        ),
    ],
)
def test_a_relative_clause_dates_its_own_background_visit_not_the_main_clauses_meeting(text, lang):
    from datetime import date

    found = {(e["cameo"], e["status"], e["date"]) for e in coded(text, lang, date(2025, 11, 12))}
    assert ("042", "held", "2025-05") in found
    assert ("040", "planned", "2025-11-17") in found


# --- normalisation steps and ties --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "pair", "family"),
    [
        (
            "Thailand and Cambodia agreed on Friday on the reopening of their border crossings next month.",
            "en",
            ["KHM", "THA"],
            "08",
        ),
        ("ईरान और सऊदी अरब तीन महीने के भीतर अपने दूतावास फिर से खोलने पर राजी हो गए हैं।", "hi", ["IRN", "SAU"], "05"),
        ("Caracas and Bogota have agreed to end hostilities along their shared frontier.", "en", ["COL", "VEN"], "03"),
        ("Colombia and Venezuela restored diplomatic links that were severed in 2019.", "en", ["COL", "VEN"], "16"),
    ],
)
def test_normalisation_steps_and_severed_ties_are_events(text, lang, pair, family):
    found = [(actors, cameo) for actors, cameo, *_ in _summary(text, lang)]
    assert any(cameo[:2] == family and (pair is None or actors == pair) for actors, cameo in found), found


def test_firing_from_both_sides_of_a_border_is_the_previous_sentences_pair():
    text = "थाईलैंड और कंबोडिया की सीमा पर तनाव बढ़ गया है। शुक्रवार को भी दोनों तरफ से फायरिंग हुई।"
    assert (["KHM", "THA"], "193") in [(actors, cameo) for actors, cameo, *_ in _summary(text, "hi")]


def test_a_clash_with_one_named_state_is_a_clash_with_the_storys_other_state():
    text = (
        "The Armenian and Azerbaijani foreign ministers will hold talks in Geneva on Sunday. "
        "Three Armenian soldiers were killed in border clashes with Azerbaijan last week."
    )
    assert (["ARM", "AZE"], "190") in [(actors, cameo) for actors, cameo, *_ in _summary(text, "en")]


def test_closing_the_border_against_the_story_partner_reduces_relations():
    text = (
        "उत्तर कोरिया ने दक्षिण कोरिया पर सीमा पर गोलीबारी करने का आरोप लगाया है। "
        "उत्तर कोरिया ने दक्षिणी सीमा को पूरी तरह से बंद करने की घोषणा की।"
    )
    assert (["KOR", "PRK"], "160", "PRK", "KOR", "held") in _summary(text, "hi")


def test_a_reciprocal_protest_is_one_act_from_each_side():
    text = "थाईलैंड और कंबोडिया के बीच सीमा विवाद फिर भड़क गया है। इसके बाद दोनों देशों ने एक-दूसरे के समक्ष कड़ा विरोध दर्ज कराया।"
    protests = {(source, target) for _, cameo, source, target, _ in _summary(text, "hi") if cameo.startswith("11")}
    assert protests == {("KHM", "THA"), ("THA", "KHM")}


def test_a_news_agency_tag_in_brackets_is_no_talks():
    text = "बीजिंग, 15 नवंबर (वार्ता) चीन ने जापान के राजदूत को तलब किया है।"
    found = [cameo for _, cameo, *_ in _summary(text, "hi")]
    assert found and not [cameo for cameo in found if cameo.startswith("04")]


def test_a_summons_in_the_passive_is_a_protest_between_the_envoys_state_and_the_host():
    text = "The Pakistani high commissioner to New Delhi was summoned on Sunday over the shelling."
    assert (["IND", "PAK"], "111") in [(actors, cameo) for actors, cameo, *_ in _summary(text, "en")]
