-- The reporting views and macros move out of the migrations into one re-creatable file,
-- warehouse/sql/reporting.sql, applied after the migrations by warehouse/reporting.py. This
-- migration only drops what 002 and 003 created in schema reporting; the schema itself stays.
DROP MACRO TABLE IF EXISTS reporting.country_partners_between;
DROP VIEW IF EXISTS reporting.country_partners;
DROP VIEW IF EXISTS reporting.country_partner_events;
DROP VIEW IF EXISTS reporting.upcoming_engagements;
DROP VIEW IF EXISTS reporting.dyad_topics;
DROP VIEW IF EXISTS reporting.dyad_forum;
DROP VIEW IF EXISTS reporting.forum_meetings;
DROP VIEW IF EXISTS reporting.forum_dyads;
DROP VIEW IF EXISTS reporting.dyad_monthly;
DROP VIEW IF EXISTS reporting.dyad_daily;
DROP VIEW IF EXISTS reporting.dyad_periods;
