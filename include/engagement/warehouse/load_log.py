"""The load log: which day partitions each aggregate replaced, so publish copies only those.

Every aggregate appends ``(sequence, day, loaded_at)`` to ``main.load_log`` inside its own
transaction, so the log and the data it describes commit together. A published copy carries the
log too: the highest sequence it holds says which loads it already has, and the warehouse's
later rows name the days to copy again. Anything the log cannot vouch for (another schema or
reporting definition, edited removals, a warehouse rebuilt from scratch) asks for a full copy.
"""

from __future__ import annotations

from datetime import date

import duckdb

# The warehouse's own bookkeeping (reclustering's event spans), never in a published copy.
UNPUBLISHED_SCHEMA = "internal"
# Ledgers that must be identical for an incremental copy: the same schema, views and removals.
_MUST_MATCH = ("main.schema_migrations", "main.reporting_definition", "core.article_removals")
_CHECKSUM_COLUMNS = {"main.schema_migrations": "version, checksum", "main.reporting_definition": "checksum"}


def record_load(con: duckdb.DuckDBPyConnection, day: date) -> None:
    """Append this load of ``day`` to the log (inside the caller's transaction)."""
    con.execute("INSERT INTO main.load_log SELECT coalesce(max(sequence), 0) + 1, ?, now() FROM main.load_log", [day])


def days_loaded_since(con: duckdb.DuckDBPyConnection, warehouse: str, published: str) -> list[date] | None:
    """Days the warehouse (re)loaded after the attached published copy was made, or None when
    only a full copy is safe."""
    if _tables(con, warehouse) != _tables(con, published):
        return None
    if any(_differ(con, warehouse, published, table) for table in _MUST_MATCH):
        return None
    held = con.execute(f"SELECT coalesce(max(sequence), 0) FROM {published}.main.load_log").fetchone()[0]
    shared_history = f"SELECT * FROM {{db}}.main.load_log WHERE sequence <= {int(held)}"
    if _sets_differ(con, shared_history.format(db=warehouse), shared_history.format(db=published)):
        return None  # the warehouse was rebuilt: its loads are not the copy's
    rows = con.execute(
        f"SELECT DISTINCT day FROM {warehouse}.main.load_log WHERE sequence > ? ORDER BY day", [held]
    ).fetchall()
    return [day for (day,) in rows]


def _tables(con: duckdb.DuckDBPyConnection, database: str) -> list[tuple]:
    """The database's published data tables, not the reporting views a published copy holds as
    tables (``reporting.materialize_views``)."""
    return con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = ?"
        " AND schema_name NOT IN ('reporting', ?) ORDER BY ALL",
        [database, UNPUBLISHED_SCHEMA],
    ).fetchall()


def _differ(con: duckdb.DuckDBPyConnection, warehouse: str, published: str, table: str) -> bool:
    columns = _CHECKSUM_COLUMNS.get(table, "*")
    return _sets_differ(con, f"SELECT {columns} FROM {warehouse}.{table}", f"SELECT {columns} FROM {published}.{table}")


def _sets_differ(con: duckdb.DuckDBPyConnection, left: str, right: str) -> bool:
    """True when the two queries' rows differ as sets, either way."""
    query = f"SELECT count(*) FROM (({left}) EXCEPT ({right}) UNION ALL (({right}) EXCEPT ({left})))"
    return con.execute(query).fetchone()[0] > 0
