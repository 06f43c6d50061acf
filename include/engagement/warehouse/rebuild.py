"""Rebuild ``core.events`` after a day's load, and point each mention at its event.

Events never span clustering groups (a country pair and family, or a multilateral forum), so
only the groups the day's mentions belong to — before and after its partition is replaced — are
reclustered, each from all of its mentions on every day. An article loaded later (a backfill)
can still join, re-date or re-status an event first seen earlier, and the result is exactly
what reclustering every mention would give, whatever order the days were loaded in; the cost of
a day no longer grows with the whole warehouse's events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import polars as pl

from engagement.warehouse.cluster import cluster_events, group_of

_GROUPING_COLUMNS = (
    "SELECT mention_id, day, event_id, actor1, actor2, cameo, root, forum, participants FROM core.event_mentions"
)
_MENTIONS_WITH_ARTICLE = """
SELECT em.* EXCLUDE (day, event_id), a.published_at, a.source AS outlet
FROM core.event_mentions em
LEFT JOIN core.articles a USING (article_id)
WHERE em.mention_id IN (SELECT mention_id FROM reclustered_mentions)
ORDER BY em.mention_id
"""


@dataclass(frozen=True)
class DayGroups:
    """The clustering groups a day's mentions belong to, and their events, before a reload."""

    groups: frozenset[tuple]
    event_ids: frozenset[str]


def day_groups(con: duckdb.DuckDBPyConnection, day: date | None) -> DayGroups:
    """Groups and events of ``day``'s mentions as loaded now (all days when ``day`` is None)."""
    where = "" if day is None else " WHERE day = $day"
    rows = con.sql(_GROUPING_COLUMNS + where, params=None if day is None else {"day": day}).pl()
    return DayGroups(
        frozenset(group_of(row) for row in rows.iter_rows(named=True)),
        frozenset(event_id for event_id in rows["event_id"] if event_id is not None),
    )


def rebuild_events(con: duckdb.DuckDBPyConnection, day: date | None, before: DayGroups) -> int:
    """Recluster the groups of ``day`` (``before`` its reload and now) inside the caller's
    transaction; ``day=None`` reclusters everything. Returns the number of events in the table."""
    every = con.sql(_GROUPING_COLUMNS).pl()
    groups = [group_of(row) for row in every.iter_rows(named=True)]
    touched = set(before.groups) | {g for g, d in zip(groups, every["day"], strict=True) if day is None or d == day}
    in_touched = pl.Series([group in touched for group in groups], dtype=pl.Boolean)
    reclustered = every.filter(in_touched)
    stale = set(before.event_ids) | {e for e in reclustered["event_id"] if e is not None}

    con.register("reclustered_mentions", reclustered.select("mention_id"))
    assignments, events = cluster_events(con.sql(_MENTIONS_WITH_ARTICLE).pl())
    con.unregister("reclustered_mentions")
    con.register("event_assignments", assignments)
    con.execute(
        "UPDATE core.event_mentions SET event_id = a.event_id FROM event_assignments a"
        " WHERE core.event_mentions.mention_id = a.mention_id"
    )
    con.unregister("event_assignments")
    con.register("stale_events", pl.DataFrame({"event_id": sorted(stale)}, schema={"event_id": pl.String}))
    con.execute("DELETE FROM core.events WHERE event_id IN (SELECT event_id FROM stale_events)")
    con.unregister("stale_events")
    con.register("rebuilt_events", events)
    columns = ", ".join(f'"{c}"' for c in events.columns)
    con.execute(f"INSERT INTO core.events ({columns}) SELECT {columns} FROM rebuilt_events")
    con.unregister("rebuilt_events")
    return con.execute("SELECT count(*) FROM core.events").fetchone()[0]
