"""Round 24 rules (issue 10): the stops of a trip named in order ("पहले इजराइल फिर सऊदी अरब")
are each visited, as a list joined by "और" is. Every sentence is written for the test."""

from __future__ import annotations

from tests.events.event_codes import event_codes


def test_each_stop_of_a_trip_named_in_order_is_a_visit():
    text = "अमेरिकी विदेश मंत्री ने पिछले हफ्ते पहले इजराइल फिर सऊदी अरब और कतर की यात्रा की।"
    visited = sorted(event[0] for event in event_codes(text, "hi", None) if event[1] == "042")
    assert visited == [("ISR", "USA"), ("QAT", "USA"), ("SAU", "USA")]


def test_and_then_joins_the_stops_of_a_trip_in_english():
    text = "The US Secretary of State visited Israel and then Saudi Arabia last week."
    visited = sorted(event[0] for event in event_codes(text, "en", None) if event[1] == "042")
    assert visited == [("ISR", "USA"), ("SAU", "USA")]


def test_again_between_two_states_is_no_list():
    text = "पाकिस्तान की सेना ने फिर भारत की चौकियों पर गोलीबारी की।"
    assert [event[0] for event in event_codes(text, "hi", None)] == [("IND", "PAK")]
