"""Stage ``extract_entities``: countries, persons, organisations, places and dates per article.

Reads one shard of the day's cleaned articles (less the duplicates), runs the language's spaCy
pipeline over ``text_clean`` and writes the shard's ``sentences`` and ``mentions``, whose
offsets point into ``text_clean`` so every later number can be traced back to a sentence. An
article the extractor cannot handle goes to quarantine with the error; the rest of the day goes on.
"""

from __future__ import annotations

import logging

from engagement.config import SUPPORTED_LANGUAGES, Settings
from engagement.dedupe import articles_for_extraction
from engagement.nlp.entities import extract_entities
from engagement.nlp.model import Mention, Sentence
from engagement.nlp.pipeline import Pipelines
from engagement.staging import EXTRACTION_ERROR, StageRun, Staging, columns_of, field_columns, reason_counts

log = logging.getLogger(__name__)


def warm(settings: Settings) -> None:
    """Build every language's pipeline in this process, so the task processes forked from it
    (Airflow's scheduler: ``airflow_local_settings``) start with them built."""
    pipelines = Pipelines(settings)
    for lang in set(settings.languages) & set(SUPPORTED_LANGUAGES):
        pipelines(lang)


def run(stage_run: StageRun, settings: Settings) -> dict:
    staging = Staging.from_settings(settings)
    articles = articles_for_extraction(stage_run, staging)
    pipelines = Pipelines(settings)
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    sentence_articles: list[str] = []
    mention_articles: list[str] = []
    problems: list[dict] = []
    for row in articles.iter_rows(named=True):
        try:
            result = extract_entities(
                row["text_clean"], row["language"], row["published_at"].date(), pipelines(row["language"])
            )
        except Exception as exc:  # noqa: BLE001 - one bad article must not fail the day
            log.exception("extraction failed for %s", row["article_id"])
            problems.append(
                {
                    "raw_ref": row["raw_ref"],
                    "article_id": row["article_id"],
                    "reason": EXTRACTION_ERROR,
                    "detail": f"{type(exc).__name__}: {exc}",
                }
            )
            continue
        sentences += result.sentences
        mentions += result.mentions
        sentence_articles += [row["article_id"]] * len(result.sentences)
        mention_articles += [row["article_id"]] * len(result.mentions)
    sentence_frame = staging.frame(
        "sentences",
        {"article_id": sentence_articles, **columns_of(sentences, field_columns(Sentence, {"idx": "sentence_idx"}))},
    )
    mention_frame = staging.frame(
        "mentions", {"article_id": mention_articles, **columns_of(mentions, field_columns(Mention))}
    )
    staging.write(stage_run, "sentences", sentence_frame)
    staging.write(stage_run, "mentions", mention_frame)
    quarantined = staging.write_quarantine(stage_run, "extract_entities", problems)
    by_label = (
        dict(mention_frame.group_by("label").len().sort("label").iter_rows()) if mentions else {}
    )
    return {
        "articles": articles.height - len(problems),
        "sentences": sentence_frame.height,
        "mentions": mention_frame.height,
        "by_label": by_label,
        "quarantined": quarantined.height,
        "by_reason": reason_counts(quarantined),
    }
