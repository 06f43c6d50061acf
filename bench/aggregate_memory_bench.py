"""Peak RSS and time of the whole-day DuckDB tasks (aggregate, publish) on very large days,
without spending an hour of NLP on them.

A large day's staging is built by *replicating* the staged parts of a smaller day that the real
pipeline produced (``scale_bench.py --workdir DIR`` leaves them in ``DIR/data/staging``): copy k
of every part gets fresh ids (``article_id``, ``mention_id`` and ``duplicate_of`` with ``~k``
appended, the day prefixed for later days) and is written as its own shard, so the target day
holds N times the source's articles, sentences, entity and event mentions. The texts, pairs and
dates repeat, so reclustering sees groups N times as full as the source's (more mentions per
event than a real day of that size would have; the same number of rows to load and cluster).

Then ``aggregate`` and ``publish`` each run in a fresh process (as Airflow task instances do),
for two consecutive days, so the second day shows the incremental publish and a reclustering
that meets a warehouse already holding a large day:

    .venv/bin/python bench/scale_bench.py --landing L --days 2025-03-03 --workdir W10K
    .venv/bin/python bench/aggregate_memory_bench.py --source W10K/data --source-day 2025-03-03 \\
        --copies 10 --workdir /tmp/agg-100k [--days 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import polars as pl
from engagement.stages import stage_named
from engagement.staging import DATASETS, StageRun, Staging
from engagement.storage import Storage

# Columns holding ids that must stay unique (or point at a copy's own articles) in each copy.
ID_COLUMNS = ("article_id", "mention_id", "duplicate_of")
# Datasets the whole-day tasks read (the NLP stages' inputs are not needed).
READ_BY_AGGREGATE = tuple(name for name, dataset in DATASETS.items() if dataset.table) + ("duplicates",)


def replicate_day(source: Staging, source_day: date, target: Staging, day: date, copies: int) -> dict[str, int]:
    """Write ``copies`` copies of the source day's staged parts as ``day``; rows per dataset."""
    target.clear_day(day)
    rows: dict[str, int] = {}
    for name in READ_BY_AGGREGATE:
        shards = source.shards(source_day, name)
        for shard in shards:
            frame = source.read(StageRun(source_day, shard), name)
            for copy in range(copies):
                suffix = f"~{copy}" if day == source_day else f"~{day:%m%d}.{copy}"
                renamed = frame.with_columns(
                    *(pl.col(column) + suffix for column in ID_COLUMNS if column in frame.columns),
                    *([pl.lit(day).alias("day")] if "day" in frame.columns else []),
                )
                target.write(StageRun(day, copy * len(shards) + shard), name, renamed)
                rows[name] = rows.get(name, 0) + renamed.height
    return rows


def main() -> int:
    from scale_bench import child

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--source", type=Path, required=True, help="a data folder holding a day's staging")
    p.add_argument("--source-day", type=date.fromisoformat, required=True)
    p.add_argument("--copies", type=int, required=True, help="copies of the source day per target day")
    p.add_argument("--days", type=int, default=2, help="consecutive target days, loaded in order")
    p.add_argument("--workdir", type=Path, required=True, help="the target data folder (emptied first)")
    args = p.parse_args()
    shutil.rmtree(args.workdir, ignore_errors=True)
    source = Staging(Storage.from_url(args.source.resolve().as_uri()).child("staging"))
    target = Staging(Storage.from_url(args.workdir.resolve().as_uri()).child("staging"))
    os.environ["ENGAGEMENT_DATA_DIR"] = str(args.workdir.resolve())
    print(f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}", flush=True)
    for offset in range(args.days):
        day = args.source_day + timedelta(days=offset)
        started = time.perf_counter()
        rows = replicate_day(source, args.source_day, target, day, args.copies)
        shown = ", ".join(f"{name} {count:,}" for name, count in rows.items() if count)
        print(f"{day}: staged {shown} in {time.perf_counter() - started:.1f} s", flush=True)
        for name in ("aggregate", "publish"):
            report = child(stage_named(name), StageRun(day), None)
            counts = " ".join(f"{k}={v}" for k, v in report["counts"].items())
            print(
                f"{day} {name:9} {report['seconds']:7.1f} s  cpu {report['cpu']:7.1f} s  "
                f"peak RSS {report['peak_rss_mb']:6.0f} MB  {counts}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
