"""Session fixtures of the integration tests: the demo published by `engagement run`, and the
demo behind the local login on a real api-server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.airflow_runs import run_days
from tests.integration.airflow_stack import airflow_stack, postgres_server_url
from tests.integration.ui_stack import DEMO_CORPUS, DemoStack, auth_settings

DEMO_DAYS = ("2025-11-03", "2025-11-28")  # first and last day with articles in the demo corpus


@pytest.fixture(scope="session")
def demo_published(tmp_path_factory) -> Path:
    """The demo corpus run through every stage by `engagement run` (the functions the DAG's tasks
    call, ~35 s), published: the same file `scripts/demo.sh` leaves in data/published/."""
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    env = {**os.environ, "ENGAGEMENT_DATA_DIR": str(data_dir), "ENGAGEMENT_LANDING_DIR": str(DEMO_CORPUS)}
    engagement = Path(sys.executable).with_name("engagement")
    subprocess.run(
        [str(engagement), "run", "--date", DEMO_DAYS[0], "--to", DEMO_DAYS[1]],
        env=env,
        check=True,
        capture_output=True,
        timeout=900,
    )
    published = data_dir / "published" / "engagement_reporting.duckdb"
    assert published.exists()
    return published


@pytest.fixture(scope="session")
def demo_stack(tmp_path_factory):
    """Every demo day run as scripts/demo.sh runs it, then an api-server with the local login."""
    server_url = postgres_server_url()
    root = tmp_path_factory.mktemp("demo-ui")
    data = root / "data"
    settings = auth_settings(root / "airflow")
    with airflow_stack(root, server_url, DEMO_CORPUS, data, components=("api-server",), **settings) as stack:
        run_days(stack.env, "--from-landing")
        yield DemoStack(stack, data / "published" / "engagement_reporting.duckdb")
