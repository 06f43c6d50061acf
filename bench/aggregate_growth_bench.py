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
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--days", type=int, default=60)
    p.add_argument("--per-day", type=int, default=2000)
    p.add_argument("--start", type=date.fromisoformat, default=date(2025, 1, 1))
    p.add_argument("--workdir", type=Path)
    p.add_argument("--replay", type=Path, help="a staging folder whose YYYY-MM-DD days to load instead")
    args = p.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="agg-growth-"))
    os.environ["ENGAGEMENT_DATA_DIR"] = str(workdir / "data")
    from engagement import aggregate
    from engagement.config import load_settings
    from engagement.events.lexicon import cameo_table
    from engagement.staging import Staging

    settings = load_settings()
    staging, codes, rng = Staging.from_settings(settings), cameo_table(), random.Random(20261205)
    print(f"warehouse {settings.warehouse_path}")
    print("day         seconds  events_total  events_touched")
    days = [args.start + timedelta(days=offset) for offset in range(args.days)]
    if args.replay:
        days = sorted(date.fromisoformat(path.name) for path in args.replay.glob("????-??-??"))[: args.days]
        shutil.copytree(args.replay, settings.data_dir / "staging", dirs_exist_ok=True)
    for day in days:
        if not args.replay:
            write_generated_day(staging, day, generated_day(day, args.per_day, rng, codes))
        started = time.perf_counter()
        counts = aggregate.run(day, settings)
        seconds = time.perf_counter() - started
        print(f"{day}  {seconds:7.2f}  {counts['events_total']:12d}  {counts['events_touched']:14d}", flush=True)


if __name__ == "__main__":
    main()
