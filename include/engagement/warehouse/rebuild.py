"""Rebuild ``core.events`` after a day's load, and point each mention at its event.

Clustering (``cluster``) takes each group's mentions tier by tier (day, month, year precision),
each tier in date order, and a mention's fate depends only on the mentions before it in that
order. So after a day's load each group is reclustered from a *cut* per tier onwards, and what
lies before the cut is taken from the warehouse as it stands:

* day tier: from the earliest day-precision date the load changed (the day's mentions now and
  before its reload);
* month tier, then year tier: from the first of its mentions, in the tier's order (date, then
  publication time), that the load changed or that reaches the finer tiers' cut without being
  *settled*: two compatible finer events, two of its kind, ending before that cut
  (``internal.settled_reports``) keep it out of every finer event whatever the load adds, so it
  and the mentions before it keep their places. (By date alone every "2025" report of a touched
  group reaches every cut of its year and was reclustered every day.)

Mentions from the cut on (the *tail*) are reclustered; a stored event still open at the cut (its
kept members reach past it) continues with its state from its kept members, and a stored finer
event lying in a tail mention's period is offered to it the same way. Those are read lazily,
because two compatible events settle a coarse mention (``cluster._Within``): a group is
reclustered with its open stored events and ``STORED_PER_PERIOD`` finer ones per period (a few,
then more), then with all. A new event equal member for member to a stored one keeps its row;
stored events that lost or gained a mention are recomputed from all their members.

The result is exactly what reclustering every mention gives, whatever order the days were
loaded in (tested against a full recluster), and a day loaded in date order touches about the
last week of its groups and the coarse mentions not settled, not the whole warehouse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import polars as pl

from engagement.warehouse.cluster import (
    PRECISIONS,
    TOOK_PLACE,
    Reclustered,
    group_of,
    recluster,
    same_as_stored,
    span_of,
    stored_groups,
)
from engagement.warehouse.event_rows import ASSIGNMENT_SCHEMA, EVENT_SCHEMA, EVIDENCE_COLUMNS, event_rows
from engagement.warehouse.groups import GROUP_COLUMNS, KEY_SEPARATOR, loaded_groups, same_group

# Mentions (``{source}``: a query of core.event_mentions rows) with what the clustering rules read
# (``cluster.recluster``), their article's publication time (copied onto the mention at load:
# no join of every article) and their date span and tier (``_date_spans``); ``{joins}`` adds
# joins (the group's number, inner, first, so that DuckDB filters first).
_MENTIONS = """
SELECT em.mention_id, em.day, em.event_id, em.article_id, em.actor1, em.actor2, em.participants, em.forum,
       em.cameo, em.root, em.source, em.target, em.status, em.event_date, em.event_date_end, em.location,
       em.sentence_idx, em.date_basis, em.published_at, s.span_start, s.span_end, s.tier{columns}
FROM ({source}) em
JOIN date_spans s ON em.event_date IS NOT DISTINCT FROM s.event_date
                 AND em.event_date_end IS NOT DISTINCT FROM s.event_date_end{joins}
