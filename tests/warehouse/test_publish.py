"""publish.run: an atomic, read-only-friendly copy in storage v1.0.0 that DuckDB 1.x can open."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import sqlalchemy
from engagement import aggregate, publish
from engagement.config import PROJECT_ROOT
from engagement.warehouse.reporting import MATERIALIZED_VIEWS, REPORTING_SQL
from warehouse_staging import DAY_A, DAY_B

DUCKDB_1X_VERSIONS = ("1.4.4", "1.5.6")
COUNT_EVENTS = "SELECT sum(events) FROM reporting.dyad_monthly"


def query_in_subprocess(python: str | Path, database: Path, sql: str) -> str:
    """Run ``sql`` on ``database`` read-only from a fresh interpreter, as a BI tool would."""
    code = (
        "import sys, duckdb; con = duckdb.connect(sys.argv[1], read_only=True);"
        " print(con.execute(sys.argv[2]).fetchall())"
    )
    return subprocess.run(
        [str(python), "-c", code, str(database), sql], check=True, capture_output=True, text=True
    ).stdout.strip()


def test_published_copy_has_tables_views_macros_and_comments(staged):
    aggregate.run(DAY_A, staged)
    aggregate.run(DAY_B, staged)
    result = publish.run(DAY_B, staged)
    views_defined = REPORTING_SQL.read_text(encoding="utf-8").count("CREATE VIEW reporting.")
    materialized = len(MATERIALIZED_VIEWS)  # views the copy holds as tables
    assert (result["views"], result["events"], result["storage_version"]) == (views_defined - materialized, 3, "v1.0.0")
    assert [p.name for p in staged.published_path.parent.iterdir()] == [staged.published_path.name]
    with duckdb.connect(str(staged.published_path), read_only=True) as con:
        assert con.execute(COUNT_EVENTS).fetchone() == (3,)
        assert con.execute(
            "SELECT partner FROM reporting.country_partners_between('RUS', '2024-10-01', '2024-10-31')"
        ).fetchall() == [("IND",)]
        assert (
            con.execute(
                "SELECT comment FROM duckdb_columns() WHERE schema_name = 'reporting'"
                " AND table_name = 'dyad_daily' AND column_name = 'goldstein_sum'"
            )
            .fetchone()[0]
            .startswith("Sum of the events' Goldstein")
        )
        assert con.execute(
            "SELECT count(*) FROM duckdb_columns() WHERE schema_name IN ('core', 'reporting') AND comment IS NULL"
        ).fetchone() == (0,)


def test_publish_gives_the_copy_the_current_reporting_views_of_a_stale_warehouse(staged):
    aggregate.run(DAY_A, staged)
    with duckdb.connect(str(staged.warehouse_path)) as con:  # as an older release would have left it
        con.execute("DROP VIEW reporting.events_with_evidence; UPDATE main.reporting_definition SET checksum = 'old'")
    publish.run(DAY_A, staged)
    with duckdb.connect(str(staged.published_path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM reporting.events_with_evidence").fetchone() == (2,)
        assert (
            con.execute("SELECT comment FROM duckdb_views() WHERE view_name = 'events_with_evidence'")
            .fetchone()[0]
            .startswith("Every event")
        )


def test_open_reader_keeps_its_snapshot_while_new_connections_see_the_new_copy(staged):
    aggregate.run(DAY_A, staged)
    publish.run(DAY_A, staged)
    reader = duckdb.connect(str(staged.published_path), read_only=True)
    assert reader.execute(COUNT_EVENTS).fetchone() == (2,)

    aggregate.run(DAY_B, staged)
    publish.run(DAY_B, staged)
    assert reader.execute(COUNT_EVENTS).fetchone() == (2,)
    assert query_in_subprocess(sys.executable, staged.published_path, COUNT_EVENTS) == "[(3,)]"
    reader.close()


def test_sqlalchemy_duckdb_engine_reads_the_published_file(staged):
    aggregate.run(DAY_A, staged)
    publish.run(DAY_A, staged)
    url = f"duckdb:///{staged.published_path}?access_mode=read_only"
    assert url.startswith("duckdb:////")
    engine = sqlalchemy.create_engine(url)
    with engine.connect() as connection:
        planned = connection.execute(
            sqlalchemy.text("SELECT actor1, actor2, status FROM reporting.engagements_from('2024-10-21')")
        ).fetchall()
    engine.dispose()
    assert [tuple(row) for row in planned] == [("IND", "RUS", "planned")]


def duckdb_1x_python(version: str) -> Path:
    """Interpreter of a cached venv with DuckDB ``version`` (created once under .cache/duckdb1x)."""
    venv = PROJECT_ROOT / ".cache" / "duckdb1x" / version
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        install = subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", f"duckdb=={version}"],
            capture_output=True,
            text=True,
        )
        if install.returncode != 0:
            python.unlink(missing_ok=True)
            pytest.skip(f"cannot install duckdb=={version}: {install.stderr[-500:]}")
    return python


@pytest.mark.integration
@pytest.mark.parametrize("version", DUCKDB_1X_VERSIONS)
def test_duckdb_1x_opens_the_published_file(staged, version):
    aggregate.run(DAY_A, staged)
    publish.run(DAY_A, staged)
    aggregate.run(DAY_B, staged)
    assert publish.run(DAY_B, staged)["mode"] == "incremental"  # written into a copy of the 1.x-format file
    python = duckdb_1x_python(version)
    assert query_in_subprocess(python, staged.published_path, "SELECT version()") == f"[('v{version}',)]"
    assert (
        query_in_subprocess(
            python,
            staged.published_path,
            "SELECT actor1, actor2, events, mentions FROM reporting.dyad_monthly ORDER BY ALL",
        )
        == "[('CHN', 'IND', 2, 2), ('IND', 'RUS', 1, 4)]"
    )
    # The long-form views and the checked macros bind in the older readers too.
    assert (
        query_in_subprocess(
            python,
            staged.published_path,
            "SELECT partner, events, cooperation, conflict"
            " FROM reporting.country_partners_between('rus', '2024-10-01', '2024-10-31')"
            " UNION ALL SELECT partner, events, cooperation, conflict FROM reporting.country_partner_monthly"
            " WHERE country = 'RUS' UNION ALL SELECT pair, mentions, NULL, NULL FROM reporting.events_with_evidence"
            " WHERE pair = 'IND-RUS'",
        )
        == "[('IND', 1, 1, 0), ('IND', 1, 1, 0), ('IND-RUS', 4, None, None)]"
    )
    checked = subprocess.run(
        [
            str(python),
            "-c",
            "import sys, duckdb; duckdb.connect(sys.argv[1], read_only=True).execute("
            "\"SELECT * FROM reporting.pair_timeline('IND', 'XXX', '2024-01-01', '2024-12-31')\").fetchall()",
            str(staged.published_path),
        ],
        capture_output=True,
        text=True,
    )
    assert checked.returncode != 0 and "unknown country code 'XXX'" in checked.stderr


def test_the_copy_holds_the_heavy_views_as_tables_of_the_warehouses_rows(staged):
    """BI tools read dyad_* and country_partner_* from tables computed at publish, with the rows
    and comments the warehouse's views give; the next publish recomputes them from the new day."""
    aggregate.run(DAY_A, staged)
    publish.run(DAY_A, staged)
    aggregate.run(DAY_B, staged)
    assert publish.run(DAY_B, staged)["mode"] == "incremental"
    with duckdb.connect(str(staged.published_path), read_only=True) as con:
        tables = con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'reporting'").fetchall()
        assert sorted(name for (name,) in tables) == sorted(MATERIALIZED_VIEWS)
        uncommented = "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'dyad_periods' AND comment IS NULL"
        assert con.execute(uncommented).fetchone() == (0,)
        published = {
            name: con.execute(f"SELECT * FROM reporting.{name} ORDER BY ALL").fetchall() for name in MATERIALIZED_VIEWS
        }
    with duckdb.connect(str(staged.warehouse_path), read_only=True) as con:
        for name in MATERIALIZED_VIEWS:
            assert con.execute(f"SELECT * FROM reporting.{name} ORDER BY ALL").fetchall() == published[name]
    assert sum(row[4] for row in published["dyad_periods"] if row[0] == "month") == 3  # events of both days
