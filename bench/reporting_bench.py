"""Query times of the main reporting views and macros on a year of synthetic warehouse data.

The warehouse is built by the project's own code (migrations, sql/reporting.sql, comments,
reference tables from the knowledge base), then filled with one year of synthetic events:

- 365 days x 300 events a day = 109,500 events (--events-per-day to change), each with its
  mentions in core.event_mentions and its evidence article in core.articles;
- pairs: 60 countries, partners drawn with a Zipf-like skew (a few pairs take most events, as in
  GDELT-style data), both orders of the pair normalised to actor1 < actor2;
- mentions per event: 1 + a geometric draw (mean ~2.4, tail to ~40), articles = mentions;
- date precision: 85 % day (5 % of those a 2-4 day range), 10 % month, 5 % year;
- status: 78 % held, 4 % ongoing, 13 % planned (a quarter of them dated after the year), 5 % cancelled;
- CAMEO codes drawn from a realistic mix (consult 04x and cooperation 03x/05x dominate, then
  disapprove/reject 11x/12x, a few threaten/coerce 13x/17x), Goldstein and quad class from core.cameo_codes.

Each query runs once to warm up, then --rounds times; the median and the best are printed.
Target: <= 200 ms each on the 2-core development machine.

    .venv/bin/python bench/reporting_bench.py [--events-per-day 300] [--rounds 5] [--published]

``--published`` first computes ``reporting.MATERIALIZED_VIEWS`` as tables, as publish does for the
file BI tools open; without it the views are queried as the warehouse holds them.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from engagement.warehouse.connect import open_for_writing, open_reader
from engagement.warehouse.reference import replace_reference_tables
from engagement.warehouse.reporting import MATERIALIZED_VIEWS, materialize_views

YEAR_START = "2025-01-01"
# 60 countries, most engaged first (the Zipf-like draw below favours the start of the list).
COUNTRIES = (
    "IND USA CHN RUS PAK JPN GBR FRA DEU AUS BGD LKA NPL UKR ISR IRN SAU ARE QAT TUR BRA ZAF IDN KOR VNM "
    "SGP MYS THA MMR AFG EGY ITA ESP CAN MEX ARG NGA KEN ETH BTN MDV OMN KWT IRQ SYR JOR POL NLD BEL CHE "
    "SWE NOR FIN DNK AUT KAZ UZB MNG PHL NZL"
).split()
# (CAMEO code, weight): the share of each code among events.
CAMEO_MIX = [
    ("040", 20),
    ("042", 10),
    ("043", 8),
    ("036", 10),
    ("030", 4),
    ("051", 5),
    ("057", 6),
    ("061", 3),
    ("010", 6),
    ("020", 3),
    ("111", 8),
    ("112", 5),
    ("120", 4),
    ("130", 2),
    ("172", 2),
    ("160", 2),
    ("100", 2),
]

SYNTHETIC_EVENTS = """
CREATE TEMP TABLE countries AS
SELECT n - 1 AS n, iso3 FROM unnest($countries) WITH ORDINALITY AS c(iso3, n);
CREATE TEMP TABLE mix AS
SELECT cameo, weight, sum(weight) OVER (ORDER BY cameo) - weight AS lo, sum(weight) OVER (ORDER BY cameo) AS hi
FROM (SELECT unnest($codes) AS cameo, unnest($weights) AS weight);
CREATE TEMP TABLE draws AS
SELECT i, DATE '{start}' + (i // $per_day)::INTEGER AS day,
       -- Zipf-like: small country numbers far more often, for both ends of the pair
       least(59, floor(pow(random(), 2.2) * 60))::INTEGER AS a,
       least(59, floor(pow(random(), 1.6) * 60))::INTEGER AS b,
       random() AS p_precision, random() AS p_status, random() AS p_range, random() AS p_code,
       1 + least(39, floor(ln(1 - random()) / ln(0.58)))::INTEGER AS mentions
FROM range($total) AS t(i);
CREATE TEMP TABLE synthetic AS
SELECT d.*, ca.iso3 AS c1, cb.iso3 AS c2, m.cameo,
       CASE WHEN p_precision < 0.85 THEN 'day' WHEN p_precision < 0.95 THEN 'month' ELSE 'year' END AS date_precision,
       CASE WHEN p_status < 0.78 THEN 'held' WHEN p_status < 0.82 THEN 'ongoing'
            WHEN p_status < 0.95 THEN 'planned' ELSE 'cancelled' END AS status
FROM draws d
JOIN countries ca ON ca.n = d.a
JOIN countries cb ON cb.n = CASE WHEN d.b = d.a THEN (d.a + 1 + d.b) % 60 ELSE d.b END
JOIN mix m ON d.p_code * (SELECT max(hi) FROM mix) >= m.lo AND d.p_code * (SELECT max(hi) FROM mix) < m.hi;
UPDATE synthetic SET day = day + 400 WHERE status = 'planned' AND p_range < 0.25;

INSERT INTO core.articles (day, article_id, source, url, title, published_at, language, text_clean)
SELECT day, 'art_' || i, CASE WHEN i % 3 = 0 THEN 'wire_hi' ELSE 'wire_en' END,
       'https://news.example/' || i, 'Story ' || i, day::TIMESTAMPTZ + INTERVAL 9 HOUR,
       CASE WHEN i % 3 = 0 THEN 'hi' ELSE 'en' END, 'text ' || i
FROM synthetic;

INSERT INTO core.events
SELECT 'ev_' || s.i, least(c1, c2), greatest(c1, c2),
       CASE WHEN s.cameo IN ('042', '111', '112', '172') THEN c1 END,
       CASE WHEN s.cameo IN ('042', '111', '112', '172') THEN c2 END,
       CASE WHEN s.cameo = '036' THEN '04' ELSE c.root END, s.cameo, c.root, c.goldstein, c.quad_class, c.plover,
       s.status,
       CASE s.date_precision WHEN 'day' THEN strftime(s.day, '%Y-%m-%d') WHEN 'month' THEN strftime(s.day, '%Y-%m')
            ELSE strftime(s.day, '%Y') END,
       CASE WHEN s.date_precision = 'day' AND s.p_range > 0.95 THEN strftime(s.day + 2, '%Y-%m-%d') END,
       s.date_precision,
       CASE s.date_precision WHEN 'day' THEN s.day WHEN 'month' THEN date_trunc('month', s.day)::DATE
            ELSE date_trunc('year', s.day)::DATE END,
       CASE s.date_precision WHEN 'day' THEN s.day + CASE WHEN s.p_range > 0.95 THEN 2 ELSE 0 END
            WHEN 'month' THEN last_day(s.day)
            ELSE (date_trunc('year', s.day) + INTERVAL 1 YEAR - INTERVAL 1 DAY)::DATE END,
       (['head_of_state', 'head_of_government', 'foreign_minister', 'minister', 'official'])[1 + s.i % 5],
       CASE WHEN s.i % 2 = 0 THEN c1 ELSE c2 END,
       CASE WHEN s.i % 17 = 0 THEN 'G20' WHEN s.i % 23 = 0 THEN 'BRICS' END,
       CASE WHEN s.i % 4 = 0 THEN ['trade'] WHEN s.i % 4 = 1 THEN ['defence', 'energy'] ELSE [] END,
       [least(c1, c2), greatest(c1, c2)],
       'ev_' || s.i || ':0', 'art_' || s.i, 'Evidence sentence of event ' || s.i,
       s.mentions, s.mentions, 1 + s.mentions // 2,
       s.day::TIMESTAMPTZ + INTERVAL 9 HOUR, s.day::TIMESTAMPTZ + INTERVAL 9 HOUR,
       -- the evidence article's fields, as the load copies them from core.articles
       'Story ' || s.i, 'https://news.example/' || s.i, CASE WHEN s.i % 3 = 0 THEN 'wire_hi' ELSE 'wire_en' END,
       CASE WHEN s.i % 3 = 0 THEN 'hi' ELSE 'en' END, s.day::TIMESTAMPTZ + INTERVAL 9 HOUR,
       c.name
FROM synthetic s JOIN core.cameo_codes c USING (cameo);

INSERT INTO core.event_mentions (day, event_id, article_id, mention_id, actor1, actor2, cameo, root, status,
                                 event_date, date_precision)
SELECT s.day, 'ev_' || s.i, 'art_' || s.i, 'ev_' || s.i || ':' || k, least(c1, c2), greatest(c1, c2),
       s.cameo, left(s.cameo, 2), s.status, strftime(s.day, '%Y-%m-%d'), s.date_precision
FROM synthetic s, range(s.mentions) AS r(k);
"""

QUERIES = {
    "country_partner_daily, one country, one month": (
        "SELECT * FROM reporting.country_partner_daily WHERE country = 'IND'"
        " AND date BETWEEN '2025-06-01' AND '2025-06-30'"
    ),
    "country_partner_monthly, one pair, the year": (
        "SELECT * FROM reporting.country_partner_monthly WHERE country = 'RUS' AND partner = 'IND'"
    ),
    "country_partner_yearly, all rows": "SELECT * FROM reporting.country_partner_yearly",
    "country_partners_between('IND', year)": (
        "SELECT * FROM reporting.country_partners_between('IND', '2025-01-01', '2025-12-31')"
    ),
    "country_partners_between('ind', one quarter)": (
        "SELECT * FROM reporting.country_partners_between('ind', '2025-04-01', '2025-06-30')"
    ),
    "pair_timeline('IND', 'RUS', year, month)": (
        "SELECT * FROM reporting.pair_timeline('IND', 'RUS', '2025-01-01', '2025-12-31')"
    ),
    "pair_timeline('IND', 'RUS', year, day)": (
        "SELECT * FROM reporting.pair_timeline('IND', 'RUS', '2025-01-01', '2025-12-31', grain := 'day')"
    ),
    "country_partners (30/90/365), one country": "SELECT * FROM reporting.country_partners WHERE country = 'IND'",
    "upcoming_engagements": "SELECT * FROM reporting.upcoming_engagements",
    "engagements_from('2025-12-01')": "SELECT * FROM reporting.engagements_from('2025-12-01')",
    "events_with_evidence, one pair": (
        "SELECT * FROM reporting.events_with_evidence WHERE actor1 = 'IND' AND actor2 = 'RUS'"
    ),
    "events_with_evidence, latest 200": (
        "SELECT * FROM reporting.events_with_evidence ORDER BY date_start DESC, event_id LIMIT 200"
    ),
    "dyad_monthly, all rows": "SELECT * FROM reporting.dyad_monthly",
    "dyad_daily, one pair": "SELECT * FROM reporting.dyad_daily WHERE actor1 = 'IND' AND actor2 = 'RUS'",
}


def build(path: Path, events_per_day: int) -> dict[str, int]:
    con = open_for_writing(path)
    replace_reference_tables(con)
    codes, weights = zip(*CAMEO_MIX, strict=True)
    started = time.perf_counter()
    params = {
        "codes": list(codes),
        "weights": list(weights),
        "per_day": events_per_day,
        "total": 365 * events_per_day,
        "countries": COUNTRIES,
    }
    con.execute("SELECT setseed(0.42)")
    for statement in filter(str.strip, SYNTHETIC_EVENTS.replace("{start}", YEAR_START).split(";\n")):
        con.execute(statement, {name: value for name, value in params.items() if f"${name}" in statement})
    counts = dict(
        zip(
            ("events", "event_mentions", "pairs", "seconds_to_build"),
            con.execute(
                "SELECT (SELECT count(*) FROM core.events), (SELECT count(*) FROM core.event_mentions),"
                " (SELECT count(DISTINCT (actor1, actor2)) FROM core.events), 0"
            ).fetchone(),
            strict=True,
        )
    )
    counts["seconds_to_build"] = round(time.perf_counter() - started, 1)
    con.execute("CHECKPOINT")
    con.close()
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events-per-day", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--published",
        action="store_true",
        help="query the file as publish leaves it (reporting.MATERIALIZED_VIEWS computed as tables)",
    )
    args = parser.parse_args()
    import duckdb

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "bench.duckdb"
        counts = build(path, args.events_per_day)
        print(
            f"synthetic warehouse: {counts['events']:,} events, {counts['event_mentions']:,} event mentions,"
            f" {counts['pairs']:,} pairs, built in {counts['seconds_to_build']} s; duckdb {duckdb.__version__}"
        )
        if args.published:
            started = time.perf_counter()
            with duckdb.connect(str(path)) as con:
                materialize_views(con)
            seconds = time.perf_counter() - started
            print(f"materialized {', '.join(MATERIALIZED_VIEWS)} as publish does in {seconds:.1f} s")
        with open_reader(path) as con:
            print_query_times(con, args.rounds)
    return 0


def print_query_times(con, rounds: int) -> float:
    """Time every query of QUERIES on ``con`` (one warm-up, then ``rounds``); print and return the
    slowest median in ms. Shared with airflow_scale_bench.py, which runs it on a pipeline's output."""
    print(f"{'query':<52} {'rows':>7} {'median ms':>10} {'best ms':>8}")
    slowest = 0.0
    for name, sql in QUERIES.items():
        rows = len(con.execute(sql).fetchall())
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            con.execute(sql).fetchall()
            times.append((time.perf_counter() - started) * 1000)
        median = statistics.median(times)
        slowest = max(slowest, median)
        print(f"{name:<52} {rows:>7} {median:>10.1f} {min(times):>8.1f}")
    print(f"slowest median: {slowest:.1f} ms (target <= 200 ms)")
    return slowest


if __name__ == "__main__":
    raise SystemExit(main())
