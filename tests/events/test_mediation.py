"""Mediation (codebook §8 and DOMAIN.md's 045): one event from the mediator to each side, and
a truce it brokered is the two sides' own event (087). Sentences written for the test."""

from __future__ import annotations

import pytest

from tests.events.test_coder import events as coded


def _summary(text: str, lang: str = "en") -> set[tuple]:
    return {(tuple(e["actors"]), e["cameo"], e["source"], e["status"]) for e in coded(text, lang, None)}


@pytest.mark.parametrize(
    ("text", "lang", "mediator", "sides"),
    [
        (
            "Turkey, which brokered the grain agreement between Russia and Ukraine, welcomed the step.",
            "en",
            "TUR",
            ("RUS", "UKR"),
        ),
        ("Ethiopia and Eritrea signed the accord in a deal brokered by Saudi Arabia.", "en", "SAU", ("ERI", "ETH")),
    ],
)
def test_the_mediator_engages_each_side(text, lang, mediator, sides):
    found = _summary(text, lang)
    for side in sides:
        assert (tuple(sorted([mediator, side])), "045", mediator, "held") in found
    assert not any(e[1] == "045" and set(e[0]) == set(sides) for e in found)  # the sides do not mediate


def test_a_brokered_ceasefire_is_also_the_two_sides_truce():
    found = _summary("The fighting between Thailand and Cambodia stopped after a Malaysian-brokered ceasefire.")
    assert {e[:2] for e in found} == {(("KHM", "THA"), "087"), (("KHM", "MYS"), "045"), (("MYS", "THA"), "045")}


def test_hindi_mediation_with_a_ceasefire():
    found = _summary("भारत और पाकिस्तान के बीच अमेरिका की मध्यस्थता में संघर्ष विराम हुआ।", "hi")
    assert {e[:3] for e in found} == {
        (("IND", "PAK"), "087", None),
        (("IND", "USA"), "045", "USA"),
        (("PAK", "USA"), "045", "USA"),
    }


def test_talks_mediated_for_the_pair_of_the_story():
    text = (
        "The Egyptian and Ethiopian foreign ministers met in Cairo on Sunday. The two ministers "
        "last met for talks mediated by the US Treasury Secretary in Washington."
    )
    found = _summary(text)
    assert (("EGY", "USA"), "045", "USA", "held") in found
    assert (("ETH", "USA"), "045", "USA", "held") in found


def test_a_mediator_without_sides_codes_nothing():
    assert coded("The deal was brokered by Qatar, officials said.", "en", None) == []
