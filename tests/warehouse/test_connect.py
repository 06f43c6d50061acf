"""Warehouse connections report what went wrong, not DuckDB's follow-up complaints."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import duckdb
import pytest
from engagement.warehouse.connect import (
    READER_SETTINGS,
    ROW_GROUP_ROWS,
    connect,
    open_for_writing,
    open_in_memory,
    open_reader,
    rollback,
)

REPO = Path(__file__).resolve().parents[2]


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


def test_a_writer_appends_in_small_row_groups_under_the_files_name(tmp_path):
    path = tmp_path / "engagement.duckdb"
    con = open_for_writing(path)
    try:
        assert con.execute("SELECT current_database()").fetchone()[0] == "engagement"
        assert con.execute("SELECT current_setting('temp_directory')").fetchone()[0] == f"{path}.tmp"
        con.execute("CREATE TABLE core.appended AS SELECT range AS i FROM range(40000)")
        rows = con.execute(
            "SELECT row_group_id, max(count) FROM pragma_storage_info('core.appended') GROUP BY ALL ORDER BY ALL"
        ).fetchall()
    finally:
        con.close()
    assert [count for _, count in rows] == [ROW_GROUP_ROWS, ROW_GROUP_ROWS, 40000 - 2 * ROW_GROUP_ROWS]
    assert not path.with_name(path.name + ".wal").exists()  # closing checkpointed the attached file
    reader = connect(path, read_only=True)
    try:
        assert reader.execute("SELECT count(*), sum(i) FROM core.appended").fetchone() == (40000, 799980000)
    finally:
        reader.close()


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


def _latest_plan(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute(
        "EXPLAIN SELECT * FROM core.events ORDER BY date_start DESC, event_id LIMIT 200"
    ).fetchall()[0][1]


def test_a_reader_fetches_the_wide_columns_of_a_latest_200_only_for_the_rows_kept(tmp_path):
    """The plain connection scans every column for the top 200; the reader's plan joins the kept
    rows back by row id (DuckDB's late materialization), so the wide evidence columns of the
    other events are never read."""
    path = tmp_path / "published.duckdb"
    open_for_writing(path).close()
    with duckdb.connect(str(path), read_only=True) as plain:
        assert "rowid" not in _latest_plan(plain)
    with open_reader(path) as reader:
        assert "rowid" in _latest_plan(reader)
        assert reader.execute("SELECT current_setting('TimeZone')").fetchone() == ("UTC",)


def test_the_superset_export_opens_the_published_copy_with_the_reader_settings():
    exported = (REPO / "bi" / "dashboard" / "databases" / "engagement_reporting.yaml").read_text(encoding="utf-8")
    url = next(line.split(":", 1)[1].strip() for line in exported.splitlines() if line.startswith("sqlalchemy_uri:"))
    query = dict(parse_qsl(urlsplit(url).query))
    assert query == {"access_mode": "read_only", **READER_SETTINGS}
    spec = importlib.util.spec_from_file_location("setup_superset", REPO / "bi" / "setup_superset.py")
    setup_superset = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(setup_superset)
    pointed = setup_superset.duckdb_url(Path("/srv/engagement_reporting.duckdb"), url)
    assert pointed == "duckdb:////srv/engagement_reporting.duckdb?" + urlsplit(url).query
