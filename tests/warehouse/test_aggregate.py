"""aggregate.run: the day's partition is replaced, events rebuilt from all days, order-free."""

from __future__ import annotations

import duckdb
import polars as pl
import pytest
from engagement import aggregate
from engagement.removals import record_removals
from engagement.warehouse.event_rows import event_id_for
from engagement.warehouse.shrink import ShrinkError
from warehouse_staging import DAY_A, DAY_B, KAZAN_HELD, KAZAN_PLANNED, part_path, table_checksums


def checksums(settings):
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        return table_checksums(con)


def test_two_days_give_one_kazan_event_moving_from_planned_to_held(staged):
    first = aggregate.run(DAY_A, staged)
    assert {k: first[k] for k in ("articles", "mentions", "event_mentions", "events_total", "events_touched")} == {
        "articles": 3,
        "mentions": 3,
        "event_mentions": 4,
        "events_total": 2,
        "events_touched": 2,
    }
    assert first["rows_written"] == 3 + 1 + 3 + 3 + 4 + 2
    second = aggregate.run(DAY_B, staged)
    assert (second["events_total"], second["events_touched"]) == (3, 2)
    with duckdb.connect(str(staged.warehouse_path), read_only=True) as con:
        kazan = con.execute(
            "SELECT event_id, status, cameo, event_date, level, forum, location, mentions,"
            " articles, sources, topics FROM core.events WHERE actor1 = 'IND' AND actor2 = 'RUS'"
        ).fetchall()
        assert kazan == [
            (
                event_id_for("pti-001:0"),
                "held",
                "040",
                "2024-10-22",
                "head_of_state",
                "BRICS",
                "RUS",
                4,
                3,
                3,
                ["energy", "summit", "trade"],
            )
        ]
        mention_events = con.execute(
            "SELECT mention_id, event_id = ? FROM core.event_mentions ORDER BY 1", [kazan[0][0]]
        ).fetchall()
        assert dict(mention_events) == {
            "bbchindi-001:0": True,
            "hindu-001:0": False,
            "pti-001:0": True,
            "pti-001:1": True,
            "reuters-001:0": True,
            "reuters-001:1": False,
        }
        assert (
            con.execute("SELECT count(*), min(name_en) FILTER (WHERE iso3 = 'IND') FROM core.countries").fetchone()[1]
            == "India"
        )
        assert con.execute("SELECT goldstein FROM core.cameo_codes WHERE cameo = '036'").fetchone() == (4.0,)


def test_an_event_shows_the_sentence_and_article_of_its_best_mention_whichever_day_loads_last(staged):
    """The evidence columns are read for the evidence mention alone, from whichever day's
    partition holds it: the announcement's until the held report comes, then the report's."""
    evidence = (
        "SELECT evidence_mention_id, evidence_text, article_title, article_url, article_source, article_language"
        " FROM core.events WHERE actor1 = 'IND' AND actor2 = 'RUS'"
    )
    aggregate.run(DAY_A, staged)
    with duckdb.connect(str(staged.warehouse_path), read_only=True) as con:
        announced = con.execute(evidence).fetchall()
    held_first = KAZAN_HELD.split(". ")[0]
    held = [("reuters-001:0", held_first, held_first[:60], "https://reuters.example/reuters-001", "reuters", "en")]
    planned_first = KAZAN_PLANNED.split(". ")[0]
    assert announced == [("pti-001:0", planned_first, planned_first[:60], "https://pti.example/pti-001", "pti", "en")]
    aggregate.run(DAY_B, staged)
    aggregate.run(DAY_A, staged)  # the day-A reload rebuilds the event; its evidence stays day B's
    with duckdb.connect(str(staged.warehouse_path), read_only=True) as con:
        assert con.execute(evidence).fetchall() == held


def test_rerun_and_backfill_order_give_identical_tables(staged, tmp_path):
    aggregate.run(DAY_A, staged)
    aggregate.run(DAY_B, staged)
    in_order = checksums(staged)
    aggregate.run(DAY_A, staged)
    assert checksums(staged) == in_order

    staged.warehouse_path.unlink()
    aggregate.run(DAY_B, staged)
    aggregate.run(DAY_A, staged)
    assert checksums(staged) == in_order


def test_rerun_replaces_the_day_partition(staged):
    aggregate.run(DAY_A, staged)
    aggregate.run(DAY_B, staged)
    articles_path = part_path(staged, DAY_A, "articles")
    pl.read_parquet(articles_path).filter(pl.col("article_id") != "hindu-001").write_parquet(articles_path)
    events_path = part_path(staged, DAY_A, "events")
    pl.read_parquet(events_path).filter(pl.col("article_id") != "hindu-001").write_parquet(events_path)
    part_path(staged, DAY_A, "quarantine_clean").unlink()  # a missing optional file is no rows

    before = checksums(staged)
    with pytest.raises(ShrinkError, match=r"2 article\(s\) the warehouse holds .*hindu-001, pti-009"):
        aggregate.run(DAY_A, staged)
    assert checksums(staged) == before  # the shrinking load was rolled back

    record_removals(staged.raw_store, DAY_A, ["hindu-001", "pti-009"], "withdrawn by the publisher")
    result = aggregate.run(DAY_A, staged)
    assert (result["articles"], result["event_mentions"], result["events_total"]) == (2, 3, 2)
    with duckdb.connect(str(staged.warehouse_path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM core.quarantine").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM core.articles WHERE day = ?", [DAY_B]).fetchone() == (1,)
        assert con.execute("SELECT count(*) FROM core.events WHERE actor1 = 'CHN'").fetchone() == (1,)
        removals = con.execute("SELECT article_id, reason FROM core.article_removals ORDER BY 1").fetchall()
        assert removals == [("hindu-001", "withdrawn by the publisher"), ("pti-009", "withdrawn by the publisher")]


def test_failed_load_leaves_the_warehouse_untouched(staged):
    aggregate.run(DAY_A, staged)
    before = checksums(staged)
    events_path = part_path(staged, DAY_A, "events")
    pl.read_parquet(events_path).drop("cameo").write_parquet(events_path)
    try:
        aggregate.run(DAY_A, staged)
    except duckdb.BinderException as error:
        assert "cameo" in str(error)
    else:
        raise AssertionError("a file missing a contract column must fail the load")
    assert checksums(staged) == before


def test_each_event_mention_carries_its_articles_publication_time(staged):
    """The load copies the article's publication time onto its mentions (reclustering orders by
    it without joining core.articles); a reloaded day gets it again."""
    aggregate.run(DAY_A, staged)
    aggregate.run(DAY_B, staged)
    aggregate.run(DAY_A, staged)
    with duckdb.connect(str(staged.warehouse_path), read_only=True) as con:
        pairs = con.execute(
            "SELECT em.published_at IS NOT DISTINCT FROM a.published_at, count(*)"
            " FROM core.event_mentions em JOIN core.articles a USING (day, article_id) GROUP BY 1"
        ).fetchall()
        set_times = con.execute("SELECT count(published_at) FROM core.event_mentions").fetchone()[0]
    assert [equal for equal, _ in pairs] == [True]  # every mention, none differing
    assert set_times == pairs[0][1]  # the staged articles all have a time
