"""The raw store's landing index on a local folder and on S3 (moto's server on loopback): cost
of the daily landing scan and of reading one day's records after a year of daily drops.

Each simulated day drops one file of ``--articles`` articles dated that day and scans the
landing folder, as that day's ingest does; the landing index grows by one log object a day and
is folded into one past LOG_COMPACT_AT (sources.rawstore.compact_log). Printed per storage: the mean and the
last day's scan time, a scan with nothing new, the last day's ``day_records``, and the number of
index objects left. moto answers on loopback, so S3 figures are request counts times a local
round trip, a floor for a real bucket.

    .venv/bin/python bench/raw_store_bench.py [--days 365] [--articles 20]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "include")]

from engagement.sources.config import Source  # noqa: E402
from engagement.sources.landing import INDEX_FOLDER, day_records, scan_landing  # noqa: E402
from engagement.sources.records import Limits  # noqa: E402
from engagement.storage import Storage  # noqa: E402

from tests.s3_server import s3_server  # noqa: E402

DROPS = Source(name="drops", kind="files", path=".", language="en", timezone="UTC")
LIMITS = Limits(200_000, 2_048, 200_000_000)
FIRST_DAY = date(2025, 1, 1)
TEXT = "External Affairs Minister S. Jaishankar met his Japanese counterpart in Tokyo to discuss trade."


def _drop(landing: Path, day: date, articles: int) -> None:
    rows = (
        {"id": f"{day}-{n}", "published": f"{day}T09:00:00Z", "language": "en", "title": f"Talks {n}", "text": TEXT}
        for n in range(articles)
    )
    (landing / f"{day}.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def _year(raw: Storage, landing: Path, days: int, articles: int) -> dict[str, float]:
    scans = []
    for offset in range(days):
        _drop(landing, FIRST_DAY + timedelta(days=offset), articles)
        started = time.perf_counter()
        scan_landing(landing, raw, [DROPS], LIMITS)
        scans.append(time.perf_counter() - started)
    started = time.perf_counter()
    scan_landing(landing, raw, [DROPS], LIMITS)
    rescan = time.perf_counter() - started
    started = time.perf_counter()
    records = list(day_records(raw, FIRST_DAY + timedelta(days=days - 1)).records)
    read_day = time.perf_counter() - started
    assert len(records) == articles
    return {
        "mean scan ms": 1000 * sum(scans) / len(scans),
        "last scan ms": 1000 * scans[-1],
        "rescan ms": 1000 * rescan,
        "day_records ms": 1000 * read_day,
        "index objects": len(raw.find(INDEX_FOLDER)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--articles", type=int, default=20)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="raw-store-bench-") as work, s3_server() as server:
        os.environ.update(server.env)
        for name, url in (("file://", Path(work, "data").as_uri()), ("s3:// (moto)", f"s3://{server.bucket}/bench")):
            landing = Path(work, f"landing-{len(results)}")
            landing.mkdir()
            results[name] = _year(Storage.from_url(url).child("raw"), landing, args.days, args.articles)
    print(f"{args.days} daily drops of {args.articles} articles, one scan a day")
    columns = list(next(iter(results.values())))
    print(f"{'storage':<14}" + "".join(f"{column:>16}" for column in columns))
    for name, figures in results.items():
        print(f"{name:<14}" + "".join(f"{figures[column]:>16.1f}" for column in columns))


if __name__ == "__main__":
    main()
