"""The pipeline's stages, in order: the one list the DAG, the CLI, the benches and Airflow's
local settings read, so adding or reordering a stage happens here only.

A sharded stage runs once per shard of a day (``run(StageRun, settings)``, a mapped task in the
DAG); a whole-day stage runs once (``run(day, settings)``). A whole-day stage whose counts hold
``shards`` (ingest, dedupe) fans out: its result lists one envelope per shard for the next
sharded stage. Every result carries the envelope, ``seconds`` and the process's ``peak_rss_mb``
so task logs and XCom show what each task instance cost.
"""

from __future__ import annotations

import importlib
import json
import os
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import ModuleType

from engagement.config import Settings
from engagement.staging import StageRun

# Keys of a result that are for machines (envelopes), left out of the one-line summary.
_ENVELOPE_KEYS = ("runs",)


class PermanentFailure(RuntimeError):
    """A stage failure no retry can fix (a load that would lose articles, failed data-quality
    checks): the data needs a person, so the DAG fails the task at once instead of retrying it."""


@dataclass(frozen=True)
class Stage:
    name: str
    module: str
    sharded: bool = False
    writes_warehouse: bool = False

    def load(self) -> ModuleType:
        return importlib.import_module(self.module)


STAGES: tuple[Stage, ...] = (
    Stage("ingest", "engagement.ingest"),
    Stage("clean", "engagement.clean", sharded=True),
    Stage("dedupe", "engagement.dedupe"),
    Stage("extract_entities", "engagement.extract_entities", sharded=True),
    Stage("detect_events", "engagement.detect_events", sharded=True),
    Stage("aggregate", "engagement.aggregate", writes_warehouse=True),
    Stage("check", "engagement.check", writes_warehouse=True),
    Stage("publish", "engagement.publish", writes_warehouse=True),
)


def stage_named(name: str) -> Stage:
    for stage in STAGES:
        if stage.name == name:
            return stage
    raise KeyError(f"no stage {name!r}; stages are {', '.join(s.name for s in STAGES)}")


def peak_rss_mb() -> float:
    """This process's peak resident set size so far (Linux reports kilobytes)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def yield_to_warehouse(stage: Stage, settings: Settings) -> None:
    """In a task process of a sharded stage, lower the CPU priority to niceness ``nlp_niceness``
    (never raise it): the DuckDB stages run one at a time across all days in flight, so on a busy
    machine they are the critical path and should not wait for cores behind NLP shards. Setting a
    level rather than adding to it keeps a process that runs several tasks (``dag.test()`` runs
    them in its own) at that level."""
    if stage.sharded and settings.nlp_niceness > 0:
        current = os.getpriority(os.PRIO_PROCESS, 0)
        os.setpriority(os.PRIO_PROCESS, 0, max(current, settings.nlp_niceness))


def run_stage(stage: Stage, stage_run: StageRun, settings: Settings) -> dict:
    """Run one stage for one shard (sharded) or the whole day; its counts with the envelope."""
    module = stage.load()
    started, cpu = time.perf_counter(), time.process_time()
    counts = module.run(stage_run, settings) if stage.sharded else module.run(stage_run.day, settings)
    envelope = stage_run.to_dict() if stage.sharded else {"day": stage_run.day.isoformat()}
    result = {**envelope, **counts}
    if not stage.sharded and "shards" in counts:
        result["runs"] = [run.to_dict() for run in StageRun(stage_run.day, 0, counts["shards"]).runs()]
    result["seconds"] = round(time.perf_counter() - started, 3)
    result["cpu_seconds"] = round(time.process_time() - cpu, 3)
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def summary(stage: Stage, result: dict) -> str:
    """One readable line for a task log or the terminal."""
    shard = f"[{result['shard']}/{result['shards']}]" if stage.sharded else ""
    shown = {key: value for key, value in result.items() if key not in _ENVELOPE_KEYS}
    return f"{result['day']} {stage.name}{shard}: {json.dumps(shown, ensure_ascii=False, default=str)}"


def run_day(day: date, settings: Settings, report: Callable[[Stage, dict], None]) -> None:
    """Every stage for ``day`` in this process, each sharded stage once per shard in turn."""
    shards = 1
    for stage in STAGES:
        if stage.sharded:
            for stage_run in StageRun(day, 0, shards).runs():
                report(stage, run_stage(stage, stage_run, settings))
            continue
        result = run_stage(stage, StageRun(day, 0, shards), settings)
        shards = result.get("shards", shards)
        report(stage, result)
