"""Round 28 rules (issue 10): Hindi calls whose words are split by their topic, mediation by an
agent named with "ने", offers of aid and of mediation. Every sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.event_codes import event_codes

PUBLISHED = date(2024, 2, 10)


@pytest.mark.parametrize(
    "text",
    [
        "मिस्र के राष्ट्रपति ने कतर के अमीर से फोन पर गाजा संघर्ष विराम को लेकर बात की।",
        "मिस्र के राष्ट्रपति ने फोन पर कतर के प्रधानमंत्री से बात की।",
        "मिस्र के राष्ट्रपति ने कतर के प्रधानमंत्री से फोन पर गाजा के मुद्दे पर चर्चा की।",
    ],
)
def test_a_hindi_call_is_a_call_when_its_topic_or_partner_stands_between_phone_and_talk(text):
    assert [e[:5] for e in event_codes(text, "hi", PUBLISHED)] == [(("EGY", "QAT"), "041", "EGY", "QAT", "held")]


def test_talks_held_by_phone_are_a_call_not_a_meeting():
    text = "चीनी विदेश मंत्री वांग यी ने अपने अमेरिकी समकक्ष ब्लिंकन के साथ फोन पर वार्ता की।"
    assert [e[:3] for e in event_codes(text, "hi", PUBLISHED)] == [(("CHN", "USA"), "041", "CHN")]


def test_the_state_that_mediates_between_two_others_is_the_one_marked_ne():
    text = "तुर्की ने रूस और यूक्रेन के बीच अनाज समझौते में मध्यस्थता की थी।"
    coded = sorted(e[:4] for e in event_codes(text, "hi", PUBLISHED))
    assert coded == [(("RUS", "TUR"), "045", "TUR", "RUS"), (("TUR", "UKR"), "045", "TUR", "UKR")]


def test_an_offer_to_mediate_is_an_intent_towards_each_side():
    text = (
        "पत्र में लिखा गया है कि ट्रंप मिस्र और इथियोपिया के बीच "
        "मध्यस्थता की कोशिशें फिर से शुरू करने के लिए तैयार हैं।"
    )
    coded = sorted(e[:4] for e in event_codes(text, "hi", PUBLISHED))
    assert coded == [(("EGY", "USA"), "039", "USA", "EGY"), (("ETH", "USA"), "039", "USA", "ETH")]


def test_refusing_to_mediate_is_no_mediation():
    text = "अमेरिका ने भारत और पाकिस्तान के बीच मध्यस्थता करने से इनकार किया।"
    assert [e for e in event_codes(text, "hi", PUBLISHED) if e[1].startswith("04")] == []


def test_an_offer_of_help_is_an_intent_to_give_aid():
    text = "जापान ने श्रीलंका को आर्थिक संकट से उबरने के लिए मदद की पेशकश की।"
    assert [e[:5] for e in event_codes(text, "hi", PUBLISHED)] == [(("JPN", "LKA"), "033", "JPN", "LKA", "held")]


def test_a_bare_role_owned_by_both_countries_or_by_it_is_no_indian_office():
    text = (
        "चीन और रूस के बीच वर्चुअल मीटिंग होने जा रही है. दोनों देशों के "
        "राष्ट्रपति 15 दिसंबर को वर्चुअल बैठक करेंगे."
    )
    assert {e[0] for e in event_codes(text, "hi", PUBLISHED)} == {("CHN", "RUS")}
    its = "अमेरिकी विदेश मंत्री एंटनी ब्लिंकेन सोमवार को चीन के शीर्ष राजनयिक और शायद इसके राष्ट्रपति से मुलाकात करेंगे।"
    assert [e[0] for e in event_codes(its, "hi", PUBLISHED)] == [("CHN", "USA")]


def test_in_a_story_between_two_other_states_a_bare_role_has_no_indian_holder():
    text = (
        "सऊदी अरब के विदेश मंत्री ने ईरान के विदेश मंत्री से न्यूयॉर्क में मुलाकात की। "
        "बैठक में विदेश मंत्री कार्यालय के महानिदेशक ने भाग लिया।"
    )
    assert {e[0] for e in event_codes(text, "hi", PUBLISHED)} == {("IRN", "SAU")}


def test_with_one_other_state_named_a_bare_role_is_still_the_home_country_s():
    text = "प्रधानमंत्री ने नेपाल के राष्ट्रपति से शिष्टाचार भेंट की।"
    assert [e[0] for e in event_codes(text, "hi", PUBLISHED)] == [("IND", "NPL")]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("चीन और रूस के बीच वर्चुअल मीटिंग होने जा रही है.", "planned"),
        ("नेपाल के प्रधानमंत्री पुष्प कमल दहल एक सप्ताह के लिए चीन की यात्रा पर रहेंगे।", "planned"),
        ("नेपाल के प्रधानमंत्री ओली चार दिवसीय चीन दौरे के लिए रवाना हो गए हैं।", "ongoing"),
        ("नेपाल और चीन के बीच कई समझौतों पर हस्ताक्षर किए जाएंगे।", "planned"),
        ("नेपाल और चीन के बीच कई समझौतों पर हस्ताक्षर किए जा सकते हैं।", "planned"),
    ],
)
def test_hindi_verbs_of_what_is_about_to_happen_or_under_way(text, status):
    assert [e[4] for e in event_codes(text, "hi", PUBLISHED)] == [status]


def test_mutual_visits_in_general_are_no_visit():
    text = "इशिबा को उम्मीद है कि जापान और दक्षिण कोरिया के बीच आपसी यात्राओं के ज़रिए घनिष्ठ संवाद बढ़ेगा।"
    assert event_codes(text, "hi", PUBLISHED) == []


def test_memoranda_signed_in_a_verb_first_headline():
    text = "चीन और बांग्लादेश ने किए कई समझौता ज्ञापनों पर हस्ताक्षर"
    assert [e[:2] for e in event_codes(text, "hi", PUBLISHED)] == [(("BGD", "CHN"), "057")]


def test_a_meeting_named_with_its_partner_before_after_is_an_event_of_its_own():
    text = "श्रीलंका के राष्ट्रपति की चीनी राष्ट्रपति से मुलाकात के बाद दोनों देशों ने संयुक्त बयान जारी किया।"
    assert sorted(e[1] for e in event_codes(text, "hi", PUBLISHED)) == ["040", "050"]
    reported = "बांग्लादेश के विदेश सचिव ने म्यांमार के प्रतिनिधियों के साथ बैठक के बाद यह जानकारी दी है।"
    assert [e[:2] for e in event_codes(reported, "hi", PUBLISHED)] == [(("BGD", "MMR"), "040")]


def test_talk_on_a_country_s_crisis_makes_it_a_topic():
    text = (
        "पुतिन और एर्दोआन की मुलाकात हुई। इस मुलाकात के दौरान रूस और तुर्की के राष्ट्रपतियों ने "
        "विशेष रूप से सीरिया संकट पर बात की।"
    )
    assert {e[0] for e in event_codes(text, "hi", PUBLISHED)} == {("RUS", "TUR")}


def test_hindi_spellings_of_biden_and_guinea_bissau():
    call = "राष्ट्रपति जो बिडेन और इजरायल के प्रधानमंत्री बेंजामिन नेतन्याहू ने बुधवार को फोन पर बातचीत की।"
    assert [e[:2] for e in event_codes(call, "hi", PUBLISHED)] == [(("ISR", "USA"), "041")]
    meetings = "शी चिनफिंग ने क्रमशः घाना और गिनी-बिसाऊ के राष्ट्रपतियों से मुलाकात की"
    assert sorted(e[0] for e in event_codes(meetings, "hi", PUBLISHED)) == [("CHN", "GHA"), ("CHN", "GNB")]


@pytest.mark.parametrize(
    "text",
    [
        "भारत और चीन के बीच जल्द ही वरिष्ठ सैन्य कमांडरों की बैठक को लेकर दोनों तरफ से इस बात पर सहमति जताई गई.",
        "इस बीच भारत और चीन ने उच्च स्तर की बातचीत जल्द शुरू करने पर सहमति जताई।",
    ],
)
def test_talks_the_two_sides_agreed_on_lie_ahead(text):
    assert [e[1:5:3] for e in event_codes(text, "hi", PUBLISHED)] == [("040", "planned")]


def test_talks_held_and_an_agreement_on_trade_stay_held():
    text = "प्रधानमंत्री मोदी और नेपाल के प्रधानमंत्री ने बैठक की और व्यापार पर सहमति जताई।"
    assert [e[4] for e in event_codes(text, "hi", PUBLISHED)] == ["held"]


def test_a_visit_one_has_left_for_is_under_way_but_a_past_departure_is_held():
    left = "प्रधानमंत्री नरेंद्र मोदी अमेरिका दौरे के लिए रवाना हो गए हैं।"
    assert [e[4] for e in event_codes(left, "hi", PUBLISHED)] == ["ongoing"]
    earlier = "प्रधानमंत्री नरेंद्र मोदी पिछले साल अमेरिका दौरे के लिए रवाना हुए थे."
    assert [e[4] for e in event_codes(earlier, "hi", PUBLISHED)] == ["held"]


def test_a_joint_subject_whose_second_part_is_a_country_s_role_has_no_direction():
    text = "प्रधानमंत्री मोदी और नेपाल के प्रधानमंत्री ने द्विपक्षीय बैठक की।"
    assert [e[:4] for e in event_codes(text, "hi", PUBLISHED)] == [(("IND", "NPL"), "040", None, None)]


def test_a_talk_held_in_a_phone_call_is_a_call():
    text = (
        "Egypt's President Abdel Fattah el-Sisi discussed the Gaza "
        "ceasefire with Qatar's Emir in a phone call on Sunday."
    )
    assert [e[:3] for e in event_codes(text, "en", PUBLISHED)] == [(("EGY", "QAT"), "041", "EGY")]


def test_the_year_a_period_starts_is_no_date_of_the_visit():
    text = (
        "Australian Prime Minister Anthony Albanese is in China on a four-day "
        "visit, the first by an Australian leader since 2016."
    )
    assert [e[1:] for e in event_codes(text, "en", PUBLISHED)] == [("042", "AUS", "CHN", "ongoing", "2024-02-10")]
    hindi = "ऑस्ट्रेलिया के प्रधानमंत्री चार दिन की चीन यात्रा पर हैं, जो 2016 के बाद से किसी ऑस्ट्रेलियाई नेता की पहली यात्रा है।"
    assert [e[5] for e in event_codes(hindi, "hi", PUBLISHED)] == ["2024-02-10"]


def test_leaders_who_conferred_somewhere_met():
    text = "Zelensky and Biden conferred at the White House on Tuesday."
    assert [e[:2] for e in event_codes(text, "en", PUBLISHED)] == [(("UKR", "USA"), "040")]
    honour = "The university conferred an honorary degree on the Japanese prime minister in Delhi."
    assert event_codes(honour, "en", PUBLISHED) == []


def test_aid_announced_for_a_state_is_a_pledge():
    text = "The United States announced $60 billion in military aid for Ukraine."
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("UKR", "USA"), "033", "USA", "UKR")]


def test_ordering_diplomats_to_leave_is_an_expulsion():
    text = "Moscow retaliated by ordering German diplomats to leave the country."
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("DEU", "RUS"), "174", "RUS", "DEU")]


def test_resuming_regular_or_mutual_visits_is_no_visit():
    text = (
        "Japan's Prime Minister Fumio Kishida and South Korean President "
        "Yoon Suk Yeol agreed to resume regular visits."
    )
    assert event_codes(text, "en", PUBLISHED) == []


@pytest.mark.parametrize(
    "text",
    [
        "Britain's foreign secretary was received by Saudi Crown Prince Mohammed bin Salman in Riyadh.",
        "Saudi Crown Prince Mohammed bin Salman received Britain's foreign secretary in Riyadh.",
    ],
)
def test_the_one_who_receives_a_visitor_hosts_in_either_voice(text):
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("GBR", "SAU"), "043", "SAU", "GBR")]


def test_a_letter_received_by_an_embassy_is_no_hosting():
    assert event_codes("The letter was received by the Indian embassy in Washington.", "en", PUBLISHED) == []


def test_red_carpet_and_farewell_calls():
    carpet = "Vietnam rolled out the red carpet for Chinese President Xi Jinping."
    assert [e[:4] for e in event_codes(carpet, "en", PUBLISHED)] == [(("CHN", "VNM"), "043", "VNM", "CHN")]
    call = "The Chinese ambassador paid a farewell call on the Sri Lankan president."
    assert [e[:2] for e in event_codes(call, "en", PUBLISHED)] == [(("CHN", "LKA"), "040")]


def test_accusations_traded_by_two_states_are_one_from_each():
    text = "India and Canada traded accusations over the killing."
    coded = sorted(e[:4] for e in event_codes(text, "en", PUBLISHED))
    assert coded == [(("CAN", "IND"), "112", "CAN", "IND"), (("CAN", "IND"), "112", "IND", "CAN")]


def test_a_leader_threatening_to_strike_a_state_threatens_force():
    text = "Kim Jong Un threatened to strike the United States with nuclear weapons."
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("PRK", "USA"), "138", "PRK", "USA")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Kenya's President William Ruto wrapped up a three-day state visit to China on Friday.", "en"),
        ("केन्या के राष्ट्रपति ने शुक्रवार को अपनी तीन दिवसीय चीन यात्रा संपन्न की।", "hi"),
    ],
)
def test_a_visit_wrapped_up_is_over(text, lang):
    assert [e[4] for e in event_codes(text, lang, PUBLISHED)] == ["held"]


def test_kim_jong_un_s_last_syllable_is_not_the_un():
    text = "Kim Jong-un condemned the United States."
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("PRK", "USA"), "111", "PRK", "USA")]
    assert event_codes("The UN condemned Israel.", "en", PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("अजरबैजान ने आर्मेनिया के खिलाफ सैन्य अभियान शुरू किया।", (("ARM", "AZE"), "190", "AZE", "ARM")),
        ("रूसी सेना ने यूक्रेन के कई गांवों पर कब्जा कर लिया है।", (("RUS", "UKR"), "192", "RUS", "UKR")),
        ("भारतीय सेना ने पाकिस्तान के आतंकी ठिकानों पर सर्जिकल स्ट्राइक की।", (("IND", "PAK"), "190", "IND", "PAK")),
        ("इजराइल ने ईरान के परमाणु ठिकानों को निशाना बनाया।", (("IRN", "ISR"), "195", "ISR", "IRN")),
        ("अमेरिका ने ईरान को सैन्य कार्रवाई की धमकी दी।", (("IRN", "USA"), "130", "USA", "IRN")),
    ],
)
def test_hindi_military_operations_occupation_and_strikes(text, expected):
    assert [e[:4] for e in event_codes(text, "hi", PUBLISHED)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "यूक्रेन में जारी रूस की सैन्य कार्रवाई को लेकर अमेरिका प्रतिबंधों के मोड में ही नजर आ रहा है।",
        "सेना ने सत्ता पर कब्जा कर लिया, जिसके बाद भारत ने चिंता जताई।",
    ],
)
def test_a_war_named_as_the_setting_or_power_seized_at_home_is_no_attack(text):
    assert [e for e in event_codes(text, "hi", PUBLISHED) if e[1].startswith("19")] == []


@pytest.mark.parametrize(
    "text",
    [
        "The summit comes as Russia and China seek to counter US influence.",
        "Analysts said a visit by Modi to Pakistan was unlikely.",
        "Modi has visited the US seven times since 2014.",
    ],
)
def test_a_summit_named_as_the_setting_an_unlikely_visit_and_a_count_of_visits_are_no_events(text):
    assert event_codes(text, "en", PUBLISHED) == []


def test_a_visit_stays_when_something_else_is_unlikely():
    text = "Modi will visit Pakistan, officials said, but a breakthrough was unlikely."
    assert [e[:2] for e in event_codes(text, "en", PUBLISHED)] == [(("IND", "PAK"), "042")]


def test_a_country_talked_about_in_hindi_is_a_topic():
    text = "इजराइल और अमेरिका के नेताओं ने फोन पर बातचीत की और ईरान के बारे में बातचीत की।"
    assert {e[0] for e in event_codes(text, "hi", PUBLISHED)} == {("ISR", "USA")}


def test_a_subordinate_clause_naming_two_states_is_its_trigger_s_whole_story():
    text = (
        "Trump and Saudi Arabia's crown prince spoke on Friday, "
        "hours after Washington launched airstrikes on Iran."
    )
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("IRN", "USA"), "195", "USA", "IRN")]


def test_strikes_pulled_out_of_are_called_off():
    text = "Washington pulled out at the last minute of airstrikes on Iran."
    assert [e[1:5] for e in event_codes(text, "en", PUBLISHED)] == [("195", "USA", "IRN", "cancelled")]


def test_the_two_leaders_are_the_people_just_named_not_the_states_of_a_strike():
    text = (
        "US President Donald Trump and Saudi Arabia's Crown Prince Mohammad bin Salman spoke on Friday, "
        "hours after Washington launched airstrikes on Iran. "
        "The two leaders discussed the stability of the oil market."
    )
    pairs = {e[0] for e in event_codes(text, "en", PUBLISHED) if e[1] == "040"}
    assert pairs == {("SAU", "USA")}


def test_tensions_with_a_state_or_threats_posed_by_it_are_topics():
    text = (
        "US President Donald Trump and Saudi Crown Prince Mohammed bin "
        "Salman discussed heightened tensions with Iran."
    )
    assert {e[0] for e in event_codes(text, "en", PUBLISHED)} == {("SAU", "USA")}


def test_states_a_proposal_would_include_in_negotiations_are_no_parties_yet():
    text = (
        "Sudan and Egypt were aligned on a proposal to include the European Union, United States "
        "and United Nations in the negotiations, as an addition to current African Union mediation."
    )
    assert event_codes(text, "en", PUBLISHED) == []


def test_an_alleged_violation_protested_is_no_attack_and_the_summons_keeps_its_agent():
    text = (
        "पाकिस्तान ने मंगलवार को नियंत्रण रेखा पर ‘भारतीय सुरक्षा बलों की ओर से किए गए संघर्ष विराम "
        "के उल्लंघन’ के विरोध में भारतीय उप उच्चायुक्त को तलब किया।"
    )
    assert [e[:4] for e in event_codes(text, "hi", PUBLISHED)] == [(("IND", "PAK"), "111", "PAK", "IND")]


@pytest.mark.parametrize(
    "text",
    [
        "इज़राइल ने संयुक्त राष्ट्र सुरक्षा परिषद से ईरान के हमले की निंदा "
        "करने के लिए एक आपातकालीन बैठक बुलाने का अनुरोध किया है।",
        "चीनी नेता शी जिनपिंग ने सऊदी अरब और ईरान के बीच बातचीत का विचार उठाया था।",
    ],
)
def test_a_body_s_emergency_meeting_and_the_idea_of_talks_are_no_meetings(text):
    assert [e for e in event_codes(text, "hi", PUBLISHED) if e[1].startswith("04")] == []


@pytest.mark.parametrize(
    "text",
    [
        "इस्तांबुल वार्ता 2022 की शुरुआत के बाद से रूस और यूक्रेन के बीच पहली सीधी बातचीत थी।",
        "यह 2021 में तालिबान के सत्ता हासिल करने के बाद अफगानिस्तान के विदेश मंत्री की पहली भारत यात्रा है।",
    ],
)
def test_a_year_a_period_starts_from_is_no_hindi_event_date(text):
    assert [e[5] for e in event_codes(text, "hi", PUBLISHED)] == ["2024-02-10"]


def test_a_country_s_bare_visit_in_hindi_past_tense():
    text = "नेपाल के प्रधानमंत्री भारत आए।"
    assert [e[:5] for e in event_codes(text, "hi", PUBLISHED)] == [(("IND", "NPL"), "042", "NPL", "IND", "held")]
    assert event_codes("इस मामले में कई नए तथ्य सामने आए हैं, भारत और चीन के बीच।", "hi", PUBLISHED) == []


def test_raisi_spelt_rayasi_and_a_joint_subject_with_an_adjective():
    text = "ईरानी मीडिया ने बताया कि रायसी और सऊदी क्राउन प्रिंस ने फिलिस्तीन के खिलाफ युद्ध अपराधों पर चर्चा की है।"
    assert [e[:4] for e in event_codes(text, "hi", PUBLISHED)] == [(("IRN", "SAU"), "040", None, None)]


def test_signing_a_treaty_named_with_its_kind():
    text = "Egypt became the first Arab country to sign a peace treaty with Israel in 1979."
    assert [e[:2] + e[4:] for e in event_codes(text, "en", PUBLISHED)] == [(("EGY", "ISR"), "057", "held", "1979")]


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine launched a drone attack on a Russian oil refinery.",
        "Russia struck Ukrainian energy infrastructure overnight.",
    ],
)
def test_strikes_on_a_state_s_refineries_and_energy_infrastructure(text):
    coded = [e[:2] for e in event_codes(text, "en", PUBLISHED)]
    assert coded == [(("RUS", "UKR"), "190")]


def test_a_meeting_at_a_country_s_air_base_stays_between_the_two_who_met():
    assert [e[0] for e in event_codes("Modi and Xi met at the Russian air base.", "en", PUBLISHED)] == [("CHN", "IND")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("जब मेरे बड़े लोग भारत से पाकिस्तान आए तो हमें एक मज़बूत घर मिला.", "hi"),
        ("Egypt and Israel sign US trade accord 25 years after peace treaty.", "en"),
        ("ASEAN to push Australia, New Zealand to sign non-aggression pact.", "en"),
    ],
)
def test_people_who_migrate_an_accord_named_after_a_third_state_and_a_pact_pushed_for(text, lang):
    assert [e for e in event_codes(text, lang, PUBLISHED) if e[1] in ("042", "057")] == []


def test_kosovo_is_a_state_of_its_own_and_an_eu_host_hosts_no_state():
    text = (
        "Hosted by EU foreign policy chief Josep Borrell, Serbian President Aleksandar Vucic and "
        "Kosovo's Prime Minister Albin Kurti held talks in Brussels on Monday."
    )
    assert [e[:2] for e in event_codes(text, "en", PUBLISHED)] == [(("SRB", "XKX"), "040")]
    hosted = "Modi was hosted by President Biden at the White House."
    assert [e[:4] for e in event_codes(hosted, "en", PUBLISHED)] == [(("IND", "USA"), "043", "USA", "IND")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fighting between Sudan and South Sudan this week has brought "
            "the two closer to war.", (("SDN", "SSD"), "190",
            None, None),
        ),
        ("Russian jets have bombed a Georgian town amid a deepening crisis.", (("GEO", "RUS"), "195", "RUS", "GEO")),
        (
            "Two children were killed in a missile strike from neighbouring "
            "Iran on Tuesday in Pakistan's Balochistan province.",
            (("IRN", "PAK"), "195", "IRN", "PAK"),
        ),
        (
            "A shell fired from Syria landed in the Turkish border town "
            "of Akcakale.", (("SYR", "TUR"), "194", "SYR",
            "TUR"),
        ),
        (
            "Eleven civilians were killed in artillery shelling by Cambodian "
            "forces in Thailand.", (("KHM", "THA"), "194", "KHM",
            "THA"),
        ),
        ("Victims of an Iranian air strike in Pakistan were moved to hospital.", (("IRN", "PAK"), "195", "IRN", "PAK")),
    ],
)
def test_english_force_named_by_its_source_after_from_or_by_or_as_an_adjective(text, expected):
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [expected]


def test_a_state_hosting_foreign_bases_hosts_no_visit():
    text = "Djibouti hosts French and U.S. military bases and is the main route to the sea for Ethiopia."
    assert event_codes(text, "en", PUBLISHED) == []


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        (
            "Over the past 24 hours, Armenia's Armed Forces have 115 times violated "
            "the ceasefire, the Azerbaijani Defense Ministry said.",
            "196",
        ),
        (
            "The Azerbaijani army positions in the Gazakh district "
            "underwent fire from the Armenian army positions.",
            "193",
        ),
        ("The Azerbaijani army positions were shelled from the Armenian positions.", "194"),
        ("Azerbaijani positions came under fire from Armenian forces.", "193"),
    ],
)
def test_fire_a_state_s_positions_came_under_from_another_s(text, cameo):
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("ARM", "AZE"), cameo, "ARM", "AZE")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ईरान के मिसाइल हमले में पाकिस्तान में दो बच्चों की मौत हो गई।", (("IRN", "PAK"), "195", "IRN", "PAK")),
        ("कंबोडियाई सेना की गोलाबारी में थाईलैंड के 11 नागरिक मारे गए।", (("KHM", "THA"), "194", "KHM", "THA")),
        ("इजराइल के हवाई हमले में लेबनान में 20 लोगों की मौत हो गई।", (("ISR", "LBN"), "195", "ISR", "LBN")),
    ],
)
def test_a_hindi_attack_people_died_in_is_its_owner_s(text, expected):
    assert [e[:4] for e in event_codes(text, "hi", PUBLISHED)] == [expected]


def test_the_state_whose_towns_are_bombed_is_no_attacker():
    text = "सूडान के लड़ाकू विमानों ने दक्षिण सूडान के कस्बों पर बमबारी की।"
    coded = [(e[:2], e[2] in (None, "SDN")) for e in event_codes(text, "hi", PUBLISHED)]
    assert coded == [((("SDN", "SSD"), "195"), True)]


def test_fighting_between_warlords_is_no_fighting_between_states():
    text = (
        "Government troops intervened in Afghanistan's latest outbreak of deadly "
        "fighting between warlords, flying on U.S. and NATO airplanes."
    )
    assert event_codes(text, "en", PUBLISHED) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kenya calls for a ceasefire and an emergency summit with DR Congo and Rwanda.",
        "At a Security Council meeting, Rwanda's UN representative regretted the decision of Congo.",
        "Rwanda's UN representative regretted that the international community condemned M23 "
        "rather than the Congolese army.",
    ],
)
def test_a_body_s_or_an_emergency_meeting_and_the_international_community_s_words_are_no_pair_events(text):
    assert [e for e in event_codes(text, "en", PUBLISHED) if e[1][:2] in ("04", "11")] == []


def test_what_two_sides_try_to_settle_and_the_country_it_is_over_are_no_events():
    text = (
        "Trump arrived in Beijing on a three-day visit, and the two sides will try to iron out "
        "huge differences over North Korea."
    )
    assert [e[:2] for e in event_codes(text, "en", PUBLISHED)] == [(("CHN", "USA"), "042")]
