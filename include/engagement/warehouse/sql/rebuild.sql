-- Statements of warehouse/rebuild.py, each after a "-- name:" line. Temp tables they read:
-- dated_mentions (a view: every mention with the columns the clustering rules read, its
-- published_at, span_start, span_end and tier), grouped (those of the touched groups the day
-- can reach, with group_no), candidate_sizes (the stored events of the reclustered ones with
-- their mention count), date_spans,
-- old_spans (the reloaded day's spans before the reload, a coarse mention's with its
-- published_at and mention_id), stale_events, settled_now (the settled marks a rebuild made);
-- $day, $groups, $cap parameters. A mention's order within its tier, as cluster._sort_key takes
-- it: span_start, span_end, published_at NULLS LAST, mention_id; its place in that order is
-- tier_place(...) (the macro below), whose structs compare in that order.

-- name: tier_place
-- A mention's place in its tier's order (cluster._sort_key) as a struct comparing in that order.
CREATE OR REPLACE TEMP MACRO tier_place(first_day, last_day, published, mention) AS
    {'s': first_day, 'e': last_day, 'p': coalesce(published, 'infinity'::TIMESTAMPTZ), 'm': mention};

-- name: pair_floors
-- Per country pair, the earliest day-precision date among the day's mentions.
SELECT [em.actor1, em.actor2] AS pair, min(s.span_start) FROM core.event_mentions em
JOIN date_spans s ON em.event_date IS NOT DISTINCT FROM s.event_date
                 AND em.event_date_end IS NOT DISTINCT FROM s.event_date_end
WHERE em.day = $day AND s.tier = 0
GROUP BY em.actor1, em.actor2;

-- name: delta
-- The first date of every span the load changed (the day's mentions now and before the reload)
-- and, for a coarse one, its place in its tier's order (date, publication time, mention id): the
-- mention's own, before the reload too (``DayGroups.coarse_places``).
CREATE OR REPLACE TEMP TABLE delta AS
SELECT group_no, tier, span_start AS lo, tier_place(span_start, span_end, published_at, mention_id) AS place
FROM grouped WHERE day = $day AND tier IS NOT NULL
UNION ALL
SELECT group_no, tier, lo, tier_place(lo, hi, published_at, mention_id)
FROM old_spans;

-- name: cuts
-- Per group and tier, where its mentions start being reclustered. The day tier: from the first
-- changed day-precision date (``day_cut``). A coarse tier: from the first of its mentions, in the
-- tier's order, that the load changed or that reaches the finer tiers' cut unsettled
-- (``month_from``, ``year_from``; ``month_cut``, ``year_cut`` their dates). No finer event ending
-- before that cut changes, so a coarse mention settled by such events (two compatible, two of
-- its kind: internal.settled_reports, cluster.SETTLED_BY) joins none of them as before, and it and
-- those before it keep their places.
CREATE OR REPLACE TEMP TABLE cuts AS
WITH firsts AS (
    SELECT group_no,
           min(lo) FILTER (WHERE tier = 0) AS day_cut,
           min(place) FILTER (WHERE tier = 1) AS month_changed,
           min(place) FILTER (WHERE tier = 2) AS year_changed
    FROM delta GROUP BY group_no
), coarse AS (
    SELECT g.group_no, g.tier, g.span_end, r.settled_by, tier_place(g.span_start, g.span_end, g.published_at, g.mention_id) AS place
    FROM grouped g LEFT JOIN internal.settled_reports r ON r.mention_id = g.mention_id
    WHERE g.tier >= 1
), months AS (
    SELECT f.*, least(f.month_changed, (
        SELECT min(c.place) FROM coarse c
        WHERE c.group_no = f.group_no AND c.tier = 1 AND c.span_end >= f.day_cut
          AND (c.settled_by IS NULL OR c.settled_by >= f.day_cut)
    )) AS month_from
    FROM firsts f
), years AS (
    SELECT m.*, least(m.year_changed, (
        SELECT min(c.place) FROM coarse c
        WHERE c.group_no = m.group_no AND c.tier = 2 AND c.span_end >= least(m.day_cut, m.month_from.s)
          AND (c.settled_by IS NULL OR c.settled_by >= least(m.day_cut, m.month_from.s))
    )) AS year_from
    FROM months m
)
SELECT group_no, day_cut, month_from, month_from.s AS month_cut, year_from, year_from.s AS year_cut FROM years;

-- name: candidates
-- The tails (mentions from their tier's cut on), the day's undated mentions and the undated
-- members of stale events. Every mention of the day is one.
CREATE OR REPLACE TEMP TABLE candidates AS
SELECT g.* FROM grouped g LEFT JOIN cuts c USING (group_no)
WHERE (g.tier = 0 AND g.span_start >= c.day_cut)
   OR (g.tier = 1 AND tier_place(g.span_start, g.span_end, g.published_at, g.mention_id) >= c.month_from)
   OR (g.tier = 2 AND tier_place(g.span_start, g.span_end, g.published_at, g.mention_id) >= c.year_from)
   OR (g.tier IS NULL AND (g.day = $day OR g.event_id IN (SELECT event_id FROM stale_events)));

-- name: kept
-- The stored clusters a day may continue: events with a member reaching its tier's cut (open
-- at it) and stale events, with all their kept members (dated, not reclustered), read by event
-- from the whole table: a long event's first members may lie before the day's floor.
CREATE OR REPLACE TEMP TABLE kept AS
WITH near AS (
    SELECT DISTINCT g.event_id, g.group_no FROM grouped g JOIN cuts c USING (group_no)
    WHERE g.event_id IS NOT NULL
      AND ((g.tier = 0 AND g.span_end >= c.day_cut) OR (g.tier = 1 AND g.span_end >= c.month_cut)
           OR (g.tier = 2 AND g.span_end >= c.year_cut))
    UNION
    SELECT DISTINCT event_id, group_no FROM grouped SEMI JOIN stale_events USING (event_id)
)
SELECT m.*, n.group_no
FROM dated_mentions m
JOIN near n USING (event_id)
ANTI JOIN candidates c ON c.mention_id = m.mention_id
WHERE m.tier IS NOT NULL;

-- name: stored_spans
-- Each stored event's tier (its finest kept member's), span over its kept members of that tier
-- and whether one of those reports it held ($took_place: cluster.TOOK_PLACE).
CREATE OR REPLACE TEMP TABLE stored_spans AS
SELECT k.event_id, any_value(k.group_no) AS group_no, k.tier, min(k.span_start) AS lo, max(k.span_end) AS hi,
       bool_or(list_contains($took_place, k.status)) AS took_place
