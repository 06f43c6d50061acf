"""Small staging days written with exactly the schemas of the staging registry (engagement.staging).

Two days of October 2024 news: Modi's trip to the BRICS summit in Kazan is announced on the 21st
(in English and in Hindi, the Hindi one only says "in October") and reported as held on the 23rd;
India and China hold border talks on the 21st and their leaders meet in Kazan on the 23rd.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

from engagement.config import Settings
from engagement.events.lexicon import cameo_table
from engagement.staging import DATASETS, StageRun, Staging
from engagement.warehouse.cluster import group_of
from engagement.warehouse.groups import GROUP_COLUMNS, KEY_SEPARATOR

DAY_A = date(2024, 10, 21)
DAY_B = date(2024, 10, 23)

# The staging registry's schemas, so these files can never drift from what the pipeline writes.
EVENT_MENTION_SCHEMA = DATASETS["events"].schema


def article(article_id: str, source: str, published: str, language: str, sentences: list[str]) -> dict:
    """An articles.parquet row whose text_clean is its sentences joined by spaces."""
    text = " ".join(sentences)
    return {
        "article_id": article_id,
        "source": source,
        "url": f"https://{source}.example/{article_id}",
        "title": sentences[0][:60],
        "published_at": datetime.fromisoformat(published).replace(tzinfo=UTC),
        "language": language,
        "raw_ref": f"landing/{source}.jsonl:{article_id[-1]}",
        "content_hash": hashlib.sha256(text.encode()).hexdigest(),
        "text_clean": text,
        "removed_lines": 1,
        "duplicate_of": None,
    }


def sentence_rows(row: dict) -> list[dict]:
    """sentences.parquet rows of an article built by :func:`article`."""
    rows, offset = [], 0
    for idx, text in enumerate(row["text_clean"].split(". ")):
        text = text if text.endswith(".") else text + "."
        rows.append(
            {
                "article_id": row["article_id"],
                "sentence_idx": idx,
                "start": offset,
                "end": offset + len(text),
                "text": text,
            }
        )
        offset += len(text) + 1
    return rows


def event_mention(
    article_id: str,
    idx: int,
    pair: tuple[str, str],
    cameo: str,
    status: str,
    event_date: str,
    evidence: str,
    **extra,
) -> dict:
    """An events.parquet row; ``extra`` overrides level, location, forum, topics, direction..."""
    code = cameo_table()[cameo]
    goldstein, quad_class, plover = code.goldstein, code.quad_class, code.plover
    precision = {4: "year", 7: "month", 10: "day"}[len(event_date)]
    row = {
        "article_id": article_id,
        "mention_id": f"{article_id}:{idx}",
        "actor1": pair[0],
        "actor2": pair[1],
        "source": None,
        "target": None,
        "cameo": cameo,
        "root": cameo[:2],
        "goldstein": goldstein,
        "quad_class": quad_class,
        "plover": plover,
        "status": status,
        "event_date": event_date,
        "event_date_end": None,
        "date_precision": precision,
        "level": "head_of_government",
        "location": None,
        "forum": None,
        "topics": [],
        "sentence_idx": 0,
        "evidence_start": 0,
        "evidence_end": len(evidence),
        "evidence_text": evidence,
        "actor_mentions": [],
        "participants": list(pair),
        "kind": "intent" if cameo == "036" else "meeting",
        "date_basis": "text",
        "trigger_text": evidence.split()[-1],
    }
    row.update(extra)
    return row


def mention_rows(article_row: dict, countries: list[tuple[str, str]]) -> list[dict]:
    """COUNTRY mentions.parquet rows for (surface text, iso3) pairs found in the article."""
    rows = []
    for idx, (surface, iso3) in enumerate(countries):
        start = article_row["text_clean"].find(surface)
        rows.append(
            {
                "article_id": article_row["article_id"],
                "mention_idx": idx,
                "sentence_idx": 0,
                "start": start,
                "end": start + len(surface),
                "text": surface,
                "label": "COUNTRY",
                "entity_id": iso3,
                "name": None,
                "country": iso3,
                "role": None,
                "value": None,
                "value_end": None,
                "precision": None,
            }
        )
    return rows


def part_path(settings: Settings, day: date, dataset: str) -> Path:
    """The local file of a dataset's shard 0, for tests that damage a staged part on purpose."""
    return Path(Staging.from_settings(settings).path(day, dataset))


def write_stage(settings: Settings, day: date, dataset: str, rows: list[dict]) -> str:
    """Write one staging dataset (as shard 0) exactly as the stage that owns it would."""
    staging = Staging.from_settings(settings)
    return staging.write(StageRun(day), dataset, staging.frame(dataset, rows))


def write_day(
    settings: Settings,
    day: date,
    articles: list[dict],
    mentions: list[dict],
    event_mentions: list[dict],
    quarantine: list[dict] = (),
) -> None:
    """Write the clean / extract / detect outputs of a day."""
    write_stage(settings, day, "articles", articles)
    write_stage(settings, day, "sentences", [s for a in articles for s in sentence_rows(a)])
    write_stage(settings, day, "mentions", mentions)
    write_stage(settings, day, "events", event_mentions)
    write_stage(settings, day, "quarantine_clean", list(quarantine))


