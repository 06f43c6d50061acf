"""A real Airflow 3 (api-server, scheduler, dag-processor) for the backfill test and benchmark.

The three components run as separate processes with a fresh PostgreSQL database, the way a
deployment runs: with the LocalExecutor, or with the CeleryExecutor and the worker processes
passed in. SQLite cannot stand in: creating a backfill while the scheduler runs failed with
"database is locked" and then killed the scheduler. Each process starts in its own session and
is stopped by process group; task processes, which Airflow puts in groups of their own, are
found beforehand and killed too, so nothing outlives a failed test.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import httpx
import psutil
import psycopg2
from psycopg2 import sql
from sqlalchemy.engine import make_url

from tests.integration.airflow_runs import POOLS_FILE, airflow, airflow_env

PG_URL_ENV = "ENGAGEMENT_TEST_PG_URL"
DAG_ID = "bilateral_engagement"
COMPONENTS = ("api-server", "scheduler", "dag-processor")
FINISHED = {"success", "failed"}


def postgres_server_url() -> str:
    """The PostgreSQL server the stack's databases are made on; skips the test when none is set."""
    import pytest

    server_url = os.environ.get(PG_URL_ENV)
    if not server_url:
        pytest.skip(f"{PG_URL_ENV} is not set: scripts/test.sh starts PostgreSQL (scripts/postgres.sh) and sets it")
    return server_url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A new empty database on the server of ``server_url`` (dropped afterwards); yields its URL.

    A database per run means no backfill, run or pool from an earlier run is ever seen. The role
    in ``server_url`` needs CREATEDB.
    """
    url = make_url(server_url)
    name = f"airflow_test_{os.getpid()}_{secrets.token_hex(3)}"
    admin = psycopg2.connect(
        host=url.host, port=url.port, user=url.username, password=url.password, dbname=url.database
    )
    admin.autocommit = True
    try:
        with admin.cursor() as cur:
            try:
                cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            except psycopg2.errors.InsufficientPrivilege as error:
                raise RuntimeError(
                    f"role {url.username!r} may not create databases; grant it: ALTER ROLE {url.username} CREATEDB"
                ) from error
        try:
            yield url.set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.cursor() as cur:
                cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    finally:
        admin.close()


class AirflowStack:
    """Starts, queries and stops one Airflow whose logs and settings live under ``home``."""

    def __init__(
        self,
        env: dict[str, str],
        home: Path,
        port: int,
        components: tuple[str, ...] = COMPONENTS,
        workers: Mapping[str, tuple[str, ...]] | None = None,
    ):
        self.env = env
        self.home = home
        # Log name -> airflow arguments; a worker needs a name of its own (two may share a command).
        self.commands = {component: (component,) for component in components} | dict(workers or {})
        self.base_url = f"http://127.0.0.1:{port}"
        self.processes: dict[str, subprocess.Popen] = {}
        self.client = httpx.Client(base_url=f"{self.base_url}/api/v2", timeout=30)

    def airflow(self, *args: str, timeout: int = 300) -> subprocess.CompletedProcess:
        """An ``airflow`` CLI command against this stack; failure shows the command's output."""
        try:
            return airflow(self.env, *args, timeout=timeout)
        except subprocess.CalledProcessError as error:
            raise AssertionError(
                f"airflow {' '.join(args)} exited with {error.returncode}\n"
                f"{error.stdout[-2000:]}\n{error.stderr[-4000:]}"
            ) from None

    def log_path(self, component: str) -> Path:
        return self.home / f"{component}.log"

    def log_tail(self, component: str = "scheduler", lines: int = 40) -> str:
        text = self.log_path(component).read_text(encoding="utf-8", errors="replace")
        return f"--- last {lines} lines of {component}.log ---\n" + "\n".join(text.splitlines()[-lines:])

    def start(self, timeout: float = 180) -> None:
        """Start every component and worker and wait until the api-server answers."""
        executable = Path(sys.executable).parent / "airflow"
        for name, arguments in self.commands.items():
            with self.log_path(name).open("w") as log:
                self.processes[name] = subprocess.Popen(
                    [str(executable), *arguments],
                    env=self.env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
        self._wait(lambda: self._healthy(), timeout, "the api-server to answer", "api-server")

    def stop(self, grace: float = 20) -> None:
        """SIGTERM every component's process group, then SIGKILL whatever is left."""
        self.client.close()
        started = [p for p in self.processes.values() if p.poll() is None]
        descendants = [c for p in started for c in _children(p.pid)]
        for proc in started:
            _signal_group(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for proc in started:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            _signal_group(proc.pid, signal.SIGKILL)
            proc.wait()
        for child in descendants:
            if child.is_running():
                child.kill()
        self.processes.clear()

    def _healthy(self) -> bool:
        self._check_alive()
        try:
            return httpx.get(f"{self.base_url}/api/v2/monitor/health", timeout=5).status_code == 200
        except httpx.TransportError:
            return False

    def _check_alive(self) -> None:
        for component, proc in self.processes.items():
            if proc.poll() is not None:
                raise AssertionError(f"airflow {component} exited with {proc.returncode}\n{self.log_tail(component)}")

    def _wait(self, ready, timeout: float, what: str, component: str = "scheduler", every: float = 2):
        deadline = time.monotonic() + timeout
        while True:
            result = ready()
            if result:
                return result
            if time.monotonic() > deadline:
                tail = self.log_tail(component)
                raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}\n{tail}")
            time.sleep(every)

    def unpause(self, dag_id: str = DAG_ID, timeout: float = 180) -> None:
        """Unpause the DAG once the dag-processor has parsed it into the database."""

        def parsed() -> bool:
            self._check_alive()
            return self.client.get(f"/dags/{dag_id}").status_code == 200

        self._wait(parsed, timeout, f"the dag-processor to parse {dag_id}", "dag-processor")
        self.client.patch(f"/dags/{dag_id}", json={"is_paused": False}).raise_for_status()

    def backfill(self, first: date, last: date, *options: str, dag_id: str = DAG_ID) -> None:
        """``airflow backfill create`` for the days ``first``..``last`` (inclusive)."""
        self.airflow(
            "backfill",
            "create",
            "--dag-id",
            dag_id,
            "--from-date",
            first.isoformat(),
            "--to-date",
            last.isoformat(),
            *options,
        )

    def _every(self, path: str, key: str, **params: str) -> list[dict]:
        """All records of a list endpoint; the API returns at most 100 per request."""
        found: list[dict] = []
        while True:
            response = self.client.get(path, params={**params, "limit": 100, "offset": len(found)})
            response.raise_for_status()
            page = response.json()[key]
            if not page:
                return found
            found += page

    def run_states(self, dag_id: str = DAG_ID) -> dict[date, str]:
        """State of every run of the DAG, by the day it processes (its logical date)."""
        return {
            datetime.fromisoformat(run["logical_date"]).date(): run["state"]
            for run in self._every(f"/dags/{dag_id}/dagRuns", "dag_runs", order_by="id")
        }

    def task_instances(self, dag_id: str = DAG_ID) -> list[dict]:
        """Every task instance of every run of the DAG (REST API records, with timings)."""
        return self._every(f"/dags/{dag_id}/dagRuns/~/taskInstances", "task_instances", order_by="id")

    def backfill_open(self, dag_id: str = DAG_ID) -> bool:
        """Whether a backfill of the DAG is still open; only one may be, so the next one waits."""
        backfills = self._every("/backfills", "backfills", dag_id=dag_id)
        return any(backfill["completed_at"] is None for backfill in backfills)

    def wait_for_backfill(self, days: list[date], timeout: float, dag_id: str = DAG_ID) -> dict[date, str]:
        """Wait until every day's run has finished and the scheduler has closed the backfill.

        Returns the states of those days' runs.
        """

        def finished() -> dict[date, str] | None:
            self._check_alive()
            states = self.run_states(dag_id)
            mine = {day: states.get(day) for day in days}
            done = all(state in FINISHED for state in mine.values()) and not self.backfill_open(dag_id)
            return mine if done else None

        # Each poll pages through every run of the DAG on the api-server, which shares the cores
        # with the tasks: a long backfill (a benchmark's year) is polled less often.
        every = 3 if len(days) <= 20 else 15
        return self._wait(finished, timeout, f"the backfill of {len(days)} day(s) of {dag_id}", every=every)


def _children(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _signal_group(pid: int, sig: signal.Signals) -> None:
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass


@contextmanager
def airflow_stack(
    root: Path,
    server_url: str,
    landing_dir: Path,
    data_dir: Path,
    components: tuple[str, ...] = COMPONENTS,
    workers: Mapping[str, tuple[str, ...]] | None = None,
    **settings: str,
) -> Iterator[AirflowStack]:
    """A running Airflow on a fresh database, stopped and dropped on exit (even on failure).

    ``components`` to start (all three by default; the UI tests need only the api-server);
    ``workers`` are further processes by log name, e.g. Celery workers with their queues;
    ``settings`` are extra environment variables (e.g. scheduler tuning, another dags folder).
    """
    port = free_port()
    home = root / "airflow"
    home.mkdir(parents=True, exist_ok=True)
    with fresh_database(server_url) as db_url:
        defaults = {
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": db_url,
            "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
            "AIRFLOW__CORE__MAX_ACTIVE_TASKS_PER_DAG": "4",
            "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
            "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS": "True",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
            # Where Celery workers report task states, as in docker-compose (unused by LocalExecutor).
            "AIRFLOW__CELERY__RESULT_BACKEND": f"db+{db_url}",
            "AIRFLOW__API__HOST": "127.0.0.1",
            "AIRFLOW__API__PORT": str(port),
            "AIRFLOW__API__WORKERS": "1",
            "AIRFLOW__API__SECRET_KEY": secrets.token_hex(16),
            "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_hex(16),
        }
        env = airflow_env(home, data_dir, landing_dir, **{**defaults, **settings})
        stack = AirflowStack(env, home, port, components, workers)
        try:
            stack.airflow("db", "migrate")
            stack.airflow("pools", "import", str(POOLS_FILE))
            stack.start()
            yield stack
        finally:
            stack.stop()
