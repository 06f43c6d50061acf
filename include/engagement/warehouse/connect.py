"""Open the warehouse the same way everywhere: UTC session time zone, schema and docs up to date."""

from __future__ import annotations

from pathlib import Path

import duckdb

from engagement.warehouse.docs import document_reporting
from engagement.warehouse.migrate import apply_migrations
from engagement.warehouse.reporting import apply_reporting


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Connect with ``TimeZone = UTC`` so days and timestamps never shift with the host's zone."""
    con = duckdb.connect(str(path), read_only=read_only)
    con.execute("SET TimeZone = 'UTC'")
    return con


def open_for_writing(path: Path) -> duckdb.DuckDBPyConnection:
    """Read-write connection to a warehouse file (created if absent), migrated and documented."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = connect(path)
    prepare_schema(con)
    return con


def prepare_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Migrations, then the reporting views and macros (sql/reporting.sql), then their comments."""
    apply_migrations(con)
    apply_reporting(con)
    document_reporting(con)
