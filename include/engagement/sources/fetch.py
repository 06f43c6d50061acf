"""The network part for one feed source: fetch the feed and its article pages into the archive.

Bodies go to the raw store before anything parses them and every attempt gets a manifest row,
so a fetch is never lost even when parsing later fails. Re-running on the same day is safe:
requests are conditional and objects content addressed.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

from engagement.config import Settings
from engagement.sources.client import Fetcher, FetchResult, Validators, failed_fetch
from engagement.sources.config import Source, get_source
from engagement.sources.feeds import FeedError, FeedItem, parse_feed
from engagement.sources.guard import Network
from engagement.sources.rawstore import last_validators, log_object_name, manifest_row, store_object, write_manifest

# Manifest reason for a feed listing more than max_items items: ingest turns the row into one
# quarantine row, so the skipped items are counted, not lost silently.
TOO_MANY_ITEMS = "too_many_items"


class FeedUnavailable(RuntimeError):
    """A source's feed could not be fetched; raised so its mapped task fails alone in the Grid."""


def fetch_for_run(
    source_name: str, day: date, settings: Settings, today: date | None = None
) -> dict:
    """What a DAG run's mapped ``fetch`` task does for one source.

    A feed lists only current items, so a run for a day before yesterday (a backfill) fetches
    nothing and ingest reads that day from the archive. A feed that cannot be fetched at all
    raises :class:`FeedUnavailable` after its manifest row is written; failed article pages
    are quarantined by ingest and do not fail the task.
    """
    today = today or datetime.now(UTC).date()
    if day < today - timedelta(days=1):
        return {
            "source": source_name,
            "fetch_day": day.isoformat(),
            "fetched": 0,
            "skipped": "past day: ingest reads the archive",
        }
    result = fetch_source(source_name, day, settings)
    feed_failures = [
        f for f in result["failures"] if f["kind"] == "feed" and f["reason"] != TOO_MANY_ITEMS
    ]
    if feed_failures:
        first = feed_failures[0]
        raise FeedUnavailable(
            f"{source_name}: {first['reason']}: {first['detail']} ({first['url']})"
        )
    return result


def fetch_source(
    source_name: str, day: date, settings: Settings, network: Network | None = None
) -> dict:
    """Fetch one source for fetch day ``day``.

    Returns counts (``fetched``, ``not_modified``, ``errors``) and one ``failures`` entry
    (kind, url, reason, detail) per failed request; network trouble never raises. ``network``
    (resolver and socket backend) defaults to the system's; tests record through their own.
    """
    source = get_source(settings, source_name)
    counts: Counter[str] = Counter()
    failures: list[dict] = []
    summary = {"source": source.name, "fetch_day": day.isoformat()}
    if not source.is_feed:
        return {
            **summary,
            "fetched": 0,
            "not_modified": 0,
            "errors": 0,
            "failures": [],
            "new_objects": 0,
            "note": "files sources are read by ingest, nothing to fetch",
        }
    validators = last_validators(settings.raw_store, source.name)
    archive = _Archive(settings, source, day, counts, failures)
    with Fetcher(source, network) as fetcher:
        feed_validators = validators.get(source.url, Validators())
        feed = archive.keep("feed", fetcher.get(source.url, feed_validators))
        if feed.body is not None:
            for link in dict.fromkeys(_item_links(feed, source, archive)):
                archive.keep("page", fetcher.get(link, validators.get(link, Validators())))
    return {
        **summary,
        "fetched": counts["fetched"],
        "not_modified": counts["not_modified"],
        "errors": counts["errors"],
        "failures": failures,
        "new_objects": counts["new_objects"],
        "manifest": archive.manifest_url,
    }


def _item_links(feed: FetchResult, source: Source, archive: _Archive) -> list[str]:
    """Links of the feed's first ``max_items`` items; a manifest row counts the ones skipped."""
    try:
        items: list[FeedItem] = parse_feed(feed.body, feed.final_url)
    except FeedError:
        return []  # the stored snapshot is quarantined by ingest, with the reason
    if len(items) > source.max_items:
        skipped = len(items) - source.max_items
        detail = (
            f"feed lists {len(items)} items; only the first {source.max_items} (max_items) "
            f"are read, {skipped} skipped"
        )
        archive.keep("feed", failed_fetch(source.url, TOO_MANY_ITEMS, detail, final_url=feed.final_url))
    return [item.link for item in items[: source.max_items] if item.link]


class _Archive:
    """Stores each fetch result (body first, then its manifest row) and counts outcomes.

    The run's manifest rows form one object, rewritten after every fetch (see rawstore).
    """

    def __init__(
        self, settings: Settings, source: Source, day: date, counts: Counter, failures: list[dict]
    ):
        self.raw = settings.raw_store
        self.source = source
        self.day = day
        self.counts = counts
        self.failures = failures
        self.run = log_object_name()
        self.rows: list[dict] = []
        self.manifest_url = None

    def keep(self, kind: str, result: FetchResult) -> FetchResult:
        fetched_at = datetime.now(UTC)
        sha256 = None
        if result.body is not None:
            sha256, new = store_object(self.raw, result.body)
            self.counts["fetched"] += 1
            self.counts["new_objects"] += int(new)
        elif result.not_modified:
            self.counts["not_modified"] += 1
        else:
            self.counts["errors"] += 1
            self.failures.append(
                {"kind": kind, "url": result.url, "reason": result.error, "detail": result.detail}
            )
        self.rows.append(manifest_row(self.source.name, kind, result, sha256, fetched_at))
        self.manifest_url = write_manifest(self.raw, self.day, self.source.name, self.run, self.rows)
        return result