FROM kept k JOIN (SELECT event_id, min(tier) AS tier FROM kept GROUP BY event_id) f USING (event_id, tier)
GROUP BY k.event_id, k.tier;

-- name: open_stored
-- Stored events of a batch ($groups) still open at their tier's cut: a tail mention may join them.
CREATE OR REPLACE TEMP TABLE selected_stored AS
SELECT s.event_id FROM stored_spans s JOIN cuts c USING (group_no)
WHERE list_contains($groups, s.group_no)
  AND ((s.tier = 0 AND s.hi >= c.day_cut) OR (s.tier = 1 AND s.hi >= c.month_cut) OR (s.tier = 2 AND s.hi >= c.year_cut));

-- name: lying
-- Stored finer events lying in a tail mention's period, numbered per period ($groups): those
-- not (yet) held first, then the latest ending, which a plan published late may still join.
CREATE OR REPLACE TEMP TABLE lying AS
WITH periods AS (
    SELECT DISTINCT group_no, tier, span_start, span_end FROM candidates
    WHERE tier >= 1 AND list_contains($groups, group_no)
)
SELECT s.event_id, s.hi, s.took_place, p.group_no, p.tier, p.span_start, p.span_end,
       row_number() OVER (PARTITION BY p.group_no, p.tier, p.span_start, p.span_end
                          ORDER BY s.took_place, s.hi DESC, s.event_id) AS rank,
       count(*) OVER (PARTITION BY p.group_no, p.tier, p.span_start, p.span_end) AS lying
FROM lying_sources s JOIN periods p
  ON s.group_no = p.group_no AND s.tier < p.tier AND p.span_start <= s.lo AND s.hi <= p.span_end;

-- name: lying_stored
-- Up to $cap stored events lying in each period (all when NULL).
INSERT INTO selected_stored
SELECT event_id FROM lying WHERE CAST($cap AS BIGINT) IS NULL OR rank <= CAST($cap AS BIGINT)
EXCEPT SELECT event_id FROM selected_stored;

-- name: lying_partial
-- The periods holding more than $cap stored events: read in part; ended_by, when every unread
-- one was held, is the last day one of them ended (see cluster.StoredGroup).
CREATE OR REPLACE TEMP TABLE partial_periods AS
SELECT group_no, tier, span_start, span_end,
       CASE WHEN bool_and(took_place) FILTER (WHERE rank > CAST($cap AS BIGINT))
            THEN max(hi) FILTER (WHERE rank > CAST($cap AS BIGINT)) END AS ended_by
FROM lying
WHERE CAST($cap AS BIGINT) IS NOT NULL AND lying > CAST($cap AS BIGINT)
GROUP BY group_no, tier, span_start, span_end;

