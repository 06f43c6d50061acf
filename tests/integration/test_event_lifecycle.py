"""An event's life across runs, through every real stage (``engagement run``, the DAG's functions).

The articles in ``tests/fixtures/lifecycle/`` were written for these tests (made-up events,
real office-holders of November 2025). Each test drops them into its own landing folder, runs
the days it needs and asserts on the published DuckDB file that BI users read.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest
from engagement.cli import main
from engagement.config import Settings, load_settings

from tests.integration.airflow_runs import table_checksums

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lifecycle"

ANNOUNCED, HELD = "2025-11-18", "2025-11-20"  # Motegi's visit to New Delhi on 20 November
SAME_MEETING = "2025-11-21"  # Jaishankar-Wadephul talks reported by three outlets
SCO_MEETING = "2025-11-25"  # SCO foreign ministers in Bishkek with two sideline meetings
SCO_MEMBERS_NAMED = {"IND", "CHN", "RUS", "PAK", "IRN", "KAZ", "UZB", "TJK"}
SIDELINE_PAIRS = {("CHN", "IND"), ("IRN", "RUS")}


class Pipeline:
    """One test's landing and data folders; runs days in this process like the DAG would."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def deliver(self, *fixtures: str) -> None:
        """Drop fixture files into the landing folder, as a feed or a newsroom would."""
        for name in fixtures:
            shutil.copy(FIXTURES / name, self.settings.landing_dir / name)

    def run(self, *days: str) -> None:
        for day in days:
            assert main(["run", "--date", day]) == 0

    def query(self, sql: str, params: list | None = None) -> list[tuple]:
        with duckdb.connect(str(self.settings.published_path), read_only=True) as con:
            return con.execute(sql, params or []).fetchall()

    def checksums(self) -> dict:
        return {
            "warehouse": table_checksums(self.settings.warehouse_path),
            "published": table_checksums(self.settings.published_path),
        }

    def pair_events(self, actor1: str, actor2: str) -> list[tuple]:
        """(event_id, status, event_date, mentions, articles, sources) of a pair's events."""
        return self.query(
            "SELECT event_id, status, event_date, mentions, articles, sources FROM core.events "
            "WHERE actor1 = ? AND actor2 = ? ORDER BY event_id",
            [actor1, actor2],
        )


@pytest.fixture
def pipeline(settings) -> Pipeline:
    return Pipeline(settings)


def test_announced_visit_moves_from_planned_to_held_and_its_talks_are_an_event_of_their_own(pipeline):
    pipeline.deliver("visit_announced.jsonl")
    pipeline.run(ANNOUNCED)
    [(event_id, status, event_date, mentions, articles, _)] = pipeline.pair_events("IND", "JPN")
    assert (status, event_date, mentions, articles) == ("planned", "2025-11-20", 1, 1)
    assert pipeline.query(
        "SELECT event_id, status, expected_date FROM reporting.engagements_from(?) "
        "WHERE actor1 = 'IND' AND actor2 = 'JPN'",
        [ANNOUNCED],
    ) == [(event_id, "planned", "2025-11-20")]

    pipeline.deliver("visit_held.jsonl")
    pipeline.run(HELD)
    held = pipeline.pair_events("IND", "JPN")
    # Codebook §2: "arrived ... and held talks" is a visit (the announced one, now held) and talks.
    assert [row for row in held if row[0] == event_id] == [(event_id, "held", "2025-11-20", 2, 2, 2)]
    assert [row[1:] for row in held if row[0] != event_id] == [("held", "2025-11-20", 1, 1, 1)]
    assert pipeline.query(
        "SELECT article_id, status FROM core.event_mentions WHERE event_id = ? ORDER BY article_id",
        [event_id],
    ) == [("lc-en-002", "held"), ("lc-hi-001", "planned")]
    assert pipeline.query(
        "SELECT date, events, held, planned, mentions, articles FROM reporting.dyad_daily "
        "WHERE actor1 = 'IND' AND actor2 = 'JPN'"
    ) == [(date.fromisoformat(HELD), 2, 2, 0, 3, 2)]
    assert pipeline.query(
        "SELECT count(*) FROM reporting.engagements_from(?) WHERE event_id = ?", [ANNOUNCED, event_id]
    ) == [(0,)]

    after_held = pipeline.checksums()
    pipeline.run(ANNOUNCED)
    assert pipeline.pair_events("IND", "JPN") == held
    assert pipeline.checksums() == after_held


def test_details_of_an_announced_visit_add_only_its_talks(pipeline):
    pipeline.deliver("visit_announced_with_programme.jsonl")
    pipeline.run(ANNOUNCED)
    # The visit, and the talks to be held during it (codebook §2); what the two will discuss is
    # one more mention of those talks, and the programmes the countries "may announce" nothing.
    assert pipeline.query(
        "SELECT cameo, status, event_date, mentions, articles FROM core.events ORDER BY cameo"
    ) == [("040", "planned", "2025-11-20", 2, 1), ("042", "planned", "2025-11-20", 1, 1)]


