"""Stage ``dedupe``: exact and near-duplicate copies among all of a day's cleaned articles.

Duplicates can sit in any two shards, so this one stage sees the whole day, yet it reads only
the small ``signatures`` parts (hash, MinHash, shingle count: about 600 bytes an article, never
the text), one part at a time, the MinHash values into one matrix (512 bytes an article). It
writes ``duplicates`` (copy -> kept article; ``aggregate`` sets ``articles.duplicate_of`` from
it, and extraction skips the copies) and a quarantine row per copy, so
``passed == kept + duplicates`` holds for the day.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

import numpy as np
import polars as pl

from engagement.config import Settings
from engagement.staging import StageRun, Staging, reason_counts
from engagement.text.dedupe import NEAR_DUPLICATE, NUM_PERM, SignedDay, match_signatures, minhash_scheme

STAGE = "dedupe"


def warm(settings: Settings) -> None:
    """Import datasketch (scipy: a CPU second) in this process, so the task processes forked from
    it (Airflow's scheduler: ``airflow_local_settings``) do not."""
    minhash_scheme()


def run(day: date, settings: Settings) -> dict:
    """Write the day's ``duplicates`` and ``quarantine_dedupe``; counts and the shard count."""
    staging = Staging.from_settings(settings)
    signed, hashvalues = _read_signatures(staging, day)
    signed_day = _signed_day(signed, hashvalues)
    raw_refs, passed = signed.select("article_id", "raw_ref"), signed.height
    del signed, hashvalues  # the digests and dates are in signed_day now
    matches = match_signatures(signed_day, settings.near_duplicate_threshold)
    del signed_day
    whole_day = StageRun(day)
    duplicates = staging.frame("duplicates", [asdict(match) for match in matches]).sort("article_id")
    staging.write(whole_day, "duplicates", duplicates)
    copies = duplicates.join(raw_refs, on="article_id", how="left")
    quarantine = staging.write_quarantine(
        whole_day,
        STAGE,
        [
            {
                "raw_ref": row["raw_ref"],
                "article_id": row["article_id"],
                "reason": row["reason"],
                "detail": f"{row['reason']} of {row['duplicate_of']} (similarity {row['similarity']:.2f})",
            }
            for row in copies.iter_rows(named=True)
        ],
    )
    kept = passed - duplicates.height
    if passed != kept + quarantine.height:
        raise RuntimeError(f"dedupe lost rows: passed {passed} != kept {kept} + quarantined {quarantine.height}")
    by_reason = reason_counts(quarantine)
    return {
        "day": day.isoformat(),
        "passed": passed,
        "kept": kept,
        "quarantined": quarantine.height,
        "by_reason": by_reason,
        "near_duplicates": by_reason.get(NEAR_DUPLICATE, 0),
        "shards": len(staging.shards(day, "articles")),
    }


def _read_signatures(staging: Staging, day: date) -> tuple[pl.DataFrame, np.ndarray]:
    """The day's signatures without their MinHash values, and those values as one
    (articles, NUM_PERM) matrix filled part by part (never a second copy of the day's values).
    Read with polars, not pyarrow: Arrow's default pool kept ~0.5 KB per article of freed
    buffers (measured at 50k: 294 MB peak against 244 MB)."""
    hashvalues = np.empty((staging.row_count(day, "signatures"), NUM_PERM), dtype=np.uint32)
    frames, filled = [], 0
    for shard in staging.shards(day, "signatures"):
        frame = staging.read(StageRun(day, shard), "signatures")
        hashvalues[filled : filled + frame.height] = frame["hashvalues"].to_numpy()
        filled += frame.height
        frames.append(frame.drop("hashvalues"))
    if filled != len(hashvalues):
        raise RuntimeError(f"signatures changed while read: {filled} rows, footers said {len(hashvalues)}")
    signed = pl.concat(frames) if frames else staging.frame("signatures", []).drop("hashvalues")
    return signed, hashvalues


def _signed_day(signed: pl.DataFrame, hashvalues: np.ndarray) -> SignedDay:
    """The signatures in keep order: earliest published first, unknown dates last, ties by id."""
    order = (
        signed.with_row_index("row")
        .sort(["published_at", "article_id"], nulls_last=True)
        .select("row", "article_id", pl.col("digest").rank("dense").alias("digest_id"), "shingle_count")
    )
    rows = order["row"].to_numpy()
    return SignedDay(
        order["article_id"],  # a polars Series: no Python string per article
        order["digest_id"].to_numpy().astype(np.int64),
        hashvalues,
        rows,
        order["shingle_count"].to_numpy().astype(np.int64),
    )


def duplicate_ids(staging: Staging, day: date) -> set[str]:
    """Articles of the day that copy another: counted in the warehouse, never extracted."""
    return set(staging.read(StageRun(day), "duplicates")["article_id"])


def articles_for_extraction(stage_run: StageRun, staging: Staging) -> pl.DataFrame:
    """The shard's articles that go on to extraction (duplicates are counted, not re-read)."""
    copies = duplicate_ids(staging, stage_run.day)
    return staging.read(stage_run, "articles").filter(~pl.col("article_id").is_in(copies)).sort("article_id")