"""
_ALL_MENTIONS = "SELECT * FROM core.event_mentions"
_IN_SELECTED = "SELECT * FROM core.event_mentions WHERE event_id IN (SELECT event_id FROM selected_stored)"
# Mentions reclustered per batch: whole groups, a bounded number of mentions (one larger group
# is a batch of its own), so memory follows the largest group, not the day or the warehouse.
# Each batch scans the mentions table for its stored events' members, so a late day of a year
# of 2,000 articles a day (about 35,000 candidates) is one batch: 50,000 against 20,000 saved
# 0.6 s of 5.5 on 1 January after 2025, and cost 50-80 MB more on a 300k-article day.
BATCH_MENTIONS = 50_000
# Stored finer events read per coarse period, widening read by read, before the inside rule
# needs them all: enough for a busy pair's period to show two compatible events, which settles
# every mention of it. A plan for "2025" published in December fits few of the year's held events
# (``cluster._Cluster.accepts_status``), so 8 left 83 busy groups of the day after a generated
# year to read all their year (48,951 events); 64 then leaves none (6,418 events read).
STORED_PER_PERIOD = (8, 64)
_STALE_SCHEMA = {"event_id": pl.String}
_SETTLED_SCHEMA = {"mention_id": pl.String, "settled_by": pl.Date}
_OLD_SPANS_SCHEMA = {
    "group_no": pl.Int64,
    "tier": pl.Int8,
    "lo": pl.Date,
    "hi": pl.Date,
    "published_at": pl.Datetime("us", "UTC"),
    "mention_id": pl.String,
}
_TOOK_PLACE_PARAM = {"took_place": sorted(TOOK_PLACE)}
_WORK_TABLES = (
    "stale_events",
    "candidate_sizes",
    "unchanged_events",
    "event_assignments",
    "rebuilt_events",
    "grouped",
    "cuts",
    "candidates",
    "kept",
    "stored_spans",
    "touched_keys",
    "span_events",
    "settled_now",
)


def _named_statements(path: Path) -> dict[str, str]:
    """The statements of a .sql file, each under its ``-- name:`` line."""
    statements: dict[str, str] = {}
    for chunk in path.read_text(encoding="utf-8").split("-- name: ")[1:]:
        name, _, body = chunk.partition("\n")
        statements[name.strip()] = body.strip().rstrip(";")
    return statements


_SQL = _named_statements(Path(__file__).resolve().parent / "sql" / "rebuild.sql")


@dataclass(frozen=True)
class DayGroups:
    """What a day's mentions were before a reload: their groups, events and date spans."""

    groups: frozenset[tuple]
    event_ids: frozenset[str]
    spans: frozenset[tuple]  # (group, first day, last day, precision) of each dated mention
    # (group, first day, last day, precision, published_at, mention_id) of each month- or
    # year-precision mention: its place in its tier's order, from which a reload reclusters that
    # tier (``_cut``)
    coarse_places: frozenset[tuple] = frozenset()


def day_groups(con: duckdb.DuckDBPyConnection, day: date | None) -> DayGroups:
    """Groups, events and spans of ``day``'s mentions as loaded now (all days when None).

    Read as distinct combinations of the columns they depend on, so a large day costs as many
    rows as it has distinct pairs, codes and dates, not one per mention."""
    where, params = ("", None) if day is None else (" WHERE day = $day", {"day": day})
    columns = ", ".join((*GROUP_COLUMNS, "event_date", "event_date_end"))
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
    coarse_filter = f"{where} {'AND' if where else 'WHERE'} length(event_date) <= 7"  # YYYY or YYYY-MM
    coarse_rows = con.sql(
        f"SELECT {columns}, published_at, mention_id FROM core.event_mentions{coarse_filter}", params=params
    )
    places = set()
    for row in coarse_rows.pl().iter_rows(named=True):
        span = span_of(row)
        if span and span[2] != PRECISIONS[0]:
            places.add((group_of(row), *span, row["published_at"], row["mention_id"]))
    return DayGroups(
        frozenset(group_of(row) for row in combos), frozenset(event_ids), frozenset(spans), frozenset(places)
    )


