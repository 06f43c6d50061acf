"""Locate the shared corpora (read in place, never copied into the repository)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    default = Path(__file__).resolve().parents[2] / ".." / "shared"
    path = Path(os.environ.get("ENGAGEMENT_SHARED_DIR", default)).resolve()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path
