"""publish: hand BI tools a fresh, read-only copy of the warehouse, swapped in atomically.

BI tools keep connections open on the published file, and DuckDB allows one read-write process or
many read-only ones, never both. So the copy is written to a temporary file beside the published
one and moved over it with ``os.replace``: open readers keep their old snapshot (the old inode),
new connections see the new file, and nobody sees a half-written database. The copy uses storage
version v1.0.0 so BI tools still on DuckDB 1.x can open it (2.0's default format they cannot).

Copying the whole warehouse every day costs more each day of a year, so the temporary file starts
as a file-system copy of the published one (its storage version kept) and only what the warehouse
changed since is replaced: the day partitions the load log names (``warehouse.load_log``), the
event ids reclustering moved and their events, and the small whole tables. When the log cannot vouch for the
old copy (none yet, another schema, edited removals, a rebuilt warehouse) the full copy is made.

Because a publish copies every day loaded since the last one, a backfill need not publish each
of its days: a day whose checked data another run's publish will carry (``carrying_run``) leaves
publishing to it, which keeps the one-slot DuckDB pool for the loads.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import duckdb

from engagement.config import Settings
from engagement.warehouse.connect import ROW_GROUP_OPTION, connect, open_in_memory
from engagement.warehouse.docs import document_reporting
from engagement.warehouse.load_log import UNPUBLISHED_SCHEMA, days_loaded_since
from engagement.warehouse.partitions import PARTITIONED_TABLES
from engagement.warehouse.reporting import apply_reporting, materialize_views

STORAGE_VERSION = "v1.0.0"
# Task states of a publish that has not started yet (None: not scheduled so far).
NOT_STARTED = (None, "scheduled", "queued")
WAREHOUSE_ALIAS = "warehouse"
PUBLISHED_ALIAS = "published_copy"


def run(day: date, settings: Settings) -> dict:
    """Bring a copy of the published file up to the warehouse (tables, views, macros, comments)
    and publish it atomically."""
    target = settings.published_path
    target.parent.mkdir(parents=True, exist_ok=True)
    stale = remove_stale_copies(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    _unlink_copy(temporary)
    try:
        days, counts = _write_copy(settings, target, temporary)
    except Exception:
        _unlink_copy(temporary)
        raise
    os.replace(temporary, target)
    _unlink_copy(temporary)  # the copy's WAL, if DuckDB left one beside it
    return {
        "day": day.isoformat(),
        "published_path": str(target),
        "storage_version": STORAGE_VERSION,
        "tables": counts[0],
        "views": counts[1],
        "events": counts[2],
        "bytes": target.stat().st_size,
        "stale_copies_removed": stale,
        "mode": "full" if days is None else "incremental",
        "days_copied": None if days is None else len(days),
    }


def carrying_run(task_states: dict[str, dict[str, str | None]], own_run_id: str) -> str | None:
    """Another run whose ``check`` passed and whose ``publish`` has not started, if any.

    ``task_states`` maps run ids to their task states (Airflow's ``get_task_states``). Such a
    publish starts after the one asking (they share the one-slot DuckDB pool, which the asker
    holds) and copies every day loaded until then, the asker's checked day included. A publish
    already running or retrying carries nothing for sure, so it is not counted."""
    for run_id, states in sorted(task_states.items()):
        if run_id != own_run_id and states.get("check") == "success" and states.get("publish") in NOT_STARTED:
            return run_id
    return None


def _write_copy(settings: Settings, target: Path, temporary: Path) -> tuple[list[date] | None, tuple]:
    """Bring ``temporary`` up to the warehouse; the days copied (None: full copy) and the copy's
    table (materialized views included), view and event counts. DuckDB's buffer pool is capped
    (``duckdb_memory_limit``) and spills to a folder beside the target, removed afterwards."""
    spill_prefix = f".{target.name}.{os.getpid()}.spill-"  # named by PID: remove_stale_copies
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=spill_prefix) as spill:
        # in-memory: the warehouse is attached read-only, the copy read-write
        con = open_in_memory(settings.duckdb_memory_limit, Path(spill))
        try:
            con.execute(f"ATTACH ? AS {WAREHOUSE_ALIAS} (READ_ONLY)", [str(settings.warehouse_path)])
            days = _copy_changes(con, target, temporary)
            con.execute(f"DETACH {PUBLISHED_ALIAS}")
            con.execute(f"DETACH {WAREHOUSE_ALIAS}")
        finally:
            con.close()
    counts = _refresh_reporting(temporary, settings.duckdb_memory_limit)
    return days, counts


def _copy_changes(con: duckdb.DuckDBPyConnection, target: Path, temporary: Path) -> list[date] | None:
    """Fill ``temporary`` (attached as the copy); return the days copied again, None for a full copy."""
    if target.exists():
        shutil.copyfile(target, temporary)
        # keeps the file's storage version
        con.execute(f"ATTACH ? AS {PUBLISHED_ALIAS} ({ROW_GROUP_OPTION})", [str(temporary)])
        days = days_loaded_since(con, WAREHOUSE_ALIAS, PUBLISHED_ALIAS)
        if days is not None:
            con.execute("BEGIN TRANSACTION")
            _replace_changed(con, days)
            con.execute("COMMIT")
            return days
        con.execute(f"DETACH {PUBLISHED_ALIAS}")
        _unlink_copy(temporary)
    options = f"STORAGE_VERSION '{STORAGE_VERSION}', {ROW_GROUP_OPTION}"
    con.execute(f"ATTACH ? AS {PUBLISHED_ALIAS} ({options})", [str(temporary)])
    con.execute(f"COPY FROM DATABASE {WAREHOUSE_ALIAS} TO {PUBLISHED_ALIAS}")
    con.execute(f"DROP SCHEMA IF EXISTS {PUBLISHED_ALIAS}.{UNPUBLISHED_SCHEMA} CASCADE")
    return None


def _replace_changed(con: duckdb.DuckDBPyConnection, days: list[date]) -> None:
    """Make the attached copy equal the warehouse, given the days loaded since it was made.

    Only a load changes a day's partitions, but reclustering also re-points mentions of other
    days. An event row changes only with its mentions, so the events to replace are those of the
    changed days' mentions and of the re-pointed ones, under their old and their new ids.
    """
    wh, pub = WAREHOUSE_ALIAS, PUBLISHED_ALIAS
    con.execute("CREATE OR REPLACE TEMP TABLE changed_days AS SELECT unnest(?::DATE[]) AS day", [days])
    con.execute(
        "CREATE OR REPLACE TEMP TABLE moved AS"
        f" SELECT mention_id, event_id FROM {wh}.core.event_mentions"
        f" EXCEPT SELECT mention_id, event_id FROM {pub}.core.event_mentions"
    )
    touched = (
        "SELECT event_id FROM {db}.core.event_mentions WHERE day IN (SELECT day FROM changed_days)"
        " OR mention_id IN (SELECT mention_id FROM moved)"
    )
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE touched_events AS {touched.format(db=pub)} UNION {touched.format(db=wh)}"
    )
    for table in PARTITIONED_TABLES:
        con.execute(f"DELETE FROM {pub}.core.{table} WHERE day IN (SELECT day FROM changed_days)")
        con.execute(
            f"INSERT INTO {pub}.core.{table} BY NAME"
            f" SELECT * FROM {wh}.core.{table} WHERE day IN (SELECT day FROM changed_days)"
        )
    con.execute(
        f"UPDATE {pub}.core.event_mentions AS copy SET event_id = moved.event_id FROM moved"
        " WHERE copy.mention_id = moved.mention_id AND copy.event_id IS DISTINCT FROM moved.event_id"
    )
    con.execute(f"DELETE FROM {pub}.core.events WHERE event_id IN (SELECT event_id FROM touched_events)")
    con.execute(
        f"INSERT INTO {pub}.core.events BY NAME"
        f" SELECT * FROM {wh}.core.events WHERE event_id IN (SELECT event_id FROM touched_events)"
    )
    for schema, table in _whole_tables(con):
        con.execute(f'DELETE FROM {pub}."{schema}"."{table}"')
        con.execute(f'INSERT INTO {pub}."{schema}"."{table}" BY NAME SELECT * FROM {wh}."{schema}"."{table}"')


def _whole_tables(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Every other published table: reference data, removals, ledgers, the load log; small,
    copied whole."""
    per_day = [("core", table) for table in [*PARTITIONED_TABLES, "events"]]
    rows = con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = ? ORDER BY ALL", [WAREHOUSE_ALIAS]
    ).fetchall()
    return [row for row in rows if row not in per_day and row[0] != UNPUBLISHED_SCHEMA]


def remove_stale_copies(target: Path) -> int:
    """Delete temporary copies (and their WAL files) and spill folders left by publishes that
    were killed.

    Both are named after their writer's PID; one whose process is gone is garbage.
    """
    removed = 0
    leftovers = {*target.parent.glob(f".{target.name}.*.tmp*"), *target.parent.glob(f".{target.name}.*.spill-*")}
    for path in sorted(leftovers):
        pid = path.name[len(target.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed += 1
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _unlink_copy(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)


def _refresh_reporting(path: Path, memory_limit: str) -> tuple[int, int, int]:
    """Re-create the copy's reporting layer from this code's sql/reporting.sql (the tables the last
    publish materialized become views again), so a published file always has the current views;
    then compute the heavy ones as tables (``reporting.MATERIALIZED_VIEWS``) from the copy's data."""
    with connect(path, memory_limit=memory_limit) as copy:  # a temporary file until os.replace: no reader sees a step
        apply_reporting(copy, force=True)
        materialize_views(copy)
        document_reporting(copy)
        return copy.execute(
            "SELECT (SELECT count(*) FROM duckdb_tables()), (SELECT count(*) FROM duckdb_views() WHERE NOT internal),"
            " (SELECT count(*) FROM core.events)"
        ).fetchone()
