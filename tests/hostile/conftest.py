"""Fixtures for the hostile-input suite: a clean run to compare with, and a fresh world per test."""

from __future__ import annotations

import pytest

from tests.hostile.world import World


@pytest.fixture(scope="session")
def clean(tmp_path_factory):
    """Published checksums of the world with no poison (computed once for the session)."""
    monkeypatch = pytest.MonkeyPatch()
    try:
        world = World(tmp_path_factory.mktemp("clean"), monkeypatch)
        assert world.run() == 0
        outcome = {
            "articles": world.articles(),
            "checksums": world.checksums(),
            "quarantine": world.quarantine(),
        }
    finally:
        monkeypatch.undo()  # the clean world's folders must not leak into later tests
    return outcome


@pytest.fixture
def world(tmp_path, monkeypatch) -> World:
    return World(tmp_path, monkeypatch)
