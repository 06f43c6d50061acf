"""Round 22 rules (issue 10): a report's "here" is the city of its dateline ("arrived here last
night", "कल रात यहां पहुंचे"), so an arrival there is a visit to that city's country, going on
while the report is filed. Every sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest
from engagement.events.coding.datelines import dateline_place
from engagement.extract import extract_article

from tests.events.event_codes import event_codes

PUBLISHED = date(2024, 8, 28)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("नई दिल्ली: मलेशिया के प्रधानमंत्री अनवर इब्राहिम कल रात यहां पहुंचे।", "hi", "IND"),
        ("ढाका, 23 दिसंबर (भाषा): मलेशिया के प्रधानमंत्री अनवर इब्राहिम कल यहां पहुंचे।", "hi", "BGD"),
        ("बीजिंग (भाषा): मलेशिया के प्रधानमंत्री अनवर इब्राहिम कल यहां पहुंचे।", "hi", "CHN"),
        ("Kuala Lumpur in talks.\nNEW DELHI: Malaysian Prime Minister Anwar Ibrahim arrived here.", "en", "IND"),
        ("Tokyo, Oct 21 : Malaysian Prime Minister Anwar Ibrahim arrived here on Monday.", "en", "JPN"),
    ],
)
def test_the_dateline_is_where_here_is(text, lang, country):
    mentions = [_Mention(m) for m in extract_article(text, lang, PUBLISHED)["entities"]]
    assert dateline_place(text, mentions).country == country


def test_a_headline_place_or_a_city_in_the_story_is_no_dateline():
    for text in ("गलवान घाटी: भारत और चीन की सेनाएं आमने सामने", "Officials met in Tokyo: no deal was reached."):
        mentions = [_Mention(m) for m in extract_article(text, "hi" if "गलवान" in text else "en", None)["entities"]]
        assert dateline_place(text, mentions) is None


def test_an_arrival_here_is_a_visit_to_the_dateline_country_going_on():
    text = (
        "नई दिल्ली: मलेशिया के प्रधानमंत्री अनवर इब्राहिम ने आज प्रधानमंत्री नरेंद्र मोदी से मुलाकात की। "
        "कल रात यहां पहुंचे मलेशिया के प्रधानमंत्री ने राष्ट्रपति से भी मुलाकात की।"
    )
    assert (("IND", "MYS"), "042", "MYS", "IND", "ongoing", None) in event_codes(text, "hi", None)
    english = "KUALA LUMPUR: Indian Prime Minister Narendra Modi, who arrived here last night, met Anwar Ibrahim."
    assert event_codes(english, "en", None) == [
        (("IND", "MYS"), "040", "IND", "MYS", "held", None),
        (("IND", "MYS"), "042", "IND", "MYS", "ongoing", None),
    ]


def test_an_earlier_arrival_here_stays_held_and_here_without_travel_is_no_party():
    earlier = "नई दिल्ली: मलेशिया के प्रधानमंत्री अनवर इब्राहिम पिछले साल यहां आए थे।"
    assert [(e[1], e[4]) for e in event_codes(earlier, "hi", None)] == [("042", "held")]
    said = "KUALA LUMPUR: Indian Prime Minister Narendra Modi said he was happy to be here."
    assert event_codes(said, "en", None) == []
    undated = "Malaysian Prime Minister Anwar Ibrahim arrived here on Monday."  # no dateline: here is nowhere
    assert event_codes(undated, "en", None) == []


class _Mention:
    """An entity of ``extract_article``'s output with the attributes the coder's mentions have."""

    def __init__(self, entity: dict) -> None:
        self.start, self.end, self.label, self.country = (
            entity["start"],
            entity["end"],
            entity["label"],
            entity["country"],
        )


def test_talks_a_trip_is_for_are_its_purpose_even_when_two_words_name_them():
    text = "TOKYO, Oct 21 : Indian Prime Minister Manmohan Singh arrived here Tuesday for summit talks with Taro Aso."
    assert event_codes(text, "en", None) == [(("IND", "JPN"), "042", "IND", "JPN", "ongoing", None)]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the participle before its noun: the visitor who has arrived is there (codebook §5)
        ("नई दिल्ली पहुंचे मलेशिया के प्रधानमंत्री अनवर इब्राहिम का राष्ट्रपति भवन में स्वागत किया गया।", "ongoing"),
        ("मलेशिया के प्रधानमंत्री अनवर इब्राहिम नई दिल्ली पहुंचे और राष्ट्रपति से मिले।", "held"),
        ("मलेशिया के प्रधानमंत्री अनवर इब्राहिम नई दिल्ली पहुंचे जहां उनका स्वागत किया गया।", "held"),
        ("मलेशिया के प्रधानमंत्री अनवर इब्राहिम पिछले महीने नई दिल्ली पहुंचे थे।", "held"),
    ],
)
def test_a_hindi_arrival_as_a_participle_before_its_visitor_is_going_on(text, status):
    visits = [e for e in event_codes(text, "hi", None) if e[1] == "042"]
    assert [(e[0], e[2], e[4]) for e in visits] == [(("IND", "MYS"), "MYS", status)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Thousands of Rohingya refugees have arrived in Bangladesh from Myanmar.", "en"),
        ("म्यांमार से भागकर बांग्लादेश पहुंचे रोहिंग्या शरणार्थियों की संख्या बढ़ी।", "hi"),
        ("म्यांमार के हजारों शरणार्थी बांग्लादेश पहुंचे।", "hi"),
    ],
)
def test_refugees_arriving_are_people_travelling_not_a_state_visit(text, lang):
    assert event_codes(text, lang, None) == []


def test_an_interim_president_is_no_office_of_the_home_country():
    text = (
        "वेनेजुएला के राष्ट्रपति निकोलस मादुरो ने विपक्ष के नेता को दक्षिण अमेरिकी देश के अंतरिम राष्ट्रपति के रूप में "
        "मान्यता दिए जाने के बाद अमेरिका से राजनयिक संबंध तोड़ लिए।"
    )
    assert [e[:4] for e in event_codes(text, "hi", None)] == [(("USA", "VEN"), "161", "VEN", "USA")]
    roles = [m for m in extract_article(text, "hi", None)["entities"] if m["text"] == "राष्ट्रपति"]
    assert [m["country"] for m in roles] == [None]


def test_an_office_in_a_ministry_is_no_venue_so_the_meeting_stays_one():
    text = (
        "नई दिल्ली, 19 नवंबर (भाषा) भारत और चीन के बीच सीमा मामलों पर बैठक बुधवार को बीजिंग में हुई।\n"
        "बैठक में भारतीय प्रतिनिधिमंडल का नेतृत्व विदेश मंत्रालय में संयुक्त सचिव ने किया, जबकि चीनी पक्ष का "
        "नेतृत्व चीनी विदेश मंत्रालय के महानिदेशक ने किया।"
    )
    events = extract_article(text, "hi", date(2025, 11, 19))["events"]
    assert [(e["actors"], e["cameo"], e["date"], e["location"], e["mentions"]) for e in events] == [
        (["CHN", "IND"], "040", "2025-11-19", "CHN", 2)
    ]


def test_a_warning_sent_or_issued_is_a_threat_but_a_weather_warning_is_not():
    sent = "दक्षिण कोरिया की सेना ने उत्तर कोरिया को कई चेतावनी संदेश भेजे।"
    assert [e[:4] for e in event_codes(sent, "hi", None)] == [(("KOR", "PRK"), "130", "KOR", "PRK")]
    issued = "अमेरिका ने ईरान को कड़ी चेतावनी जारी की।"
    assert [e[:4] for e in event_codes(issued, "hi", None)] == [(("IRN", "USA"), "130", "USA", "IRN")]
    assert event_codes("मौसम विभाग ने भारी बारिश की चेतावनी जारी की।", "hi", None) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The strike prompted the Taliban government to summon Pakistan's ambassador in Kabul.", "en"),
        ("तालिबान सरकार ने पाकिस्तान के राजदूत को तलब किया।", "hi"),
    ],
)
def test_the_taliban_government_is_afghanistan_but_its_fighters_are_not(text, lang):
    assert [e[:3] for e in event_codes(text, lang, None)] == [(("AFG", "PAK"), "111", "AFG")]
    assert event_codes("Taliban fighters attacked a Pakistani border post.", "en", None) == []


def test_leaders_called_by_someone_named_only_as_he_never_call_each_other():
    text = (
        "Mr Modi is the fifth world leader to be called by Mr Trump. Earlier, he had made telephonic calls to "
        "leaders of immediate neighbours Canada and Mexico on Saturday and of Israel on Sunday."
    )
    assert [e for e in event_codes(text, "en", date(2017, 1, 25)) if "CAN" in e[0]] == []
    named = "President Trump made telephonic calls to leaders of Canada and Mexico on Saturday."
    assert [e[:4] for e in event_codes(named, "en", date(2017, 1, 25))] == [
        (("MEX", "USA"), "041", "USA", "MEX"),
        (("CAN", "USA"), "041", "USA", "CAN"),
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("अब तक 29 देशों ने यूके के साथ एकजुटता दिखाते हुए 145 रूसी अधिकारियों को निष्कासित किया है।", "hi", []),
        ("In solidarity with Britain, 29 countries have expelled 145 Russian officials.", "en", []),
        ("Poland expelled four Russian diplomats in solidarity with Britain.", "en", [(("POL", "RUS"), "174")]),
    ],
)
def test_the_state_others_stand_in_solidarity_with_is_no_party(text, lang, expected):
    assert [e[:2] for e in event_codes(text, lang, None)] == expected


def test_an_arrival_told_in_the_pluperfect_is_background_not_going_on():
    text = "मलेशिया के प्रधानमंत्री अनवर इब्राहिम दो दिन की वार्ता के बाद नई दिल्ली पहुंचे थे."
    assert [(e[1], e[4]) for e in event_codes(text, "hi", None)] == [("042", "held")]


@pytest.mark.parametrize(
    ("text", "lang", "published"),
    [
        ("Israeli Prime Minister Ariel Sharon opened an emergency security Cabinet meeting on Arafat.", "en", 2001),
        (
            "Indian Home Minister Advani told a meeting of business and industry leaders that Pakistan did it.",
            "en",
            2001,
        ),
        ("प्रधानमंत्री मोदी ने पाकिस्तान के हमले के बाद कैबिनेट बैठक की अध्यक्षता की।", "hi", 2024),
        ("प्रधानमंत्री मोदी ने पाकिस्तान के साथ तनाव पर सर्वदलीय बैठक बुलाई।", "hi", 2024),
    ],
)
def test_a_government_meeting_itself_is_no_meeting_with_the_state_it_discusses(text, lang, published):
    assert [e for e in event_codes(text, lang, date(published, 12, 15)) if e[1].startswith("04")] == []


def test_an_economy_or_a_market_is_no_government():
    text = "A report says Australia's economy is strong enough to break its close link with the US economy."
    assert event_codes(text, "en", date(2001, 12, 15)) == []


def test_such_a_meeting_refers_back_and_is_no_second_event():
    text = "President Arafat is ready to meet Prime Minister Netanyahu but no date has been set for such a meeting yet."
    assert [e[1:5] for e in event_codes(text, "en", date(1996, 12, 6))] == [("040", "PSE", "ISR", "planned")]


@pytest.mark.parametrize(
    "text",
    [
        "रूस ने अमरीकी राजनयिक को पर्सोना नॉन ग्रेटा घोषित कर दिया।",
        "रूसी विदेश मंत्रालय के मुताबिक अमरीकी राजनयिक को परसोना नॉन ग्राटा घोषित कर दिया गया है।",
    ],
)
def test_a_diplomat_declared_persona_non_grata_in_hindi_is_expelled(text):
    assert [e[:2] for e in event_codes(text, "hi", date(2013, 5, 15))] == [(("RUS", "USA"), "174")]


def test_talks_between_with_the_feminine_postposition_typo_still_name_their_partners():
    text = "अक्रा में भारत के उच्चायुक्त और टोगो के राष्ट्रपति की बीच हुई बैठक के बाद भारतीय नाविकों को रिहा किया गया।"
    assert [e[:2] for e in event_codes(text, "hi", date(2017, 6, 15))] == [(("IND", "TGO"), "040")]


@pytest.mark.parametrize(
    "text",
    [
        "अफगानिस्तान के काबुल में एक आत्मघाती हमलावर ने नेपाली सुरक्षाकर्मियों को ले जा रही बस पर हमला कर दिया।",
        "भारत आतंकवाद का शिकार रहा है और दिसंबर 2001 में उसकी संसद पर आतंकवादी हमला किया गया।",
        "वाशिंगटन (वार्ता/भाषा): अमेरिका ने संदेह जताया है कि पाकिस्तान के राष्ट्रपति मुशर्रफ सफल होंगे।",
        "अमेरिका ने भी लश्कर पर प्रतिबंध लगा रखा है।",
        "सिंधु जल समझौते की सालाना समीक्षा के लिए भारत और पाकिस्तान के बीच बातचीत होती है।",
        "जापान घूमने आई एक अमेरिकी महिला ने बताया कि वह पहली बार जापान की यात्रा करने आई है।",
    ],
)
def test_hindi_news_of_attackers_agencies_bans_routines_and_tourists_makes_no_state_pair(text):
    """Found in the Hindi disaster-news corpus (2001-2003): a suicide bomber's and a terrorist
    attack, the agencies' tag "(वार्ता/भाषा)", a ban on a group, talks that recur, a tourist."""
    assert event_codes(text, "hi", date(2003, 1, 15)) == []


