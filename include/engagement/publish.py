"""publish: hand BI tools a fresh, read-only copy of the warehouse, swapped in atomically.

BI tools keep connections open on the published file, and DuckDB allows one read-write process or
many read-only ones, never both. So the copy is written to a temporary file beside the published
one and moved over it with ``os.replace``: open readers keep their old snapshot (the old inode),
new connections see the new file, and nobody sees a half-written database. The copy uses storage
version v1.0.0 so BI tools still on DuckDB 1.x can open it (2.0's default format they cannot).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import duckdb

from engagement.config import Settings
from engagement.warehouse.docs import document_reporting
from engagement.warehouse.reporting import apply_reporting

STORAGE_VERSION = "v1.0.0"
WAREHOUSE_ALIAS = "warehouse"
PUBLISHED_ALIAS = "published_copy"


def run(day: date, settings: Settings) -> dict:
    """Copy the whole warehouse (tables, views, macros, comments) and publish it atomically."""
    target = settings.published_path
    target.parent.mkdir(parents=True, exist_ok=True)
    stale = remove_stale_copies(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    _unlink_copy(temporary)
    con = duckdb.connect()  # in-memory: the warehouse is attached read-only, the copy read-write
    try:
        con.execute(f"ATTACH ? AS {WAREHOUSE_ALIAS} (READ_ONLY)", [str(settings.warehouse_path)])
        con.execute(
            f"ATTACH ? AS {PUBLISHED_ALIAS} (STORAGE_VERSION '{STORAGE_VERSION}')", [str(temporary)]
        )
        con.execute(f"COPY FROM DATABASE {WAREHOUSE_ALIAS} TO {PUBLISHED_ALIAS}")
        counts = con.execute(
            "SELECT (SELECT count(*) FROM duckdb_tables()"
            f" WHERE database_name = '{PUBLISHED_ALIAS}'),"
            f" (SELECT count(*) FROM duckdb_views() WHERE database_name = '{PUBLISHED_ALIAS}'"
            " AND NOT internal),"
            f" (SELECT count(*) FROM {PUBLISHED_ALIAS}.core.events)"
        ).fetchone()
        con.execute(f"DETACH {PUBLISHED_ALIAS}")
        con.execute(f"DETACH {WAREHOUSE_ALIAS}")
        con.close()
        _refresh_reporting(temporary)
    except Exception:
        con.close()
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
    }


def remove_stale_copies(target: Path) -> int:
    """Delete temporary copies (and their WAL files) left by publishes that were killed.

    A copy is named after its writer's PID; one whose process is gone is garbage.
    """
    removed = 0
    for path in target.parent.glob(f".{target.name}.*.tmp*"):
        pid = path.name[len(target.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
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


def _refresh_reporting(path) -> None:
    """Re-create the copy's reporting views from this code's sql/reporting.sql if the warehouse
    holds an older definition (a no-op otherwise), so a published file always has the current views."""
    with duckdb.connect(str(path)) as copy:
        if apply_reporting(copy):
            document_reporting(copy)
