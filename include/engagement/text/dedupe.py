"""Exact and near-duplicate detection within one day's batch of articles.

Syndicated wire copies (PTI, IANS, ANI ...) run on many sites with a different byline, agency
tag or a trimmed paragraph. One copy goes on to extraction; the others are kept with a pointer
to it so mention counts still know how many outlets ran the story.

Only the day's batch is compared: a copy published on another day is a separate article here,
and repeated reporting across days is merged downstream when event mentions are clustered.
"""

from __future__ import annotations

import hashlib
import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

import numpy as np

NUM_PERM = 128
SEED = 1  # fixed so the same batch always yields the same signatures and matches
SHINGLE_CHARS = 5
# LSH recalls pairs from this Jaccard up; containment then decides. A copy trimmed to 70% of
# the original has Jaccard 0.7 but containment 1.0.
CANDIDATE_JACCARD = 0.5
_PUNCTUATION = string.punctuation + "।॥"

DUPLICATE = "duplicate"
NEAR_DUPLICATE = "near_duplicate"


@dataclass(frozen=True)
class Doc:
    article_id: str
    published_at: datetime | None
    text: str


@dataclass(frozen=True)
class DuplicateMatch:
    article_id: str
    duplicate_of: str
    reason: str  # DUPLICATE or NEAR_DUPLICATE
    similarity: float


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _joined_words(text: str) -> str:
    words = (w.strip(_PUNCTUATION) for w in text.casefold().split())
    return " ".join(w for w in words if w)


