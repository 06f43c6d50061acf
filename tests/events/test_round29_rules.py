"""Round 29 rules (issue 10): a Hindi subject named by the singular pronoun ("वह", "वो"), and
people whose names Hindi news spells otherwise than the KB. Every sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

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
