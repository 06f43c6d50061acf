"""The event coder on short news sentences we wrote, in Hindi and English.

Each test runs the real extractor (entities, then events) on one or two sentences and checks
the coded event's pair, CAMEO family, direction, status and date, or that nothing was coded.
"""

from __future__ import annotations

from datetime import date

import pytest
from engagement.config import load_settings
from engagement.events import lexicon
from engagement.events.coding import EventCoder
from engagement.extract import extract_article
from engagement.nlp.entities import extract_entities

MONDAY_17 = date(2025, 11, 17)
WEDNESDAY_19 = date(2025, 11, 19)


def coder() -> EventCoder:
    return EventCoder.from_settings(load_settings())


def events(text: str, lang: str, published: date = MONDAY_17) -> list[dict]:
    return extract_article(text, lang, published)["events"]


def only(text: str, lang: str, published: date = MONDAY_17) -> dict:
    found = events(text, lang, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang", "cameo"),
    [
        ("विदेश मंत्री एस. जयशंकर ने सोमवार को रूसी विदेश मंत्री सर्गेई लावरोव से मुलाकात की।", "hi", "040"),
        (
            "External Affairs Minister S. Jaishankar met Russian Foreign Minister Sergey Lavrov on Monday.",
            "en",
            "040",
        ),
        (
            "विदेश मंत्री एस. जयशंकर ने सोमवार को अमेरिकी विदेश मंत्री मार्को रुबियो से फोन पर बातचीत की।",
            "hi",
            "041",
        ),
        (
            "Jaishankar spoke by phone with U.S. Secretary of State Marco Rubio on Monday.",
            "en",
            "041",
        ),
    ],
)
def test_meeting_and_phone_call_between_two_ministers(text, lang, cameo):
    ev = only(text, lang)
    assert (ev["actors"], ev["cameo"], ev["status"], ev["date"]) == (
        sorted(ev["actors"]),
        cameo,
        "held",
        "2025-11-17",
    )
    assert set(ev["actors"]) in ({"IND", "RUS"}, {"IND", "USA"})
    assert ev["level"] == "foreign_minister"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("रूस के राष्ट्रपति व्लादिमीर पुतिन दिसंबर में भारत की यात्रा करेंगे।", "hi"),
        ("Russian President Vladimir Putin will visit India in December.", "en"),
    ],
)
def test_visit_is_directed_from_visitor_to_host_country(text, lang):
    ev = only(text, lang)
    assert (ev["source"], ev["target"], ev["cameo"]) == ("RUS", "IND", "042")
    assert (ev["status"], ev["date"], ev["date_precision"]) == ("planned", "2025-12", "month")
    assert (ev["location"], ev["level"]) == ("IND", "head_of_state")


def test_leaving_for_a_country_is_a_visit_but_a_team_leaving_is_not():
    ev = only("विदेश मंत्री जयशंकर सोमवार को सऊदी अरब के लिए रवाना हुए।", "hi")
    assert (ev["source"], ev["target"], ev["cameo"], ev["status"]) == ("IND", "SAU", "042", "held")
    assert only("प्रधानमंत्री मोदी कल जापान के लिए रवाना होंगे।", "hi")["status"] == "planned"
    assert mentions_of("टीम इंडिया ऑस्ट्रेलिया के लिए रवाना हुई।", "hi") == []


def test_host_is_the_source_of_a_hosting_event():
    ev = only("Jaishankar hosted Australian Foreign Minister Penny Wong in New Delhi on Monday.", "en")
    assert (ev["source"], ev["target"], ev["cameo"], ev["location"]) == ("IND", "AUS", "043", "IND")


@pytest.mark.parametrize(
    ("text", "lang", "cameo", "source", "target"),
    [
        (
            "भारत और जापान ने सोमवार को डिजिटल भुगतान पर समझौते पर हस्ताक्षर किए।",
            "hi",
            "057",
            None,
            None,
        ),
        (
            "India on Monday condemned remarks by Pakistan's foreign minister.",
            "en",
            "111",
            "IND",
            "PAK",
        ),
        (
            "भारत ने सोमवार को सीमा पार आतंकवाद के लिए पाकिस्तान की कड़ी निंदा की।",
            "hi",
            "111",
            "IND",
            "PAK",
        ),
        (
            "The United States on Monday imposed sanctions on Iran over its oil exports.",
            "en",
            "163",
            "USA",
            "IRN",
        ),
        ("Russia on Monday expelled a British diplomat from Moscow.", "en", "174", None, None),
        (
            "पाकिस्तान ने सोमवार को अफगानिस्तान के साथ राजनयिक संबंधों का स्तर घटाया।",
            "hi",
            "161",
            None,
            None,
        ),
    ],
)
def test_agreement_and_conflict_families(text, lang, cameo, source, target):
    ev = only(text, lang)
    assert (ev["cameo"], ev["status"], ev["date"]) == (cameo, "held", "2025-11-17")
    if source:
        assert (ev["source"], ev["target"]) == (source, target)


