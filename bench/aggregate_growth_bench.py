"""Does ``aggregate`` get slower as the warehouse fills? Load many days of staged event mentions
(no NLP: the mentions are drawn at the shares a real scale run produced) and print each day's
aggregate time and how many mentions it reclustered.

Shares measured on the 1M-article day of ``scale_bench.py`` (2.1 M mentions): day-precision
dates 98.1%, month 1.3%, year 0.55%, undated 0.04%; CAMEO 040 44%, 042 26%, 057 12%, 041 12%,
conflict codes the rest; about 2.1 mentions an article. Pairs follow a Zipf-like curve over
1,500 pairs (the busiest holds about 1% of mentions, three times the real day's busiest), so the
busy groups' windows are the stress case. Fixed seed.

    .venv/bin/python bench/aggregate_growth_bench.py --days 60 --per-day 2000 [--workdir DIR]

``--replay STAGING`` loads, in date order, the days another run staged instead (e.g. the
``data/staging`` folder ``airflow_scale_bench.py`` leaves: the real NLP's output on
``scale_corpus.py`` days), so the aggregate alone can be timed on a long realistic backfill.

``--seed-published FILE`` first fills the empty warehouse with a published copy's core tables and
load log (e.g. the year ``airflow_scale_bench.py --keep FILE`` kept), so days staged after that
year can be timed in minutes instead of after a two-hour backfill. Publishing leaves out the
warehouse's own bookkeeping (schema ``internal``), which the first replayed day rebuilds from
every event: time the days after it. ``--statements N`` prints the last day's N slowest SQL
statements and the checkpoint DuckDB runs when aggregate closes the warehouse.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import os
import random
import shutil
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

COUNTRIES = (
    "IND RUS CHN USA PAK JPN LKA NPL BGD AUS GBR FRA DEU ISR IRN SAU ARE QAT EGY TUR BRA ZAF IDN VNM"
    " KOR PRK UKR POL ITA ESP CAN MEX ARG NGA KEN ETH AFG MMR THA MYS SGP PHL BTN MDV KAZ UZB"
).split()
CAMEO_SHARES = {"040": 44, "042": 26, "057": 12, "041": 12, "100": 1.0, "130": 0.6, "120": 0.5, "111": 0.5}
PRECISION_SHARES = {"day": 98.1, "month": 1.3, "year": 0.55, None: 0.05}


def pairs_by_weight(rng: random.Random) -> tuple[list[tuple[str, str]], list[float]]:
    pairs = [tuple(sorted(pair)) for pair in itertools.combinations(COUNTRIES, 2)]
    rng.shuffle(pairs)
    pairs = pairs[:1500]
    return pairs, [1 / (rank + 30) for rank in range(len(pairs))]


def event_date(day: date, precision: str | None, rng: random.Random) -> tuple[str | None, str | None, str]:
    """(event_date, event_date_end, status) around the publication day at that precision."""
    if precision is None:
        return None, None, "held"
    if precision == "year":
        return str(day.year), None, rng.choice(["held", "planned"])
    if precision == "month":
        month = day.replace(day=1) + timedelta(days=rng.choice([0, 0, 0, 32]))
        return f"{month:%Y-%m}", None, rng.choice(["held", "planned"])
    offset = rng.choices([0, -1, -2, -3, -5, 2, 7], weights=[40, 30, 8, 5, 5, 6, 6])[0]
    start = day + timedelta(days=offset)
    end = (start + timedelta(days=rng.randint(1, 3))).isoformat() if rng.random() < 0.05 else None
    return start.isoformat(), end, "planned" if offset > 0 else rng.choices(["held", "cancelled"], [97, 3])[0]


def generated_day(day: date, per_day: int, rng: random.Random, codes) -> tuple[list[dict], list[dict]]:
    pairs, weights = pairs_by_weight(random.Random(7))
    articles, mentions = [], []
    cameos, cameo_weights = list(CAMEO_SHARES), list(CAMEO_SHARES.values())
    precisions, precision_weights = list(PRECISION_SHARES), list(PRECISION_SHARES.values())
    for number in range(per_day):
        article_id = f"g{day:%Y%m%d}-{number:05d}"
        published = datetime.combine(day, datetime.min.time(), UTC) + timedelta(seconds=rng.randint(0, 86_399))
        text = "Generated article."
        articles.append(
            {
                "article_id": article_id,
                "source": rng.choice(["pti", "ani", "hindu", "bbchindi", "jagran"]),
                "url": f"https://news.example/{article_id}",
                "title": text,
                "published_at": published,
                "language": "en",
                "raw_ref": f"landing/{day}.jsonl:{number}",
                "content_hash": article_id,
                "text_clean": text,
                "removed_lines": 0,
                "duplicate_of": None,
            }
        )
        for idx in range(rng.choices([1, 2, 3], weights=[30, 30, 40])[0]):
            pair = rng.choices(pairs, weights)[0]
            cameo = rng.choices(cameos, cameo_weights)[0]
            when, end, status = event_date(day, rng.choices(precisions, precision_weights)[0], rng)
            code = codes[cameo]
            conflict = cameo[:2] >= "10"
            direction = rng.sample(pair, 2) if conflict else (None, None)
            mentions.append(
                {
                    "article_id": article_id,
                    "mention_id": f"{article_id}:{idx}",
                    "actor1": pair[0],
                    "actor2": pair[1],
                    "participants": list(pair),
                    "source": direction[0],
                    "target": direction[1],
                    "cameo": cameo,
                    "root": cameo[:2],
                    "goldstein": code.goldstein,
                    "quad_class": code.quad_class,
                    "plover": code.plover,
                    "kind": "meeting",
                    "status": status,
                    "event_date": when,
                    "event_date_end": end,
                    "date_precision": None if when is None else {4: "year", 7: "month", 10: "day"}[len(when)],
                    "date_basis": "text" if when else "unknown",
                    "level": "foreign_minister",
                    "location": rng.choice([pair[0], pair[1], None, None]),
                    "forum": None,
                    "topics": [],
                    "sentence_idx": idx,
                    "evidence_start": 0,
                    "evidence_end": 18,
                    "evidence_text": text,
                    "actor_mentions": [],
                    "trigger_text": "met",
                }
            )
    return articles, mentions


def write_generated_day(staging, day: date, generated: tuple[list[dict], list[dict]]) -> None:
    from engagement.staging import StageRun

    articles, mentions = generated
    for dataset, rows in (
        ("articles", articles),
        ("events", mentions),
        ("sentences", []),
        ("mentions", []),
        ("quarantine_clean", []),
    ):
        staging.write(StageRun(day), dataset, staging.frame(dataset, rows))


def seed_from_published(settings, published: Path) -> None:
    """Copy a published copy's core tables and load log into an empty warehouse."""
    from engagement.warehouse.connect import open_for_writing
    from engagement.warehouse.partitions import PARTITIONED_TABLES

    con = open_for_writing(settings.warehouse_path, settings.duckdb_memory_limit)
    try:
        if con.execute("SELECT count(*) FROM core.articles").fetchone()[0]:
            return
        con.execute(f"ATTACH '{published}' AS published (READ_ONLY)")
        for table in (*PARTITIONED_TABLES, "events", "article_removals"):
            con.execute(f"INSERT INTO core.{table} BY NAME SELECT * FROM published.core.{table}")
        con.execute("INSERT INTO main.load_log BY NAME SELECT * FROM published.main.load_log")
        con.execute("DETACH published")
        con.execute("CHECKPOINT")
    finally:
        con.close()


