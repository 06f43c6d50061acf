"""The seed article's six events (../shared/gold/seed_000.json): pair, family, status, date."""

from __future__ import annotations

import json
from datetime import date

import pytest
from engagement.extract import extract_article

from tests.conftest import SEED_GOLD, SHARED, require_shared


@pytest.fixture(scope="module")
def seed():
    gold = json.loads(require_shared(SEED_GOLD).read_text(encoding="utf-8"))
    text = require_shared(SHARED / gold["source_file"]).read_text(encoding="utf-8")
    events = extract_article(text, gold["language"], date.fromisoformat(gold["published"]))["events"]
    return gold, events


def _family(cameo: str) -> str:
    return "04" if cameo == "036" else cameo[:2]


def _matches(gold: dict, got: dict) -> bool:
    pair = sorted(gold.get("actors") or [gold["source"], gold["target"]])
    families = {_family(c) for c in gold["cameo_accept"]}
    status_ok = (
        got["status"] in ("held", "ongoing", "planned")
        if gold["status"] == "held_or_scheduled_same_day"
        else got["status"] == gold["status"]
    )
    return (
        got["actors"] == pair
        and _family(got["cameo"]) in families
        and status_ok
        and got["date"].startswith(gold["date"])
        and got["date_precision"] == gold["date_precision"]
    )


@pytest.mark.parametrize("event_id", ["E1", "E2", "E3", "E4", "E5", "E6"])
def test_every_seed_event_is_coded_with_pair_family_status_and_date(seed, event_id):
    gold, events = seed
    wanted = next(e for e in gold["events"] if e["id"] == event_id)
    assert any(_matches(wanted, got) for got in events), (wanted["what"], events)


def test_seed_yields_exactly_its_six_events(seed):
    gold, events = seed
    assert len(events) == len(gold["events"])


def test_seed_directed_events_point_from_visitor_to_host(seed):
    _, events = seed
    visits = {(e["source"], e["target"], e["date"][:7]) for e in events if e["cameo"] == "042"}
    assert {("RUS", "IND", "2025-12"), ("IND", "RUS", "2025-08"), ("RUS", "IND", "2021")} <= visits


def test_seed_produces_nothing_from_its_also_read_lines(seed):
    gold, events = seed
    forbidden_pairs = [sorted(x["actors"]) for x in gold["must_not_produce"] if "actors" in x]
    forbidden_forums = {x["forum"] for x in gold["must_not_produce"] if "forum" in x}
    assert not [e for e in events if e["actors"] in forbidden_pairs or e["forum"] in forbidden_forums]


def test_seed_sco_meeting_carries_its_forum(seed):
    _, events = seed
    assert any(e["forum"] == "SCO" and e["date"] == "2025-11-18" for e in events)
