"""An event's row from its mentions (rules in core.events column comments), and clustering
from scratch for callers that hold full rows (``extract``, tests)."""

from __future__ import annotations

import hashlib
from datetime import datetime

import polars as pl

from engagement.warehouse.cluster import HEADLINE, PRECISIONS, dated, recluster
from engagement.warehouse.reference import level_ranks, status_tie_ranks

EVENT_SCHEMA = {
    "event_id": pl.String,
    "actor1": pl.String,
    "actor2": pl.String,
    "source": pl.String,
    "target": pl.String,
    "family": pl.String,
    "cameo": pl.String,
    "root": pl.String,
    "goldstein": pl.Float64,
    "quad_class": pl.Int8,
    "plover": pl.String,
    "status": pl.String,
    "event_date": pl.String,
    "event_date_end": pl.String,
    "date_precision": pl.String,
    "date_start": pl.Date,
    "date_end": pl.Date,
    "level": pl.String,
    "location": pl.String,
    "forum": pl.String,
    "topics": pl.List(pl.String),
    "participants": pl.List(pl.String),
    "evidence_mention_id": pl.String,
    "evidence_article_id": pl.String,
    "evidence_text": pl.String,
    "article_title": pl.String,
    "article_url": pl.String,
    "article_source": pl.String,
    "article_language": pl.String,
    "article_published_at": pl.Datetime("us", "UTC"),
    "mentions": pl.Int64,
    "articles": pl.Int64,
    "sources": pl.Int64,
    "first_reported": pl.Datetime("us", "UTC"),
    "last_reported": pl.Datetime("us", "UTC"),
}
ASSIGNMENT_SCHEMA = {"mention_id": pl.String, "event_id": pl.String}
# An event row's columns taken from its evidence mention alone (its sentence and its article's
# title, url and language): ``event_rows`` leaves them None when the members' rows lack them, as
# the warehouse's do, which reads them afterwards for the evidence mentions only (``rebuild``).
EVIDENCE_COLUMNS = ("evidence_text", "article_title", "article_url", "article_language")
# What a member's full row holds of its article, beside the columns of events.parquet.
MEMBER_ARTICLE_SCHEMA = {
    "published_at": pl.Datetime("us", "UTC"),
    "outlet": pl.String,
    "article_title": pl.String,
    "article_url": pl.String,
    "article_language": pl.String,
}


def event_id_for(mention_id: str) -> str:
    """Stable event id derived from the mention that first reported the event."""
    return "ev_" + hashlib.sha1(mention_id.encode("utf-8")).hexdigest()[:16]


def _latest_first(mention: dict) -> tuple:
    """The mention whose status the event takes: the latest report, and within one report the
    body's sentence over the headline's ("Rumsfeld Visits Iraq": a headline's tense is no tense)."""
    published = mention["published_at"]
    newest = -published.timestamp() if published else float("inf")
    headline = mention["sentence_idx"] == HEADLINE and mention["event_date"] is None  # a lead dates its event
    return (newest, headline, status_tie_ranks().get(mention["status"], 99), mention["mention_id"])


def _most_precise_first(mention: dict) -> tuple:
    precision = PRECISIONS.index(mention["_precision"]) if mention["_precision"] else len(PRECISIONS)
    published = mention["published_at"]
    newest = -published.timestamp() if published else float("inf")
    return (precision, newest, mention["mention_id"])


def _earliest_first(mention: dict) -> tuple:
    published = mention["published_at"]
    return (published is None, published or datetime.min, mention["mention_id"])


def _first_set(mentions: list[dict], column: str):
    return next((m[column] for m in mentions if m[column] is not None), None)


def _union(mentions: list[dict], column: str) -> list[str]:
    return sorted({value for m in mentions for value in (m[column] or [])})


def _event_row(members: list[dict]) -> dict:
    """Event attributes from its mentions (rules in core.events column comments)."""
    precise = sorted(members, key=_most_precise_first)
    latest = min(members, key=_latest_first)
    first = min(members, key=_earliest_first)
    best = precise[0]
    directed = next((m for m in precise if m["source"] is not None), None)
    ranks = level_ranks()
    levels = [m["level"] for m in members if m["level"] in ranks]
    published = [m["published_at"] for m in members if m["published_at"] is not None]
    return {
        "event_id": event_id_for(first["mention_id"]),
        "actor1": best["actor1"],
        "actor2": best["actor2"],
        "source": directed["source"] if directed else None,
        "target": directed["target"] if directed else None,
        "family": best["_family"],
        "cameo": best["cameo"],
        "root": best["root"],
        "goldstein": best["goldstein"],
        "quad_class": best["quad_class"],
        "plover": best["plover"],
        "status": latest["status"],
        "event_date": best["event_date"],
        "event_date_end": best["event_date_end"],
        "date_precision": best["_precision"],
        "date_start": best["_start"],
        "date_end": best["_end"],
        "level": min(levels, key=ranks.__getitem__) if levels else None,
        "location": _first_set(precise, "location"),
        "forum": _first_set(precise, "forum"),
        "topics": _union(members, "topics"),
        "participants": _union(members, "participants"),
        "evidence_mention_id": best["mention_id"],
        "evidence_article_id": best["article_id"],
        "evidence_text": best.get("evidence_text"),
        "article_title": best.get("article_title"),
        "article_url": best.get("article_url"),
        "article_source": best["outlet"],
        "article_language": best.get("article_language"),
        "article_published_at": best["published_at"],
        "mentions": len(members),
        "articles": len({m["article_id"] for m in members}),
        "sources": len({m["outlet"] for m in members if m["outlet"] is not None}),
        "first_reported": min(published) if published else None,
        "last_reported": max(published) if published else None,
    }


def event_rows(clusters: list[list[str]], rows: dict[str, dict]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(mention_id -> event_id assignments, one row per event) of clusters given by their members'
    ids, from the members' full rows (the columns of ``events.parquet`` plus their article's
    fields of ``MEMBER_ARTICLE_SCHEMA``; ``outlet`` is its news source; ``EVIDENCE_COLUMNS`` may
    be left out, and are then None)."""
    events, assignments = [], []
    for ids in clusters:
        event = _event_row([dated(rows[mention_id]) for mention_id in ids])
        events.append(event)
        assignments.extend((mention_id, event["event_id"]) for mention_id in ids)
    events_frame = pl.DataFrame(events, schema=EVENT_SCHEMA).sort("event_id")
    assignment_frame = pl.DataFrame(assignments, schema=ASSIGNMENT_SCHEMA, orient="row").sort("mention_id")
    return assignment_frame, events_frame


def cluster_events(mentions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Cluster event mentions (full rows, see ``event_rows``) from scratch; return (mention_id ->
    event_id assignments, one row per event)."""
    rows = mentions.to_dicts()
    return event_rows(recluster(rows).started, {row["mention_id"]: row for row in rows})