class TimedConnection:
    """A warehouse connection that adds up each statement's time by its opening words (a
    relation's when it is fetched into polars) and times the checkpoint of ``close``."""

    def __init__(self, con, timings: collections.defaultdict):
        self._con, self._timings = con, timings

    def __getattr__(self, name):
        return getattr(self._con, name)

    def _add(self, sql: str, started: float) -> None:
        entry = self._timings[" ".join(sql.split())[:100]]
        entry[0] += 1
        entry[1] += time.perf_counter() - started

    def execute(self, sql, *args, **kwargs):
        started = time.perf_counter()
        try:
            return self._con.execute(sql, *args, **kwargs)
        finally:
            self._add(sql, started)

    def sql(self, sql, *args, **kwargs):
        relation, timed = self._con.sql(sql, *args, **kwargs), self

        class Fetched:
            def __getattr__(self, name):
                return getattr(relation, name)

            def pl(self):
                started = time.perf_counter()
                try:
                    return relation.pl()
                finally:
                    timed._add(sql, started)

        return Fetched()

    def close(self):
        started = time.perf_counter()
        self._con.close()
        self._add("(checkpoint at close)", started)


def print_statements(timings: dict, top: int) -> None:
    total = sum(seconds for _, seconds in timings.values())
    print(f"last day's SQL: {total:.2f} s in {sum(n for n, _ in timings.values())} statements; slowest:")
    for sql, (count, seconds) in sorted(timings.items(), key=lambda item: -item[1][1])[:top]:
        print(f"  {seconds * 1000:8.1f} ms  {count:3d}x  {sql}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--days", type=int, default=60)
    p.add_argument("--per-day", type=int, default=2000)
    p.add_argument("--start", type=date.fromisoformat, default=date(2025, 1, 1))
    p.add_argument("--workdir", type=Path)
    p.add_argument("--replay", type=Path, help="a staging folder whose YYYY-MM-DD days to load instead")
    p.add_argument("--seed-published", type=Path, help="a published copy whose core tables to start from")
    p.add_argument("--statements", type=int, default=0, help="print the last day's N slowest statements")
    args = p.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="agg-growth-"))
    os.environ["ENGAGEMENT_DATA_DIR"] = str(workdir / "data")
    from engagement import aggregate
    from engagement.config import load_settings
    from engagement.events.lexicon import cameo_table
    from engagement.staging import Staging

    settings = load_settings()
    if args.seed_published:
        seed_from_published(settings, args.seed_published)
    staging, codes, rng = Staging.from_settings(settings), cameo_table(), random.Random(20261205)
    print(f"warehouse {settings.warehouse_path}")
    print("day         seconds  events_total  events_touched")
    days = [args.start + timedelta(days=offset) for offset in range(args.days)]
    if args.replay:
        days = sorted(date.fromisoformat(path.name) for path in args.replay.glob("????-??-??"))[: args.days]
        shutil.copytree(args.replay, settings.data_dir / "staging", dirs_exist_ok=True)
    timings: collections.defaultdict = collections.defaultdict(lambda: [0, 0.0])
    opened = aggregate.open_for_writing
    for day in days:
        if not args.replay:
            write_generated_day(staging, day, generated_day(day, args.per_day, rng, codes))
        if args.statements and day == days[-1]:
            aggregate.open_for_writing = lambda *a, **k: TimedConnection(opened(*a, **k), timings)
        started = time.perf_counter()
        counts = aggregate.run(day, settings)
        seconds = time.perf_counter() - started
        print(f"{day}  {seconds:7.2f}  {counts['events_total']:12d}  {counts['events_touched']:14d}", flush=True)
    if timings:
        print_statements(timings, args.statements)


if __name__ == "__main__":
    main()
