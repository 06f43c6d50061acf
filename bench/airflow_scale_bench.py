"""Generated days through the real scheduler: wall time, task seconds and peak RSS per stage.

scale_bench.py measures the stages without Airflow; this measures what a user sees: the same
stack as the backfill test (api-server, scheduler, dag-processor, LocalExecutor, a fresh
PostgreSQL database; tests/integration/airflow_stack.py) backfills days that scale_corpus.py
generated into a fresh landing folder (or one given). Then, from the REST API, per stage (mapped
task instances included): the wall span from its first start to its last end, the summed task
seconds, and the largest ``peak_rss_mb`` a task instance reported in its XCom (n/a when the
stages do not report it); the run's wall time and articles/s; for several days the first and
last day's aggregate and publish; and reporting_bench.py's queries on the published file.

Run: ENGAGEMENT_TEST_PG_URL="$(scripts/postgres.sh)" .venv/bin/python bench/airflow_scale_bench.py
     --days 2025-03-03 --per-day 10000            # one day
     --from 2025-01-01 --to 2025-12-31 --per-day 2000 [--max-active-runs 2]   # a backfill
     [--landing DIR] [--set KEY=VALUE ...] [--rounds 5] [--keep DIR] [--stop-after SECONDS]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from statistics import median

import psutil
from engagement.warehouse.connect import open_reader

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

from backfill_bench import task_timings  # noqa: E402
from reporting_bench import print_query_times  # noqa: E402
from scale_corpus import DEFAULT_SEED, day_range, generate_with_defaults  # noqa: E402

from tests.integration.airflow_stack import DAG_ID, PG_URL_ENV, airflow_stack  # noqa: E402

PUBLISHED = Path("published") / "engagement_reporting.duckdb"
RSS_KEY = "peak_rss_mb"
CPU_KEY = "cpu_seconds"  # engagement.stages.run_stage: the stage's own CPU, without the task's start
COUNTS_KEY = "stage_counts"  # dags/bilateral_engagement.py COUNTS_KEY


def return_values(stack, instances: list[dict]) -> dict[str, dict]:
    """Each successful task instance's counts (XCom ``stage_counts``, which every stage task
    pushes, else its return value when that is a dict), by instance id."""
    values = {}
    for ti in instances:
        if ti["state"] != "success":
            continue
        for key in (COUNTS_KEY, "return_value"):
            response = stack.client.get(
                f"/dags/{DAG_ID}/dagRuns/{ti['dag_run_id']}/taskInstances/{ti['task_id']}/xcomEntries/{key}",
                params={"map_index": ti["map_index"]},
            )
            if response.status_code == 200:
                break
        else:
            continue
        value = response.json()["value"]
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                continue
        if isinstance(value, dict):
            values[ti["id"]] = value
    return values


def stage_rows(instances: list[dict], values: dict[str, dict]) -> list[tuple]:
    """(stage, task instances, wall span s, summed s, summed stage CPU s or None, max peak RSS MB
    or None) in running order."""
    by_stage: dict[str, list[dict]] = defaultdict(list)
    for ti in instances:
        if ti["start_date"] and ti["end_date"]:
            by_stage[ti["task_id"]].append(ti)
    rows = []
    for stage, tis in by_stage.items():
        first = min(datetime.fromisoformat(ti["start_date"]) for ti in tis)
        last = max(datetime.fromisoformat(ti["end_date"]) for ti in tis)
        peaks = [values[ti["id"]][RSS_KEY] for ti in tis if RSS_KEY in values.get(ti["id"], {})]
        cpus = [values[ti["id"]][CPU_KEY] for ti in tis if CPU_KEY in values.get(ti["id"], {})]
        summed = sum(ti["duration"] or 0.0 for ti in tis)
        cpu = sum(cpus) if cpus else None
        rows.append((first, stage, len(tis), (last - first).total_seconds(), summed, cpu, max(peaks, default=None)))
    return [row[1:] for row in sorted(rows)]


def day_durations(instances: list[dict], stage: str) -> dict[date, float]:
    """Seconds the stage's task instances took, summed per day (logical date) of the run."""
    seconds: dict[date, float] = defaultdict(float)
    for ti in instances:
        if ti["task_id"] == stage and ti["duration"] is not None:
            seconds[datetime.fromisoformat(ti["logical_date"]).date()] += ti["duration"]
    return dict(seconds)


def runs_of(instances: list[dict], days: list[date]) -> tuple[list[dict], list[date]]:
    """The task instances of the runs for ``days``, and the days of other runs (unpausing makes
    a scheduled run for the latest day, which shares the cores)."""
    mine, others = [], set()
    for ti in instances:
        day = datetime.fromisoformat(ti["logical_date"]).date()
        if day in days:
            mine.append(ti)
        else:
            others.add(day)
    return mine, sorted(others)


