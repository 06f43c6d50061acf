"""Rebuild ``core.events`` from every event mention, and point each mention at its event.

Always from all days: an article loaded later (a backfill) can join, re-date or re-status an
event first seen earlier, and the result must not depend on the order days were loaded in.
"""

from __future__ import annotations

import duckdb

from engagement.warehouse.cluster import cluster_events

_MENTIONS_WITH_ARTICLE = """
SELECT em.* EXCLUDE (day, event_id), a.published_at, a.source AS outlet
FROM core.event_mentions em
LEFT JOIN core.articles a USING (article_id)
ORDER BY em.mention_id
"""


def rebuild_events(con: duckdb.DuckDBPyConnection) -> int:
    """Recluster all mentions inside the caller's transaction; return the number of events."""
    assignments, events = cluster_events(con.sql(_MENTIONS_WITH_ARTICLE).pl())
    con.register("event_assignments", assignments)
    con.execute(
        "UPDATE core.event_mentions SET event_id = a.event_id FROM event_assignments a"
        " WHERE core.event_mentions.mention_id = a.mention_id"
    )
    con.unregister("event_assignments")
    con.execute("DELETE FROM core.events")
    con.register("rebuilt_events", events)
    columns = ", ".join(f'"{c}"' for c in events.columns)
    con.execute(f"INSERT INTO core.events ({columns}) SELECT {columns} FROM rebuilt_events")
    con.unregister("rebuilt_events")
    return events.height
