"""check.run: passes on a good load, and lists every failed assertion at once on a bad one."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import polars as pl
import pytest
from engagement import aggregate, check
from engagement.check import DataQualityError
from warehouse_staging import DAY_A, DAY_B, part_path, write_stage


def test_good_days_pass_every_check(staged):
    aggregate.run(DAY_A, staged)
    aggregate.run(DAY_B, staged)
    result = check.run(DAY_A, staged)
    assert result["checks"] == len(result["checks_passed"]) >= 25
    assert {
        "article_id_unique",
        "event_mentions_have_event",
        "actor_order",
        "cameo_known",
        "dates_parse",
        "status_allowed",
        "articles_match_staging",
    } <= set(result["checks_passed"])
    assert check.run(DAY_B, staged)["checks"] == result["checks"]


def test_a_key_repeated_on_another_day_and_a_wrong_mention_count_fail_the_day(staged):
    """The checks read only the day's keys and events, probing the other days for repeats."""
    aggregate.run(DAY_A, staged)
    aggregate.run(DAY_B, staged)
    with duckdb.connect(str(staged.warehouse_path)) as con:
        taken = con.execute("SELECT min(article_id) FROM core.articles WHERE day = ?", [DAY_A]).fetchone()[0]
        con.execute(
            "UPDATE core.sentences SET article_id = ? WHERE day = ? AND article_id ="
            " (SELECT min(article_id) FROM core.sentences WHERE day = ?)",
            [taken, DAY_B, DAY_B],
        )
        con.execute(
            "UPDATE core.events SET mentions = mentions + 1 WHERE event_id ="
            " (SELECT min(event_id) FROM core.event_mentions WHERE day = ?)",
            [DAY_B],
        )
    with pytest.raises(DataQualityError) as raised:
        check.run(DAY_B, staged)
    failed = {failure.split(":")[0] for failure in raised.value.failures}
    assert {"sentence_unique", "events_have_mentions"} <= failed


def test_bad_rows_fail_with_every_problem_listed(staged):
    events_path = part_path(staged, DAY_A, "events")
    events = pl.read_parquet(events_path)
    broken = events.with_columns(
        pl.when(pl.col("mention_id") == "hindu-001:0").then(pl.lit("999")).otherwise("cameo").alias("cameo"),
        pl.when(pl.col("mention_id") == "pti-001:1").then(pl.lit("postponed")).otherwise("status").alias("status"),
        pl.when(pl.col("mention_id") == "bbchindi-001:0")
        .then(pl.lit("Oct 2024"))
        .otherwise("event_date")
        .alias("event_date"),
    )
    pl.concat([broken, broken.filter(pl.col("mention_id") == "hindu-001:0")]).write_parquet(events_path)
    mentions_path = part_path(staged, DAY_A, "mentions")
    pl.read_parquet(mentions_path).with_columns(article_id=pl.lit("ghost-001")).write_parquet(mentions_path)
    aggregate.run(DAY_A, staged)
    articles_path = part_path(staged, DAY_A, "articles")
    articles = pl.read_parquet(articles_path)
    pl.concat([articles, articles.head(1)]).write_parquet(articles_path)  # staged after the load

    with pytest.raises(DataQualityError) as raised:
        check.run(DAY_A, staged)
    failed = {failure.split(":")[0] for failure in raised.value.failures}
    assert failed == {
        "cameo_known",
        "status_allowed",
        "dates_parse",
        "mention_id_unique",
        "mention_unique",
        "mentions_article_exists",
        "articles_match_staging",
        "events_dated",
    }
    assert "cameo_known: 2 offending row(s)" in str(raised.value)


def test_a_missing_pair_passes_only_for_a_multilateral_meeting(staged):
    events_path = part_path(staged, DAY_A, "events")
    events = pl.read_parquet(events_path)
    pairless = (pl.col("mention_id") == "hindu-001:0") | (pl.col("mention_id") == "pti-001:1")
    events.with_columns(
        actor1=pl.when(pairless).then(None).otherwise("actor1"),
        actor2=pl.when(pairless).then(None).otherwise("actor2"),
        participants=pl.when(pl.col("mention_id") == "hindu-001:0")
        .then(pl.lit(["CHN", "IND", "RUS"]))
        .otherwise("participants"),
    ).write_parquet(events_path)
    aggregate.run(DAY_A, staged)

    with pytest.raises(DataQualityError) as raised:
        check.run(DAY_A, staged)
    assert [f.split(":")[0] for f in raised.value.failures] == ["pair_or_multilateral"]
    assert "pair_or_multilateral: 2 offending row(s)" in str(raised.value)


def test_an_event_with_an_unknown_date_loads_and_passes(staged):
    """Codebook §3: "they had met earlier" is an event with a null date; it is counted, passes
    the checks and stays out of the dated views."""
    events_path = part_path(staged, DAY_A, "events")
    events = pl.read_parquet(events_path)
    undated = pl.col("mention_id") == "hindu-001:0"
    events.with_columns(
        *(
            pl.when(undated).then(None).otherwise(name).alias(name)
            for name in ("event_date", "event_date_end", "date_precision")
        )
    ).write_parquet(events_path)
    aggregate.run(DAY_A, staged)
    result = check.run(DAY_A, staged)
    assert {"dates_parse", "events_dated"} <= set(result["checks_passed"])
    with duckdb.connect(str(staged.warehouse_path), read_only=True) as con:
        dates = con.execute(
            "SELECT e.event_date, e.date_start, e.date_precision FROM core.events e"
            " JOIN core.event_mentions m USING (event_id) WHERE m.mention_id = 'hindu-001:0'"
        ).fetchall()
        in_periods = con.execute(
            "SELECT count(*) FROM reporting.dyad_periods p JOIN core.events e"
            " ON p.actor1 = e.actor1 AND p.actor2 = e.actor2 AND p.period IS NULL"
        ).fetchone()[0]
    assert dates == [(None, None, None)] and in_periods == 0


def _coding_errors(settings, article_ids: list[str]) -> None:
    """The day's detect_events quarantine, as a coder bug hitting these articles would write it."""
    rows = [
        {
            "day": DAY_A,
            "stage": "detect_events",
            "raw_ref": f"landing/{article_id}.jsonl:1",
            "article_id": article_id,
            "reason": "event_coding_error",
            "detail": "TypeError: replace() should be called on dataclass instances",
        }
        for article_id in article_ids
    ]
    write_stage(settings, DAY_A, "quarantine_events", rows)


def test_a_coding_bug_hitting_most_articles_fails_the_day(staged):
    _coding_errors(staged, ["pti-001", "bbchindi-001", "hindu-001"])
    aggregate.run(DAY_A, staged)

    with pytest.raises(DataQualityError) as raised:
        check.run(DAY_A, replace(staged, error_count_floor=2))
    assert [f.split(":")[0] for f in raised.value.failures] == ["processing_error_share"]
    assert "3 of 3 article(s) quarantined with extraction_error, event_coding_error" in str(raised.value)


def test_one_poison_article_never_fails_the_day(staged):
    _coding_errors(staged, ["hindu-001"])
    aggregate.run(DAY_A, staged)

    assert "processing_error_share" in check.run(DAY_A, staged)["checks_passed"]  # 1 < the floor of 5
    assert "processing_error_share" in check.run(DAY_A, replace(staged, error_count_floor=1, error_share_limit=0.5))[
        "checks_passed"
    ]  # 1 of 3 articles is under half
