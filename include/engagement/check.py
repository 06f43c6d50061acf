"""check: data-quality assertions on one day of the warehouse, read-only.

Every check runs, then all failures are raised together in one DataQualityError, so the Airflow
task fails visibly with the full list instead of stopping at the first problem.
"""

from __future__ import annotations

from datetime import date

from engagement.config import Settings
from engagement.stages import PermanentFailure
from engagement.staging import PROCESSING_ERRORS
from engagement.warehouse.checks import CHECKS, staging_counts
from engagement.warehouse.connect import connect
from engagement.warehouse.shrink import describe, lost_since_published

PUBLISHED_ALIAS = "published_copy"


class DataQualityError(PermanentFailure):
    """One or more data-quality checks failed; ``failures`` lists each with its count."""

    def __init__(self, day: date, failures: list[str]):
        self.failures = failures
        listing = "\n".join(f"  - {failure}" for failure in failures)
        super().__init__(f"{len(failures)} data-quality check(s) failed for {day}:\n{listing}")


def run(day: date, settings: Settings) -> dict:
    """Run every check for ``day``; raise DataQualityError listing all failures."""
    # capped like aggregate's: the uniqueness checks group whole tables (2.2 GB uncapped at 1M a day)
    con = connect(settings.warehouse_path, read_only=True, memory_limit=settings.duckdb_memory_limit)
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
        errors = _processing_errors(con, day, settings)
        if errors:
            failures.append(errors)
        else:
            passed.append("processing_error_share")
        lost = _lost_since_published(con, day, settings)
        if lost:
            failures.append(f"no_unexplained_shrink: {describe(day, lost, 'the published copy')}")
        else:
            passed.append("no_unexplained_shrink")
    finally:
        con.close()
    if failures:
        raise DataQualityError(day, failures)
    return {"day": day.isoformat(), "checks_passed": passed, "checks": len(passed)}


def _processing_errors(con, day: date, settings: Settings) -> str | None:
    """A failure line when too many of the day's articles hit an exception in our own code.

    Each such article is quarantined with its reason and the day goes on, which is right for one
    poison article; but a bug that hits every article of a kind would otherwise hide in a run that
    succeeds.
    """
    errors, articles = con.execute(
        "SELECT (SELECT count(DISTINCT article_id) FROM core.quarantine"
        " WHERE day = $day AND list_contains($reasons, reason)),"
        " (SELECT count(*) FROM core.articles WHERE day = $day AND duplicate_of IS NULL)",
        {"day": day, "reasons": list(PROCESSING_ERRORS)},
    ).fetchone()
    if errors < settings.error_count_floor or errors <= settings.error_share_limit * articles:
        return None
    reasons = ", ".join(PROCESSING_ERRORS)
    return (
        f"processing_error_share: {errors} of {articles} article(s) quarantined with {reasons}"
        f" (limit {settings.error_share_limit:.0%}, at least {settings.error_count_floor});"
        " see core.quarantine"
    )


def _lost_since_published(con, day: date, settings: Settings) -> list[str]:
    """Articles the published copy holds for ``day`` that the warehouse no longer has."""
    if not settings.published_path.exists():
        return []
    con.execute("ATTACH ? AS published_copy (READ_ONLY)", [str(settings.published_path)])
    try:
        return lost_since_published(con, day, PUBLISHED_ALIAS)
    finally:
        con.execute(f"DETACH {PUBLISHED_ALIAS}")