def test_a_state_attack_and_a_state_sanction_in_hindi_still_count():
    assert [e[:2] for e in event_codes("पाकिस्तान ने ईरान के कई इलाकों में हमला कर दिया।", "hi", None)] == [
        (("IRN", "PAK"), "190")
    ]
    assert [e[:2] for e in event_codes("अमेरिका ने ईरान पर नए प्रतिबंध लगा दिए।", "hi", None)] == [(("IRN", "USA"), "163")]


def test_dakshes_is_saarc_so_its_summit_is_no_bilateral_meeting():
    text = "इस्लामाबाद में दक्षेस शिखर सम्मेलन से पूर्व भारत और पाकिस्तान परमाणु प्रतिष्ठानों की सूची की अदला बदली करेंगे।"
    assert [e for e in event_codes(text, "hi", date(2003, 1, 15)) if e[1] == "040"] == []


def test_what_a_report_discusses_is_no_talks_but_a_meeting_it_reports_is():
    discussed = "वार्षिक रिपोर्ट में दोनों देशों भारत और अमेरिका के बीच रक्षा सहयोग की चर्चा की गई है।"
    assert event_codes(discussed, "hi", date(2003, 1, 15)) == []
    reported = "रिपोर्ट के अनुसार अमेरिका-भारत संयुक्त कार्यबल की जून 2001 में वाशिंगटन में बैठक हुई।"
    assert [e[:2] for e in event_codes(reported, "hi", date(2003, 1, 15))] == [(("IND", "USA"), "040")]


