"""Wall time, CPU time and peak RSS of every pipeline stage on generated days, without Airflow.

Issue 14's measurements. Each task of each day runs in a fresh Python process that imports the
stage and runs it through the stage registry (``engagement.stages``), as an Airflow task
instance would (every task is a new process), so the peak RSS printed is that task's alone: a
sharded stage runs one process per shard of ``ENGAGEMENT_SHARD_SIZE`` articles (``--shard-size``).
Days run in date order against one data folder, so ``aggregate`` meets a warehouse that grows
day by day.

The landing folder is one ``bench/scale_corpus.py`` wrote, or is generated first:

    .venv/bin/python bench/scale_bench.py --days 2025-03-03 --per-day 10000 [--shard-size 2500]
    .venv/bin/python bench/scale_bench.py --days 2025-03-10..2025-03-16 --per-day 2000
    .venv/bin/python bench/scale_bench.py --landing DIR --days 2025-03-03 [--profile detect_events]
    .venv/bin/python bench/scale_bench.py --landing DIR --days 2025-03-03 --until dedupe

``--profile STAGE`` runs that stage under cProfile and prints its top entries.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from engagement.stages import STAGES, Stage, peak_rss_mb, run_stage, stage_named
from engagement.staging import StageRun

HERE = Path(__file__).resolve().parent
PROFILE_LINES = 20
# Counts worth a column: how many articles or rows the stage handled.
SHOWN_COUNTS = (
    "selected",
    "shards",
    "passed",
    "kept",
    "near_duplicates",
    "articles",
    "mentions",
    "event_mentions",
    "events_total",
)


def run_task(stage: Stage, stage_run: StageRun, profile: Path | None) -> dict:
    """One task (a stage for one shard or the whole day) in this process; what the parent prints."""
    from engagement.config import load_settings

    started = time.perf_counter()
    stage.load()
    settings = load_settings()
    imported, rss_before = time.perf_counter() - started, peak_rss_mb()
    if profile:
        profiler = cProfile.Profile()
        result = profiler.runcall(run_stage, stage, stage_run, settings)
        profiler.dump_stats(profile)
    else:
        result = run_stage(stage, stage_run, settings)
    return {
        "seconds": result["seconds"],
        "cpu": result["cpu_seconds"],
        "import_seconds": imported,
        "rss_after_import_mb": rss_before,
        "peak_rss_mb": result["peak_rss_mb"],
        "process_cpu": _process_cpu_seconds(),
        "counts": {key: result[key] for key in SHOWN_COUNTS if key in result},
    }


def _process_cpu_seconds() -> float:
    """User + system CPU of this whole task process so far: interpreter start and imports too,
    the fixed cost every Airflow task instance pays before its stage starts."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return round(usage.ru_utime + usage.ru_stime, 3)


