-- Core tables: one partition per `day` for what the stages wrote, `events` rebuilt from all days,
-- and the reference dimensions. No PRIMARY KEY constraints: uniqueness is asserted by check.py so a
-- violation is reported with every other failed check instead of aborting the load half-way.
CREATE SCHEMA IF NOT EXISTS core;

CREATE TABLE core.articles (
    day DATE NOT NULL,
    article_id VARCHAR NOT NULL,
    source VARCHAR,
    url VARCHAR,
    title VARCHAR,
    published_at TIMESTAMPTZ,
    language VARCHAR,
    text_clean VARCHAR,
    content_hash VARCHAR,
    removed_lines INTEGER,
    duplicate_of VARCHAR,
    raw_ref VARCHAR
);
COMMENT ON TABLE core.articles IS 'Cleaned news articles, one row per article, partitioned by the UTC day of publication (from articles.parquet).';
COMMENT ON COLUMN core.articles.day IS 'UTC calendar day the article belongs to (day of published_at); the load partition.';
COMMENT ON COLUMN core.articles.article_id IS 'Stable article id (given id, else sha1 of source+url or file path+line).';
COMMENT ON COLUMN core.articles.source IS 'News outlet or feed the article came from.';
COMMENT ON COLUMN core.articles.url IS 'Article URL, when known.';
COMMENT ON COLUMN core.articles.title IS 'Article headline.';
COMMENT ON COLUMN core.articles.published_at IS 'Publication timestamp (UTC).';
COMMENT ON COLUMN core.articles.language IS 'Language code (hi, en): detected, or as declared when detection was not confident.';
COMMENT ON COLUMN core.articles.text_clean IS 'Normalised text (NFC, whitespace normalised, boilerplate lines removed); mention offsets point into it.';
COMMENT ON COLUMN core.articles.content_hash IS 'sha256 of the text as received.';
COMMENT ON COLUMN core.articles.removed_lines IS 'Number of boilerplate lines removed by the clean stage.';
COMMENT ON COLUMN core.articles.duplicate_of IS 'article_id this article near-duplicates (then it was kept out of extraction), else NULL.';
COMMENT ON COLUMN core.articles.raw_ref IS 'Where the raw article came from (path:line or raw-store hash).';

CREATE TABLE core.quarantine (
    day DATE NOT NULL,
    stage VARCHAR NOT NULL,
    raw_ref VARCHAR,
    article_id VARCHAR,
    reason VARCHAR NOT NULL,
    detail VARCHAR
);
COMMENT ON TABLE core.quarantine IS 'Records a stage set aside, with the reason (from every quarantine_<stage>.parquet of the day).';
COMMENT ON COLUMN core.quarantine.day IS 'UTC day being processed when the record was set aside; the load partition.';
COMMENT ON COLUMN core.quarantine.stage IS 'Stage that set the record aside (ingest, clean, ...).';
COMMENT ON COLUMN core.quarantine.raw_ref IS 'Where the raw record came from (path:line or raw-store hash).';
COMMENT ON COLUMN core.quarantine.article_id IS 'Article id when one could be assigned, else NULL.';
COMMENT ON COLUMN core.quarantine.reason IS 'Short reason code: invalid_utf8, empty_text, missing_date, duplicate, near_duplicate, ...';
COMMENT ON COLUMN core.quarantine.detail IS 'Human-readable detail of the reason.';

CREATE TABLE core.sentences (
    day DATE NOT NULL,
    article_id VARCHAR NOT NULL,
    sentence_idx INTEGER NOT NULL,
    "start" INTEGER,
    "end" INTEGER,
    text VARCHAR
);
COMMENT ON TABLE core.sentences IS 'Sentences of the extracted articles (from sentences.parquet).';
COMMENT ON COLUMN core.sentences.day IS 'UTC day of the article; the load partition.';
COMMENT ON COLUMN core.sentences.article_id IS 'Article the sentence belongs to (core.articles.article_id).';
COMMENT ON COLUMN core.sentences.sentence_idx IS 'Position of the sentence in the article, from 0.';
COMMENT ON COLUMN core.sentences."start" IS 'Start character offset into the article''s text_clean.';
COMMENT ON COLUMN core.sentences."end" IS 'End character offset (exclusive) into the article''s text_clean.';
COMMENT ON COLUMN core.sentences.text IS 'Sentence text.';

