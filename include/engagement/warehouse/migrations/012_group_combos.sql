-- The distinct combinations of the columns a mention's clustering group depends on
-- (cluster.group_of), each with its group key, kept as days load. Numbering the groups a day
-- touches read them from every mention: on the warehouse of 324 days of 2,000 articles
-- (1.49 M mentions, 43,484 combinations) that scan and group_of over its rows took about 0.36 s
-- of a late day's 4.5 s of aggregate, and grew with every day (warehouse/groups.py). A combination no
-- longer loaded (its day reloaded without it) joins no mention and is harmless. Empty while
-- mentions exist (a warehouse from before this migration, or one whose key definition changed)
-- means refill from the mentions on the next load. Internal to aggregate: publish leaves the
-- schema out of the reporting copy.
CREATE TABLE internal.group_combos (
    actor1 VARCHAR,
    actor2 VARCHAR,
    cameo VARCHAR,
    root VARCHAR,
    forum VARCHAR,
    participants VARCHAR[],
    group_key VARCHAR NOT NULL
);
COMMENT ON TABLE internal.group_combos IS 'One row per distinct combination of the group columns of core.event_mentions ever loaded, with its clustering group key (warehouse/cluster.group_of), maintained by every aggregate.';
COMMENT ON COLUMN internal.group_combos.actor1 IS 'core.event_mentions.actor1 of the combination.';
COMMENT ON COLUMN internal.group_combos.actor2 IS 'core.event_mentions.actor2 of the combination.';
COMMENT ON COLUMN internal.group_combos.cameo IS 'core.event_mentions.cameo of the combination.';
COMMENT ON COLUMN internal.group_combos.root IS 'core.event_mentions.root of the combination.';
COMMENT ON COLUMN internal.group_combos.forum IS 'core.event_mentions.forum of the combination.';
COMMENT ON COLUMN internal.group_combos.participants IS 'core.event_mentions.participants of the combination.';
COMMENT ON COLUMN internal.group_combos.group_key IS 'Its clustering group (cluster.group_of), the parts joined by a unit separator, as in internal.event_spans.';
