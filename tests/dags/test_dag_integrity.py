"""Every DAG imports cleanly, is documented and retried, and does no heavy work at import time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from engagement.stages import STAGES

from tests.conftest import REPO

PIPELINE = [stage.name for stage in STAGES]
EXPECTED_TASKS = ["list_sources", "fetch", *PIPELINE]


@pytest.fixture(scope="module")
def dagbag():
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=REPO / "dags", safe_mode=False)


def test_dags_import_without_errors(dagbag):
    assert dagbag.import_errors == {}
    assert "bilateral_engagement" in dagbag.dag_ids


def test_every_dag_has_tags_docs_and_retries(dagbag):
    for dag_id in dagbag.dag_ids:
        dag = dagbag.dags[dag_id]
        assert dag.tags, dag_id
        assert dag.doc_md and "bilateral_engagement" in dag.doc_md
        for t in dag.tasks:
            assert t.retries >= 2, t.task_id
            assert t.retry_delay >= timedelta(seconds=10), t.task_id


def test_pipeline_shape(dagbag):
    dag = dagbag.dags["bilateral_engagement"]
    assert sorted(t.task_id for t in dag.tasks) == sorted(EXPECTED_TASKS)
    for upstream, downstream in zip(PIPELINE, PIPELINE[1:], strict=False):
        assert dag.get_task(downstream).upstream_task_ids == {upstream}
    writers = {t.task_id for t in dag.tasks if t.pool == "duckdb_writer"}
    assert {t.task_id for t in dag.tasks if t.pool == "landing_scan"} == {"ingest"}
    pools = json.loads((REPO / "include" / "config" / "pools.json").read_text())
    assert {t.pool for t in dag.tasks} - {"default_pool"} == set(pools) == {"duckdb_writer", "landing_scan"}
    assert all(pool["slots"] == 1 for pool in pools.values())
    assert writers == {stage.name for stage in STAGES if stage.writes_warehouse} == {"aggregate", "check", "publish"}
    mapped = {t.task_id for t in dag.tasks if t.task_id in PIPELINE and getattr(t, "is_mapped", False)}
    assert mapped == {stage.name for stage in STAGES if stage.sharded}
    queues = {t.task_id: t.queue for t in dag.tasks}
    assert queues == {task_id: "duckdb" if task_id in writers else "default" for task_id in EXPECTED_TASKS}
    assert dag.catchup is False
    assert dag.max_active_runs >= 1


def test_schedule_gives_real_daily_intervals(dagbag):
    """Airflow 3's plain @daily has zero-width intervals; ours must cover a whole UTC day."""
    from airflow.serialization.encoders import coerce_to_core_timetable
    from airflow.timetables.base import DataInterval, TimeRestriction
    from engagement.partitions import day_of_run, day_window

    dag = dagbag.dags["bilateral_engagement"]
    timetable = coerce_to_core_timetable(dag.timetable)
    last = DataInterval(datetime(2025, 11, 16, tzinfo=UTC), datetime(2025, 11, 17, tzinfo=UTC))
    info = timetable.next_dagrun_info(
        last_automated_data_interval=last,
        restriction=TimeRestriction(earliest=None, latest=None, catchup=True),
    )
    start, end = info.data_interval.start, info.data_interval.end
    assert (start, end) == (datetime(2025, 11, 17, tzinfo=UTC), datetime(2025, 11, 18, tzinfo=UTC))
    assert info.logical_date == start
    day = day_of_run(info.logical_date)
    assert day_window(day) == (start, end)


def test_dag_file_import_is_light():
    """Parsing the DAG must not load spaCy, polars, DuckDB or the knowledge base."""
    code = (
        "import runpy, sys; runpy.run_path('dags/bilateral_engagement.py');"
        "heavy = [m for m in ('spacy', 'polars', 'duckdb', 'engagement.kb', 'engagement.nlp') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_publish_announces_the_reporting_asset(dagbag):
    """The asset names the file BI tools open (Settings' published_path), not a placeholder."""
    from engagement.config import load_settings

    publish = dagbag.dags["bilateral_engagement"].get_task("publish")
    published = load_settings().published_path
    assert [o.uri for o in publish.outlets] == [published.as_uri()]
    assert published.is_absolute() and published.name == "engagement_reporting.duckdb"


def test_duckdb_queue_name_comes_from_the_settings():
    """A deployment sharing its broker renames the queue in one place: the dag-processor's env."""
    code = (
        "import runpy; dag = runpy.run_path('dags/bilateral_engagement.py')['bilateral_engagement']();"
        "print(sorted((t.task_id, t.queue) for t in dag.tasks if t.pool == 'duckdb_writer'))"
    )
    env = {**os.environ, "ENGAGEMENT_DUCKDB_QUEUE": "engagement-warehouse"}
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    queued = [(task_id, "engagement-warehouse") for task_id in ("aggregate", "check", "publish")]
    assert out.stdout.strip() == str(queued)


def _dag_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bilateral_engagement_under_test", REPO / "dags" / "bilateral_engagement.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_failure_no_retry_can_fix_fails_the_task_at_once(monkeypatch):
    """A load that would lose articles fails without the DAG's two retries; a locked warehouse
    (another process holds it: it may let go) is left to the retries."""
    from airflow.sdk.exceptions import AirflowFailException
    from engagement import stages
    from engagement.warehouse.connect import WarehouseLocked
    from engagement.warehouse.shrink import ShrinkError

    dag_module = _dag_module()
    for raised, expected in (
        (ShrinkError("2 articles would be lost"), AirflowFailException),
        (WarehouseLocked("PID 7"), WarehouseLocked),
    ):

        def failing(*_args, error=raised):
            raise error

        monkeypatch.setattr(stages, "run_stage", failing)
        with pytest.raises(expected, match=str(raised)):
            dag_module._run_stage("aggregate", {"day": "2025-11-01"})
