"""Session fixtures of the integration tests: the demo run as scripts/demo.sh runs it, behind the
local login on a real api-server, and its published file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.airflow_runs import run_days
from tests.integration.airflow_stack import airflow_stack, postgres_server_url
from tests.integration.ui_stack import DEMO_CORPUS, DemoStack, auth_settings


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


@pytest.fixture(scope="session")
def demo_published(demo_stack) -> Path:
    """The published file of the demo run as scripts/demo.sh runs it (the file the README's
    outputs come from). One run serves the UI, the README and the Superset tests: a second run of
    the demo by `engagement run` cost 45 s of the suite."""
    assert demo_stack.published.exists()
    return demo_stack.published
