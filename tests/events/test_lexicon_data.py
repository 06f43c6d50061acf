"""The event lexicons and the demo-corpus gold are well-formed data."""

from __future__ import annotations

import csv
import json
import re

import pytest
from engagement.events import lexicon
from engagement.kb.loader import load_kb

from tests.conftest import REPO

KINDS = {
    "meeting", "negotiation", "phone", "visit", "host", "summit", "intent", "agreement",
    "joint_statement", "praise", "econ_coop", "mil_coop", "criticise", "accuse", "demand", "mediate",
    "reject", "threaten", "reduce_relations", "sanction", "expel", "fight", "pledge", "regret", "restore", "deescalate",
    "release", "aid", "invade",
}  # fmt: skip
STATUSES = {"held", "ongoing", "planned", "cancelled"}


@pytest.mark.parametrize("name", ["triggers.csv", "cues.csv", "topics.csv", "cameo.csv"])
def test_every_row_has_the_header_columns(name):
    """A comma inside an unquoted regex ({0,2}) silently splits a row: catch it here."""
    with (lexicon.DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert [r for r in rows if len(r) != len(rows[0])] == []


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_triggers_name_known_kinds_and_cameo_codes(lang):
    table = lexicon.cameo_table()
    for trig in lexicon.triggers(lang):
        assert trig.kind in KINDS
        assert trig.cameo in table and table[trig.cameo].name
        assert trig.default_status in STATUSES | {None}


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_cue_patterns_compile(lang):
    assert all(isinstance(p, re.Pattern) for group in lexicon.cues(lang).values() for p in group)


def test_hindi_trigger_tolerates_nukta_and_chandrabindu_variants():
    pattern = lexicon.compile_pattern("hi", "मुलाकात")
    assert pattern.search("मुलाक़ात की") and pattern.search("मुलाकात की")
    assert lexicon.compile_pattern("hi", "पहुंचे").search("पहुँचे")


def test_demo_gold_names_real_articles_countries_and_statuses():
    ids = set()
    for path in (REPO / "include" / "demo_corpus").glob("*_wire_*.jsonl"):
        ids |= {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    ids |= {p.stem for p in (REPO / "include" / "demo_corpus" / "txt").glob("*.txt")}
    countries = load_kb().countries
    gold = [json.loads(line) for line in (REPO / "bench/gold/demo_events.jsonl").read_text("utf-8").splitlines()]
    assert {g["id"] for g in gold} == ids
    for record in gold:
        for ev in record["events"]:
            assert ev["actors"] == sorted(ev["actors"]) and set(ev["actors"]) <= countries.keys()
            assert ev["status"] in STATUSES and re.fullmatch(r"\d\d", ev["family"])
            assert ev.get("source") in (None, *ev["actors"])


def test_the_adjudicated_petrarch_coding_is_well_formed():
    """Every expected event names two known countries and a coded root; every row has a note."""
    countries = load_kb().countries
    with (REPO / "bench/gold/petrarch_adjudicated.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len({r["record_id"] for r in rows}) >= 30 and all(r["note"] for r in rows)
    for row in (r for r in rows if r["source"]):
        assert {row["source"], row["target"]} <= countries.keys() and row["source"] != row["target"]
        assert row["root"] in {"03", "04", "05", "06", "10", "11", "12", "13", "16", "17"}
        assert row["directed"] in ("true", "false")


def test_openings_are_the_literal_starts_of_a_pattern():
    assert lexicon.openings(lexicon.compile_trigger("en", r"\bmeets?\b")) == {"meet"}
    assert lexicon.openings(lexicon.compile_trigger("en", r"\b(?:tele)?phoned\b")) == {"phoned", "telephoned"}
    # letters are added until the shortest opening has eight
    assert lexicon.openings(lexicon.compile_trigger("en", r"\b(?:boost|cut)(?:s|ed)? ties now")) == {
        "boost ties",
        "boosts ties",
        "boosted ties",
        "cut ties",
        "cuts ties",
        "cuted ties",
    }
    # a nukta letter is written either way; the word gap is not literal and ends the opening
    assert lexicon.openings(lexicon.compile_trigger("hi", "के सम्मान")) == {"के", "\u0958े", "क\u093cे"}
    assert lexicon.openings(lexicon.compile_trigger("en", r"\w+ talks")) == {""}


def test_every_trigger_has_openings_that_screen_it():
    for lang in ("hi", "en"):
        for trig in lexicon.triggers(lang):
            assert trig.openings and all(len(o) >= 2 for o in trig.openings), trig.regex.pattern


def test_english_triggers_are_tried_only_where_an_opening_starts_a_word():
    """A row whose pattern does not start with \\b (a lookbehind put first, say) would be tried on
    every sentence of every article: put lookbehinds after the \\b."""
    every = lexicon.triggers("en")
    _, always = lexicon._opening_index("en")
    assert [every[i].pattern for i in always] == [r"\b(?:strategic|framework|ministerial|2\+2) dialogue\b"]


def test_trigger_rows_must_be_lower_case_because_they_match_lowered_text():
    with pytest.raises(ValueError, match="lower case"):
        lexicon.compile_trigger("en", r"\bMet\b")
    assert lexicon.compile_trigger("en", r"\bmet\S*").search(lexicon.lowered("They MET there"))


def test_lowering_keeps_every_offset():
    text = "İstanbul talks: Erdoğan MET Putin"
    low = lexicon.lowered(text)
    assert len(low) == len(text) and low.endswith("erdoğan met putin")


def test_one_regex_for_many_patterns_keeps_each_patterns_case_rule():
    plain = lexicon.compile_pattern("hi", "मुलाकात")
    raw = lexicon.compile_pattern("hi", "^G20 में")  # a raw row: case-insensitive
    combined = lexicon._alternation("hi", [plain, raw])
    assert combined.search("g20 में बैठक") and combined.search("मुलाक़ात हुई")
    assert combined.search("बैठक हुई") is None
    assert lexicon._alternation("en", [re.compile(r"\bmet\b"), re.compile(r"\bTalks\b", re.IGNORECASE)]).search(
        "TALKS began"
    )
    assert not lexicon._alternation("en", [re.compile(r"\bmet\b"), re.compile(r"\bTalks\b", re.IGNORECASE)]).search(
        "MET"
    )


def test_a_hindi_phrase_holding_regex_syntax_is_refused():
    """A Hindi row without a leading ^ is a plain phrase: "(?:आतंकियों|विद्रोहियों)\\s*ने" would only
    ever match those characters literally (a cue stayed inert that way until session 14)."""
    with pytest.raises(ValueError, match="add \\^"):
        lexicon.compile_pattern("hi", r"(?:आतंकियों|विद्रोहियों)\s*ने")
    assert lexicon.compile_pattern("hi", r"^.*(?:आतंकियों|विद्रोहियों)\s*ने").search("कल विद्रोहियों ने")
    assert lexicon.compile_pattern("hi", "दौरा$").search("उनका दौरा")
