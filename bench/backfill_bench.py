"""How long `airflow backfill create` takes for a range of days through a real scheduler.

Starts the same stack as the backfill test (api-server, scheduler, dag-processor, LocalExecutor,
a fresh PostgreSQL database; tests/integration/airflow_stack.py), lands a corpus (default: the
demo corpus), backfills the range and prints the wall time from `backfill create` until every
run has finished, seconds per day and how many runs succeeded.

Run: ENGAGEMENT_TEST_PG_URL="$(scripts/postgres.sh)" .venv/bin/python bench/backfill_bench.py
     [--from-date 2025-01-01 --to-date 2025-12-31] [--max-active-runs 6]
     [--set AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC=1 ...] [--dags-folder DIR] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from statistics import median

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.integration.airflow_runs import table_checksums  # noqa: E402
from tests.integration.airflow_stack import PG_URL_ENV, airflow_stack  # noqa: E402


def task_timings(instances: list[dict]) -> dict[str, tuple[float, float, float]]:
    """Median run time, queue wait and scheduling delay per task, over every instance (each map
    index of a mapped task too). The scheduling delay is the time from the last instance of
    another task that had ended before this one was queued (its upstream, in this linear DAG) to
    this one being queued; a shard that waits for a free task slot after its upstream is counted
    from that upstream as well, so compare it with the slots (max active tasks) and shard count."""
    by_run: dict[str, list[dict]] = {}
    for ti in instances:
        if ti["start_date"] and ti["end_date"]:
            by_run.setdefault(ti["dag_run_id"], []).append(ti)
    samples: dict[str, list[tuple[float, float, float]]] = {}
    for tasks in by_run.values():
        for ti in tasks:
            start, end = _time(ti["start_date"]), _time(ti["end_date"])
            queued = _time(ti["queued_when"]) if ti.get("queued_when") else start
            upstream_ends = [
                _time(other["end_date"])
                for other in tasks
                if other["task_id"] != ti["task_id"] and _time(other["end_date"]) <= queued
            ]
            scheduled = (queued - max(upstream_ends)).total_seconds() if upstream_ends else 0.0
            samples.setdefault(ti["task_id"], []).append(
                ((end - start).total_seconds(), (start - queued).total_seconds(), scheduled)
            )
    return {task: tuple(median(s[i] for s in rows) for i in range(3)) for task, rows in samples.items()}


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from-date", type=date.fromisoformat, default=date(2025, 1, 1))
    parser.add_argument("--to-date", type=date.fromisoformat, default=date(2025, 12, 31))
    parser.add_argument("--landing", type=Path, default=REPO / "include" / "demo_corpus")
    parser.add_argument("--max-active-runs", type=int, default=6, help="of the backfill")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra environment for every Airflow process (repeatable)",
    )
    parser.add_argument("--dags-folder", type=Path, help="another dags folder, for experiments")
    parser.add_argument("--keep", type=Path, help="copy the published DuckDB file here")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds to wait for the runs")
    args = parser.parse_args()
    # SIGTERM ends the benchmark through its cleanup (stop Airflow, drop the database).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    server_url = os.environ.get(PG_URL_ENV)
    if not server_url:
        parser.error(f"set {PG_URL_ENV} (e.g. to the output of scripts/postgres.sh)")

    settings = dict(item.split("=", 1) for item in args.set)
    if args.dags_folder:
        settings["AIRFLOW__CORE__DAGS_FOLDER"] = str(args.dags_folder.resolve())
    days = [args.from_date + timedelta(n) for n in range((args.to_date - args.from_date).days + 1)]
    root = Path(tempfile.mkdtemp(prefix="backfill-bench-"))
    try:
        started = time.monotonic()
        with airflow_stack(root, server_url, args.landing.resolve(), root / "data", **settings) as stack:
            stack.unpause()
            ready = time.monotonic()
            stack.backfill(args.from_date, args.to_date, "--max-active-runs", str(args.max_active_runs))
            states = stack.wait_for_backfill(days, timeout=args.timeout)
            finished = time.monotonic()
            timings = task_timings(stack.task_instances())
        published = root / "data" / "published" / "engagement_reporting.duckdb"
        counts = Counter(states.values())
        elapsed = finished - ready
        print(f"settings: max_active_runs={args.max_active_runs} {' '.join(args.set) or '(defaults)'}")
        print(f"stack start (migrate, pool, components, DAG parsed): {ready - started:.0f} s")
        print(
            f"backfill {args.from_date}..{args.to_date}: {len(days)} days in {elapsed:.0f} s "
            f"= {elapsed / len(days):.2f} s/day ({elapsed / 60:.1f} min; a year at this rate: "
            f"{elapsed / len(days) * 365 / 60:.1f} min)"
        )
        print(f"runs: {counts.get('success', 0)} success, {counts.get('failed', 0)} failed")
        rows = sum(count for count, _ in table_checksums(published).values())
        print(f"published tables: {rows} rows")
        print("per task (median s): run time | queued→running | upstream done→queued")
        for task_id, (ran, waited, scheduled) in timings.items():
            print(f"  {task_id:18} {ran:6.2f} | {waited:6.2f} | {scheduled:6.2f}")
        if args.keep:
            shutil.copy2(published, args.keep)
        return 0 if counts.get("success", 0) == len(days) else 1
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
