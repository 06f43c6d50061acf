"""Airflow local settings: preload the pipeline's stage modules in the scheduler.

The LocalExecutor forks every task process from the scheduler, so modules imported here once
(polars, DuckDB, spaCy, the knowledge-base code) are not imported again by each task: measured
on a backfill of the demo corpus, stage tasks dropped from ~4 s to under 1 s and a day from
~9-15 s to ~6-9 s (docs/backfill.md). Airflow imports this module from ``include/``, which the
project's editable install puts on the path; other Airflow processes import nothing extra.
"""

import sys


def _preload_stages() -> None:
    import engagement.sources.config  # noqa: F401
    from engagement.stages import STAGES

    for stage in STAGES:
        stage.load()


if sys.argv[1:2] == ["scheduler"]:
    _preload_stages()
