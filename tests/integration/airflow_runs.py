"""Helpers for tests that run the DAG through Airflow in a separate, fully configured process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.conftest import REPO

AIRFLOW_TUNING = REPO / "include" / "config" / "airflow.env"
POOLS_FILE = REPO / "include" / "config" / "pools.json"  # `airflow pools import` it after `db migrate`


def airflow_tuning(path: Path = AIRFLOW_TUNING) -> dict[str, str]:
    """The project's shared Airflow settings (KEY=VALUE lines), as the scripts and Docker use them."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def airflow_env(home: Path, data_dir: Path, landing_dir: Path, **extra: str) -> dict[str, str]:
    """Environment for an isolated Airflow (SQLite under ``home``) and pipeline data folder."""
    env = {
        **os.environ,
        **airflow_tuning(),
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(REPO / "dags"),
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(REPO / "plugins"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "ENGAGEMENT_DATA_DIR": str(data_dir),
        "ENGAGEMENT_LANDING_DIR": str(landing_dir),
        "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}",
    }
    env.update(extra)
    return env


def airflow(env: dict[str, str], *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(Path(sys.executable).parent / "airflow"), *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )


def run_days(env: dict[str, str], *days: str, timeout: int = 900) -> subprocess.CompletedProcess:
    """Run the DAG with dag.test() for each day; fails the test with Airflow's output on error."""
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "run_dag_days.py"), *days],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert proc.returncode == 0, f"DAG runs failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
    return proc


def table_checksums(path: Path) -> dict[str, tuple[int, int]]:
    """(row count, order-independent hash sum) of every table and view in a DuckDB file."""
    with duckdb.connect(str(path), read_only=True) as con:
        names = con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() "
            "UNION ALL SELECT schema_name, view_name FROM duckdb_views() WHERE NOT internal "
            "ORDER BY 1, 2"
        ).fetchall()
        sums = {}
        for schema, name in names:
            if name in ("schema_migrations", "load_log", "reference_source"):
                continue  # records when migrations, loads and KB reloads ran, not pipeline data
            q = f'SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0) FROM "{schema}"."{name}" t'
            sums[f"{schema}.{name}"] = tuple(con.execute(q).fetchone())
        return sums
