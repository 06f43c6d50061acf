"""Stage ``detect_events``: coded engagement event mentions per article.

Reads the day's cleaned articles with their sentences and entity mentions, and writes one row
per event mention (``events.parquet``). Several reports of one happening stay separate rows
here; ``aggregate`` clusters them into events across all days.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import date
from types import SimpleNamespace

import polars as pl

from engagement.config import Settings
from engagement.events.coding import EventCoder
from engagement.extract_entities import articles_for_extraction
from engagement.quarantine import reason_counts, write_quarantine

log = logging.getLogger(__name__)

EVENT_SCHEMA = {
    "article_id": pl.String,
    "mention_id": pl.String,
    "actor1": pl.String,
    "actor2": pl.String,
    "participants": pl.List(pl.String),
    "source": pl.String,
    "target": pl.String,
    "cameo": pl.String,
    "root": pl.String,
    "goldstein": pl.Float64,
    "quad_class": pl.Int8,
    "plover": pl.String,
    "kind": pl.String,
    "status": pl.String,
    "event_date": pl.String,
    "event_date_end": pl.String,
    "date_precision": pl.String,
    "date_basis": pl.String,
    "level": pl.String,
    "location": pl.String,
    "forum": pl.String,
    "topics": pl.List(pl.String),
    "sentence_idx": pl.Int32,
    "evidence_start": pl.Int32,
    "evidence_end": pl.Int32,
    "evidence_text": pl.String,
    "actor_mentions": pl.List(pl.String),
    "trigger_text": pl.String,
}


def _grouped(frame: pl.DataFrame) -> dict[str, list[SimpleNamespace]]:
    groups: dict[str, list[SimpleNamespace]] = {}
    for row in frame.iter_rows(named=True):
        groups.setdefault(row["article_id"], []).append(SimpleNamespace(**row))
    return groups


def run(day: date, settings: Settings) -> dict:
    articles = articles_for_extraction(day, settings)
    sentences = _grouped(
        pl.read_parquet(settings.stage_path(day, "sentences")).rename({"sentence_idx": "idx"})
    )
    mentions = _grouped(pl.read_parquet(settings.stage_path(day, "mentions")))
    coder = EventCoder.from_settings(settings)
    rows: list[dict] = []
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
                    "reason": "event_coding_error",
                    "detail": f"{type(exc).__name__}: {exc}",
                }
            )
            continue
        rows += [asdict(ev) for ev in found]
    events = pl.DataFrame(rows, schema=EVENT_SCHEMA).sort("mention_id")
    paths = {
        "events": settings.stage_path(day, "events"),
        "quarantine": settings.stage_path(day, "quarantine_events"),
    }
    events.write_parquet(paths["events"])
    quarantined = write_quarantine(problems, day, "detect_events", paths["quarantine"])
    by_root = dict(events.group_by("root").len().sort("root").iter_rows()) if rows else {}
    by_status = dict(events.group_by("status").len().sort("status").iter_rows()) if rows else {}
    return {
        "day": day.isoformat(),
        "articles": articles.height,
        "event_mentions": events.height,
        "by_root": by_root,
        "by_status": by_status,
        "quarantined": quarantined.height,
        "by_reason": reason_counts(quarantined),
        "paths": {k: str(v) for k, v in paths.items()},
    }
