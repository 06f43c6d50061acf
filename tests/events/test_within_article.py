"""One happening reported again and again within one article is one event (codebook §1).

An article without a publication date leaves its events undated; its undated reports of one
kind of happening (talks or a call, a visit, a signing ...) between one pair, with one status
and direction, are one event. Other kinds, other statuses and background events stay apart.
"""

from __future__ import annotations

from datetime import date

from tests.events.test_coder import events as coded

PHONE_CALL_AND_PLAN = (
    "प्रधानमंत्री नरेंद्र मोदी ने श्रीलंका के राष्ट्रपति गोटाबाया राजपक्षे के साथ टेलीफोन पर बात की। "
    "दोनों नेताओं ने फोन पर लगभग आधे घंटे तक बातचीत की। "
    "विदेश मंत्री एस जयशंकर श्रीलंका के विदेश मंत्री अली साबरी के साथ वार्ता करेंगे।"
)
VISIT_AND_MEETINGS = (
    "विदेश मंत्री एस जयशंकर सिंगापुर की यात्रा पर मंगलवार को पहुंचे। "
    "जयशंकर ने सिंगापुर के प्रधानमंत्री के साथ बैठक की। "
    "जयशंकर और सिंगापुर के प्रधानमंत्री की बैठक में व्यापार पर चर्चा हुई।"
)


def _summary(text: str) -> list[tuple]:
    return sorted(
        (tuple(e["actors"]), e["cameo"], e["status"], e["date"], e["mentions"]) for e in coded(text, "hi", None)
    )


def test_undated_reports_of_one_call_are_one_event_and_a_planned_meeting_another():
    assert _summary(PHONE_CALL_AND_PLAN) == [
        (("IND", "LKA"), "040", "planned", None, 1),
        (("IND", "LKA"), "041", "held", None, 2),
    ]


def test_a_visit_and_the_meetings_held_on_it_stay_two_events():
    assert _summary(VISIT_AND_MEETINGS) == [
        (("IND", "SGP"), "040", "held", None, 2),
        (("IND", "SGP"), "042", "ongoing", None, 1),
    ]


def test_a_headline_and_its_body_are_one_event_with_the_bodys_status():
    text = (
        "Macron Visits Vietnam. French President Emmanuel Macron will visit Vietnam to meet its leaders, "
        "the Elysee said."
    )
    found = coded(text, "en", None)
    visits = [e for e in found if e["cameo"] == "042"]
    assert [(v["actors"], v["status"], v["mentions"]) for v in visits] == [(["FRA", "VNM"], "planned", 2)]


def test_a_dated_lead_keeps_its_status_over_a_vaguer_later_mention():
    """The lead's "was called off" is the event's status, not "asked to postpone" after it."""
    text = (
        "MOSCOW, Nov 27 - A new round of talks between Russia and the United States, scheduled for November 28 in "
        "Istanbul, was called off, the Russian foreign ministry said.\nZakharova said Washington had asked to postpone "
        "the meeting, citing technical reasons, and that no new date had been set."
    )
    found = [(e["actors"], e["cameo"], e["status"]) for e in coded(text, "en", date(2025, 11, 27))]
    assert (["RUS", "USA"], "040", "cancelled") in found


def test_a_visit_and_its_welcome_by_the_host_are_one_event():
    """The visit seen from the host ("स्वागत किया", 043) and from the visitor (042), undated."""
    text = (
        "इंडोनेशिया के राष्ट्रपति प्रबोवो सुबियांतो तीन दिवसीय भारत यात्रा पर नई दिल्ली पहुंचे। "
        "प्रधानमंत्री नरेंद्र मोदी ने राष्ट्रपति भवन में इंडोनेशिया के राष्ट्रपति का स्वागत किया।"
    )
    visits = [
        (e["actors"], e["source"], e["mentions"]) for e in coded(text, "hi", None) if e["cameo"] in ("042", "043")
    ]
    assert visits == [(["IDN", "IND"], "IDN", 2)]
