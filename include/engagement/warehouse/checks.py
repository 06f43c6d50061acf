"""The data-quality checks run by ``engagement.check``: each a query counting offending rows.

Queries take ``$day`` and may read the temp table ``staging_counts(tbl, expected)`` holding the
row counts of the day's staging files, so "loaded == staged" is checked against the files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from engagement.config import Settings
from engagement.staging import Staging, datasets_of_table
from engagement.warehouse.partitions import PARTITIONED_TABLES


@dataclass(frozen=True)
class Check:
    name: str
    description: str
    sql: str  # returns one number: how many rows offend


def staging_counts(settings: Settings, day: date) -> dict[str, int]:
    """Rows in the day's staged parts, per core table they feed (0 when a dataset is absent)."""
    staging = Staging.from_settings(settings)
    return {
        table: sum(staging.row_count(day, dataset.name) for dataset in datasets_of_table(table))
        for table in PARTITIONED_TABLES
    }


def _unique(name: str, table: str, key: str) -> Check:
    """The day's keys each occur once in the whole table. The day's keys are the build side of a
    semi-join, so the other days are only probed, never grouped: the check's cost follows the
    day, not the year (a year's sentences are millions of rows)."""
    return Check(
        f"{name}_unique",
        f"{key} of {table} is unique across all days",
        f"SELECT count(*) FROM (SELECT {key} FROM core.{table} t"
        f" SEMI JOIN (SELECT {key} FROM core.{table} WHERE day = $day) d USING ({key})"
        f" GROUP BY {key} HAVING count(*) > 1)",
    )


def _not_null(table: str, columns: list[str], where: str = "day = $day") -> Check:
    condition = " OR ".join(f"{c} IS NULL" for c in columns)
    return Check(
        f"{table}_keys_not_null",
        f"{', '.join(columns)} of {table} are set",
        f"SELECT count(*) FROM core.{table} WHERE {where} AND ({condition})",
    )


def _article_exists(table: str) -> Check:
    return Check(
        f"{table}_article_exists",
        f"every row of {table} points at an article in core.articles",
        f"SELECT count(*) FROM core.{table} t WHERE t.day = $day"
        " AND NOT EXISTS (SELECT 1 FROM core.articles a WHERE a.article_id = t.article_id)",
    )


def _matches_staging(table: str) -> Check:
    return Check(
        f"{table}_match_staging",
        f"rows of the day in {table} equal the rows of its staging files",
        f"SELECT abs((SELECT count(*) FROM core.{table} WHERE day = $day)"
        f" - (SELECT expected FROM staging_counts WHERE tbl = '{table}'))",
    )


_DAY_EVENTS = "event_id IN (SELECT event_id FROM core.event_mentions WHERE day = $day)"
# Only a multilateral meeting may lack a pair; the actor_order check covers rows with one.
_PAIRLESS_NOT_MULTILATERAL = (
    "((actor1 IS NULL) <> (actor2 IS NULL) OR (actor1 IS NULL AND coalesce(len(participants), 0) < 3))"
)

