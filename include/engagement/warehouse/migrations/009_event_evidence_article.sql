-- Each event carries the title, url, outlet, language and publication time of the article that
-- holds its evidence. reporting.events_with_evidence (and engagements_from, upcoming_engagements,
-- forum_meetings over it) joined core.articles for them, which hashed every article of the
-- warehouse on every query however few rows it returned: 317 ms for the latest 200 events of a
-- year of 2,000 articles a day. The load fills them from the evidence mention's article
-- (warehouse/event_rows._event_row), so they change exactly when the evidence does.
ALTER TABLE core.events ADD COLUMN article_title VARCHAR;
ALTER TABLE core.events ADD COLUMN article_url VARCHAR;
ALTER TABLE core.events ADD COLUMN article_source VARCHAR;
ALTER TABLE core.events ADD COLUMN article_language VARCHAR;
ALTER TABLE core.events ADD COLUMN article_published_at TIMESTAMP WITH TIME ZONE;
UPDATE core.events SET article_title = a.title, article_url = a.url, article_source = a.source,
                       article_language = a.language, article_published_at = a.published_at
FROM core.articles a
WHERE a.article_id = core.events.evidence_article_id;
COMMENT ON COLUMN core.events.article_title IS 'Title of the evidence article (core.articles.title of evidence_article_id).';
COMMENT ON COLUMN core.events.article_url IS 'URL of the evidence article.';
COMMENT ON COLUMN core.events.article_source IS 'News outlet or feed of the evidence article.';
COMMENT ON COLUMN core.events.article_language IS 'Language code of the evidence article (hi, en).';
COMMENT ON COLUMN core.events.article_published_at IS 'Publication time of the evidence article; NULL when it has none.';
