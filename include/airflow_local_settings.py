"""Airflow local settings: preload the pipeline's stage modules in the scheduler.

The LocalExecutor forks every task process from the scheduler, so modules imported here once
(polars, DuckDB, spaCy, the knowledge-base code) are not imported again by each task: measured
on a backfill of the demo corpus, stage tasks dropped from ~4 s to under 1 s and a day from
~9-15 s to ~6-9 s (docs/backfill.md). A stage module may also ``warm(settings)``: build its
per-process resources (spaCy pipelines, the coder's knowledge base and compiled triggers) here,
once, instead of in every task; they are keyed by the KB files' fingerprint, so a task after an
edit to the override folder builds its own. Airflow imports this module from ``include/``, which
the project's editable install puts on the path; other Airflow processes import nothing extra.
"""

import logging
import sys


def _preload_stages() -> None:
    import engagement.sources.config  # noqa: F401
    from engagement.config import load_settings
    from engagement.stages import STAGES

    modules = [stage.load() for stage in STAGES]
    try:
        settings = load_settings()
        for module in modules:
            if hasattr(module, "warm"):
                module.warm(settings)
    except Exception:  # noqa: BLE001 - a cold task is slower, never wrong: the scheduler must start
        logging.getLogger(__name__).exception("engagement: warming the stages failed; tasks build their own")


if sys.argv[1:2] == ["scheduler"]:
    _preload_stages()