CREATE TABLE core.mentions (
    day DATE NOT NULL,
    article_id VARCHAR NOT NULL,
    mention_idx INTEGER NOT NULL,
    sentence_idx INTEGER,
    "start" INTEGER,
    "end" INTEGER,
    text VARCHAR,
    label VARCHAR,
    entity_id VARCHAR,
    name VARCHAR,
    country VARCHAR,
    role VARCHAR,
    value VARCHAR,
    value_end VARCHAR,
    precision VARCHAR
);
COMMENT ON TABLE core.mentions IS 'Entity mentions found in the articles: countries, persons, organisations, places, dates, roles (from mentions.parquet).';
COMMENT ON COLUMN core.mentions.day IS 'UTC day of the article; the load partition.';
COMMENT ON COLUMN core.mentions.article_id IS 'Article the mention is in (core.articles.article_id).';
COMMENT ON COLUMN core.mentions.mention_idx IS 'Position of the mention in the article, from 0; (article_id, mention_idx) is unique.';
COMMENT ON COLUMN core.mentions.sentence_idx IS 'Sentence the mention is in (core.sentences.sentence_idx).';
COMMENT ON COLUMN core.mentions."start" IS 'Start character offset into the article''s text_clean.';
COMMENT ON COLUMN core.mentions."end" IS 'End character offset (exclusive) into the article''s text_clean.';
COMMENT ON COLUMN core.mentions.text IS 'Surface text of the mention as written.';
COMMENT ON COLUMN core.mentions.label IS 'Entity type: COUNTRY, PERSON, ORG, PLACE, DATE or ROLE.';
COMMENT ON COLUMN core.mentions.entity_id IS 'Knowledge-base id of the resolved entity, else NULL.';
COMMENT ON COLUMN core.mentions.name IS 'Canonical English name of the resolved entity.';
COMMENT ON COLUMN core.mentions.country IS 'ISO 3166 alpha-3 country of the entity (the country itself, a person''s or organisation''s country).';
COMMENT ON COLUMN core.mentions.role IS 'Office or role (for PERSON and ROLE mentions).';
COMMENT ON COLUMN core.mentions.value IS 'Resolved date for DATE mentions: YYYY, YYYY-MM or YYYY-MM-DD.';
COMMENT ON COLUMN core.mentions.value_end IS 'End of a resolved date range, else NULL.';
COMMENT ON COLUMN core.mentions.precision IS 'Precision of a resolved date: day, month or year.';

