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

from engagement.warehouse.cluster import ASSIGNMENT_SCHEMA, EVENT_SCHEMA, cluster_events, group_of, span_of

_LIGHT_COLUMNS = (
    "mention_id, day, event_id, actor1, actor2, cameo, root, forum, participants, event_date, event_date_end"
)
# What a mention's clustering group depends on (``cluster.group_of``).
_GROUP_COLUMNS = ("actor1", "actor2", "cameo", "root", "forum", "participants")
_MENTIONS_WITH_ARTICLE = """
SELECT em.* EXCLUDE (day, event_id), a.published_at, a.source AS outlet
FROM core.event_mentions em
LEFT JOIN core.articles a USING (article_id)
WHERE em.mention_id IN (SELECT mention_id FROM reclustered_mentions)
ORDER BY em.mention_id
"""
# Mentions reclustered per batch: whole groups, a bounded number of mentions (one larger group
# is a batch of its own), so memory follows the largest group, not the day or the warehouse.
BATCH_MENTIONS = 20_000
_STALE_SCHEMA = {"event_id": pl.String}


@dataclass(frozen=True)
class DayGroups:
    """What a day's mentions were before a reload: their groups, events and date spans."""

    groups: frozenset[tuple]
    event_ids: frozenset[str]
    spans: frozenset[tuple]  # (group, first day, last day) of each dated mention


def day_groups(con: duckdb.DuckDBPyConnection, day: date | None) -> DayGroups:
    """Groups, events and spans of ``day``'s mentions as loaded now (all days when None).

    Read as distinct combinations of the columns they depend on, so a large day costs as many
    rows as it has distinct pairs, codes and dates, not one per mention."""
    where, params = ("", None) if day is None else (" WHERE day = $day", {"day": day})
    columns = ", ".join((*_GROUP_COLUMNS, "event_date", "event_date_end"))
    combos = con.sql(f"SELECT DISTINCT {columns} FROM core.event_mentions{where}", params=params).pl().to_dicts()
    event_ids = (
        con.sql(f"SELECT DISTINCT event_id FROM core.event_mentions{where}", params=params)
        .pl()["event_id"]
        .drop_nulls()
    )
    spans = set()
    for row in combos:
        span = span_of(row)
        if span:
            spans.add((group_of(row), *span))
    return DayGroups(frozenset(group_of(row) for row in combos), frozenset(event_ids), frozenset(spans))


def rebuild_events(con: duckdb.DuckDBPyConnection, day: date | None, before: DayGroups) -> int:
    """Recluster the windows ``day`` touches (before its reload and now) inside the caller's
    transaction; ``day=None`` reclusters everything. Returns the number of events in the table.

    The candidates (every mention of a touched group) are numbered by group in DuckDB and
    reclustered in batches of whole groups; the new assignments, events and stale event ids
    gather in temporary tables and replace the old ones at the end, in SQL."""
    _create_table(con, "stale_events", _STALE_SCHEMA)
    _insert(con, "stale_events", pl.DataFrame({"event_id": sorted(before.event_ids)}, schema=_STALE_SCHEMA))
    batches = _number_candidates(con, day, before)
    _create_table(con, "event_assignments", ASSIGNMENT_SCHEMA)
    _create_table(con, "rebuilt_events", EVENT_SCHEMA)
    for first, last in batches:
        rows = (
            con.sql(
                f"SELECT {_LIGHT_COLUMNS} FROM candidates WHERE group_no BETWEEN $first AND $last",
                params={"first": first, "last": last},
            )
            .pl()
            .to_dicts()
        )
        seeds = {
            row["mention_id"] for row in rows if day is None or row["day"] == day or row["event_id"] in before.event_ids
        }
        affected = touched_windows(rows, seeds, before)
        stale = {row["event_id"] for row in rows if row["mention_id"] in affected and row["event_id"]}
        del rows
        _insert(con, "stale_events", pl.DataFrame({"event_id": sorted(stale)}, schema=_STALE_SCHEMA))
        con.register(
            "reclustered_mentions", pl.DataFrame({"mention_id": sorted(affected)}, schema={"mention_id": pl.String})
        )
        assignments, events = cluster_events(con.sql(_MENTIONS_WITH_ARTICLE).pl())
        con.unregister("reclustered_mentions")
        _insert(con, "event_assignments", assignments)
        _insert(con, "rebuilt_events", events)
    con.execute(
        "UPDATE core.event_mentions SET event_id = a.event_id FROM event_assignments a"
        " WHERE core.event_mentions.mention_id = a.mention_id"
    )
    con.execute("DELETE FROM core.events WHERE event_id IN (SELECT event_id FROM stale_events)")
    columns = ", ".join(f'"{c}"' for c in EVENT_SCHEMA)
    con.execute(f"INSERT INTO core.events ({columns}) SELECT {columns} FROM rebuilt_events ORDER BY event_id")
    for table in ("stale_events", "event_assignments", "rebuilt_events", "candidates"):
        con.execute(f"DROP TABLE {table}")
    return con.execute("SELECT count(*) FROM core.events").fetchone()[0]