def run_spans(instances: list[dict]) -> dict[str, float]:
    """Seconds from each run's first task being queued to its last task ending: the day's own
    time, apart from creating the backfill (an Airflow CLI process) and polling for its end."""
    bounds: dict[str, tuple[datetime, datetime]] = {}
    for ti in instances:
        if not (ti["start_date"] and ti["end_date"]):
            continue
        first = datetime.fromisoformat(ti.get("queued_when") or ti["start_date"])
        last = datetime.fromisoformat(ti["end_date"])
        lo, hi = bounds.get(ti["dag_run_id"], (first, last))
        bounds[ti["dag_run_id"]] = (min(lo, first), max(hi, last))
    return {run: (hi - lo).total_seconds() for run, (lo, hi) in bounds.items()}


def articles_ingested(instances: list[dict], values: dict[str, dict]) -> int:
    return sum(values.get(ti["id"], {}).get("selected", 0) for ti in instances if ti["task_id"] == "ingest")


def print_report(instances: list[dict], values: dict[str, dict], days: list[date], wall: float) -> None:
    print(f"{'stage':<18} {'instances':>9} {'wall s':>8} {'task s':>8} {'stage CPU s':>12} {'max peak RSS MB':>16}")
    stage_cpu = 0.0
    for stage, count, span, summed, cpu, peak in stage_rows(instances, values):
        shown = "n/a" if peak is None else f"{peak:.0f}"
        stage_cpu += cpu or 0.0
        cpu_shown = "n/a" if cpu is None else f"{cpu:.1f}"
        print(f"{stage:<18} {count:>9} {span:>8.1f} {summed:>8.1f} {cpu_shown:>12} {shown:>16}")
    print(f"stage CPU (the stages' own work, from each task's {CPU_KEY}): {stage_cpu:,.1f} s")
    articles = articles_ingested(instances, values)
    print(
        f"all: {len(days)} day(s), {articles:,} articles in {wall:.1f} s wall"
        f" = {articles / wall:.1f} articles/s ({wall / len(days):.1f} s/day)"
    )
    spans = run_spans(instances)
    if spans:
        total = sum(spans.values())
        print(
            f"runs' own spans (first task queued to last task ended, without the backfill command and"
            f" the polling): {total:.1f} s = {articles / total:.1f} articles/s"
            f" ({1000 * total / max(articles, 1):.2f} ms an article; longest day {max(spans.values()):.1f} s)"
        )
    print("per task (median s): run time | queued→running | upstream done→queued")
    for task_id, (ran, waited, scheduled) in task_timings(instances).items():
        print(f"  {task_id:18} {ran:6.2f} | {waited:6.2f} | {scheduled:6.2f}")
    skipped = Counter(ti["task_id"] for ti in instances if ti["state"] == "skipped")
    if skipped:
        print(f"skipped (publish: another run's pending publish copied the day): {dict(skipped)}")
    if len(days) > 27:
        print_monthly(instances, ("aggregate", "check", "publish", "extract_entities", "detect_events"))
    if len(days) > 1:
        for stage in ("aggregate", "publish"):
            per_day = day_durations(instances, stage)
            first, last = per_day.get(days[0]), per_day.get(days[-1])
            if first is not None and last is not None:
                print(f"{stage}: first day {days[0]} {first:.2f} s, last day {days[-1]} {last:.2f} s")


def process_cpu(stack) -> dict[str, float]:
    """CPU seconds (user + system) spent so far by each Airflow component's own process, by the
    processes still alive under them (the LocalExecutor's workers, which supervise each task), and
    by the exited processes they reaped (the task processes: the pipeline's own work)."""
    cpu: dict[str, float] = defaultdict(float)
    for name, popen in stack.processes.items():
        try:
            top = psutil.Process(popen.pid)
            times = top.cpu_times()
            cpu[name] += times.user + times.system
            cpu["tasks (reaped processes)"] += times.children_user + times.children_system
            for child in top.children(recursive=True):
                times = child.cpu_times()
                cpu[f"{name}: processes under it"] += times.user + times.system
                cpu["tasks (reaped processes)"] += times.children_user + times.children_system
        except psutil.NoSuchProcess:
            continue
    return dict(cpu)


