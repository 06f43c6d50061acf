"""The engagement view's data: queries on the published DuckDB file shaped into JSON payloads.

One read-only connection is kept and each query runs on a cursor of its own. ``publish``
replaces the file atomically (``os.replace``: a new inode), so an open connection never blocks
the next publish and keeps reading the complete old copy; when the file on disk is another one
than the connection's, the next query reopens it. Opening costs tens of milliseconds, a query
on an open connection under one. The file is ATTACHed to an in-memory database rather than
opened with ``duckdb.connect(path)``, whose per-process cache would hand back the instance of
the replaced file while any cursor on it is alive. Runs and is tested without Airflow.
"""

from __future__ import annotations

import csv
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb

from engagement.ui import queries
from engagement.warehouse.connect import READER_SETTINGS

PUBLISHED_ALIAS = "published"
ISO3 = re.compile(r"[A-Z]{3}")
FAMILY = re.compile(r"\d{2}")
MONTH = re.compile(r"\d{4}-\d{2}")
CAMEO_ROOTS_FILE = Path(__file__).resolve().parent / "data" / "cameo_roots.csv"
DEFAULT_WINDOW_DAYS = 365
MAX_EVENTS = 500


class NotPublished(LookupError):
    """The published database does not exist yet (no run has published)."""


class BadRequest(ValueError):
    """A parameter the view cannot use (unknown country code, window the wrong way round ...)."""


def load_family_names(path: Path = CAMEO_ROOTS_FILE) -> dict[str, str]:
    """CAMEO root code (the events' family) -> its name, from the package's data file."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["root"]: row["name"] for row in csv.DictReader(handle)}


@dataclass(frozen=True)
class Window:
    """Inclusive range of event dates [date_from, date_to]."""

    date_from: date
    date_to: date

    def __post_init__(self):
        if self.date_from > self.date_to:
            raise BadRequest(f"window starts after it ends: {self.date_from} > {self.date_to}")

    def params(self) -> dict:
        return {"date_from": self.date_from, "date_to": self.date_to}


def country_code(value: str) -> str:
    code = value.strip().upper()
    if not ISO3.fullmatch(code):
        raise BadRequest(f"not an ISO 3166 alpha-3 country code: {value!r}")
    return code


def pair(country: str, partner: str) -> tuple[str, str]:
    """The warehouse's (actor1, actor2) order: alphabetical."""
    first, second = sorted((country_code(country), country_code(partner)))
    if first == second:
        raise BadRequest("a pair needs two different countries")
    return first, second


class EngagementView:
    """Read-only queries for the page; one instance per app, built from Settings."""

    def __init__(self, published_path: Path, family_names: dict[str, str]):
        self.published_path = published_path
        self.family_names = family_names
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._opened: tuple[int, int] | None = None  # (device, inode) of the file _con reads

    def _current(self) -> duckdb.DuckDBPyConnection:
        """The connection to the file now on disk, reopened after a publish replaced it."""
        try:
            stat = self.published_path.stat()
        except FileNotFoundError:
            raise NotPublished(f"{self.published_path} does not exist yet: no run has published") from None
        with self._lock:
            if self._opened != (stat.st_dev, stat.st_ino):
                # The old connection is not closed here: a request in another thread may still be
                # reading through it; it goes when its last cursor does.
                quoted = str(self.published_path).replace("'", "''")
                self._con = duckdb.connect(config=READER_SETTINGS)
                self._con.execute(f"ATTACH '{quoted}' AS {PUBLISHED_ALIAS} (READ_ONLY)")
                self._opened = (stat.st_dev, stat.st_ino)
            return self._con

    @contextmanager
    def _connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cursor = self._current().cursor()  # a cursor per query: requests run in several threads
        try:
            cursor.execute(f"SET TimeZone = 'UTC'; USE {PUBLISHED_ALIAS}")
            yield cursor
        finally:
            cursor.close()

    def _rows(self, sql: str, params: dict | None = None) -> list[dict]:
        with self._connection() as con:
            cursor = con.execute(sql, params or {})
            columns = [d[0] for d in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def _family(self, rows: list[dict]) -> list[dict]:
        for row in rows:
            row["family_name"] = self.family_names.get(row["family"], row["family"])
        return rows

    def overview(self, today: date) -> dict:
        """Countries for the picker and the default window (the year up to the last published day)."""
        coverage = self._rows(queries.COVERAGE)[0]
        last_day = coverage["last_day"] or today
        return {
            "published_path": str(self.published_path),
            "first_day": coverage["first_day"],
            "last_day": coverage["last_day"],
            "events": coverage["events"],
            "today": today,
            "default_window": {"from": last_day - timedelta(days=DEFAULT_WINDOW_DAYS - 1), "to": last_day},
            "countries": self._rows(queries.COUNTRIES),
            "families": self.family_names,
        }

    def partners(self, country: str, window: Window) -> dict:
        """A country's partners in the window, cooperation (quad 1-2) and conflict (quad 3-4) apart."""
        code = country_code(country)
        rows = self._rows(queries.PARTNERS, {"country": code, **window.params()})
        return {"country": code, "window": window, "partners": rows}

    def timeline(self, country: str, partner: str, window: Window) -> dict:
        """A pair's events by month and family (event dates of day or month precision)."""
        actor1, actor2 = pair(country, partner)
        rows = self._rows(queries.TIMELINE, {"actor1": actor1, "actor2": actor2, **window.params()})
        months = sorted({row["month"] for row in rows})
        families = sorted({row["family"] for row in rows})
        counts = {(row["month"], row["family"]): row["events"] for row in rows}
        series = [
            {
                "family": family,
                "family_name": self.family_names.get(family, family),
                "events": [counts.get((month, family), 0) for month in months],
            }
            for family in families
        ]
        return {"pair": [actor1, actor2], "window": window, "months": months, "series": series}

    def pair_events(
        self, country: str, partner: str, window: Window, family: str | None = None, month: str | None = None
    ) -> dict:
        """A pair's events in the window, newest first, each with its evidence and article."""
        actor1, actor2 = pair(country, partner)
        if family is not None and not FAMILY.fullmatch(family):
            raise BadRequest(f"not a CAMEO root code: {family!r}")
        if month is not None and not MONTH.fullmatch(month):
            raise BadRequest(f"not a month (YYYY-MM): {month!r}")
        params = {"actor1": actor1, "actor2": actor2, "family": family, "month": month, "limit": MAX_EVENTS}
        rows = self._family(self._rows(queries.PAIR_EVENTS, {**params, **window.params()}))
        return {"pair": [actor1, actor2], "window": window, "family": family, "month": month, "events": rows}

    def upcoming(self, country: str, today: date) -> dict:
        """Planned engagements of a country dated today or later."""
        code = country_code(country)
        rows = self._family(self._rows(queries.UPCOMING, {"country": code, "today": today, "limit": MAX_EVENTS}))
        return {"country": code, "today": today, "events": rows}

    def event(self, event_id: str) -> dict | None:
        """One event with every mention that reported it (sentence, date as reported, article)."""
        found = self._family(self._rows(queries.EVENT, {"event_id": event_id}))
        if not found:
            return None
        return {**found[0], "reports": self._rows(queries.EVENT_MENTIONS, {"event_id": event_id})}

    def day(self, day: date) -> dict:
        """What the run of one day loaded: counts, quarantine reasons and the pairs reported."""
        params = {"day": day}
        return {
            "day": day,
            "counts": self._rows(queries.DAY_COUNTS, params)[0],
            "quarantine": self._rows(queries.DAY_QUARANTINE, params),
            "pairs": self._rows(queries.DAY_PAIRS, params),
        }