def _number_candidates(con: duckdb.DuckDBPyConnection, day: date | None, before: DayGroups) -> list[tuple[int, int]]:
    """Fill the temp table ``candidates`` with the mentions that can share an event with ``day``'s
    (before its reload and now; every mention when None), each with its group's number in sorted
    group order; return batches of group numbers, ``(first, last)``, of about BATCH_MENTIONS mentions.

    The group of each distinct combination of the columns it depends on is computed in Python
    (``cluster.group_of``, the one definition) and joined back in DuckDB. For a day, only the
    mentions whose date spans chain to the day's (``_reach``) are candidates, so the work follows
    the day and the events near it, not the warehouse's size."""
    columns = ", ".join(_GROUP_COLUMNS)
    combos = con.sql(f"SELECT DISTINCT {columns} FROM core.event_mentions").pl()
    groups = [group_of(row) for row in combos.iter_rows(named=True)]
    if day is None:
        touched = set(groups)
    else:
        day_combos = con.sql(
            f"SELECT DISTINCT {columns} FROM core.event_mentions WHERE day = $day", params={"day": day}
        )
        touched = set(before.groups) | {group_of(row) for row in day_combos.pl().iter_rows(named=True)}
    number = {group: index for index, group in enumerate(sorted(touched))}
    keys = combos.with_columns(pl.Series("group_no", [number.get(group) for group in groups], dtype=pl.Int64))
    con.register("group_numbers", keys.filter(pl.col("group_no").is_not_null()))
    joined = " AND ".join(f"em.{column} IS NOT DISTINCT FROM g.{column}" for column in _GROUP_COLUMNS)
    light = ", ".join(f"em.{column.strip()}" for column in _LIGHT_COLUMNS.split(","))
    if day is None:
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE candidates AS SELECT {light}, g.group_no"
            f" FROM core.event_mentions em JOIN group_numbers g ON {joined}"
        )
    else:
        con.register("date_spans", _date_spans(con))
        con.execute(
            "CREATE OR REPLACE TEMP TABLE grouped AS SELECT em.mention_id, em.day, em.event_id, g.group_no,"
            f" s.span_start, s.span_end FROM core.event_mentions em JOIN group_numbers g ON {joined}"
            " LEFT JOIN date_spans s ON em.event_date IS NOT DISTINCT FROM s.event_date"
            " AND em.event_date_end IS NOT DISTINCT FROM s.event_date_end"
        )
        con.unregister("date_spans")
        _reach(con, day, before, number)
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE candidates AS SELECT {light}, c.group_no FROM core.event_mentions em"
            " JOIN (SELECT mention_id, group_no FROM grouped c WHERE c.day = $day OR c.event_id IN"
            " (SELECT event_id FROM stale_events) OR EXISTS (SELECT 1 FROM reach r WHERE r.group_no = c.group_no"
            " AND c.span_start <= r.hi AND r.lo <= c.span_end)) c USING (mention_id)",
            {"day": day},
        )
        con.execute("DROP TABLE grouped")
        con.execute("DROP TABLE reach")
    con.unregister("group_numbers")
    sizes = con.execute("SELECT group_no, count(*) FROM candidates GROUP BY group_no ORDER BY group_no").fetchall()
    return _batches(sizes, BATCH_MENTIONS)


