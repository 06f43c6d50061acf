"""Round 26 rules (issue 10): missiles fired by a state, a war that flares up, "-stan" countries'
short adjectives, border guards as the acting state, the country a border adjoins, and office-holders
in the spellings Hindi news uses. Every sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest
from engagement.events.periods import years_later

from tests.events.event_codes import event_codes

PUBLISHED = date(2024, 10, 26)


def test_missiles_a_state_fires_at_another_are_an_air_attack_on_it():
    events = event_codes("उत्तर कोरिया ने जापान की ओर दो मिसाइलें दागीं।", "hi", PUBLISHED)
    assert events == [(("JPN", "PRK"), "195", "PRK", "JPN", "held", "2024-10-26")]


def test_missiles_fired_by_a_militia_or_into_the_sea_make_no_pair():
    assert event_codes("लेबनान से हिज़्बुल्लाह ने इजराइल पर रॉकेट दागे।", "hi", PUBLISHED) == []
    assert event_codes("ईरान समर्थित मिलिशिया ने सीरिया में अमेरिकी ठिकानों पर ड्रोन दागे।", "hi", PUBLISHED) == []
    sea = "उत्तर कोरिया ने पूर्वी सागर में बैलिस्टिक मिसाइल दागी, जापान और दक्षिण कोरिया ने इसकी पुष्टि की।"
    assert event_codes(sea, "hi", PUBLISHED) == []


def test_missiles_told_in_the_pluperfect_are_an_earlier_attack_without_a_date():
    events = event_codes("पहले ईरान ने इजराइल पर बैलिस्टिक मिसाइलें दागी थीं।", "hi", PUBLISHED)
    assert events == [(("IRN", "ISR"), "195", "IRN", "ISR", "held", None)]


def test_a_war_that_flares_up_again_between_two_states_is_fighting_and_a_trade_war_is_not():
    events = event_codes("आर्मेनिया और अज़रबैजान के बीच फिर से युद्ध भड़क गया है।", "hi", PUBLISHED)
    assert [(e[0], e[1], e[4]) for e in events] == [(("ARM", "AZE"), "190", "held")]
    assert event_codes("अमेरिका और चीन के बीच व्यापार युद्ध छिड़ गया है।", "hi", PUBLISHED) == []


def test_the_short_adjective_of_a_stan_country_names_it_and_its_border_guards_act():
    events = event_codes("ताजिक सीमा रक्षकों ने किर्गिज़ सीमा इकाई पर गोलीबारी की।", "hi", PUBLISHED)
    assert [e[:4] for e in events] == [(("KGZ", "TJK"), "193", "TJK", "KGZ")]


def test_the_country_a_border_adjoins_is_where_something_happens_not_a_party():
    swap = "रूस और यूक्रेन ने बेलारूस से लगी सीमा पर कैदियों की अदला-बदली की।"
    assert [e[:2] for e in event_codes(swap, "hi", PUBLISHED)] == [(("RUS", "UKR"), "084")]
    drill = "पाकिस्तान से सटी सीमा पर भारत और अमेरिका की सेनाओं ने संयुक्त अभ्यास किया।"
    assert [e[:2] for e in event_codes(drill, "hi", PUBLISHED)] == [(("IND", "USA"), "062")]


def test_a_border_closed_or_fired_across_still_has_the_adjoining_state_as_its_party():
    closed = event_codes("पाकिस्तान ने अफगानिस्तान से लगी सीमा बंद कर दी है।", "hi", PUBLISHED)
    assert [e[:4] for e in closed] == [(("AFG", "PAK"), "160", "PAK", "AFG")]
    fired = event_codes("पाकिस्तानी सेना ने भारत से लगी सीमा पर गोलीबारी की।", "hi", PUBLISHED)
    assert [e[:4] for e in fired] == [(("IND", "PAK"), "193", "PAK", "IND")]


def test_office_holders_added_in_round_26_are_their_states_actors():
    met = event_codes("प्रधानमंत्री फाम मिन्ह चिन्ह ने प्रधानमंत्री मोदी से मुलाकात की।", "hi", PUBLISHED)
    assert [e[:4] for e in met] == [(("IND", "VNM"), "040", "VNM", "IND")]
    called = event_codes("राष्ट्रपति जेवियर माइली ने राष्ट्रपति क्लॉडिया शीनबाम से फोन पर बात की।", "hi", PUBLISHED)
    assert [e[:2] for e in called] == [(("ARG", "MEX"), "041")]
    nepal = event_codes("विदेश मंत्री आरजू राणा देउबा ने जयशंकर से मुलाकात की।", "hi", date(2025, 3, 1))
    assert [e[:2] for e in nepal] == [(("IND", "NPL"), "040")]


@pytest.mark.parametrize(
    ("text", "status", "when"),
    [
        ("जर्मनी की चांसलर एक नवंबर को भारत आएंगी।", "planned", "2024-11-01"),
        ("जर्मनी की विदेश मंत्री कल भारत जाएंगी।", "planned", "2024-10-27"),
        ("जर्मनी की चांसलर आज भारत आ रही हैं।", "ongoing", "2024-10-26"),
        ("जर्मनी की चांसलर आज भारत आई हैं।", "ongoing", "2024-10-26"),
        ("जर्मनी की चांसलर पिछले साल भारत आई थीं।", "held", "2023"),
    ],
)
def test_a_woman_leader_s_trip_is_a_visit_in_every_tense(text, status, when):
    events = event_codes(text, "hi", PUBLISHED)
    assert [e[:5] + (e[5],) for e in events] == [(("DEU", "IND"), "042", "DEU", "IND", status, when)]


def test_she_will_meet_is_a_planned_meeting():
    events = event_codes("जर्मनी की चांसलर प्रधानमंत्री मोदी से मिलेंगी।", "hi", PUBLISHED)
    assert [(e[0], e[1], e[4]) for e in events] == [(("DEU", "IND"), "040", "planned")]


def test_an_english_gloss_after_a_name_does_not_hide_the_words_after_it():
    coming = event_codes("आज भूटान नरेश शिष्टमंडल के साथ भारत (India) आ रहे हैं।", "hi", PUBLISHED)
    assert [e[:4] for e in coming] == [(("BTN", "IND"), "042", "BTN", "IND")]
    met = event_codes("प्रधानमंत्री नरेंद्र मोदी (PM Narendra Modi) ने मालदीव के राष्ट्रपति से मुलाकात की।", "hi", PUBLISHED)
    assert [e[:4] for e in met] == [(("IND", "MDV"), "040", "IND", "MDV")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("मिस्र के राष्ट्रपति 24 जनवरी को भारत आएंगे।", "hi"),
        ("Egypt's president will visit India on January 24.", "en"),
    ],
)
def test_a_planned_day_in_a_month_already_past_is_next_year_s(text, lang):
    events = event_codes(text, lang, date(2025, 6, 15))
    assert [(e[1], e[4], e[5]) for e in events] == [("042", "planned", "2026-01-24")]


def test_a_day_written_with_its_year_or_told_as_held_keeps_its_year():
    written = event_codes("Egypt's president will visit India on January 24, 2025.", "en", date(2025, 6, 15))
    held = event_codes("Egypt's president visited India on January 24.", "en", date(2025, 6, 15))
    assert [e[5] for e in written + held] == ["2025-01-24", "2025-01-24"]


@pytest.mark.parametrize(
    ("text", "pair", "cameo"),
    [
        ("भारत-सऊदी रणनीतिक साझेदारी परिषद की मीटिंग सोमवार को हुई।", ("IND", "SAU"), "040"),
        ("भारत और जर्मनी ने मंगलवार को अंतर-सरकारी विमर्श की शुरुआत की।", ("DEU", "IND"), "040"),
        ("हैदराबाद हाउस में भारत और मालदीव के बीच समझौता ज्ञापन का आदान-प्रदान हुआ।", ("IND", "MDV"), "057"),
        ("फ्रांस-भारत के बीच हुए अहम समझौते।", ("FRA", "IND"), "057"),
        ("प्रधानमंत्री नरेंद्र मोदी की ओर से मिस्र के राष्ट्रपति को औपचारिक निमंत्रण भेजा गया।", ("EGY", "IND"), "036"),
    ],
)
def test_hindi_words_for_meetings_consultations_and_agreements_seen_in_unseen_news(text, pair, cameo):
    assert [e[:2] for e in event_codes(text, "hi", PUBLISHED)] == [(pair, cameo)]


@pytest.mark.parametrize(
    "text",
    [
        "मोदी ने पत्रकारों से बात की और कहा कि भारत और चीन के संबंध अच्छे हैं।",
        "इस दौरान रूस के खिलाफ हालिया बगावत की कोशिश और यूक्रेन जंग पर लंबी बातचीत हुई।",
        "यह बैठक उस समय हुई है जब अमेरिका अब चीन का मुकाबला करने में पहले जैसा निवेश नहीं करेगा।",
    ],
)
def test_talks_with_reporters_a_war_talked_about_and_the_moment_of_a_meeting_make_no_pair(text):
    assert event_codes(text, "hi", PUBLISHED) == []


def test_a_news_agency_named_varta_is_no_talks():
    text = "टोक्यो/नई दिल्ली, (वेब वार्ता)। प्रधानमंत्री नरेंद्र मोदी जापान पहुंचे।"
    assert [e[:2] for e in event_codes(text, "hi", PUBLISHED)] == [(("IND", "JPN"), "042")]


def test_a_meeting_on_the_programme_is_planned():
    text = "यात्रा के दौरान प्रधानमंत्री ओली का भारत के उपराष्ट्रपति से शिष्टाचार भेंट करने का कार्यक्रम है।"
    assert sorted((e[1], e[4]) for e in event_codes(text, "hi", PUBLISHED)) == [("040", "planned"), ("042", "planned")]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Kyriakos Mitsotakis met with the President of Egypt, Abdel Fattah Al Sisi, in Cairo.", ("EGY", "GRC")),
        ("Spanish Prime Minister Pedro Sanchez held talks with Bola Tinubu in Abuja.", ("ESP", "NGA")),
        ("Araqchi is going to hold a new round of talks with the US president's envoy on Sunday.", ("IRN", "USA")),
    ],
)
def test_leaders_news_names_in_english_are_their_states_actors(text, pair):
    assert [e[:2] for e in event_codes(text, "en", date(2025, 5, 10))] == [(pair, "040")]


def test_a_summons_of_an_envoy_named_before_his_post_is_a_summons_and_taiwan_referred_to_is_a_topic():
    text = "Beijing summoned Hideo Tarumi, Japan's ambassador to China, to lodge a protest over references to Taiwan."
    assert [e[:4] for e in event_codes(text, "en", date(2023, 5, 22))] == [(("CHN", "JPN"), "111", "CHN", "JPN")]


def test_a_summit_hosted_by_a_state_is_no_hosting_of_another():
    text = "China criticised Japan over the statements issued at the G7 summit hosted by Japan."
    assert [e[:4] for e in event_codes(text, "en", date(2023, 5, 22))] == [(("CHN", "JPN"), "111", "CHN", "JPN")]


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("प्रधानमंत्री मोदी ने ब्रिटेन के प्रधानमंत्री, फ्रांस के राष्ट्रपति और जर्मनी के चांसलर से मुलाकात की।", ["DEU", "FRA", "GBR"]),
        ("पीएम मोदी ने इमैनुएल मैक्रों, जॉर्जिया मेलोनी और कीर स्टार्मर से मुलाकात की।", ["FRA", "GBR", "ITA"]),
        ("प्रधानमंत्री मोदी की कनाडा, तुर्की और ब्राजील के साथ बैठकें होंगी।", ["BRA", "CAN", "TUR"]),
        ("विदेश मंत्री जयशंकर ने सऊदी अरब, मिस्र और कतर के विदेश मंत्रियों से मुलाकात की।", ["EGY", "QAT", "SAU"]),
    ],
)
def test_the_people_a_hindi_subject_met_in_a_list_are_met_one_by_one(text, met):
    events = event_codes(text, "hi", PUBLISHED)
    assert sorted(next(c for c in e[0] if c != "IND") for e in events) == met
    assert all(e[1] == "040" and "IND" in e[0] and e[2] == "IND" for e in events)


def test_a_year_later_keeps_the_day_and_29_february_becomes_the_28th():
    assert [years_later(v, 1) for v in ("2024-02-29", "2024-02-28", "2025-03", "2025")] == [
        "2025-02-28",
        "2025-02-28",
        "2026-03",
        "2026",
    ]
    assert years_later("2023-02-28", 1) == "2024-02-28"