-- name: stored_state
-- A selected event's state from its kept members of its own tier, in founding order: what
-- cluster._Cluster holds once those members were added.
WITH members AS (
    SELECT k.*, s.lo, s.hi,
           row_number() OVER (PARTITION BY k.event_id
                              ORDER BY k.span_start, k.span_end, k.published_at NULLS LAST, k.mention_id) AS position
    FROM kept k
    JOIN selected_stored USING (event_id)
    JOIN stored_spans s ON s.event_id = k.event_id AND s.tier = k.tier
)
SELECT event_id, any_value(group_no) AS group_no, any_value(tier) AS tier,
       any_value(lo) AS span_start, any_value(hi) AS span_end,
       arg_min(cameo, position) AS founding_cameo,
       arg_min(location, position) FILTER (WHERE location IS NOT NULL) AS location,
       arg_min(source, position) FILTER (WHERE source IS NOT NULL) AS source,
       arg_min(target, position) FILTER (WHERE source IS NOT NULL) AS target,
       list(DISTINCT status) AS statuses,
       arg_min(span_end, position) AS founding_end,
       arg_min(published_at, position) AS founding_published,
       arg_min(mention_id, position) AS founding_mention
FROM members
GROUP BY event_id
ORDER BY tier, span_start, founding_end, founding_published NULLS LAST, founding_mention;

-- name: stored_joiners
-- Kept coarser mentions that joined a selected event, with what cluster._Cluster.add reads.
SELECT k.* FROM kept k
JOIN selected_stored USING (event_id)
JOIN stored_spans s ON s.event_id = k.event_id
WHERE k.tier > s.tier;

-- name: stored_members
-- The kept members of every stored event that lost or gained a mention, to recompute its row.
SELECT event_id, mention_id FROM kept WHERE event_id IN (SELECT event_id FROM stale_events)
ORDER BY event_id, mention_id;

-- name: lying_sources
-- Every stored event of a batch's groups ($groups) with its tier and span: from kept members
-- where they were read (stored_spans), else from internal.event_spans, which holds the same for
-- events not reclustered now (all their members kept). touched_keys names the groups.
CREATE OR REPLACE TEMP TABLE lying_sources AS
SELECT event_id, group_no, tier, lo, hi, took_place FROM stored_spans WHERE list_contains($groups, group_no)
UNION ALL
SELECT e.event_id, k.group_no, e.tier, e.span_start AS lo, e.span_end AS hi, e.took_place
FROM internal.event_spans e JOIN touched_keys k USING (group_key)
ANTI JOIN stale_events x ON x.event_id = e.event_id
ANTI JOIN stored_spans s ON s.event_id = e.event_id
WHERE list_contains($groups, k.group_no);

-- name: span_events
-- The events whose members the rebuild may have changed: stale, rebuilt or confirmed unchanged.
CREATE OR REPLACE TEMP TABLE span_events AS
SELECT event_id FROM stale_events UNION SELECT event_id FROM rebuilt_events UNION SELECT event_id FROM unchanged_events;

-- name: drop_spans
DELETE FROM internal.event_spans WHERE event_id IN (SELECT event_id FROM span_events);

-- name: settle
-- Replace the settled marks (cluster.SETTLED_BY) of the reclustered coarse mentions and of the
-- day's (every one of them a candidate; none kept when $day is NULL) by this rebuild's
-- (settled_now).
DELETE FROM internal.settled_reports
WHERE $day IS NULL OR day = $day OR mention_id IN (SELECT mention_id FROM candidates WHERE tier >= 1);

-- name: settled
INSERT INTO internal.settled_reports SELECT c.day, s.mention_id, s.settled_by
FROM settled_now s JOIN candidates c USING (mention_id);

-- name: near_the_day
-- On the raw columns, the mentions a day can reach (``grouped``): members of stale events,
-- multilateral ones, every date not written YYYY-MM-DD (coarse or undated) and day-precision
-- ones ending on or after their pair's floor (``_pair_floors``, one row per pair, so the outer
-- join keeps one row per mention; a correlated EXISTS cost DuckDB a delim join over the whole
-- table). Filtering before the joins spares DuckDB the rest of a long warehouse; what it lets
-- through beyond that is harmless.
SELECT m.* FROM core.event_mentions m
LEFT JOIN pair_floors f ON f.actor1 = m.actor1 AND f.actor2 = m.actor2
WHERE m.event_id IN (SELECT event_id FROM stale_events) OR m.actor1 IS NULL
OR m.event_date IS NULL OR length(m.event_date) <> 10 OR try_cast(m.event_date AS DATE) IS NULL
OR (m.event_date_end IS NOT NULL AND (length(m.event_date_end) <> 10 OR try_cast(m.event_date_end AS DATE) IS NULL))
OR greatest(coalesce(m.event_date_end, m.event_date), m.event_date) >= f.floor;

