"""Test-wide setup: Airflow and the pipeline never touch the developer's own folders.

AIRFLOW_HOME and the engagement data folder point into a temporary directory before anything
imports Airflow, so tests run the same on a laptop, in CI and from a fresh clone.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ENGAGEMENT_SHARED_DIR", REPO.parent / "shared")).resolve()
SEED = SHARED / "seeds" / "000_2134693827e85ec0.txt"
SEED_GOLD = SHARED / "gold" / "seed_000.json"

_session_home = Path(tempfile.mkdtemp(prefix="engagement-tests-"))
os.environ["AIRFLOW_HOME"] = str(_session_home / "airflow")
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(REPO / "dags")
os.environ["AIRFLOW__CORE__PLUGINS_FOLDER"] = str(REPO / "plugins")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__CORE__UNIT_TEST_MODE"] = "False"
os.environ.setdefault("ENGAGEMENT_DATA_DIR", str(_session_home / "data"))


@pytest.fixture
def settings(tmp_path, monkeypatch):
    """Settings whose every folder lives under the test's own tmp_path."""
    from engagement.config import load_settings

    monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ENGAGEMENT_LANDING_DIR", str(tmp_path / "landing"))
    (tmp_path / "landing").mkdir()
    return load_settings()


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 server on a free loopback port for the whole session (tests/s3_server.py)."""
    from tests.s3_server import s3_server

    with s3_server() as server:
        yield server


@pytest.fixture
def s3_url(s3_server, monkeypatch, request) -> str:
    """A fresh ``s3://bucket/prefix`` for one test, with the AWS_* variables pointing at moto."""
    for name, value in s3_server.env.items():
        monkeypatch.setenv(name, value)
    prefix = f"{request.node.name}-{os.urandom(4).hex()}".replace("[", "-").replace("]", "")
    return f"s3://{s3_server.bucket}/{prefix}"


def require_shared(path: Path) -> Path:
    """Texts under ../shared belong to others and are read in place; CI always has them."""
    if not path.exists():
        pytest.fail(f"{path} is missing: tests read ../shared beside the repository")
    return path


def load_script(name: str):
    """A build script of scripts/ as a module, to compare what it makes with the committed file."""
    scripts = str(REPO / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)  # the scripts import their shared helpers as siblings
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def data_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a data CSV; ``#`` lines (a generated file's source and licence) are skipped."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))
