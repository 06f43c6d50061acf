-- The reporting layer BI users query: every view and macro of schema `reporting`, defined once.
-- warehouse/reporting.py re-creates the whole schema from this file after the migrations whenever
-- the file changed (its sha256 is kept in main.reporting_definition), so changing a view is one
-- edit here. Column comments come from warehouse/data/reporting_columns.csv (warehouse/docs.py).
--
-- The date rule, used by every view and macro alike: an event is dated by a period, its first day
-- (date_start) at day precision, its whole month or year (date_start .. date_end) at month or year
-- precision. It counts in a window (a day, a month, a year, the rolling 30/90/365 days, a macro's
-- from_date .. to_date, "from today on") only when that whole period lies inside the window. So a
-- month-precision event counts in its month and year but on no single day, a year-precision event
-- only in its year and in windows covering the whole year, and a multi-day meeting on its first day.
--
-- Quad classes follow GDELT: 1 verbal cooperation (roots 01-05), 2 material cooperation (06-08),
-- 3 verbal conflict (09-13), 4 material conflict (14-20). Cooperation = quad 1 + 2, conflict = 3 + 4.
DROP SCHEMA IF EXISTS reporting CASCADE;
CREATE SCHEMA reporting;

-- The date rule ------------------------------------------------------------------------------
CREATE MACRO reporting.dated_until(date_precision, date_start, date_end) AS
    CASE WHEN date_precision = 'day' THEN date_start ELSE date_end END;

CREATE MACRO reporting.counts_within(date_precision, date_start, date_end, window_start, window_end) AS
    date_start >= window_start
    AND reporting.dated_until(date_precision, date_start, date_end) <= window_end;

CREATE MACRO reporting.period_start(grain, day) AS
    CASE grain WHEN 'day' THEN day::DATE WHEN 'month' THEN date_trunc('month', day::DATE)::DATE
               ELSE date_trunc('year', day::DATE)::DATE END;

CREATE MACRO reporting.period_end(grain, day) AS
    CASE grain WHEN 'day' THEN day::DATE WHEN 'month' THEN last_day(day::DATE)
               ELSE make_date(year(day::DATE), 12, 31) END;

