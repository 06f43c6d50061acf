"""Round 20 rules (issue 10): calls and meetings with "the leaders of A and B" are one event per
counterpart, plural delegations and a lone soldier are their government, skirmishes and deadly
fighting between two armies, and a third state that chaired the talks mediates them. Every
sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.event_codes import event_codes

PUBLISHED = date(2025, 5, 17)  # a Saturday


def _codes(text: str, lang: str = "en", published: date | None = PUBLISHED) -> list[tuple]:
    return event_codes(text, lang, published)


@pytest.mark.parametrize(
    "text",
    [
        "US President Trump telephoned the leaders of Canada and Mexico on Friday.",
        "US President Trump held phone calls with the leaders of Canada and Mexico on Friday.",
        "US President Trump spoke by phone with the leaders of Canada and Mexico on Friday.",
    ],
)
def test_calls_to_the_leaders_of_two_countries_are_one_call_each(text):
    assert sorted(_codes(text)) == [
        (("CAN", "USA"), "041", "USA", "CAN", "held", "2025-05-16"),
        (("MEX", "USA"), "041", "USA", "MEX", "held", "2025-05-16"),
    ]


def test_the_leaders_of_two_countries_as_subject_meet_each_other():
    assert _codes("The leaders of Canada and Mexico met in Ottawa on Friday.") == [
        (("CAN", "MEX"), "040", None, None, "held", "2025-05-16")
    ]


def test_plural_phone_calls_are_a_call():
    assert _codes("Trump held phone calls with the leader of Canada on Friday.") == [
        (("CAN", "USA"), "041", "USA", "CAN", "held", "2025-05-16")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Russian and Ukrainian delegations met on Friday.",
        "The Russian and Ukrainian delegations held talks in Istanbul on Friday.",
    ],
)
def test_two_nationalities_before_delegations_are_the_two_governments(text):
    assert _codes(text) == [(("RUS", "UKR"), "040", None, None, "held", "2025-05-16")]


def test_a_border_skirmish_with_a_soldier_of_each_side_is_fighting():
    ((pair, cameo, *_),) = _codes("A Cambodian soldier was killed in a border skirmish with Thai troops on Friday.")
    assert (pair, cameo) == (("KHM", "THA"), "190")


def test_fighting_that_killed_troops_of_two_countries_is_fighting():
    text = "The talks come a day after fighting in the area killed at least four Thai and three Cambodian troops."
    assert [(pair, cameo) for pair, cameo, *_ in _codes(text)] == [(("KHM", "THA"), "190")]
    # fighting that killed no troops names no armies in conflict
    assert _codes("Fighting in the area killed four villagers, Thai and Cambodian officials said.") == []


def test_a_third_state_that_chaired_the_talks_mediates_with_each_side():
    text = (
        "Russian and Ukrainian delegations met in Istanbul on Friday. "
        "In a post on X, Turkish Foreign Minister Hakan Fidan, who chaired the negotiation, "
        "noted that the meeting produced several important outcomes."
    )
    assert sorted((pair, cameo, source) for pair, cameo, source, *_ in _codes(text)) == [
        (("RUS", "TUR"), "045", "TUR"),
        (("RUS", "UKR"), "040", None),
        (("TUR", "UKR"), "045", "TUR"),
    ]


def test_chairing_talks_with_a_counterpart_is_the_talks_not_a_mediation():
    assert _codes("Prime Minister Modi chaired the talks with Japanese Prime Minister Kishida on Friday.") == [
        (("IND", "JPN"), "040", "IND", "JPN", "held", "2025-05-16")
    ]


def test_will_not_allow_is_a_warning_and_did_not_allow_a_refusal():
    text = 'Israel\'s foreign minister said on Friday that Israel "will not allow" Iran to restore its programme.'
    assert [(pair, cameo, source) for pair, cameo, source, *_ in _codes(text)] == [(("IRN", "ISR"), "130", "ISR")]
    text = "Egypt did not allow the Israeli delegation to land in Cairo on Friday."
    assert [(pair, cameo, source) for pair, cameo, source, *_ in _codes(text)] == [(("EGY", "ISR"), "120", "EGY")]


@pytest.mark.parametrize(
    ("text", "lang", "cameo"),
    [
        ("Russia and Ukraine carried out the largest prisoner exchange of the war on Friday.", "en", "084"),
        ("Russia and Ukraine exchanged 390 prisoners of war on Friday.", "en", "084"),
        ("रूस और यूक्रेन ने शुक्रवार को कैदियों की अदला-बदली की।", "hi", "084"),
        # agreeing to an exchange is the agreement (codebook §7), not the exchange
        ("Russia and Ukraine agreed on Friday to exchange 1,000 prisoners each.", "en", "030"),
        ("रूस और यूक्रेन के बीच युद्धबंदियों की अदला-बदली पर सहमति बनी।", "hi", "030"),
    ],
)
def test_a_prisoner_exchange_is_a_release_and_agreeing_to_one_an_agreement(text, lang, cameo):
    assert [(pair, code) for pair, code, *_ in _codes(text, lang)] == [(("RUS", "UKR"), cameo)]


def test_the_aim_of_a_ceasefire_is_no_exchange():
    text = "रूस और यूक्रेन ने कहा कि इस संघर्ष विराम का उद्देश्य बंदियों की अदला-बदली करना है।"
    assert "084" not in [code for _, code, *_ in _codes(text, "hi")]


def test_both_states_downgrading_relations_each_act_on_the_other():
    text = "Both Cambodia and Thailand have downgraded diplomatic relations since Wednesday."
    assert sorted((pair, cameo, source, target) for pair, cameo, source, target, *_ in _codes(text)) == [
        (("KHM", "THA"), "161", "KHM", "THA"),
        (("KHM", "THA"), "161", "THA", "KHM"),
    ]


def test_both_states_acting_on_a_third_each_act_on_it_and_statements_are_not_mutual():
    text = "Both the US and Britain expelled Russian diplomats on Friday."
    assert sorted((pair, source) for pair, _, source, *_ in _codes(text)) == [
        (("GBR", "RUS"), "GBR"),
        (("RUS", "USA"), "USA"),
    ]
    text = "Both India and Pakistan condemned the statement on Friday."
    assert [source for _, _, source, *_ in _codes(text)] in ([None], [])


@pytest.mark.parametrize(
    "text",
    [
        "भारत और अमेरिका ने अफगानिस्तान की स्थिति पर चर्चा की।",
        "भारत और अमेरिका ने अफगानिस्तान पर चर्चा की।",
        "भारत और अमेरिका ने अफगानिस्तान सहित अंतरराष्ट्रीय और क्षेत्रीय मुद्दों पर भी चर्चा की।",
    ],
)
def test_a_country_discussed_in_hindi_is_a_topic_not_a_party(text):
    assert [pair for pair, *_ in _codes(text, "hi", None)] == [("IND", "USA")]


def test_a_hindi_attack_on_a_country_still_names_it():
    assert [(pair, source) for pair, _, source, *_ in _codes("भारत ने पाकिस्तान पर हमला किया।", "hi", None)] == [
        (("IND", "PAK"), "IND")
    ]


def test_what_a_dated_meeting_produced_takes_its_date_not_the_reports():
    text = (
        "Russian and Ukrainian delegations met in Istanbul on Friday. "
        "Russia and Ukraine agreed to a prisoner exchange involving 1,000 people from each side."
    )
    assert sorted((pair, cameo, date_) for pair, cameo, _, _, _, date_ in _codes(text)) == [
        (("RUS", "UKR"), "030", "2025-05-16"),
        (("RUS", "UKR"), "040", "2025-05-16"),
    ]


def test_an_act_referring_back_to_the_talks_takes_their_date():
    text = (
        "भारत और नेपाल के विदेश मंत्रियों ने गुरुवार को काठमांडू में बातचीत की। "
        "इस बातचीत के बाद दोनों देशों ने पांच समझौतों पर हस्ताक्षर किए।"
    )
    assert sorted((cameo, date_) for _, cameo, _, _, _, date_ in _codes(text, "hi")) == [
        ("040", "2025-05-15"),
        ("057", "2025-05-15"),
    ]


def test_a_criticism_after_dated_talks_keeps_the_day_of_the_report():
    text = "Russian and Ukrainian delegations met in Istanbul on Friday. Russia criticised Ukraine over the strikes."
    assert sorted((cameo, date_) for _, cameo, _, _, _, date_ in _codes(text)) == [
        ("040", "2025-05-16"),
        ("111", "2025-05-17"),
    ]


def test_shooting_down_a_proposal_is_a_rejection_not_fighting():
    text = "France, Sweden and Belgium shot down a German proposal on refugee centres on Friday."
    assert sorted((pair, cameo) for pair, cameo, *_ in _codes(text)) == [
        (("BEL", "DEU"), "120"),
        (("DEU", "FRA"), "120"),
        (("DEU", "SWE"), "120"),
    ]
    drone = "Pakistani forces shot down an Indian drone near the border on Friday."
    assert [cameo for _, cameo, *_ in _codes(drone)] == ["190"]


@pytest.mark.parametrize(
    "text",
    [
        "TOKYO - Accused U.S. Army deserter Charles Jenkins left his Tokyo hospital for a Japanese base on Friday.",
        "Pakistan accused militants sheltering in Afghanistan of staging attacks on Friday.",
    ],
)
def test_an_accused_person_or_accused_militants_make_no_accusation_between_states(text):
    assert "112" not in [cameo for _, cameo, *_ in _codes(text)]


def test_a_tour_of_a_region_names_no_state_visited():
    text = "US Secretary of State Colin Powell ends his tour of Asia by once again asking North Korea to resume talks."
    assert "042" not in [cameo for _, cameo, *_ in _codes(text)]
    assert [cameo for _, cameo, *_ in _codes("Modi will visit Japan next week.")] == ["042"]


def test_a_date_right_after_said_dates_the_statement_not_the_meeting_it_announces():
    text = "Mexico President Vicente Fox said Wednesday he will meet with US President George W. Bush in Chile."
    assert [(pair, cameo, status) for pair, cameo, _, _, status, _ in _codes(text)] == [
        (("MEX", "USA"), "040", "planned")
    ]


def test_an_event_warned_against_is_no_event():
    text = "China has warned Singapore officials against visiting Taiwan again."
    assert [(pair, cameo) for pair, cameo, *_ in _codes(text)] == [(("CHN", "SGP"), "130")]


def test_a_statement_whose_speakers_are_every_state_named_aims_at_none_of_them():
    assert _codes("Leaders of Spain and Portugal urge Falklands dialogue.") == []


def test_a_summit_framing_a_planned_meeting_is_no_event_of_its_own():
    text = (
        "Mexico President Vicente Fox said Wednesday he will meet with US President George W. Bush in Chile "
        "during the economic summit of Pacific Rim nations."
    )
    assert [(cameo, status) for _, cameo, _, _, status, _ in _codes(text)] == [("040", "planned")]


@pytest.mark.parametrize(
    "text",
    [
        "Both India and Pakistan condemned the attack by militants on Friday.",
        "India condemned the attack by militants on the Pakistani consulate on Friday.",
    ],
)
def test_condemning_an_attack_by_militants_aims_at_no_state(text):
    assert _codes(text) == []  # codebook §4: statements aimed at non-state actors make no pair


def test_condemning_a_state_for_an_attack_by_militants_aims_at_the_state():
    text = "India condemned Pakistan for the attack by militants on Friday."
    assert [(pair, cameo, source) for pair, cameo, source, *_ in _codes(text)] == [(("IND", "PAK"), "111", "IND")]
