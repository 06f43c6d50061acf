"""Every SQL statement of the engagement view, in one place.

They read the core tables of the published file (core.events, core.event_mentions,
core.articles, core.countries, core.quarantine ...) so that they can be moved to the reporting
views in one edit when those change. Parameters are DuckDB named parameters (``$name``).

An event belongs to a window when its date range [date_start, date_end] overlaps the window:
a month- or year-precision event counts in every window that touches its month or year. The
monthly timeline, like ``reporting.dyad_monthly``, shows only events dated to the day or month.
"""

from __future__ import annotations

# Events in the window with ``$country`` on either side; ``partner`` is the other side.
_COUNTRY_EVENTS = """
WITH mine AS (
    SELECT CASE WHEN e.actor1 = $country THEN e.actor2 ELSE e.actor1 END AS partner, e.*
    FROM core.events e
    WHERE $country IN (e.actor1, e.actor2)
      AND e.date_start <= $date_to AND coalesce(e.date_end, e.date_start) >= $date_from
)
"""

COUNTRIES = """
SELECT side.iso3, coalesce(c.name_en, side.iso3) AS name, count(*) AS events
FROM (SELECT actor1 AS iso3 FROM core.events UNION ALL SELECT actor2 FROM core.events) side
LEFT JOIN core.countries c USING (iso3)
GROUP BY ALL
ORDER BY name
"""

# The published days and the events' date range: the page's default window.
COVERAGE = """
SELECT (SELECT min(day) FROM core.articles) AS first_day,
       (SELECT max(day) FROM core.articles) AS last_day,
       (SELECT count(*) FROM core.events) AS events
"""

PARTNERS = (
    _COUNTRY_EVENTS
    + """
SELECT m.partner, coalesce(c.name_en, m.partner) AS name,
       count(*) AS events,
       count(*) FILTER (WHERE m.quad_class IN (1, 2)) AS cooperation,
       count(*) FILTER (WHERE m.quad_class IN (3, 4)) AS conflict,
       count(*) FILTER (WHERE m.quad_class = 1) AS verbal_cooperation,
       count(*) FILTER (WHERE m.quad_class = 2) AS material_cooperation,
       count(*) FILTER (WHERE m.quad_class = 3) AS verbal_conflict,
       count(*) FILTER (WHERE m.quad_class = 4) AS material_conflict,
       round(coalesce(sum(m.goldstein) FILTER (WHERE m.goldstein > 0), 0), 1) AS goldstein_cooperation,
       round(coalesce(sum(m.goldstein) FILTER (WHERE m.goldstein < 0), 0), 1) AS goldstein_conflict,
       round(coalesce(sum(m.goldstein), 0), 1) AS goldstein_sum,
       sum(m.mentions)::BIGINT AS mentions,
       count(*) FILTER (WHERE m.status = 'held') AS held,
       count(*) FILTER (WHERE m.status = 'planned') AS planned
FROM mine m
LEFT JOIN core.countries c ON c.iso3 = m.partner
GROUP BY ALL
ORDER BY events DESC, cooperation DESC, m.partner
"""
)

TIMELINE = """
SELECT strftime(date_trunc('month', e.date_start), '%Y-%m') AS month, e.family,
       count(*) AS events,
       round(sum(e.goldstein), 1) AS goldstein_sum
FROM core.events e
WHERE e.actor1 = $actor1 AND e.actor2 = $actor2
  AND e.date_precision IN ('day', 'month')
  AND e.date_start BETWEEN $date_from AND $date_to
GROUP BY ALL
ORDER BY month, e.family
"""

_EVENT_COLUMNS = """
       e.event_id, e.actor1, e.actor2, e.source, e.target, e.family, e.cameo, e.root,
       e.goldstein, e.quad_class, q.name AS quad_name, e.plover, e.status,
       e.event_date, e.event_date_end, e.date_precision, e.date_start, e.date_end,
       e.level, e.location, e.forum, e.topics, e.participants, e.mentions, e.articles,
       e.evidence_text, e.evidence_article_id, e.article_url, e.article_title,
       e.article_source, e.article_published_at
"""
_EVENT_JOINS = """
LEFT JOIN core.quad_classes q ON q.quad_class = e.quad_class
"""

# A pair's events in the window; $family and $month ('YYYY-MM') narrow it when not NULL.
PAIR_EVENTS = f"""
SELECT {_EVENT_COLUMNS}
FROM core.events e {_EVENT_JOINS}
WHERE e.actor1 = $actor1 AND e.actor2 = $actor2
  AND e.date_start <= $date_to AND coalesce(e.date_end, e.date_start) >= $date_from
  AND ($family IS NULL OR e.family = $family)
  AND ($month IS NULL OR (e.date_precision IN ('day', 'month')
                          AND strftime(e.date_start, '%Y-%m') = $month))
ORDER BY e.date_start DESC, e.event_id
LIMIT $limit
"""

# Planned engagements of a country whose dates reach today or later.
UPCOMING = f"""
SELECT {_EVENT_COLUMNS}
FROM core.events e {_EVENT_JOINS}
WHERE $country IN (e.actor1, e.actor2)
  AND e.status = 'planned'
  AND coalesce(e.date_end, e.date_start) >= $today
ORDER BY e.date_start, e.event_id
LIMIT $limit
"""

EVENT = f"""
SELECT {_EVENT_COLUMNS}
FROM core.events e {_EVENT_JOINS}
WHERE e.event_id = $event_id
"""

# Every report of one event: each mention's own sentence, date as reported and article.
EVENT_MENTIONS = """
SELECT em.mention_id, em.status, em.event_date, em.date_precision, em.date_basis, em.cameo,
       em.level, em.evidence_text, em.trigger_text,
       a.article_id, a.url AS article_url, a.title AS article_title, a.source AS article_source,
       a.language, a.published_at AS article_published_at
FROM core.event_mentions em
JOIN core.articles a USING (article_id)
WHERE em.event_id = $event_id
ORDER BY a.published_at, em.mention_id
"""

# What one day's run loaded: its articles, quarantine, mentions and the pairs they report.
DAY_COUNTS = """
SELECT (SELECT count(*) FROM core.articles WHERE day = $day) AS articles,
       (SELECT count(*) FROM core.articles WHERE day = $day AND duplicate_of IS NOT NULL)
           AS near_duplicates,
       (SELECT count(*) FROM core.quarantine WHERE day = $day) AS quarantined,
       (SELECT count(*) FROM core.sentences WHERE day = $day) AS sentences,
       (SELECT count(*) FROM core.mentions WHERE day = $day) AS entity_mentions,
       (SELECT count(*) FROM core.event_mentions WHERE day = $day) AS event_mentions,
       (SELECT count(DISTINCT event_id) FROM core.event_mentions WHERE day = $day) AS events_reported
"""

DAY_QUARANTINE = """
SELECT stage, reason, count(*) AS records
FROM core.quarantine WHERE day = $day
GROUP BY ALL ORDER BY records DESC, stage, reason
"""

DAY_PAIRS = """
SELECT e.actor1, e.actor2, count(DISTINCT e.event_id) AS events, count(*) AS mentions
FROM core.event_mentions em JOIN core.events e USING (event_id)
WHERE em.day = $day
GROUP BY ALL
ORDER BY events DESC, mentions DESC, e.actor1, e.actor2
"""
