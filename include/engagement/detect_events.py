"""Stage ``detect_events``: coded engagement event mentions per article.

Reads one shard of the day's cleaned articles with their sentences and entity mentions, and
writes one row per event mention (the shard's ``events`` part). Several reports of one happening stay separate rows
here; ``aggregate`` clusters them into events across all days.
"""

from __future__ import annotations

import logging
from dataclasses import fields

import polars as pl

from engagement.config import SUPPORTED_LANGUAGES, Settings
from engagement.dedupe import articles_for_extraction
from engagement.events import lexicon
from engagement.events.coding import EventCoder
from engagement.events.coding.model import EventMention
from engagement.nlp.model import Mention, Sentence
from engagement.staging import EVENT_CODING_ERROR, StageRun, Staging, columns_of, field_columns, reason_counts

log = logging.getLogger(__name__)


def _grouped(frame: pl.DataFrame, kind: type) -> dict[str, list]:
    """The staged rows back as the extractor's own objects, by article: the coder sees exactly
    what `engagement extract` hands it (dataclass methods such as ``replace`` included)."""
    names = [f.name for f in fields(kind)]
    groups: dict[str, list] = {}
    for article_id, *values in frame.select("article_id", *names).iter_rows():  # tuples: no dict per row
        groups.setdefault(article_id, []).append(kind(*values))
    return groups


def warm(settings: Settings) -> None:
    """Build the coder's resources and compile every trigger in this process, so the task
    processes forked from it (Airflow's scheduler: ``airflow_local_settings``) start with them:
    about 3 CPU s a task otherwise (the knowledge base, and a thousand and more regexes)."""
    EventCoder.from_settings(settings)
    for lang in set(settings.languages) & set(SUPPORTED_LANGUAGES):
        lexicon.compile_every_trigger(lang)


def run(stage_run: StageRun, settings: Settings) -> dict:
    staging = Staging.from_settings(settings)
    articles = articles_for_extraction(stage_run, staging)
    sentences = _grouped(staging.read(stage_run, "sentences").rename({"sentence_idx": "idx"}), Sentence)
    mentions = _grouped(staging.read(stage_run, "mentions"), Mention)
    coder = EventCoder.from_settings(settings)
    found_all: list[EventMention] = []
    problems: list[dict] = []
    for art in articles.iter_rows(named=True):
        aid = art["article_id"]
        try:
            found = coder.code(
                aid,
                art["text_clean"],
                art["language"],
                art["published_at"].date(),
                sentences.get(aid, []),
                mentions.get(aid, []),
            )
        except Exception as exc:  # noqa: BLE001 - one bad article must not fail the day
            log.exception("event coding failed for %s", aid)
            problems.append(
                {
                    "raw_ref": art["raw_ref"],
                    "article_id": aid,
                    "reason": EVENT_CODING_ERROR,
                    "detail": f"{type(exc).__name__}: {exc}",
                }
            )
            continue
        found_all += found
    events = staging.frame("events", columns_of(found_all, field_columns(EventMention))).sort("mention_id")
    staging.write(stage_run, "events", events)
    quarantined = staging.write_quarantine(stage_run, "detect_events", problems)
    by_root = dict(events.group_by("root").len().sort("root").iter_rows()) if found_all else {}
    by_status = dict(events.group_by("status").len().sort("status").iter_rows()) if found_all else {}
    return {
        "articles": articles.height,
        "event_mentions": events.height,
        "by_root": by_root,
        "by_status": by_status,
        "quarantined": quarantined.height,
        "by_reason": reason_counts(quarantined),
    }
