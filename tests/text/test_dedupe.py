from __future__ import annotations

from datetime import UTC, datetime

from engagement.text.dedupe import (
    DUPLICATE,
    NEAR_DUPLICATE,
    Doc,
    DuplicateMatch,
    containment,
    find_duplicates,
    shingles,
)

STORY = (
    "External Affairs Minister S. Jaishankar held talks with Russian Foreign Minister Sergei"
    " Lavrov in Moscow on Tuesday. The two ministers reviewed the political calendar between"
    " New Delhi and Moscow ahead of President Vladimir Putin's visit to India in December."
    " They discussed cooperation within the Shanghai Cooperation Organisation, BRICS, the"
    " United Nations and the G20. Jaishankar is leading the Indian delegation to the meeting"
    " of the SCO Council of Heads of Government hosted by Prime Minister Mikhail Mishustin."
    " Putin had earlier asked his government to study proposals to expand trade with India."
)
OTHER = (
    "Pakistan and Afghanistan agreed to reopen the Torkham border crossing after two days of"
    " talks in Islamabad, officials said on Wednesday, ending a closure that stranded hundreds"
    " of trucks carrying fruit and other goods on both sides of the frontier for a week."
)


def _at(day: int) -> datetime:
    return datetime(2025, 11, day, 8, 0, tzinfo=UTC)


def test_exact_copy_points_to_earliest_published() -> None:
    docs = [Doc("b", _at(18), STORY), Doc("a", _at(19), STORY), Doc("c", _at(18), OTHER)]
    assert find_duplicates(docs, 0.8) == [DuplicateMatch("a", "b", DUPLICATE, 1.0)]


def test_same_time_tie_keeps_smallest_id_and_unknown_dates_lose() -> None:
    docs = [Doc("z", _at(18), STORY), Doc("m", _at(18), STORY), Doc("a", None, STORY)]
    matches = find_duplicates(docs, 0.8)
    assert {(m.article_id, m.duplicate_of) for m in matches} == {("z", "m"), ("a", "m")}


def test_syndicated_copy_with_edits_is_near_duplicate() -> None:
    edited = STORY.replace("on Tuesday", "on Tuesday, officials said").replace(
        " Putin had earlier asked his government to study proposals to expand trade with India.",
        "",
    )
    matches = find_duplicates([Doc("wire", _at(18), STORY), Doc("site", _at(19), edited)], 0.8)
    assert len(matches) == 1
    match = matches[0]
    assert (match.article_id, match.duplicate_of, match.reason) == ("site", "wire", NEAR_DUPLICATE)
    assert 0.8 <= match.similarity < 1.0


def test_different_stories_are_not_duplicates() -> None:
    assert find_duplicates([Doc("a", _at(18), STORY), Doc("b", _at(18), OTHER)], 0.8) == []


def test_deterministic_across_runs_and_input_order() -> None:
    edited = STORY.replace("Tuesday", "Tuesday evening")
    docs = [Doc("x", _at(18), STORY), Doc("y", _at(18), edited), Doc("w", _at(18), OTHER)]
    assert find_duplicates(docs, 0.8) == find_duplicates(list(reversed(docs)), 0.8)


def test_shingles_are_char_5grams_ignoring_case_and_edge_punctuation_including_danda() -> None:
    assert shingles("रूस। India, Russia!") == shingles("रूस india russia")
    assert shingles("India, Russia") == {
        "india",
        "ndia ",
        "dia r",
        "ia ru",
        "a rus",
        " russ",
        "russi",
        "ussia",
    }
    assert shingles("Hi!") == {"hi"}


def test_trimmed_copy_is_near_duplicate_by_containment_but_a_one_sentence_echo_is_not() -> None:
    sentences = STORY.split(". ")
    trimmed = ". ".join(sentences[:4]) + "."  # the wire story cut after four of seven sentences
    echo = sentences[0] + ". " + OTHER  # shares only the opening sentence
    docs = [Doc("wire", _at(18), STORY), Doc("trim", _at(19), trimmed), Doc("echo", _at(19), echo)]
    matches = find_duplicates(docs, 0.8)
    assert [(m.article_id, m.duplicate_of, m.reason) for m in matches] == [
        ("trim", "wire", NEAR_DUPLICATE)
    ]


def test_containment_from_jaccard_and_sizes() -> None:
    # A (60 shingles) inside B (100 shingles): Jaccard 0.6, containment 1.0.
    assert containment(0.6, 100, 60) == 1.0
    # Equal sizes: containment equals 2J/(1+J).
    assert containment(0.5, 80, 80) == 2 * 0.5 / 1.5
