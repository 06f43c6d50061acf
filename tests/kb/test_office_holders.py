"""Office-holders generated from Phoenix.Countries.actors.txt (scripts/build_office_holders.py),
merged under ours, and what 2004-style reports make of them.

The sentences are written for these tests in the style of 2004 wire copy; the people and dates
are real (CountryInfo, January 2014).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from engagement.extract import extract_article
from engagement.kb.loader import DATA_DIR, GENERATED, build_kb
from engagement.kb.validate import validate_kb

from tests.conftest import SHARED, data_rows, load_script, require_shared

MAY_2004 = date(2004, 5, 10)


def people(text: str, published: date = MAY_2004) -> list[tuple[str, str, str | None]]:
    found = extract_article(text, "en", published)["entities"]
    return [(e["text"], e["country"], e["role"]) for e in found if e["label"] == "PERSON"]


def test_2004_leaders_resolve_to_their_countries_and_take_the_title_written_before_them():
    text = (
        "French President Jacques Chirac met Japanese Prime Minister Junichiro Koizumi in Paris on Monday, "
        "a day after Koizumi talked to Atal Bihari Vajpayee by telephone."
    )
    assert people(text) == [
        ("Jacques Chirac", "FRA", "head_of_state"),
        ("Junichiro Koizumi", "JPN", "head_of_government"),
        ("Koizumi", "JPN", "minister"),  # a short name, read as him because the article names him
        ("Atal Bihari Vajpayee", "IND", "minister"),  # the source does not say which office
    ]


def test_a_2004_meeting_between_generated_people_is_coded_with_their_countries():
    events = extract_article("Jack Straw held talks with Junichiro Koizumi in Tokyo on Monday.", "en", MAY_2004)[
        "events"
    ]
    assert [(e["actors"], e["cameo"], e["status"]) for e in events] == [(["GBR", "JPN"], "040", "held")]


def test_a_surname_alone_needs_the_full_name_in_the_article():
    assert people("Koizumi said on Monday that talks would go on.") == []
    assert people("Junichiro Koizumi arrived. Koizumi said talks would go on.")[1] == ("Koizumi", "JPN", "minister")


def test_ours_win_where_both_speak():
    """Musharraf and Powell are curated: their curated offices are the only ones."""
    kb = build_kb()
    assert [(o.role, o.start) for o in kb.offices_of("PERVEZ_MUSHARRAF")] == [("head_of_state", date(2001, 6, 20))]
    assert kb.office_on("COLIN_POWELL", MAY_2004).role == "foreign_minister"
    generated = data_rows(DATA_DIR / "persons_phoenix.csv")
    assert not {"PERVEZ_MUSHARRAF", "COLIN_POWELL"} & {r["person_id"] for r in generated}


def test_our_people_keep_their_earlier_terms_and_a_later_title_does_not_date_back():
    """Netanyahu's and Sharif's 1990s terms come from the source; Putin's months before his
    presidency, Sisi's and Rivlin's years as ministers stay generic, not the title they hold now."""
    kb = build_kb()
    assert kb.office_on("BENJAMIN_NETANYAHU", date(1998, 1, 5)).role == "head_of_government"
    assert kb.office_on("NAWAZ_SHARIF", date(1998, 5, 30)).role == "head_of_government"
    assert kb.office_on("VLADIMIR_PUTIN", date(1999, 10, 1)).role == "minister"
    assert kb.office_on("ABDEL_FATTAH_EL_SISI", date(2013, 1, 1)).role == "minister"
    assert kb.office_on("MOHAMED_MORSI", date(2013, 1, 1)).role == "head_of_state"
    assert kb.office_on("SHIMON_PERES", date(2010, 1, 1)).role == "head_of_state"
    assert kb.office_on("NICOLAS_SARKOZY", date(2004, 1, 1)).role == "minister"
    assert people("Benjamin Netanyahu met Nawaz Sharif.", date(1998, 1, 5)) == [
        ("Benjamin Netanyahu", "ISR", "head_of_government"),
        ("Nawaz Sharif", "PAK", "head_of_government"),
    ]


def test_generated_terms_have_real_dates_and_end_where_the_source_ends():
    kb = build_kb()
    chirac = kb.offices_of("JACQUES_CHIRAC")
    assert (date(1995, 5, 17), date(2007, 5, 16)) in [(o.start, o.end) for o in chirac]
    generated_ids = _ids()
    generated = [o for o in kb.offices if o.person_id in generated_ids]
    assert len(generated) > 20_000 and all(o.end is not None and o.start < o.end for o in generated)
    assert max(o.end for o in generated) < date(2016, 1, 1)  # the dictionary's last edits are of 2015
    # "[DEUGOV >040701]": open in the source, closed at the source's date (Kohler resigned in 2010)
    assert [(o.start, o.end) for o in kb.offices_of("HORST_KOHLER")] == [(date(2004, 7, 1), date(2014, 1, 30))]


def test_the_merged_knowledge_base_validates():
    assert validate_kb(build_kb()) == []


def test_the_validator_catches_a_person_in_two_countries_and_an_empty_term(tmp_path):
    (tmp_path / "offices.csv").write_text(
        "person_id,country,role,start,end\n"
        "JACQUES_CHIRAC,DEU,minister,2003-01-01,2004-01-01\n"
        "JACK_STRAW,GBR,minister,2005-03-01,2005-03-01\n",
        encoding="utf-8",
    )
    problems = validate_kb(build_kb(tmp_path))
    assert (
        "person JACQUES_CHIRAC: in office for FRA (from 1995-05-17) and DEU (from 2003-01-01) at the same time"
        in problems
    )
    assert "office of JACK_STRAW (GBR minister): starts and ends on 2005-03-01, an empty term" in problems


def test_an_override_replaces_a_generated_term_and_a_person_name_cannot_be_a_country(tmp_path):
    (tmp_path / "person_aliases.csv").write_text("person_id,lang,alias\nJACK_STRAW,en,Jordan\n", encoding="utf-8")
    problems = validate_kb(build_kb(tmp_path))
    assert problems == ["alias 'jordan' is ambiguous: COUNTRY/JOR, PERSON/JACK_STRAW"]


def test_generated_files_carry_the_source_and_the_mit_notice():
    for name in (name for names in GENERATED.values() for name in names if name.endswith("_phoenix.csv")):
        head = "\n".join(
            line for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines() if line.startswith("#")
        )
        assert "Phoenix.Countries.actors.txt" in head and "676801cd9cb2924bbbad09f86d15c9323e7097bf" in head
        assert "The MIT License (MIT)" in head and "Permission is hereby granted, free of charge" in head


def test_the_committed_files_are_what_the_build_script_makes_of_the_source():
    source = require_shared(SHARED / "anchors_raw" / "petrarch2" / "dictionaries" / "Phoenix.Countries.actors.txt")
    build = load_script("build_office_holders")
    tables = build.build(source.read_text(encoding="utf-8", errors="replace").splitlines(), Counter())
    assert tables == {name: data_rows(DATA_DIR / name) for name in tables}


def _ids() -> set[str]:
    return {r["person_id"] for r in data_rows(DATA_DIR / "persons_phoenix.csv")}
