"""One demo day end to end on the CeleryExecutor: Redis as the broker and two workers, one per
queue, as docker-compose deploys them. The DuckDB tasks must run on the `duckdb` worker (the one
that owns the warehouse volume in compose) and every other task on the default worker."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

import duckdb
import pytest

from tests.integration.airflow_stack import AirflowStack, airflow_stack, postgres_server_url
from tests.integration.redis_server import redis_server
from tests.integration.ui_stack import DEMO_CORPUS

pytestmark = pytest.mark.integration

DAY = date(2025, 11, 3)  # the demo corpus's first day: one phone call, reported in Hindi and English
DAY_ARTICLES = {"demo-en-001", "demo-hi-001"}
DUCKDB_TASKS = {"aggregate", "check", "publish"}
RUN_TIMEOUT = 420  # seconds; the whole day's run on 2 busy cores
WORKERS = {
    "worker-default": ("celery", "worker", "--queues", "default", "--concurrency", "2"),
    "worker-duckdb": ("celery", "worker", "--queues", "duckdb", "--concurrency", "1"),
}


def _worker_arguments() -> dict[str, tuple[str, ...]]:
    """Each worker with a Celery name of its own; no log server (two would share its port)."""
    return {
        name: (*arguments, "--celery-hostname", f"{name}@%h", "--skip-serve-logs")
        for name, arguments in WORKERS.items()
    }


class CeleryRun(NamedTuple):
    """What the day's run left: run states by day, every task instance, each worker's log."""

    states: dict[date, str]
    task_instances: list[dict]
    worker_logs: dict[str, str]
    stack: AirflowStack
    data_dir: Path


@pytest.fixture(scope="module")
def celery_run(tmp_path_factory) -> CeleryRun:
    server_url = postgres_server_url()
    root = tmp_path_factory.mktemp("celery")
    with redis_server(root / "redis") as broker_url:
        celery = {"AIRFLOW__CORE__EXECUTOR": "CeleryExecutor", "AIRFLOW__CELERY__BROKER_URL": broker_url}
        data = root / "data"
        with airflow_stack(root, server_url, DEMO_CORPUS, data, workers=_worker_arguments(), **celery) as stack:
            stack.unpause()
            stack.backfill(DAY, DAY)
            states = stack.wait_for_backfill([DAY], timeout=RUN_TIMEOUT)
            logs = {name: stack.log_path(name).read_text(encoding="utf-8", errors="replace") for name in WORKERS}
            yield CeleryRun(states, stack.task_instances(), logs, stack, data)


def test_the_day_runs_to_success_on_celery(celery_run):
    tails = "\n".join(celery_run.stack.log_tail(name) for name in ("scheduler", *WORKERS))
    assert celery_run.states == {DAY: "success"}, f"{celery_run.states}\n{tails}"
    days_tasks = {ti["task_id"]: ti["state"] for ti in celery_run.task_instances if _day(ti) == DAY}
    pipeline = ("ingest", "clean", "extract_entities", "detect_events", "aggregate", "check")
    assert {task_id: days_tasks.get(task_id) for task_id in pipeline} == dict.fromkeys(pipeline, "success")
    # A backfill day may leave publishing to the scheduled run's pending publish, which copies it.
    publishes = [ti["state"] for ti in celery_run.task_instances if ti["task_id"] == "publish"]
    assert days_tasks["publish"] == "success" or (days_tasks["publish"] == "skipped" and "success" in publishes)
    published = celery_run.data_dir / "published" / "engagement_reporting.duckdb"
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM core.articles WHERE day = ?", [DAY]).fetchone()[0] > 0


def _day(task_instance: dict) -> date:
    return datetime.fromisoformat(task_instance["logical_date"]).date()


def test_duckdb_tasks_are_queued_for_and_run_by_the_duckdb_worker(celery_run):
    """Every run counts: unpausing also starts the DAG's latest scheduled day (no articles)."""
    for ti in celery_run.task_instances:
        expected = "duckdb" if ti["task_id"] in DUCKDB_TASKS else "default"
        assert ti["queue"] == expected, ti["task_id"]
    ran = [ti for ti in celery_run.task_instances if ti["state"] == "success"]
    for ti in ran:
        # The worker logs each workload it executes, with the task instance's id.
        runners = {name for name, log in celery_run.worker_logs.items() if ti["id"] in log}
        expected = "worker-duckdb" if ti["task_id"] in DUCKDB_TASKS else "worker-default"
        assert runners == {expected}, f"{ti['task_id']} ran on {runners or 'no worker'}"


def test_the_warehouse_holds_the_days_articles_and_event(celery_run):
    warehouse = celery_run.data_dir / "warehouse" / "engagement.duckdb"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        articles = con.execute("SELECT article_id FROM core.articles WHERE day = ?", [DAY]).fetchall()
        pairs = con.execute(
            "SELECT DISTINCT e.actor1, e.actor2 FROM core.event_mentions m JOIN core.events e USING (event_id) "
            "WHERE m.day = ?",
            [DAY],
        ).fetchall()
    assert {article_id for (article_id,) in articles} == DAY_ARTICLES
    assert ("IND", "USA") in pairs