def test_expelling_a_diplomat_pairs_the_two_governments():
    ev = only("Russia on Monday expelled a British diplomat from Moscow.", "en")
    assert ev["actors"] == ["GBR", "RUS"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("भारत और बांग्लादेश के बीच ढाका में होने वाली विदेश सचिव स्तर की वार्ता स्थगित कर दी गई है।", "hi"),
        ("Talks between Russia and the United States in Istanbul were postponed.", "en"),
    ],
)
def test_postponed_talks_are_cancelled(text, lang):
    assert only(text, lang)["status"] == "cancelled"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("India has not condemned Russia over the war.", "en"),
        ("भारत ने इस मामले में रूस की निंदा नहीं की है।", "hi"),
        ("If Modi and Putin meet in Moscow, it will be their first meeting this year.", "en"),
        ("यदि मोदी और पुतिन वहां मिलते हैं, तो यह इस साल उनकी पहली मुलाकात होगी।", "hi"),
        ("The Russian and Chinese prime ministers hold a regular meeting every year.", "en"),
        ("जयशंकर और डार के बीच कोई द्विपक्षीय मुलाकात नहीं हुई।", "hi"),
    ],
)
def test_negated_hypothetical_and_habitual_statements_give_no_event(text, lang):
    assert events(text, lang) == []


def test_venue_country_is_not_an_actor():
    ev = only("Modi met Japanese Prime Minister Sanae Takaichi in Moscow on Saturday.", "en", WEDNESDAY_19)
    assert ev["actors"] == ["IND", "JPN"]
    assert ev["location"] == "RUS"


def test_event_date_comes_from_the_sentence_not_the_publication_date():
    ev = only("Jaishankar met Russian Foreign Minister Sergey Lavrov on Monday.", "en", WEDNESDAY_19)
    assert (ev["date"], ev["date_precision"], ev["status"]) == ("2025-11-17", "day", "held")


def test_without_a_date_the_publication_date_is_used():
    ev = only("Jaishankar met Russian Foreign Minister Sergey Lavrov in Moscow.", "en", WEDNESDAY_19)
    assert (ev["date"], ev["status"]) == ("2025-11-19", "held")


def test_bare_month_in_a_past_tense_sentence_is_the_past_month():
    text = "प्रधानमंत्री नरेंद्र मोदी अप्रैल में श्रीलंका गए थे।"
    ev = only(text, "hi", date(2025, 11, 21))
    assert (ev["date"], ev["status"], ev["source"], ev["target"]) == (
        "2025-04",
        "held",
        "IND",
        "LKA",
    )


def test_sideline_meeting_carries_its_forum():
    ev = only(
        "Modi met Japanese Prime Minister Sanae Takaichi on the sidelines of the G20 summit on Saturday.",
        "en",
    )
    assert (ev["actors"], ev["forum"]) == (["IND", "JPN"], "G20")


def test_topics_come_from_the_sentence_keywords():
    ev = only("जयशंकर ने सोमवार को लावरोव के साथ व्यापार और ऊर्जा सहयोग पर बातचीत की।", "hi")
    assert {"trade_economy", "energy"} <= set(ev["topics"])


def test_demanded_sanctions_are_a_demand_not_a_sanction():
    ev = only(
        "Ukraine's foreign minister Andrii Sybiha on Monday demanded tougher sanctions on Russia.",
        "en",
    )
    assert (ev["root"], ev["actors"]) == ("10", ["RUS", "UKR"])


def test_a_multilateral_meeting_keeps_its_participants_in_one_event():
    ev = only("The foreign ministers of India, Russia and China met in Moscow on Monday.", "en")
    assert ev["actors"] == ["CHN", "IND", "RUS"]
    # the agent of a Hindi multilateral meeting gives it no direction between two of them
    ev = only("फ्रांसीसी विदेश मंत्री ने ब्रितानी विदेश मंत्री और अमरीकी विदेश मंत्री से सोमवार को मुलाकात की।", "hi")
    assert (ev["actors"], ev["source"], ev["target"]) == (["FRA", "GBR", "USA"], None, None)


def mentions_of(text: str, lang: str, published: date = MONDAY_17) -> list:
    """Event mentions before clustering (what detect_events writes)."""
    entities = extract_entities(text, lang, published)
    return coder().code("t", text, lang, published, entities.sentences, entities.mentions)