def print_cpu(cpu: dict[str, float], wall: float) -> None:
    cores = os.cpu_count() or 1
    print(f"CPU seconds by process, of {wall * cores:,.0f} available ({cores} cores x wall):")
    for name, seconds in sorted(cpu.items(), key=lambda item: -item[1]):
        print(f"  {name:<40} {seconds:>9,.1f}")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=day_range, help="YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD")
    parser.add_argument("--from", dest="first", type=date.fromisoformat, help="first day of a backfill")
    parser.add_argument("--to", dest="last", type=date.fromisoformat, help="last day of a backfill")
    parser.add_argument("--per-day", type=int, default=2000, help="articles generated per day")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--landing", type=Path, help="a folder scale_corpus.py wrote (else generated)")
    parser.add_argument("--max-active-runs", type=int, default=2, help="of the backfill")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="extra Airflow environment")
    parser.add_argument("--rounds", type=int, default=5, help="of each reporting query")
    parser.add_argument("--timeout", type=float, default=6 * 3600, help="seconds to wait for the runs")
    parser.add_argument(
        "--stop-after", type=float, help="seconds after which to stop and report the days finished by then"
    )
    parser.add_argument("--keep", type=Path, help="copy the published DuckDB file here")
    args = parser.parse_args()
    if args.first and args.last:
        args.days = [args.first + timedelta(n) for n in range((args.last - args.first).days + 1)]
    if not args.days:
        parser.error("give --days, or --from and --to")
    if not os.environ.get(PG_URL_ENV):
        parser.error(f"set {PG_URL_ENV} (e.g. to the output of scripts/postgres.sh)")
    return args


def wait_or_stop(stack, args: argparse.Namespace) -> dict[date, str]:
    """The states of the backfill's runs once all have finished, or, after ``--stop-after``
    seconds, of those finished by then (a year that would not fit the session still gives its
    pace and how the late days' stages grew)."""
    if args.stop_after is None:
        return stack.wait_for_backfill(args.days, timeout=args.timeout)
    deadline = time.monotonic() + args.stop_after
    while True:
        runs = stack.run_states()
        finished = {day: runs[day] for day in args.days if runs.get(day) in ("success", "failed")}
        if len(finished) == len(args.days) or time.monotonic() > deadline:
            return finished
        time.sleep(15)


def print_monthly(instances: list[dict], stages: tuple[str, ...]) -> None:
    """Median task seconds per month of each stage: how the late days compare with the first."""
    by_month: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for stage in stages:
        for day, seconds in day_durations(instances, stage).items():
            by_month[f"{day:%Y-%m}"][stage].append(seconds)
    print("median task seconds per month (days the stage ran): " + " | ".join(stages))
    for month, stage_seconds in sorted(by_month.items()):
        cells = [
            f"{median(stage_seconds[stage]):6.2f} ({len(stage_seconds[stage])})" if stage_seconds[stage] else "   n/a"
            for stage in stages
        ]
        print(f"  {month}  " + " | ".join(cells))


def main() -> int:
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # cleanup: stop Airflow, drop the database
    root = Path(tempfile.mkdtemp(prefix="airflow-scale-bench-"))
    try:
        landing = args.landing or root / "landing"
        if not args.landing:
            print(generate_with_defaults(args.days, args.per_day, landing, args.seed).summary(), flush=True)
        settings = dict(item.split("=", 1) for item in args.set)
        with airflow_stack(root, os.environ[PG_URL_ENV], landing.resolve(), root / "data", **settings) as stack:
            stack.unpause()
            started = time.monotonic()
            stack.backfill(args.days[0], args.days[-1], "--max-active-runs", str(args.max_active_runs))
            states = wait_or_stop(stack, args)
            wall = time.monotonic() - started
            instances, others = runs_of(stack.task_instances(), args.days)
            if len(states) < len(args.days):
                print(f"stopped after {wall:.0f} s: {len(states)} of {len(args.days)} days finished")
                instances = [ti for ti in instances if datetime.fromisoformat(ti["logical_date"]).date() in states]
                args.days = sorted(states)
            values = return_values(stack, instances)
            cpu = process_cpu(stack)
        if not states:
            return 1
        if others:
            print(f"not counted: other runs of the DAG (the scheduled one made on unpausing): {others}")
        failed = sorted(day for day, state in states.items() if state != "success")
        print(f"runs: {len(states) - len(failed)} success, failed: {failed or 'none'}; cores {os.cpu_count()}")
        print_report(instances, values, args.days, wall)
        print_cpu(cpu, wall)
        published = root / "data" / PUBLISHED
        with open_reader(published) as con:
            events = con.execute("SELECT count(*) FROM core.events").fetchone()[0]
            print(f"reporting queries on the published file ({events:,} events):")
            print_query_times(con, args.rounds)
        if args.keep:
            shutil.copy2(published, args.keep)
        return 1 if failed else 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
