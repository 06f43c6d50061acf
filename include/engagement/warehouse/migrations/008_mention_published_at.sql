-- Each event mention carries its article's publication time. Reclustering orders a group's
-- mentions by it (warehouse/cluster._sort_key) and reads it for every mention a day can reach;
-- joining core.articles for it hashed every article id of the warehouse several times a load
-- (0.1 s each on a year of 2,000 articles a day), a cost that grew with the year.
-- aggregate fills it from the day's articles (warehouse/partitions.copy_publication_times).
ALTER TABLE core.event_mentions ADD COLUMN published_at TIMESTAMP WITH TIME ZONE;
UPDATE core.event_mentions SET published_at = a.published_at
FROM core.articles a
WHERE a.day = core.event_mentions.day AND a.article_id = core.event_mentions.article_id;
COMMENT ON COLUMN core.event_mentions.published_at IS 'Publication time of the article (core.articles.published_at), copied by the load; NULL when the article has none.';