SCO_PLENARY = (
    "बिश्केक, 25 नवंबर (एजेंसी) शंघाई सहयोग संगठन (एससीओ) के विदेश मंत्रियों की परिषद की बैठक"
    " मंगलवार को किर्गिस्तान की राजधानी बिश्केक में हुई, जिसमें भारत, चीन, रूस, पाकिस्तान और ईरान"
    " के विदेश मंत्रियों ने भाग लिया।"
)


def test_a_multilateral_meeting_has_no_pair_and_its_venue_takes_no_part():
    [plenary] = mentions_of(SCO_PLENARY, "hi", date(2025, 11, 25))
    assert (plenary.actor1, plenary.actor2, plenary.forum, plenary.location) == (
        None,
        None,
        "SCO",
        "KGZ",
    )
    assert plenary.participants == ("CHN", "IND", "IRN", "PAK", "RUS")


def test_a_sideline_cue_takes_the_forum_of_the_meeting_named_earlier():
    text = (
        SCO_PLENARY + "\nरूस के विदेश मंत्री सर्गेई लावरोव ने भी बैठक से इतर ईरान के विदेश मंत्री"
        " अब्बास अराघची के साथ द्विपक्षीय वार्ता की।"
    )
    sideline = mentions_of(text, "hi", date(2025, 11, 25))[-1]
    assert (sideline.actor1, sideline.actor2, sideline.forum) == ("IRN", "RUS", "SCO")


def test_a_planned_detail_without_a_date_takes_the_announced_date():
    text = (
        "जापान के विदेश मंत्री तोशिमित्सु मोतेगी 20 नवंबर को नई दिल्ली की यात्रा पर आएंगे।\n"
        "अपनी यात्रा के दौरान मोतेगी विदेश मंत्री एस. जयशंकर के साथ वार्ता करेंगे।"
    )
    found = mentions_of(text, "hi", date(2025, 11, 18))
    assert [(m.kind, m.status, m.event_date, m.date_basis) for m in found] == [
        ("visit", "planned", "2025-11-20", "text"),
        ("meeting", "planned", "2025-11-20", "context"),
    ]


def test_a_plan_without_any_date_is_dated_no_earlier_than_the_publication_month():
    [plan] = mentions_of("Jaishankar will hold talks with Russian Foreign Minister Lavrov.", "en")
    assert (plan.status, plan.event_date, plan.date_precision) == ("planned", "2025-11", "month")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("अक्टूबर में पदभार संभालने के बाद यह मोतेगी की पहली भारत यात्रा होगी।", "hi"),
        ("It will be Motegi's first visit to India since he took office in October.", "en"),
    ],
)
def test_a_date_of_another_clause_does_not_date_the_event(text, lang):
    [visit] = mentions_of(text, lang, date(2025, 11, 18))
    assert visit.status == "planned" and not visit.event_date.startswith("2025-10")


def test_two_triggers_for_one_pair_in_one_sentence_give_one_mention():
    found = mentions_of(
        "विदेश मंत्री एस. जयशंकर ने चीन के विदेश मंत्री वांग यी से मुलाकात की और सीमा पर चीन के साथ बातचीत की।",
        "hi",
    )
    assert [(m.actor1, m.actor2, m.root) for m in found] == [("CHN", "IND", "04")]


def test_the_trigger_screen_passes_every_sentence_a_trigger_matches():
    sentences = [
        "अपनी यात्रा के दौरान मोतेगी वार्ता करेंगे।",
        "दौरान कुछ नहीं हुआ।",
        "Wong is scheduled to call on Prime Minister Modi.",
        "Nothing happened in Delhi.",
    ]
    for text, lang in zip(sentences, ["hi", "hi", "en", "en"], strict=True):
        low = lexicon.lowered(text)
        anywhere = any(t.regex.search(low) for t in lexicon.triggers(lang))
        assert bool(lexicon.trigger_screen(lang).search(low)) == anywhere, text
        opened = [t for t in lexicon.triggers(lang) if any(o in low for o in t.openings)]
        assert [t for t in lexicon.triggers(lang) if t.regex.search(low)] == [t for t in opened if t.regex.search(low)]


def test_mention_ids_are_unique_when_a_sentence_merges_triggers():
    """Two triggers for one happening merge into one mention; later ids must not repeat."""
    text = "जयशंकर ने लावरोव से मुलाकात की और दोनों ने बातचीत की। मोदी ने पुतिन से फोन पर बात की। वांग यी ने जयशंकर से मुलाकात की।"
    result = extract_entities(text, "hi", date(2025, 11, 17))
    events = coder().code("a1", text, "hi", date(2025, 11, 17), result.sentences, result.mentions)
    ids = [e.mention_id for e in events]
    assert len(events) == 3 and len(set(ids)) == len(ids)


