-- What each aggregate changed, so publish can copy only that (warehouse/load_log.py), and which
-- knowledge-base files the reference tables were last loaded from (warehouse/reference.py).
CREATE TABLE main.load_log (
    sequence BIGINT NOT NULL,
    day DATE NOT NULL,
    loaded_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE main.load_log IS 'One row per aggregate that committed: which day partition it replaced, in load order.';
COMMENT ON COLUMN main.load_log.sequence IS 'Load number, 1, 2, ... in commit order; a published copy holds every load up to its highest sequence.';
COMMENT ON COLUMN main.load_log.day IS 'Day whose partitions the load replaced (core.articles.day and the other partitioned tables).';
COMMENT ON COLUMN main.load_log.loaded_at IS 'When the load committed (UTC).';

CREATE TABLE main.reference_source (
    fingerprint VARCHAR NOT NULL,
    loaded_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE main.reference_source IS 'Fingerprint of the knowledge-base files the core reference tables were last loaded from (one row).';
COMMENT ON COLUMN main.reference_source.fingerprint IS 'sha256 over the KB data files, the override folder, the CAMEO and status tables and the code that turns them into tables.';
COMMENT ON COLUMN main.reference_source.loaded_at IS 'When the reference tables were last reloaded.';
