"""Warehouse connections report what went wrong, not DuckDB's follow-up complaints."""

from __future__ import annotations

import duckdb
import pytest
from engagement.warehouse.connect import rollback


def test_a_failed_commit_keeps_its_cause(tmp_path):
    db = duckdb.connect(str(tmp_path / "w.duckdb"))
    db.execute("CREATE TABLE core_ids (id INTEGER PRIMARY KEY)")
    first, second = db.cursor(), db.cursor()
    first.execute("BEGIN")
    second.execute("BEGIN")
    first.execute("INSERT INTO core_ids VALUES (1)")
    second.execute("INSERT INTO core_ids VALUES (1)")
    first.execute("COMMIT")
    with pytest.raises(duckdb.TransactionException, match="Failed to commit: PRIMARY KEY"):
        try:
            second.execute("COMMIT")
        except duckdb.Error:
            rollback(second)  # DuckDB already rolled back; this must not replace the cause
            raise
    assert db.execute("SELECT id FROM core_ids").fetchall() == [(1,)]