def test_a_cricket_tour_is_not_a_state_visit():
    article = (
        "भारतीय क्रिकेट टीम अगले महीने चार टेस्ट मैच खेलने के लिए ऑस्ट्रेलिया के दौरे पर रवाना होगी। "
        "कप्तान ने कहा कि दोनों टीमों के बीच बातचीत अच्छी रही। पहले मैच में शतक लगा।"
    )
    assert events(article, "hi") == []
    # a head of government at the match is still a government
    assert only("प्रधानमंत्री मोदी ने क्रिकेट मैच के दौरान ऑस्ट्रेलियाई प्रधानमंत्री अल्बनीज़ से मुलाकात की।", "hi")["actors"] == [
        "AUS",
        "IND",
    ]


def test_sitting_is_not_a_meeting():
    assert events("भारत और पाकिस्तान के दो भाई दुकान पर बैठकर बातें करते थे, कहानी यही है।", "hi") == []
    assert only("भारत और पाकिस्तान के बीच बैठकें होंगी।", "hi")["cameo"] == "040"


def test_arriving_needs_a_country_to_arrive_in():
    assert events("भारत-पाक बंटवारे की कहानी सुनते हुए हम एक पुराने कुएं तक पहुंचे।", "hi") == []
    ev = only("विदेश मंत्री जयशंकर सोमवार को रूस पहुंचे।", "hi")
    assert (ev["source"], ev["target"], ev["cameo"]) == ("IND", "RUS", "042")


def test_a_visit_to_two_countries_by_someone_unknown_gives_no_pair():
    text = "प्रिंस हैरी अगले महीने एस्टोनिया और इटली की तीन दिन की सरकारी यात्रा पर जाएंगे।"
    assert events(text, "hi") == []
    ev = only("जयशंकर अगले महीने इटली की तीन दिन की सरकारी यात्रा पर जाएंगे।", "hi")
    assert (ev["source"], ev["target"], ev["status"]) == ("IND", "ITA", "planned")


def test_passive_voice_names_the_source_after_by():
    ev = only("Evidence against Pakistan was presented by India on Monday.", "en")
    assert (ev["source"], ev["target"], ev["root"]) == ("IND", "PAK", "11")
    # "allegations by Rwanda" is no passive: France still condemns
    ev = only("France on Monday condemned allegations by Rwanda about its role.", "en")
    assert (ev["source"], ev["target"]) == ("FRA", "RWA")


def test_a_refusal_is_a_rejection_not_a_negated_event():
    ev = only("Prime Minister Modi said India would not provide support to Pakistan.", "en")
    assert (ev["source"], ev["target"], ev["root"], ev["status"]) == ("IND", "PAK", "12", "held")


def test_a_threat_by_two_speakers_aims_at_its_object_from_each():
    found = events("Russia and China said they will attack Japan.", "en", MONDAY_17)
    assert sorted((ev["source"], ev["target"], ev["root"], ev["status"]) for ev in found) == [
        ("CHN", "JPN", "13", "held"),
        ("RUS", "JPN", "13", "held"),
    ]


def test_dissidents_from_a_country_are_not_its_government():
    ev = only("President Putin will meet Chinese President Xi Jinping and exiled dissidents from Myanmar.", "en")
    assert ev["actors"] == ["CHN", "RUS"]


def test_heading_for_a_capital_is_a_visit_there():
    ev = only("Prime Minister Modi heads to Moscow on November 21.", "en")
    assert (ev["source"], ev["target"], ev["cameo"], ev["status"]) == ("IND", "RUS", "042", "planned")


def test_received_from_a_country_and_travel_in_general_are_no_engagement():
    assert events("हाल में रूस से मिले एसए-22 मिसाइलों ने सीरिया की वायु रक्षा मज़बूत की।", "hi") == []
    assert events("समोआ एयर के प्रमुख ने ऑस्ट्रेलिया के रेडियो से कहा कि यह यात्रा का सबसे उचित तरीका है।", "hi") == []
    # officials who meet are still a meeting
    assert only("भारत और चीन के विदेश मंत्री सोमवार को मिले।", "hi")["actors"] == ["CHN", "IND"]


def test_a_joint_subject_gives_no_direction():
    ev = only("भारत और अमेरिका ने सोमवार को व्यापार समझौते पर हस्ताक्षर किए।", "hi")
    assert (ev["actors"], ev["source"], ev["target"], ev["cameo"]) == (["IND", "USA"], None, None, "057")
    ev = only("भारत ने सोमवार को कनाडा के एक राजनयिक को निष्कासित कर दिया।", "hi")
    assert (ev["source"], ev["target"], ev["cameo"]) == ("IND", "CAN", "174")


