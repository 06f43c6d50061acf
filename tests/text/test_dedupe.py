from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
from datasketch import MinHash, MinHashLSH
from engagement.text.dedupe import (
    DUPLICATE,
    NEAR_DUPLICATE,
    NUM_PERM,
    Doc,
    DuplicateMatch,
    SignedDay,
    containment,
    find_duplicates,
    hash32,
    match_signatures,
    minhash_scheme,
    shingle_hashes,
    shingles,
    sign,
    window_hashes,
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


def test_signature_is_datasketch_minhash_of_the_shingles_with_a_stable_hash() -> None:
    """Same MinHash semantics as datasketch (affine32 permutations, seed 1) given the shingle
    hash, and the same shingle count as the set of shingle strings."""
    text = STORY + " रूस और भारत ने व्यापार पर बात की।"
    signed = sign(Doc("a", _at(18), text), minhash_scheme())
    reference = MinHash(
        num_perm=NUM_PERM, seed=1, scheme="affine32", hashfunc=lambda shingle: int(hash32(window_hashes(shingle))[0])
    )
    reference.update_batch(sorted(shingles(text)))
    assert signed.shingle_count == len(shingles(text)) == len(shingle_hashes(text))
    assert np.array_equal(signed.hashvalues, reference.hashvalues)
    # the hash is fixed, not Python's per-process hash(): a known value
    assert window_hashes("india").tolist() == [14354815310564893492]  # any process, any machine
    assert shingle_hashes("Hi!").tolist() == window_hashes("hi").tolist()


def _brute_force(day: SignedDay, threshold: float) -> list[tuple[str, str, str, float]]:
    """The rule spelt out with Python loops: each doc in keep order against every earlier kept doc."""
    lsh = MinHashLSH(threshold=min(threshold, 0.5), num_perm=NUM_PERM, weights=(0.2, 0.8))
    kept: list[int] = []
    first_of_digest: dict[int, int] = {}
    found = []
    for row in range(len(day.article_ids)):
        values = day.hashvalues[day.value_rows[row]]
        digest = int(day.digest_ids[row])
        if digest in first_of_digest and first_of_digest[digest] in kept:
            found.append((day.article_ids[row], day.article_ids[first_of_digest[digest]], DUPLICATE, 1.0))
            continue
        first_of_digest.setdefault(digest, row)
        for other in kept:
            theirs = day.hashvalues[day.value_rows[other]]
            if not any(
                np.array_equal(values[b * lsh.r : (b + 1) * lsh.r], theirs[b * lsh.r : (b + 1) * lsh.r])
                for b in range(lsh.b)
            ):
                continue
            jaccard = np.count_nonzero(values == theirs) / NUM_PERM
            score = containment(jaccard, int(day.shingle_counts[other]), int(day.shingle_counts[row]))
            if score >= threshold:
                found.append((day.article_ids[row], day.article_ids[other], NEAR_DUPLICATE, round(score, 4)))
                break
        else:
            kept.append(row)
    return found


def test_band_sorting_finds_what_comparing_every_kept_pair_finds() -> None:
    """Near copies at every distance of each other, exact copies of copies, unrelated texts."""
    rng = np.random.default_rng(14)
    base = rng.integers(0, 2**32, size=(40, NUM_PERM), dtype=np.uint32)
    rows, digests, counts = [], [], []
    for index in range(400):
        values = base[index % 40].copy()
        changed = rng.random(NUM_PERM) < rng.choice([0.02, 0.1, 0.3, 0.6, 1.0])
        values[changed] = rng.integers(0, 2**32, size=int(changed.sum()), dtype=np.uint32)
        exact = rng.random() < 0.2 and rows
        rows.append(rows[-1] if exact else values)
        digests.append(digests[-1] if exact else index)
        counts.append(counts[-1] if exact else int(rng.integers(200, 400)))
    order = rng.permutation(len(rows))  # the matrix in another order than the keep order
    matrix = np.array(rows, dtype=np.uint32)[order]
    day = SignedDay(
        [f"doc-{i:03d}" for i in range(len(rows))],
        np.array(digests),
        matrix,
        np.argsort(order),
        np.array(counts),
    )
    found = [(m.article_id, m.duplicate_of, m.reason, m.similarity) for m in match_signatures(day, 0.8)]
    assert found == _brute_force(day, 0.8)
    assert {reason for _, _, reason, _ in found} == {DUPLICATE, NEAR_DUPLICATE}
    assert 100 < len(found) < 360
