"""Run the bilateral_engagement DAG through Airflow (``dag.test``) for each given day, in order.

Used by the demo command: each day becomes a real DAG run in Airflow's metadata database (so
the UI shows them), executed by Airflow's task runner in this one process, one run at a time.
That keeps the SQLite metadata database of the quick demo safe (no scheduler, no backfill
racing it). Exit status 1 if any run does not succeed.

Usage: python scripts/run_dag_days.py 2025-11-03 2025-11-04 ...   (or --from-landing)
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime, time
from pathlib import Path

DAG_ID = "bilateral_engagement"


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

    days = sorted(
        set(args.days) | (set(landing_days(load_settings())) if args.from_landing else set())
    )
    if not days:
        parser.error("no days given and none found in the landing folder")
    dags_folder = Path(__file__).resolve().parents[1] / "dags"
    bag = DagBag(dag_folder=dags_folder, safe_mode=False)
    if bag.import_errors:
        for path, error in bag.import_errors.items():
            print(f"import error in {path}:\n{error}", file=sys.stderr)
        return 1
    dag = bag.dags[DAG_ID]
    failed = []
    for day in days:
        run = dag.test(logical_date=datetime.combine(day, time.min, tzinfo=UTC))
        state = str(getattr(run, "state", run))
        print(f"run {DAG_ID} {day}: {state}", flush=True)
        if "success" not in state:
            failed.append(day)
    if failed:
        print(
            f"{len(failed)} run(s) did not succeed: {', '.join(map(str, failed))}", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