@pytest.mark.parametrize(
    "text",
    [
        "उन्होंने राष्ट्रपति ओबामा के उस बयान का स्वागत किया है जिसमें ख़तरा पाकिस्तान से बताया गया है।",
        "अमरीका ने इस बैठक में ईरान की मौजूदगी का स्वागत किया है।",
        "जनरल मैकिरनैन ने बीबीसी से बातचीत में कहा कि अमरीकी सेना ब्रितानी सेना के साथ रहेगी।",
        "जापान ने परमाणु आपूर्तिकर्ता देशों की बैठक में भारत का समर्थन किया था।",
    ],
)
def test_welcoming_a_statement_an_interview_and_a_meeting_of_many_are_no_bilateral_engagement(text):
    """Found in HiNER's news sentences (2009): a statement or a presence welcomed is no guest
    hosted, an interview with the BBC no talks with Britain, a suppliers' meeting no pair."""
    assert [e for e in event_codes(text, "hi", date(2009, 6, 15)) if e[1].startswith("04")] == []


def test_a_guest_welcomed_is_still_a_hosting():
    text = "प्रधानमंत्री मोदी ने हवाई अड्डे पर जापान के प्रधानमंत्री का स्वागत किया।"
    assert [e[1] for e in event_codes(text, "hi", date(2024, 1, 15))] == ["043"]


