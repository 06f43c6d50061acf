from datetime import date

from engagement.kb.loader import build_kb
from engagement.kb.validate import validate_kb


def test_broken_override_files_yield_one_message_per_problem(tmp_path):
    (tmp_path / "offices.csv").write_text(
        "person_id,country,role,start,end\n"
        "GHOST,XXX,foreign_minister,2020-01-01,2019-01-01\n"
        "ANCIENT_KING,IND,head_of_state,1850-01-01,1851-01-01\n"
        "RIVAL,RUS,foreign_minister,2020-01-01,\n",
        encoding="utf-8",
    )
    (tmp_path / "persons.csv").write_text(
        "person_id,name_en\nANCIENT_KING,Old King\nRIVAL,Rival\nRIVAL,Rival Again\n",
        encoding="utf-8",
    )
    (tmp_path / "org_aliases.csv").write_text(
        "org_id,lang,alias\nNO_SUCH_ORG,en,Nowhere Council\nSCO,hi,\n", encoding="utf-8"
    )
    (tmp_path / "places.csv").write_text(
        "place_id,name_en,country,is_seat\nATLANTIS,Atlantis,ATL,true\n"
    )
    problems = validate_kb(build_kb(tmp_path))
    expected = [
        "persons.csv:4: duplicate id RIVAL",
        "place ATLANTIS: unknown country code 'ATL'",
        "office of GHOST (foreign_minister): unknown country code 'XXX'",
        "ORG alias 'Nowhere Council': points to missing id 'NO_SUCH_ORG'",
        "ORG alias of SCO: empty alias",
        "office of GHOST (XXX foreign_minister): points to missing person 'GHOST'",
        "office of GHOST (XXX foreign_minister): start 2020-01-01 is after end 2019-01-01",
        "office of ANCIENT_KING (IND head_of_state): date 1850-01-01 outside 1900..2100",
        "office of ANCIENT_KING (IND head_of_state): date 1851-01-01 outside 1900..2100",
        "RUS foreign_minister: SERGEY_LAVROV (from 2004-03-09) overlaps RIVAL (from 2020-01-01)",
    ]
    for message in expected:
        assert message in problems
    assert len(problems) == len(expected)


def test_an_alias_shared_by_two_entities_is_reported(tmp_path):
    (tmp_path / "place_aliases.csv").write_text(
        "place_id,lang,alias\nMOSCOW,en,Delhi\n", encoding="utf-8"
    )
    problems = validate_kb(build_kb(tmp_path))
    assert problems == ["alias 'delhi' is ambiguous: PLACE/MOSCOW, PLACE/NEW_DELHI"]


def test_short_names_are_checked_for_their_person_and_other_reading(tmp_path):
    (tmp_path / "person_short_names.csv").write_text(
        "person_id,lang,alias,otherwise\nNOBODY,hi,कोई,\nVIKRAM_MISRI,hi,मिस्री,XXX\n",
        encoding="utf-8",
    )
    problems = validate_kb(build_kb(tmp_path))
    assert "short name 'मिस्री' (otherwise): unknown country code 'XXX'" in problems
    assert "PERSON alias 'कोई': points to missing id 'NOBODY'" in problems


def test_packaged_short_names_say_what_else_they_mean():
    kb = build_kb()
    misri = {short.text: short.otherwise for short in kb.short_names_of("VIKRAM_MISRI")}
    assert misri == {"मिस्री": "EGY", "मिसरी": None}  # Egyptian; rock sugar
    assert (
        kb.office_on("ISHAQ_DAR", date(2025, 11, 12)).role == "foreign_minister"
    )  # FM outranks deputy PM
    assert kb.holder_of("PAK", "deputy_prime_minister", date(2025, 11, 12)) == "ISHAQ_DAR"
    assert kb.holder_of("PAK", "defence_minister", date(2025, 11, 12)) == "KHAWAJA_ASIF"
