"""docs/warehouse.md and README.md describe the reporting layer as it is: every view and macro, with
exactly its columns, so a client (the Airflow UI plugin, a dashboard) can be written against them."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from engagement.warehouse.connect import prepare_schema

REPO = Path(__file__).resolve().parents[2]
HEADING = re.compile(r"^#### `reporting\.(\w+)(\([^`]*\))?`$", re.M)
COLUMNS = re.compile(r"^Columns: `([^`]*)`$", re.M)
# Arguments the docs' signatures stand for, to describe a macro's result.
SAMPLE_ARGS = {"country_iso3": "'IND'", "partner_iso3": "'RUS'", "from_date": "'2024-01-01'", "to_date": "'2024-12-31'"}


@pytest.fixture(scope="module")
def con():
    connection = duckdb.connect()
    prepare_schema(connection)
    connection.execute("INSERT INTO core.countries (iso3) VALUES ('IND'), ('RUS')")
    return connection


def documented() -> dict[str, tuple[str, str]]:
    """reporting object -> (signature or '', documented column list)."""
    text = (REPO / "docs" / "warehouse.md").read_text(encoding="utf-8")
    found = {}
    for match in HEADING.finditer(text):
        columns = COLUMNS.search(text, match.end())
        found[match.group(1)] = (match.group(2) or "", columns.group(1))
    return found


def reporting_objects(con) -> set[str]:
    return {
        name
        for (name,) in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE schema_name = 'reporting'"
            " UNION SELECT function_name FROM duckdb_functions()"
            " WHERE schema_name = 'reporting' AND function_type = 'table_macro'"
        ).fetchall()
    }


def test_every_view_and_table_macro_is_documented_with_exactly_its_columns(con):
    docs = documented()
    assert set(docs) == reporting_objects(con)
    for name, (signature, columns) in docs.items():
        call = f"reporting.{name}"
        if signature:
            arguments = [a.split(":=")[0].strip() for a in signature.strip("()").split(",")]
            call += "(" + ", ".join(SAMPLE_ARGS[a] for a in arguments if a in SAMPLE_ARGS) + ")"
        described = con.execute(f"DESCRIBE SELECT * FROM {call}").fetchall()
        assert columns == ", ".join(f"{column} {data_type}" for column, data_type, *_ in described), name


def test_readme_lists_every_view_and_macro(con):
    """The first column of the README's table names every view and table macro, and nothing else."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Pointing a BI tool at DuckDB", 1)[1].split("\n## ", 1)[0]
    first_cells = [line.split(" | ")[0] for line in section.splitlines() if line.startswith("| `")]
    listed = {name for cell in first_cells for name in re.findall(r"`(\w+)(?:\([^`]*\))?`", cell)}
    assert listed == reporting_objects(con)