def test_an_adjective_of_nationality_acts_only_with_a_government_noun():
    assert events("A Thai policeman was accused of killing a British couple near a beach.", "en") == []
    ev = only("The Thai government accused British officials of interference on Monday.", "en")
    assert (ev["source"], ev["target"], ev["root"]) == ("THA", "GBR", "11")


def test_willing_to_resume_talks_is_an_intent_and_meeting_conditions_is_no_meeting():
    ev = only("North Korea said it is willing to resume talks with the United States.", "en")
    assert (ev["actors"], ev["cameo"], ev["status"]) == (["PRK", "USA"], "036", "planned")
    assert events("Malaysia will resume poultry exports to Singapore after meeting conditions set by it.", "en") == []


@pytest.mark.parametrize(
    "text",
    [
        "ABUJA - Sudan and Chad held talks on Monday on the border crisis.",
        "Kinshasa/Khartoum: Sudan and Chad held talks on Monday on the border crisis.",  # title case, colon
        "Kinshasa - Sudan and Chad held talks on Monday on the border crisis.",  # title case, spaced dash
    ],
)
def test_an_english_dateline_place_is_a_venue(text):
    ev = only(text, "en")
    assert ev["actors"] == ["SDN", "TCD"]


def test_a_title_case_capital_opening_a_sentence_without_a_dateline_mark_is_still_a_party():
    ev = only("Kinshasa accused Kigali of backing the rebels on Monday.", "en")
    assert (ev["source"], ev["target"], ev["root"]) == ("COD", "RWA", "11")


def test_summoning_an_envoy_is_a_protest():
    ev = only("भारत ने सोमवार को पाकिस्तान के उच्चायुक्त को तलब किया।", "hi")
    assert (ev["source"], ev["target"], ev["cameo"]) == ("IND", "PAK", "111")
    ev = only("India summoned the Bangladeshi envoy on Monday.", "en")
    assert (ev["source"], ev["target"], ev["cameo"]) == ("IND", "BGD", "111")


def test_habitual_words_of_another_clause_do_not_block():
    text = "Khawaja Asif had also accused India of backing militants, an allegation New Delhi has repeatedly denied."
    ev = only(text, "en")
    assert (ev["actors"], ev["root"]) == (["IND", "PAK"], "11")
    assert events("India and Nepal hold talks every year.", "en") == []


def test_a_place_inside_a_compound_name_is_no_location():
    ev = only("Modi met Japanese Prime Minister Takaichi on Monday on the Mumbai-Ahmedabad rail project.", "en")
    assert ev["location"] is None


def test_two_guests_of_a_forum_summit_are_no_bilateral_event():
    assert events("दोनों देशों के प्रधानमंत्री अगले सप्ताह जी20 शिखर सम्मेलन में भारत और जापान की ओर से हिस्सा लेंगे।", "hi") == []
    ev = only("Modi visited Jeddah in April.", "en", published=date(2025, 11, 20))
    assert (ev["source"], ev["target"], ev["location"], ev["date"]) == ("IND", "SAU", "SAU", "2025-04")


def test_both_countries_refers_to_the_pair_of_the_story():
    article = (
        "भारत और संयुक्त अरब अमीरात के विदेश मंत्रियों ने सोमवार को अबू धाबी में मुलाकात की। "
        "बैठक में व्यापार पर जोर रहा। दोनों देशों के बीच सीईपीए पर 2022 में हस्ताक्षर हुए थे।"
    )
    found = [(ev["actors"], ev["cameo"], ev["date"]) for ev in events(article, "hi")]
    assert (["ARE", "IND"], "057", "2022") in found


def test_a_visit_first_named_as_a_frame_is_reported_once():
    text = "अप्रैल में प्रधानमंत्री नरेंद्र मोदी की कोलंबो यात्रा के दौरान दोनों देशों ने एक समझौते पर हस्ताक्षर किए थे।"
    found = {(ev["cameo"], ev["status"], ev["date"]) for ev in events(text, "hi", published=date(2025, 11, 24))}
    assert found == {("042", "held", "2025-04"), ("057", "held", "2025-04")}
    # once the visit is reported, "यात्रा के दौरान" frames the agreement and adds no second visit
    article = "मोदी ने अप्रैल में श्रीलंका की यात्रा की थी। " + text
    visits = [m for m in mentions_of(article, "hi", published=date(2025, 11, 24)) if m.cameo == "042"]
    assert [m.sentence_idx for m in visits] == [0]


def test_he_refers_to_the_person_of_the_previous_sentence():
    article = (
        "जयशंकर एससीओ की बैठक में हिस्सा लेने के लिए सोमवार को चीन पहुंचे थे। "
        "बैठक से इतर उन्होंने रूस के विदेश मंत्री सर्गेई लावरोव से भी मुलाकात की।"
    )
    meetings = [ev for ev in events(article, "hi", published=date(2025, 7, 15)) if ev["cameo"] == "040"]
    assert [ev["actors"] for ev in meetings] == [["IND", "RUS"]]


