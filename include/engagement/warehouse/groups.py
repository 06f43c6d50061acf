"""A mention's clustering group in SQL: the columns it depends on, the key that names it, and
internal.group_combos, which keeps every loaded combination of those columns with its key.

The group itself is computed in Python (``cluster.group_of``, the one definition) once per
combination, when a load first brings it, so numbering the groups a day touches reads a few
thousand stored combinations instead of every mention (migration 012).
"""

from __future__ import annotations

from datetime import date

import duckdb
import polars as pl

from engagement.warehouse.cluster import group_of

# What a mention's clustering group depends on (``cluster.group_of``).
GROUP_COLUMNS = ("actor1", "actor2", "cameo", "root", "forum", "participants")
# Joins a group key's parts in internal.event_spans (a separator no code or name holds).
KEY_SEPARATOR = "\x1f"


def same_group(alias: str) -> str:
    """Join condition of a mention ``em`` to a row ``alias`` of group keys or numbers."""
    return " AND ".join(f"em.{column} IS NOT DISTINCT FROM {alias}.{column}" for column in GROUP_COLUMNS)


def loaded_groups(con: duckdb.DuckDBPyConnection, day: date | None) -> list[tuple]:
    """The groups of ``day``'s combinations of group columns (every mention's when None), once
    those are in internal.group_combos; an empty table (a warehouse from before migration 012)
    or a full rebuild fills it from every mention first."""
    if day is None or _combos_missing(con):
        con.execute("DELETE FROM internal.group_combos")
        every = _add_combos(con, None)
        if day is None:
            return every
    return _add_combos(con, day)


def _combos_missing(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute(
        "SELECT EXISTS (SELECT 1 FROM core.event_mentions) AND NOT EXISTS (SELECT 1 FROM internal.group_combos)"
    ).fetchall()[0][0]


def _add_combos(con: duckdb.DuckDBPyConnection, day: date | None) -> list[tuple]:
    """Add the combinations of group columns of ``day``'s mentions (all when None) that
    internal.group_combos lacks, with their group key; return the groups of all of them."""
    where, params = ("", None) if day is None else (" WHERE day = $day", {"day": day})
    combos = con.sql(f"SELECT DISTINCT {', '.join(GROUP_COLUMNS)} FROM core.event_mentions{where}", params=params)
    combos = combos.pl()
    groups = [group_of(row) for row in combos.iter_rows(named=True)]
    keyed = combos.with_columns(
        pl.Series("group_key", [KEY_SEPARATOR.join(group) for group in groups], dtype=pl.String)
    )
    con.register("loaded_combos", keyed)
    con.execute(
        "INSERT INTO internal.group_combos BY NAME SELECT em.* FROM loaded_combos em"
        f" ANTI JOIN internal.group_combos c ON {same_group('c')}"
    )
    con.unregister("loaded_combos")
    return groups
