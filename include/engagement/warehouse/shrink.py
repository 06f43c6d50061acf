"""The shrink guard: a rerun may never silently lose articles a loaded or published day held.

An article counts as held by a day when it is in ``core.articles`` or has a quarantine row of
that day (an article a newer rule sets aside is not lost: its row says why). Articles that a
reload would drop are allowed only when ``core.article_removals`` explains them.
"""

from __future__ import annotations

from datetime import date

import duckdb

from engagement.removals import read_removals
from engagement.stages import PermanentFailure
from engagement.storage import Storage

# The day's held ids in a database whose catalog is {db} (the warehouse itself, or an attached copy).
_HELD = (
    "SELECT article_id FROM {db}.core.articles WHERE day = $day"
    " UNION SELECT article_id FROM {db}.core.quarantine WHERE day = $day AND article_id IS NOT NULL"
)
_LOST = (
    "SELECT article_id FROM ({before}) EXCEPT ({after})"
    " EXCEPT SELECT article_id FROM core.article_removals WHERE day = $day ORDER BY article_id"
)
SHOWN = 5


class ShrinkError(PermanentFailure):
    """A load would drop articles the day held, with no recorded removal for them."""


def sync_removals(con: duckdb.DuckDBPyConnection, raw: Storage) -> int:
    """Copy the raw store's removal log into core.article_removals (inside the caller's transaction)."""
    rows = [(r.day, r.article_id, r.reason, r.removed_at, r.removed_by) for r in read_removals(raw)]
    con.execute("DELETE FROM core.article_removals")
    if rows:
        con.executemany("INSERT OR REPLACE INTO core.article_removals VALUES (?, ?, ?, ?, ?)", rows)
    return len(rows)


def remember_held(con: duckdb.DuckDBPyConnection, day: date) -> None:
    """Note the ids the warehouse holds for ``day`` before its partition is replaced."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE held_before AS {_HELD.format(db=_catalog(con))}", {"day": day})


def lost_since_remembered(con: duckdb.DuckDBPyConnection, day: date) -> list[str]:
    """Ids :func:`remember_held` saw that the new partition lacks and no removal explains."""
    held_now = _HELD.format(db=_catalog(con))
    return _ids(con, _LOST.format(before="SELECT article_id FROM held_before", after=held_now), day)


def lost_since_published(con: duckdb.DuckDBPyConnection, day: date, published_alias: str) -> list[str]:
    """Ids the attached published copy holds for ``day`` that the warehouse lost, unexplained."""
    query = _LOST.format(before=_HELD.format(db=published_alias), after=_HELD.format(db=_catalog(con)))
    return _ids(con, query, day)


def describe(day: date, lost: list[str], against: str) -> str:
    shown = ", ".join(lost[:SHOWN]) + (f" and {len(lost) - SHOWN} more" if len(lost) > SHOWN else "")
    return (
        f"{day}: {len(lost)} article(s) {against} holds for this day would disappear ({shown}); "
        "nothing is lost silently: if they must go, record it with "
        f"`engagement remove-articles --day {day} --id ID --reason TEXT` and rerun the day"
    )


def _catalog(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute("SELECT current_database()").fetchone()[0]


def _ids(con: duckdb.DuckDBPyConnection, query: str, day: date) -> list[str]:
    return [article_id for (article_id,) in con.execute(query, {"day": day}).fetchall()]
