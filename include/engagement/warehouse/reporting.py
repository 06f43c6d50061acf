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


def apply_reporting(con: duckdb.DuckDBPyConnection, path: Path = REPORTING_SQL, force: bool = False) -> bool:
    """Re-create schema ``reporting`` when ``path`` changed since it was last applied (or always,
    ``force``); True if it ran."""
    sql = path.read_text(encoding="utf-8")
    checksum = hashlib.sha256(sql.encode("utf-8")).hexdigest()
    con.execute(_LEDGER_DDL)
    recorded = con.execute("SELECT checksum FROM main.reporting_definition").fetchall()
    current = recorded == [(checksum,)]
    if current and not force:
        return False
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(sql)
        if not current:  # a forced re-run of the same file keeps its ledger row (and its time)
            con.execute("DELETE FROM main.reporting_definition")
            con.execute("INSERT INTO main.reporting_definition VALUES (?, now())", [checksum])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return True


# Views BI tools read whole or filter again and again, whose joins and groupings pass every event
# (and mention): the published copy holds them as tables of the same name and columns, computed
# once per publish. On a year of 2,000 articles a day (1.3M events) the views take 0.5-2 s a query.
MATERIALIZED_VIEWS = ("country_partner_dates", "dyad_periods")


def materialize_views(con: duckdb.DuckDBPyConnection) -> None:
    """Replace each of MATERIALIZED_VIEWS by a table of its current rows. Only for a published
    copy (the warehouse keeps its views); ``apply_reporting(force=True)`` makes them views again."""
    for name in MATERIALIZED_VIEWS:
        con.execute(f"CREATE TABLE reporting.{name}__rows AS SELECT * FROM reporting.{name}")
        con.execute(f"DROP VIEW reporting.{name}")
        con.execute(f"ALTER TABLE reporting.{name}__rows RENAME TO {name}")
