"""
## bilateral_engagement

Turns one day of news (Hindi and English) into bilateral diplomatic-engagement metrics in DuckDB.

```
fetch (one mapped task per source) → ingest → clean → extract_entities → detect_events
      → aggregate → check → publish
```

* **fetch**: pulls each enabled feed into the raw landing zone (content-addressed, with a manifest);
  a broken source fails alone. File-drop sources need no fetching.
* **ingest**: reads the landing folder and the raw store (never the network) and keeps the
  articles published on the run's day (UTC); bad records go to quarantine with a reason.
* **clean**: normalisation, "also read"/byline/caption removal, language identification,
  exact and near-duplicate detection.
* **extract_entities**: rule-based spaCy pipelines per language fed by the knowledge base.
* **detect_events**: CAMEO-coded event mentions with status, event date, level, forum, topics
  and the evidence sentence.
* **aggregate**: replaces the day's partition in the warehouse and re-clusters event mentions
  into events (one happening counted once, however many articles report it).
* **check**: data-quality assertions; a failure stops the run before anything is published.
* **publish**: atomically replaces the read-only reporting copy that BI tools open.

The run's day is its logical date (see `engagement.partitions`); every task works on that day
only and replaces its outputs, so re-running or backfilling a date is safe. Tasks pass the day
key and file paths through XCom, never data. Tasks that touch the DuckDB warehouse run in the
one-slot `duckdb_writer` pool so the file has one writer at a time, and on the `duckdb` Celery
queue, served only by the worker that owns the warehouse volume (docs/celery.md).
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import Asset, CronDataIntervalTimetable, dag, get_current_context, task
from engagement.sources.config import FETCH_TASK_TIMEOUT

DUCKDB_POOL = "duckdb_writer"


def _settings():
    from engagement.config import load_settings

    return load_settings()


# The published reporting database, as an asset whose URI is the real file (Settings decide where:
# data/published/ locally, the mounted volume in Docker): each publish records an asset event
# whose extra holds the day and the row counts, so the UI's Assets view shows what BI tools see.
# Its name is its URI: Airflow deactivates an asset whose name another asset already has, so a
# fixed name would stop publish after the data folder moved (or after the old placeholder URI).
REPORTING_DB = Asset(uri=_settings().published_path.as_uri())
DUCKDB_QUEUE = _settings().duckdb_queue


def _log_counts(stage: str, counts: dict) -> dict:
    """Log a stage's numbers in one readable line for the task log, and pass them on via XCom."""
    import logging

    shown = {k: v for k, v in counts.items() if k != "paths"}
    logging.getLogger("engagement").info("%s %s: %s", stage, counts.get("day"), shown)
    return counts


@dag(
    dag_id="bilateral_engagement",
    schedule=CronDataIntervalTimetable("0 0 * * *", timezone="UTC"),
    start_date=pendulum.datetime(2025, 11, 1, tz="UTC"),
    catchup=False,  # history is loaded with `airflow backfill create`, not by catch-up
    max_active_runs=3,  # days run side by side; the duckdb_writer pool serialises DuckDB access
    default_args={
        "owner": "engagement",
        "retries": 2,
        "retry_delay": timedelta(seconds=30),
        "retry_exponential_backoff": True,
        "execution_timeout": timedelta(hours=2),  # a stuck task fails visibly, never hangs
    },
    tags=["engagement", "news", "duckdb"],
    doc_md=__doc__,
)
def bilateral_engagement():
    @task
    def list_sources() -> list[str]:
        """Enabled sources that need fetching (feeds); file drops are read by ingest directly."""
        from engagement.partitions import day_of_run
        from engagement.sources.config import fetchable_sources

        names = fetchable_sources(_settings())
        day = day_of_run(get_current_context()["logical_date"]).isoformat()
        _log_counts("list_sources", {"day": day, "sources": len(names), "names": names})
        return names

    # Bounded by the longest source_deadline sources.yaml allows, plus storing and parsing.
    @task(max_active_tis_per_dagrun=2, execution_timeout=FETCH_TASK_TIMEOUT)
    def fetch(source_name: str) -> dict:
        """Fetch one source into the raw landing zone."""
        from engagement.partitions import day_of_run
        from engagement.sources.fetch import fetch_for_run

        day = day_of_run(get_current_context()["logical_date"])
        return _log_counts(f"fetch[{source_name}]", fetch_for_run(source_name, day, _settings()))

    @task(trigger_rule="all_done")
    def ingest(fetched) -> dict:
        """Select the day's articles from the landing folder and raw store."""
        from engagement import ingest as stage
        from engagement.partitions import day_of_run

        day = day_of_run(get_current_context()["logical_date"])
        return _log_counts("ingest", {"day": day.isoformat(), **stage.run(day, _settings())})

    @task
    def clean(ingested: dict) -> dict:
        """Normalise, strip boilerplate, identify language, drop duplicates."""
        from engagement import clean as stage
        from engagement.partitions import parse_day

        day = parse_day(ingested["day"])
        return _log_counts("clean", {"day": ingested["day"], **stage.run(day, _settings())})

    @task
    def extract_entities(cleaned: dict) -> dict:
        """Entity mentions with offsets into the cleaned text."""
        from engagement import extract_entities as stage
        from engagement.partitions import parse_day

        return _log_counts("extract_entities", stage.run(parse_day(cleaned["day"]), _settings()))

    @task
    def detect_events(extracted: dict) -> dict:
        """CAMEO-coded event mentions with their evidence sentences."""
        from engagement import detect_events as stage
        from engagement.partitions import parse_day

        return _log_counts("detect_events", stage.run(parse_day(extracted["day"]), _settings()))

    @task(pool=DUCKDB_POOL, queue=DUCKDB_QUEUE)
    def aggregate(detected: dict) -> dict:
        """Replace the day's partition in DuckDB and re-cluster events."""
        from engagement import aggregate as stage
        from engagement.partitions import parse_day

        day = detected["day"]
        return _log_counts("aggregate", {"day": day, **stage.run(parse_day(day), _settings())})

    @task(pool=DUCKDB_POOL, queue=DUCKDB_QUEUE)
    def check(aggregated: dict) -> dict:
        """Data-quality assertions; fails visibly and blocks publishing."""
        from engagement import check as stage
        from engagement.partitions import parse_day

        day = aggregated["day"]
        return _log_counts("check", {"day": day, **stage.run(parse_day(day), _settings())})

    @task(pool=DUCKDB_POOL, queue=DUCKDB_QUEUE, outlets=[REPORTING_DB])
    def publish(checked: dict) -> dict:
        """Atomically replace the read-only reporting copy for BI tools."""
        from engagement import publish as stage
        from engagement.partitions import parse_day

        day = checked["day"]
        counts = _log_counts("publish", {"day": day, **stage.run(parse_day(day), _settings())})
        get_current_context()["outlet_events"][REPORTING_DB].extra = {
            k: v for k, v in counts.items() if isinstance(v, str | int | float)
        }
        return counts

    fetched = fetch.expand(source_name=list_sources())
    publish(check(aggregate(detect_events(extract_entities(clean(ingest(fetched)))))))


bilateral_engagement()
