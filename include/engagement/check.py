"""check: data-quality assertions on one day of the warehouse, read-only.

Every check runs, then all failures are raised together in one DataQualityError, so the Airflow
task fails visibly with the full list instead of stopping at the first problem.
"""

from __future__ import annotations

from datetime import date

from engagement.config import Settings
from engagement.warehouse.checks import CHECKS, staging_counts
from engagement.warehouse.connect import connect


class DataQualityError(RuntimeError):
    """One or more data-quality checks failed; ``failures`` lists each with its count."""

    def __init__(self, day: date, failures: list[str]):
        self.failures = failures
        listing = "\n".join(f"  - {failure}" for failure in failures)
        super().__init__(f"{len(failures)} data-quality check(s) failed for {day}:\n{listing}")


def run(day: date, settings: Settings) -> dict:
    """Run every check for ``day``; raise DataQualityError listing all failures."""
    con = connect(settings.warehouse_path, read_only=True)
    try:
        con.execute("CREATE TEMP TABLE staging_counts (tbl VARCHAR, expected BIGINT)")
        con.executemany("INSERT INTO staging_counts VALUES (?, ?)", list(staging_counts(settings, day).items()))
        passed, failures = [], []
        for check in CHECKS:
            params = {"day": day} if "$day" in check.sql else {}
            bad = con.execute(check.sql, params).fetchone()[0]
            if bad:
                failures.append(f"{check.name}: {bad} offending row(s) — {check.description}")
            else:
                passed.append(check.name)
    finally:
        con.close()
    if failures:
        raise DataQualityError(day, failures)
    return {"day": day.isoformat(), "checks_passed": passed, "checks": len(passed)}
