-- The migration ledger; created before any migration runs, so it is not a migration itself.
CREATE TABLE IF NOT EXISTS main.schema_migrations (
    version INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    checksum VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE main.schema_migrations IS 'Schema migrations applied to this database (warehouse/migrations/NNN_name.sql).';
COMMENT ON COLUMN main.schema_migrations.version IS 'Migration number NNN.';
COMMENT ON COLUMN main.schema_migrations.name IS 'Migration name from its file name.';
COMMENT ON COLUMN main.schema_migrations.checksum IS 'sha256 of the SQL file as applied; a later edit of the file is refused.';
COMMENT ON COLUMN main.schema_migrations.applied_at IS 'When the migration was applied.';
