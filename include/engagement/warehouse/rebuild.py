"""Rebuild ``core.events`` after a day's load, and point each mention at its event.

A mention can only share an event with mentions of its clustering group (a country pair and
family, or a multilateral forum) whose dates overlap its own, directly or through a chain of
others (``cluster.span_of``). So after a day's load only the *time windows* the day touches are
reclustered: within each group the day's mentions belong to, the connected runs of overlapping
date spans that hold a mention of the day, a mention of an event the day's old partition was
part of, or a span of that old partition. Each window is reclustered from all of its mentions
on every day, so an article loaded later (a backfill) still joins, re-dates or re-statuses an
event first seen earlier, and the result is exactly what reclustering every mention would give,
whatever order the days were loaded in (tested against a full recluster).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import duckdb
import polars as pl

from engagement.warehouse.cluster import cluster_events, group_of, span_of

_LIGHT_COLUMNS = (
    "mention_id, day, event_id, actor1, actor2, cameo, root, forum, participants, event_date, event_date_end"
)
_MENTIONS_WITH_ARTICLE = """
SELECT em.* EXCLUDE (day, event_id), a.published_at, a.source AS outlet
FROM core.event_mentions em
LEFT JOIN core.articles a USING (article_id)
WHERE em.mention_id IN (SELECT mention_id FROM reclustered_mentions)
ORDER BY em.mention_id
"""
# Every mention of the touched pairs (bilateral) and every multilateral one: the candidates
# whose exact group is then computed in Python, without reading the rest of the warehouse.
_CANDIDATES = f"""
SELECT {_LIGHT_COLUMNS} FROM core.event_mentions
WHERE (actor1, actor2) IN (SELECT (actor1, actor2) FROM touched_pairs) OR actor1 IS NULL
"""


@dataclass(frozen=True)
class DayGroups:
    """What a day's mentions were before a reload: their groups, events and date spans."""

    groups: frozenset[tuple]
    event_ids: frozenset[str]
    spans: frozenset[tuple]  # (group, first day, last day) of each dated mention


def day_groups(con: duckdb.DuckDBPyConnection, day: date | None) -> DayGroups:
    """Groups, events and spans of ``day``'s mentions as loaded now (all days when None)."""
    where = "" if day is None else " WHERE day = $day"
    rows = con.sql(
        f"SELECT {_LIGHT_COLUMNS} FROM core.event_mentions{where}", params=None if day is None else {"day": day}
    )
    return _day_groups(rows.pl().to_dicts())


def _day_groups(rows: list[dict]) -> DayGroups:
    spans = set()
    for row in rows:
        span = span_of(row)
        if span:
            spans.add((group_of(row), *span))
    return DayGroups(
        frozenset(group_of(row) for row in rows),
        frozenset(row["event_id"] for row in rows if row["event_id"] is not None),
        frozenset(spans),
    )


def rebuild_events(con: duckdb.DuckDBPyConnection, day: date | None, before: DayGroups) -> int:
    """Recluster the windows ``day`` touches (before its reload and now) inside the caller's
    transaction; ``day=None`` reclusters everything. Returns the number of events in the table."""
    if day is None:
        rows = con.sql(f"SELECT {_LIGHT_COLUMNS} FROM core.event_mentions").pl().to_dicts()
        seeds = {row["mention_id"] for row in rows}
    else:
        rows, seeds = _candidates(con, day, before)
    affected = touched_windows(rows, seeds, before)
    stale = set(before.event_ids) | {
        row["event_id"] for row in rows if row["mention_id"] in affected and row["event_id"]
    }

    con.register(
        "reclustered_mentions", pl.DataFrame({"mention_id": sorted(affected)}, schema={"mention_id": pl.String})
    )
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


def _candidates(con: duckdb.DuckDBPyConnection, day: date, before: DayGroups) -> tuple[list[dict], set[str]]:
    """Mentions of the groups the day touches, and the seeds: the day's mentions and those of the
    events its old partition was part of."""
    day_rows = con.sql(f"SELECT {_LIGHT_COLUMNS} FROM core.event_mentions WHERE day = $day", params={"day": day})
    groups = set(before.groups) | {group_of(row) for row in day_rows.pl().to_dicts()}
    pairs = sorted({(a, b) for a, b, _ in groups if a})
    con.register("touched_pairs", pl.DataFrame(pairs, schema={"actor1": pl.String, "actor2": pl.String}, orient="row"))
    rows = [row for row in con.sql(_CANDIDATES).pl().to_dicts() if group_of(row) in groups]
    con.unregister("touched_pairs")
    seeds = {row["mention_id"] for row in rows if row["day"] == day or row["event_id"] in before.event_ids}
    return rows, seeds


def touched_windows(rows: list[dict], seeds: set[str], before: DayGroups) -> set[str]:
    """Mention ids of every window (a run of overlapping spans in one group) holding a seed or
    overlapping a span of the old partition; an undated mention is a window of its own."""
    by_group: dict[tuple, list[tuple]] = defaultdict(list)
    affected: set[str] = set()
    for row in rows:
        span = span_of(row)
        if span is None:
            if row["mention_id"] in seeds:
                affected.add(row["mention_id"])
            continue
        by_group[group_of(row)].append((*span, row["mention_id"]))
    old_spans: dict[tuple, list[tuple]] = defaultdict(list)
    for group, start, end in before.spans:
        old_spans[group].append((start, end))
    for group, spans in by_group.items():
        for window in _runs(sorted(spans)):
            first, last = window[0][0], max(end for _, end, _ in window)
            if any(mention_id in seeds for *_, mention_id in window) or any(
                start <= last and first <= end for start, end in old_spans[group]
            ):
                affected.update(mention_id for *_, mention_id in window)
    return affected


def _runs(spans: list[tuple]) -> list[list[tuple]]:
    """Spans sorted by start, cut into runs whose spans overlap one another in a chain."""
    runs: list[list[tuple]] = []
    reach = None
    for span in spans:
        if runs and span[0] <= reach:
            runs[-1].append(span)
            reach = max(reach, span[1])
        else:
            runs.append([span])
            reach = span[1]
    return runs
