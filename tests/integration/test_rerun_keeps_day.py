"""Reruns never lose a day (issue 11): once ingested, a day's articles live in the raw store, so a
rerun from the CLI or through Airflow rebuilds the same tables whatever the landing folder holds
now, and a run that would shrink a day fails loudly instead of publishing it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import REPO
from tests.integration.airflow_runs import POOLS_FILE, airflow, airflow_env, run_days, table_checksums

pytestmark = pytest.mark.integration

DAYS = ("2025-11-17", "2025-11-18")
DEMO_CORPUS = REPO / "include" / "demo_corpus"


@pytest.fixture(scope="module")
def demo_days(tmp_path_factory):
    """Two demo days run through dag.test() from the demo corpus; returns env pieces and checksums."""
    root = tmp_path_factory.mktemp("rerun")
    env = airflow_env(root / "airflow", root / "data", DEMO_CORPUS)
    airflow(env, "db", "migrate")
    airflow(env, "pools", "import", str(POOLS_FILE))
    run_days(env, *DAYS)
    published = root / "data" / "published" / "engagement_reporting.duckdb"
    empty = root / "empty-landing"
    empty.mkdir()
    return root, env, published, table_checksums(published), empty


def _articles_of(published: Path, day: str) -> int:
    with duckdb.connect(str(published), read_only=True) as con:
        return con.execute("SELECT count(*) FROM core.articles WHERE day = ?", [day]).fetchone()[0]


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    engagement = Path(sys.executable).parent / "engagement"
    return subprocess.run([str(engagement), *args], env=env, capture_output=True, text=True, timeout=600)


def test_rerun_from_the_cli_with_an_empty_landing_folder_changes_nothing(demo_days):
    _, env, published, first, empty = demo_days
    result = _cli({**env, "ENGAGEMENT_LANDING_DIR": str(empty)}, "run", "--date", DAYS[0])
    assert result.returncode == 0, result.stderr
    ingest_line = next(line for line in result.stdout.splitlines() if " ingest: " in line)
    counts = json.loads(ingest_line.split(" ingest: ", 1)[1])
    assert (counts["landing_files"], counts["selected"]) == (0, _articles_of(published, DAYS[0]))
    assert counts["selected"] > 0  # the day's demo articles, read back from the raw store
    assert table_checksums(published) == first


def test_rerun_through_airflow_with_an_empty_landing_folder_changes_nothing(demo_days):
    _, env, published, first, empty = demo_days
    run_days({**env, "ENGAGEMENT_LANDING_DIR": str(empty)}, DAYS[1])
    assert table_checksums(published) == first
