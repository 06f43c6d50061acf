-- The coarse (month- and year-precision) mentions whose clustering the finer events of their
-- period settled. Each day of a year reclustered every "2025" report of the groups it touched
-- (every one reaches every cut of its year): 7,164 of the 23,675 mentions reclustered on
-- 31 December of a generated year of 2,000 articles a day. A report that met two compatible
-- finer events, two of its kind, joins none of them whatever a load adds; while none of those
-- four changes (they end before the day's cuts) it keeps its place (warehouse/rebuild.py,
-- cluster.SETTLED_BY). Internal to aggregate: publish leaves the schema out of the reporting copy.
CREATE TABLE internal.settled_reports (
    day DATE NOT NULL,
    mention_id VARCHAR NOT NULL,
    settled_by DATE NOT NULL
);
COMMENT ON TABLE internal.settled_reports IS 'One row per month- or year-precision event mention that two compatible finer events (two of its kind) kept from joining any, maintained by every aggregate; a mention without a row is reclustered whenever its group changes.';
COMMENT ON COLUMN internal.settled_reports.day IS 'Partition day of the mention (core.event_mentions.day).';
COMMENT ON COLUMN internal.settled_reports.mention_id IS 'The mention (core.event_mentions.mention_id).';
COMMENT ON COLUMN internal.settled_reports.settled_by IS 'Last day of the four finer events that settled it: while the cuts of a load lie after it, the mention keeps its place.';