def test_a_protest_and_a_rejected_statement():
    ev = only("China lodged a protest with India over the remarks, the Chinese foreign ministry said.", "en")
    assert (ev["source"], ev["target"], ev["cameo"]) == ("CHN", "IND", "111")
    ev = only("India rejected the Chinese statement on Monday.", "en")
    assert (ev["source"], ev["target"], ev["root"]) == ("IND", "CHN", "12")


def test_going_to_a_capital_is_a_planned_visit_there():
    ev = only("वाणिज्य मंत्री पीयूष गोयल अगले सप्ताह वाशिंगटन जाएंगे।", "hi", published=date(2025, 12, 3))
    assert (ev["source"], ev["target"], ev["cameo"], ev["status"]) == ("IND", "USA", "042", "planned")


def test_a_statement_noun_takes_the_tense_of_its_far_verb():
    text = "भारत और अमेरिका ने फरवरी में एक संयुक्त बयान जारी कर 2030 तक व्यापार दोगुना करने का लक्ष्य रखा था।"
    ev = only(text, "hi", published=date(2025, 12, 3))
    assert (ev["cameo"], ev["status"], ev["date"]) == ("050", "held", "2025-02")


def test_a_trip_from_one_visit_to_the_next():
    text = "Jaishankar, who is on a three-day visit to Germany, will travel to Paris on Saturday."
    mentions = mentions_of(text, "en", published=date(2025, 10, 16))
    found = {(m.source, m.target, m.status, m.event_date) for m in mentions}
    assert found == {("IND", "DEU", "ongoing", "2025-10-16"), ("IND", "FRA", "planned", "2025-10-18")}


def test_a_joint_naval_exercise_is_military_cooperation():
    text = "भारतीय नौसेना और जापानी नौसेना का संयुक्त अभ्यास अगले सप्ताह बंगाल की खाड़ी में शुरू होगा।"
    ev = only(text, "hi", published=date(2025, 11, 11))
    assert (ev["actors"], ev["cameo"], ev["status"]) == (["IND", "JPN"], "062", "planned")


def test_a_state_banquet_is_hosted_by_the_agent_and_agreements_are_exchanged_in_their_presence():
    article = (
        "प्रधानमंत्री नरेंद्र मोदी ने शुक्रवार को श्रीलंका के राष्ट्रपति अनुरा कुमारा दिसानायके के साथ वार्ता की। "
        "दोनों नेताओं की मौजूदगी में छह समझौतों का आदान-प्रदान हुआ। "
        "राष्ट्रपति द्रौपदी मुर्मू ने शाम को दिसानायके के सम्मान में रात्रिभोज का आयोजन किया।"
    )
    found = {(m.cameo, m.source, m.target) for m in mentions_of(article, "hi", published=date(2024, 12, 13))}
    assert found == {("040", "IND", "LKA"), ("057", None, None), ("043", "IND", "LKA")}


def test_a_third_party_addressing_both_countries_pairs_neither_with_itself():
    article = "ईरान और इजराइल के बीच तनाव बढ़ा। विदेश मंत्रालय ने दोनों देशों से संयम बरतने और बातचीत की अपील की।"
    assert [m for m in mentions_of(article, "hi") if "IND" in m.participants] == []


def test_talk_about_talks_is_no_meeting():
    text = "Secretary of State Marco Rubio urged China on Monday to resume stalled talks with India."
    assert [ev["root"] for ev in events(text, "en")] == ["10"]
    ev = only("North Korea said it is willing to resume stalled six-way talks with the United States.", "en")
    assert ev["cameo"] == "036"


def test_an_english_dateline_yields_the_location_to_the_trip_destination():
    text = (
        "MOSCOW, Dec 4 (Reuters) - Russian President Vladimir Putin arrived in New Delhi on Thursday "
        "and will hold talks with Prime Minister Narendra Modi on Friday."
    )
    mentions = mentions_of(text, "en", published=date(2025, 12, 4))
    assert {(m.cameo, m.location) for m in mentions} == {("042", "IND"), ("040", "IND")}


def test_the_visiting_leader_is_the_visitor_and_the_host_is_where_it_happens():
    found = events(
        "NEW DELHI, Nov 17 - Indian Prime Minister Narendra Modi held talks with visiting Russian President"
        " Vladimir Putin on Friday.",
        "en",
    )
    # the visit and the talks held on it are two events (codebook §2)
    assert sorted((e["source"], e["target"], e["cameo"], e["location"], e["date"]) for e in found) == [
        ("IND", "RUS", "040", "IND", "2025-11-14"),
        ("RUS", "IND", "042", "IND", "2025-11-14"),
    ]


