"""Wall time, CPU time and peak RSS of every pipeline stage on generated days, without Airflow.

Issue 14's first measurements. Each stage of each day runs in a fresh Python process that
imports the stage and calls its ``run(day, settings)`` directly, as an Airflow task instance
would (every task is a new process), so the peak RSS printed is that stage's alone. Days run in
date order against one data folder, so ``aggregate`` meets a warehouse that grows day by day.

The landing folder is one ``bench/scale_corpus.py`` wrote, or is generated first:

    .venv/bin/python bench/scale_bench.py --days 2025-03-03 --per-day 10000
    .venv/bin/python bench/scale_bench.py --days 2025-03-10..2025-03-16 --per-day 2000
    .venv/bin/python bench/scale_bench.py --landing DIR --days 2025-03-03 [--profile detect_events]

``--profile STAGE`` runs that stage under cProfile and prints its top entries.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
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

HERE = Path(__file__).resolve().parent
STAGES = ("ingest", "clean", "extract_entities", "detect_events", "aggregate", "check", "publish")
PROFILE_LINES = 20
# Counts worth a column: how many articles or rows the stage handled.
SHOWN_COUNTS = ("selected", "kept", "near_duplicates", "articles", "mentions", "event_mentions", "events_total")


def peak_rss_mb() -> float:
    """This process's peak resident set size so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_stage(stage: str, day: date, profile: Path | None) -> dict:
    """One stage for one day in this process; what the parent prints."""
    from engagement.config import load_settings

    started = time.perf_counter()
    module = importlib.import_module(f"engagement.{stage}")
    settings = load_settings()
    imported, rss_before = time.perf_counter() - started, peak_rss_mb()
    cpu = time.process_time()
    started = time.perf_counter()
    if profile:
        profiler = cProfile.Profile()
        counts = profiler.runcall(module.run, day, settings)
        profiler.dump_stats(profile)
    else:
        counts = module.run(day, settings)
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
        "import_seconds": imported,
        "rss_after_import_mb": rss_before,
        "peak_rss_mb": peak_rss_mb(),
        "counts": {key: counts[key] for key in SHOWN_COUNTS if key in counts},
    }


def child(stage: str, day: date, profile: Path | None) -> dict:
    """Run ``stage`` for ``day`` in a fresh interpreter (environment inherited); its report."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", stage, day.isoformat()]
    if profile:
        command += ["--profile-file", str(profile)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"{stage} {day} failed:\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_profile(path: Path) -> None:
    for order in ("tottime", "cumulative"):
        buffer = io.StringIO()
        pstats.Stats(str(path), stream=buffer).strip_dirs().sort_stats(order).print_stats(PROFILE_LINES)
        print(f"--- cProfile, top {PROFILE_LINES} by {order} ---")
        print("\n".join(line for line in buffer.getvalue().splitlines() if line.strip())[-4000:])


def bench(days: list[date], profile_stage: str | None, workdir: Path) -> list[tuple[date, str, dict]]:
    rows = []
    for day in days:
        for stage in STAGES:
            profile = workdir / f"{stage}-{day}.prof" if stage == profile_stage else None
            report = child(stage, day, profile)
            rows.append((day, stage, report))
            counts = " ".join(f"{k}={v}" for k, v in report["counts"].items())
            print(
                f"{day} {stage:17} {report['seconds']:8.2f} s  cpu {report['cpu']:8.2f} s  peak RSS "
                f"{report['peak_rss_mb']:7.0f} MB (after imports {report['rss_after_import_mb']:.0f})  {counts}",
                flush=True,
            )
            if profile:
                print_profile(profile)
    return rows


def print_summary(rows: list[tuple[date, str, dict]], days: list[date]) -> None:
    """Totals per stage, and each stage's first and last day (does a stage slow down as the
    warehouse grows?). CPU seconds beside wall seconds: on a shared machine wall time is mostly
    waiting for a core."""
    print("\nstage             wall s  cpu s   cpu s/day first -> last   max peak RSS MB")
    for stage in STAGES:
        mine = [report for _, name, report in rows if name == stage]
        print(
            f"{stage:17} {sum(r['seconds'] for r in mine):6.1f} {sum(r['cpu'] for r in mine):6.1f}   "
            f"{mine[0]['cpu']:8.2f} -> {mine[-1]['cpu']:8.2f}        {max(r['peak_rss_mb'] for r in mine):6.0f}"
        )
    wall, cpu = sum(r["seconds"] for _, _, r in rows), sum(r["cpu"] for _, _, r in rows)
    articles = sum(r["counts"].get("selected", 0) for _, name, r in rows if name == "ingest")
    print(
        f"all stages: {articles:,} articles over {len(days)} day(s) in {wall:.1f} s wall "
        f"({articles / wall:,.0f} articles/s), {cpu:.1f} s CPU ({articles / cpu:,.0f} articles per CPU second)"
    )


def child_main(argv: list[str]) -> int:
    """``--child STAGE DAY [--profile-file PATH]``: kept apart so a stage's process imports
    nothing the stage would not (the generator pulls in spaCy)."""
    p = argparse.ArgumentParser()
    p.add_argument("--child", nargs=2, metavar=("STAGE", "DAY"), required=True)
    p.add_argument("--profile-file", type=Path)
    args = p.parse_args(argv)
    stage, day = args.child
    print(json.dumps(run_stage(stage, date.fromisoformat(day), args.profile_file)))
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
    p.add_argument("--profile", choices=STAGES, help="run this stage under cProfile")
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
    print(f"landing {landing}, data {workdir / 'data'}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    rows = bench(args.days, args.profile, workdir)
    print_summary(rows, args.days)
    return 0


if __name__ == "__main__":
    sys.exit(main())
