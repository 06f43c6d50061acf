"""The dev-set scorer's matching on an invented but realistic article (no ../shared texts)."""

from __future__ import annotations

import pytest
from engagement.evaluation.event_matching import (
    Tally,
    date_agrees,
    date_agrees_strictly,
    match,
    score_item,
)

# Invented report: "PM Modi arrived in Colombo on Friday for a three-day visit, held talks with
# President Dissanayake and the two sides signed seven MoUs. Modi had last visited Sri Lanka in
# 2019. Related: China's envoy meets Sri Lankan officials." (no publication date in the text)
GOLD = {
    "id": "p999",
    "lang": "en",
    "published": None,
    "countries": ["IND", "LKA"],
    "events": [
        {
            "what": "visit",
            "actors": ["IND", "LKA"],
            "source": "IND",
            "target": "LKA",
            "family": "04",
            "cameo": "042",
            "status": "ongoing",
            "date": None,
        },
        {"what": "talks", "actors": ["IND", "LKA"], "family": "04", "cameo": "040", "status": "held", "date": None},
        {"what": "MoUs", "actors": ["IND", "LKA"], "family": "05", "cameo": "057", "status": "held", "date": None},
        {
            "what": "last visit",
            "actors": ["IND", "LKA"],
            "source": "IND",
            "target": "LKA",
            "family": "04",
            "cameo": "042",
            "status": "held",
            "date": "2019",
            "date_precision": "year",
        },
    ],
    "must_not": [{"actors": ["CHN", "LKA"], "why": "only in a related-story line"}],
}


def _got(actors, cameo, status, date=None, text="..."):
    return {"actors": actors, "cameo": cameo, "status": status, "date": date, "evidence": {"text": text}}


EXTRACTION = {
    "events": [
        _got(["IND", "LKA"], "040", "held"),  # talks, date left unknown: right
        _got(["IND", "LKA"], "042", "held", "2019-03-01"),  # the 2019 visit
        _got(["IND", "LKA"], "042", "held", "2026-12-04"),  # this visit, status and date wrong
        _got(["CHN", "LKA"], "040", "held"),  # from the related-story line
        _got(["CHN", "IND", "LKA"], "040", "held"),  # three actors: never a pair event
    ],
    "entities": [
        {"label": "COUNTRY", "id": "LKA", "country": "LKA", "role": None},
        {"label": "COUNTRY", "id": "CHN", "country": "CHN", "role": None},
        {"label": "PERSON", "id": "NARENDRA_MODI", "country": "IND", "role": "head_of_government"},
        {"label": "PERSON", "id": None, "country": "USA", "role": None},  # no office: no country
    ],
}


def test_score_item_counts_matches_dates_status_must_not_and_countries():
    result = score_item(GOLD, EXTRACTION)
    t = result.tally
    assert (t.gold, t.predicted, t.matched, t.extra) == (4, 5, 3, 2)
    assert [g["what"] for g in result.missed] == ["MoUs"]
    # the visit took the 2026 prediction (the only one left), the 2019 visit the 2019 one
    assert t.dated == 2 and t.status_right == 2
    assert [(g["what"], e["status"]) for g, e in result.wrong_status] == [("visit", "held")]
    assert t.must_not_hits == 1 and result.must_not[0]["actors"] == ["CHN", "LKA"]
    assert (t.countries.tp, t.countries.fp, t.countries.fn) == (2, 1, 0)
    assert result.countries_extra == ["CHN"]
    p, r, f1 = t.f1()
    assert p == pytest.approx(3 / 5) and r == pytest.approx(3 / 4)
    assert f1 == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    assert t.f1(t.dated)[1] == pytest.approx(2 / 4)
    assert t.countries.f1 == pytest.approx(4 / 5)


def test_greedy_matching_is_one_to_one_and_prefers_the_agreeing_date():
    gold = [
        {"actors": ["IND", "LKA"], "families": {"04"}, "status": "held", "date": "2019"},
        {"actors": ["IND", "LKA"], "families": {"04"}, "status": "held", "date": None},
    ]
    got = [_got(["IND", "LKA"], "036", "held", "2025-04-05"), _got(["IND", "LKA"], "042", "held", "2019-11")]
    matched, missed, extra = match(gold, got, lambda g, s: g == s, date_agrees_strictly)
    assert [e["date"] for _, e in matched] == ["2019-11", "2025-04-05"]  # 036 counts as family 04
    assert missed == [] and extra == []
    matched, missed, extra = match(gold, got[:1], lambda g, s: True)
    assert len(matched) == 1 and len(missed) == 1 and extra == []


def test_talks_of_one_pair_are_matched_to_the_gold_talks_whose_status_they_share():
    """ "The two ministers last met in New York" (held) and "are scheduled to hold talks in
    Geneva on Sunday" (planned), both undated: each prediction is scored against its own."""
    gold = [
        {"actors": ["ARM", "AZE"], "families": {"04"}, "status": "planned", "date": None},
        {"actors": ["ARM", "AZE"], "families": {"04"}, "status": "held", "date": None},
    ]
    got = [_got(["ARM", "AZE"], "040", "held"), _got(["ARM", "AZE"], "040", "planned")]
    matched, missed, extra = match(gold, got, lambda g, s: True, date_agrees_strictly)
    assert [(g["status"], e["status"]) for g, e in matched] == [("planned", "planned"), ("held", "held")]
    assert missed == [] and extra == []


def test_status_rule_decides_whether_a_wrong_status_still_matches():
    gold = [{"actors": ["IND", "LKA"], "families": {"04"}, "status": "planned", "date": None}]
    got = [_got(["IND", "LKA"], "040", "held")]
    assert match(gold, got, lambda g, s: g == s)[0] == []
    assert len(match(gold, got, lambda g, s: True)[0]) == 1


@pytest.mark.parametrize(
    ("gold_date", "got_date", "strict", "lenient"),
    [
        (None, None, True, True),
        (None, "2026-12-04", False, True),  # the text anchors nothing: a date is an error
        ("2025-11", "2025-11-17", True, True),
        ("2025-11-17", "2025-11", False, True),  # coarser than gold: not at gold's precision
        ("2025", None, False, True),
    ],
)
def test_dates_agree_at_gold_precision(gold_date, got_date, strict, lenient):
    gold, got = {"date": gold_date}, {"date": got_date}
    assert date_agrees_strictly(gold, got) is strict
    assert date_agrees(gold, got) is lenient


def test_tallies_add_up():
    total = Tally()
    total.add(Tally(texts=1, gold=2, predicted=1, matched=1))
    total.add(Tally(texts=1, gold=1, predicted=3, matched=1, must_not_hits=1))
    assert (total.texts, total.gold, total.predicted, total.matched, total.extra) == (2, 3, 4, 2, 2)
    assert Tally().f1() == (0.0, 0.0, 0.0) and Tally().countries.f1 == 0.0
