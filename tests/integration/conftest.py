"""Shared fixtures of the integration tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEMO_LANDING = REPO / "include" / "demo_corpus"
DEMO_DAYS = ("2025-11-03", "2025-11-28")  # first and last day with articles in the demo corpus


@pytest.fixture(scope="session")
def demo_published(tmp_path_factory) -> Path:
    """The demo corpus run through every stage by `engagement run` (the functions the DAG's tasks
    call, ~35 s), published: the same file `scripts/demo.sh` leaves in data/published/."""
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    env = {**os.environ, "ENGAGEMENT_DATA_DIR": str(data_dir), "ENGAGEMENT_LANDING_DIR": str(DEMO_LANDING)}
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
