"""Round 23 rules (issue 10): Hindi recall on articles without a publication date. An earlier
summit dated by its month stays apart from the talks the article reports; a phone call first
named as the frame of a statement is an event; "पहुंच गया है" is an arrival, going on. Every
sentence is written for the test."""

from __future__ import annotations

import pytest

from tests.events.event_codes import event_codes


def test_talks_held_in_a_month_are_another_happening_than_the_reported_talks():
    text = (
        "भारत के राष्ट्रीय सुरक्षा सलाहकार ने शनिवार को चीन के विदेश मंत्री के साथ सीमा के मुद्दे पर बातचीत की। "
        "इस बातचीत में दोनों ने प्रधानमंत्री मोदी और राष्ट्रपति शी जिनपिंग के बीच अप्रैल में हुई शिखर वार्ता "
        "के बाद संबंधों की प्रगति का आकलन किया।"
    )
    assert event_codes(text, "hi", None) == [
        (("CHN", "IND"), "040", None, None, "held", None),  # the April summit, background
        (("CHN", "IND"), "040", "IND", "CHN", "held", None),  # Saturday's talks
    ]


def test_the_reported_talks_dated_back_by_this_stay_one_event():
    text = (
        "भारत के राष्ट्रीय सुरक्षा सलाहकार ने शनिवार को चीन के विदेश मंत्री के साथ सीमा के मुद्दे पर बातचीत की। "
        "अप्रैल में हुई इस बातचीत से संबंध सुधरे।"
    )
    assert event_codes(text, "hi", None) == [(("CHN", "IND"), "040", "IND", "CHN", "held", None)]


def test_a_trip_noun_and_its_arrival_verb_are_one_visit_even_if_one_reads_as_background():
    text = (
        "भूटान नरेश ने आज प्रधानमंत्री से मुलाकात की। इससे पहले भूटान नरेश सोमवार को दो दिवसीय भारत यात्रा पर "
        "नयी दिल्ली पहुंचे, जहां विदेश मंत्री ने हवाई अड्डे पर उनकी अगवानी की।"
    )
    visits = [event for event in event_codes(text, "hi", None) if event[1] == "042"]
    assert len(visits) == 1


def test_a_phone_call_named_as_the_frame_of_a_statement_is_an_event():
    text = (
        "मिस्र के विदेश मंत्री ने बुधवार को इजराइल के अपने समकक्ष के साथ फोन पर बातचीत के दौरान गाजा पर "
        "इजराइल के हमले की निंदा की।"
    )
    assert event_codes(text, "hi", None) == [
        (("EGY", "ISR"), "111", "EGY", "ISR", "held", None),
        (("EGY", "ISR"), "041", "EGY", "ISR", "held", None),
    ]


def test_a_call_already_reported_is_only_the_frame_the_second_time():
    text = (
        "प्रधानमंत्री मोदी ने राष्ट्रपति पुतिन से फोन पर बात की। "
        "फोन पर बातचीत के दौरान मोदी ने रूस के साथ व्यापार बढ़ाने पर जोर दिया।"
    )
    assert event_codes(text, "hi", None) == [(("IND", "RUS"), "041", "IND", "RUS", "held", None)]


def test_has_arrived_is_a_visit_going_on_and_had_arrived_one_held():
    arrived = "संघर्ष विराम पर बातचीत के लिए मिस्र का एक प्रतिनिधिमंडल इजराइल पहुंच गया है।"
    assert event_codes(arrived, "hi", None) == [(("EGY", "ISR"), "042", "EGY", "ISR", "ongoing", None)]
    earlier = "मिस्र का एक प्रतिनिधिमंडल पिछले महीने इजराइल पहुंच गया था।"
    assert event_codes(earlier, "hi", None) == [(("EGY", "ISR"), "042", "EGY", "ISR", "held", None)]


def test_a_matter_reaching_an_embassy_is_no_visit():
    assert event_codes("यह मामला अमेरिकी पुलिस से ब्रिटिश दूतावास तक पहुंच गया है।", "hi", None) == []


def test_the_answer_in_kind_is_another_event_even_after_an_undirected_report():
    protests = (
        "चीन और जापान के बीच विरोध दर्ज कराने का सिलसिला। जापान ने चीन के समक्ष गंभीर विरोध दर्ज कराया। "
        "चीन ने भी जापान के समक्ष विरोध दर्ज कराया।"
    )
    assert event_codes(protests, "hi", None) == [
        (("CHN", "JPN"), "111", "CHN", "JPN", "held", None),
        (("CHN", "JPN"), "111", "JPN", "CHN", "held", None),
    ]
    fire = (
        "उत्तर कोरिया और दक्षिण कोरिया के सैनिकों के बीच गोलीबारी हुई। उत्तर कोरिया ने दक्षिण कोरिया पर "
        "गोलियां चलाईं। इसके बाद दक्षिण कोरिया ने जवाब में उत्तर कोरिया पर गोलियां चलाईं।"
    )
    assert [(e[2], e[3]) for e in event_codes(fire, "hi", None)] == [("KOR", "PRK"), ("PRK", "KOR")]


@pytest.mark.parametrize(
    "text",
    [
        "भारत ने मालदीव सरकार से इस मामले को उठाया।",
        "इस मुद्दे को भारत ने मालदीव की सरकार के सामने उठाया।",
    ],
)
def test_raising_a_matter_with_a_government_is_a_complaint(text):
    assert event_codes(text, "hi", None) == [(("IND", "MDV"), "110", "IND", "MDV", "held", None)]


def test_raising_a_matter_in_parliament_is_no_complaint_to_a_state():
    assert event_codes("भाजपा सदस्यों ने लोकसभा में पाकिस्तान से घुसपैठ का मुद्दा उठाया।", "hi", None) == []


def test_a_visit_called_off_and_a_visit_made_are_two_events_in_an_undated_article():
    text = (
        "Nepal President's visit to India cancelled. Officials gave no reason for the visit's abrupt "
        "cancellation. Prime Minister Oli visited India."
    )
    assert sorted(event_codes(text, "en", None), key=lambda e: e[4]) == [
        (("IND", "NPL"), "042", "NPL", "IND", "cancelled", None),
        (("IND", "NPL"), "042", "NPL", "IND", "held", None),
    ]