@pytest.mark.parametrize(
    "text",
    [
        "लेकिन ये बातचीत कई महीनों से लटकी हुई है, क्योंकि उत्तर कोरिया और अमरीका के बीच मतभेद कायम हैं।",
        "दुनियाभर में इसे अमरीका और ईरान के बीच बातचीत की संभावना पैदा होने के रूप में देखा गया।",
    ],
)
def test_stalled_or_possible_hindi_talks_are_talk_about_talks(text):
    assert event_codes(text, "hi", date(2009, 6, 15)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Arafat's body arrives in Cairo for funeral.",
        "The body of late Palestinian President Yasser Arafat has arrived in Cairo from Paris for a funeral.",
        "Russian rocket carrying Russian-U.S. crew blasts off for space station.",
    ],
)
def test_a_leaders_body_arriving_and_a_rocket_blasting_off_are_no_engagement(text):
    assert event_codes(text, "en", date(2004, 11, 12)) == []


def test_a_living_leader_arriving_and_a_government_blasting_another_still_count():
    assert [e[1] for e in event_codes("Sudan blasted the United States for its stance on Darfur.", "en", None)] == [
        "111"
    ]
    text = "Palestinian President Abbas arrived in Cairo for talks with Mubarak."
    assert [e[:4] for e in event_codes(text, "en", date(2004, 11, 12))] == [(("EGY", "PSE"), "042", "PSE", "EGY")]


def test_troops_clashing_with_protesters_fight_no_state_but_with_soldiers_they_do():
    assert event_codes("French Troops Clash with Ivory Coast Protesters.", "en", date(2004, 11, 9)) == []
    text = "Indian troops clashed with Chinese soldiers in Ladakh."
    assert [e[:2] for e in event_codes(text, "en", date(2020, 6, 16))] == [(("CHN", "IND"), "190")]
