"""Round 30 rules (issue 10): Hindi "X से बात की" (spoke with), and office-holders named in the
plural ("के विदेश सचिवों"). Every sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest
from engagement.extract import extract_article
from engagement.nlp.entities import extract_entities

from tests.events.event_codes import event_codes

PUBLISHED = date(2024, 2, 10)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("विदेश मंत्री जयशंकर ने सोमवार को ईरान के विदेश मंत्री से बात की।", ("IND", "IRN")),
        ("राष्ट्रपति बाइडन और प्रधानमंत्री नेतन्याहू ने बात की।", ("ISR", "USA")),
        ("जापान के प्रधानमंत्री ने दक्षिण कोरिया के राष्ट्रपति के साथ बात की।", ("JPN", "KOR")),
    ],
)
def test_spoke_with_a_counterpart_is_a_talk(text, pair):
    assert [(e[0], e[1]) for e in event_codes(text, "hi", PUBLISHED)] == [(pair, "040")]


@pytest.mark.parametrize(
    "text",
    [
        # the press, not a state, is whom he spoke with
        "पुतिन ने पत्रकारों से बात की और कहा कि अमेरिका और चीन को संयम बरतना चाहिए।",
        # "विस्तार से" is "in detail", not "with"
        "अमेरिका के विदेश मंत्री ने चीन की नीति पर विस्तार से बात की।",
    ],
)
def test_spoke_to_the_press_or_in_detail_is_no_talk(text):
    assert event_codes(text, "hi", PUBLISHED) == []


def test_officials_named_in_the_plural_are_officials_of_the_pair():
    # "needs official": a review of accords is a meeting only when officials hold it
    text = "भारत और बांग्लादेश के विदेश सचिवों ने ढाका में द्विपक्षीय समझौतों की समीक्षा की।"
    assert [(e[0], e[1]) for e in event_codes(text, "hi", PUBLISHED)] == [(("BGD", "IND"), "040")]


def test_a_plural_office_is_no_single_office_holder():
    # "के राष्ट्रपतियों": several presidents; no one holder, and no Indian office when no state is written
    entities = extract_entities("शिखर सम्मेलन में सदस्य देशों के राष्ट्रपतियों ने भाग लिया।", "hi", PUBLISHED)
    roles = [m for m in entities.mentions if m.label == "ROLE"]
    assert [(m.text, m.country, m.entity_id, m.role) for m in roles] == [("राष्ट्रपतियों", None, None, "head_of_state")]


def test_people_met_in_turn_keep_their_list_when_their_office_is_plural():
    text = "रक्षा मंत्री राजनाथ सिंह ने मंगोलिया और मोजांबिक के रक्षा मंत्रियों के साथ अलग-अलग द्विपक्षीय बैठक की।"
    assert sorted(e[0] for e in event_codes(text, "hi", PUBLISHED)) == [("IND", "MNG"), ("IND", "MOZ")]


def test_they_sat_face_to_face_and_talked_is_a_meeting():
    text = "उत्तर कोरिया के नेता किम जोंग उन और रूस के राष्ट्रपति पुतिन ने गुरुवार को आमने-सामने बैठकर बात की।"
    assert [(e[0], e[1]) for e in event_codes(text, "hi", PUBLISHED)] == [(("PRK", "RUS"), "040")]


def test_government_consultations_one_will_take_part_in_are_planned():
    text = "चीन के प्रधानमंत्री बर्लिन में सातवें चीन-जर्मनी सरकारी परामर्श में भाग लेंगे।"
    assert [(e[0], e[1], e[4]) for e in event_codes(text, "hi", PUBLISHED)] == [(("CHN", "DEU"), "040", "planned")]


def test_a_headline_that_puts_the_future_verb_first_reports_a_planned_visit():
    text = "अमेरिकी राष्ट्रपति बाइडेन जल्द करेंगे वियतनाम का दौरा"
    assert [(e[0], e[1], e[4]) for e in event_codes(text, "hi", PUBLISHED)] == [(("USA", "VNM"), "042", "planned")]


@pytest.mark.parametrize(
    "text",
    [
        "तुर्किए के राष्ट्रपति ने मिस्र के राष्ट्रपति को अंकारा यात्रा की दावत दी है।",
        "तुर्किए के राष्ट्रपति ने मिस्र के राष्ट्रपति को अंकारा यात्रा का निमंत्रण भेजा है।",
    ],
)
def test_an_invitation_to_visit_is_an_intent_not_a_visit(text):
    assert [(e[0], e[1]) for e in event_codes(text, "hi", PUBLISHED)] == [(("EGY", "TUR"), "036")]


def test_a_condemnation_in_the_passive_is_one():
    text = "रूस ने कल यूक्रेन के बिजलीघरों पर हमला किया। रूस के इस हमले की निंदा यूक्रेन द्वारा की गई है।"
    assert ("111", ("RUS", "UKR")) in [(e[1], e[0]) for e in event_codes(text, "hi", PUBLISHED)]


def test_a_half_nasal_spelling_matches_the_anusvara_phrase():
    # "निन्दा" for "निंदा"
    text = "पाकिस्तान ने ईरान के मिसाइल हमले की कड़ी निन्दा की है।"
    assert [(e[0], e[1], e[2]) for e in event_codes(text, "hi", PUBLISHED)] == [(("IRN", "PAK"), "111", "PAK")]


def test_groups_a_state_backs_are_not_the_state():
    text = "इराक में अमेरिकी ठिकानों पर ईरान समर्थित संगठनों ने हमले किए हैं।"
    assert event_codes(text, "hi", PUBLISHED) == []


def test_he_is_the_subject_of_the_sentence_before_not_a_person_governed_by_a_postposition():
    text = (
        "मालदीव के मंत्रियों द्वारा प्रधानमंत्री मोदी के खिलाफ टिप्पणी के बाद राष्ट्रपति मोहम्मद मुइज्जु अब चीन पहुंचे हैं। "
        "उन्होंने चीन के साथ 20 समझौतों पर हस्ताक्षर किए।"
    )
    signed = [e[0] for e in event_codes(text, "hi", PUBLISHED) if e[1] == "057"]
    assert signed == [("CHN", "MDV")]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("ग्रीक प्रधानमंत्री ने तुर्की के राष्ट्रपति से मुलाकात की।", "GRC"),
        ("प्रधानमंत्री मोदी मंगलवार शाम को ब्रुनेई पहुंचे।", "BRN"),
        ("अर्दोगान ने मिस्र की यात्रा की।", "TUR"),
    ],
)
def test_hindi_spellings_the_kb_did_not_know(text, country):
    assert country in {c for e in event_codes(text, "hi", PUBLISHED) for c in e[0]}


def test_a_wire_dateline_below_a_byline_is_no_party():
    text = (
        "Israeli strikes close Damascus airport\nBy A Reporter\nAssociated Press\n"
        "BEIRUT (AP) — The Syrian army says missile strikes by Israel's military have closed the capital's airport."
    )
    assert [e[0] for e in event_codes(text, "en", PUBLISHED)] == [("ISR", "SYR")]


@pytest.mark.parametrize(
    "text",
    [
        # pushed back: a particle, not "backed by"
        "Migrants say they are forced across by Belarusian forces and pushed back by Polish officials.",
        # "at some distance from": a noun, not distancing oneself
        "Putin sat at some distance from Chinese President Xi Jinping at the long table.",
    ],
)
def test_verbs_of_the_cameo_dictionary_used_as_particles_or_nouns_are_no_acts(text):
    assert event_codes(text, "en", PUBLISHED) == []


def test_sending_an_ambassador_back_home_is_an_expulsion():
    text = "Somalia sent the Ethiopian ambassador in Mogadishu back home on Thursday."
    assert [(e[0], e[1], e[2]) for e in event_codes(text, "en", PUBLISHED)] == [(("ETH", "SOM"), "174", "SOM")]


def test_a_country_discussed_is_a_topic_and_a_headline_discusses_with_a_partner():
    assert [
        (e[0], e[1])
        for e in event_codes("Egypt's leader discusses energy and investment with Qatar's emir.", "en", PUBLISHED)
    ] == [(("EGY", "QAT"), "040")]
    text = (
        "In a phone call, Brazil's President Lula and France's President Macron also discussed Ukraine peace efforts."
    )
    assert [e[0] for e in event_codes(text, "en", PUBLISHED)] == [("BRA", "FRA")]


@pytest.mark.parametrize(
    ("lang", "text", "pair"),
    [
        ("en", "India and Greece on Friday elevated their ties to a strategic partnership.", ("GRC", "IND")),
        ("en", "Vietnam and the United States agreed to upgrade their relations.", ("USA", "VNM")),
        ("hi", "चीन और घाना ने अपने संबंधों को रणनीतिक साझेदारी में उन्नत किया।", ("CHN", "GHA")),
    ],
)
def test_ties_raised_to_a_partnership_are_diplomatic_cooperation(lang, text, pair):
    assert [(e[0], e[1]) for e in event_codes(text, lang, PUBLISHED)] == [(pair, "050")]


def test_partners_listed_after_with_are_not_each_others():
    text = "It had signed similar accords with Australia in 2022, and Britain last year."
    assert event_codes(text, "en", PUBLISHED) == []


def test_further_before_a_past_verb_is_no_plan():
    text = "Kenyan President Ruto and Tanzanian President Suluhu further discussed trade barriers."
    assert [(e[0], e[4]) for e in event_codes(text, "en", PUBLISHED)] == [(("KEN", "TZA"), "held")]


def test_a_promise_to_pay_is_a_pledge_of_aid():
    text = "Prime Minister Sunak promised to pay France 541 million euros over three years."
    assert [(e[0], e[1], e[2]) for e in event_codes(text, "en", PUBLISHED)] == [(("FRA", "GBR"), "033", "GBR")]


def test_his_talks_are_those_of_the_person_just_named_and_a_leaders_act_discussed_is_a_topic():
    text = (
        "German Chancellor Scholz visits Turkey. His talks with President Erdogan focused on Putin's attack on Ukraine."
    )
    assert sorted((e[0], e[1]) for e in event_codes(text, "en", PUBLISHED)) == [
        (("DEU", "TUR"), "040"),
        (("DEU", "TUR"), "042"),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("hi", "चीन ने अब अमेरिकी सामानों पर 84 प्रतिशत अतिरिक्त टैरिफ लगा दिया है।", "163"),
        ("en", "China imposed 84 percent retaliatory tariffs on US goods on Wednesday.", "163"),
        ("en", "President Trump threatened to impose tariffs on China.", "132"),
    ],
)
def test_tariffs_imposed_are_sanctions_and_threatened_ones_threats(lang, text, code):
    assert [(e[0], e[1]) for e in event_codes(text, lang, PUBLISHED)] == [(("CHN", "USA"), code)]


def test_tariffs_the_sides_agree_to_avoid_are_none():
    text = (
        "China and the United States decided to avoid the further raising of existing tariffs imposed "
        "on each other and slapping new additional tariffs."
    )
    assert [e[1] for e in event_codes(text, "en", PUBLISHED)] == []


def test_an_english_gloss_inside_a_hindi_phrase_is_read_as_a_space():
    text = "अमेरिका ने वेनेजुएला के राष्ट्रपति के करीबी सहयोगियों पर नए प्रतिबंध (Venezuela Sanctions) लगाए हैं।"
    assert [(e[0], e[1], e[2]) for e in event_codes(text, "hi", PUBLISHED)] == [(("USA", "VEN"), "163", "USA")]


def test_he_meets_each_of_two_people_a_sentence_lists_after_his_pronoun():
    text = (
        "प्रधानमंत्री मोदी शिखर सम्मेलन के लिए इटली पहुंचे। इस दौरान उन्होंने ब्रिटेन के प्रधानमंत्री और फ्रांस के राष्ट्रपति से भी मुलाकात की।"
    )
    met = sorted((e[0], e[2], e[3]) for e in event_codes(text, "hi", PUBLISHED) if e[1] == "040")
    assert met == [(("FRA", "IND"), "IND", "FRA"), (("GBR", "IND"), "IND", "GBR")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("hi", "यूक्रेन के राष्ट्रपति ने आगामी पुतिन-ट्रंप मुलाकात पर अपनी प्रतिक्रिया दी।"),
        ("en", "Ukraine's president reacted to the upcoming Putin-Trump meeting in Alaska."),
    ],
)
def test_a_pair_joined_by_a_hyphen_before_a_meeting_is_its_pair(lang, text):
    assert [(e[0], e[1]) for e in event_codes(text, lang, PUBLISHED)] == [(("RUS", "USA"), "040")]


@pytest.mark.parametrize(
    "text",
    [
        "Several agreements between India and Nepal will be signed.",
        "The talks between India and Nepal will be held in Delhi next week.",
    ],
)
def test_a_passive_future_is_planned(text):
    assert [e[4] for e in event_codes(text, "en", PUBLISHED)] == ["planned"]


def test_a_bilateral_meeting_between_two_named_leaders_is_theirs():
    text = (
        "The consensus came at a bilateral meeting held between Bangladesh Prime Minister Sheikh Hasina "
        "and her Nepalese counterpart at a hotel in Kathmandu yesterday."
    )
    assert [(e[0], e[1]) for e in event_codes(text, "en", PUBLISHED)] == [(("BGD", "NPL"), "040")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("After President Dissanayake signed the guest book, the Sri Lankan and Maldivian leaders posed.", []),
        ("The agreements between Sri Lanka and the Maldives were exchanged by the foreign ministers.", ["057"]),
        ("Chinese Ambassador Cheng Xueyuan called upon Prime Minister Ranil Wickremesinghe in Colombo.", ["040"]),
    ],
)
def test_agreements_exchanged_guest_books_signed_and_calls_upon(text, expected):
    assert [e[1] for e in event_codes(text, "en", PUBLISHED)] == expected


def test_a_weapon_made_in_a_country_is_no_act_of_it():
    text = "India shot down a US made F-16 fighter of the Pakistan Air Force on Wednesday."
    assert [e[0] for e in event_codes(text, "en", PUBLISHED)] == [("IND", "PAK")]


def test_a_hindi_headline_with_its_past_verb_first_reports_a_held_meeting():
    text = "अमेरिका के राष्ट्रपति ट्रंप ने की जापान के पीएम आबे से मुलाकात, व्यापार समझौते की उम्मीद"
    assert [(e[0], e[1], e[4]) for e in event_codes(text, "hi", PUBLISHED)] == [(("JPN", "USA"), "040", "held")]


def test_this_visit_retold_beside_other_states_is_the_one_reported():
    text = (
        "राष्ट्रीय सुरक्षा सलाहकार अजित डोभाल ने मास्को में रूस के उप प्रधानमंत्री से मुलाकात की। "
        "डोभाल की यह यात्रा ऐसे समय हुई है जब भारत-अमेरिका संबंधों में तनाव है।"
    )
    assert sorted((e[0], e[1]) for e in event_codes(text, "hi", PUBLISHED)) == [(("IND", "RUS"), "040")]


def test_a_bare_office_is_that_of_the_one_holder_the_article_named():
    text = (
        "पाकिस्तान के विदेश मंत्री शाह महमूद कुरैशी बुधवार को मास्को पहुंचे। "
        "विदेश मंत्री ने इससे पहले अफगानिस्तान की यात्रा की थी।"
    )
    visits = sorted((e[0], e[2]) for e in event_codes(text, "hi", PUBLISHED) if e[1] == "042")
    assert visits == [(("AFG", "PAK"), "PAK"), (("PAK", "RUS"), "PAK")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "पाकिस्तान के विदेश मंत्री कुरैशी बुधवार को मास्को पहुंचे। अब तक वह काबुल, तेहरान और बीजिंग की यात्रा कर चुके हैं।",
            [("AFG", "PAK"), ("CHN", "PAK"), ("IRN", "PAK"), ("PAK", "RUS")],
        ),
        (
            "पाकिस्तान के विदेश मंत्री कुरैशी बुधवार को मास्को पहुंचे। "
            "काबुल में उन्होंने अफगान राष्ट्रपति अशरफ गनी और ईरान के विदेश मंत्री जरीफ से भेंट की।",
            [("AFG", "PAK"), ("IRN", "PAK"), ("PAK", "RUS")],
        ),
    ],
)
def test_he_named_by_a_pronoun_travels_to_and_meets_each_state_named(text, expected):
    assert sorted({e[0] for e in event_codes(text, "hi", PUBLISHED)}) == expected


@pytest.mark.parametrize(
    "text",
    [
        "चीन ने पाकिस्तान को वित्तीय संकट से उबारने के लिए पूरी मदद करने का भरोसा दिलाया।",
        "पाकिस्तान ने अफगानिस्तान को 28 करोड़ डॉलर की मानवीय सहायता प्रदान करने का वादा किया।",
    ],
)
def test_a_hindi_promise_of_help_is_a_pledge_of_aid(text):
    assert [e[1] for e in event_codes(text, "hi", PUBLISHED)] == ["033"]


def test_a_country_whose_summit_city_is_named_is_the_venue():
    text = (
        "पाकिस्तान के प्रधानमंत्री शहबाज शरीफ बीजिंग पहुंचे। "
        "उन्होंने पिछले महीने उज्बेकिस्तान के समरकंद में एससीओ की बैठक से इतर शी जिनपिंग से मुलाकात की थी।"
    )
    met = [e[0] for e in event_codes(text, "hi", PUBLISHED) if e[1] == "040"]
    assert met == [("CHN", "PAK")]


def test_money_a_country_will_get_is_no_meeting():
    text = "अमेरिका ने यूक्रेन को बजट सहायता उपलब्ध कराई है, जिससे युद्धग्रस्त देश को 1.2 अरब डॉलर मिलेंगे।"
    assert [e[1] for e in event_codes(text, "hi", PUBLISHED) if e[1] == "040"] == []


@pytest.mark.parametrize(
    ("text", "code", "pair"),
    [
        ("अमेरिका ने यूक्रेन को 3.4 बिलियन डॉलर की अतिरिक्त बजट सहायता उपलब्ध कराई है।", "071", ("UKR", "USA")),
        ("अमेरिका ने इजराइल को सैन्य सहायता भेजी।", "072", ("ISR", "USA")),
        ("भारत ने अफगानिस्तान को 2,500 मीट्रिक टन गेहूं की पहली खेप रवाना की।", "073", ("AFG", "IND")),
    ],
)
def test_hindi_aid_given_is_provided_aid(text, code, pair):
    assert [(e[0], e[1]) for e in event_codes(text, "hi", PUBLISHED)] == [(pair, code)]


@pytest.mark.parametrize(
    ("text", "pair", "code"),
    [
        ("Mexico is breaking diplomatic ties with Ecuador after police stormed its embassy.", ("ECU", "MEX"), "161"),
        ("Twenty Indian soldiers were killed in a violent face-off with Chinese troops.", ("CHN", "IND"), "190"),
        ("Ukraine's military said it struck Russia's Ryazan oil refinery on Saturday.", ("RUS", "UKR"), "195"),
        ("Ukraine's SBU said its drones had hit Russia's Millerovo military airfield.", ("RUS", "UKR"), "195"),
        ("Japan implemented tighter controls on exports of chip materials to South Korea.", ("JPN", "KOR"), "163"),
        ("Greece's Tsipras and Macedonia's Zaev attended the signing of the deal on Sunday.", ("GRC", "MKD"), "057"),
    ],
)
def test_english_ties_broken_clashes_strikes_export_controls_and_signings(text, pair, code):
    assert [(e[0], e[1]) for e in event_codes(text, "en", PUBLISHED)] == [(pair, code)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("पाकिस्तानी सैनिकों ने भारतीय चौकियों को ग्रेनेड वाले रॉकेट से निशाना बनाया।", (("IND", "PAK"), "190", "PAK")),
        ("शनिवार सुबह ईरान की एक मिसाइल मध्य इज़राइल में घरों के पास गिर गई।", (("IRN", "ISR"), "195", "IRN")),
        ("तालिबान सरकार ने पाकिस्तान आर्मी पर खोस्त प्रांत में बमबारी का लगाया आरोप", (("AFG", "PAK"), "112", "AFG")),
        ("पाकिस्तान सरकार ने ईरानी राजदूत को देश से निष्काषित कर दिया है।", (("IRN", "PAK"), "174", "PAK")),
        ("सऊदी अरब ने कनाडा के साथ सभी नए व्यापार और निवेश पर भी रोक लगा दी है।", (("CAN", "SAU"), "163", "SAU")),
    ],
)
def test_hindi_conflict_as_news_writes_it(text, expected):
    assert [e[:3] for e in event_codes(text, "hi", PUBLISHED)] == [expected]


def test_an_envoy_sent_home_and_ones_own_recalled_are_two_acts():
    text = "सऊदी अरब ने कनाडाई उच्चायुक्त को वापस देश भेज दिया है और अपने राजदूत को भी बुला लिया है।"
    assert sorted(e[1] for e in event_codes(text, "hi", PUBLISHED)) == ["161", "174"]


@pytest.mark.parametrize(
    "text",
    [
        "इजराइल ने ईरान की मिसाइलों को मार गिराया।",
        "यूक्रेन पर रूस के ड्रोन दागे गए और इनमें से 74 गिरा दिए गए।",
    ],
)
def test_missiles_shot_down_did_not_fall_on_anyone(text):
    assert [e[1] for e in event_codes(text, "hi", PUBLISHED) if e[1] == "195" and e[3] != "RUS"] == []


def test_a_hindi_dateline_with_a_month_name_is_no_party():
    text = "नई दिल्ली, सितम्बर 14 -- यूक्रेन ने रूस की सबसे बड़ी तेल रिफाइनरी पर ड्रोन हमला किया।"
    assert [e[0] for e in event_codes(text, "hi", PUBLISHED)] == [("RUS", "UKR")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("फ्रांस ने अमेरिका से अपने राजदूत को वापस बुलाया।", (("FRA", "USA"), "161", "FRA")),
        ("बांग्लादेश के विदेश मंत्रालय ने भारतीय हाईकमिश्नर को बुलाकर आपत्ति जताई।", (("BGD", "IND"), "111", "BGD")),
        ("भारत ने निकाला कनाडा के राजनयिक को, राजदूत से भी मांगा जवाब", (("CAN", "IND"), "174", "IND")),
        ("भारत ने कनाडा के राजनयिक को देश से निकाल दिया।", (("CAN", "IND"), "174", "IND")),
        ("चीन ने लिथुआनिया को जवाबी कार्रवाई करने की दी धमकी", (("CHN", "LTU"), "130", "CHN")),
    ],
)
def test_hindi_envoys_recalled_called_in_and_thrown_out_and_threats_told_verb_first(text, expected):
    assert [e[:3] for e in event_codes(text, "hi", PUBLISHED)] == [expected]


def test_one_attack_reported_with_two_codes_in_an_article_is_one_event():
    text = (
        "यूक्रेन ने शनिवार रात रूस पर बड़ा हमला बोला। "
        "यूक्रेन ने रूस की सबसे बड़ी तेल रिफाइनरी पर ड्रोन हमला किया।"
    )
    force = [e for e in extract_article(text, "hi", PUBLISHED)["events"] if e["root"] == "19"]
    assert [(e["actors"], e["cameo"], e["mentions"]) for e in force] == [(["RUS", "UKR"], "195", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("रूस ने 2022 में यूक्रेन पर आक्रमण किया था।", (("RUS", "UKR"), "190", "2022")),
        # an invasion named as the time since which something holds is a background event of its own
        ("साल 2022 में यूक्रेन पर रूसी आक्रमण के बाद से दोनों देशों के बीच यह पहली बातचीत है।", (("RUS", "UKR"), "190", "2022")),
    ],
)
def test_an_invasion_is_force_and_counts_when_named_as_a_time(text, expected):
    assert expected in [(e[0], e[1], e[5]) for e in event_codes(text, "hi", PUBLISHED)]


def test_an_invasion_threatened_is_no_invasion():
    assert [e[1] for e in event_codes("चीन ने ताइवान पर आक्रमण की धमकी दी।", "hi", PUBLISHED)] == ["130"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("फ्रांस के राष्ट्रपति मैक्रों चार दिन के दौरे पर भारत में हैं।", (("FRA", "IND"), "042", "FRA", "IND", "ongoing")),
        ("पीएम मोदी चार देशों की यात्रा के पहले पड़ाव पर जर्मनी में हैं।", (("DEU", "IND"), "042", "IND", "DEU", "ongoing")),
    ],
)
def test_where_a_visitor_is_on_a_visit_is_its_destination(text, expected):
    assert [e[:5] for e in event_codes(text, "hi", PUBLISHED)] == [expected]


def test_envoys_neither_recalled_nor_withdrawn_are_none():
    text = "जर्मनी, ब्रिटेन और स्वीडन ने ना तो उत्तर कोरिया से अपने राजदूतों को वापस बुलाया और ना ही दूतावास बंद किया।"
    assert event_codes(text, "hi", PUBLISHED) == []


def test_an_armed_conflict_others_advise_about_is_no_event_of_theirs():
    text = "अमरीका और ब्रिटेन ने कश्मीर में 1989 में शुरु हुए सशस्त्र संघर्ष के बाद से अपने नागरिकों को वहां न जाने की सलाह दी है।"
    assert [e for e in event_codes(text, "hi", PUBLISHED) if e[1].startswith("19")] == []