def test_a_verb_joined_by_and_shares_the_subject_of_the_verb_before():
    found = events(
        "China's foreign ministry on Monday condemned Japan's remarks on Taiwan and summoned the Japanese ambassador.",
        "en",
    )
    assert {(e["source"], e["target"]) for e in found} == {("CHN", "JPN")}


def test_speaking_with_a_counterpart_by_phone_is_a_phone_call():
    ev = only("External Affairs Minister S. Jaishankar spoke with his Saudi counterpart by phone on Tuesday.", "en")
    assert (ev["source"], ev["target"], ev["cameo"], ev["date"]) == ("IND", "SAU", "041", "2025-11-11")
    assert events("Jaishankar spoke to reporters in Delhi about Pakistan.", "en") == []


def test_a_planned_meeting_in_a_bare_month_already_past_this_year_is_next_years():
    ev = only("The leaders of India and Japan are expected to hold their annual summit in Tokyo in August.", "en")
    assert (ev["status"], ev["date"], ev["date_precision"]) == ("planned", "2026-08", "month")
    ev = only("पिछले साल जुलाई में मोदी ने मॉस्को की यात्रा की थी।", "hi")
    assert (ev["source"], ev["target"], ev["status"], ev["date"]) == ("IND", "RUS", "held", "2024-07")


@pytest.mark.parametrize(
    "text",
    [
        "Four men accused of planning to kill Cuba's Fidel Castro have been pardoned by Panama's president.",
        "An accused US Army deserter has surrendered at a US military base near Tokyo.",
        "Iran froze nuclear work in a move likely to thwart US efforts to seek possible sanctions.",
        "Russia said Moscow opposed sanctions on Sudan.",
        "The alleged Al Qaeda inmates at the US military prison in Cuba are likely to be freed.",
    ],
)
def test_accusations_and_sanctions_named_only_as_nouns_are_no_events(text):
    assert events(text, "en") == []


def test_sanctions_imposed_or_announced_are_sanction_events():
    ev = only("The European Union and the United States imposed fresh sanctions on Iran on Monday.", "en")
    assert ev["cameo"] == "163" and set(ev["actors"]) == {"IRN", "USA"}
    ev = only(
        "The Canadian government announced asset freezes and travel bans against four senior officers of the Russian"
        " military.",
        "en",
    )
    assert (ev["source"], ev["target"], ev["cameo"]) == ("CAN", "RUS", "163")


def test_two_leaders_joined_by_and_with_a_title_between_meet_without_direction():
    ev = only(
        "प्रधानमंत्री नरेंद्र मोदी और राष्ट्रपति शी जिनपिंग ने पिछले साल अक्टूबर में कज़ान में ब्रिक्स शिखर सम्मेलन से इतर मुलाकात की थी।",
        "hi",
    )
    assert (ev["source"], ev["target"], ev["date"], ev["location"], ev["forum"]) == (
        None,
        None,
        "2024-10",
        "RUS",
        "BRICS",
    )


def test_a_likely_trip_to_a_summit_abroad_is_a_planned_visit():
    ev = only("प्रधानमंत्री मोदी के अगस्त के अंत में एससीओ शिखर सम्मेलन के लिए तियानजिन जाने की संभावना है।", "hi", date(2025, 7, 14))
    assert (ev["source"], ev["target"], ev["cameo"], ev["status"], ev["date"]) == (
        "IND",
        "CHN",
        "042",
        "planned",
        "2025-08",
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("विदेश मंत्रालय के प्रवक्ता ने गुरुवार को साप्ताहिक प्रेस वार्ता में कहा कि पाकिस्तान को इलाके खाली करने चाहिए।", "hi"),
        (
            "China's foreign ministry spokesman told a news conference in Beijing that Japan must retract the remarks.",
            "en",
        ),
    ],
)
def test_a_press_conference_is_no_meeting(text, lang):
    assert events(text, lang) == []


