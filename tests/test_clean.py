from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
import pytest
from engagement import clean, dedupe
from engagement.config import load_settings
from engagement.staging import StageRun, Staging

DAY = date(2025, 11, 18)

HINDI = """नई दिल्ली, 18 नवंबर (भाषा)
विदेश मंत्री एस जयशंकर ने मंगलवार को मॉस्को में रूसी विदेश मंत्री सर्गेई लावरोव से मुलाकात की।
इसे भी पढ़ें: जयशंकर कनाडा दौरे पर पहुंचे
दोनों नेताओं ने दिसंबर में राष्ट्रपति पुतिन की भारत यात्रा की तैयारियों पर चर्चा की।"""

WIRE = """By Staff Reporter
External Affairs Minister S. Jaishankar held talks with Russian Foreign Minister Sergei Lavrov \
in Moscow on Tuesday (PTI). The two ministers reviewed the political calendar between New Delhi \
and Moscow ahead of President Vladimir Putin's visit to India in December. They discussed \
cooperation within the Shanghai Cooperation Organisation, BRICS, the United Nations and the G20. \
Jaishankar is leading the Indian delegation to the meeting of the SCO Council of Heads of \
Government hosted by Prime Minister Mikhail Mishustin. Putin had earlier asked his government to \
study proposals to expand trade and economic ties with India, including logistics and payments."""

# The same wire story on another site: another byline and agency tag, a trimmed last sentence.
SYNDICATED = (
    WIRE.replace("By Staff Reporter", "Written by Web Desk")
    .replace("(PTI)", "(IANS)")
    .replace(", including logistics and payments", "")
)
# Only the byline and agency tag differ: identical once boilerplate is gone.
EXACT_COPY = WIRE.replace("By Staff Reporter", "By Jane Doe").replace("(PTI)", "(ANI)")

MARATHI = (
    "मुख्यमंत्री देवेंद्र फडणवीस यांनी आज मुंबईत पत्रकार परिषद घेतली. राज्यातील शेतकऱ्यांना मदत"
    " देण्याचा निर्णय सरकारने घेतला आहे, असे त्यांनी सांगितले."
)
FRENCH = (
    "Le ministre des Affaires étrangères a rencontré son homologue indien à Paris mardi pour"
    " discuter du commerce et de la coopération dans le domaine de la défense."
)


def _row(article_id: str, text: str, hour: int, language: str | None, title: str = "") -> dict:
    return {
        "article_id": article_id,
        "source": "test",
        "url": f"https://example.org/{article_id}",
        "title": title,
        "text": text,
        "published_at": datetime(2025, 11, 18, hour, tzinfo=UTC),
        "language": language,
        "raw_ref": f"drop.jsonl:{article_id}",
        "content_hash": hashlib.sha256(text.encode()).hexdigest(),
    }


ROWS = [
    _row("a-hindi", HINDI, 6, "hi"),
    _row("b-wire", WIRE, 7, "en", title="Jaishankar meets Lavrov"),
    _row("c-empty", "इसे भी पढ़ें: जयशंकर कनाडा दौरे पर पहुंचे\n\nशेयर करें", 8, "hi"),
    _row("d-exact", EXACT_COPY, 9, "en"),
    _row("e-syndicated", SYNDICATED, 9, "en"),
    _row("f-marathi", MARATHI, 10, "hi"),
    _row("g-french", FRENCH, 10, None),
    _row("h-huge", "भारत " * 50_000, 11, "hi"),
    _row("0-later-copy", WIRE, 12, "en"),  # smaller id but published later: not kept
]


@pytest.fixture()
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path))
    return load_settings()


def _write_raw(settings, rows: list[dict], shard_size: int | None = None) -> list[StageRun]:
    """Stage ``rows`` as ingest would, in shards of ``shard_size`` (default: one shard)."""
    staging = Staging.from_settings(settings)
    size = shard_size or max(len(rows), 1)
    chunks = [rows[i : i + size] for i in range(0, len(rows), size)] or [[]]
    runs = StageRun(DAY, 0, len(chunks)).runs()
    for stage_run, chunk in zip(runs, chunks, strict=True):
        staging.write(stage_run, "articles_raw", staging.frame("articles_raw", chunk))
    return runs


def _clean_day(settings, runs: list[StageRun]) -> tuple[list[dict], dict]:
    """Clean every shard and dedupe the day: (each shard's counts, dedupe's counts)."""
    return [clean.run(stage_run, settings) for stage_run in runs], dedupe.run(DAY, settings)


