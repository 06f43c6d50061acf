"""Warehouse connections report what went wrong, not DuckDB's follow-up complaints."""

from __future__ import annotations

import duckdb
import pytest
from engagement.warehouse.connect import connect, open_for_writing, open_in_memory, rollback


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


def test_memory_limit_caps_duckdbs_buffer_pool(tmp_path):
    con = open_for_writing(tmp_path / "w.duckdb", "256MB")
    try:
        limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    finally:
        con.close()
    assert limit in ("256.0 MB", "244.1 MiB"), limit


def test_the_read_only_checks_connection_is_capped_too(tmp_path):
    open_for_writing(tmp_path / "w.duckdb").close()
    con = connect(tmp_path / "w.duckdb", read_only=True, memory_limit="256MB")
    try:
        limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    finally:
        con.close()
    assert limit in ("256.0 MB", "244.1 MiB"), limit


@pytest.mark.parametrize("value", ["lots", "1GB; DROP TABLE core.events", "-1GB"])
def test_a_memory_limit_that_is_no_size_is_refused_before_anything_runs(tmp_path, value):
    with pytest.raises(ValueError, match="ENGAGEMENT_DUCKDB_MEMORY_LIMIT"):
        open_for_writing(tmp_path / "w.duckdb", value)
    assert not (tmp_path / "w.duckdb").exists()


def test_an_in_memory_connection_is_capped_and_spills_to_the_given_folder(tmp_path):
    con = open_in_memory("256MB", tmp_path / "spill")
    try:
        limit, folder = con.execute(
            "SELECT current_setting('memory_limit'), current_setting('temp_directory')"
        ).fetchone()
    finally:
        con.close()
    assert limit in ("256.0 MB", "244.1 MiB"), limit
    assert folder == str(tmp_path / "spill")
    with pytest.raises(ValueError, match="ENGAGEMENT_DUCKDB_MEMORY_LIMIT"):
        open_in_memory("lots", tmp_path / "spill")
