"""Run the bilateral_engagement DAG through Airflow (``dag.test``) for each given day, in order.

Used by the demo command: each day becomes a real DAG run in Airflow's metadata database (so
the UI shows them), executed by Airflow's task runner in this one process, one run at a time.
That keeps the SQLite metadata database of the quick demo safe (no scheduler, no backfill
racing it). Exit status 1 if any run does not succeed.

``dag.test`` alone leaves runs that read badly in the UI, so this runner completes them:

* task logs: in-process tasks write no log file, so every log record emitted inside a task is
  also written, as Airflow's JSON log lines, to the file the api-server's log reader opens for
  that try (``[logging] base_log_folder`` / ``log_filename_template``);
* run id: ``manual__<day>T00:00:00+00:00`` (``run_after`` is the day, not the wall clock);
* start date and data interval: ``dag.test`` records the logical date as the run's start (a
  duration of weeks) and a manual run's inferred interval [D-1, D); the run is given its first
  task's start and the interval [D, D+1) a scheduled or backfill run of day D has.

Usage: python scripts/run_dag_days.py 2025-11-03 2025-11-04 ...   (or --from-landing)
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from datetime import UTC, date, datetime
from pathlib import Path

DAG_ID = "bilateral_engagement"


class TaskLogFiles(logging.Handler):
    """Copies each record logged inside a running task to that task try's Airflow log file."""

    def __init__(self, base_folder: Path, filename_template: str):
        super().__init__(level=logging.INFO)
        from jinja2 import Template

        self.base_folder = base_folder
        self.template = Template(filename_template)
        self.started: set[Path] = set()  # files begun by this process: a re-run day starts afresh
        self.setFormatter(logging.Formatter("%(message)s"))  # message plus any traceback

    def emit(self, record: logging.LogRecord) -> None:
        from airflow.sdk import get_current_context

        try:
            ti = get_current_context()["ti"]
        except RuntimeError:  # not inside a task: dag.test's own bookkeeping
            return
        try:
            path = self.base_folder / self.template.render(ti=ti, try_number=ti.try_number)
            line = {
                "timestamp": datetime.fromtimestamp(record.created, UTC).isoformat(),
                "level": record.levelname.lower(),
                "logger": record.name,
                "event": self.format(record),
            }
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("w" if path not in self.started else "a", encoding="utf-8") as out:
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
            self.started.add(path)
        except Exception:  # a log file that cannot be written must not fail the task
            self.handleError(record)


def task_log_files() -> TaskLogFiles:
    from airflow.configuration import conf

    return TaskLogFiles(Path(conf.get("logging", "base_log_folder")), conf.get("logging", "log_filename_template"))


def complete_run(run_id: str, day: date) -> None:
    """Give a dag.test run its real start (first task's) and the day's interval [D, D+1)."""
    from airflow.models.dagrun import DagRun
    from airflow.models.taskinstance import TaskInstance
    from airflow.utils.session import create_session
    from engagement.partitions import day_window
    from sqlalchemy import func, select, update

    start, end = day_window(day)
    with create_session() as session:
        first_start = session.scalar(
            select(func.min(TaskInstance.start_date)).where(
                TaskInstance.dag_id == DAG_ID, TaskInstance.run_id == run_id
            )
        )
        values = {"data_interval_start": start, "data_interval_end": end}
        if first_start is not None:
            values["start_date"] = first_start
        session.execute(update(DagRun).where(DagRun.dag_id == DAG_ID, DagRun.run_id == run_id).values(**values))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("days", nargs="*", type=date.fromisoformat)
    parser.add_argument(
        "--from-landing",
        action="store_true",
        help="every day that has articles in the landing folder",
    )
    args = parser.parse_args()

    from airflow.dag_processing.dagbag import DagBag
    from engagement.config import load_settings
    from engagement.ingest import landing_days
    from engagement.partitions import day_window

    days = sorted(set(args.days) | (set(landing_days(load_settings())) if args.from_landing else set()))
    if not days:
        parser.error("no days given and none found in the landing folder")
    dags_folder = Path(__file__).resolve().parents[1] / "dags"
    bag = DagBag(dag_folder=dags_folder, safe_mode=False)
    if bag.import_errors:
        for path, error in bag.import_errors.items():
            print(f"import error in {path}:\n{error}", file=sys.stderr)
        return 1
    dag = bag.dags[DAG_ID]
    logging.getLogger().addHandler(task_log_files())
    failed = []
    for day in days:
        logical_date = day_window(day)[0]
        run = dag.test(logical_date=logical_date, run_after=logical_date)
        complete_run(run.run_id, day)
        state = str(getattr(run, "state", run))
        print(f"run {DAG_ID} {day}: {state} ({run.run_id})", flush=True)
        if "success" not in state:
            failed.append(day)
    if failed:
        print(f"{len(failed)} run(s) did not succeed: {', '.join(map(str, failed))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
