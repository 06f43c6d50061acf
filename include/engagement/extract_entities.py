"""Stage ``extract_entities``: countries, persons, organisations, places and dates per article.

Reads the day's cleaned articles, runs the language's spaCy pipeline over ``text_clean`` and
writes ``sentences`` and ``mentions`` Parquet files whose offsets point into ``text_clean``,
so every later number can be traced back to a sentence. An article the extractor cannot
handle goes to quarantine with the error; the rest of the day goes on.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import date

import polars as pl

from engagement.config import Settings
from engagement.nlp.entities import extract_entities
from engagement.quarantine import reason_counts, write_quarantine

log = logging.getLogger(__name__)

SENTENCE_SCHEMA = {
    "article_id": pl.String,
    "sentence_idx": pl.Int32,
    "start": pl.Int32,
    "end": pl.Int32,
    "text": pl.String,
}
MENTION_SCHEMA = {
    "article_id": pl.String,
    "mention_idx": pl.Int32,
    "sentence_idx": pl.Int32,
    "start": pl.Int32,
    "end": pl.Int32,
    "text": pl.String,
    "label": pl.String,
    "entity_id": pl.String,
    "name": pl.String,
    "country": pl.String,
    "role": pl.String,
    "value": pl.String,
    "value_end": pl.String,
    "precision": pl.String,
}


def articles_for_extraction(day: date, settings: Settings) -> pl.DataFrame:
    """The day's articles that go on to extraction (near-duplicates are counted, not re-read)."""
    return (
        pl.read_parquet(settings.stage_path(day, "articles"))
        .filter(pl.col("duplicate_of").is_null())
        .sort("article_id")
    )


def run(day: date, settings: Settings) -> dict:
    articles = articles_for_extraction(day, settings)
    sentences: list[dict] = []
    mentions: list[dict] = []
    problems: list[dict] = []
    for row in articles.iter_rows(named=True):
        try:
            result = extract_entities(
                row["text_clean"], row["language"], row["published_at"].date()
            )
        except Exception as exc:  # noqa: BLE001 - one bad article must not fail the day
            log.exception("extraction failed for %s", row["article_id"])
            problems.append(
                {
                    "raw_ref": row["raw_ref"],
                    "article_id": row["article_id"],
                    "reason": "extraction_error",
                    "detail": f"{type(exc).__name__}: {exc}",
                }
            )
            continue
        aid = row["article_id"]
        sentences += [
            {
                "article_id": aid,
                "sentence_idx": s.idx,
                "start": s.start,
                "end": s.end,
                "text": s.text,
            }
            for s in result.sentences
        ]
        mentions += [{"article_id": aid, **asdict(m)} for m in result.mentions]
    sentence_frame = pl.DataFrame(sentences, schema=SENTENCE_SCHEMA)
    mention_frame = pl.DataFrame(mentions, schema=MENTION_SCHEMA)
    paths = {
        "sentences": settings.stage_path(day, "sentences"),
        "mentions": settings.stage_path(day, "mentions"),
        "quarantine": settings.stage_path(day, "quarantine_extract"),
    }
    paths["sentences"].parent.mkdir(parents=True, exist_ok=True)
    sentence_frame.write_parquet(paths["sentences"])
    mention_frame.write_parquet(paths["mentions"])
    quarantined = write_quarantine(problems, day, "extract_entities", paths["quarantine"])
    by_label = (
        dict(mention_frame.group_by("label").len().sort("label").iter_rows()) if mentions else {}
    )
    return {
        "day": day.isoformat(),
        "articles": articles.height - len(problems),
        "sentences": sentence_frame.height,
        "mentions": mention_frame.height,
        "by_label": by_label,
        "quarantined": quarantined.height,
        "by_reason": reason_counts(quarantined),
        "paths": {k: str(v) for k, v in paths.items()},
    }