CREATE TABLE core.event_mentions (
    day DATE NOT NULL,
    event_id VARCHAR,
    article_id VARCHAR NOT NULL,
    mention_id VARCHAR NOT NULL,
    actor1 VARCHAR,
    actor2 VARCHAR,
    source VARCHAR,
    target VARCHAR,
    cameo VARCHAR,
    root VARCHAR,
    goldstein DOUBLE,
    quad_class TINYINT,
    plover VARCHAR,
    status VARCHAR,
    event_date VARCHAR,
    event_date_end VARCHAR,
    date_precision VARCHAR,
    level VARCHAR,
    location VARCHAR,
    forum VARCHAR,
    topics VARCHAR[],
    sentence_idx INTEGER,
    evidence_start INTEGER,
    evidence_end INTEGER,
    evidence_text VARCHAR,
    actor_mentions VARCHAR[],
    participants VARCHAR[],
    kind VARCHAR,
    date_basis VARCHAR,
    trigger_text VARCHAR
);
COMMENT ON TABLE core.event_mentions IS 'One row per event mention (a sentence reporting an engagement), from events.parquet; event_id links the mentions of one real-world event.';
COMMENT ON COLUMN core.event_mentions.day IS 'UTC day of the article; the load partition.';
COMMENT ON COLUMN core.event_mentions.event_id IS 'Event this mention was clustered into (core.events.event_id); reassigned on every load.';
COMMENT ON COLUMN core.event_mentions.article_id IS 'Article the mention is in (core.articles.article_id).';
COMMENT ON COLUMN core.event_mentions.mention_id IS 'Unique mention id: article_id, '':'' and the mention''s index in the article.';
COMMENT ON COLUMN core.event_mentions.actor1 IS 'First country of the pair, ISO alpha-3; actor1 < actor2 alphabetically.';
COMMENT ON COLUMN core.event_mentions.actor2 IS 'Second country of the pair, ISO alpha-3; actor1 < actor2 alphabetically.';
COMMENT ON COLUMN core.event_mentions.source IS 'Country that acts (ISO alpha-3) when the event is directed, e.g. the visitor; else NULL.';
COMMENT ON COLUMN core.event_mentions.target IS 'Country acted upon (ISO alpha-3) when the event is directed, e.g. the host; else NULL.';
COMMENT ON COLUMN core.event_mentions.cameo IS 'CAMEO event code, 3 digits as text (leading zero kept), see core.cameo_codes.';
COMMENT ON COLUMN core.event_mentions.root IS 'CAMEO root code (event family), 2 digits as text.';
COMMENT ON COLUMN core.event_mentions.goldstein IS 'Goldstein scale value of the CAMEO code (-10 conflict .. +10 cooperation).';
COMMENT ON COLUMN core.event_mentions.quad_class IS 'GDELT quad class: 1 verbal cooperation (roots 01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20).';
COMMENT ON COLUMN core.event_mentions.plover IS 'PLOVER event type the CAMEO code maps to.';
COMMENT ON COLUMN core.event_mentions.status IS 'Status as reported by this mention: held, ongoing, planned or cancelled.';
COMMENT ON COLUMN core.event_mentions.event_date IS 'Date of the event as reported: YYYY-MM-DD, YYYY-MM or YYYY (see date_precision).';
COMMENT ON COLUMN core.event_mentions.event_date_end IS 'End date of a multi-day event as reported, else NULL.';
COMMENT ON COLUMN core.event_mentions.date_precision IS 'Precision of event_date: day, month or year.';
COMMENT ON COLUMN core.event_mentions.level IS 'Highest level of the participants: head_of_state, head_of_government, foreign_minister, minister or official.';
COMMENT ON COLUMN core.event_mentions.location IS 'Country where the event takes place (ISO alpha-3), else NULL.';
COMMENT ON COLUMN core.event_mentions.forum IS 'Multilateral forum the event is part of (e.g. BRICS, G20), else NULL.';
COMMENT ON COLUMN core.event_mentions.topics IS 'Topics discussed, as reported by this mention.';
COMMENT ON COLUMN core.event_mentions.sentence_idx IS 'Sentence holding the evidence (core.sentences.sentence_idx).';
COMMENT ON COLUMN core.event_mentions.evidence_start IS 'Start character offset of the evidence in the article''s text_clean.';
COMMENT ON COLUMN core.event_mentions.evidence_end IS 'End character offset (exclusive) of the evidence in the article''s text_clean.';
COMMENT ON COLUMN core.event_mentions.evidence_text IS 'Evidence text: the sentence that reports the event.';
COMMENT ON COLUMN core.event_mentions.actor_mentions IS 'Entity ids of the actors'' mentions (persons, organisations, countries).';
COMMENT ON COLUMN core.event_mentions.participants IS 'All countries named as taking part (ISO alpha-3); more than two only for a multilateral meeting.';
COMMENT ON COLUMN core.event_mentions.kind IS 'Trigger family that coded the mention: meeting, phone, visit, host, summit, intent, agreement, ...';
COMMENT ON COLUMN core.event_mentions.date_basis IS 'Where the event date came from: text (a date in the sentence), context (elsewhere in the article) or publication (the article date).';
COMMENT ON COLUMN core.event_mentions.trigger_text IS 'Words that triggered the event coding.';

