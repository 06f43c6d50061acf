"""Sharding changes how work is cut, never the result: one shard and four or more shards per day
give the same warehouse, table by table, on the demo corpus (the weeks of its two copies) and on
a generated day whose exact and near-duplicate copies sit in other shards than the articles they
copy."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from engagement.staging import StageRun, Staging
from engagement.storage import Storage

from tests.conftest import REPO, SHARED, require_shared
from tests.integration.airflow_runs import table_checksums
from tests.integration.ui_stack import DEMO_CORPUS

pytestmark = pytest.mark.integration

# The demo weeks with its two copies (an exact one on 12 November, a near one on 25 November)
# and the days before them, whose events the copies' days cluster with: a third of the demo's
# days, so the test costs a third of a whole demo run twice.
DEMO_RANGES = (("2025-11-10", "2025-11-14"), ("2025-11-24", "2025-11-26"))
GENERATED_DAY = date(2025, 3, 3)
GENERATED_ARTICLES = 300
ONE_SHARD = "1000000"


def run_pipeline(data_dir: Path, landing: Path, shard_size: str, first: str, last: str) -> Path:
    """``engagement run`` over the days with this shard size; the warehouse it leaves."""
    env = {
        **os.environ,
        "ENGAGEMENT_DATA_DIR": str(data_dir),
        "ENGAGEMENT_LANDING_DIR": str(landing),
        "ENGAGEMENT_SHARD_SIZE": shard_size,
    }
    engagement = Path(sys.executable).with_name("engagement")
    subprocess.run(
        [str(engagement), "run", "--date", first, "--to", last], env=env, check=True, capture_output=True, timeout=900
    )
    return data_dir / "warehouse" / "engagement.duckdb"


def core_checksums(warehouse: Path) -> dict[str, tuple[int, int]]:
    """Every core table's (rows, order-independent hash); the reporting layer derives from them."""
    sums = {name: value for name, value in table_checksums(warehouse).items() if name.startswith("core.")}
    assert {"core.articles", "core.quarantine", "core.event_mentions", "core.events"} <= set(sums)
    return sums


def shards_of_day(data_dir: Path, day: date) -> int:
    return len(Staging(Storage.from_url(data_dir.as_uri()).child("staging")).shards(day, "articles_raw"))


def test_demo_corpus_one_shard_and_one_article_per_shard_give_the_same_tables(tmp_path):
    for first, last in DEMO_RANGES:
        whole = run_pipeline(tmp_path / "whole", DEMO_CORPUS, ONE_SHARD, first, last)
        sharded = run_pipeline(tmp_path / "sharded", DEMO_CORPUS, "1", first, last)
    assert shards_of_day(tmp_path / "sharded", date(2025, 11, 12)) >= 4  # the demo's fullest day, with a copy
    assert shards_of_day(tmp_path / "sharded", date(2025, 11, 25)) >= 2  # the near copy's day
    assert core_checksums(sharded) == core_checksums(whole)


@pytest.fixture(scope="module")
def generated_landing(tmp_path_factory) -> Path:
    """A generated day of 300 articles with the generator's share of exact and near copies."""
    require_shared(SHARED / "corpora" / "bbc_hindi_cohn" / "hindi-cleaned-test.csv")
    landing = tmp_path_factory.mktemp("generated") / "landing"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "bench" / "scale_corpus.py"),
            "--days",
            GENERATED_DAY.isoformat(),
            "--per-day",
            str(GENERATED_ARTICLES),
            "--out",
            str(landing),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return landing


def test_generated_day_with_copies_across_shards_gives_the_same_tables(tmp_path, generated_landing):
    day = GENERATED_DAY.isoformat()
    whole = run_pipeline(tmp_path / "whole", generated_landing, ONE_SHARD, day, day)
    sharded = run_pipeline(tmp_path / "sharded", generated_landing, "75", day, day)

    staging = Staging(Storage.from_url((tmp_path / "sharded").as_uri()).child("staging"))
    shards = staging.shards(GENERATED_DAY, "articles_raw")
    assert len(shards) >= 4
    shard_of = {
        article_id: shard
        for shard in shards
        for article_id in staging.read(StageRun(GENERATED_DAY, shard, len(shards)), "articles_raw")["article_id"]
    }
    copies = staging.read(StageRun(GENERATED_DAY), "duplicates")
    reasons = set(copies["reason"])
    assert reasons == {"duplicate", "near_duplicate"}
    across = [(a, b) for a, b in copies.select("article_id", "duplicate_of").iter_rows() if shard_of[a] != shard_of[b]]
    assert len(across) >= 5, "the copies should mostly sit in other shards than what they copy"
    assert core_checksums(sharded) == core_checksums(whole)
