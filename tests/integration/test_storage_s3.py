"""A demo day with its shared storage on S3 (moto's server on loopback, a stand-in for S3/MinIO)
gives the same tables as the same day on the default local folder, run by `engagement run` and by
the DAG's dag.test(); and the raw store really lands in the bucket, not on the local disk."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.airflow_runs import POOLS_FILE, airflow, airflow_env, run_days, table_checksums
from tests.integration.ui_stack import DEMO_CORPUS

pytestmark = pytest.mark.integration

DAY = "2025-11-17"
PUBLISHED = Path("published") / "engagement_reporting.duckdb"
WAREHOUSE = Path("warehouse") / "engagement.duckdb"


def _engagement_run(env: dict[str, str]) -> None:
    engagement = Path(sys.executable).parent / "engagement"
    result = subprocess.run(
        [str(engagement), "run", "--date", DAY], env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stderr[-4000:]


def _tables(data_dir: Path) -> dict[str, dict]:
    """Checksums of every table of the warehouse and its published copy, pipeline data only."""
    tables = {"published": table_checksums(data_dir / PUBLISHED), "warehouse": table_checksums(data_dir / WAREHOUSE)}
    for checksums in tables.values():
        del checksums["main.reporting_definition"]  # when the views were created, not data
    return tables


@pytest.fixture(scope="module")
def local_day(tmp_path_factory) -> dict[str, dict]:
    """The day run with the default storage URL (file://<data dir>)."""
    data_dir = tmp_path_factory.mktemp("storage-local") / "data"
    env = airflow_env(data_dir.parent / "airflow", data_dir, DEMO_CORPUS)
    env.pop("ENGAGEMENT_STORAGE_URL", None)
    _engagement_run(env)
    assert (data_dir / "raw" / "landing" / "days" / DAY).is_dir()
    return _tables(data_dir)


def _assert_raw_store_in_bucket(s3_server, s3_url: str, data_dir: Path) -> None:
    prefix = s3_url.removeprefix(f"s3://{s3_server.bucket}/")
    keys = s3_server.keys(f"{prefix}/raw/")
    day_files = [key for key in keys if key.startswith(f"{prefix}/raw/landing/days/{DAY}/")]
    index = [key for key in keys if key.startswith(f"{prefix}/raw/landing/index/")]
    assert day_files and index, keys
    assert not (data_dir / "raw").exists()  # nothing of the raw store on the local disk


def test_engagement_run_with_storage_on_s3_gives_the_local_tables(local_day, s3_server, s3_url, tmp_path):
    data_dir = tmp_path / "data"
    env = airflow_env(tmp_path / "airflow", data_dir, DEMO_CORPUS, ENGAGEMENT_STORAGE_URL=s3_url, **s3_server.env)
    _engagement_run(env)
    assert _tables(data_dir) == local_day
    _assert_raw_store_in_bucket(s3_server, s3_url, data_dir)


def test_dag_with_storage_on_s3_gives_the_local_tables(local_day, s3_server, s3_url, tmp_path):
    data_dir = tmp_path / "data"
    env = airflow_env(tmp_path / "airflow", data_dir, DEMO_CORPUS, ENGAGEMENT_STORAGE_URL=s3_url, **s3_server.env)
    airflow(env, "db", "migrate")
    airflow(env, "pools", "import", str(POOLS_FILE))
    run_days(env, DAY)
    assert _tables(data_dir) == local_day
    _assert_raw_store_in_bucket(s3_server, s3_url, data_dir)
