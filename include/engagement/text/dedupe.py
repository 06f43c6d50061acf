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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # datasketch imports scipy (over a CPU second): only the functions that hash load it
    from datasketch import MinHash

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


def shingles(text: str) -> set[str]:
    """Character 5-grams of the casefolded words (punctuation stripped from word edges).

    Characters rather than word 3-grams: a dropped sentence or an inserted "officials said"
    costs fewer shingles, so trimmed wire copies still reach the threshold.
    """
    words = (w.strip(_PUNCTUATION) for w in text.casefold().split())
    joined = " ".join(w for w in words if w)
    if len(joined) <= SHINGLE_CHARS:
        return {joined}
    return {joined[i : i + SHINGLE_CHARS] for i in range(len(joined) - SHINGLE_CHARS + 1)}


def signature(shingle_set: set[str], scheme: MinHash) -> MinHash:
    """MinHash of the shingles, sharing ``scheme``'s permutations (computing them is a tenth of
    the clean stage's time when done per document)."""
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=scheme.permutations, scheme=scheme.scheme)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
    return minhash


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller shingle set found in the larger one, from their Jaccard and sizes:
    |A∩B| = J(|A|+|B|)/(1+J)."""
    return min(1.0, jaccard * (size_a + size_b) / ((1 + jaccard) * min(size_a, size_b)))


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


def minhash_scheme() -> MinHash:
    """The permutations every signature shares (fixed seed, so any process computes the same)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED)


def sign(doc: Doc, scheme: MinHash) -> Signature:
    """The doc's :class:`Signature` (every doc gets one: which are copies is decided later)."""
    shingle_set = shingles(doc.text)
    minhash = signature(shingle_set, scheme)
    return Signature(doc.article_id, doc.published_at, content_hash(doc.text), minhash.hashvalues, len(shingle_set))


def find_duplicates(docs: Iterable[Doc], threshold: float) -> list[DuplicateMatch]:
    """Duplicates among ``docs`` (see :func:`match_signatures`)."""
    scheme = minhash_scheme()
    return match_signatures((sign(doc, scheme) for doc in docs), threshold)


def match_signatures(signatures: Iterable[Signature], threshold: float) -> list[DuplicateMatch]:
    """Which docs copy an earlier one: same sha256 (``duplicate``), or ``near_duplicate`` when
    at least ``threshold`` of the shorter text's shingles occur in the other (estimated from
    MinHash), which tolerates trimmed paragraphs and changed bylines. Each copy points at the
    kept doc, never at another copy, so there are no chains."""
    index = _BandIndex(min(threshold, CANDIDATE_JACCARD))
    kept_by_hash: dict[str, str] = {}
    kept: dict[int, Signature] = {}  # by rank in keep order
    matches: list[DuplicateMatch] = []
    for position, doc in enumerate(sorted(signatures, key=lambda s: s.keep_order)):
        if doc.digest in kept_by_hash:
            matches.append(DuplicateMatch(doc.article_id, kept_by_hash[doc.digest], DUPLICATE, 1.0))
            continue
        scored = []
        for rank in sorted(index.query(doc.hashvalues)):
            candidate = kept[rank]
            jaccard = np.count_nonzero(candidate.hashvalues == doc.hashvalues) / NUM_PERM
            scored.append((candidate, containment(jaccard, candidate.shingle_count, doc.shingle_count)))
        similar = [(candidate, score) for candidate, score in scored if score >= threshold]
        if similar:
            candidate, score = similar[0]
            match = DuplicateMatch(
                doc.article_id, candidate.article_id, NEAR_DUPLICATE, round(score, 4)
            )
            matches.append(match)
            continue
        kept_by_hash[doc.digest] = doc.article_id
        kept[position] = doc
        index.insert(position, doc.hashvalues)
    return matches


class _BandIndex:
    """LSH buckets of the kept docs, band by band: the candidates datasketch's ``MinHashLSH``
    finds with the same bands and rows (its parameters are taken from it), at a fraction of its
    memory: one bytes key and the doc's rank per band, not a key, a set and a list entry."""

    def __init__(self, candidate_threshold: float):
        from datasketch import MinHashLSH

        # Weights favour recall: extra candidates cost one containment check each.
        lsh = MinHashLSH(threshold=candidate_threshold, num_perm=NUM_PERM, weights=(0.2, 0.8))
        self.ranges = [(band * lsh.r, (band + 1) * lsh.r) for band in range(lsh.b)]
        self.buckets: list[dict[bytes, int | list[int]]] = [{} for _ in self.ranges]

    def _keys(self, hashvalues: np.ndarray) -> Iterator[tuple[dict, bytes]]:
        for (start, end), bucket in zip(self.ranges, self.buckets, strict=True):
            yield bucket, hashvalues[start:end].tobytes()

    def insert(self, rank: int, hashvalues: np.ndarray) -> None:
        for bucket, key in self._keys(hashvalues):
            found = bucket.get(key)
            if found is None:
                bucket[key] = rank
            elif isinstance(found, int):
                bucket[key] = [found, rank]
            else:
                found.append(rank)

    def query(self, hashvalues: np.ndarray) -> set[int]:
        """Ranks of the kept docs sharing at least one band with ``hashvalues``."""
        ranks: set[int] = set()
        for bucket, key in self._keys(hashvalues):
            found = bucket.get(key)
            if isinstance(found, int):
                ranks.add(found)
            elif found:
                ranks.update(found)
        return ranks
