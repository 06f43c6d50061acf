"""The staging contract: dataset schemas against the migrated DDL, the part layout, the envelope."""

from __future__ import annotations

from datetime import date

import duckdb
import polars as pl
import pytest
from engagement.staging import DATASETS, StageRun, Staging, datasets_of_table, loaded_tables
from engagement.storage import Storage
from engagement.warehouse.migrate import apply_migrations
from engagement.warehouse.partitions import loaded_columns

DAY = date(2025, 11, 17)
# The DuckDB type each Parquet column type is loaded as.
DUCKDB_TYPES = {
    pl.String(): "VARCHAR",
    pl.Int32(): "INTEGER",
    pl.Int8(): "TINYINT",
    pl.Float64(): "DOUBLE",
    pl.Date(): "DATE",
    pl.Datetime("us", "UTC"): "TIMESTAMP WITH TIME ZONE",
    pl.List(pl.String()): "VARCHAR[]",
}


@pytest.fixture(scope="module")
def warehouse():
    con = duckdb.connect(":memory:")
    apply_migrations(con)
    yield con
    con.close()


@pytest.mark.parametrize("table", loaded_tables())
def test_every_loaded_dataset_has_exactly_the_tables_columns_and_types(warehouse, table):
    ddl = dict(
        warehouse.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'core' AND table_name = ?",
            [table],
        ).fetchall()
    )
    columns = loaded_columns(warehouse, table)
    for dataset in datasets_of_table(table):
        # ``day`` of a quarantine row is the partition the load sets, not a loaded column.
        staged = {name: kind for name, kind in dataset.schema.items() if name != "day"}
        assert sorted(staged) == sorted(columns), dataset.name
        assert {name: DUCKDB_TYPES[kind] for name, kind in staged.items()} == {c: ddl[c] for c in columns}


def test_the_loaded_tables_are_the_core_partitions():
    assert loaded_tables() == ["articles", "sentences", "mentions", "event_mentions", "quarantine"]
    assert {d.name for d in datasets_of_table("quarantine")} == {
        "quarantine_ingest",
        "quarantine_clean",
        "quarantine_dedupe",
        "quarantine_extract",
        "quarantine_events",
    }


def test_parts_are_laid_out_per_day_dataset_and_shard(tmp_path):
    staging = Staging(Storage.from_url(tmp_path.as_uri()).child("staging"))
    copy = {"article_id": "b", "duplicate_of": "a", "reason": "duplicate", "similarity": 1.0}
    frame = staging.frame("duplicates", [copy])
    for shard in (2, 0):
        staging.write(StageRun(DAY, shard, 3), "duplicates", frame)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "staging",
        "staging/2025-11-17",
        "staging/2025-11-17/duplicates",
        "staging/2025-11-17/duplicates/part-00000.parquet",
        "staging/2025-11-17/duplicates/part-00002.parquet",
    ]
    assert staging.shards(DAY, "duplicates") == [0, 2]
    assert staging.read(StageRun(DAY, 2, 3), "duplicates").equals(frame)
    assert staging.row_count(DAY, "duplicates") == 2
    assert [part.read_all().num_rows for part in staging.arrow_parts(DAY, "duplicates")] == [1, 1]
    assert staging.read_all(DAY, "signatures").schema == pl.Schema(DATASETS["signatures"].schema)

    staging.clear_day(DAY)
    assert staging.shards(DAY, "duplicates") == []


def test_a_frame_off_the_schema_is_refused(tmp_path):
    staging = Staging(Storage.from_url(tmp_path.as_uri()))
    with pytest.raises(TypeError, match="duplicates"):
        staging.write(StageRun(DAY), "duplicates", pl.DataFrame({"article_id": ["a"]}))
    assert not list(tmp_path.rglob("*.parquet"))


def test_the_envelope_round_trips_through_json_types():
    run = StageRun(DAY, 3, 4)
    assert run.to_dict() == {"day": "2025-11-17", "shard": 3, "shards": 4}
    assert StageRun.from_dict(run.to_dict()) == run
    assert StageRun.from_dict({**run.to_dict(), "articles": 12}) == run  # a stage's whole result
    assert StageRun.from_dict({"day": "2025-11-17"}) == StageRun(DAY, 0, 1)
    assert StageRun(DAY, 0, 3).runs() == [StageRun(DAY, 0, 3), StageRun(DAY, 1, 3), StageRun(DAY, 2, 3)]
