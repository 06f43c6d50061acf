"""
## bilateral_engagement

Turns one day of news (Hindi and English) into bilateral diplomatic-engagement metrics in DuckDB.

```
fetch (one mapped task per source) → ingest → clean[shard] → dedupe
      → extract_entities[shard] → detect_events[shard] → aggregate → check → publish
```

`[shard]`: a mapped task, one instance per shard of the day's articles (`ENGAGEMENT_SHARD_SIZE`,
default 5,000); ingest and dedupe hand the shard envelopes on through XCom (docs/sharding.md).

* **fetch**: pulls each enabled feed into the raw landing zone (content-addressed, with a manifest);
  a broken source fails alone. File-drop sources need no fetching.
* **ingest**: reads the landing folder and the raw store (never the network) and keeps the
  articles published on the run's day (UTC); bad records go to quarantine with a reason.
* **clean** (per shard): normalisation, "also read"/byline/caption removal, language
  identification, and each article's MinHash signature.
* **dedupe** (whole day): exact and near-duplicate copies across all shards, from the signatures.
* **extract_entities**: rule-based spaCy pipelines per language fed by the knowledge base.
* **detect_events**: CAMEO-coded event mentions with status, event date, level, forum, topics
  and the evidence sentence.
* **aggregate**: replaces the day's partition in the warehouse and re-clusters event mentions
  into events (one happening counted once, however many articles report it).
* **check**: data-quality assertions; a failure stops the run before anything is published.
* **publish**: atomically replaces the read-only reporting copy that BI tools open. In a
  backfill, a day whose checked data another run's pending publish will copy skips (the log
  names that run): the copy is incremental, so one publish serves the days loaded before it.

The run's day is its logical date (see `engagement.partitions`); every task works on that day
only and replaces its outputs, so re-running or backfilling a date is safe. Tasks pass the day
and shard envelopes through XCom, never data; each result also holds the task's seconds and
peak RSS. `ingest` runs in the one-slot `landing_scan` pool, so days run side by side never read
the same new landing drops twice. Tasks that touch the DuckDB warehouse run in the one-slot
`duckdb_writer` pool so the file has one writer at a time, and on the `duckdb` Celery queue, served only by the
worker that owns the warehouse volume (docs/celery.md).
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from airflow.sdk import Asset, CronDataIntervalTimetable, dag, get_current_context, task
from engagement.sources.config import FETCH_TASK_TIMEOUT

# Pools (include/config/pools.json, one slot each): the DuckDB writers, and the landing scan,
# which ingests of days run side by side would otherwise each repeat over the same new drops.
DUCKDB_POOL = "duckdb_writer"
LANDING_POOL = "landing_scan"
# XCom key of every stage task's full result (counts, seconds, peak RSS); a fan-out task's
# return value is its list of shard envelopes, which the mapped task after it expands over.
COUNTS_KEY = "stage_counts"


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


def _log_counts(step: str, counts: dict) -> dict:
    """Log a task's numbers in one readable line for the task log (``<step> <day>: {...}``)."""
    import logging

    logging.getLogger("engagement").info("%s %s: %s", step, counts.get("day"), counts)
    return counts


def _run_stage(name: str, stage_run: dict) -> dict:
    """Run one stage for the envelope from XCom and log its counts in one line; the counts (with
    the next envelopes, seconds and peak RSS) go to XCom under COUNTS_KEY."""
    from airflow.sdk.exceptions import AirflowFailException
    from engagement.stages import PermanentFailure, run_stage, stage_named, yield_to_warehouse
    from engagement.staging import StageRun

    stage, settings = stage_named(name), _settings()
    yield_to_warehouse(stage, settings)  # a task is its own process: only this shard's
    try:
        counts = run_stage(stage, StageRun.from_dict(stage_run), settings)
    except PermanentFailure as exc:  # lost articles, failed checks: a retry would fail the same way
        raise AirflowFailException(str(exc)) from exc
    result = _log_counts(name, counts)
    get_current_context()["ti"].xcom_push(key=COUNTS_KEY, value=result)
    return result


def _day_of(upstream) -> dict:
    """The day's envelope from an upstream result, or from the results of its mapped shards."""
    first = upstream if isinstance(upstream, dict) else next(iter(upstream))
    return {"day": first["day"]}


def _skip_if_carried(envelope: dict) -> None:
    """In a backfill, leave publishing to a run whose checked data waits for its own publish
    (``engagement.publish.carrying_run``): it copies this day too, so one file copy serves both."""
    from airflow.sdk.exceptions import AirflowSkipException
    from engagement.publish import carrying_run

    context = get_current_context()
    run = context["dag_run"]
    if run.run_type != "backfill":
        return
    states = context["ti"].get_task_states(dag_id=run.dag_id, task_ids=["check", "publish"])
    carrier = carrying_run(states, run.run_id)
    if carrier:
        raise AirflowSkipException(f"publish {envelope['day']}: {carrier}'s publish will copy this checked day")


def _run_day() -> dict:
    from engagement.partitions import day_of_run

    return {"day": day_of_run(get_current_context()["logical_date"]).isoformat()}


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

    @task(trigger_rule="all_done", pool=LANDING_POOL)
    def ingest(fetched) -> list[dict]:
        """Select the day's articles from the landing folder and raw store, in shards."""
        return _run_stage("ingest", _run_day())["runs"]

    @task
    def clean(stage_run: dict) -> dict:
        """One shard: normalise, strip boilerplate, identify language, sign for dedupe."""
        return _run_stage("clean", stage_run)

    @task
    def dedupe(cleaned) -> list[dict]:
        """The whole day: exact and near-duplicate copies, from the shards' signatures."""
        return _run_stage("dedupe", _day_of(cleaned))["runs"]

    @task
    def extract_entities(stage_run: dict) -> dict:
        """One shard: entity mentions with offsets into the cleaned text."""
        return _run_stage("extract_entities", stage_run)

    @task
    def detect_events(stage_run: dict) -> dict:
        """One shard: CAMEO-coded event mentions with their evidence sentences."""
        return _run_stage("detect_events", stage_run)

    @task(pool=DUCKDB_POOL, queue=DUCKDB_QUEUE)
    def aggregate(detected) -> dict:
        """Load every shard's parts into the day's DuckDB partition and re-cluster events."""
        return _run_stage("aggregate", _day_of(detected))

    @task(pool=DUCKDB_POOL, queue=DUCKDB_QUEUE)
    def check(aggregated: dict) -> dict:
        """Data-quality assertions; fails visibly and blocks publishing."""
        return _run_stage("check", _day_of(aggregated))

    @task(pool=DUCKDB_POOL, queue=DUCKDB_QUEUE, outlets=[REPORTING_DB])
    def publish(checked: dict) -> dict:
        """Atomically replace the read-only reporting copy for BI tools (in a backfill, unless
        another run's publish will copy this day: it then skips, saying which)."""
        _skip_if_carried(_day_of(checked))
        counts = _run_stage("publish", _day_of(checked))
        get_current_context()["outlet_events"][REPORTING_DB].extra = {
            k: v for k, v in counts.items() if isinstance(v, str | int | float)
        }
        return counts

    fetched = fetch.expand(source_name=list_sources())
    shards = ingest(fetched)
    deduped_shards = dedupe(clean.expand(stage_run=shards))
    detected = detect_events.expand(stage_run=extract_entities.expand(stage_run=deduped_shards))
    publish(check(aggregate(detected)))


bilateral_engagement()
