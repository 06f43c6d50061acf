-- Multilateral meetings (a plenary of a forum with three or more countries) are one event with
-- no country pair: actor1 = actor2 = NULL, the countries in `participants`, the forum in `forum`.
-- Pair-based views count only bilateral events (pair not null); plenaries have their own view.
ALTER TABLE core.events ALTER COLUMN actor1 DROP NOT NULL;
ALTER TABLE core.events ALTER COLUMN actor2 DROP NOT NULL;

COMMENT ON COLUMN core.event_mentions.actor1 IS 'First country of the pair, ISO alpha-3; actor1 < actor2 alphabetically. NULL for a multilateral meeting (three or more participants).';
COMMENT ON COLUMN core.event_mentions.actor2 IS 'Second country of the pair, ISO alpha-3; actor1 < actor2 alphabetically. NULL for a multilateral meeting (three or more participants).';
COMMENT ON COLUMN core.event_mentions.participants IS 'Countries taking part (ISO alpha-3): the pair, or all countries named for a multilateral meeting.';
COMMENT ON COLUMN core.events.actor1 IS 'First country of the pair, ISO alpha-3; actor1 < actor2 alphabetically. NULL for a multilateral meeting, which counts in no pair.';
COMMENT ON COLUMN core.events.actor2 IS 'Second country of the pair, ISO alpha-3; actor1 < actor2 alphabetically. NULL for a multilateral meeting, which counts in no pair.';
COMMENT ON COLUMN core.events.forum IS 'Multilateral forum (first non-null of the most precise, then latest mentions): the plenary itself when actor1 is NULL, else a bilateral meeting held within (on the sidelines of) the forum.';
COMMENT ON COLUMN core.events.participants IS 'Union of the countries taking part by any mention, sorted: the pair, or every country named for a multilateral meeting.';

CREATE OR REPLACE VIEW reporting.dyad_periods AS
WITH graded AS (
    SELECT e.*, g.grain,
           CASE g.grain WHEN 'day' THEN e.date_start ELSE date_trunc('month', e.date_start)::DATE END AS period
    FROM core.events e
    JOIN (VALUES ('day', ['day']), ('month', ['day', 'month'])) AS g(grain, precisions)
      ON list_contains(g.precisions, e.date_precision)
    WHERE e.actor1 IS NOT NULL
),
article_counts AS (
    SELECT g.grain, g.actor1, g.actor2, g.period, count(DISTINCT em.article_id) AS articles
    FROM graded g JOIN core.event_mentions em USING (event_id)
    GROUP BY ALL
)
SELECT g.grain, g.actor1, g.actor2, g.period,
       count(*) AS events,
       count(*) FILTER (WHERE g.source = g.actor1 AND g.target = g.actor2) AS events_1_to_2,
       count(*) FILTER (WHERE g.source = g.actor2 AND g.target = g.actor1) AS events_2_to_1,
       count(*) FILTER (WHERE g.root = '03') AS root_03,
       count(*) FILTER (WHERE g.root = '04') AS root_04,
       count(*) FILTER (WHERE g.root = '05') AS root_05,
       count(*) FILTER (WHERE g.root = '06') AS root_06,
       count(*) FILTER (WHERE g.root = '10') AS root_10,
       count(*) FILTER (WHERE g.root = '11') AS root_11,
       count(*) FILTER (WHERE g.root = '12') AS root_12,
       count(*) FILTER (WHERE g.root = '13') AS root_13,
       count(*) FILTER (WHERE g.root = '16') AS root_16,
       count(*) FILTER (WHERE g.root = '17') AS root_17,
       count(*) FILTER (WHERE g.quad_class = 1) AS quad_1_verbal_coop,
       count(*) FILTER (WHERE g.quad_class = 2) AS quad_2_material_coop,
       count(*) FILTER (WHERE g.quad_class = 3) AS quad_3_verbal_conflict,
       count(*) FILTER (WHERE g.quad_class = 4) AS quad_4_material_conflict,
       sum(g.goldstein) AS goldstein_sum,
       avg(g.goldstein) AS goldstein_mean,
       sum(g.mentions)::BIGINT AS mentions,
       any_value(a.articles) AS articles,
       arg_min(g.level, l.rank) AS highest_level,
       count(*) FILTER (WHERE g.status = 'held') AS held,
       count(*) FILTER (WHERE g.status = 'ongoing') AS ongoing,
       count(*) FILTER (WHERE g.status = 'planned') AS planned,
       count(*) FILTER (WHERE g.status = 'cancelled') AS cancelled
FROM graded g
JOIN article_counts a USING (grain, actor1, actor2, period)
LEFT JOIN core.levels l ON l.level = g.level
GROUP BY g.grain, g.actor1, g.actor2, g.period;

-- The documented rule for pairs within forums: a pair counts in a forum only through a
-- bilateral event held within it (its own actor1/actor2, e.g. a sideline meeting). Attending
-- the same plenary makes no pair: the plenary is in reporting.forum_meetings.
CREATE OR REPLACE VIEW reporting.forum_dyads AS
SELECT event_id, forum, actor1, actor2, date_start AS date, date_precision, status, level
FROM core.events
WHERE forum IS NOT NULL AND actor1 IS NOT NULL;

CREATE OR REPLACE VIEW reporting.forum_meetings AS
SELECT e.event_id, e.forum, e.date_start AS date, e.date_precision, e.participants,
       len(e.participants) AS countries, e.level, e.status, e.location, e.mentions,
       e.evidence_text, a.url AS evidence_url
FROM core.events e
LEFT JOIN core.articles a ON a.article_id = e.evidence_article_id
WHERE e.actor1 IS NULL;

CREATE OR REPLACE VIEW reporting.dyad_topics AS
SELECT actor1, actor2, topic, count(*) AS events, sum(mentions)::BIGINT AS mentions
FROM (SELECT actor1, actor2, mentions, unnest(topics) AS topic FROM core.events WHERE actor1 IS NOT NULL)
GROUP BY actor1, actor2, topic;

CREATE OR REPLACE VIEW reporting.country_partner_events AS
SELECT actor1 AS country, actor2 AS partner, event_id, date_start AS date, mentions, goldstein
FROM core.events WHERE status IN ('held', 'ongoing') AND actor1 IS NOT NULL
UNION ALL
SELECT actor2, actor1, event_id, date_start, mentions, goldstein
FROM core.events WHERE status IN ('held', 'ongoing') AND actor1 IS NOT NULL;
