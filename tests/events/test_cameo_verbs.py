"""English triggers generated from PETRARCH-2's CAMEO verb dictionary (scripts/build_cameo_verbs.py).

The sentences are realistic 2004-style wire sentences written for these tests; each checks the
pair, direction and CAMEO code a generated trigger gives, or that a generic or noun use of a
dictionary verb gives nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest
from engagement.events import lexicon
from engagement.extract import extract_article

from tests.conftest import SHARED, data_rows, load_script, require_shared

GENERATED = lexicon.DATA_DIR / "triggers_cameo_en.csv"
PUBLISHED = date(2004, 9, 15)


def coded(text: str) -> list[tuple[tuple[str, ...], str | None, str | None, str]]:
    return [
        (tuple(e["actors"]), e["source"], e["target"], e["cameo"])
        for e in extract_article(text, "en", PUBLISHED)["events"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan apologised to South Korea on Tuesday for remarks by its education minister.", ("JPN", "KOR", "055")),
        ("Germany deported a Turkish cleric to Turkey on Tuesday.", ("DEU", "TUR", "174")),
        ("Egypt brokered a ceasefire between Israel and the Palestinians.", ("EGY", "ISR", "045")),
        ("Iran refuted the report by the United States.", ("IRN", "USA", "110")),
        ("Pakistan offered military assistance to Afghanistan.", ("PAK", "AFG", "033")),
        ("Britain pledged humanitarian aid to Sudan on Monday.", ("GBR", "SDN", "033")),
        ("The United States said it would deny entry to Iranian officials.", ("USA", "IRN", "160")),
    ],
)
def test_a_cameo_verb_pattern_codes_a_state_to_state_event(text, expected):
    source, target, cameo = expected
    assert coded(text) == [(tuple(sorted((source, target))), source, target, cameo)]


@pytest.mark.parametrize(
    "text",
    [
        "The rupee appreciated against the dollar as India's exports rose.",  # 'appreciate' alone is no trigger
        "Officials said Japan would consider the proposal from China.",  # nor is 'consider'
        "Japan eased a decades-old ban on arms exports to the United States.",  # 'ban' as a noun
        "The United States has agreed to lift the sanctions on Iran.",  # 'agree ... (to) sanctions' needs a parse
        "Malaysia will resume poultry exports to Singapore next month.",  # trade (061) is left to our own rows
    ],
)
def test_generic_verbs_and_nouns_from_the_dictionary_code_nothing(text):
    assert coded(text) == []


def test_our_hand_written_triggers_win_where_both_match():
    """'condemned' is ours (111, held); the dictionary's CONDEMN patterns were left out."""
    low = lexicon.lowered("France condemned the attack by Rwanda.")
    ours = {r["pattern"] for r in lexicon.trigger_rows("en")[: _hand_written_count()]}
    first, match = lexicon.trigger_matches("en", low)[0]
    assert first.pattern in ours and first.cameo == "111" and match.group() == "condemned"
    generated = [r["pattern"] for r in _generated_rows()]
    assert len(generated) == len(set(generated)) and not set(generated) & ours
    assert not any(lexicon.compile_trigger("en", p).fullmatch("condemned") for p in generated)


def test_the_opening_index_finds_every_match_a_full_search_finds():
    """Patterns are tried only where an opening starts a word: that must lose no match."""
    for text in (
        "Japan apologised to South Korea and pledged humanitarian aid to Seoul on Tuesday.",
        "Britain recalled its ambassador from Tehran after Iran expelled two diplomats.",
        "Nothing happened in Delhi.",
    ):
        low = lexicon.lowered(text)
        everywhere = [(t, m.span()) for t in lexicon.triggers("en") for m in t.regex.finditer(low)]
        assert [(t, m.span()) for t, m in lexicon.trigger_matches("en", low)] == everywhere


def test_the_generated_file_names_its_source_and_keeps_the_mit_notice():
    head = [line for line in GENERATED.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    text = "\n".join(head)
    assert "CAMEO.2.0.txt" in text and "676801cd9cb2924bbbad09f86d15c9323e7097bf" in text
    assert "The MIT License (MIT)" in text and "Copyright (c) 2015 Open Event Data Alliance" in text
    assert "Permission is hereby granted, free of charge" in text
    kinds = Counter(r["kind"] for r in _generated_rows())
    assert {"intent", "praise", "criticise", "demand", "reject", "threaten", "reduce_relations"} <= kinds.keys()
    assert {r["cameo"][:2] for r in _generated_rows()} <= {"03", "04", "05", "06", "10", "11", "12", "13", "16", "17"}


def test_the_committed_file_is_what_the_build_script_makes_of_the_source():
    source = require_shared(SHARED / "anchors_raw" / "petrarch2" / "dictionaries" / "CAMEO.2.0.txt")
    build = load_script("build_cameo_verbs")
    assert build.build_rows(source.read_text(encoding="utf-8").splitlines(), Counter()) == _generated_rows()


def test_a_synonym_set_ends_where_the_verb_patterns_begin():
    """The section header is a comment line: multi-word verbs of the verb blocks below it
    (``+IS_DETERMINED {+WAS_DETERMINED ...} [030]``) once joined the last synonym set."""
    build = load_script("build_cameo_verbs")
    lines = [
        "&DEFENSE",
        "+DEFENSE",
        "+DEFENCE",
        "",
        "####### VERB PATTERNS ####### ",
        "--- DECIDE [030] ---",
        "+IS_DETERMINED {+WAS_DETERMINED , +BE_DETERMINED} [030]",
    ]
    assert build.read_synsets(lines) == {"&DEFENSE": "(?:defences?|defenses?)"}


def test_no_generated_pattern_holds_the_dictionarys_own_syntax():
    leaked = [r["origin"] for r in _generated_rows() if re.search(r"\\[{}\[\]+]|\\ ,", r["pattern"])]
    assert leaked == []


def _generated_rows() -> list[dict[str, str]]:
    return data_rows(GENERATED)


def _hand_written_count() -> int:
    return sum(1 for r in data_rows(lexicon.DATA_DIR / "triggers.csv") if r["lang"] == "en")
