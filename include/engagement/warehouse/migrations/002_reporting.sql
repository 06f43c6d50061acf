-- Reporting views for BI users. Column comments come from warehouse/data/reporting_columns.csv
-- (applied by warehouse/docs.py after the migrations) so a column shared by several views is
-- documented once. Quad classes follow GDELT: 1 verbal cooperation (roots 01-05),
-- 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).
CREATE SCHEMA IF NOT EXISTS reporting;

-- One aggregation for both grains: every event with day precision counts on its day (grain
-- 'day') and in its month; a month-precision event counts only in its month; year-precision
-- events in neither. Period = first day of the event's date range, truncated to the grain.
CREATE VIEW reporting.dyad_periods AS
WITH graded AS (
    SELECT e.*, g.grain,
           CASE g.grain WHEN 'day' THEN e.date_start ELSE date_trunc('month', e.date_start)::DATE END AS period
    FROM core.events e
    JOIN (VALUES ('day', ['day']), ('month', ['day', 'month'])) AS g(grain, precisions)
      ON list_contains(g.precisions, e.date_precision)
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

CREATE VIEW reporting.dyad_daily AS
SELECT actor1, actor2, period AS date, * EXCLUDE (grain, actor1, actor2, period)
FROM reporting.dyad_periods WHERE grain = 'day';

CREATE VIEW reporting.dyad_monthly AS
SELECT actor1, actor2, period AS month, * EXCLUDE (grain, actor1, actor2, period)
FROM reporting.dyad_periods WHERE grain = 'month';

-- Multilateral meetings: an event keeps its forum but yields only the pair named as meeting in
-- it (its own actor1/actor2), never every pair of the forum's members.
CREATE VIEW reporting.forum_dyads AS
SELECT event_id, forum, actor1, actor2, date_start AS date, date_precision, status, level
FROM core.events
WHERE forum IS NOT NULL;

CREATE VIEW reporting.dyad_forum AS
SELECT f.forum, f.actor1, f.actor2, count(*) AS events, sum(e.mentions)::BIGINT AS mentions,
       min(f.date) AS first_date, max(f.date) AS last_date
FROM reporting.forum_dyads f JOIN core.events e USING (event_id)
GROUP BY f.forum, f.actor1, f.actor2;

CREATE VIEW reporting.dyad_topics AS
SELECT actor1, actor2, topic, count(*) AS events, sum(mentions)::BIGINT AS mentions
FROM (SELECT actor1, actor2, mentions, unnest(topics) AS topic FROM core.events)
GROUP BY actor1, actor2, topic;

-- Announced engagements not (yet) reported as held: planned status, or a date range that has
-- not ended by today; cancelled events are left out.
CREATE VIEW reporting.upcoming_engagements AS
SELECT e.event_id, e.actor1, e.actor2, e.status, e.event_date AS expected_date, e.event_date_end AS expected_date_end,
       e.date_precision, e.date_start, e.date_end, e.date_end - current_date AS days_until, e.level,
       e.forum, e.location, e.evidence_text, a.url AS evidence_url, e.mentions, e.last_reported
FROM core.events e
LEFT JOIN core.articles a ON a.article_id = e.evidence_article_id
WHERE e.status <> 'cancelled' AND (e.status = 'planned' OR e.date_end >= current_date);

-- Each held or ongoing event seen from both of its countries.
CREATE VIEW reporting.country_partner_events AS
SELECT actor1 AS country, actor2 AS partner, event_id, date_start AS date, mentions, goldstein
FROM core.events WHERE status IN ('held', 'ongoing')
UNION ALL
SELECT actor2, actor1, event_id, date_start, mentions, goldstein
FROM core.events WHERE status IN ('held', 'ongoing');

-- Windows end at the latest held/ongoing event date in the data, not today, so a stale
-- warehouse still ranks partners over its own last 30/90/365 days.
CREATE VIEW reporting.country_partners AS
WITH latest AS (SELECT max(date) AS anchor FROM reporting.country_partner_events),
windowed AS (
    SELECT p.country, p.partner, w.window_days, count(*) AS events, sum(p.mentions)::BIGINT AS mentions,
           sum(p.goldstein) AS goldstein_sum
    FROM reporting.country_partner_events p, latest,
         (VALUES (30), (90), (365)) AS w(window_days)
    WHERE p.date > latest.anchor - w.window_days AND p.date <= latest.anchor
    GROUP BY ALL
)
SELECT country, partner, window_days, events, mentions, goldstein_sum,
       row_number() OVER (PARTITION BY country, window_days
                          ORDER BY events DESC, mentions DESC, partner) AS rank
FROM windowed;

CREATE MACRO reporting.country_partners_between(iso3, from_date, to_date) AS TABLE
SELECT partner, count(*) AS events, sum(mentions)::BIGINT AS mentions, sum(goldstein) AS goldstein_sum,
       row_number() OVER (ORDER BY count(*) DESC, sum(mentions) DESC, partner) AS rank
FROM reporting.country_partner_events
WHERE country = iso3 AND date BETWEEN from_date::DATE AND to_date::DATE
GROUP BY partner;