-- name: kept_of_selected
-- The members of the stored events selected as lying in a tail period, not read yet.
INSERT INTO kept BY NAME
SELECT * FROM ({mentions}) m
ANTI JOIN candidates c USING (mention_id) ANTI JOIN kept k USING (mention_id)
WHERE m.tier IS NOT NULL;

-- name: event_spans
-- The span rows (internal.event_spans) of the events in span_events, from their members now:
-- the tier of the finest, the span and whether one reports it held, over members of that tier.
INSERT INTO internal.event_spans
WITH members AS (
    SELECT em.event_id, k.group_key, s.tier, s.span_start, s.span_end, em.status
    FROM core.event_mentions em
    JOIN date_spans s ON em.event_date IS NOT DISTINCT FROM s.event_date
                     AND em.event_date_end IS NOT DISTINCT FROM s.event_date_end
    JOIN group_keys k ON {joined}
    WHERE em.event_id IN (SELECT event_id FROM span_events) AND s.tier IS NOT NULL
)
SELECT m.event_id, any_value(m.group_key), m.tier, min(m.span_start), max(m.span_end),
       bool_or(list_contains($took_place, m.status))
FROM members m JOIN (SELECT event_id, min(tier) AS tier FROM members GROUP BY event_id) f USING (event_id, tier)
GROUP BY m.event_id, m.tier;

-- name: candidate_sizes
-- The mention count of each stored event a candidate belongs to (cluster.same_as_stored reads
-- it), looked up for those events only: joining core.events to the touched groups' mentions
-- made DuckDB hash every event (0.2 s a day after a year of 2,000 articles a day).
CREATE OR REPLACE TEMP TABLE candidate_sizes AS
SELECT event_id, mentions FROM core.events WHERE event_id IN (SELECT event_id FROM candidates);

-- name: rule_columns
-- A batch's candidates ($groups) with what the clustering rules read.
SELECT c.* EXCLUDE (day, event_id, group_no, span_start, span_end, tier), c.event_id AS previous_event,
       s.mentions AS previous_mentions
FROM candidates c LEFT JOIN candidate_sizes s ON s.event_id = c.event_id
WHERE list_contains($groups, c.group_no);

-- name: full_rows
-- What an event row is made of (``event_rows``), without the columns it takes from its evidence
-- mention alone (``evidence_rows``): every column but the old id, the per-mention detail no
-- event column reads and the sentence, and of the article its outlet (the sentence and the
-- article's title and url are most of a row's bytes: leaving them out of every member's row
-- halves this scan). Every wanted mention is a candidate or a kept one, whose day is known: the
-- days bound the scans to their row groups (the tables are stored in load order), where the
-- mention ids alone would scan the whole warehouse.
WITH wanted AS (
    SELECT mention_id, day FROM candidates SEMI JOIN wanted_mentions USING (mention_id)
    UNION ALL SELECT mention_id, day FROM kept SEMI JOIN wanted_mentions USING (mention_id)
)
SELECT em.* EXCLUDE (event_id, actor_mentions, trigger_text, evidence_start, evidence_end, evidence_text),
       a.source AS outlet, em.event_id AS previous_event, e.mentions AS previous_mentions
FROM core.event_mentions em
LEFT JOIN core.articles a ON a.day = em.day AND a.article_id = em.article_id
LEFT JOIN core.events e ON e.event_id = em.event_id
WHERE em.day IN (SELECT DISTINCT day FROM wanted) AND em.mention_id IN (SELECT mention_id FROM wanted);

-- name: evidence_rows
-- The columns an event row takes from its evidence mention alone (event_rows.EVIDENCE_COLUMNS),
-- for the evidence mentions of the events a batch made (evidence_wanted: mention_id, day). One
-- row per mention even when a bad load repeats its id (check reports it), so no event doubles.
SELECT em.mention_id AS evidence_mention_id, em.evidence_text, a.title AS article_title, a.url AS article_url,
       a.language AS article_language
FROM core.event_mentions em
LEFT JOIN core.articles a ON a.day = em.day AND a.article_id = em.article_id
WHERE em.day IN (SELECT DISTINCT day FROM evidence_wanted)
  AND em.mention_id IN (SELECT mention_id FROM evidence_wanted)
QUALIFY row_number() OVER (PARTITION BY em.mention_id ORDER BY em.evidence_text, a.title, a.url, a.language) = 1;