CHECKS: tuple[Check, ...] = (
    _not_null("articles", ["day", "article_id"]),
    _not_null("sentences", ["article_id", "sentence_idx"]),
    _not_null("mentions", ["article_id", "mention_idx"]),
    _not_null("event_mentions", ["article_id", "mention_id", "event_id", "cameo"]),
    _not_null("events", ["event_id", "family"], where=_DAY_EVENTS),
    _not_null("quarantine", ["stage", "reason"]),
    _unique("article_id", "articles", "article_id"),
    _unique("sentence", "sentences", "article_id, sentence_idx"),
    _unique("mention", "mentions", "article_id, mention_idx"),
    _unique("mention_id", "event_mentions", "mention_id"),
    Check(
        "event_id_unique",
        "event_id of core.events is unique (the day's events)",
        f"SELECT count(*) FROM (SELECT event_id FROM core.events WHERE {_DAY_EVENTS}"
        " GROUP BY event_id HAVING count(*) > 1)",
    ),
    *(_matches_staging(table) for table in PARTITIONED_TABLES),
    *(_article_exists(table) for table in ("sentences", "mentions", "event_mentions")),
    Check(
        "event_mentions_have_event",
        "every event mention of the day belongs to an event in core.events",
        "SELECT count(*) FROM core.event_mentions m WHERE m.day = $day"
        " AND NOT EXISTS (SELECT 1 FROM core.events e WHERE e.event_id = m.event_id)",
    ),
    Check(
        "events_have_mentions",
        "every event of the day has at least one mention and its mentions count is right",
        "WITH day_events AS (SELECT DISTINCT event_id FROM core.event_mentions WHERE day = $day),"
        " counts AS (SELECT event_id, count(*) AS n FROM core.event_mentions"
        " SEMI JOIN day_events USING (event_id) GROUP BY event_id)"
        " SELECT count(*) FROM core.events e SEMI JOIN day_events USING (event_id)"
        " LEFT JOIN counts c USING (event_id)"
        " WHERE e.mentions IS DISTINCT FROM coalesce(c.n, 0) OR e.mentions < 1",
    ),
    Check(
        "pair_or_multilateral",
        "a NULL country pair (both actors NULL) only for a multilateral meeting with >= 3"
        " participants; a pair is both actors set",
        "SELECT (SELECT count(*) FROM core.event_mentions WHERE day = $day"
        f" AND {_PAIRLESS_NOT_MULTILATERAL})"
        f" + (SELECT count(*) FROM core.events WHERE {_DAY_EVENTS}"
        f" AND {_PAIRLESS_NOT_MULTILATERAL})",
    ),
    Check(
        "actor_order",
        "actor1 < actor2 (unordered pair stored alphabetically) in event mentions and events",
        "SELECT (SELECT count(*) FROM core.event_mentions WHERE day = $day AND NOT actor1 < actor2)"
        f" + (SELECT count(*) FROM core.events WHERE {_DAY_EVENTS} AND NOT actor1 < actor2)",
    ),
    Check(
        "cameo_known",
        "cameo codes exist in core.cameo_codes and root is their first two digits",
        "SELECT count(*) FROM core.event_mentions m WHERE m.day = $day"
        " AND (m.root IS DISTINCT FROM left(m.cameo, 2)"
        " OR NOT EXISTS (SELECT 1 FROM core.cameo_codes c WHERE c.cameo = m.cameo))",
    ),
    Check(
        "dates_parse",
        "event_date (and event_date_end) parse at the stated date_precision, end not before start;"
        " an unknown date (all three null: a background event nothing dates) is allowed",
        "SELECT count(*) FROM core.event_mentions WHERE day = $day"
        " AND NOT (event_date IS NULL AND event_date_end IS NULL AND date_precision IS NULL) AND ("
        " CASE date_precision WHEN 'day' THEN try_strptime(event_date, '%Y-%m-%d')"
        " WHEN 'month' THEN try_strptime(event_date, '%Y-%m')"
        " WHEN 'year' THEN try_strptime(event_date, '%Y') END IS NULL"
        " OR (event_date_end IS NOT NULL AND (try_strptime(event_date_end,"
        " ['%Y-%m-%d', '%Y-%m', '%Y']) IS NULL OR event_date_end < event_date)))",
    ),
    Check(
        "events_dated",
        "events of the day with a date have a date range (date_start <= date_end)",
        f"SELECT count(*) FROM core.events WHERE {_DAY_EVENTS} AND event_date IS NOT NULL"
        " AND (date_start IS NULL OR date_end IS NULL OR date_end < date_start)",
    ),
    Check(
        "status_allowed",
        "status is one of core.statuses",
        "SELECT count(*) FROM core.event_mentions WHERE day = $day"
        " AND status NOT IN (SELECT status FROM core.statuses)",
    ),
    Check(
        "level_allowed",
        "level is one of core.levels",
        "SELECT count(*) FROM core.event_mentions WHERE day = $day AND level NOT IN (SELECT level FROM core.levels)",
    ),
    Check(
        "article_day_matches_published_at",
        "an article belongs to the UTC day of its published_at",
        "SELECT count(*) FROM core.articles WHERE day = $day AND published_at::DATE <> day",
    ),
)
