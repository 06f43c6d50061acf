"""A real Superset (bi/.venv, pinned by bi/requirements.txt) on loopback serves the dashboard of
bi/dashboard/ from the demo's published DuckDB file, and every chart's data fetched through its
REST API equals the same numbers read with DuckDB directly (and, where one exists, with the
reporting macro that answers the same question)."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest
import requests

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
BI_PYTHON = REPO / "bi" / ".venv" / "bin" / "python"
DASHBOARD_SLUG = "bilateral-engagement"
ADMIN = ("admin", secrets.token_urlsafe(12))
START_TIMEOUT = 180  # seconds for `superset run` to answer /health; ~20 s measured on 2 busy cores
WHOLE_TIME = ("0001-01-01", "9999-12-31")

# Each chart's numbers as DuckDB gives them, queried on the published file.
EXPECTED = {
    "Partners of India: cooperation vs conflict (events that took place)": (
        "SELECT partner, cooperation, conflict"
        f" FROM reporting.country_partners_between('ind', '{WHOLE_TIME[0]}', '{WHOLE_TIME[1]}')"
    ),
    "India and Russia, month by month": (
        "SELECT period AS month, cooperation, conflict"
        f" FROM reporting.pair_timeline('IND', 'RUS', '{WHOLE_TIME[0]}', '{WHOLE_TIME[1]}', grain := 'month')"
    ),
    "Cooperation and conflict per month, all pairs": (
        "SELECT month, sum(cooperation), sum(conflict) FROM reporting.country_partner_monthly"
        " WHERE country < partner GROUP BY month"
    ),
    "Upcoming engagements (from today)": (
        "SELECT event_id, date_start, pair, forum, status, expected_date, level, days_until, evidence_text"
        " FROM reporting.upcoming_engagements"
    ),
    "Events with their evidence": (
        "SELECT event_id, date_start, event_date, pair, cameo, cameo_name, status, level, forum, evidence_text,"
        " article_title, article_source, article_url, mentions FROM reporting.events_with_evidence"
        " ORDER BY date_start DESC, event_id LIMIT 200"
    ),
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def superset_url(tmp_path_factory, demo_published):
    """Superset set up by bi/setup_superset.py and served by `superset run` on a free loopback port."""
    if not BI_PYTHON.exists():
        pytest.skip("bi/.venv is not installed: run `bash bi/install.sh` (scripts/test.sh does)")
    home = tmp_path_factory.mktemp("superset_home")
    env = {
        **os.environ,
        "SUPERSET_HOME": str(home),
        "SUPERSET_CONFIG_PATH": str(REPO / "bi" / "superset_config.py"),
        "SUPERSET_SECRET_KEY": secrets.token_hex(32),
        "SUPERSET_ADMIN_PASSWORD": ADMIN[1],
        "FLASK_APP": "superset",
    }
    env.pop("VIRTUAL_ENV", None)
    setup = subprocess.run(
        [
            str(BI_PYTHON),
            str(REPO / "bi" / "setup_superset.py"),
            "--duckdb",
            str(demo_published),
            "--admin-user",
            ADMIN[0],
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert setup.returncode == 0, setup.stdout[-3000:] + setup.stderr[-3000:]
    port = free_port()
    log = (home / "superset.log").open("w")
    server = subprocess.Popen(
        [str(BI_PYTHON.with_name("superset")), "run", "-h", "127.0.0.1", "-p", str(port), "--with-threads"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                if requests.get(f"{url}/health", timeout=5).text == "OK":
                    break
            except requests.ConnectionError:
                pass
            assert server.poll() is None, (home / "superset.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "Superset did not answer /health in time"
            time.sleep(1)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def api(superset_url) -> requests.Session:
    session = requests.Session()
    login = session.post(
        f"{superset_url}/api/v1/security/login",
        json={"username": ADMIN[0], "password": ADMIN[1], "provider": "db"},
        timeout=30,
    )
    login.raise_for_status()
    session.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
    return session


def normalise(value):
    """Superset sends DATE columns as epoch milliseconds (UTC midnight); DuckDB gives dates."""
    if isinstance(value, int | float) and abs(value) > 10**11 and value == int(value):
        return datetime.fromtimestamp(value / 1000, tz=UTC).date()
    return value


def test_every_chart_of_the_dashboard_shows_duckdbs_numbers(superset_url, api, demo_published):
    charts = api.get(f"{superset_url}/api/v1/dashboard/{DASHBOARD_SLUG}/charts", timeout=30)
    charts.raise_for_status()
    names = {chart["slice_name"]: chart["id"] for chart in charts.json()["result"]}
    assert set(names) == set(EXPECTED)
    with duckdb.connect(str(demo_published), read_only=True) as con:
        for name, sql in EXPECTED.items():
            response = api.get(f"{superset_url}/api/v1/chart/{names[name]}/data/", timeout=120)
            assert response.status_code == 200, f"{name}: {response.text[:500]}"
            [result] = response.json()["result"]
            served = sorted(tuple(normalise(v) for v in row.values()) for row in result["data"])
            expected = sorted(tuple(normalise(v) for v in row) for row in con.execute(sql).fetchall())
            assert served == expected, name
            print(f"superset chart {names[name]} '{name}': {len(served)} rows = DuckDB's", flush=True)
            assert len(served) > 0 or name.startswith("Upcoming"), f"{name}: no data on the demo file"


def test_dashboard_is_the_one_kept_in_the_repository(superset_url, api):
    dashboard = api.get(f"{superset_url}/api/v1/dashboard/{DASHBOARD_SLUG}", timeout=30)
    dashboard.raise_for_status()
    result = dashboard.json()["result"]
    assert result["dashboard_title"] == "Bilateral engagement"
    database = api.get(f"{superset_url}/api/v1/database/", timeout=30).json()["result"]
    assert [db["database_name"] for db in database] == ["engagement_reporting"]
