from datetime import date

from engagement.kb.loader import build_kb, load_kb
from engagement.kb.validate import validate_kb


def test_packaged_kb_validates_without_problems():
    assert validate_kb(load_kb()) == []


def test_countries_are_generated_for_all_iso_codes_with_hindi_names():
    kb = load_kb()
    assert len(kb.countries) == 250
    assert kb.countries["RUS"].name_hi == "रूस"
    assert kb.countries["IND"].iso2 == "IN"


def test_office_history_resolves_by_date():
    kb = load_kb()
    assert kb.holder_of("RUS", "foreign_minister", date(2012, 6, 1)) == "SERGEY_LAVROV"
    assert kb.holder_of("IND", "foreign_minister", date(2015, 6, 1)) == "SUSHMA_SWARAJ"
    assert kb.holder_of("IND", "foreign_minister", date(2025, 6, 1)) == "S_JAISHANKAR"
    assert kb.holder_of("USA", "foreign_minister", date(2025, 3, 1)) == "MARCO_RUBIO"
    assert kb.holder_of("RUS", "head_of_state", date(2010, 1, 1)) == "DMITRY_MEDVEDEV"
    assert kb.holder_of("RUS", "head_of_state", date(2025, 1, 1)) == "VLADIMIR_PUTIN"


def test_office_on_prefers_the_highest_level_and_respects_handover_day():
    kb = load_kb()
    assert kb.office_on("VLADIMIR_PUTIN", date(2010, 1, 1)).role == "head_of_government"
    assert kb.office_on("S_JAISHANKAR", date(2016, 1, 1)).role == "foreign_secretary"
    assert kb.office_on("DONALD_TRUMP", date(2023, 1, 1)) is None
    assert kb.office_on("DONALD_TRUMP", date(2025, 1, 20)).role == "head_of_state"
    assert kb.holder_of("USA", "head_of_state", date(2025, 1, 20)) == "DONALD_TRUMP"
    assert kb.level_of("defence_minister") == "minister"


def test_aliases_cover_both_scripts_for_every_language():
    kb = load_kb()
    hindi = {(a.text, a.entity_id) for a in kb.aliases("hi")}
    assert ("Bahrain", "BHR") in hindi and ("बहरीन", "BHR") in hindi
    assert ("अमरीका", "USA") in hindi and ("U.S.", "USA") in hindi
    assert ("विदेश मंत्री", "foreign_minister") in hindi
    assert ("माली", "MLI") not in hindi  # a common word, excluded from the generated names
    assert kb.aliases("en")[0].lang == "en"
    assert kb.home_country("hi") == "IND" and kb.home_country("en") is None


def test_every_country_has_a_foreign_ministry_and_curated_names_win():
    kb = load_kb()
    assert kb.organisations["MFA_BHR"].country == "BHR"
    assert kb.organisations["MFA_IND"].name_en == "Ministry of External Affairs of India"


def test_override_rows_replace_matching_keys_and_add_new_ones(tmp_path):
    (tmp_path / "offices.csv").write_text(
        "person_id,country,role,start,end\n"
        "SERGEY_LAVROV,RUS,foreign_minister,2004-03-09,2030-01-01\n"
        "NEW_MINISTER,RUS,foreign_minister,2030-01-01,\n",
        encoding="utf-8",
    )
    (tmp_path / "persons.csv").write_text(
        "person_id,name_en\nNEW_MINISTER,New Minister\n", encoding="utf-8"
    )
    kb = build_kb(tmp_path)
    assert kb.holder_of("RUS", "foreign_minister", date(2031, 1, 1)) == "NEW_MINISTER"
    assert kb.holder_of("RUS", "foreign_minister", date(2025, 1, 1)) == "SERGEY_LAVROV"
    assert len(kb.offices_of("SERGEY_LAVROV")) == 1
    assert "SERGEY_LAVROV" in kb.persons
    assert validate_kb(kb) == []