def _date_spans(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The span (``cluster.span_of``) of every distinct date pair of the mentions, computed once
    per pair (a few thousand), not once per mention."""
    pairs = con.sql("SELECT DISTINCT event_date, event_date_end FROM core.event_mentions").pl().to_dicts()
    spans = [span_of(pair) or (None, None) for pair in pairs]
    return pl.DataFrame(
        {
            "event_date": [pair["event_date"] for pair in pairs],
            "event_date_end": [pair["event_date_end"] for pair in pairs],
            "span_start": [span[0] for span in spans],
            "span_end": [span[1] for span in spans],
        },
        schema={"event_date": pl.String, "event_date_end": pl.String, "span_start": pl.Date, "span_end": pl.Date},
    )


def _reach(con: duckdb.DuckDBPyConnection, day: date, before: DayGroups, number: dict[tuple, int]) -> None:
    """Fill the temp table ``reach`` with, per group, the merged date intervals that chain to a
    seed: the spans of the day's mentions and of the old partition's events, and the old
    partition's own spans. Grown until no mention of ``grouped`` overlapping an interval widens it,
    so every window ``touched_windows`` can mark lies inside, whatever the warehouse holds."""
    old = pl.DataFrame(
        [(number[group], start, end) for group, start, end in before.spans],
        schema={"group_no": pl.Int64, "lo": pl.Date, "hi": pl.Date},
        orient="row",
    )
    con.register("old_spans", old)
    con.execute(
        "CREATE OR REPLACE TEMP TABLE reach AS SELECT group_no, span_start AS lo, span_end AS hi FROM grouped"
        " WHERE span_start IS NOT NULL AND (day = $day OR event_id IN (SELECT event_id FROM stale_events))"
        " UNION SELECT group_no, lo, hi FROM old_spans",
        {"day": day},
    )
    con.unregister("old_spans")
    while True:
        con.execute(_WIDEN_REACH)
        grown = con.execute("SELECT count(*) FROM (SELECT * FROM reach_next EXCEPT SELECT * FROM reach)").fetchone()[0]
        con.execute("DROP TABLE reach")
        con.execute("ALTER TABLE reach_next RENAME TO reach")
        if not grown:
            return


# One step of ``_reach``: add the spans of every mention overlapping an interval of its group and
# merge overlapping intervals (inclusive, as ``_runs`` chains spans) into one.
_WIDEN_REACH = """
CREATE OR REPLACE TEMP TABLE reach_next AS
WITH spans AS (
    SELECT group_no, lo, hi FROM reach
    UNION
    SELECT g.group_no, g.span_start, g.span_end FROM grouped g
    JOIN reach r ON g.group_no = r.group_no AND g.span_start <= r.hi AND r.lo <= g.span_end
), ordered AS (
    SELECT *, max(hi) OVER (PARTITION BY group_no ORDER BY lo, hi
                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach_before
    FROM spans
), islands AS (
    SELECT *, sum(CASE WHEN reach_before IS NULL OR lo > reach_before THEN 1 ELSE 0 END)
                  OVER (PARTITION BY group_no ORDER BY lo, hi ROWS UNBOUNDED PRECEDING) AS island
    FROM ordered
)
SELECT group_no, min(lo) AS lo, max(hi) AS hi FROM islands GROUP BY group_no, island
"""


def _batches(sizes: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """Consecutive runs of (group number, mentions) holding at most ``limit`` mentions each (a
    larger group alone), as (first, last) group numbers."""
    batches: list[tuple[int, int]] = []
    total = 0
    for group_no, count in sizes:
        if batches and total + count <= limit:
            batches[-1] = (batches[-1][0], group_no)
            total += count
        else:
            batches.append((group_no, group_no))
            total = count
    return batches


def _create_table(con: duckdb.DuckDBPyConnection, table: str, schema: dict) -> None:
    """An empty temp table for frames of this polars schema."""
    con.register("empty_frame", pl.DataFrame(schema=schema))
    con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM empty_frame")
    con.unregister("empty_frame")


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    con.register("inserted_frame", frame)
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM inserted_frame")
    con.unregister("inserted_frame")


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
