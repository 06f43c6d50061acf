"""Round 9 rules (issue 10), from the tuning part of the 50 further news pages: force that
lands on another state's territory, military hardware standing for its state, diplomats
ordered out, invitations for a visit, envoys recalled "for consultations", summons of an
"Acting High Commissioner". Every sentence is written for the test."""

from __future__ import annotations

import pytest

from tests.events.test_coder import events as coded


def _summary(text: str) -> list[tuple]:
    return [(e["actors"], e["cameo"], e["source"], e["target"], e["status"]) for e in coded(text, "en", None)]


@pytest.mark.parametrize(
    "text",
    [
        "Turkish jets carried out air strikes in Syria on Sunday.",
        "Turkish forces carried out drone strikes on militant hideouts in Syria.",
        "Turkish warplanes struck targets in Syria overnight.",
    ],
)
def test_force_that_lands_in_another_state_is_aimed_at_it(text):
    ((actors, cameo, source, target, status),) = _summary(text)
    assert (actors, cameo[:2], source, target, status) == (["SYR", "TUR"], "19", "TUR", "SYR", "held")


def test_a_strike_inside_the_own_country_makes_no_pair():
    assert _summary("Turkish jets carried out air strikes in the south-east of Turkey.") == []


def test_diplomats_ordered_to_leave_are_expelled_by_the_state_that_orders():
    assert _summary("Norway ordered 15 Russian diplomats to leave the country within a week.") == [
        (["NOR", "RUS"], "174", "NOR", "RUS", "held")
    ]


def test_an_invitation_for_a_visit_is_an_intent_to_meet_not_a_visit():
    assert _summary("Putin invited Chinese President Xi Jinping for a state visit.") == [
        (["CHN", "RUS"], "036", "RUS", "CHN", "planned")
    ]


def test_recalled_for_consultations_is_a_recall_and_no_meeting():
    assert _summary("Peru recalled its ambassador to Mexico for consultations.") == [
        (["MEX", "PER"], "161", "PER", "MEX", "held")
    ]


def test_a_summons_of_an_acting_envoy_with_a_possessive_country():
    assert _summary("Bangladesh's foreign ministry summoned Myanmar's Acting Ambassador on Monday.") == [
        (["BGD", "MMR"], "111", "BGD", "MMR", "held")
    ]
