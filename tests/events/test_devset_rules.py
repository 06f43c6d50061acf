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
