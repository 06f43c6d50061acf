"""The DAG's fetch task: a broken feed fails its own task; a backfilled past day stays offline."""

from __future__ import annotations

from datetime import date

import pytest
from engagement.sources.fetch import FeedUnavailable, fetch_for_run
from engagement.sources.rawstore import read_manifest

TODAY = date(2025, 11, 17)


def test_reachable_feed_is_fetched_for_today(feed_settings):
    result = fetch_for_run("example-times", TODAY, feed_settings, today=TODAY)
    assert result["fetched"] >= 1 and result["source"] == "example-times"


def test_unreachable_feed_fails_the_task_but_keeps_its_manifest_row(feed_settings):
    with pytest.raises(FeedUnavailable, match="looping-feed: fetch_error: redirect loop"):
        fetch_for_run("looping-feed", TODAY, feed_settings, today=TODAY)
    rows = read_manifest(feed_settings.raw_store, TODAY, "looping-feed")
    assert [r["kind"] for r in rows] == ["feed"] and rows[0]["error"] == "fetch_error"


def test_backfilled_past_day_does_not_touch_the_network(feed_settings, news_server):
    news_server.stop()
    result = fetch_for_run("example-times", date(2025, 1, 5), feed_settings, today=TODAY)
    assert result["fetched"] == 0 and "archive" in result["skipped"]
