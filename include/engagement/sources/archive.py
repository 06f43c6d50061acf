"""Articles rebuilt from the raw landing zone: feed snapshots joined to their fetched pages.

Ingest never touches the network; it re-parses what ``fetch.fetch_source`` stored, so any
past day can be rebuilt from the archive. Every feed item ends as an article or a quarantine
row; failed fetches of feeds become quarantine rows on their fetch day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from engagement.sources.config import Source
from engagement.sources.dates import parse_published
from engagement.sources.feeds import FeedError, FeedItem, parse_feed
from engagement.sources.pages import UndecodableError, decode_html, extract_page
from engagement.sources.rawstore import MissingObject, manifest_days, read_manifest, read_object
from engagement.sources.records import Article, Limits, Origin, Rejected, make_article, stable_id
from engagement.storage import Storage

# Feeds fetched up to this many days after an article's day still count for that day (late
# fetches, backfills); one day before covers a run that fetched just after midnight UTC.
FETCH_DAYS_AFTER = 7
FETCH_DAYS_BEFORE = 1


@dataclass(frozen=True)
class _Sighting:
    """One feed item as seen in one stored feed snapshot."""

    source: Source
    item: FeedItem
    feed_sha256: str
    fetch_day: date

    @property
    def ref(self) -> str:
        return f"sha256:{self.feed_sha256}#item{self.item.position}"


def read_archive(
    raw: Storage, day: date, sources: dict[str, Source], limits: Limits
) -> tuple[int, list[Article | Rejected]]:
    """(feed snapshots read, records) for articles that may belong to ``day``.

    Only the manifests of the fetch days that can hold ``day`` are read; a damaged manifest
    line, an unreadable snapshot or a missing raw object is a quarantine row on its fetch day,
    never an error for the run.
    """
    first, last = day - timedelta(days=FETCH_DAYS_BEFORE), day + timedelta(days=FETCH_DAYS_AFTER)
    all_rows = [
        row
        for fetch_day in manifest_days(raw)
        if first <= fetch_day <= last
        for row in read_manifest(raw, fetch_day)
    ]
    records: list[Article | Rejected] = [
        Rejected(row["fetch_day"], row["ref"], None, "damaged_raw_store", row["detail"])
        for row in all_rows
        if row["kind"] == "damaged"
    ]
    feed_rows = [row for row in all_rows if row["kind"] == "feed" and row["source"] in sources]
    pages = _latest_pages(all_rows)
    sightings: dict[str, _Sighting] = {}
    snapshots = 0
    for row in feed_rows:
        if row["error"]:
            ref = f"manifest:{row['url']}"
            records.append(Rejected(row["fetch_day"], ref, None, row["error"], row["detail"] or ""))
            continue
        if not row["sha256"]:  # 304: nothing new since the stored snapshot
            continue
        snapshots += 1
        source = sources[row["source"]]
        try:
            items = parse_feed(read_object(raw, row["sha256"]), row["final_url"] or row["url"], source.max_items)
        except MissingObject as error:
            ref = f"sha256:{row['sha256']}"
            records.append(Rejected(row["fetch_day"], ref, None, "damaged_raw_store", str(error)))
            continue
        except Exception as error:  # noqa: BLE001 - FeedError, or a parser surprise: the snapshot alone
            ref = f"sha256:{row['sha256']}"
            detail = str(error) if isinstance(error, FeedError) else f"{type(error).__name__}: {error}"
            records.append(Rejected(row["fetch_day"], ref, None, "bad_record", detail))
            continue
        for item in items:
            # Later snapshots replace earlier ones: a feed may fix a title or a date.
            locator = item.link or item.guid or f"{row['sha256']}#{item.position}"
            key = stable_id(source.name, locator)
            sightings[key] = _Sighting(source, item, row["sha256"], row["fetch_day"])
    for article_id, sighting in sorted(sightings.items()):
        try:
            record = _item_record(article_id, sighting, pages, raw, day, limits)
        except Exception as error:  # noqa: BLE001 - one item's surprise stays that item's
            record = Rejected(
                sighting.fetch_day, sighting.ref, article_id, "bad_record", f"{type(error).__name__}: {error}"
            )
        if record is not None:
            records.append(record)
    return snapshots, records


def archive_days(raw: Storage, sources: dict[str, Source]) -> set[date]:
    """UTC days of the dated items in every stored feed snapshot."""
    days: set[date] = set()
    for fetch_day in manifest_days(raw):
        for row in read_manifest(raw, fetch_day):
            if row["kind"] != "feed" or not row["sha256"] or row["source"] not in sources:
                continue
            try:
                items = parse_feed(read_object(raw, row["sha256"]), row["url"])
            except Exception:  # noqa: BLE001, S112 - ingest of its fetch day quarantines it with the reason
                continue
            for item in items:
                try:
                    days.add(parse_published(item.published, sources[row["source"]].tz).date())
                except ValueError:
                    continue  # undated or unreadable: ingest quarantines it on its fetch day
    return days


def _latest_pages(rows: list[dict]) -> dict[str, dict]:
    """Per page URL the newest stored body, else the newest failure (rows are chronological)."""
    pages: dict[str, dict] = {}
    for row in rows:
        if row["kind"] != "page":
            continue
        held = pages.get(row["url"])
        if row["sha256"] or (row["error"] and not (held and held["sha256"])):
            pages[row["url"]] = row
    return pages


def _item_record(
    article_id: str,
    sighting: _Sighting,
    pages: dict[str, dict],
    raw: Storage,
    day: date,
    limits: Limits,
) -> Article | Rejected | None:
    """The item as an article or a quarantine row; None if it is dated on another day."""
    item, source = sighting.item, sighting.source

    def reject(on: date, reason: str, detail: str, ref: str = sighting.ref) -> Rejected:
        return Rejected(on, ref, article_id, reason, detail)

    item_day = sighting.fetch_day
    if item.published:
        try:
            item_day = parse_published(item.published, source.tz).date()
        except ValueError:
            pass  # make_article reports it; the page's date cannot override a wrong feed date
        else:
            if item_day != day:
                return None  # parsing its page would be wasted: it belongs to another run
    if not item.link:
        return reject(item_day, "bad_record", "feed item has no link")
    page_row = pages.get(item.link)
    if page_row is None:
        return reject(item_day, "fetch_error", f"article page {item.link} was never fetched")
    if not page_row["sha256"]:
        return reject(item_day, page_row["error"], f"{item.link}: {page_row['detail']}")
    page_ref = f"sha256:{page_row['sha256']}"
    try:
        html = decode_html(read_object(raw, page_row["sha256"]), page_row["content_type"])
    except UndecodableError as error:
        return reject(item_day, "invalid_utf8", f"{item.link}: {error}", page_ref)
    except MissingObject as error:
        return reject(item_day, "damaged_raw_store", f"{item.link}: {error}", page_ref)
    page = extract_page(html, source.tz)
    if not page.text:
        return reject(item_day, "no_main_text", f"{item.link}: no article text found", page_ref)
    fields = {
        "id": article_id,
        "source": source.name,
        "url": item.link,
        "title": item.title or page.title,
        "text": page.text,
        "published": item.published or page.published,
        "language": item.language or page.language or source.language,
    }
    read_at = datetime.fromisoformat(page_row["fetched_at"])
    return make_article(fields, Origin(page_ref, source.tz, sighting.fetch_day, read_at), limits)
