"""Day partitions: which staging Parquet files feed which ``core`` table, and replacing them.

A table's columns are read from the warehouse itself, so the migration is the one place that
says what is loaded; a Parquet file lacking a column fails the load with DuckDB's binder error.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from engagement.config import Settings

# core table -> staging file names (glob patterns) of the day that feed it
PARTITION_SOURCES: dict[str, tuple[str, ...]] = {
    "articles": ("articles",),
    "quarantine": ("quarantine_*",),
    "sentences": ("sentences",),
    "mentions": ("mentions",),
    "event_mentions": ("events",),
}
# columns filled by the warehouse, not read from Parquet
_DERIVED_COLUMNS = {"day", "event_id"}


def partition_files(settings: Settings, day: date, table: str) -> list[Path]:
    """Existing staging files of ``day`` for ``table``, sorted; a missing file means no rows."""
    day_dir = settings.stage_path(day, "any").parent
    files = {path for name in PARTITION_SOURCES[table] for path in day_dir.glob(f"{name}.parquet")}
    return sorted(files)


def loaded_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Columns of ``core.<table>`` that come from the Parquet files, in table order."""
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'core' AND table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()
    return [name for (name,) in rows if name not in _DERIVED_COLUMNS]


def replace_partition(con: duckdb.DuckDBPyConnection, settings: Settings, day: date, table: str) -> int:
    """Delete ``day`` from ``core.<table>`` and insert the day's files; return rows inserted."""
    con.execute(f"DELETE FROM core.{table} WHERE day = ?", [day])
    files = partition_files(settings, day, table)
    if not files:
        return 0
    columns = ", ".join(f'"{c}"' for c in loaded_columns(con, table))
    return con.execute(
        f"INSERT INTO core.{table} (day, {columns}) SELECT ?::DATE, {columns}"
        " FROM read_parquet(?, union_by_name = true)",
        [day, [str(f) for f in files]],
    ).fetchone()[0]
