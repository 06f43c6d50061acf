"""Stage ``dedupe``: exact and near-duplicate copies among all of a day's cleaned articles.

Duplicates can sit in any two shards, so this one stage sees the whole day, yet it reads only
the small ``signatures`` parts (hash, MinHash, shingle count: about 600 bytes an article, never
the text). It writes ``duplicates`` (copy -> kept article; ``aggregate`` sets
``articles.duplicate_of`` from it, and extraction skips the copies) and a quarantine row per
copy, so ``passed == kept + duplicates`` holds for the day.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

import polars as pl

from engagement.config import Settings
from engagement.staging import StageRun, Staging, reason_counts
from engagement.text.dedupe import NEAR_DUPLICATE, Signature, match_signatures

STAGE = "dedupe"


def run(day: date, settings: Settings) -> dict:
    """Write the day's ``duplicates`` and ``quarantine_dedupe``; counts and the shard count."""
    staging = Staging.from_settings(settings)
    signed = staging.read_all(day, "signatures")
    matches = match_signatures(_signatures(signed), settings.near_duplicate_threshold)
    whole_day = StageRun(day)
    duplicates = staging.frame("duplicates", [asdict(match) for match in matches]).sort("article_id")
    staging.write(whole_day, "duplicates", duplicates)
    raw_refs = dict(signed.select("article_id", "raw_ref").iter_rows())
    quarantine = staging.write_quarantine(
        whole_day,
        STAGE,
        [
            {
                "raw_ref": raw_refs[match.article_id],
                "article_id": match.article_id,
                "reason": match.reason,
                "detail": f"{match.reason} of {match.duplicate_of} (similarity {match.similarity:.2f})",
            }
            for match in matches
        ],
    )
    kept = signed.height - duplicates.height
    if signed.height != kept + quarantine.height:
        raise RuntimeError(f"dedupe lost rows: passed {signed.height} != kept {kept} + quarantined {quarantine.height}")
    by_reason = reason_counts(quarantine)
    return {
        "day": day.isoformat(),
        "passed": signed.height,
        "kept": kept,
        "quarantined": quarantine.height,
        "by_reason": by_reason,
        "near_duplicates": by_reason.get(NEAR_DUPLICATE, 0),
        "shards": len(staging.shards(day, "articles")),
    }


def _signatures(frame: pl.DataFrame) -> list[Signature]:
    hashvalues = frame["hashvalues"].to_numpy()  # one row of NUM_PERM values per article
    rows = frame.select("article_id", "published_at", "digest", "shingle_count").iter_rows()
    return [
        Signature(article_id, published_at, digest, hashvalues[index], shingle_count)
        for index, (article_id, published_at, digest, shingle_count) in enumerate(rows)
    ]


def duplicate_ids(staging: Staging, day: date) -> set[str]:
    """Articles of the day that copy another: counted in the warehouse, never extracted."""
    return set(staging.read(StageRun(day), "duplicates")["article_id"])


def articles_for_extraction(stage_run: StageRun, staging: Staging) -> pl.DataFrame:
    """The shard's articles that go on to extraction (duplicates are counted, not re-read)."""
    copies = duplicate_ids(staging, stage_run.day)
    return staging.read(stage_run, "articles").filter(~pl.col("article_id").is_in(copies)).sort("article_id")
