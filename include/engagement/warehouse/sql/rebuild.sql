-- Statements of warehouse/rebuild.py, each after a "-- name:" line. Temp tables they read:
-- dated_mentions (a view: every mention with the columns the clustering rules read, its
-- published_at, span_start, span_end and tier), grouped (those of the touched groups the day
-- can reach, with group_no and their event's mention count, previous_mentions), date_spans,
-- old_spans
-- (the reloaded day's spans before the reload), stale_events; $day, $groups, $cap parameters.
-- A mention's order within its tier, as cluster._sort_key takes it:
-- span_start, span_end, published_at NULLS LAST, mention_id.

-- name: pair_floors
-- Per country pair, the earliest day-precision date among the day's mentions.
SELECT [em.actor1, em.actor2] AS pair, min(s.span_start) FROM core.event_mentions em
JOIN date_spans s ON em.event_date IS NOT DISTINCT FROM s.event_date
                 AND em.event_date_end IS NOT DISTINCT FROM s.event_date_end
WHERE em.day = $day AND s.tier = 0
GROUP BY em.actor1, em.actor2;

-- name: delta
-- The first date of every span the load changed: the day's mentions now and before the reload.
CREATE OR REPLACE TEMP TABLE delta AS
SELECT group_no, tier, span_start AS lo FROM grouped WHERE day = $day AND tier IS NOT NULL
UNION ALL
SELECT group_no, tier, lo FROM old_spans;

-- name: cuts
-- Per group and tier, the date from which its mentions are reclustered: the day tier from the
-- first changed day-precision date; the month tier also from any month whose period reaches the
-- day cut (it may hold a changed day event); the year tier likewise against both.
CREATE OR REPLACE TEMP TABLE cuts AS
WITH firsts AS (
    SELECT group_no,
           min(lo) FILTER (WHERE tier = 0) AS day_cut,
           min(lo) FILTER (WHERE tier = 1) AS month_changed,
           min(lo) FILTER (WHERE tier = 2) AS year_changed
    FROM delta GROUP BY group_no
), months AS (
    SELECT f.*, least(f.month_changed, (
        SELECT min(g.span_start) FROM grouped g
        WHERE g.group_no = f.group_no AND g.tier = 1 AND g.span_end >= f.day_cut
    )) AS month_cut
    FROM firsts f
)
SELECT group_no, day_cut, month_cut, least(year_changed, (
    SELECT min(g.span_start) FROM grouped g
    WHERE g.group_no = m.group_no AND g.tier = 2 AND g.span_end >= least(m.day_cut, m.month_cut)
)) AS year_cut
FROM months m;

-- name: candidates
-- The tails (mentions from their tier's cut on), the day's undated mentions and the undated
-- members of stale events.
CREATE OR REPLACE TEMP TABLE candidates AS
SELECT g.* FROM grouped g LEFT JOIN cuts c USING (group_no)
WHERE (g.tier = 0 AND g.span_start >= c.day_cut)
   OR (g.tier = 1 AND g.span_start >= c.month_cut)
   OR (g.tier = 2 AND g.span_start >= c.year_cut)
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
