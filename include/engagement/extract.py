"""One article in, entities and events out: the contract behind ``engagement extract``.

The article is read as given: "also read" and other boilerplate lines are masked with spaces
(same length), so every offset in the output points into the caller's text. Reports of the
same happening within the article are merged with the warehouse's clustering rules, so the
events listed here are the events the warehouse would count.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import UTC, date, datetime, time

import polars as pl

from engagement.config import load_settings
from engagement.events.coding import EventCoder, EventMention
from engagement.nlp.dates import find_dates
from engagement.nlp.entities import extract_entities
from engagement.staging import DATASETS
from engagement.text.boilerplate import mask_boilerplate
from engagement.warehouse.event_rows import MEMBER_ARTICLE_SCHEMA, cluster_events

_OUTPUT_LABEL = {"ROLE": "PERSON"}  # a role phrase ("the Russian foreign minister") is a person


# A reference date far from any news: a date expression resolved to the same value against it
# and against another date does not depend on the publication date.
_FAR_REFERENCE = date(1970, 7, 1)


def extract_article(
    text: str, lang: str, published: date | None, article_id: str = "article", coder: EventCoder | None = None
) -> dict:
    """Entities (with character offsets into ``text``) and clustered events of one article.

    Without a publication date (None), a date the text does not anchor ("on Friday", "next
    month", "21 August" without its year) is unknown: its mention has no value and the events
    it would date have none; people's offices are read as of today, the one use of the clock.
    ``coder`` defaults to the one of the environment's settings (built once per settings)."""
    coder = coder or EventCoder.from_settings(load_settings())
    masked = mask_boilerplate(text, lang)
    result = extract_entities(masked, lang, published or date.today())
    found = result.mentions if published else _anchored_dates_only(masked, lang, result.mentions)
    mentions = coder.code(article_id, masked, lang, published, result.sentences, found)
    return {
        "entities": [_entity(m) for m in found],
        "events": _events(mentions, published),
    }


def _anchored_dates_only(text: str, lang: str, mentions: list) -> list:
    """The mentions, with the value of every date expression that another reference date would
    resolve differently taken away."""
    elsewhere = {(d.start, d.end): (d.value, d.value_end) for d in find_dates(text, lang, _FAR_REFERENCE)}
    return [
        replace(m, value=None, value_end=None)
        if m.label == "DATE" and elsewhere.get((m.start, m.end)) != (m.value, m.value_end)
        else m
        for m in mentions
    ]


def _entity(m) -> dict:
    entity = {
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "label": _OUTPUT_LABEL.get(m.label, m.label),
        "id": m.entity_id,
        "name": m.name,
        "country": m.country,
        "role": m.role,
    }
    if m.label == "DATE":
        entity.update(value=m.value, value_end=m.value_end, precision=m.precision)
    return entity


def _events(mentions: list[EventMention], published: date | None) -> list[dict]:
    if not mentions:
        return []
    reported = datetime.combine(published, time.min, tzinfo=UTC) if published else None
    article = dict.fromkeys(MEMBER_ARTICLE_SCHEMA) | {"published_at": reported}
    frame = pl.DataFrame(
        [{**asdict(m), **article} for m in mentions],
        schema={**DATASETS["events"].schema, **MEMBER_ARTICLE_SCHEMA},
    )
    assignments, events = cluster_events(frame)
    by_id = {m.mention_id: m for m in mentions}
    members: dict[str, list[EventMention]] = {}
    for mention_id, event_id in assignments.iter_rows():
        members.setdefault(event_id, []).append(by_id[mention_id])
    out = []
    for ev in events.sort(["date_start", "event_id"]).iter_rows(named=True):
        group = sorted(members[ev["event_id"]], key=lambda m: m.evidence_start)
        evidence = next(m for m in group if m.mention_id == ev["evidence_mention_id"])
        out.append(
            {
                "id": ev["event_id"],
                "actors": sorted(set().union(*(m.participants for m in group))),
                "source": ev["source"],
                "target": ev["target"],
                "cameo": ev["cameo"],
                "root": ev["root"],
                "goldstein": ev["goldstein"],
                "quad_class": ev["quad_class"],
                "plover": ev["plover"],
                "status": ev["status"],
                "date": ev["event_date"],
                "date_end": ev["event_date_end"],
                "date_precision": ev["date_precision"],
                "level": ev["level"],
                "location": ev["location"],
                "forum": ev["forum"],
                "topics": ev["topics"],
                "mentions": len(group),
                "evidence": {
                    "start": evidence.evidence_start,
                    "end": evidence.evidence_end,
                    "text": evidence.evidence_text,
                },
            }
        )
    return out
