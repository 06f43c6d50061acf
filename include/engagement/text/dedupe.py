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
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from datasketch import MinHash, MinHashLSH

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


@dataclass(frozen=True)
class _Kept:
    article_id: str
    rank: int
    minhash: MinHash
    size: int


def signature(shingle_set: set[str], scheme: MinHash) -> MinHash:
    """MinHash of the shingles, sharing ``scheme``'s permutations (computing them is a tenth of
    the clean stage's time when done per document)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=scheme.permutations, scheme=scheme.scheme)
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
    return minhash


def containment(jaccard: float, size_a: int, size_b: int) -> float:
    """Share of the smaller shingle set found in the larger one, from their Jaccard and sizes:
    |A∩B| = J(|A|+|B|)/(1+J)."""
    return min(1.0, jaccard * (size_a + size_b) / ((1 + jaccard) * min(size_a, size_b)))


def _keep_order(doc: Doc) -> tuple:
    """Earliest published first (unknown dates last), ties broken by the smaller id."""
    return (doc.published_at is None, doc.published_at or datetime.min, doc.article_id)


def find_duplicates(docs: Iterable[Doc], threshold: float) -> list[DuplicateMatch]:
    """Which docs copy an earlier one: same sha256 (``duplicate``), or ``near_duplicate`` when
    at least ``threshold`` of the shorter text's shingles occur in the other (estimated from
    MinHash), which tolerates trimmed paragraphs and changed bylines. Each copy points at the
    kept doc, never at another copy, so there are no chains."""
    # Weights favour recall: extra candidates cost one containment check each.
    lsh = MinHashLSH(
        threshold=min(threshold, CANDIDATE_JACCARD), num_perm=NUM_PERM, weights=(0.2, 0.8)
    )
    scheme = MinHash(num_perm=NUM_PERM, seed=SEED)
    kept_by_hash: dict[str, str] = {}
    kept: dict[str, _Kept] = {}
    matches: list[DuplicateMatch] = []
    for position, doc in enumerate(sorted(docs, key=_keep_order)):
        digest = content_hash(doc.text)
        if digest in kept_by_hash:
            matches.append(DuplicateMatch(doc.article_id, kept_by_hash[digest], DUPLICATE, 1.0))
            continue
        shingle_set = shingles(doc.text)
        minhash = signature(shingle_set, scheme)
        scored = []
        for candidate in sorted((kept[key] for key in lsh.query(minhash)), key=lambda k: k.rank):
            jaccard = candidate.minhash.jaccard(minhash)
            scored.append((candidate, containment(jaccard, candidate.size, len(shingle_set))))
        similar = [(candidate, score) for candidate, score in scored if score >= threshold]
        if similar:
            candidate, score = similar[0]
            match = DuplicateMatch(
                doc.article_id, candidate.article_id, NEAR_DUPLICATE, round(score, 4)
            )
            matches.append(match)
            continue
        kept_by_hash[digest] = doc.article_id
        kept[doc.article_id] = _Kept(doc.article_id, position, minhash, len(shingle_set))
        lsh.insert(doc.article_id, minhash)
    return matches
