"""The seed article through the real DAG (Airflow's dag.test) into the published DuckDB file."""

from __future__ import annotations

import duckdb
import pytest

from tests.conftest import SEED, require_shared
from tests.integration.airflow_runs import POOLS_FILE, airflow, airflow_env, run_days, table_checksums

pytestmark = pytest.mark.integration

DAY = "2025-11-17"


@pytest.fixture(scope="module")
def seeded_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("seed-run")
    landing = root / "landing"
    landing.mkdir()
    body = require_shared(SEED).read_text(encoding="utf-8")
    # The seed is plain text; front matter gives it the fields the gold file states.
    (landing / "seed_000.txt").write_text(
        "---\nid: seed-000\nurl: https://example.org/seed-000\ntitle: Lavrov-Jaishankar talks\n"
        f"published: {DAY}T09:00:00+05:30\nlanguage: hi\nsource: seed\n---\n{body}",
        encoding="utf-8",
    )
    env = airflow_env(root / "airflow", root / "data", landing)
    airflow(env, "db", "migrate")
    airflow(env, "pools", "import", str(POOLS_FILE))
    run_days(env, DAY)
    published = root / "data" / "published" / "engagement_reporting.duckdb"
    first = table_checksums(published)
    return env, published, first


def _query(path, sql):
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_ind_rus_talks_with_both_ministers_and_evidence(seeded_run):
    _, published, _ = seeded_run
    rows = _query(
        published,
        "SELECT e.event_id, e.event_date, e.status, m.actor_mentions, m.evidence_text "
        "FROM core.events e JOIN core.event_mentions m USING (event_id) "
        "WHERE e.actor1 = 'IND' AND e.actor2 = 'RUS' AND e.root = '04' AND e.event_date = '2025-11-17'",
    )
    assert rows, "no IND-RUS consultation on 2025-11-17"
    actors = {a for row in rows for a in row[3]}
    assert {"SERGEY_LAVROV", "S_JAISHANKAR"} <= actors
    evidence = rows[0][4]
    assert "लावरोव" in evidence and "जयशंकर" in evidence and "मॉस्को" in evidence


def test_also_read_pairs_never_reach_the_tables(seeded_run):
    _, published, _ = seeded_run
    pairs = {tuple(r) for r in _query(published, "SELECT DISTINCT actor1, actor2 FROM core.events")}
    assert pairs == {("IND", "RUS")}
    for forbidden in ("CAN", "BHR", "ISR"):
        hits = _query(
            published,
            f"SELECT count(*) FROM reporting.dyad_daily WHERE '{forbidden}' IN (actor1, actor2)",
        )
        assert hits == [(0,)]
    countries = {
        r[0] for r in _query(published, "SELECT DISTINCT country FROM core.mentions WHERE country IS NOT NULL")
    }
    assert countries == {"IND", "RUS"}


def test_article_and_quarantine_accounted(seeded_run):
    _, published, _ = seeded_run
    assert _query(published, "SELECT article_id, language, removed_lines FROM core.articles") == [("seed-000", "hi", 2)]


def test_running_the_same_day_again_changes_nothing(seeded_run):
    env, published, first = seeded_run
    run_days(env, DAY)
    assert table_checksums(published) == first
