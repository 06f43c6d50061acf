-- Articles removed on purpose (engagement remove-articles): the only explained way for a loaded
-- day to lose articles. Copied from the raw store's removals.jsonl by every aggregate run.
CREATE TABLE core.article_removals (
    day DATE NOT NULL,
    article_id VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    removed_at TIMESTAMPTZ NOT NULL,
    removed_by VARCHAR,
    PRIMARY KEY (day, article_id)
);
COMMENT ON TABLE core.article_removals IS 'Articles taken out of a day on purpose with engagement remove-articles (a takedown, not news), with the reason; reruns leave them out.';
COMMENT ON COLUMN core.article_removals.day IS 'UTC publication day the article was removed from.';
COMMENT ON COLUMN core.article_removals.article_id IS 'Id of the removed article (as in core.articles before the removal).';
COMMENT ON COLUMN core.article_removals.reason IS 'Why it was removed, as the operator wrote it.';
COMMENT ON COLUMN core.article_removals.removed_at IS 'When the removal was recorded (UTC).';
COMMENT ON COLUMN core.article_removals.removed_by IS 'Operating-system user who recorded it.';
