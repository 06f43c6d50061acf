"""Open the warehouse the same way everywhere: UTC session time zone, schema and docs up to date."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from engagement.warehouse.docs import document_reporting
from engagement.warehouse.migrate import apply_migrations
from engagement.warehouse.reporting import apply_reporting


class WarehouseLocked(RuntimeError):
    """Another process holds the warehouse's write lock (a pipeline run, or a BI tool that
    opened the pipeline's own file instead of the published copy)."""


_LOCK_HOLDER = re.compile(r"PID (\d+)")

# DuckDB settings for every reader of the published copy (the UI, `engagement top-pairs`, the
# benches; BI tools get the same keys in their connection URL, bi/dashboard/databases/). DuckDB
# fetches the other columns of a top-N only for the rows kept ("late materialization") when the
# LIMIT is at most this; its default of 50 makes "the latest 200 events" read every column of
# every event: 62 -> 29 ms on 105k events, and it grows with the year.
READER_SETTINGS: dict[str, str] = {"late_materialization_max_rows": "1000"}

# Rows per row group in the files the pipeline writes (the warehouse, the published copy). With
# DuckDB's default of 122,880, a file appended to day by day merges its row groups at checkpoints
# in ever larger steps: a table of 2,000 texts of 3 KB a day checkpointed in 0.5, 1.1, 2.2 and
# 8.7 s on days 15, 31, 61 and 122 (60 ms on most days), and aggregate once spent 13 s closing
# the warehouse (bench/README.md, "Session 24"). DuckDB keeps no row group size in the file, so
# every writer attaches with it.
ROW_GROUP_ROWS = 16_384
ROW_GROUP_OPTION = f"ROW_GROUP_SIZE {ROW_GROUP_ROWS}"


def connect(
    path: Path, read_only: bool = False, memory_limit: str = "", config: dict[str, str] | None = None
) -> duckdb.DuckDBPyConnection:
    """Connect with ``TimeZone = UTC`` so days and timestamps never shift with the host's zone,
    and DuckDB's buffer pool capped at ``memory_limit`` when one is given (see open_for_writing);
    ``config`` holds further DuckDB settings (READER_SETTINGS)."""
    limit = _checked_size(memory_limit)
    try:
        con = _open(path, read_only, config or {})
    except duckdb.IOException as error:
        if "lock" not in str(error).lower():
            raise
        holder = _LOCK_HOLDER.search(str(error))
        who = f"process PID {holder.group(1)}" if holder else "another process"
        raise WarehouseLocked(
            f"the warehouse {path} is in use by {who} (a pipeline run, or a tool that opened it); "
            "wait for the run to finish. BI tools must open the published copy "
            "(data/published/engagement_reporting.duckdb, ENGAGEMENT_PUBLISHED), never this file"
        ) from None
    con.execute("SET TimeZone = 'UTC'")
    _cap_memory(con, limit)
    return con


def _open(path: Path, read_only: bool, config: dict[str, str]) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the file, or a writer that attaches it with ``ROW_GROUP_OPTION``
    under the name ``duckdb.connect(path)`` would give it (the file's stem)."""
    if read_only:
        return duckdb.connect(str(path), read_only=True, config=config)
    con = duckdb.connect(config=config)
    alias = '"' + path.stem.replace('"', '""') + '"'
    try:
        # spill beside the file, as DuckDB does for a file it opens (in memory it would use ./.tmp)
        con.execute("SET temp_directory = ?", [f"{path}.tmp"])
        con.execute(f"ATTACH ? AS {alias} ({ROW_GROUP_OPTION})", [str(path)])
        con.execute(f"USE {alias}")
    except Exception:
        con.close()
        raise
    return con


def open_reader(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published copy as BI tools should open it (READER_SETTINGS)."""
    return connect(path, read_only=True, config=READER_SETTINGS)


def open_for_writing(path: Path, memory_limit: str = "") -> duckdb.DuckDBPyConnection:
    """Read-write connection to a warehouse file (created if absent), migrated and documented.

    ``memory_limit`` (e.g. ``1GB``) caps DuckDB's buffer pool, which otherwise may take 80% of
    the machine: a large day's load then evicts to the file and its temp folder instead of
    growing the task's memory with the day.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    con = connect(path, memory_limit=memory_limit)
    prepare_schema(con)
    return con


def open_in_memory(memory_limit: str, temp_directory: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory connection (for attaching files) whose buffer pool is capped like the
    warehouse writer's, spilling to ``temp_directory``: uncapped, DuckDB caches every block it
    reads up to 80% of the machine, so copying a large warehouse grows the task with the file."""
    limit = _checked_size(memory_limit)
    con = duckdb.connect()
    con.execute("SET temp_directory = ?", [str(temp_directory)])
    _cap_memory(con, limit)
    return con


def _cap_memory(con: duckdb.DuckDBPyConnection, limit: str) -> None:
    """Cap DuckDB's buffer pool at a checked size; an empty one leaves DuckDB's default."""
    if limit:
        con.execute(f"SET memory_limit = '{limit}'")


def _checked_size(value: str) -> str:
    """A DuckDB size such as ``512MB`` or ``2GiB`` ("" for none); anything else is a configuration error."""
    if not value:
        return ""
    if not re.fullmatch(r"\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", value.strip()):
        raise ValueError(f"ENGAGEMENT_DUCKDB_MEMORY_LIMIT must be a size such as 1GB, not {value!r}")
    return value.strip()


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back after a failure without hiding it: a failed COMMIT has already rolled back,
    and DuckDB's "no transaction is active" would otherwise replace the real cause."""
    try:
        con.execute("ROLLBACK")
    except duckdb.TransactionException:
        pass


def prepare_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Migrations, then the reporting views and macros (sql/reporting.sql), then their comments."""
    apply_migrations(con)
    apply_reporting(con)
    document_reporting(con)