def test_direction_never_names_a_country_outside_the_pair():
    text = (
        "अमरीका ने सीरिया पर हमले की धमकी दी थी. रूस ने अमरीकी हमले की धमकी का विरोध किया था, जिसके बाद दोनों के"
        " बीच सीरिया के रासायनिक हथियारों को अंतरराष्ट्रीय निगरानी में रखे जाने पर समझौता हुआ था."
    )
    for ev in mentions_of(text, "hi"):
        assert {ev.source, ev.target} <= {*ev.participants, None}, ev


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("भारत ने ओमान के सुल्तान की राजकीय यात्रा की मेजबानी की।", ("IND", "OMN", "043", "IND")),
        ("प्रधानमंत्री मोदी ने फ्रांस के राष्ट्रपति मैक्रों को फोन कर उन्हें बधाई दी।", ("IND", "FRA", "041", None)),
        ("विदेश मंत्री जयशंकर ने सिंगापुर के विदेश मंत्री के साथ द्विपक्षीय संबंधों की समीक्षा की।", ("IND", "SGP", "040", None)),
    ],
)
def test_hosting_a_visit_a_call_and_a_review_of_relations(text, expected):
    ev = only(text, "hi")
    assert (ev["source"], ev["target"], ev["cameo"], ev["location"]) == expected


def test_a_government_protesting_to_another_complains_officially_but_a_street_protest_is_no_event():
    ev = only("The Philippines protested China's use of water cannon near Scarborough Shoal.", "en")
    assert (ev["source"], ev["target"], ev["cameo"]) == ("PHL", "CHN", "114")
    assert events("Thousands of people protested in Manila against China.", "en") == []


def test_a_forum_the_talks_come_before_and_a_date_of_the_next_clause_are_not_the_talks():
    ev = only(
        "विदेश मंत्री मार्को रुबियो और विदेश मंत्री एस जयशंकर के बीच अगले सप्ताह वाशिंगटन में वार्ता होगी, जिससे"
        " फरवरी में प्रस्तावित क्वाड शिखर सम्मेलन से पहले दोनों देशों के संबंधों को नई दिशा मिलेगी।",
        "hi",
        date(2025, 9, 23),
    )
    assert (ev["status"], ev["date"], ev["forum"], ev["location"]) == ("planned", "2025-09-29", None, "USA")


def test_the_pair_named_before_a_framing_meeting_is_the_pair_that_met():
    ev = only(
        "रुबियो और जयशंकर ने इससे पहले जुलाई में वाशिंगटन में क्वाड विदेश मंत्रियों की बैठक के दौरान मुलाकात की थी।",
        "hi",
        date(2025, 9, 23),
    )
    assert (set(ev["actors"]), ev["date"], ev["forum"]) == ({"IND", "USA"}, "2025-07", "QUAD")


def test_a_rejection_of_what_the_clause_before_said_is_aimed_at_its_speaker():
    found = events(
        "भारत और पाकिस्तान के डीजीएमओ के बीच सोमवार को बातचीत हुई। इससे पहले पाकिस्तान ने भारत पर गोलीबारी करने का"
        " आरोप लगाया था, जिसे भारत ने सिरे से खारिज कर दिया।",
        "hi",
    )
    assert ("IND", "PAK", "120") in {(e["source"], e["target"], e["cameo"]) for e in found}
    assert ("PAK", "IND", "112") in {(e["source"], e["target"], e["cameo"]) for e in found}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("भारत और फ्रांस ने रक्षा सहयोग पर एक साझा बयान जारी किया।", "hi", (None, None, "050")),
        # the agent ("मोदी ने") is the subject of the verb: India congratulates, as in English
        ("प्रधानमंत्री मोदी ने श्रीलंका के नए राष्ट्रपति को जीत की बधाई दी।", "hi", ("IND", "LKA", "051")),
        (
            "Modi congratulated Sri Lanka's new President Anura Kumara Dissanayake on his victory.",
            "en",
            ("IND", "LKA", "051"),
        ),
    ],
)
def test_a_joint_statement_and_congratulations(text, lang, expected):
    ev = only(text, lang)
    assert (ev["source"], ev["target"], ev["cameo"]) == expected


def test_an_organisation_from_the_users_override_folder_is_an_actor(tmp_path, monkeypatch):
    """The coder reads the knowledge base of the settings, override folder included: a ministry
    the user added is tagged by the extractor and stands for its government in the event."""
    (tmp_path / "organisations.csv").write_text(
        "org_id,name_en,kind,country,is_actor\nMFA_MYS,Ministry of Foreign Affairs of Malaysia,ministry,MYS,true\n",
        encoding="utf-8",
    )
    (tmp_path / "org_aliases.csv").write_text("org_id,lang,alias\nMFA_MYS,en,Wisma Putra\n", encoding="utf-8")
    monkeypatch.setenv("ENGAGEMENT_KB_OVERRIDES", str(tmp_path))
    text = "Wisma Putra held talks with the Ministry of External Affairs in New Delhi on Monday."
    entities = extract_entities(text, "en", MONDAY_17).mentions
    assert ("MFA_MYS", "MYS") in [(m.entity_id, m.country) for m in entities]
    ev = only(text, "en")
    assert (ev["actors"], ev["date"], ev["status"]) == (["IND", "MYS"], "2025-11-17", "held")