CREATE TABLE core.events (
    event_id VARCHAR NOT NULL,
    actor1 VARCHAR NOT NULL,
    actor2 VARCHAR NOT NULL,
    source VARCHAR,
    target VARCHAR,
    family VARCHAR NOT NULL,
    cameo VARCHAR,
    root VARCHAR,
    goldstein DOUBLE,
    quad_class TINYINT,
    plover VARCHAR,
    status VARCHAR,
    event_date VARCHAR,
    event_date_end VARCHAR,
    date_precision VARCHAR,
    date_start DATE,
    date_end DATE,
    level VARCHAR,
    location VARCHAR,
    forum VARCHAR,
    topics VARCHAR[],
    participants VARCHAR[],
    evidence_mention_id VARCHAR,
    evidence_article_id VARCHAR,
    evidence_text VARCHAR,
    mentions BIGINT,
    articles BIGINT,
    sources BIGINT,
    first_reported TIMESTAMPTZ,
    last_reported TIMESTAMPTZ
);
COMMENT ON TABLE core.events IS 'One row per real-world event: event mentions clustered by country pair, event family, date and location (warehouse/cluster.py); rebuilt from all days on every load.';
COMMENT ON COLUMN core.events.event_id IS 'Stable id: ev_ + first 16 hex digits of sha1 of the mention_id of the earliest-published mention.';
COMMENT ON COLUMN core.events.actor1 IS 'First country of the pair, ISO alpha-3; actor1 < actor2 alphabetically.';
COMMENT ON COLUMN core.events.actor2 IS 'Second country of the pair, ISO alpha-3; actor1 < actor2 alphabetically.';
COMMENT ON COLUMN core.events.source IS 'Acting country when known, from the most precise then latest mention that gives a direction; else NULL.';
COMMENT ON COLUMN core.events.target IS 'Country acted upon when known, from the same mention as source; else NULL.';
COMMENT ON COLUMN core.events.family IS 'Clustering family: the CAMEO root, except that 036 (intent to meet) belongs to 04 (consult) so an announced and a held meeting are one event.';
COMMENT ON COLUMN core.events.cameo IS 'CAMEO code of the most precise, then latest mention.';
COMMENT ON COLUMN core.events.root IS 'CAMEO root code of that mention (2 digits).';
COMMENT ON COLUMN core.events.goldstein IS 'Goldstein scale value of that CAMEO code.';
COMMENT ON COLUMN core.events.quad_class IS 'GDELT quad class of that CAMEO code (1 verbal coop 01-05, 2 material coop 06-08, 3 verbal conflict 09-13, 4 material conflict 14-20).';
COMMENT ON COLUMN core.events.plover IS 'PLOVER event type of that CAMEO code.';
COMMENT ON COLUMN core.events.status IS 'Status reported by the latest-published article (ties: cancelled > held > ongoing > planned).';
COMMENT ON COLUMN core.events.event_date IS 'Most precise date reported (then latest): YYYY-MM-DD, YYYY-MM or YYYY.';
COMMENT ON COLUMN core.events.event_date_end IS 'End of the date range reported with event_date, else NULL.';
COMMENT ON COLUMN core.events.date_precision IS 'Precision of event_date: day, month or year.';
COMMENT ON COLUMN core.events.date_start IS 'First day covered by event_date (first of the month or year for coarser precision).';
COMMENT ON COLUMN core.events.date_end IS 'Last day covered by event_date / event_date_end (end of the month or year for coarser precision).';
COMMENT ON COLUMN core.events.level IS 'Highest level reached by any mention: head_of_state > head_of_government > foreign_minister > minister > official.';
COMMENT ON COLUMN core.events.location IS 'Country where the event takes place (first non-null of the most precise, then latest mentions).';
COMMENT ON COLUMN core.events.forum IS 'Multilateral forum (first non-null of the most precise, then latest mentions); the event still counts only for its own actor pair.';
COMMENT ON COLUMN core.events.topics IS 'Union of the topics of all mentions, sorted.';
COMMENT ON COLUMN core.events.participants IS 'Union of the countries named as taking part by any mention, sorted; the event still counts only for actor1/actor2.';
COMMENT ON COLUMN core.events.evidence_mention_id IS 'Mention whose evidence represents the event (most precise, then latest).';
COMMENT ON COLUMN core.events.evidence_article_id IS 'Article of the representative mention.';
COMMENT ON COLUMN core.events.evidence_text IS 'Evidence sentence of the representative mention.';
COMMENT ON COLUMN core.events.mentions IS 'Number of event mentions clustered into the event.';
COMMENT ON COLUMN core.events.articles IS 'Number of distinct articles reporting the event.';
COMMENT ON COLUMN core.events.sources IS 'Number of distinct news outlets reporting the event.';
COMMENT ON COLUMN core.events.first_reported IS 'Publication time of the earliest article reporting the event.';
COMMENT ON COLUMN core.events.last_reported IS 'Publication time of the latest article reporting the event.';

-- Reference dimensions, reloaded from the knowledge base and package data on every load.
CREATE TABLE core.countries (
    iso3 VARCHAR NOT NULL,
    iso2 VARCHAR,
    name_en VARCHAR,
    name_hi VARCHAR
);
COMMENT ON TABLE core.countries IS 'Countries of the knowledge base.';
COMMENT ON COLUMN core.countries.iso3 IS 'ISO 3166 alpha-3 code (the key used in actor1, actor2, location).';
COMMENT ON COLUMN core.countries.iso2 IS 'ISO 3166 alpha-2 code.';
COMMENT ON COLUMN core.countries.name_en IS 'English name.';
COMMENT ON COLUMN core.countries.name_hi IS 'Hindi name.';