KAZAN_PLANNED = (
    "PM Modi will travel to Kazan for the BRICS summit on October 22, where he is "
    "expected to meet President Putin. The two leaders will also review trade ties"
)
KAZAN_PLANNED_HI = "प्रधानमंत्री मोदी अक्टूबर में रूस जाएंगे. वे राष्ट्रपति पुतिन से मिलेंगे"
BORDER_TALKS = "India and China held talks on the border on Monday. The talks were constructive"
KAZAN_HELD = (
    "Modi and Putin held talks in Kazan on Tuesday on the sidelines of the BRICS summit. "
    "Modi later met Xi Jinping in Kazan"
)


def write_day_a(settings: Settings) -> None:
    """21 Oct: the Kazan meeting announced (twice in one English article, once in Hindi)."""
    a1 = article("pti-001", "pti", "2024-10-21T06:30:00", "en", KAZAN_PLANNED.split(". "))
    a2 = article("bbchindi-001", "bbchindi", "2024-10-21T09:00:00", "hi", KAZAN_PLANNED_HI.split(". "))
    a3 = article("hindu-001", "thehindu", "2024-10-21T12:00:00", "en", BORDER_TALKS.split(". "))
    kazan = {"location": "RUS", "forum": "BRICS", "level": "head_of_state"}
    write_day(
        settings,
        DAY_A,
        [a1, a2, a3],
        mention_rows(a1, [("Kazan", "RUS")]) + mention_rows(a3, [("India", "IND"), ("China", "CHN")]),
        [
            event_mention(
                "pti-001",
                0,
                ("IND", "RUS"),
                "036",
                "planned",
                "2024-10-22",
                KAZAN_PLANNED.split(". ")[0],
                topics=["summit"],
                **kazan,
            ),
            event_mention(
                "pti-001",
                1,
                ("IND", "RUS"),
                "036",
                "planned",
                "2024-10-22",
                "The two leaders will also review trade ties",
                topics=["trade"],
                sentence_idx=1,
                level="head_of_government",
            ),
            event_mention(
                "bbchindi-001",
                0,
                ("IND", "RUS"),
                "036",
                "planned",
                "2024-10",
                "प्रधानमंत्री मोदी अक्टूबर में रूस जाएंगे",
                source="IND",
                target="RUS",
            ),
            event_mention(
                "hindu-001",
                0,
                ("CHN", "IND"),
                "040",
                "held",
                "2024-10-21",
                BORDER_TALKS.split(". ")[0],
                level="official",
                topics=["border"],
            ),
        ],
        quarantine=[
            {
                "day": DAY_A,
                "stage": "clean",
                "raw_ref": "landing/pti.jsonl:9",
                "article_id": "pti-009",
                "reason": "near_duplicate",
                "detail": "near duplicate of pti-001 (jaccard 0.93)",
            }
        ],
    )


def write_day_b(settings: Settings) -> None:
    """23 Oct: the Kazan meeting reported as held; Modi meets Xi in Kazan."""
    b1 = article("reuters-001", "reuters", "2024-10-23T08:00:00", "en", KAZAN_HELD.split(". "))
    kazan = {"location": "RUS", "forum": "BRICS", "level": "head_of_state"}
    write_day(
        settings,
        DAY_B,
        [b1],
        mention_rows(b1, [("Kazan", "RUS")]),
        [
            event_mention(
                "reuters-001",
                0,
                ("IND", "RUS"),
                "040",
                "held",
                "2024-10-22",
                KAZAN_HELD.split(". ")[0],
                topics=["trade", "energy"],
                **kazan,
            ),
            event_mention(
                "reuters-001",
                1,
                ("CHN", "IND"),
                "040",
                "held",
                "2024-10-23",
                "Modi later met Xi Jinping in Kazan",
                sentence_idx=1,
                **kazan,
            ),
        ],
    )


def table_checksums(con) -> dict[str, str]:
    """md5 of every core and internal table's rows in sorted order (the migration ledger and
    load log are in main). internal.settled_reports is left out: a mark says which finer events
    settled a report when it was last reclustered, and another recluster may name others. So is
    internal.group_combos: it keeps combinations a reloaded day no longer has, which join nothing
    (``group_combos_cover_the_mentions`` checks what it must hold)."""
    tables = con.execute(
        "SELECT schema_name || '.' || table_name FROM duckdb_tables()"
        " WHERE schema_name IN ('core', 'internal') AND table_name NOT IN ('settled_reports', 'group_combos')"
        " ORDER BY 1"
    ).fetchall()
    return {
        table: con.execute(
            f"SELECT md5(coalesce(string_agg(r, '|' ORDER BY r), '')) FROM"
            f" (SELECT CAST(t AS VARCHAR) AS r FROM {table} t)"
        ).fetchone()[0]
        for (table,) in tables
    }


def group_combos_cover_the_mentions(con) -> bool:
    """Whether internal.group_combos holds every combination of group columns the mentions have,
    each with the key ``cluster.group_of`` gives it (and no combination twice)."""
    columns = ", ".join(GROUP_COLUMNS)
    combos = con.execute(f"SELECT DISTINCT {columns} FROM core.event_mentions").fetchall()
    stored = con.execute(f"SELECT {columns}, group_key FROM internal.group_combos").fetchall()
    keys = {tuple(map(_hashable, row[:-1])): row[-1] for row in stored}
    return len(keys) == len(stored) and all(
        keys.get(tuple(map(_hashable, row))) == KEY_SEPARATOR.join(group_of(dict(zip(GROUP_COLUMNS, row, strict=True))))
        for row in combos
    )


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value