def test_three_outlets_reporting_one_meeting_make_one_event(pipeline):
    pipeline.deliver("same_meeting.jsonl")
    pipeline.run(SAME_MEETING)
    [(event_id, status, event_date, mentions, articles, sources)] = pipeline.query(
        "SELECT event_id, status, event_date, mentions, articles, sources FROM core.events"
        " WHERE actor1 = 'DEU' AND actor2 = 'IND' AND root = '04' AND cameo <> '042'"
    )
    assert (status, event_date, articles, sources) == ("held", SAME_MEETING, 3, 3)
    reported_by = pipeline.query(
        "SELECT DISTINCT a.source, a.language FROM core.event_mentions m "
        "JOIN core.articles a USING (article_id) WHERE m.event_id = ? ORDER BY 1",
        [event_id],
    )
    assert reported_by == [
        ("lc-hindi-daily", "hi"),
        ("lc-hindi-samachar", "hi"),
        ("lc-world-wire", "en"),
    ]
    # A follow-up sentence about the same talks is one more mention of the same event; one outlet
    # adds that Wadephul "is on a two-day visit", the visit the talks were held on (codebook §2).
    talks_mentions = pipeline.query("SELECT count(*) FROM core.event_mentions WHERE event_id = ?", [event_id])
    assert talks_mentions == [(mentions,)] and mentions >= 3
    assert pipeline.query(
        "SELECT cameo, status, articles FROM core.events WHERE actor1 = 'DEU' AND actor2 = 'IND' AND event_id <> ?",
        [event_id],
    ) == [("042", "ongoing", 1)]
    assert pipeline.query(
        "SELECT date, events, held, mentions, articles FROM reporting.dyad_daily "
        "WHERE actor1 = 'DEU' AND actor2 = 'IND'"
    ) == [(date.fromisoformat(SAME_MEETING), 2, 1, mentions + 1, 3)]


def test_rerunning_a_day_leaves_identical_tables(pipeline):
    pipeline.deliver("same_meeting.jsonl", "sco_meeting.jsonl")
    pipeline.run(SAME_MEETING, SCO_MEETING)
    first = pipeline.checksums()
    assert first["published"]["core.events"][0] > 0
    pipeline.run(SAME_MEETING)
    assert pipeline.checksums() == first


@pytest.fixture(scope="module")
def sco_run(tmp_path_factory) -> Pipeline:
    """The SCO article run once for the module's multilateral tests (settings as in conftest)."""
    root = tmp_path_factory.mktemp("sco")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("ENGAGEMENT_DATA_DIR", str(root / "data"))
        env.setenv("ENGAGEMENT_LANDING_DIR", str(root / "landing"))
        (root / "landing").mkdir()
        pipeline = Pipeline(load_settings())
        pipeline.deliver("sco_meeting.jsonl")
        pipeline.run(SCO_MEETING)
    return pipeline


def test_forum_meeting_is_one_event_not_every_member_pair(sco_run):
    plenary = sco_run.query(
        "SELECT forum, participants, status, event_date FROM core.events WHERE len(participants) > 2"
    )
    assert len(plenary) == 1
    forum, participants, status, event_date = plenary[0]
    assert (forum, status, event_date) == ("SCO", "held", SCO_MEETING)
    assert SCO_MEMBERS_NAMED <= set(participants)
    pairs = {tuple(row) for row in sco_run.query("SELECT DISTINCT actor1, actor2 FROM core.events")}
    for only_attended in [
        ("IND", "PAK"),
        ("PAK", "RUS"),
        ("KAZ", "UZB"),
        ("CHN", "PAK"),
        ("IRN", "TJK"),
    ]:
        assert only_attended not in pairs
    assert SIDELINE_PAIRS <= pairs
    assert sco_run.query("SELECT forum, events FROM reporting.dyad_forum WHERE actor1 = 'CHN' AND actor2 = 'IND'") == [
        ("SCO", 1)
    ]
    [(meeting_forum, meeting_date, attending, status)] = sco_run.query(
        "SELECT forum, date_start, participants, status FROM reporting.forum_meetings"
    )
    assert (meeting_forum, meeting_date, status) == ("SCO", date.fromisoformat(SCO_MEETING), "held")
    assert set(attending) == set(participants)


def test_every_sideline_meeting_carries_the_forum(sco_run):
    rows = sco_run.query("SELECT actor1, actor2, forum FROM core.events WHERE len(participants) = 2")
    assert {(a1, a2): forum for a1, a2, forum in rows} == {pair: "SCO" for pair in SIDELINE_PAIRS}


def test_members_that_only_attended_yield_no_pair(sco_run):
    forum_pairs = {(a1, a2) for a1, a2 in sco_run.query("SELECT actor1, actor2 FROM reporting.forum_dyads")}
    assert forum_pairs <= SIDELINE_PAIRS
    daily_pairs = {(a1, a2) for a1, a2 in sco_run.query("SELECT actor1, actor2 FROM reporting.dyad_daily")}
    assert daily_pairs == SIDELINE_PAIRS
