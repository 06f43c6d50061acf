"""Feeds and pages fetched from a real loopback server into the raw store, then ingested."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import polars as pl
import pytest
from engagement import ingest
from engagement.sources import fetch_source, list_sources
from engagement.sources.config import fetchable_sources
from engagement.sources.feeds import parse_feed
from engagement.sources.rawstore import object_key, read_manifest, read_object
from engagement.sources.records import stable_id
from engagement.staging import Staging

DAY = date(2025, 11, 17)


def _ingest(day: date, settings) -> tuple[dict, pl.DataFrame, pl.DataFrame]:
    counts = ingest.run(day, settings)
    staging = Staging.from_settings(settings)
    return counts, staging.read_all(day, "articles_raw"), staging.read_all(day, "quarantine_ingest")


def _feed_item_ids(settings, source: str) -> set[str]:
    rows = read_manifest(settings.raw_store, DAY, source)
    feed_row = next(row for row in rows if row["kind"] == "feed")
    items = parse_feed(read_object(settings.raw_store, feed_row["sha256"]), feed_row["url"])
    return {stable_id(source, item.link) for item in items}


def _stored_objects(settings) -> list[str]:
    return sorted(name.rsplit("/", 1)[1] for name in settings.raw_store.find("objects"))


def test_every_feed_item_becomes_an_article_or_a_quarantine_row(feed_settings, news_server):
    summary = fetch_source("example-times", DAY, feed_settings)
    assert (summary["fetched"], summary["errors"]) == (7, 2)  # feed + 6 pages; loop, oversized
    assert {(f["reason"], f["detail"]) for f in summary["failures"]} == {
        ("fetch_error", "redirect loop"),
        ("too_large", "body over 100000 bytes"),
    }
    news_server.stop()  # ingest reads the archive only

    _, articles, quarantine = _ingest(DAY, feed_settings)
    _, previous_day, _ = _ingest(date(2025, 11, 16), feed_settings)

    by_url = {row["url"].rsplit("/", 1)[1]: row for row in articles.iter_rows(named=True)}
    assert sorted(by_url) == [
        "india-brazil-latin1.html",
        "india-japan-summit.html",
        "jaishankar-lavrov.html",
    ]
    # The feed item had no date: the page's <meta> published time is used, zone kept.
    lavrov = by_url["jaishankar-lavrov.html"]
    assert lavrov["published_at"].isoformat() == "2025-11-17T05:45:00+00:00"
    assert "São Paulo" in by_url["india-brazil-latin1.html"]["text"]  # declared ISO-8859-1
    assert "Copyright" not in by_url["india-japan-summit.html"]["text"]
    assert set(articles["language"]) == {"en"}
    assert previous_day["url"].str.ends_with("sri-lanka-visit.html").to_list() == [True]

    reasons = {
        row["detail"].split(": ", 1)[0].rsplit("/", 1)[1]: row["reason"]
        for row in quarantine.iter_rows(named=True)
    }
    assert reasons == {
        "gallery.html": "no_main_text",
        "a": "fetch_error",  # /loop/a
        "annexes.html": "too_large",
        "garbled.html": "invalid_utf8",
    }
    accounted = {*articles["article_id"], *quarantine["article_id"], *previous_day["article_id"]}
    assert accounted == _feed_item_ids(feed_settings, "example-times")


def test_atom_item_without_any_date_is_quarantined_on_the_fetch_day(feed_settings):
    fetch_source("udaharan-samachar", DAY, feed_settings)
    _, articles, quarantine = _ingest(DAY, feed_settings)
    (article,) = articles.iter_rows(named=True)
    assert article["title"] == "भारत और फ़्रांस के बीच रक्षा सहयोग पर बातचीत"
    assert article["language"] == "hi"
    assert "राजनाथ सिंह" in article["text"]
    assert quarantine.select("day", "reason").rows() == [(DAY, "missing_date")]
    assert set(articles["article_id"]) | set(quarantine["article_id"]) == _feed_item_ids(
        feed_settings, "udaharan-samachar"
    )
    # Undated means "shown once": not again on the next day.
    _, _, next_day = _ingest(date(2025, 11, 18), feed_settings)
    assert next_day.is_empty()


def test_second_fetch_is_conditional_and_stores_nothing_twice(feed_settings, news_server):
    first = fetch_source("example-times", DAY, feed_settings)
    objects = _stored_objects(feed_settings)
    second = fetch_source("example-times", DAY, feed_settings)

    assert (second["fetched"], second["not_modified"], second["new_objects"]) == (0, 1, 0)
    assert first["new_objects"] == 7
    requests = news_server.recorder.requests
    feed_requests = [headers for path, headers in requests if path == "/feeds/english.rss"]
    assert "If-None-Match" not in feed_requests[0]
    assert feed_requests[1]["If-None-Match"].startswith('"')
    assert feed_requests[1]["If-Modified-Since"] == "Mon, 17 Nov 2025 10:00:00 GMT"
    assert {headers["User-Agent"] for _, headers in requests} == {"engagement-tests/1.0"}
    assert _stored_objects(feed_settings) == objects
    rows = read_manifest(feed_settings.raw_store, DAY, "example-times")
    feed_rows = [row for row in rows if row["kind"] == "feed"]
    assert [row["http_status"] for row in feed_rows] == [200, 304]

    counts, articles, _ = _ingest(DAY, feed_settings)
    assert counts["selected"] == len(articles) == 3  # the 304 snapshot adds nothing


def test_server_error_is_retried_and_then_succeeds(feed_settings):
    summary = fetch_source("flaky-wire", DAY, feed_settings)
    feed_row = read_manifest(feed_settings.raw_store, DAY, "flaky-wire")[0]
    assert (summary["errors"], feed_row["http_status"], feed_row["attempts"]) == (0, 200, 2)
    _, articles, _ = _ingest(DAY, feed_settings)
    assert articles["source"].to_list() == ["flaky-wire"]


@pytest.mark.parametrize(
    ("source", "reason", "detail"),
    [
        ("slow-wire", "fetch_error", "gave up after 3 attempts: ReadTimeout"),
        ("looping-feed", "fetch_error", "redirect loop"),
        ("huge-feed", "too_large", "body over 100000 bytes"),
        ("broken-feed", "bad_record", "malformed feed, no item readable"),
    ],
)
def test_failed_feed_is_one_quarantine_row_on_its_fetch_day(feed_settings, source, reason, detail):
    fetch_source(source, DAY, feed_settings)
    (row,) = read_manifest(feed_settings.raw_store, DAY, source)
    if reason == "bad_record":  # fetched fine: kept as received although it cannot be parsed
        assert feed_settings.raw_store.read_bytes(object_key(row["sha256"])).startswith(b"<?xml")
    counts, articles, quarantine = _ingest(DAY, feed_settings)
    assert articles.is_empty()
    assert quarantine.select("day", "reason").rows() == [(DAY, reason)]
    assert quarantine["detail"][0].startswith(detail)
    assert counts["by_reason"] == {reason: 1}


def test_feeds_fetched_into_a_raw_store_on_s3_ingest_like_local_ones(feed_settings, s3_url, s3_server):
    seen = {}
    for name, settings in (("file", feed_settings), ("s3", replace(feed_settings, storage_url=s3_url))):
        summary = fetch_source("example-times", DAY, settings)
        _, articles, quarantine = _ingest(DAY, settings)
        stored = articles.select("article_id", "title", "text", "published_at", "raw_ref").sort("article_id")
        seen[name] = (summary["fetched"], summary["new_objects"], stored.rows(), quarantine.select("reason").rows())
    assert seen["s3"] == seen["file"]
    assert seen["s3"][:2] == (7, 7) and len(seen["s3"][2]) == 3
    prefix = s3_url.removeprefix(f"s3://{s3_server.bucket}/")
    assert len(s3_server.keys(f"{prefix}/raw/objects/")) == 7  # feed + 6 pages, in the bucket


def test_manifest_rows_have_the_documented_fields(feed_settings):
    summary = fetch_source("flaky-wire", DAY, feed_settings)
    raw = feed_settings.raw_store
    (name,) = raw.find("manifest", DAY.isoformat())  # one object per fetch run, under its source
    assert name.startswith("flaky-wire/") and summary["manifest"] == raw.url("manifest", DAY.isoformat(), name)
    rows = [json.loads(line) for line in raw.read_bytes("manifest", DAY.isoformat(), name).splitlines()]
    assert [row["kind"] for row in rows] == ["feed", "page"]
    assert {
        "source",
        "url",
        "fetched_at",
        "http_status",
        "sha256",
        "content_type",
        "etag",
        "last_modified",
        "error",
    } <= set(rows[0])
    assert rows[0]["content_type"] == "application/rss+xml"


def test_list_sources_for_dynamic_task_mapping(feed_settings):
    names = [
        "example-times",
        "udaharan-samachar",
        "broken-feed",
        "flaky-wire",
        "slow-wire",
        "looping-feed",
        "huge-feed",
    ]
    assert list_sources(feed_settings) == fetchable_sources(feed_settings) == names


def test_landing_days_come_from_dated_feed_items(feed_settings):
    fetch_source("example-times", DAY, feed_settings)
    fetch_source("udaharan-samachar", DAY, feed_settings)
    assert ingest.landing_days(feed_settings) == [date(2025, 11, 16), DAY]
