"""aggregate: load one day's staged parts (all shards) into the DuckDB warehouse and rebuild the events.

The only DuckDB writer besides publish. One transaction replaces the day's partition of every
core table and re-clusters the event groups the day touches (``warehouse.rebuild``), so
re-running or backfilling any day leaves exactly the tables a load in date order would have
produced. A load that would drop articles
the day held, without a recorded removal, is rolled back (``warehouse.shrink``).
"""

from __future__ import annotations

from datetime import date

from engagement.config import Settings
from engagement.staging import Staging
from engagement.warehouse.connect import open_for_writing, rollback
from engagement.warehouse.load_log import record_load
from engagement.warehouse.partitions import (
    PARTITIONED_TABLES,
    copy_publication_times,
    mark_duplicates,
    replace_partition,
)
from engagement.warehouse.rebuild import day_groups, rebuild_events
from engagement.warehouse.reference import replace_reference_tables
from engagement.warehouse.shrink import ShrinkError, describe, lost_since_remembered, remember_held, sync_removals


def run(day: date, settings: Settings) -> dict:
    """Replace ``day`` in the warehouse; return counts for XCom."""
    staging = Staging.from_settings(settings)
    con = open_for_writing(settings.warehouse_path, settings.duckdb_memory_limit)
    try:
        con.execute("BEGIN TRANSACTION")
        try:
            replace_reference_tables(con, settings.kb_override_dir)
            removals = sync_removals(con, settings.raw_store)
            remember_held(con, day)
            before = day_groups(con, day)
            loaded = {
                table: replace_partition(con, staging, day, table) for table in PARTITIONED_TABLES
            }
            copy_publication_times(con, day)
            duplicates = mark_duplicates(con, staging, day)
            lost = lost_since_remembered(con, day)
            if lost:
                raise ShrinkError(describe(day, lost, "the warehouse"))
            events_total = rebuild_events(con, day, before)
            events_touched = con.execute(
                "SELECT count(DISTINCT event_id) FROM core.event_mentions WHERE day = ?", [day]
            ).fetchone()[0]
            record_load(con, day)
            con.execute("COMMIT")
        except Exception:
            rollback(con)
            raise
    finally:
        con.close()
    return {
        "day": day.isoformat(),
        "warehouse": str(settings.warehouse_path),
        "articles": loaded["articles"],
        "quarantine": loaded["quarantine"],
        "sentences": loaded["sentences"],
        "mentions": loaded["mentions"],
        "event_mentions": loaded["event_mentions"],
        "duplicates": duplicates,
        "events_total": events_total,
        "events_touched": events_touched,
        "rows_written": sum(loaded.values()) + events_total,
        "removals_on_record": removals,
    }