def rebuild_events(con: duckdb.DuckDBPyConnection, day: date | None, before: DayGroups) -> int:
    """Recluster the tails ``day`` changes (before its reload and now) inside the caller's
    transaction; ``day=None`` reclusters everything. Returns the number of events in the table.

    The candidates are numbered by group in DuckDB and reclustered in batches of whole groups;
    the new assignments, events and stale event ids gather in temporary tables and replace the
    old ones at the end, in SQL."""
    con.execute(_SQL["tier_place"])
    _create_table(con, "stale_events", _STALE_SCHEMA)
    _insert(con, "stale_events", pl.DataFrame({"event_id": sorted(before.event_ids)}, schema=_STALE_SCHEMA))
    number = _number_groups(con, day, before)
    if day is not None and _spans_missing(con):  # a warehouse made before internal.event_spans
        _refresh_spans(con, "SELECT event_id FROM core.events")
    if day is None:  # every mention is reclustered: none is kept
        con.execute("CREATE OR REPLACE TEMP TABLE candidates AS SELECT * FROM grouped")
        con.execute("CREATE OR REPLACE TEMP TABLE kept AS SELECT * FROM grouped LIMIT 0")
    else:
        _cut(con, day, before, number)
    con.execute("INSERT INTO stale_events SELECT DISTINCT event_id FROM candidates WHERE event_id IS NOT NULL")
    con.execute(_SQL["candidate_sizes"])
    _create_table(con, "event_assignments", ASSIGNMENT_SCHEMA)
    _create_table(con, "rebuilt_events", EVENT_SCHEMA)
    _create_table(con, "unchanged_events", _STALE_SCHEMA)
    _create_table(con, "settled_now", _SETTLED_SCHEMA)
    group_by_number = {no: group for group, no in number.items()}
    sizes = con.execute("SELECT group_no, count(*) FROM candidates GROUP BY group_no ORDER BY group_no").fetchall()
    joined: dict[str, list[str]] = {}
    for batch in _batches(sizes, BATCH_MENTIONS):
        if day is None:
            _keep(con, recluster(con.sql(_SQL["rule_columns"], params={"groups": batch}).pl().to_dicts()), joined)
            continue
        results = []
        for cap in (*STORED_PER_PERIOD, None):  # groups a read left undecided are read again, wider
            results.append(_recluster(con, batch, group_by_number, cap))
            batch = [number[group] for group in results[-1].partial_groups]
            if not batch:
                break
        _keep(con, _merged(results), joined)
    if day is not None:
        _rebuild_stored(con, joined)
    con.execute(  # only where the event changes: an updated row's old row group is rewritten at the checkpoint
        "UPDATE core.event_mentions SET event_id = a.event_id FROM event_assignments a"
        " WHERE core.event_mentions.mention_id = a.mention_id"
        " AND core.event_mentions.event_id IS DISTINCT FROM a.event_id"
    )
    if day is None:
        con.execute("DELETE FROM internal.event_spans")
    _refresh_spans(con, None)
    con.execute(_SQL["settle"], {"day": day})
    con.execute(_SQL["settled"])
    con.execute("DELETE FROM stale_events WHERE event_id IN (SELECT event_id FROM unchanged_events)")
    con.execute("DELETE FROM core.events WHERE event_id IN (SELECT event_id FROM stale_events)")
    columns = ", ".join(f'"{c}"' for c in EVENT_SCHEMA)
    rebuilt = ", ".join(f'r."{c}"' for c in EVENT_SCHEMA)
    con.execute(  # the code's name rides on the event (migration 010)
        f"INSERT INTO core.events ({columns}, cameo_name) SELECT {rebuilt}, c.name"
        " FROM rebuilt_events r LEFT JOIN core.cameo_codes c ON c.cameo = r.cameo ORDER BY r.event_id"
    )
    for table in _WORK_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {table}")
    con.execute("DROP VIEW dated_mentions")
    con.execute("DROP MACRO tier_place")
    con.unregister("date_spans")
    con.unregister("group_numbers")
    con.unregister("group_keys")
    return con.execute("SELECT count(*) FROM core.events").fetchone()[0]


