"""How long the engagement view's pages take, on the demo's published file and a synthetic year.

Serves the view's FastAPI app (engagement.ui.app, as the plugin mounts it, without Airflow's
login check) with uvicorn on 127.0.0.1 and times, over real HTTP, every request the page makes
for each of its pages, one after another as the browser's script does:

  open     the page, its script, style sheet, Chart.js and /api/overview (countries, window)
  country  partners, upcoming, the top partner's timeline and events (picking a country)
  event    one event with every report (clicking an event)
  run day  one day's counts (a DAG run's Engagement tab)

Datasets: the demo's published file (default: Settings' published_path, i.e. after
``bash scripts/demo.sh``) and a year of synthetic news written with the warehouse's own
migrations and published by ``engagement.publish`` (``--articles-per-day``, default 400: 146,000
articles, 292,000 event mentions). Both files are on local disk. Prints the median and the
slowest of ``--rounds`` rounds per page, in milliseconds.

Run: .venv/bin/python bench/ui_view_bench.py [--demo FILE] [--articles-per-day 400] [--rounds 7]
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from statistics import median

import httpx
import uvicorn
from engagement import publish
from engagement.config import load_settings
from engagement.ui.app import create_app
from engagement.warehouse.connect import open_for_writing
from engagement.warehouse.reference import replace_reference_tables

YEAR_START = date(2025, 1, 1)
PAIR_COUNTRIES = 60  # countries the synthetic events are spread over (India in 30% of them)

# One synthetic year: articles, their sentences and entity mentions, event mentions and the
# events they cluster into (about 1.5 mentions each), with the shape the pipeline writes.
SYNTHETIC_SQL = """
SELECT setseed(0.42);
CREATE TEMP TABLE pool AS
    SELECT iso3, row_number() OVER (ORDER BY hash(iso3)) - 1 AS n FROM core.countries
    WHERE iso3 <> 'IND' QUALIFY n < $countries;
CREATE TEMP TABLE codes AS
    SELECT *, row_number() OVER (ORDER BY cameo) - 1 AS n FROM core.cameo_codes WHERE length(cameo) = 3;
INSERT INTO core.articles
SELECT $start::DATE + d::INT AS day, format('syn-{}-{}', d, k), format('wire-{}', k % 12),
       format('https://news.example/{}/{}', d, k), format('Synthetic story {} of day {}', k, d),
       ($start::DATE + d::INT)::TIMESTAMPTZ + INTERVAL (k * 3) MINUTE, CASE WHEN k % 3 = 0 THEN 'en' ELSE 'hi' END,
       repeat('text ', 200), md5(format('{}-{}', d, k)), 1, NULL, format('landing/syn.jsonl:{}', k)
FROM range(365) days(d), range($per_day) arts(k);
INSERT INTO core.sentences
SELECT day, article_id, s, s * 100, s * 100 + 99, format('Sentence {} of {}', s, article_id)
FROM core.articles, range(10) sents(s);
INSERT INTO core.mentions
SELECT day, article_id, m, m % 10, m * 10, m * 10 + 5, 'India', 'COUNTRY', 'IND', 'India', 'IND',
       NULL, NULL, NULL, NULL
FROM core.articles, range(12) ments(m);
CREATE TEMP TABLE drawn AS
SELECT a.day, a.article_id, a.published_at, m, random() AS r1, random() AS r2, random() AS r3, random() AS r4
FROM core.articles a, range(2) ments(m);
CREATE TEMP TABLE coded AS
SELECT d.*, CASE WHEN r1 < 0.3 THEN 'IND' ELSE p1.iso3 END AS one, p2.iso3 AS other, c.cameo, c.root,
       c.goldstein, c.quad_class, c.plover,
       CASE WHEN r3 < 0.7 THEN 'held' WHEN r3 < 0.9 THEN 'planned' WHEN r3 < 0.95 THEN 'ongoing'
            ELSE 'cancelled' END AS status,
       CASE WHEN r4 < 0.8 THEN 'day' WHEN r4 < 0.95 THEN 'month' ELSE 'year' END AS date_precision,
       d.day + CASE WHEN r3 BETWEEN 0.7 AND 0.9 THEN (r2 * 60)::INT ELSE -(r2 * 3)::INT END AS happened
FROM drawn d
JOIN pool p1 ON p1.n = (d.r2 * $countries)::INT % $countries
JOIN pool p2 ON p2.n = ((d.r2 * $countries)::INT + 1 + (d.r4 * 7)::INT) % $countries
JOIN codes c ON c.n = (d.r1 * 1000)::INT % (SELECT count(*) FROM codes);
CREATE TEMP TABLE keyed AS
SELECT *, least(one, other) AS actor1, greatest(one, other) AS actor2,
       CASE date_precision WHEN 'day' THEN strftime(happened, '%Y-%m-%d')
            WHEN 'month' THEN strftime(happened, '%Y-%m') ELSE strftime(happened, '%Y') END AS event_date,
       'ev_' || left(md5(format('{}{}{}{}', least(one, other), greatest(one, other), root,
                                strftime(happened, '%Y-%m-%d') || (r1 * 1.5)::INT)), 16) AS event_id
