"""Round 29 rules (issue 10): a Hindi subject named by the singular pronoun ("वह", "वो"), and
people whose names Hindi news spells otherwise than the KB. Every sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest
from engagement.nlp.entities import extract_entities

from tests.events.event_codes import event_codes

PUBLISHED = date(2024, 2, 10)


@pytest.mark.parametrize("pronoun", ["वह", "वो"])
def test_a_meeting_whose_subject_is_he_or_she_is_the_person_just_named(pronoun):
    text = (
        "मालदीव के राष्ट्रपति मोहम्मद मुइज्जू अगले सप्ताह भारत आएंगे। "
        f"इस दौरान {pronoun} प्रधानमंत्री नरेंद्र मोदी से भी मुलाकात करेंगे।"
    )
    coded = sorted((e[0], e[1], e[4]) for e in event_codes(text, "hi", PUBLISHED))
    assert coded == [(("IND", "MDV"), "040", "planned"), (("IND", "MDV"), "042", "planned")]


def test_the_word_there_is_no_pronoun():
    # "वहां" (there) begins with "वह": the meeting has no second side
    text = "रूस के विदेश मंत्री कल दिल्ली पहुंचे। वहां मंत्रालय में बैठक हुई।"
    assert [e[1] for e in event_codes(text, "hi", PUBLISHED)] == ["042"]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # ब for व in a name the KB writes "शेर बहादुर देउबा"
        ("प्रधानमंत्री शेर बहादुर देउवा ने चीन की यात्रा की।", ("CHN", "NPL")),
        # a hyphen typed with a space after it and the other i: "अल-सीसी"
        ("अल- सिसी ने सऊदी अरब की यात्रा की।", ("EGY", "SAU")),
        ("रक्षा मंत्री रिचर्ड मार्ल्स ने जापान की यात्रा की।", ("AUS", "JPN")),
    ],
)
def test_a_name_spelled_otherwise_still_names_its_country(text, pair):
    assert pair in [e[0] for e in event_codes(text, "hi", PUBLISHED)]


def test_a_counterpart_and_another_minister_met_in_turn_are_two_meetings():
    text = (
        "On the last day of his visit to Laos, Defence Minister Rajnath Singh on Friday met his "
        "Japanese counterpart and the Defence Secretary of the Philippines."
    )
    assert sorted(e[:4] for e in event_codes(text, "en", PUBLISHED)) == [
        (("IND", "JPN"), "040", "IND", "JPN"),
        (("IND", "PHL"), "040", "IND", "PHL"),
    ]


def test_the_one_who_holds_talks_with_his_counterpart_is_the_clause_subject():
    text = (
        "Jaishankar stopped over in Iran to meet Zarif on his way to Russia, where he will attend a "
        "meeting of the Shanghai Cooperation Organisation and also hold talks with his Chinese "
        "counterpart Wang Yi."
    )
    assert (("CHN", "IND"), "040", "IND", "CHN") in [e[:4] for e in event_codes(text, "en", date(2020, 9, 5))]


@pytest.mark.parametrize(
    "text",
    [
        "Iran and Saudi Arabia held talks in Baghdad, Iraq's foreign minister said on Monday.",
        "Iran and Saudi Arabia signed a memorandum of understanding, according to Iraq's foreign ministry.",
    ],
)
def test_a_speaker_the_sentence_ends_on_is_no_party_to_the_pair_it_reports(text):
    assert {e[0] for e in event_codes(text, "en", PUBLISHED)} == {("IRN", "SAU")}


def test_an_attribution_naming_the_other_side_keeps_it():
    text = "India's envoy met officials in Islamabad on Monday, Pakistan's foreign office said."
    assert [e[0] for e in event_codes(text, "en", PUBLISHED)] == [("IND", "PAK")]


def test_the_head_of_an_international_body_is_no_longer_his_country():
    # António Guterres was Portugal's prime minister until 2002
    text = "UN Secretary-General António Guterres called on Rwanda to withdraw its forces from Congo."
    assert [e for e in event_codes(text, "en", PUBLISHED) if "PRT" in e[0]] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gustavo Petro set foot in Venezuela on Tuesday.", (("COL", "VEN"), "042", "COL", "VEN", "held")),
        (
            "In South Africa, Sushma Swaraj was also set to co-chair the India-South Africa joint commission.",
            (("IND", "ZAF"), "040", "IND", "ZAF", "planned"),
        ),
        (
            "On June 7, Boris Johnson held a telephonic discussion with his Pakistani counterpart.",
            (("GBR", "PAK"), "041", "GBR", "PAK", "held"),
        ),
        (
            "Japan and India are expected to ink a security agreement during the visit.",
            (("IND", "JPN"), "057", None, None, "planned"),
        ),
        (
            "India has read the riot act to the Maldives after three ministers made derogatory remarks.",
            (("IND", "MDV"), "111", "IND", "MDV", "held"),
        ),
    ],
)
def test_english_phrasings_of_visits_calls_meetings_accords_and_reproach(text, expected):
    coded = [e[:5] for e in event_codes("Report. " + text, "en", date(2022, 11, 2))]
    assert expected in coded


def test_the_first_leader_to_visit_in_years_made_the_visit():
    text = "Report. Gustavo Petro has become the first Colombian president to visit Venezuela since 2013."
    assert [e[:5] for e in event_codes(text, "en", date(2022, 11, 2))] == [
        (("COL", "VEN"), "042", "COL", "VEN", "held")
    ]


def test_a_danda_without_a_space_after_it_still_ends_the_sentence():
    text = "नेपाल के प्रधानमंत्री कल भारत आएंगे।यह उनकी पहली विदेश यात्रा होगी।"
    assert [e[:2] for e in event_codes(text, "hi", PUBLISHED)] == [(("IND", "NPL"), "042")]


def test_a_sentence_that_goes_on_with_also_keeps_the_subject_before():
    text = "प्रधानमंत्री मोदी ने रूस के राष्ट्रपति पुतिन से मुलाकात की।साथ ही ईरान के राष्ट्रपति से भी द्विपक्षीय वार्ता की।"
    coded = sorted(e[:2] for e in event_codes(text, "hi", PUBLISHED))
    assert coded == [(("IND", "IRN"), "040"), (("IND", "RUS"), "040")]


@pytest.mark.parametrize(
    "text",
    [
        "Report. India suspended the 1960 Indus Waters Treaty with Pakistan on Wednesday.",
        "भारत ने पाकिस्तान को सूचित किया है कि उसने सिंधु जल संधि 1960 को तत्काल प्रभाव से स्थगित रखने का निर्णय लिया है।",
    ],
)
def test_suspending_a_treaty_named_by_its_year_is_news_and_the_treaty_a_background_event(text):
    lang = "en" if text.isascii() else "hi"
    coded = sorted((e[0], e[1], e[2], e[4], e[5]) for e in event_codes(text, lang, date(2025, 4, 24)))
    assert [c[:4] for c in coded] == [(("IND", "PAK"), "057", None, "held"), (("IND", "PAK"), "160", "IND", "held")]
    assert coded[0][4] == "1960" and coded[1][4].startswith("2025-04")


def test_pulling_out_of_an_accord_is_done_not_called_off():
    text = "Report. Trump pulled out of the nuclear agreement with Iran in 2018."
    assert [e[:5] for e in event_codes(text, "en", PUBLISHED)] == [(("IRN", "USA"), "160", "USA", "IRN", "held")]


def test_both_countries_are_the_pair_joined_by_and_not_a_third_state_named_beside_them():
    text = (
        "उत्तर कोरिया को टक्कर देने के लिए जापान और दक्षिण कोरिया के नेताओं ने रिश्तों में सुधार का फैसला किया है। "
        "दोनों देश शिखर बैठक करेंगे।"
    )
    assert [e[:2] for e in event_codes(text, "hi", PUBLISHED)] == [(("JPN", "KOR"), "040")]


def test_an_attack_its_owner_made_is_the_owners_even_when_another_state_answers_it():
    text = "काबुल: अफगानिस्तान ने पाकिस्तान के एयर स्ट्राइक का बदला लिया है।"
    assert [e[:4] for e in event_codes(text, "hi", PUBLISHED)] == [(("AFG", "PAK"), "195", "PAK", "AFG")]


def test_an_attack_against_a_state_is_not_that_states():
    text = "रूस ने यूक्रेन के खिलाफ ड्रोन हमला किया।"
    assert [e[:4] for e in event_codes(text, "hi", PUBLISHED)] == [(("RUS", "UKR"), "195", "RUS", "UKR")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "बाइडन ने चीनी राष्ट्रपति शी जिनपिंग का स्वागत किया। मुलाकात के दौरान दोनों नेताओं में "
            "आपसी सौहार्द बढ़ाने, इजराइल-हमास युद्ध, रूस-यूक्रेन युद्ध और ताइवान के मुद्दे पर बातचीत हुई।",
            "hi",
        ),
        ("Biden welcomed Xi Jinping at the estate. The two leaders discussed the war in Ukraine.", "en"),
    ],
)
def test_the_two_leaders_are_the_people_just_named_not_the_states_of_their_topics(text, lang):
    talks = [e[0] for e in event_codes(text, lang, PUBLISHED) if e[1] == "040"]
    assert talks == [("CHN", "USA")]


@pytest.mark.parametrize(
    "text",
    [
        "Report. Jaishankar arrived here from Australia, where he attended the Quad Foreign Ministers' meeting.",
        "खबर। चीन और पाकिस्तान के विदेश मंत्री शंघाई सहयोग संगठन (एससीओ) की बैठक में शामिल हुए।",
    ],
)
def test_a_meeting_named_after_a_forum_is_the_forums_not_one_between_two_members(text):
    lang = "en" if text.isascii() else "hi"
    assert [e for e in event_codes(text, lang, PUBLISHED) if e[1].startswith("04")] == []


def test_a_meeting_during_a_forums_summit_is_the_two_leaders_own():
    text = "खबर। मोदी और मर्केल ने इस साल जून में ओसाका में जी-20 शिखर सम्मेलन के दौरान मुलाकात की थी।"
    assert [e[:2] for e in event_codes(text, "hi", PUBLISHED)] == [(("DEU", "IND"), "040")]


@pytest.mark.parametrize(
    "text",
    [
        "Report. Kishida hoped for a new era in Japan-South Korea relations through frequent visits by both sides.",
        "Report. Turkey praised Egypt's role as negotiator in Gaza truce talks.",
    ],
)
def test_wished_for_visits_and_talks_a_state_negotiates_for_others_are_no_events_of_the_pair(text):
    assert [e for e in event_codes(text, "en", PUBLISHED) if e[1] in ("040", "042")] == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The leaders of Brazil and Argentina want a common South American currency.", "en"),
        ("ब्राजील और अर्जेंटीना के नेता दक्षिण अमेरिकी देशों और लैटिन अमेरिका के साथ व्यापार बढ़ाना चाहते हैं।", "hi"),
    ],
)
def test_a_continent_named_america_is_not_the_united_states(text, lang):
    found = extract_entities(text, lang, PUBLISHED).mentions
    assert "USA" not in {m.country for m in found}
    assert {m.entity_id for m in found if m.label == "PLACE"} & {"SOUTH_AMERICA", "LATIN_AMERICA"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two civilians were killed in Cambodian shelling of Thailand as the neighbours clash over the border.",
            (("KHM", "THA"), "194", "KHM", "THA"),
        ),
        ("Pakistani troops have been shelling forward Indian positions.", (("IND", "PAK"), "194", "PAK", "IND")),
        (
            "The Afghan forces launched an assault using heavy weaponry on a Pakistani checkpoint.",
            (("AFG", "PAK"), "190", "AFG", "PAK"),
        ),
        (
            "A confrontation between Pakistani security forces and the Afghan Taliban killed eight soldiers.",
            (("AFG", "PAK"), "190", None, None),
        ),
        (
            "Russian forces attacked Ukrainian facilities supplying electricity to the arms industry.",
            (("RUS", "UKR"), "190", "RUS", "UKR"),
        ),
        (
            "The Israeli army acknowledged carrying out wide-ranging strikes on military sites in western Iran.",
            (("IRN", "ISR"), "195", "ISR", "IRN"),
        ),
        (
            "On Thursday night, the United States launched 59 cruise missiles at the Syrian military airfield.",
            (("SYR", "USA"), "195", "USA", "SYR"),
        ),
    ],
)
def test_english_fighting_shelling_assaults_and_strikes_between_two_states(text, expected):
    assert expected in [e[:4] for e in event_codes("Report. " + text, "en", PUBLISHED)]


def test_a_reported_clause_naming_both_sides_needs_no_speaker():
    text = "Report. Hun Sen said that Thailand's military had shelled two Cambodian provinces bordering Thailand."
    assert [e[:2] for e in event_codes(text, "en", PUBLISHED)] == [(("KHM", "THA"), "194")]


def test_a_state_shelled_from_the_other_side_is_the_target():
    text = "Report. The Azerbaijani army positions were shelled from the Armenian positions near the villages."
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("ARM", "AZE"), "194", "ARM", "AZE")]


def test_a_states_mission_to_an_international_body_meets_for_its_state():
    text = "Report. North Korea said its U.N. diplomats met U.S. officials in New York twice last week."
    assert (("PRK", "USA"), "040") in [e[:2] for e in event_codes(text, "en", PUBLISHED)]


def test_a_city_a_clash_happened_near_is_no_party_to_it():
    text = "Report. Insurgents and American forces clashed briefly on Thursday near the Iraqi city."
    assert event_codes(text, "en", PUBLISHED) == []


@pytest.mark.parametrize(
    "text",
    [
        "Thailand accused Cambodia of attacking Thai positions near the temple.",
        "India condemned the shelling of its border posts by Pakistani troops.",
    ],
)
def test_an_act_named_in_an_accusation_or_a_condemnation_is_alleged_not_coded(text):
    assert [e[1][:2] for e in event_codes("Report. " + text, "en", PUBLISHED)] == ["11"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "गौरतलब है कि, रूस करीब हफ्तेभर से यूक्रेन पर लगातार भीषण मिसाइल और ड्रोन हमले कर रहा है।",
            (("RUS", "UKR"), "195", None, None, "ongoing"),
        ),
        (
            "आर्मेनिया और अजरबैजान की सेना के मध्य एक बार फिर हिंसक संघर्ष छिड़ गया है।",
            (("ARM", "AZE"), "190", None, None, "held"),
        ),
        (
            "आर्मेनिया और अजरबैजान की सीमा पर जंग में आर्मेनिया के तीन सैनिक मारे गए।",
            (("ARM", "AZE"), "190", None, None, "held"),
        ),
        ("ये हमला अफगानिस्तान ने पाकिस्तान के कई इलाकों में किया है।", (("AFG", "PAK"), "190", "AFG", "PAK", "held")),
        (
            "सीरिया की राजधानी दमिश्क में इस्राइल ने किया हमला, चार सैनिकों की मौत",
            (("ISR", "SYR"), "190", "ISR", "SYR", "held"),
        ),
        ("इज़रायल ने एक बार फिर हवाई हमले से सीरिया को दहला दिया है।", (("ISR", "SYR"), "195", "ISR", "SYR", "held")),
        (
            "इजरायल के विदेश मंत्रालय ने जानकारी दी है कि ईरान के मिसाइल हमलों में एक व्यक्ति की मौत हो गई।",
            (("IRN", "ISR"), "195", "IRN", "ISR", "held"),
        ),
    ],
)
def test_hindi_attacks_in_the_forms_conflict_news_uses(text, expected):
    assert expected in [e[:5] for e in event_codes("खबर। " + text, "hi", PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("पाकिस्तान ने एक बार फिर सीजफायर तोड़ा और भारत की चौकियों पर गोलीबारी की।", (("IND", "PAK"), "196")),
        ("भारत ने पाकिस्तान में आतंकी ठिकानों को तबाह कर दिया।", (("IND", "PAK"), "195")),
        ("पाकिस्तान ने भारत के कई शहरों पर ड्रोन से हमला किया।", (("IND", "PAK"), "195")),
        ("ईरान ने इजरायल पर हमला बोल दिया है।", (("IRN", "ISR"), "190")),
        ("भारतीय सेना ने पाकिस्तान के हमले के बाद जवाबी कार्रवाई की।", (("IND", "PAK"), "190")),
    ],
)
def test_more_hindi_phrasings_of_attacks(text, expected):
    assert expected in [e[:2] for e in event_codes("खबर। भारत की खबर। " + text, "hi", PUBLISHED)]


@pytest.mark.parametrize(
    "text",
    [
        "इजरायल ने ईरान को जवाबी कार्रवाई की चेतावनी दी।",
        "दोनों देशों ने एक दूसरे पर युद्धविराम तोड़ने का आरोप लगाया।",
    ],
)
def test_a_retaliation_threatened_or_a_violation_alleged_is_no_attack(text):
    assert [e for e in event_codes(text, "hi", PUBLISHED) if e[1].startswith("19")] == []


def test_a_summit_referred_back_to_keeps_its_pair_not_the_states_named_after_it():
    text = (
        "Report. Iran and Saudi Arabia held a summit in Beijing on Thursday. The summit comes just one "
        "month after Iran, which has supported Russia in its invasion of Ukraine, agreed to restore ties."
    )
    summits = [e[0] for e in event_codes(text, "en", PUBLISHED) if e[1] == "040"]
    assert summits == [("IRN", "SAU")]
