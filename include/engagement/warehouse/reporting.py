"""The reporting layer: schema ``reporting`` re-created from ``sql/reporting.sql``, after the migrations.

Views and macros are not migrated piecemeal: the file drops and re-creates the whole schema, so a
view is defined in one place and changing it is one edit. It runs only when the file differs from
the one recorded in ``main.reporting_definition`` (re-creating drops every column comment, which
``docs.document_reporting`` then writes again), so opening an up-to-date warehouse stays cheap.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).resolve().parent / "sql"
REPORTING_SQL = SQL_DIR / "reporting.sql"
_LEDGER_DDL = (SQL_DIR / "reporting_definition.sql").read_text(encoding="utf-8")


def apply_reporting(con: duckdb.DuckDBPyConnection, path: Path = REPORTING_SQL) -> bool:
    """Re-create schema ``reporting`` when ``path`` changed since it was last applied; True if it ran."""
    sql = path.read_text(encoding="utf-8")
    checksum = hashlib.sha256(sql.encode("utf-8")).hexdigest()
    con.execute(_LEDGER_DDL)
    recorded = con.execute("SELECT checksum FROM main.reporting_definition").fetchall()
    if recorded == [(checksum,)]:
        return False
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(sql)
        con.execute("DELETE FROM main.reporting_definition")
        con.execute("INSERT INTO main.reporting_definition VALUES (?, now())", [checksum])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return True
