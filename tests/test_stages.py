"""The stage registry's process settings: NLP shards yield the CPU to the DuckDB stages."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os

from engagement.stages import stage_named, yield_to_warehouse


def _niceness_after(stage_name: str, settings, queue) -> None:
    before = os.getpriority(os.PRIO_PROCESS, 0)
    yield_to_warehouse(stage_named(stage_name), settings)
    yield_to_warehouse(stage_named(stage_name), settings)  # a second task in the same process
    queue.put(os.getpriority(os.PRIO_PROCESS, 0) - before)


def niceness_added(stage_name: str, settings) -> int:
    """How much a fresh process (as a task is) raised its niceness for this stage."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_niceness_after, args=(stage_name, settings, queue))
    child.start()
    child.join(30)
    return queue.get(timeout=5)


def test_nlp_shards_lower_their_priority_and_the_duckdb_stages_keep_theirs(settings):
    assert [niceness_added(name, settings) for name in ("clean", "extract_entities", "detect_events")] == [10, 10, 10]
    assert [niceness_added(name, settings) for name in ("ingest", "dedupe", "aggregate", "check", "publish")] == [0] * 5
    assert niceness_added("detect_events", dataclasses.replace(settings, nlp_niceness=0)) == 0
