"""Fixtures for the warehouse tests: a temporary data directory and the two staged days."""

from __future__ import annotations

import pytest
from engagement.config import Settings, load_settings
from warehouse_staging import write_day_a, write_day_b


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    """Settings with every path under a fresh temporary data directory."""
    monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path / "data"))
    return load_settings()


@pytest.fixture
def staged(settings) -> Settings:
    """Settings whose staging holds both days (21 and 23 October 2024)."""
    write_day_a(settings)
    write_day_b(settings)
    return settings
