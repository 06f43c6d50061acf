from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
import pytest
from engagement import clean, ingest
from engagement.config import load_settings

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


def _write_raw(settings, rows: list[dict]) -> None:
    path = settings.stage_path(DAY, "articles_raw")
    path.parent.mkdir(parents=True)
    pl.DataFrame(rows, schema=ingest.ARTICLE_SCHEMA).write_parquet(path)


def test_each_row_fate(settings) -> None:
    _write_raw(settings, ROWS)
    counts = clean.run(DAY, settings)

    articles = pl.read_parquet(counts["paths"]["articles"])
    quarantine = pl.read_parquet(counts["paths"]["quarantine"])
    assert articles["article_id"].to_list() == sorted(articles["article_id"].to_list())
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
    assert set(quarantine["stage"]) == {"clean"}
    assert set(quarantine["day"]) == {DAY}
    assert quarantine.filter(pl.col("article_id") == "f-marathi")["detail"][0].startswith("detected mr")
    empty = quarantine.filter(pl.col("article_id") == "c-empty")
    assert empty["raw_ref"][0] == "drop.jsonl:c-empty"

    assert counts["read"] == len(ROWS) == counts["kept"] + counts["quarantined"]
    assert counts["by_reason"] == {
        "duplicate": 2,
        "empty_text": 1,
        "near_duplicate": 1,
        "too_large": 1,
        "unknown_language": 2,
    }
    assert counts["near_duplicates"] == 1


def test_cleaned_text_language_and_removed_lines(settings) -> None:
    _write_raw(settings, ROWS)
    counts = clean.run(DAY, settings)
    articles = {r["article_id"]: r for r in pl.read_parquet(counts["paths"]["articles"]).to_dicts()}

    hindi = articles["a-hindi"]
    assert hindi["language"] == "hi"
    assert hindi["removed_lines"] == 2  # dateline and "इसे भी पढ़ें"
    assert hindi["text_clean"].startswith("विदेश मंत्री एस जयशंकर")
    assert "इसे भी पढ़ें" not in hindi["text_clean"]
    assert hindi["text"] == HINDI  # the raw text travels along untouched

    wire = articles["b-wire"]
    assert wire["language"] == "en"
    assert wire["removed_lines"] == 1
    assert "(PTI)" not in wire["text_clean"] and "in Moscow on Tuesday." in wire["text_clean"]
    assert counts["removed_lines"] == sum(a["removed_lines"] for a in articles.values())


def test_rerun_is_byte_identical(settings) -> None:
    _write_raw(settings, ROWS)
    first = clean.run(DAY, settings)
    data = {name: Path(path).read_bytes() for name, path in first["paths"].items()}
    assert clean.run(DAY, settings) == first
    assert {name: Path(path).read_bytes() for name, path in first["paths"].items()} == data


def test_empty_input_writes_empty_files_with_schema(settings) -> None:
    _write_raw(settings, [])
    counts = clean.run(DAY, settings)
    assert counts["read"] == counts["kept"] == counts["quarantined"] == 0
    articles = pl.read_parquet(counts["paths"]["articles"])
    assert articles.height == 0
    assert articles.schema["text_clean"] == pl.String
    assert articles.schema["removed_lines"] == pl.Int32
    assert articles.schema["duplicate_of"] == pl.String
    assert articles.schema["published_at"] == pl.Datetime("us", "UTC")
    quarantine = pl.read_parquet(counts["paths"]["quarantine"])
    assert quarantine.columns == ["day", "stage", "raw_ref", "article_id", "reason", "detail"]
    assert quarantine.height == 0