def _spans_missing(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute(
        "SELECT EXISTS (SELECT 1 FROM core.events) AND NOT EXISTS (SELECT 1 FROM internal.event_spans)"
    ).fetchall()[0][0]


def _refresh_spans(con: duckdb.DuckDBPyConnection, events: str | None) -> None:
    """Rewrite the span rows (internal.event_spans) of the events the query ``events`` names (None:
    those the rebuild touched, ``span_events``) from their members as they stand; an event with
    no dated member gets none."""
    if events is None:
        con.execute(_SQL["span_events"])
    else:
        con.execute(f"CREATE OR REPLACE TEMP TABLE span_events AS {events}")
    con.execute(_SQL["drop_spans"])
    con.execute(_SQL["event_spans"].format(joined=same_group("k")), _TOOK_PLACE_PARAM)


def _number_groups(con: duckdb.DuckDBPyConnection, day: date | None, before: DayGroups) -> dict[tuple, int]:
    """Number the groups ``day`` touches (before its reload and now; every group when None) in
    sorted order, define the view ``dated_mentions`` (``_MENTIONS``: tier 0 day, 1 month, 2 year
    precision, NULL undated) and fill ``grouped`` with the touched groups' mentions the day can
    reach (``near_the_day`` in sql/rebuild.sql), with their group number. Returns the numbering.

    The group of each distinct combination of the columns it depends on is computed in Python
    (``cluster.group_of``, the one definition) once, when it is first loaded, and kept with its
    key in internal.group_combos, which is joined back in DuckDB."""
    loaded = loaded_groups(con, day)
    touched = set(loaded) if day is None else set(before.groups) | set(loaded)
    number = {group: index for index, group in enumerate(sorted(touched))}
    numbers = pl.DataFrame(
        {"group_key": [KEY_SEPARATOR.join(group) for group in number], "group_no": list(number.values())},
        schema={"group_key": pl.String, "group_no": pl.Int64},
    )
    keys = con.sql("SELECT * FROM internal.group_combos").pl().join(numbers, on="group_key", how="left")
    con.register("group_keys", keys)
    con.register("group_numbers", keys.filter(pl.col("group_no").is_not_null()))
    con.execute("CREATE OR REPLACE TEMP TABLE touched_keys AS SELECT DISTINCT group_no, group_key FROM group_numbers")
    con.register("date_spans", _date_spans(con))
    every_mention = _MENTIONS.format(source=_ALL_MENTIONS, columns="", joins="")
    con.execute(f"CREATE OR REPLACE TEMP VIEW dated_mentions AS {every_mention}")
    source = _ALL_MENTIONS
    if day is not None:
        con.register("pair_floors", _pair_floors(con, day, before))
        source = _SQL["near_the_day"]
    con.execute(f"CREATE OR REPLACE TEMP TABLE grouped AS {_numbered_mentions(source)}")
    if day is not None:
        con.unregister("pair_floors")
    return number


def _numbered_mentions(source: str) -> str:
    """``_MENTIONS`` of ``source`` in the touched groups, with their group number (``group_numbers``)."""
    joins = f"\nJOIN group_numbers g ON {same_group('g')}"
    return _MENTIONS.format(source=source, columns=", g.group_no", joins=joins)


def _pair_floors(con: duckdb.DuckDBPyConnection, day: date, before: DayGroups) -> pl.DataFrame:
    """Per country pair, the earliest day-precision date the load changes (its mentions now and
    before the reload), as ISO text: no day-precision mention of the pair ending earlier can be
    reclustered or reach a cut. One old date ("on 4 November") moves only its own pair's floor."""
    floors: dict[tuple[str, str], date] = {}
    earlier = [(group[:2], start) for group, start, _, precision in before.spans if precision == PRECISIONS[0]]
    for pair, start in [*con.execute(_SQL["pair_floors"], {"day": day}).fetchall(), *earlier]:
        pair = tuple(pair)
        if pair[0] and (pair not in floors or start < floors[pair]):
            floors[pair] = start
    return pl.DataFrame(
        [(first, second, start.isoformat()) for (first, second), start in sorted(floors.items())],
        schema={"actor1": pl.String, "actor2": pl.String, "floor": pl.String},
        orient="row",
    )


def _date_spans(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The span and tier (``cluster.span_of``) of every distinct date pair of the mentions,
    computed once per pair (a few thousand), not once per mention."""
    pairs = con.sql("SELECT DISTINCT event_date, event_date_end FROM core.event_mentions").pl().to_dicts()
    spans = [span_of(pair) or (None, None, None) for pair in pairs]
    return pl.DataFrame(
        {
            "event_date": [pair["event_date"] for pair in pairs],
            "event_date_end": [pair["event_date_end"] for pair in pairs],
            "span_start": [span[0] for span in spans],
            "span_end": [span[1] for span in spans],
            "tier": [PRECISIONS.index(span[2]) if span[2] else None for span in spans],
        },
        schema={
            "event_date": pl.String,
            "event_date_end": pl.String,
            "span_start": pl.Date,
            "span_end": pl.Date,
            "tier": pl.Int8,
        },
    )


def _cut(con: duckdb.DuckDBPyConnection, day: date, before: DayGroups, number: dict[tuple, int]) -> None:
    """Fill ``candidates`` with each group's tails (``CUTS``, from the day's mentions and the
    old partition's spans) and the day's undated mentions and undated members of stale events;
    then ``kept`` (the other mentions with an event) and ``stored_spans`` (each stored event's
    tier and span from its kept members of that tier)."""
    rows = [
        (number[group], 0, start, end, None, None)
        for group, start, end, precision in before.spans
        if precision == PRECISIONS[0]
    ]
    rows += [
        (number[group], PRECISIONS.index(precision), start, end, published, mention_id)
        for group, start, end, precision, published, mention_id in before.coarse_places
    ]
    old = pl.DataFrame(rows, schema=_OLD_SPANS_SCHEMA, orient="row")
    con.register("old_spans", old)
    con.execute(_SQL["delta"], {"day": day})
    con.unregister("old_spans")
    con.execute(_SQL["cuts"])
    con.execute(_SQL["candidates"], {"day": day})
    con.execute(_SQL["kept"])
    con.execute(_SQL["stored_spans"], _TOOK_PLACE_PARAM)
    con.execute("DROP TABLE delta")


def _recluster(
    con: duckdb.DuckDBPyConnection, groups: list[int], group_by_number: dict, cap: int | None
) -> Reclustered:
    """Recluster the candidates of these group numbers, continuing their stored events: those
    open at a cut, and up to ``cap`` lying in each coarse tail period (None: all)."""
    params = {"groups": groups}
    mentions = con.sql(_SQL["rule_columns"], params=params).pl().to_dicts()
    con.execute(_SQL["open_stored"], params)
    con.execute(_SQL["lying_sources"], params)
    con.execute(_SQL["lying"], params)
    con.execute(_SQL["lying_stored"], {"cap": cap})
    con.execute(_SQL["lying_partial"], {"cap": cap})
    con.execute(_SQL["kept_of_selected"].format(mentions=_numbered_mentions(_IN_SELECTED)))
    con.execute(_SQL["stored_spans"], _TOOK_PLACE_PARAM)
    con.execute("DROP TABLE lying")
    con.execute("DROP TABLE lying_sources")
    clusters = con.sql(_SQL["stored_state"]).pl().to_dicts()
    joiners = con.sql(_SQL["stored_joiners"]).pl().to_dicts()
    partial = con.execute("SELECT group_no, tier, span_start, span_end, ended_by FROM partial_periods").fetchall()
    for row in (*clusters, *joiners):
        row["group"] = group_by_number[row["group_no"]]
        row["precision"] = PRECISIONS[row["tier"]]
    spans = [
        (group_by_number[no], PRECISIONS[tier], start, end, ended_by) for no, tier, start, end, ended_by in partial
    ]
    for table in ("selected_stored", "partial_periods"):
        con.execute(f"DROP TABLE {table}")
    return recluster(mentions, stored_groups(clusters, joiners, spans))


def _merged(results: list[Reclustered]) -> Reclustered:
    """One result of a batch's reads, each after the first covering the groups the one before
    left undecided (and nothing else of them)."""
    merged = Reclustered()
    for result in results:
        merged.started.extend(result.started)
        merged.joined.update(result.joined)
        merged.unchanged |= result.unchanged
        merged.settled.update(result.settled)
    return merged


def _keep(con: duckdb.DuckDBPyConnection, result: Reclustered, joined: dict[str, list[str]]) -> None:
    """Stage the events a batch started, the stored events that stand and the settled marks of
    its year-precision mentions; collect the mentions that joined stored events."""
    _stage_events(con, result.started, _full_rows(con, [i for ids in result.started for i in ids]))
    _insert(con, "unchanged_events", pl.DataFrame({"event_id": sorted(result.unchanged)}, schema=_STALE_SCHEMA))
    settled = sorted(result.settled.items())
    _insert(con, "settled_now", pl.DataFrame(settled, schema=_SETTLED_SCHEMA, orient="row"))
    for event_id, mention_ids in result.joined.items():
        joined.setdefault(event_id, []).extend(mention_ids)


def _full_rows(con: duckdb.DuckDBPyConnection, mention_ids: list[str]) -> dict[str, dict]:
    con.register("wanted_mentions", pl.DataFrame({"mention_id": mention_ids}, schema={"mention_id": pl.String}))
    rows = con.sql(_SQL["full_rows"]).pl().to_dicts()
    con.unregister("wanted_mentions")
    return {row["mention_id"]: row for row in rows}


def _stage_events(con: duckdb.DuckDBPyConnection, clusters: list[list[str]], rows: dict[str, dict]) -> None:
    assignments, events = event_rows(clusters, rows)
    _insert(con, "event_assignments", assignments)
    _insert(con, "rebuilt_events", _with_evidence(con, events, rows))


def _with_evidence(con: duckdb.DuckDBPyConnection, events: pl.DataFrame, rows: dict[str, dict]) -> pl.DataFrame:
    """The events with the columns they take from their evidence mention (``EVIDENCE_COLUMNS``),
    read for those mentions alone: the members' rows (``full_rows``) leave them out."""
    evidence = events["evidence_mention_id"].to_list()
    wanted = pl.DataFrame(
        {"mention_id": evidence, "day": [rows[mention_id]["day"] for mention_id in evidence]},
        schema={"mention_id": pl.String, "day": pl.Date},
    )
    con.register("evidence_wanted", wanted)
    found = con.sql(_SQL["evidence_rows"]).pl().cast({column: EVENT_SCHEMA[column] for column in EVIDENCE_COLUMNS})
    con.unregister("evidence_wanted")
    return events.drop(EVIDENCE_COLUMNS).join(found, on="evidence_mention_id", how="left").select(list(EVENT_SCHEMA))


def _rebuild_stored(con: duckdb.DuckDBPyConnection, joined: dict[str, list[str]]) -> None:
    """Recompute every stored event that lost a mention (a stale event with kept members) or
    gained one, from its kept members' rows and the mentions that joined it."""
    _insert(con, "stale_events", pl.DataFrame({"event_id": sorted(joined)}, schema=_STALE_SCHEMA))
    members: dict[str, list[str]] = {}
    for event_id, mention_id in con.execute(_SQL["stored_members"]).fetchall():
        members.setdefault(event_id, []).append(mention_id)
    for event_id, mention_ids in joined.items():
        members.setdefault(event_id, []).extend(mention_ids)
    rows = _full_rows(con, [i for ids in members.values() for i in ids])
    changed, unchanged = [], []
    for event_id, mention_ids in members.items():
        if same_as_stored([rows[i] for i in mention_ids]) == event_id:
            unchanged.append(event_id)
        else:
            changed.append(mention_ids)
    _stage_events(con, changed, rows)
    _insert(con, "unchanged_events", pl.DataFrame({"event_id": unchanged}, schema=_STALE_SCHEMA))


def _batches(sizes: list[tuple[int, int]], limit: int) -> list[list[int]]:
    """Consecutive runs of (group number, mentions) holding at most ``limit`` mentions each (a
    larger group alone), as lists of group numbers."""
    batches: list[list[int]] = []
    total = 0
    for group_no, count in sizes:
        if batches and total + count <= limit:
            batches[-1].append(group_no)
            total += count
        else:
            batches.append([group_no])
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
