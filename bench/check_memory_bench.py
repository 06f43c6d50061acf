"""Peak RSS and time of ``check``'s queries on an existing warehouse or published file.

``check`` needs the day's staging to run whole; its memory is in the whole-table uniqueness and
integrity queries, which this runs alone, read-only, with the buffer-pool cap the stage uses.

    .venv/bin/python bench/check_memory_bench.py FILE.duckdb --day 2025-03-05 [--memory-limit 1GB]
"""

from __future__ import annotations

import argparse
import resource
import time
from datetime import date
from pathlib import Path

from engagement.check import CHECKS
from engagement.warehouse.connect import connect


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--day", type=date.fromisoformat, required=True)
    parser.add_argument("--memory-limit", default="1GB", help="ENGAGEMENT_DUCKDB_MEMORY_LIMIT; '' for none")
    args = parser.parse_args()
    con = connect(args.database, read_only=True, memory_limit=args.memory_limit)
    con.execute("CREATE TEMP TABLE staging_counts (tbl VARCHAR, expected BIGINT)")
    started = time.perf_counter()
    for check in CHECKS:
        con.execute(check.sql, {"day": args.day} if "$day" in check.sql else {}).fetchone()
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    limit = args.memory_limit or "none"
    print(f"{len(CHECKS)} checks in {seconds:.1f} s, peak RSS {peak:,.0f} MB (memory limit {limit})")


if __name__ == "__main__":
    main()
