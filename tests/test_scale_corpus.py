"""The scale corpus generator (bench/scale_corpus.py) writes realistic, reproducible landing days.

A few hundred articles: the same seed gives the same bytes, the shares asked for come out, every
record passes ingest, clean finds the copies the generator made and no others, and every article
names KB countries the entity extractor finds.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import REPO, SHARED, require_shared

DAY = date(2025, 3, 3)
ARTICLES = 500


@pytest.fixture(scope="module")
def scale():
    """The generator module, with ../shared present (it reads its sentences there)."""
    require_shared(SHARED / "corpora" / "bbc_hindi_cohn" / "hindi-cleaned-test.csv")
    require_shared(SHARED / "corpora" / "conll2003_en" / "eng.testa")
    sys.path.insert(0, str(REPO / "bench"))
    try:
        import scale_corpus
    finally:
        sys.path.remove(str(REPO / "bench"))
    return scale_corpus


def _generate(scale, out: Path, *options: str, days: str = DAY.isoformat(), per_day: int = ARTICLES):
    args = scale.parser().parse_args(["--days", days, "--per-day", str(per_day), "--out", str(out), *options])
    return scale.generate(args.days, args.per_day, args.out, args)


def _records(out: Path) -> list[dict]:
    return [
        json.loads(line)
        for path in sorted(out.rglob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def _tree(out: Path) -> dict[str, bytes]:
    return {str(path.relative_to(out)): path.read_bytes() for path in sorted(out.rglob("*.jsonl"))}


@pytest.fixture(scope="module")
def day(scale, tmp_path_factory):
    """One generated day at the default shares, and what the generator says it wrote."""
    out = tmp_path_factory.mktemp("scale-landing")
    return out, _generate(scale, out)


def test_the_same_seed_writes_the_same_bytes_and_another_seed_other_text(scale, tmp_path):
    first = _generate(scale, tmp_path / "a", "--seed", "7", days="2025-03-03..2025-03-04", per_day=120)
    again = _generate(scale, tmp_path / "b", "--seed", "7", days="2025-03-03..2025-03-04", per_day=120)
    other = _generate(scale, tmp_path / "c", "--seed", "8", days="2025-03-03..2025-03-04", per_day=120)
    assert first.articles == again.articles == other.articles == 240
    assert list(_tree(tmp_path / "a")) == ["2025-03-03/part-000.jsonl", "2025-03-04/part-000.jsonl"]
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    texts_a = {r["text"] for r in _records(tmp_path / "a")}
    texts_c = {r["text"] for r in _records(tmp_path / "c")}
    assert not texts_a & texts_c  # another seed draws other articles, not a reshuffle


def test_records_are_landing_records_of_the_day_with_the_shares_asked_for(day):
    out, stats = day
    records = _records(out)
    assert len(records) == stats.articles == ARTICLES
    assert all(list(r) == ["id", "url", "source", "title", "language", "published", "text"] for r in records)
    assert len({r["id"] for r in records}) == len({r["url"] for r in records}) == ARTICLES
    assert {date.fromisoformat(r["published"][:10]) for r in records} == {DAY}
    assert all(r["published"].endswith("+05:30" if r["language"] == "hi" else "+00:00") for r in records)
    hindi = sum(r["language"] == "hi" for r in records) / ARTICLES
    assert abs(hindi - 0.60) < 0.07
    # Text repeats only where a copy was made on purpose; every other article is its own.
    repeats = ARTICLES - len({r["text"] for r in records})
    assert repeats == stats.exact
    assert abs(stats.exact / ARTICLES - 0.03) < 0.025 and abs(stats.near / ARTICLES - 0.05) < 0.03
    assert stats.exact > 0 and stats.near > 0


def test_shares_follow_the_flags(scale, tmp_path):
    stats = _generate(scale, tmp_path, "--hindi-share", "0.2", "--exact-share", "0.1", "--near-share", "0")
    records = _records(tmp_path)
    assert abs(sum(r["language"] == "hi" for r in records) / len(records) - 0.2) < 0.06
    assert stats.near == 0
    assert len(records) - len({r["text"] for r in records}) == stats.exact
    assert abs(stats.exact / len(records) - 0.1) < 0.04


def test_parts_stay_under_the_size_asked_for(scale, tmp_path):
    stats = _generate(scale, tmp_path, "--max-file-mb", "0.05", per_day=120)
    sizes = [path.stat().st_size for path in sorted(tmp_path.rglob("*.jsonl"))]
    assert len(sizes) > 2 and max(sizes) <= 50_000
    assert sum(sizes) == stats.bytes and len(_records(tmp_path)) == 120


def test_ingest_accepts_every_record_and_clean_finds_the_copies(day, settings):
    from engagement import clean, dedupe, extract_entities, ingest
    from engagement.staging import StageRun, Staging

    out, stats = day
    settings = replace(settings, landing_dir=out)
    loaded = ingest.run(DAY, settings)
    assert loaded["selected"] + loaded["quarantined"] == ARTICLES
    assert loaded["quarantined"] == 0, loaded["by_reason"]

    runs = StageRun(DAY, 0, loaded["shards"]).runs()
    cleaned = [clean.run(stage_run, settings) for stage_run in runs]
    assert sum(counts["read"] for counts in cleaned) == sum(counts["passed"] for counts in cleaned) == ARTICLES
    deduped = dedupe.run(DAY, settings)
    found = deduped["by_reason"]
    # Every copy is found; a "near" copy whose only edit was a byline clean strips counts as exact.
    assert found.get("duplicate", 0) + found.get("near_duplicate", 0) == stats.exact + stats.near
    assert stats.exact <= found.get("duplicate", 0) and found.get("near_duplicate", 0) >= 0.7 * stats.near
    assert set(found) <= {"duplicate", "near_duplicate"}

    extracted = [extract_entities.run(stage_run, settings) for stage_run in runs]
    mentions = Staging.from_settings(settings).read_all(DAY, "mentions")
    with_country = set(mentions.filter(pl.col("label") == "COUNTRY")["article_id"])
    assert sum(counts["articles"] for counts in extracted) == deduped["kept"]
    assert len(with_country) == deduped["kept"]
    countries = Counter(mentions.filter(pl.col("label") == "COUNTRY")["entity_id"].to_list())
    assert len(countries) > 40  # names swapped in from the whole KB, not a handful
