"""Hindi adjectives of country names derived by scripts/build_hindi_demonyms.py, merged under
ours, and what reports make of them. The sentences are written for these tests."""

from __future__ import annotations

from collections import Counter

from engagement.extract import extract_article
from engagement.kb.loader import DATA_DIR, build_kb

from tests.conftest import data_rows, load_script

DERIVED = "country_aliases_derived.csv"


def test_regular_forms_are_derived_and_irregular_or_taken_ones_are_not():
    adjectives = {(a.entity_id, a.text) for a in build_kb().alias_rows if a.label == "COUNTRY" and a.lang == "hi"}
    assert {("SDN", "सूडानी"), ("CUB", "क्यूबाई"), ("SSD", "दक्षिण सूडानी"), ("YEM", "यमनी")} <= adjectives
    derived = {row["alias"] for row in data_rows(DATA_DIR / DERIVED)}
    assert "मिस्री" not in derived  # a surname (Vikram Misri), listed as left out
    assert "थाईलैंडी" not in derived  # Thailand has its hand-written "थाई": ours win
    assert not any(" और " in form for form in derived)  # compounds are left to the hand-written table


def test_a_derived_adjective_names_its_government():
    text = "संयुक्त अरब अमीरात ने अपने राजदूत के निवास पर सूडानी सैन्य विमान के हमले की निंदा की।"
    events = extract_article(text, "hi", None)["events"]
    assert [(e["actors"], e["cameo"], e["source"], e["target"]) for e in events] == [
        (["ARE", "SDN"], "111", "ARE", "SDN")
    ]


def test_the_committed_file_is_what_the_build_script_makes():
    tables = load_script("build_hindi_demonyms").build(Counter())
    assert tables == {DERIVED: data_rows(DATA_DIR / DERIVED)}
