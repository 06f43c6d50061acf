"""Column documentation of the reporting views, from ``data/reporting_columns.csv``.

A column that several views share (actor1, events, goldstein_sum, ...) is described once in the
glossary (object ``*``); a view-specific row wins over it. A view column without any description
is an error, so a new view cannot reach BI users undocumented.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

GLOSSARY = Path(__file__).resolve().parent / "data" / "reporting_columns.csv"
ANY_OBJECT = "*"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def read_glossary(path: Path = GLOSSARY) -> dict[tuple[str, str], str]:
    """(object, column) -> comment; column '' is the object's own comment."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {(row["object"], row["column"]): row["comment"] for row in csv.DictReader(handle)}


def document_reporting(con: duckdb.DuckDBPyConnection, path: Path = GLOSSARY) -> int:
    """Comment every view (or table materialized from one), column and (table) macro of
    ``reporting``; return how many comments had to change. Comments already right are left
    alone: every writer opens the warehouse this way, and rewriting ~300 comments each time cost
    more than loading an empty day."""
    glossary = read_glossary(path)
    objects = con.execute(
        "SELECT view_name, comment, 'VIEW' FROM duckdb_views() WHERE schema_name = 'reporting'"
        " UNION SELECT table_name, comment, 'TABLE' FROM duckdb_tables() WHERE schema_name = 'reporting'"
        " UNION SELECT DISTINCT function_name, comment,"
        " CASE function_type WHEN 'macro' THEN 'MACRO' ELSE 'MACRO TABLE' END FROM duckdb_functions()"
        " WHERE schema_name = 'reporting' AND function_type IN ('macro', 'table_macro') ORDER BY 1"
    ).fetchall()
    columns = con.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'reporting'"
        " ORDER BY table_name, column_index"
    ).fetchall()
    statements, missing = [], []
    for name, current, kind in objects:
        if (name, "") not in glossary:
            missing.append(name)
        elif current != glossary[name, ""]:
            statements.append(f"COMMENT ON {kind} reporting.{name} IS {_quote(glossary[name, ''])}")
    for view, column, current in columns:
        comment = glossary.get((view, column), glossary.get((ANY_OBJECT, column)))
        if comment is None:
            missing.append(f"{view}.{column}")
        elif current != comment:
            statements.append(f'COMMENT ON COLUMN reporting.{view}."{column}" IS {_quote(comment)}')
    if missing:
        raise ValueError(f"reporting objects without a description in {path.name}: {missing}")
    if statements:
        con.execute(";\n".join(statements))
    return len(statements)
