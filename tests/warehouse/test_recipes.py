"""The connection recipes of README.md / docs/warehouse.md, run as written where they can run here:
SQLAlchemy with duckdb-engine (the project's venv), pandas + SQLAlchemy (Superset's venv, bi/.venv),
and the documented failure of column reflection under SQLAlchemy 2.1 (duckdb_engine #1379/#1391)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import duckdb
import pytest
import sqlalchemy
from engagement import aggregate, publish
from warehouse_staging import DAY_A, DAY_B

REPO = Path(__file__).resolve().parents[2]
BI_PYTHON = REPO / "bi" / ".venv" / "bin" / "python"
PARTNERS = (
    "SELECT partner, events, cooperation, conflict"
    " FROM reporting.country_partners_between('IND', '2024-01-01', '2024-12-31')"
)

PANDAS_RECIPE = """
import sys
import pandas as pd
import sqlalchemy

engine = sqlalchemy.create_engine(f"duckdb:///{sys.argv[1]}?access_mode=read_only")
frame = pd.read_sql(sqlalchemy.text(sys.argv[2]), engine)
columns = sqlalchemy.inspect(engine).get_columns("country_partner_monthly", schema="reporting")
print(frame.values.tolist(), [c["name"] for c in columns][:3], bool(columns[0]["comment"]))
"""


@pytest.fixture
def published(staged) -> Path:
    aggregate.run(DAY_A, staged)
    aggregate.run(DAY_B, staged)
    publish.run(DAY_B, staged)
    return staged.published_path


def test_sqlalchemy_url_recipe(published):
    url = f"duckdb:///{published}?access_mode=read_only"
    assert url.startswith("duckdb:////")  # four slashes: an absolute path
    engine = sqlalchemy.create_engine(url)
    with engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(sqlalchemy.text(PARTNERS))]
    engine.dispose()
    with duckdb.connect(str(published), read_only=True) as con:
        assert rows == con.execute(PARTNERS).fetchall() == [("CHN", 2, 2, 0), ("RUS", 1, 1, 0)]


def test_column_reflection_fails_under_sqlalchemy_2_1_as_documented(published):
    """Known failure (docs/warehouse.md): queries work, reflection does not. When this test fails,
    a newer duckdb-engine or DuckDB fixed it: update the version table in docs/warehouse.md."""
    if not sqlalchemy.__version__.startswith("2.1"):
        pytest.skip(f"documented for SQLAlchemy 2.1, this venv has {sqlalchemy.__version__}")
    engine = sqlalchemy.create_engine(f"duckdb:///{published}?access_mode=read_only")
    with pytest.raises(sqlalchemy.exc.SQLAlchemyError, match="pg_collation"):
        sqlalchemy.inspect(engine).get_columns("country_partner_monthly", schema="reporting")
    engine.dispose()


def test_pandas_sqlalchemy_recipe_with_reflection(published):
    if not BI_PYTHON.exists():
        pytest.skip("bi/.venv is not installed: run `bash bi/install.sh` (scripts/test.sh does)")
    result = subprocess.run(
        [str(BI_PYTHON), "-c", PANDAS_RECIPE, str(published), PARTNERS],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[['CHN', 2, 2, 0], ['RUS', 1, 1, 0]] ['country', 'partner', 'month'] True"