def child(stage: Stage, stage_run: StageRun, profile: Path | None) -> dict:
    """Run one task in a fresh interpreter (environment inherited); its report."""
    envelope = json.dumps(stage_run.to_dict())
    command = [sys.executable, str(Path(__file__).resolve()), "--child", stage.name, envelope]
    if profile:
        command += ["--profile-file", str(profile)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"{stage.name} {envelope} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_profile(path: Path) -> None:
    for order in ("tottime", "cumulative"):
        buffer = io.StringIO()
        pstats.Stats(str(path), stream=buffer).strip_dirs().sort_stats(order).print_stats(PROFILE_LINES)
        print(f"--- cProfile, top {PROFILE_LINES} by {order} ---")
        print("\n".join(line for line in buffer.getvalue().splitlines() if line.strip())[-4000:])


def bench(
    days: list[date], profile_stage: str | None, workdir: Path, stages: list[Stage]
) -> list[tuple[date, str, dict]]:
    """Every task of every day, in order, each in its own process (one per shard when sharded)."""
    rows = []
    for day in days:
        shards = 1
        for stage in stages:
            runs = StageRun(day, 0, shards).runs() if stage.sharded else [StageRun(day, 0, shards)]
            for stage_run in runs:
                profile = (
                    workdir / f"{stage.name}-{day}-{stage_run.shard}.prof" if stage.name == profile_stage else None
                )
                report = child(stage, stage_run, profile)
                rows.append((day, stage.name, report))
                print_task(day, stage, stage_run, report)
                if profile:
                    print_profile(profile)
                if not stage.sharded:
                    shards = report["counts"].get("shards", shards)
    return rows


def print_task(day: date, stage: Stage, stage_run: StageRun, report: dict) -> None:
    name = f"{stage.name}[{stage_run.shard}]" if stage.sharded else stage.name
    counts = " ".join(f"{k}={v}" for k, v in report["counts"].items())
    print(
        f"{day} {name:21} {report['seconds']:8.2f} s  cpu {report['cpu']:8.2f} s  "
        f"(process {report['process_cpu']:6.2f} s)  peak RSS "
        f"{report['peak_rss_mb']:7.0f} MB (after imports {report['rss_after_import_mb']:.0f})  {counts}",
        flush=True,
    )


def print_summary(rows: list[tuple[date, str, dict]], days: list[date], stages: list[Stage]) -> None:
    """Totals per stage (all its shards' tasks), the task count, each stage's first and last
    task's CPU (does a stage slow down as the warehouse grows?) and the largest peak RSS of any
    of its tasks. CPU seconds beside wall seconds: on a shared machine wall time is mostly
    waiting for a core."""
    print("\nstage             tasks  wall s  cpu s   cpu s first -> last task   max peak RSS MB per task")
    for stage in stages:
        mine = [report for _, name, report in rows if name == stage.name]
        wall, cpu = sum(r["seconds"] for r in mine), sum(r["cpu"] for r in mine)
        print(
            f"{stage.name:17} {len(mine):5} {wall:6.1f} {cpu:6.1f}   "
            f"{mine[0]['cpu']:8.2f} -> {mine[-1]['cpu']:8.2f}            {max(r['peak_rss_mb'] for r in mine):6.0f}"
        )
    wall, cpu = sum(r["seconds"] for _, _, r in rows), sum(r["cpu"] for _, _, r in rows)
    articles = sum(r["counts"].get("selected", 0) for _, name, r in rows if name == "ingest")
    print(
        f"all stages: {articles:,} articles over {len(days)} day(s) in {wall:.1f} s wall "
        f"({articles / wall:,.0f} articles/s), {cpu:.1f} s CPU ({articles / cpu:,.0f} articles per CPU second)"
    )


def child_main(argv: list[str]) -> int:
    """``--child STAGE ENVELOPE [--profile-file PATH]``: kept apart so a task's process imports
    nothing the stage would not (the generator pulls in spaCy)."""
    p = argparse.ArgumentParser()
    p.add_argument("--child", nargs=2, metavar=("STAGE", "ENVELOPE"), required=True)
    p.add_argument("--profile-file", type=Path)
    args = p.parse_args(argv)
    stage, envelope = args.child
    report = run_task(stage_named(stage), StageRun.from_dict(json.loads(envelope)), args.profile_file)
    print(json.dumps(report))
    return 0


def main() -> int:
    if sys.argv[1:2] == ["--child"]:
        return child_main(sys.argv[1:])
    from scale_corpus import DEFAULT_SEED, day_range

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--days", type=day_range, required=True, help="YYYY-MM-DD or a range, as scale_corpus.py takes")
    p.add_argument("--per-day", type=int, default=2000, help="articles per day to generate")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    p.add_argument("--landing", type=Path, help="a folder scale_corpus.py wrote (else generated)")
    p.add_argument("--workdir", type=Path, help="folder for the data, kept (default: a temporary one, removed)")
    p.add_argument("--shard-size", type=int, help="articles per shard (default: ENGAGEMENT_SHARD_SIZE or 5000)")
    p.add_argument("--profile", choices=[stage.name for stage in STAGES], help="run this stage under cProfile")
    p.add_argument("--until", choices=[stage.name for stage in STAGES], help="stop after this stage (e.g. dedupe)")
    args = p.parse_args()
    if args.workdir:
        return measure(args, args.workdir)
    with tempfile.TemporaryDirectory(prefix="scale-bench-") as workdir:
        return measure(args, Path(workdir))


def measure(args: argparse.Namespace, workdir: Path) -> int:
    """Generate the days unless a landing folder is given, then run and print every stage."""
    from scale_corpus import generate_with_defaults

    landing = args.landing or workdir / "landing"
    if not args.landing:
        print(generate_with_defaults(args.days, args.per_day, landing, args.seed).summary(), flush=True)
    os.environ["ENGAGEMENT_DATA_DIR"] = str(workdir / "data")
    os.environ["ENGAGEMENT_LANDING_DIR"] = str(landing.resolve())
    if args.shard_size:
        os.environ["ENGAGEMENT_SHARD_SIZE"] = str(args.shard_size)
    print(f"landing {landing}, data {workdir / 'data'}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    names = [stage.name for stage in STAGES]
    stages = STAGES[: names.index(args.until) + 1] if args.until else list(STAGES)
    rows = bench(args.days, args.profile, workdir, stages)
    print_summary(rows, args.days, stages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
