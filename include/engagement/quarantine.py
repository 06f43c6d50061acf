"""The quarantine frame every stage writes: nothing is dropped without a row saying why."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl

SCHEMA = {
    "day": pl.Date,
    "stage": pl.String,
    "raw_ref": pl.String,
    "article_id": pl.String,
    "reason": pl.String,
    "detail": pl.String,
}


def write_quarantine(rows: list[dict], day: date, stage: str, path: Path) -> pl.DataFrame:
    """Write the stage's quarantine rows for the day (an empty file when there are none)."""
    frame = pl.DataFrame([{**r, "day": day, "stage": stage} for r in rows], schema=SCHEMA).sort(
        ["article_id", "reason"], nulls_last=True
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.write_parquet(path)
    return frame


def reason_counts(frame: pl.DataFrame) -> dict[str, int]:
    """Counts per quarantine reason, for task logs and XCom."""
    if frame.is_empty():
        return {}
    return dict(frame.group_by("reason").len().sort("reason").iter_rows())