FROM coded;
INSERT INTO core.event_mentions
SELECT day, event_id, article_id, format('{}:{}', article_id, m), actor1, actor2, one, other, cameo, root,
       goldstein, quad_class, plover, status, event_date, NULL, date_precision, 'minister', actor2, NULL,
       ['trade'], m, 0, 90, format('Synthetic evidence: {} and {} ({}) on {}', one, other, cameo, event_date),
       [], [actor1, actor2], 'meeting', 'text', 'met'
FROM keyed;
INSERT INTO core.events
SELECT event_id, actor1, actor2, any_value(one), any_value(other), any_value(root), any_value(cameo),
       any_value(root), any_value(goldstein), any_value(quad_class), any_value(plover), arg_max(status, published_at),
       arg_min(event_date, published_at), NULL, arg_min(date_precision, published_at),
       min(CASE date_precision WHEN 'day' THEN happened WHEN 'month' THEN date_trunc('month', happened)
                ELSE date_trunc('year', happened) END)::DATE,
       max(CASE date_precision WHEN 'day' THEN happened
                WHEN 'month' THEN last_day(happened) ELSE date_trunc('year', happened) + INTERVAL 364 DAY END)::DATE,
       'minister', any_value(actor2), NULL, ['trade'], [actor1, actor2], min(format('{}:{}', article_id, m)),
       min(article_id), any_value(format('Synthetic evidence: {} and {}', one, other)), count(*),
       count(DISTINCT article_id), 1, min(published_at), max(published_at),
       -- the evidence article's fields (the load copies them from core.articles)
       format('Synthetic story {}', min(article_id)), format('https://news.example/{}', min(article_id)),
       'wire-0', 'hi', min(published_at), NULL  -- cameo_name: not shown by the UI
FROM keyed GROUP BY event_id, actor1, actor2;
"""


def synthetic_year(folder: Path, per_day: int) -> Path:
    """Write a year of synthetic news into a warehouse and publish it; returns the published file."""
    settings = replace(
        load_settings(),
        data_dir=folder,
        warehouse_path=folder / "warehouse.duckdb",
        published_path=folder / "published.duckdb",
    )
    con = open_for_writing(settings.warehouse_path)
    replace_reference_tables(con)
    params = {"start": YEAR_START, "per_day": per_day, "countries": PAIR_COUNTRIES}
    for statement in filter(str.strip, SYNTHETIC_SQL.split(";")):
        con.execute(statement, {k: v for k, v in params.items() if f"${k}" in statement})
    con.close()
    publish.run(YEAR_START, settings)
    return settings.published_path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """The view's app on 127.0.0.1 in a thread of this process, for one published file."""

    def __init__(self, published: Path):
        settings = replace(load_settings(), published_path=published)
        self.port = free_port()
        config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> httpx.Client:
        self.thread.start()
        while not self.server.started:
            time.sleep(0.05)
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=60)
        return self.client

    def __exit__(self, *exc) -> None:
        self.client.close()
        self.server.should_exit = True
        self.thread.join()


def get(client: httpx.Client, path: str, **params) -> dict | str:
    response = client.get(path, params=params)
    response.raise_for_status()
    return response.json() if path.startswith("/api/") else response.text


def pages(client: httpx.Client) -> dict[str, float]:
    """Seconds each page took, its requests made one after another as the page script does."""
    times = {}
    start = time.perf_counter()
    for path in ("/", "/static/view.js", "/static/view.css", "/static/vendor/chart.umd.min.js"):
        get(client, path)
    overview = get(client, "/api/overview")
    times["open"] = time.perf_counter() - start
    country = max(overview["countries"], key=lambda c: c["events"])["iso3"]
    window = {"country": country, "from": overview["default_window"]["from"], "to": overview["default_window"]["to"]}

    start = time.perf_counter()
    partners = get(client, "/api/partners", **window)["partners"]
    get(client, "/api/upcoming", country=country)
    get(client, "/api/timeline", partner=partners[0]["partner"], **window)
    events = get(client, "/api/events", partner=partners[0]["partner"], **window)["events"]
    times["country"] = time.perf_counter() - start

    start = time.perf_counter()
    get(client, f"/api/event/{events[0]['event_id']}")
    times["event"] = time.perf_counter() - start

    start = time.perf_counter()
    get(client, f"/api/day/{overview['last_day']}")
    times["run day"] = time.perf_counter() - start
    return times


def measure(name: str, published: Path, rounds: int) -> None:
    with Server(published) as client:
        pages(client)  # warm-up: first connection, OS file cache
        samples = [pages(client) for _ in range(rounds)]
        overview = get(client, "/api/overview")
    size = published.stat().st_size / 1e6
    print(f"\n{name}: {published} ({size:.1f} MB, {overview['events']:,} events)")
    print(f"{'page':<10}{'median ms':>11}{'max ms':>9}")
    for page in samples[0]:
        values = [sample[page] * 1000 for sample in samples]
        print(f"{page:<10}{median(values):>11.1f}{max(values):>9.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", type=Path, default=load_settings().published_path)
    parser.add_argument("--articles-per-day", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    if args.demo.exists():
        measure("demo", args.demo, args.rounds)
    else:
        print(f"demo: {args.demo} does not exist; run bash scripts/demo.sh first", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="ui-bench-") as folder:
        started = time.perf_counter()
        year = synthetic_year(Path(folder), args.articles_per_day)
        print(f"\n(synthetic year written and published in {time.perf_counter() - started:.0f} s)")
        measure(f"synthetic year, {args.articles_per_day} articles a day", year, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
