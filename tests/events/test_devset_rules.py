"""Trigger, cue and knowledge-base rows added from the dev set's tuning errors (issue 10).

Every sentence here is written for the test (none is taken from the dev set); each checks the
pair, CAMEO family and, where the rule is about it, the direction or status of what is coded.
"""

from __future__ import annotations

import pytest

from tests.events.test_coder import events as coded
from tests.events.test_coder import only as one


@pytest.mark.parametrize(
    ("text", "pair", "cameo", "source"),
    [
        ("पाकिस्तान ने शुक्रवार को अफगानिस्तान के कई इलाकों पर हवाई हमला किया।", ["AFG", "PAK"], "195", "PAK"),
        ("ईरान ने मंगलवार को पाकिस्तान के भीतर आतंकी ठिकानों पर मिसाइल हमले किए।", ["IRN", "PAK"], "195", "IRN"),
        ("भारत ने दावा किया कि चीन ने सीमा पर उसकी चौकियों पर हमला किया।", ["CHN", "IND"], "190", None),
        ("उत्तर कोरियाई सैनिकों ने सोमवार को दक्षिण कोरिया की सीमा चौकी पर गोलियां चलाई।", ["KOR", "PRK"], "193", None),
        (
            "सेना के अनुसार पाकिस्तान ने इस महीने सात बार संघर्ष विराम का उल्लंघन किया और भारत की चौकियों को निशाना बनाया।",
            ["IND", "PAK"],
            "196",
            None,
        ),
    ],
)
def test_hindi_armed_clashes_and_strikes_are_family_19(text, pair, cameo, source):
    ev = one(text, "hi")
    assert (ev["actors"], ev["cameo"], ev["status"]) == (pair, cameo, "held")
    if source:
        assert ev["source"] == source


@pytest.mark.parametrize(
    ("text", "pair", "family", "source"),
    [
        ("पाकिस्तान के विदेश मंत्रालय ने ईरानी सेना की कार्रवाई पर कड़ी नाराजगी जताई।", ["IRN", "PAK"], "11", "PAK"),
        ("मालदीव के एक मंत्री ने प्रधानमंत्री मोदी के बारे में आपत्तिजनक टिप्पणी की थी।", ["IND", "MDV"], "11", None),
        ("दक्षिण कोरिया की सेना का आरोप है कि उत्तर कोरिया के सैनिकों ने सीमा पार की।", ["KOR", "PRK"], "11", None),
        ("भारत ने कनाडा से इस घटना पर स्पष्टीकरण मांगा है।", ["CAN", "IND"], "10", "IND"),
        ("भारत चीन पर विवादित क्षेत्रों से सैनिकों को हटाने के लिए दबाव बना रहा है।", ["CHN", "IND"], "10", None),
        (
            "प्रधानमंत्री शहबाज शरीफ ने कहा कि अफगानिस्तान की किसी भी हरकत का माकूल जवाब दिया जाएगा।",
            ["AFG", "PAK"],
            "13",
            "PAK",
        ),
    ],
)
def test_hindi_displeasure_accusation_demand_and_warning(text, pair, family, source):
    ev = one(text, "hi")
    assert (ev["actors"], ev["cameo"][:2]) == (pair, family)
    assert ev["source"] == source