CREATE TABLE core.organisations (
    org_id VARCHAR NOT NULL,
    name_en VARCHAR,
    kind VARCHAR,
    country VARCHAR,
    is_actor BOOLEAN
);
COMMENT ON TABLE core.organisations IS 'Organisations and forums of the knowledge base (ministries, blocs such as BRICS or G20, ...).';
COMMENT ON COLUMN core.organisations.org_id IS 'Knowledge-base id.';
COMMENT ON COLUMN core.organisations.name_en IS 'English name.';
COMMENT ON COLUMN core.organisations.kind IS 'Kind of organisation (e.g. ministry, forum).';
COMMENT ON COLUMN core.organisations.country IS 'Country it belongs to (ISO alpha-3), NULL for multilateral bodies.';
COMMENT ON COLUMN core.organisations.is_actor IS 'True when it acts for its country (e.g. a foreign ministry).';

CREATE TABLE core.actors (
    person_id VARCHAR NOT NULL,
    name_en VARCHAR,
    country VARCHAR,
    role VARCHAR,
    "start" DATE,
    "end" DATE
);
COMMENT ON TABLE core.actors IS 'Office-holders of the knowledge base: one row per person and office held (a person without office has one row with NULL office).';
COMMENT ON COLUMN core.actors.person_id IS 'Knowledge-base person id.';
COMMENT ON COLUMN core.actors.name_en IS 'English name.';
COMMENT ON COLUMN core.actors.country IS 'Country the office belongs to (ISO alpha-3).';
COMMENT ON COLUMN core.actors.role IS 'Office held (e.g. head_of_state, foreign_minister).';
COMMENT ON COLUMN core.actors."start" IS 'First day in office, NULL when unknown.';
COMMENT ON COLUMN core.actors."end" IS 'Day the successor took over (exclusive), NULL while in office.';

CREATE TABLE core.cameo_codes (
    cameo VARCHAR NOT NULL,
    name VARCHAR,
    root VARCHAR,
    goldstein DOUBLE,
    quad_class TINYINT,
    plover VARCHAR
);
COMMENT ON TABLE core.cameo_codes IS 'CAMEO event codes with Goldstein value, quad class and PLOVER mapping (from include/engagement/events/data/cameo.csv).';
COMMENT ON COLUMN core.cameo_codes.cameo IS 'CAMEO code as text (2-4 digits, leading zero kept).';
COMMENT ON COLUMN core.cameo_codes.name IS 'Name of the code, when the table provides one.';
COMMENT ON COLUMN core.cameo_codes.root IS 'Root code (event family), 2 digits.';
COMMENT ON COLUMN core.cameo_codes.goldstein IS 'Goldstein scale value (-10 .. +10).';
COMMENT ON COLUMN core.cameo_codes.quad_class IS 'GDELT quad class 1..4.';
COMMENT ON COLUMN core.cameo_codes.plover IS 'PLOVER event type the code maps to.';

CREATE TABLE core.levels (
    level VARCHAR NOT NULL,
    rank INTEGER NOT NULL
);
COMMENT ON TABLE core.levels IS 'Allowed participant levels, ranked (engagement.kb.model.LEVELS).';
COMMENT ON COLUMN core.levels.level IS 'Level code used in events.level.';
COMMENT ON COLUMN core.levels.rank IS '1 = highest (head_of_state).';

CREATE TABLE core.statuses (
    status VARCHAR NOT NULL,
    tie_rank INTEGER NOT NULL,
    description VARCHAR
);
COMMENT ON TABLE core.statuses IS 'Allowed event statuses (warehouse/data/statuses.csv).';
COMMENT ON COLUMN core.statuses.status IS 'Status code used in events.status.';
COMMENT ON COLUMN core.statuses.tie_rank IS 'Which status wins when articles published at the same time disagree (1 wins).';
COMMENT ON COLUMN core.statuses.description IS 'Meaning of the status.';

CREATE TABLE core.quad_classes (
    quad_class TINYINT NOT NULL,
    name VARCHAR NOT NULL,
    roots VARCHAR NOT NULL
);
COMMENT ON TABLE core.quad_classes IS 'GDELT quad-class grouping of CAMEO roots (not the Phoenix grouping), warehouse/data/quad_classes.csv.';
COMMENT ON COLUMN core.quad_classes.quad_class IS 'Quad class 1..4.';
COMMENT ON COLUMN core.quad_classes.name IS 'Name of the class.';
COMMENT ON COLUMN core.quad_classes.roots IS 'CAMEO root codes in the class.';