-- Input checks: fail loudly instead of returning no rows -----------------------------------------
CREATE MACRO reporting.country_code(code) AS
    CASE WHEN (SELECT count(*) FROM core.countries known WHERE known.iso3 = upper(trim(code))) = 1
         THEN upper(trim(code))
         ELSE error('unknown country code ''' || coalesce(code, 'NULL')
                    || ''': expected an ISO 3166 alpha-3 code of core.countries, e.g. IND')
    END;

CREATE MACRO reporting.window_start(from_date, to_date) AS
    CASE WHEN from_date IS NULL OR to_date IS NULL
         THEN error('from_date and to_date are required')
         WHEN from_date::DATE > to_date::DATE
         THEN error('from_date ' || from_date::DATE || ' is after to_date ' || to_date::DATE)
         ELSE from_date::DATE
    END;

CREATE MACRO reporting.grain_name(grain) AS
    CASE WHEN lower(grain) IN ('day', 'month', 'year') THEN lower(grain)
         ELSE error('unknown grain ''' || coalesce(grain, 'NULL') || ''': expected day, month or year')
    END;

-- Events with their dated period and both countries' view of them -------------------------------
CREATE VIEW reporting.event_periods AS
SELECT e.event_id, g.grain, reporting.period_start(g.grain, e.date_start) AS period
FROM core.events e
CROSS JOIN (VALUES ('day'), ('month'), ('year')) AS g(grain)
WHERE reporting.counts_within(e.date_precision, e.date_start, e.date_end,
                              reporting.period_start(g.grain, e.date_start),
                              reporting.period_end(g.grain, e.date_start));

-- Two branches rather than a lateral unpivot, so a filter on country reaches the scan of core.events.
CREATE VIEW reporting.country_partner_events AS
SELECT e.actor1 AS country, e.actor2 AS partner, e.event_id, e.status, e.event_date, e.date_precision,
       e.date_start, e.date_end, e.cameo, e.root, e.quad_class, e.goldstein,
       CASE WHEN e.source = e.actor1 THEN 'outgoing' WHEN e.target = e.actor1 THEN 'incoming' END AS direction,
       e.level, e.forum, e.location, e.mentions, e.articles
FROM core.events e WHERE e.actor1 IS NOT NULL
UNION ALL
SELECT e.actor2, e.actor1, e.event_id, e.status, e.event_date, e.date_precision,
       e.date_start, e.date_end, e.cameo, e.root, e.quad_class, e.goldstein,
       CASE WHEN e.source = e.actor2 THEN 'outgoing' WHEN e.target = e.actor2 THEN 'incoming' END,
       e.level, e.forum, e.location, e.mentions, e.articles
FROM core.events e WHERE e.actor1 IS NOT NULL;

-- Tallies of the events that took place (held or ongoing) per country, partner and dated period:
-- the one aggregation the long-form views and macros re-add over their windows.
CREATE VIEW reporting.country_partner_dates AS
SELECT country, partner, date_precision, date_start, date_end,
       count(*) AS events,
       count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
       count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
       count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
       count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
       count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
       count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
       count(*) FILTER (WHERE direction = 'outgoing') AS outgoing,
       count(*) FILTER (WHERE direction = 'incoming') AS incoming,
       sum(mentions)::BIGINT AS mentions,
       sum(goldstein) AS goldstein_sum
FROM reporting.country_partner_events
WHERE status IN ('held', 'ongoing')
GROUP BY ALL;

CREATE VIEW reporting.country_partner_periods AS
SELECT g.grain, d.country, d.partner, reporting.period_start(g.grain, d.date_start) AS period,
       sum(COLUMNS('^(events|cooperation|conflict|(verbal|material)_(cooperation|conflict)|outgoing|incoming|mentions)$'))::BIGINT,
       round(sum(d.goldstein_sum), 2) AS goldstein_sum,
       round(sum(d.goldstein_sum) / sum(d.events), 2) AS goldstein_mean
FROM reporting.country_partner_dates d
CROSS JOIN (VALUES ('day'), ('month'), ('year')) AS g(grain)
WHERE reporting.counts_within(d.date_precision, d.date_start, d.date_end,
                              reporting.period_start(g.grain, d.date_start),
                              reporting.period_end(g.grain, d.date_start))
GROUP BY ALL;

CREATE VIEW reporting.country_partner_daily AS
SELECT country, partner, period AS date, * EXCLUDE (grain, country, partner, period)
FROM reporting.country_partner_periods WHERE grain = 'day';

CREATE VIEW reporting.country_partner_monthly AS
SELECT country, partner, period AS month, * EXCLUDE (grain, country, partner, period)
FROM reporting.country_partner_periods WHERE grain = 'month';

CREATE VIEW reporting.country_partner_yearly AS
SELECT country, partner, period AS year, * EXCLUDE (grain, country, partner, period)
FROM reporting.country_partner_periods WHERE grain = 'year';

-- Partners of one country in a window, ranked three ways. The arguments are checked once in `args`
-- (unknown country, from_date > to_date: an error, never an empty answer, even when nothing
-- matches); the filters use the arguments themselves so that they reach the scans.
CREATE MACRO reporting.country_partners_between(country_iso3, from_date, to_date) AS TABLE
WITH args AS (
    SELECT reporting.country_code(country_iso3) IS NOT NULL
           AND reporting.window_start(from_date, to_date) IS NOT NULL AS valid
),
tallies AS (
    SELECT d.partner,
           sum(COLUMNS('^(events|cooperation|conflict|(verbal|material)_(cooperation|conflict)|outgoing|incoming|mentions)$'))::BIGINT,
           round(sum(d.goldstein_sum), 2) AS goldstein_sum,
           round(sum(d.goldstein_sum) / sum(d.events), 2) AS goldstein_mean
    FROM reporting.country_partner_dates d
    WHERE d.country = upper(trim(country_iso3))
      AND reporting.counts_within(d.date_precision, d.date_start, d.date_end, from_date::DATE, to_date::DATE)
    GROUP BY d.partner
)
SELECT *,
       row_number() OVER (ORDER BY events DESC, mentions DESC, partner) AS rank,
       row_number() OVER (ORDER BY cooperation DESC, mentions DESC, partner) AS cooperation_rank,
       row_number() OVER (ORDER BY conflict DESC, mentions DESC, partner) AS conflict_rank
FROM tallies
WHERE (SELECT valid FROM args)
ORDER BY rank;

-- One pair's engagements period by period, seen from `country_iso3` (the pair's order does not
-- matter for the counts; outgoing/incoming are from country_iso3's side). Periods lying wholly
-- inside the window. Arguments checked as in country_partners_between.
CREATE MACRO reporting.pair_timeline(country_iso3, partner_iso3, from_date, to_date, grain := 'month') AS TABLE
WITH args AS (
    SELECT reporting.country_code(country_iso3) IS NOT NULL
           AND reporting.country_code(partner_iso3) IS NOT NULL
           AND reporting.grain_name(grain) IS NOT NULL
           AND reporting.window_start(from_date, to_date) IS NOT NULL AS valid
)
SELECT p.period, reporting.period_end(p.grain, p.period) AS period_end,
       p.* EXCLUDE (grain, country, partner, period)
FROM reporting.country_partner_periods p
WHERE p.grain = lower(grain) AND p.country = upper(trim(country_iso3)) AND p.partner = upper(trim(partner_iso3))
  AND p.period >= from_date::DATE AND reporting.period_end(p.grain, p.period) <= to_date::DATE
  AND (SELECT valid FROM args)
ORDER BY p.period;

-- Rolling windows ending at the latest date an event that took place is dated to, not today, so a
-- stale warehouse still ranks partners over its own last 30/90/365 days.
CREATE VIEW reporting.country_partners AS
WITH latest AS (
    SELECT max(reporting.dated_until(date_precision, date_start, date_end)) AS anchor
    FROM reporting.country_partner_dates
),
windowed AS (
    SELECT d.country, d.partner, w.window_days,
           (latest.anchor - w.window_days + 1)::DATE AS window_start, latest.anchor AS window_end,
           sum(COLUMNS('^(events|cooperation|conflict|mentions)$'))::BIGINT,
           round(sum(d.goldstein_sum), 2) AS goldstein_sum
    FROM reporting.country_partner_dates d, latest, (VALUES (30), (90), (365)) AS w(window_days)
    WHERE reporting.counts_within(d.date_precision, d.date_start, d.date_end,
                                  latest.anchor - w.window_days + 1, latest.anchor)
    GROUP BY ALL
)
SELECT *,
       row_number() OVER (PARTITION BY country, window_days ORDER BY events DESC, mentions DESC, partner) AS rank,
       row_number() OVER (PARTITION BY country, window_days ORDER BY cooperation DESC, mentions DESC, partner)
           AS cooperation_rank,
       row_number() OVER (PARTITION BY country, window_days ORDER BY conflict DESC, mentions DESC, partner)
           AS conflict_rank
FROM windowed;

-- The pair views of the warehouse's own shape (actor1 < actor2), every status counted --------------
CREATE VIEW reporting.dyad_periods AS
WITH graded AS NOT MATERIALIZED (  -- inlined, so a view's grain filter reaches both uses
    SELECT e.event_id, e.actor1, e.actor2, e.source, e.target, e.root, e.quad_class, e.goldstein, e.mentions,
           e.level, e.status, g.grain, reporting.period_start(g.grain, e.date_start) AS period
    FROM core.events e
    CROSS JOIN (VALUES ('day'), ('month'), ('year')) AS g(grain)
    WHERE e.actor1 IS NOT NULL
      AND reporting.counts_within(e.date_precision, e.date_start, e.date_end,
                                  reporting.period_start(g.grain, e.date_start),
                                  reporting.period_end(g.grain, e.date_start))
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
       -- Goldstein values have one decimal: summed as DECIMAL the result is exact, so it does not
       -- depend on the order DuckDB's threads add the rows in (a DOUBLE mean could round either way).
       sum(g.goldstein::DECIMAL(18, 1))::DOUBLE AS goldstein_sum,
       round(avg(g.goldstein::DECIMAL(18, 1)), 2) AS goldstein_mean,
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

CREATE VIEW reporting.dyad_yearly AS
SELECT actor1, actor2, period AS year, * EXCLUDE (grain, actor1, actor2, period)
FROM reporting.dyad_periods WHERE grain = 'year';

CREATE VIEW reporting.dyad_topics AS
SELECT actor1, actor2, topic, count(*) AS events, sum(mentions)::BIGINT AS mentions
FROM (SELECT actor1, actor2, mentions, unnest(topics) AS topic FROM core.events WHERE actor1 IS NOT NULL)
GROUP BY actor1, actor2, topic;

-- Forums: a pair counts in a forum only through a bilateral event held within it (its own
-- actor1/actor2, e.g. a sideline meeting); attending the same plenary makes no pair.
CREATE VIEW reporting.forum_dyads AS
SELECT event_id, forum, actor1, actor2, status, date_precision, date_start, date_end, level
FROM core.events
WHERE forum IS NOT NULL AND actor1 IS NOT NULL;

CREATE VIEW reporting.dyad_forum AS
SELECT forum, actor1, actor2, count(*) AS events, sum(e.mentions)::BIGINT AS mentions,
       min(e.date_start) AS first_date, max(e.date_start) AS last_date
FROM reporting.forum_dyads f JOIN core.events e USING (event_id, forum, actor1, actor2)
GROUP BY forum, actor1, actor2;

-- Events, one row each, with the article that holds their evidence and the code's name (kept on the
-- event by the load: a join here reads every column of every event before a top-N query's rows) ---
CREATE VIEW reporting.events_with_evidence AS
SELECT e.event_id, e.actor1, e.actor2, e.actor1 || '-' || e.actor2 AS pair, e.participants,
       e.source, e.target, e.family, e.cameo, e.cameo_name, e.root, e.quad_class,
       round(e.goldstein, 2) AS goldstein, e.status, e.event_date, e.event_date_end,
       e.date_precision, e.date_start, e.date_end, e.level, e.forum, e.location, e.topics,
       e.evidence_text, e.evidence_mention_id, e.evidence_article_id,
       e.article_title, e.article_url, e.article_source, e.article_language, e.article_published_at,
       e.mentions, e.articles, e.sources, e.first_reported, e.last_reported
FROM core.events e;

CREATE VIEW reporting.forum_meetings AS
SELECT event_id, forum, participants, len(participants) AS countries, status, date_precision,
       date_start, date_end, level, location, mentions, evidence_text, article_url AS evidence_url
FROM reporting.events_with_evidence
WHERE actor1 IS NULL;

-- Engagements announced from a day on: planned or ongoing (neither reported held yet nor called off),
-- dated period starting that day or later.
-- The view is the macro from today; the macro answers "what was still ahead as of" another day.
-- from_date comes from a one-row join: the join pushes `date_start >= from_day` into the scan when
-- the query runs, where an error() inside the row filter kept the whole filter above the scan
-- (every column of every event read for no rows: 42 -> 1.8 ms on 105k events), and a NULL is
-- still an error, not an empty answer.
CREATE MACRO reporting.engagements_from(from_date) AS TABLE
SELECT e.event_id, e.actor1, e.actor2, e.pair, e.participants, e.forum, e.status,
       e.event_date AS expected_date, e.event_date_end AS expected_date_end,
       e.date_precision, e.date_start, e.date_end, e.date_start - args.from_day AS days_until, e.level, e.location,
       e.cameo, e.cameo_name, e.evidence_text, e.article_url AS evidence_url, e.article_title, e.mentions,
       e.last_reported
FROM reporting.events_with_evidence e
JOIN (SELECT coalesce(from_date::DATE, error('from_date is required')) AS from_day) AS args
  ON e.date_start >= args.from_day
WHERE e.status IN ('planned', 'ongoing')
  AND reporting.counts_within(e.date_precision, e.date_start, e.date_end, args.from_day, DATE '9999-12-31')
ORDER BY e.date_start, e.event_id;

CREATE VIEW reporting.upcoming_engagements AS
SELECT * FROM reporting.engagements_from(current_date);
