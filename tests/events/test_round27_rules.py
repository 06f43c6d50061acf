"""Round 27 rules (issue 10): a plan reported beside the talks it came out of is dated as a plan,
not on the talks' day. Every sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest
from engagement.extract import extract_article

from tests.events.event_codes import event_codes

PUBLISHED = date(2025, 3, 6)


def test_an_invitation_made_at_the_talks_is_a_plan_of_its_own_not_the_talks_day():
    text = (
        "Greek Prime Minister Kyriakos Mitsotakis and Turkish President Recep "
        "Tayyip Erdogan held talks in Athens on Thursday. "
        "Erdogan praised the talks with Mitsotakis and invited the Greek premier for a return visit."
    )
    events = extract_article(text, "en", PUBLISHED)["events"]
    coded = sorted((e["cameo"], e["status"], e["date"]) for e in events)
    assert coded == [("036", "planned", "2025-03"), ("040", "held", "2025-03-06")]


def test_a_country_repeated_in_brackets_is_read_where_it_is_first_named():
    text = (
        "Lavrov and Kerry also discussed the situation in Northeast Asia in view of the third nuclear "
        "test of the Democratic People's Republic of Korea (DPRK)."
    )
    assert [e[0] for e in event_codes(text, "en", PUBLISHED)] == [("RUS", "USA")]


def test_countries_listed_after_the_situation_in_are_topics():
    text = (
        "Lavrov and Pompeo discussed conflicts in several regions, "
        "including the situation in Afghanistan, Libya and Syria."
    )
    assert [e[0] for e in event_codes(text, "en", PUBLISHED)] == [("RUS", "USA")]


def test_an_ambassador_called_back_for_quoted_consultations_is_a_recall_and_no_talks():
    text = "Russia is calling its ambassador to Ukraine back for \"consultations\", the ministry said."
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("RUS", "UKR"), "161", "RUS", "UKR")]


def test_a_protest_lodged_in_quotes_is_a_protest():
    text = "India lodged a \"strong protest\" with Pakistan's top envoy over the killings."
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("IND", "PAK"), "111", "IND", "PAK")]


def test_sanctions_on_a_state_s_entities_are_sanctions_on_the_state():
    text = "The Trump administration has imposed a new set of sanctions on Russian entities and individuals."
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("RUS", "USA"), "163", "USA", "RUS")]
    hindi = "रूस ने पलटवार करते हुए कई अमेरिकी अधिकारियों के खिलाफ पाबंदियां लगा दी हैं।"
    assert [e[:4] for e in event_codes(hindi, "hi", PUBLISHED)] == [(("RUS", "USA"), "163", "RUS", "USA")]


def test_angola_s_president_in_full_is_no_mozambican_minister_of_the_same_first_name():
    text = "President Droupadi Murmu received President Joao Manuel Goncalves Lourenco of Angola at Rashtrapati Bhavan."
    assert [e[0] for e in event_codes(text, "en", PUBLISHED)] == [("AGO", "IND")]


def test_the_country_whose_city_hosts_the_talks_is_no_party_to_them():
    held_there = "रूस और यूक्रेन के शिष्टमंडल आज तुर्किए के इस्ताम्बुल में सीधी शांति वार्ता करेंगे।"
    assert [e[0] for e in event_codes(held_there, "hi", PUBLISHED)] == [("RUS", "UKR")]
    arrived = "यूक्रेन के साथ शांति वार्ता के लिए रूसी प्रतिनिधिमंडल तुर्की के सबसे बड़े शहर इस्तांबुल पहुंचा।"
    assert [e[0] for e in event_codes(arrived, "hi", PUBLISHED)] == [("RUS", "UKR")]
    visit = event_codes("मोदी तुर्की के इस्तांबुल पहुंचे।", "hi", PUBLISHED)
    assert [e[:4] for e in visit] == [(("IND", "TUR"), "042", "IND", "TUR")]


def test_an_accusation_aims_at_the_country_marked_par_not_the_nearer_topic():
    text = "रूस ने अमरीका पर भारत के चुनाव में बाधा डालने का आरोप लगाया।"
    assert [e[:4] for e in event_codes(text, "hi", PUBLISHED)] == [(("RUS", "USA"), "112", "RUS", "USA")]


def test_the_subject_of_a_quoted_order_acts_not_the_minister_quoting_it():
    text = "कनाडा की विदेश मंत्री मेलानी जोली ने कहा, 'भारत ने राजनयिकों को शुक्रवार तक देश छोड़ने का आदेश दिया था."
    assert [e[:4] for e in event_codes(text, "hi", PUBLISHED)] == [(("CAN", "IND"), "174", "IND", "CAN")]


def test_diplomats_posted_in_a_country_and_called_back_misspelt_or_in_headline_order():
    posted = "कनाडा ने भारत में मौजूद अपने 41 राजनायिको को वापस बुला लिया है।"
    headline = "कनाडा ने भारत से अपने 41 राजनयिको को बुलाया वापस"
    for text in (posted, headline):
        assert [e[:4] for e in event_codes(text, "hi", PUBLISHED)] == [(("CAN", "IND"), "161", "CAN", "IND")]


def test_a_ceasefire_violation_in_the_short_spelling_is_one():
    text = "पाकिस्तानी सेना ने नियंत्रण रेखा पर सीज फायर का उलंघन कर भारतीय चौकियों पर गोलीबारी की।"
    assert ("196", "PAK") in {(e[1], e[2]) for e in event_codes(text, "hi", PUBLISHED)}


def test_a_rank_of_talks_names_no_office_holder_of_the_home_country():
    text = "उशाकोव ने कहा कि मास्को और वाशिंगटन ने राष्ट्रपति स्तर की बैठक आयोजित करने पर सहमति जताई है।"
    assert [e[0] for e in event_codes(text, "hi", PUBLISHED)] == [("RUS", "USA")]
    english = "Officials said foreign minister-level talks between Russia and the United States would follow."
    assert [e[0] for e in event_codes(english, "en", PUBLISHED)] == [("RUS", "USA")]


def test_a_proposal_to_meet_turned_down_is_a_rejection_and_a_wish_to_meet_an_intent():
    rejected = event_codes("इससे पहले पुतिन ने ज़ेलेंस्की संग मुलाकात प्रस्ताव को ठुकरा दिया था।", "hi", PUBLISHED)
    assert [e[:4] for e in rejected] == [(("RUS", "UKR"), "125", "RUS", "UKR")]
    wish = "ज़ेलेंस्की ने राष्ट्रपति पुतिन से व्यक्तिगत रूप से मिलने की इच्छा प्रकट की।"
    assert [e[:5] for e in event_codes(wish, "hi", PUBLISHED)] == [(("RUS", "UKR"), "036", "UKR", "RUS", "planned")]


def test_the_pair_of_a_war_the_sentence_is_set_amid_is_no_party():
    assert event_codes("रूस-यूक्रेन युद्ध के बीच यह काफी अहम मुलाकात होगी।", "hi", PUBLISHED) == []
    fired = event_codes("रूस-यूक्रेन युद्ध के बीच रूस ने यूक्रेन पर मिसाइलें दागीं।", "hi", PUBLISHED)
    assert [e[:4] for e in fired] == [(("RUS", "UKR"), "195", "RUS", "UKR")]


def test_mous_exchanged_with_a_gloss_and_a_call_in_headline_order():
    mous = "भारत और श्रीलंका ने नई दिल्ली में समझौता ज्ञापनों (एमओयू) का आदान-प्रदान किया।"
    assert [e[:2] for e in event_codes(mous, "hi", PUBLISHED)] == [(("IND", "LKA"), "057")]
    call = event_codes("जयशंकर ने कोरोना संकट पर पोम्पिओ से फोन पर की चर्चा", "hi", PUBLISHED)
    assert [e[:2] for e in call] == [(("IND", "USA"), "041")]
    hotline = event_codes("India spoke over a hotline with Pakistan about the incident.", "en", PUBLISHED)
    assert [e[:2] for e in hotline] == [(("IND", "PAK"), "041")]


def test_the_english_subject_who_receives_a_leader_hosts_him_and_the_passive_s_agent_too():
    active = "PM @narendramodi warmly received President Joao Lourenco of Angola at Hyderabad House."
    passive = "Angolan President Joao Lourenco was warmly received by Prime Minister Narendra Modi."
    for text in (active, passive):
        hosted = [e for e in event_codes(text, "en", PUBLISHED) if e[1] == "043"]
        assert [e[:4] for e in hosted] == [(("AGO", "IND"), "043", "IND", "AGO")]


def test_fire_from_a_state_s_side_and_soldiers_it_kills_are_fighting_between_the_two():
    fired = "पाकिस्तान की ओर से हुई मोर्टार की जबर्दस्त फायरिंग में भारतीय सेना का एक सूबेदार शहीद हो गया।"
    assert [e[:4] for e in event_codes(fired, "hi", PUBLISHED)] == [(("IND", "PAK"), "193", "PAK", "IND")]
    killed = "जवाब में भारतीय सेना ने भी दो पाकिस्तानी सैनिकों को मार गिराया है।"
    assert [e[:4] for e in event_codes(killed, "hi", PUBLISHED)] == [(("IND", "PAK"), "190", "IND", "PAK")]
    answered = "भारत की ओर से किए गए जवाबी हमले में पाकिस्तानी सेना के दो जवान शहीद हो गए।"
    assert [e[:4] for e in event_codes(answered, "hi", PUBLISHED)] == [(("IND", "PAK"), "190", "IND", "PAK")]


def test_blaming_a_state_for_an_incident_is_an_accusation():
    text = "India also blamed Pakistan for a Wednesday incident on the border."
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("IND", "PAK"), "112", "IND", "PAK")]
    no_state = (
        "China said the Iraq war has destroyed the coalition and "
        "blamed arrogance for the problems dogging the US."
    )
    assert event_codes(no_state, "en", PUBLISHED) == []


def test_the_pair_of_a_war_that_broke_out_is_the_time_of_a_call_not_its_party():
    text = (
        "सऊदी मीडिया ने फोन कॉल को कवर किया, जहाँ सऊदी अरब "
        "इजराइल-हमास में जंग शुरू होने के बाद से नेताओं के संपर्क में है।"
    )
    assert event_codes(text, "hi", PUBLISHED) == []


def test_a_trip_told_in_the_progressive_is_a_visit_and_tourists_make_none():
    kerry = "US Secretary of State John Kerry will be traveling to Cuba to mark the reopening of the embassy."
    assert [e[:5] for e in event_codes(kerry, "en", PUBLISHED)] == [(("CUB", "USA"), "042", "USA", "CUB", "planned")]
    assert event_codes("Indian tourists are traveling to Cuba in record numbers.", "en", PUBLISHED) == []


def test_bilaterals_held_with_several_states_are_one_meeting_each_and_without_a_subject_none():
    held = (
        "On the sidelines of the G20 Summit, Prime Minister Narendra "
        "Modi held bilaterals with Australia, Spain and Turkey."
    )
    pairs = sorted(e[0] for e in event_codes(held, "en", PUBLISHED))
    assert pairs == [("AUS", "IND"), ("ESP", "IND"), ("IND", "TUR")]
    assert event_codes("PM holds bilateral talks with Turkey, Spain", "en", PUBLISHED) == []


def test_talks_to_be_held_are_planned():
    text = (
        "Pakistan's foreign minister will lead the delegation at the "
        "bilateral talks with China to be held in Chengdu."
    )
    assert {e[4] for e in event_codes(text, "en", PUBLISHED)} == {"planned"}


def test_the_issue_said_to_be_discussed_and_a_war_s_effects_are_topics():
    text = (
        "Trump and Xi held candid talks on Friday. One of the issues "
        "discussed between the two leaders was North Korea."
    )
    assert {e[0] for e in event_codes(text, "en", PUBLISHED)} == {("CHN", "USA")}
    hindi = (
        "जयशंकर ने ब्लिंकन से बात की। दोनों नेताओं ने यूक्रेन में "
        "रूस के युद्ध के वैश्विक प्रभावों को कम करने पर चर्चा की।"
    )
    assert {e[0] for e in event_codes(hindi, "hi", PUBLISHED)} == {("IND", "USA")}
    warned = event_codes("पाकिस्तान के युद्ध के ऐलान पर भारत ने चेतावनी दी।", "hi", PUBLISHED)
    assert [e[:4] for e in warned] == [(("IND", "PAK"), "130", "IND", "PAK")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pakistani troops opened fire on Indian posts along the Line of Control.",
            (("IND", "PAK"), "193", "PAK", "IND"),
        ),
        ("Indian troops fired at Pakistani positions across the border.", (("IND", "PAK"), "193", "IND", "PAK")),
        ("Russian forces shelled Ukrainian positions near Bakhmut overnight.", (("RUS", "UKR"), "194", "RUS", "UKR")),
        (
            "Azerbaijani forces killed three Armenian soldiers in a border shootout.",
            (("ARM", "AZE"), "190", "AZE", "ARM"),
        ),
        ("India and Pakistan exchanged fire along the Line of Control.", (("IND", "PAK"), "193", None, None)),
        ("Russia launched a massive missile attack on Ukraine.", (("RUS", "UKR"), "190", "RUS", "UKR")),
        ("Turkish warplanes hit Syrian government forces.", (("SYR", "TUR"), "190", "TUR", "SYR")),
        ("Heavy fighting erupted between Sudan and South Sudan along the border.", (("SDN", "SSD"), "190", None, None)),
        ("The Indian army said Pakistani troops had violated the ceasefire.", (("IND", "PAK"), "196", None, None)),
    ],
)
def test_english_force_against_a_state_s_troops_posts_and_positions(text, expected):
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Israeli forces blocked roads in Gaza after rockets were fired at an Israeli town near the Egyptian border.",
        "Roadside bombings killed four American soldiers in Baghdad, the US command said.",
        "Pakistan test-fired on Wednesday a missile capable of hitting targets deep inside India.",
        "Fighting broke out between two Iraqi Kurdish rebel groups near the border with Iran.",
    ],
)
def test_force_with_no_state_acting_or_only_tested_is_no_fighting(text):
    assert not [e for e in event_codes(text, "en", PUBLISHED) if e[1].startswith("19")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("भारत और पाकिस्तान के बीच सीमा पर भारी गोलाबारी हुई।", (("IND", "PAK"), "194", None, None)),
        ("इजराइल ने ईरान के परमाणु ठिकानों पर बमबारी की।", (("IRN", "ISR"), "195", "ISR", "IRN")),
        ("उत्तर कोरिया ने दक्षिण कोरिया की सीमा की ओर तोप के गोले दागे।", (("KOR", "PRK"), "194", "PRK", "KOR")),
        ("पाकिस्तान ने भारत के ड्रोन को मार गिराया।", (("IND", "PAK"), "190", "PAK", "IND")),
    ],
)
def test_hindi_shelling_bombing_and_a_drone_shot_down(text, expected):
    assert [e[:4] for e in event_codes(text, "hi", PUBLISHED)] == [expected]


def test_a_verb_joined_by_and_after_meetings_with_each_shares_their_subject():
    text = (
        "Prime Minister Narendra Modi held bilaterals with "
        "Australia, Spain and Turkey and met with the King of Saudi Arabia."
    )
    pairs = sorted(e[0] for e in event_codes(text, "en", PUBLISHED))
    assert pairs == [("AUS", "IND"), ("ESP", "IND"), ("IND", "SAU"), ("IND", "TUR")]


def test_leaders_witnessing_a_signing_or_an_exchange_of_mous_is_an_agreement():
    text = "Modi and Abe witnessed the exchange of MoUs between India and Japan."
    assert [e[:2] for e in event_codes(text, "en", PUBLISHED)] == [(("IND", "JPN"), "057")]


def test_a_leader_who_flew_to_a_country_visits_it_and_jets_that_flew_there_do_not():
    text = "Britain's Tony Blair flew to Khartoum on Wednesday to press Sudanese officials over Darfur."
    assert [e[:4] for e in event_codes(text, "en", PUBLISHED)] == [(("GBR", "SDN"), "042", "GBR", "SDN")]
    assert event_codes("Chinese jets flew into Taiwan's air defence zone.", "en", PUBLISHED) == []


def test_a_ceremonial_welcome_at_a_place_is_hosted_by_the_place_s_country():
    hindi = "नेपाल की राष्ट्रपति विद्या देवी भंडारी का मंगलवार को राष्ट्रपति भवन में औपचारिक स्वागत किया गया।"
    english = "In the morning, the Portuguese president was accorded a ceremonial welcome at the Rashtrapati Bhavan."
    assert [e[:4] for e in event_codes(hindi, "hi", PUBLISHED)] == [(("IND", "NPL"), "043", "IND", "NPL")]
    assert [e[:4] for e in event_codes(english, "en", PUBLISHED)] == [(("IND", "PRT"), "043", "IND", "PRT")]
    pentagon = "I was glad to host Indian External Affairs Minister Dr S Jaishankar at the Pentagon today, Austin said."
    assert [e[:4] for e in event_codes(pentagon, "en", PUBLISHED)] == [(("IND", "USA"), "043", "USA", "IND")]


def test_a_hindi_headline_with_its_future_verb_first_is_planned():
    assert [e[4] for e in event_codes("आज होगी मोदी और पुतिन की मुलाकात", "hi", PUBLISHED)] == ["planned"]
    assert [e[4] for e in event_codes("कल मोदी और पुतिन की मुलाकात हुई।", "hi", PUBLISHED)] == ["held"]


def test_an_attack_a_state_has_made_before_is_fighting():
    text = "इजराइल पिछले वर्षों में सीरियाई ठिकानों पर कई बार हमला कर चुका है।"
    assert [e[:2] for e in event_codes(text, "hi", PUBLISHED)] == [(("ISR", "SYR"), "190")]


def test_boosting_defence_cooperation_talked_about_is_talks_and_decided_is_cooperation():
    talked = event_codes("भारत और अमेरिका ने रक्षा सहयोग बढ़ाने पर चर्चा की।", "hi", PUBLISHED)
    decided = event_codes("भारत और अमेरिका ने रक्षा सहयोग बढ़ाने का फैसला किया।", "hi", PUBLISHED)
    assert [e[:2] for e in talked] == [(("IND", "USA"), "040")]
    assert [e[:2] for e in decided] == [(("IND", "USA"), "062")]


def test_foreign_office_consultations_in_lower_case_are_no_british_party():
    text = "India and Bangladesh held foreign office consultations in Dhaka."
    assert [e[:2] for e in event_codes(text, "en", PUBLISHED)] == [(("BGD", "IND"), "040")]


def test_a_leader_hosting_another_in_the_progressive_hosts_and_a_leader_in_a_capital_on_a_visit_visits():
    hosting = event_codes("Erdogan is hosting Putin in Ankara for talks on Syria.", "en", PUBLISHED)
    assert [e[:4] for e in hosting] == [(("RUS", "TUR"), "043", "TUR", "RUS")]
    there = event_codes("Indonesia's president is in Beijing on a state visit.", "en", PUBLISHED)
    assert [e[:4] for e in there] == [(("CHN", "IDN"), "042", "IDN", "CHN")]
