-- Which version of warehouse/sql/reporting.sql schema `reporting` was last built from.
CREATE TABLE IF NOT EXISTS main.reporting_definition (
    checksum VARCHAR NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE main.reporting_definition IS 'Checksum of warehouse/sql/reporting.sql the reporting views and macros were last created from (one row).';
COMMENT ON COLUMN main.reporting_definition.checksum IS 'sha256 of reporting.sql as applied; a different file re-creates schema reporting.';
COMMENT ON COLUMN main.reporting_definition.applied_at IS 'When schema reporting was last re-created.';