def _fates(settings) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(passed articles with duplicate_of as the warehouse gets it, the day's quarantine rows)."""
    staging = Staging.from_settings(settings)
    copies = staging.read_all(DAY, "duplicates").select("article_id", copy_of="duplicate_of")
    articles = (
        staging.read_all(DAY, "articles")
        .join(copies, on="article_id", how="left")
        .with_columns(duplicate_of="copy_of")
        .drop("copy_of")
    )
    quarantine = pl.concat(staging.read_all(DAY, name) for name in ("quarantine_clean", "quarantine_dedupe"))
    return articles, quarantine


@pytest.mark.parametrize("shard_size", [None, 2])
def test_each_row_fate(settings, shard_size) -> None:
    cleaned, deduped = _clean_day(settings, _write_raw(settings, ROWS, shard_size))
    articles, quarantine = _fates(settings)

    fates = {r["article_id"]: r["duplicate_of"] for r in articles.iter_rows(named=True)}
    assert fates == {
        "0-later-copy": "b-wire",
        "a-hindi": None,
        "b-wire": None,
        "d-exact": "b-wire",
        "e-syndicated": "b-wire",
    }
    reasons = dict(quarantine.select("article_id", "reason").iter_rows())
    assert reasons == {
        "0-later-copy": "duplicate",
        "c-empty": "empty_text",
        "d-exact": "duplicate",
        "e-syndicated": "near_duplicate",
        "f-marathi": "unknown_language",
        "g-french": "unknown_language",
        "h-huge": "too_large",
    }
    stages = dict(quarantine.select("article_id", "stage").iter_rows())
    assert {stages[a] for a in ("0-later-copy", "d-exact", "e-syndicated")} == {"dedupe"}
    assert {stages[a] for a in ("c-empty", "f-marathi", "g-french", "h-huge")} == {"clean"}
    assert set(quarantine["day"]) == {DAY}
    assert quarantine.filter(pl.col("article_id") == "f-marathi")["detail"][0].startswith("detected mr")
    empty = quarantine.filter(pl.col("article_id") == "c-empty")
    assert empty["raw_ref"][0] == "drop.jsonl:c-empty"

    for counts in cleaned:
        assert counts["read"] == counts["passed"] + counts["quarantined"]
    assert sum(c["read"] for c in cleaned) == len(ROWS)
    assert deduped["passed"] == sum(c["passed"] for c in cleaned) == deduped["kept"] + deduped["quarantined"]
    assert deduped["by_reason"] == {"duplicate": 2, "near_duplicate": 1}
    assert sum((Counter(c["by_reason"]) for c in cleaned), Counter()) == {
        "empty_text": 1,
        "too_large": 1,
        "unknown_language": 2,
    }
    assert deduped["near_duplicates"] == 1
    assert deduped["shards"] == len(cleaned)


def test_cleaned_text_language_and_removed_lines(settings) -> None:
    (counts,), _ = _clean_day(settings, _write_raw(settings, ROWS))
    articles = {r["article_id"]: r for r in _fates(settings)[0].to_dicts()}

    hindi = articles["a-hindi"]
    assert hindi["language"] == "hi"
    assert hindi["removed_lines"] == 2  # dateline and "इसे भी पढ़ें"
    assert hindi["text_clean"].startswith("विदेश मंत्री एस जयशंकर")
    assert "इसे भी पढ़ें" not in hindi["text_clean"]
    assert "text" not in hindi  # the raw text stays in articles_raw

    wire = articles["b-wire"]
    assert wire["language"] == "en"
    assert wire["removed_lines"] == 1
    assert "(PTI)" not in wire["text_clean"] and "in Moscow on Tuesday." in wire["text_clean"]
    assert counts["removed_lines"] == sum(a["removed_lines"] for a in articles.values())


def test_rerun_is_byte_identical(settings) -> None:
    runs = _write_raw(settings, ROWS)
    first = _clean_day(settings, runs)
    staged = Path(Staging.from_settings(settings).path(DAY, "articles")).parents[1]
    data = {path: path.read_bytes() for path in sorted(staged.rglob("*.parquet"))}
    assert _clean_day(settings, runs) == first
    assert {path: path.read_bytes() for path in sorted(staged.rglob("*.parquet"))} == data


def test_empty_input_writes_empty_files_with_schema(settings) -> None:
    (counts,), deduped = _clean_day(settings, _write_raw(settings, []))
    assert counts["read"] == counts["passed"] == counts["quarantined"] == 0
    assert deduped["passed"] == deduped["kept"] == deduped["quarantined"] == 0
    articles, quarantine = _fates(settings)
    assert articles.height == 0
    assert articles.schema["text_clean"] == pl.String
    assert articles.schema["removed_lines"] == pl.Int32
    assert articles.schema["duplicate_of"] == pl.String
    assert articles.schema["published_at"] == pl.Datetime("us", "UTC")
    assert quarantine.columns == ["day", "stage", "raw_ref", "article_id", "reason", "detail"]
    assert quarantine.height == 0