def shingles(text: str) -> set[str]:
    """Character 5-grams of the casefolded words (punctuation stripped from word edges).

    Characters rather than word 3-grams: a dropped sentence or an inserted "officials said"
    costs fewer shingles, so trimmed wire copies still reach the threshold. (Signing computes
    the hashes of the same set without building it: :func:`shingle_hashes`.)
    """
    joined = _joined_words(text)
    if len(joined) <= SHINGLE_CHARS:
        return {joined}
    return {joined[i : i + SHINGLE_CHARS] for i in range(len(joined) - SHINGLE_CHARS + 1)}


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller shingle set found in the larger one, from their Jaccard and sizes:
    |A∩B| = J(|A|+|B|)/(1+J)."""
    return min(1.0, jaccard * (size_a + size_b) / ((1 + jaccard) * min(size_a, size_b)))




# Shingle hashes: FNV-1a over a shingle's code points, then MurmurHash3's 64-bit finalizer; the
# top 32 bits are the value datasketch's MinHash would get from its ``hashfunc``. Stable across
# processes and machines (no Python ``hash()``), and computed for all shingles of a text at once.
_FNV_OFFSET = np.uint64(0xCBF29CE484222325)
_FNV_PRIME = np.uint64(0x100000001B3)
_FMIX64 = (np.uint64(33), np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))
# datasketch's affine32 scheme: each 32-bit hash is pre-mixed with MurmurHash3's fmix32, then
# permuted as a*h + b mod 2^32 (odd a) and the minimum kept per permutation.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35))
_SIGN_BLOCK = 2048  # shingles permuted at once: a 2048 x 128 block of uint32 is 1 MB


def shingle_hashes(text: str) -> np.ndarray:
    """The distinct 64-bit hashes of :func:`shingles` of ``text``, sorted (one per shingle)."""
    return np.unique(window_hashes(_joined_words(text)))


def window_hashes(joined: str) -> np.ndarray:
    """The 64-bit hash of every ``SHINGLE_CHARS`` window of ``joined`` (of all of it when shorter)."""
    points = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    width = min(SHINGLE_CHARS, len(points))
    count = len(points) - width + 1
    hashed = np.full(count, _FNV_OFFSET, dtype=np.uint64)
    for offset in range(width):
        hashed ^= points[offset : offset + count]
        hashed *= _FNV_PRIME
    shift, first, second = _FMIX64
    hashed ^= hashed >> shift
    hashed *= first
    hashed ^= hashed >> shift
    hashed *= second
    hashed ^= hashed >> shift
    return hashed


def hash32(shingle_hashes_: np.ndarray) -> np.ndarray:
    """The 32-bit values MinHash permutes (the top half of each 64-bit shingle hash)."""
    return (shingle_hashes_ >> np.uint64(32)).astype(np.uint32)


class Permutations(NamedTuple):
    """The a, b of every permutation (datasketch's, fixed seed: any process computes the same)."""

    a: np.ndarray
    b: np.ndarray


def minhash_scheme() -> Permutations:
    from datasketch import MinHash  # imports scipy (over a CPU second): loaded only where it hashes

    a, b = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32").permutations
    return Permutations(a.astype(np.uint32), b.astype(np.uint32))


def minhash(values: np.ndarray, scheme: Permutations) -> np.ndarray:
    """MinHash values of a set of 32-bit hashes: what ``datasketch.MinHash(scheme="affine32")``
    holds after ``update_batch`` of the same set, computed in blocks of shingles with numpy."""
    first_shift, first, second_shift, second = _FMIX32
    mixed = values.astype(np.uint32)
    mixed = mixed ^ (mixed >> first_shift)
    mixed *= first
    mixed ^= mixed >> second_shift
    mixed *= second
    mixed ^= mixed >> first_shift
    lowest = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
    for start in range(0, len(mixed), _SIGN_BLOCK):
        block = mixed[start : start + _SIGN_BLOCK, None] * scheme.a + scheme.b
        np.minimum(lowest, block.min(axis=0), out=lowest)
    return lowest


@dataclass(frozen=True)
class Signature:
    """What duplicate detection needs of one text, computed where the text is (one shard) so
    the whole day can be compared without holding any text: the sha256 of the text, its MinHash
    values and how many shingles it has."""

    article_id: str
    published_at: datetime | None
    digest: str
    hashvalues: np.ndarray
    shingle_count: int

    @property
    def keep_order(self) -> tuple:
        """Earliest published first (unknown dates last), ties broken by the smaller id."""
        return (self.published_at is None, self.published_at or datetime.min, self.article_id)


def sign(doc: Doc, scheme: Permutations) -> Signature:
    """The doc's :class:`Signature` (every doc gets one: which are copies is decided later)."""
    hashes = shingle_hashes(doc.text)
    values = minhash(hash32(hashes), scheme)
    return Signature(doc.article_id, doc.published_at, content_hash(doc.text), values, len(hashes))


@dataclass(frozen=True)
class SignedDay:
    """A day's signatures as columns, rows in keep order (earliest published first, unknown
    dates last, ties by id): numpy arrays instead of an object per article (the ``NUM_PERM``
    uint32 values are 512 bytes of an article's ~0.7 KB)."""

    article_ids: Sequence[str]
    digest_ids: np.ndarray  # equal numbers for equal sha256 digests
    hashvalues: np.ndarray  # (articles, NUM_PERM) uint32, in any row order:
    value_rows: np.ndarray  # the row of hashvalues of each doc (not reordered: no second copy)
    shingle_counts: np.ndarray

    @classmethod
    def from_signatures(cls, signatures: Iterable[Signature]) -> SignedDay:
        ordered = sorted(signatures, key=lambda s: s.keep_order)
        numbers: dict[str, int] = {}
        return cls(
            [s.article_id for s in ordered],
            np.array([numbers.setdefault(s.digest, len(numbers)) for s in ordered], dtype=np.int64),
            np.array([s.hashvalues for s in ordered], dtype=np.uint32).reshape(len(ordered), NUM_PERM),
            np.arange(len(ordered)),
            np.array([s.shingle_count for s in ordered], dtype=np.int64),
        )


def find_duplicates(docs: Iterable[Doc], threshold: float) -> list[DuplicateMatch]:
    """Duplicates among ``docs`` (see :func:`match_signatures`)."""
    scheme = minhash_scheme()
    return match_signatures(SignedDay.from_signatures(sign(doc, scheme) for doc in docs), threshold)


def match_signatures(day: SignedDay, threshold: float) -> list[DuplicateMatch]:
    """Which docs copy an earlier one: same sha256 (``duplicate``), or ``near_duplicate`` when
    at least ``threshold`` of the shorter text's shingles occur in the other (estimated from
    MinHash), which tolerates trimmed paragraphs and changed bylines. Each copy points at the
    kept doc, never at another copy, so there are no chains.

    Taking the docs in keep order, a doc whose text an earlier doc has is a ``duplicate`` of
    the first one; otherwise it copies the earliest kept doc that shares an LSH band with it
    and reaches the threshold, else it is kept. Candidate pairs come from sorting each band's
    keys, not from a dictionary per band."""
    count = len(day.article_ids)
    _, first_rows, digest_rank = np.unique(day.digest_ids, return_index=True, return_inverse=True)
    firsts = np.sort(first_rows)  # the first doc of each text, in keep order
    first_of = first_rows[digest_rank.reshape(-1)]  # each doc's first doc of its text
    similar = _similar_pairs(day, firsts, threshold)
    copy_of = np.full(count, -1, dtype=np.int64)  # row of the kept doc a first doc copies
    score_of: dict[int, float] = {}
    for later, earlier, score in similar:  # later ascending, then earlier ascending
        if copy_of[later] < 0 and copy_of[earlier] < 0:
            copy_of[later], score_of[later] = earlier, score
    matches: list[DuplicateMatch] = []
    for row in range(count):
        first = int(first_of[row])
        if first != row and copy_of[first] < 0:
            matches.append(DuplicateMatch(day.article_ids[row], day.article_ids[first], DUPLICATE, 1.0))
        elif copy_of[first] >= 0:
            kept = day.article_ids[int(copy_of[first])]
            matches.append(DuplicateMatch(day.article_ids[row], kept, NEAR_DUPLICATE, score_of[first]))
    return matches


def _similar_pairs(day: SignedDay, rows: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """(later row, earlier row, containment) of the ``rows`` pairs that share a band and reach
    ``threshold``, ordered by later then earlier row. Candidates are scored as each band yields
    them and only the similar ones are kept (a day has many more candidates than copies)."""
    found: dict[tuple[int, int], float] = {}
    for later, earlier in _band_pairs(day, rows, min(threshold, CANDIDATE_JACCARD)):
        for start in range(0, len(later), _SIGN_BLOCK):
            late, early = later[start : start + _SIGN_BLOCK], earlier[start : start + _SIGN_BLOCK]
            values = day.hashvalues[day.value_rows[late]], day.hashvalues[day.value_rows[early]]
            equal = np.count_nonzero(values[0] == values[1], axis=1)
            for row, other, same in zip(late.tolist(), early.tolist(), equal.tolist(), strict=True):
                score = containment(same / NUM_PERM, int(day.shingle_counts[other]), int(day.shingle_counts[row]))
                if score >= threshold:
                    found[(row, other)] = round(score, 4)
    return [(row, other, score) for (row, other), score in sorted(found.items())]


def _band_pairs(
    day: SignedDay, rows: np.ndarray, candidate_threshold: float
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(later, earlier) rows among ``rows`` with equal values in an LSH band, a band and a
    distance in its sorted order at a time (a pair sharing several bands comes once per band).
    The bands and rows per band are datasketch ``MinHashLSH``'s for the threshold (weights favour
    recall: an extra candidate costs one containment check)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=candidate_threshold, num_perm=NUM_PERM, weights=(0.2, 0.8))
    matrix_rows = day.value_rows[rows]
    for band in range(lsh.b):
        values = day.hashvalues[matrix_rows, band * lsh.r : (band + 1) * lsh.r]
        order = np.lexsort(values.T[::-1])  # equal bands side by side, in row order within
        ordered = values[order]
        same_as_next = np.all(ordered[1:] == ordered[:-1], axis=1)
        del values, ordered
        starts = np.flatnonzero(same_as_next)  # positions whose band equals the next one's
        distance = 1
        while len(starts):
            ends = starts + distance
            yield rows[order[ends]], rows[order[starts]]
            # a pair further apart exists only where this one did (the run goes on)
            starts = starts[(ends + 1 < len(order))]
            starts = starts[same_as_next[np.minimum(starts + distance, len(same_as_next) - 1)]]
            distance += 1
