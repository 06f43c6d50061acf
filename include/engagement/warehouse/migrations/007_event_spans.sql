-- Each stored event's clustering group and date span, kept beside core.events so reclustering a
-- day reads the stored events that may lie in a coarse report's period ("this month", "2025")
-- from one compact table instead of their members' whole history (warehouse/rebuild.py).
-- Internal to aggregate: publish leaves the schema out of the reporting copy.
CREATE SCHEMA internal;
CREATE TABLE internal.event_spans (
    event_id VARCHAR NOT NULL,
    group_key VARCHAR NOT NULL,
    tier TINYINT NOT NULL,
    span_start DATE NOT NULL,
    span_end DATE NOT NULL,
    took_place BOOLEAN NOT NULL
);
COMMENT ON TABLE internal.event_spans IS 'One row per dated event of core.events: its clustering group and the span of its finest-precision members, maintained by every aggregate.';
COMMENT ON COLUMN internal.event_spans.event_id IS 'The event (core.events.event_id).';
COMMENT ON COLUMN internal.event_spans.group_key IS 'Its clustering group (warehouse/cluster.group_of), the parts joined by a unit separator.';
COMMENT ON COLUMN internal.event_spans.tier IS 'Precision of its finest members: 0 day, 1 month, 2 year.';
COMMENT ON COLUMN internal.event_spans.span_start IS 'First day covered by its members of that precision.';
COMMENT ON COLUMN internal.event_spans.span_end IS 'Last day covered by its members of that precision.';
COMMENT ON COLUMN internal.event_spans.took_place IS 'Whether one of those members reports it held (cluster.TOOK_PLACE).';
