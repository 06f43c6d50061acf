"""Day partitions: loading a day's staging datasets into the ``core`` tables.

A table's columns are read from the warehouse itself, so the migration is the one place that
says what is loaded; a part lacking a column fails the load with DuckDB's binder error. Parts
are read one at a time through the storage URL and streamed into DuckDB as Arrow batches
(DuckDB's own ``read_parquet`` on an ``s3://`` URL would need the httpfs extension, a run-time
download).
"""

from __future__ import annotations

from datetime import date

import duckdb

from engagement.staging import Staging, datasets_of_table, loaded_tables

# core tables replaced day by day, each loaded from the staging datasets that name it
PARTITIONED_TABLES: tuple[str, ...] = tuple(loaded_tables())
# columns filled by the warehouse, not read from Parquet: in every table, and per table those
# copied from another table (``copy_publication_times``)
_DERIVED_COLUMNS = {"day", "event_id"}
_COPIED_COLUMNS = {"event_mentions": {"published_at"}}
_STAGED_VIEW = "staged_part"


def loaded_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Columns of ``core.<table>`` that come from the Parquet files, in table order."""
    rows = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'core' AND table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()
    derived = _DERIVED_COLUMNS | _COPIED_COLUMNS.get(table, set())
    return [name for (name,) in rows if name not in derived]


def replace_partition(con: duckdb.DuckDBPyConnection, staging: Staging, day: date, table: str) -> int:
    """Delete ``day`` from ``core.<table>`` and insert the day's parts; return rows inserted."""
    con.execute(f"DELETE FROM core.{table} WHERE day = ?", [day])
    columns = ", ".join(f'"{c}"' for c in loaded_columns(con, table))
    inserted = 0
    for dataset in datasets_of_table(table):
        for part in staging.arrow_parts(day, dataset.name):
            con.register(_STAGED_VIEW, part)
            inserted += con.execute(
                f"INSERT INTO core.{table} (day, {columns}) SELECT ?::DATE, {columns} FROM {_STAGED_VIEW}",
                [day],
            ).fetchone()[0]
            con.unregister(_STAGED_VIEW)
    return inserted


def copy_publication_times(con: duckdb.DuckDBPyConnection, day: date) -> None:
    """Copy each of ``day``'s articles' publication time onto its event mentions (the article
    and its mentions share the day's partition), so reclustering never joins core.articles."""
    con.execute(
        "UPDATE core.event_mentions SET published_at = a.published_at FROM core.articles a"
        " WHERE core.event_mentions.day = $day AND a.day = $day AND a.article_id = core.event_mentions.article_id",
        {"day": day},
    )


def mark_duplicates(con: duckdb.DuckDBPyConnection, staging: Staging, day: date) -> int:
    """Set ``core.articles.duplicate_of`` from the day's ``duplicates``; return articles marked."""
    marked = 0
    for part in staging.arrow_parts(day, "duplicates"):
        con.register(_STAGED_VIEW, part)
        marked += con.execute(
            f"UPDATE core.articles SET duplicate_of = d.duplicate_of FROM {_STAGED_VIEW} d"
            " WHERE core.articles.day = ? AND core.articles.article_id = d.article_id",
            [day],
        ).fetchone()[0]
        con.unregister(_STAGED_VIEW)
    return marked
