"""The demo's runs read well through a real api-server, and its door is locked.

After the demo every run has a run id naming its day, the interval [D, D+1), a duration of
seconds and, for every task that ran, a log with the stage's counts line, all read through the
REST API as the UI reads them. Anonymous calls get 401, the viewer may read but not trigger,
the admin may trigger; the engagement view answers only to a logged-in user.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta

import duckdb
import pytest
from engagement.config import load_settings
from engagement.ingest import landing_days
from engagement.stages import STAGES as PIPELINE

from tests.conftest import REPO
from tests.integration.ui_stack import DEMO_CORPUS, local_settings

pytestmark = pytest.mark.integration

DAG = "/api/v2/dags/bilateral_engagement"
# The counts line each task logs (dags/bilateral_engagement.py, _log_counts): "<stage> <day>: {...}".
STAGES = ("list_sources", *(stage.name for stage in PIPELINE))


def demo_days(monkeypatch) -> list[date]:
    monkeypatch.setenv("ENGAGEMENT_LANDING_DIR", str(DEMO_CORPUS))
    return landing_days(load_settings())


def demo_runs(admin) -> dict[date, dict]:
    response = admin.get(f"{DAG}/dagRuns", params={"limit": 100, "order_by": "logical_date"})
    response.raise_for_status()
    runs = response.json()["dag_runs"]
    return {datetime.fromisoformat(run["logical_date"]).date(): run for run in runs if run["run_type"] == "manual"}


def test_every_demo_run_names_its_day_covers_it_and_took_seconds(demo_stack, monkeypatch):
    days = demo_days(monkeypatch)
    with demo_stack.client("admin") as admin:
        runs = demo_runs(admin)
    assert len(days) == 22 and set(days) <= set(runs)
    for day in days:
        run = runs[day]
        assert run["state"] == "success"
        assert run["dag_run_id"] == f"manual__{day.isoformat()}T00:00:00+00:00"
        start = datetime.fromisoformat(run["data_interval_start"])
        assert (start.date(), datetime.fromisoformat(run["data_interval_end"]) - start) == (day, timedelta(days=1))
        duration = datetime.fromisoformat(run["end_date"]) - datetime.fromisoformat(run["start_date"])
        assert timedelta(0) < duration < timedelta(minutes=10), (day, duration)


def test_every_task_of_every_demo_run_logs_its_counts(demo_stack, monkeypatch):
    days = demo_days(monkeypatch)
    with demo_stack.client("admin") as admin:
        runs = demo_runs(admin)
        for day in days:
            run_id = runs[day]["dag_run_id"]
            tis = admin.get(f"{DAG}/dagRuns/{run_id}/taskInstances").json()["task_instances"]
            ran = [ti for ti in tis if ti["state"] == "success"]
            assert {ti["task_id"] for ti in ran} == set(STAGES), (day, {ti["task_id"]: ti["state"] for ti in tis})
            for ti in ran:
                task_id = ti["task_id"]
                log = admin.get(
                    f"{DAG}/dagRuns/{run_id}/taskInstances/{task_id}/logs/{ti['try_number']}",
                    params={"map_index": ti["map_index"]},
                )
                assert log.status_code == 200, (day, task_id, log.text[:300])
                events = [line.get("event", "") for line in log.json()["content"]]
                counts = [e for e in events if e.startswith(f"{task_id} {day.isoformat()}: {{")]
                assert len(counts) == 1, (day, task_id, events)
                if task_id == "ingest":
                    assert "'selected': " in counts[0] and "'quarantined': " in counts[0]


def test_ingest_log_counts_match_the_warehouse(demo_stack, monkeypatch):
    day = demo_days(monkeypatch)[0]
    with demo_stack.client("viewer") as viewer:
        run_id = demo_runs(viewer)[day]["dag_run_id"]
        log = viewer.get(f"{DAG}/dagRuns/{run_id}/taskInstances/aggregate/logs/1").json()["content"]
    line = next(entry["event"] for entry in log if entry.get("event", "").startswith(f"aggregate {day}"))
    with duckdb.connect(str(demo_stack.published), read_only=True) as con:
        articles = con.execute("SELECT count(*) FROM core.articles WHERE day = ?", [day]).fetchone()[0]
    assert f"'articles': {articles}," in line


def test_anonymous_calls_get_401(demo_stack):
    with demo_stack.client() as anonymous:
        assert anonymous.get("/api/v2/dags").status_code == 401
        assert anonymous.post(f"{DAG}/dagRuns", json={"logical_date": None}).status_code == 401
        assert anonymous.get("/engagement/").status_code == 401
        assert anonymous.get("/engagement/api/overview").status_code == 401
        assert anonymous.get("/engagement/static/vendor/chart.umd.min.js").status_code == 401
        wrong = anonymous.post("/auth/token", json={"username": "admin", "password": "admin"})
        assert wrong.status_code == 401


def test_viewer_reads_but_cannot_trigger(demo_stack):
    with demo_stack.client("viewer") as viewer:
        assert viewer.get(DAG).status_code == 200
        assert viewer.get("/engagement/api/partners", params={"country": "IND"}).status_code == 200
        refused = viewer.post(f"{DAG}/dagRuns", json={"logical_date": "2025-12-02T00:00:00Z"})
        assert refused.status_code == 403, refused.text
        assert viewer.patch(DAG, json={"is_paused": False}).status_code == 403


def test_admin_can_trigger(demo_stack):
    with demo_stack.client("admin") as admin:
        created = admin.post(f"{DAG}/dagRuns", json={"logical_date": "2025-12-01T00:00:00Z"})
        assert created.status_code == 200, created.text
        run_id = created.json()["dag_run_id"]
        assert run_id.startswith("manual__")
        assert admin.get(f"{DAG}/dagRuns/{run_id}").json()["state"] == "queued"


def test_api_server_listens_on_loopback_only(demo_stack):
    assert demo_stack.airflow.env["AIRFLOW__API__HOST"] == "127.0.0.1"
    out = subprocess.run(["ss", "-ltnp"], capture_output=True, text=True).stdout
    port = demo_stack.base_url.rsplit(":", 1)[1]
    listening = [line.split()[3] for line in out.splitlines()[1:] if line.split()[3].endswith(f":{port}")]
    assert listening == [f"127.0.0.1:{port}"]


def test_asset_uri_is_the_published_file(demo_stack):
    with demo_stack.client("viewer") as viewer:
        assets = viewer.get("/api/v2/assets").json()["assets"]
    assert demo_stack.published.as_uri() in [asset["uri"] for asset in assets]


def test_a_run_links_to_its_days_counts(demo_stack, monkeypatch):
    day = demo_days(monkeypatch)[-1]
    with demo_stack.client("admin") as admin:
        run_id = demo_runs(admin)[day]["dag_run_id"]
        plugins = admin.get("/api/v2/plugins").json()["plugins"]
        tab = next(v for p in plugins for v in p["external_views"] if v["destination"] == "dag_run")
        href = tab["href"].replace("{DAG_ID}", "bilateral_engagement").replace("{RUN_ID}", run_id)
        redirect = admin.get(href)
        assert redirect.status_code == 307 and redirect.headers["location"] == f"/engagement/?day={day}"
        counts = admin.get(f"/engagement/api/day/{day}").json()["counts"]
    with duckdb.connect(str(demo_stack.published), read_only=True) as con:
        articles = con.execute("SELECT count(*) FROM core.articles WHERE day = ?", [day]).fetchone()[0]
    assert counts["articles"] == articles > 0


def test_local_setup_prints_passwords_once_and_keeps_them_private(tmp_path):
    """scripts/airflow_users.py with the settings of scripts/airflow_env.sh, as the demo runs it."""
    env = local_settings(tmp_path / "airflow")
    script = [sys.executable, str(REPO / "scripts" / "airflow_users.py")]
    first = subprocess.run(script, env=env, capture_output=True, text=True, check=True).stdout
    second = subprocess.run(script, env=env, capture_output=True, text=True, check=True).stdout
    passwords_file = tmp_path / "airflow" / "simple_auth_manager_passwords.json.generated"
    passwords = json.loads(passwords_file.read_text())
    assert set(passwords) == {"admin", "viewer"} and all(len(p) >= 16 for p in passwords.values())
    for user, password in passwords.items():
        assert f"Password for user '{user}': {password}" in first
        assert password not in second
    assert f"passwords in {passwords_file}" in second
    assert passwords_file.stat().st_mode & 0o777 == 0o600
    assert env["AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS"] == "False"
