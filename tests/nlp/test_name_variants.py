"""Hindi spellings of a foreign name that the KB writes otherwise ("जावेद जरीफ" for "जवाद जरीफ")
still name the person: names of several words match on their consonants (issue 10)."""

from __future__ import annotations

from datetime import date

import pytest
from engagement.nlp.entities import extract_entities
from engagement.nlp.folding import consonant_skeleton

PUBLISHED = date(2015, 6, 1)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("जावेद", "जवाद"),  # vowel signs
        ("ट्रम्प", "ट्रंप"),  # a half nasal written as anusvara
        ("नरेन्द्र", "नरेंद्र"),
        ("डॉनल्ड", "डोनाल्ड"),
        ("ईशिबा", "इशिबा"),  # the initial vowel's length
        ("शरीफ़", "शरीफ"),  # nukta
        ("देउवा", "देउबा"),  # ब for व
        ("अल-", "अल"),  # a hyphen typed at the word's edge ("अल- सिसी")
    ],
)
def test_two_transliterations_share_a_skeleton(one, other):
    assert consonant_skeleton(one) == consonant_skeleton(other)


def test_different_names_keep_different_skeletons():
    assert consonant_skeleton("जरीफ") != consonant_skeleton("शरीफ")
    assert consonant_skeleton("मोदी") != consonant_skeleton("मोहम्मद")


def _people(text: str) -> list[tuple[str, str]]:
    found = extract_entities(text, "hi", PUBLISHED).mentions
    return [(text[m.start : m.end], m.entity_id) for m in found if m.label == "PERSON"]


def test_a_name_spelled_otherwise_than_the_kb_names_its_person():
    text = "ईरान के विदेश मंत्री मोहम्मद जावेद जरीफ ने शाहबाज शरीफ और जैकब ज़ूमा से मुलाकात की।"
    assert _people(text) == [
        ("मोहम्मद जावेद जरीफ", "JAVAD_ZARIF"),
        ("शाहबाज शरीफ", "SHEHBAZ_SHARIF"),
        ("जैकब ज़ूमा", "JACOB_ZUMA"),
    ]


def test_a_single_word_is_never_matched_on_its_consonants():
    # "चुना" (chosen) has the consonants of "चीन"; "शरिफ" alone is no spelling the KB knows
    text = "उन्हें नेता चुना गया और शरिफ ने कहा।"
    found = extract_entities(text, "hi", PUBLISHED).mentions
    assert [m.label for m in found if m.label != "DATE"] == []


def test_an_exact_name_wins_over_a_variant_of_another(tmp_path, monkeypatch):
    # a person whose name has the consonants of "नई दिल्ली" does not take the city's name
    (tmp_path / "persons.csv").write_text("person_id,name_en\nNAI_DILLI,Nai Dilli\n", encoding="utf-8")
    (tmp_path / "person_aliases.csv").write_text("person_id,lang,alias\nNAI_DILLI,hi,नाई दिल्ला\n", encoding="utf-8")
    (tmp_path / "offices.csv").write_text(
        "person_id,country,role,start,end\nNAI_DILLI,IND,ambassador,2025-01-01,\n", encoding="utf-8"
    )
    monkeypatch.setenv("ENGAGEMENT_KB_OVERRIDES", str(tmp_path))
    found = extract_entities("नई दिल्ली में नाई दिल्ली पहुंचे।", "hi", date(2025, 11, 17)).mentions
    assert [(m.label, m.entity_id) for m in found] == [("PLACE", "NEW_DELHI"), ("PERSON", "NAI_DILLI")]


def test_english_names_match_only_as_written():
    text = "Javed Zarif met Shahbaz Sharif."  # "Javad Zarif" in the KB
    found = extract_entities(text, "en", PUBLISHED).mentions
    assert [(text[m.start : m.end], m.entity_id) for m in found] == [("Shahbaz Sharif", "SHEHBAZ_SHARIF")]


def test_english_names_match_with_or_without_their_accents():
    text = "Tayyip Erdogan met Luiz Inacio Lula da Silva and Vo Van Thuong in Male."
    found = extract_entities(text, "en", date(2023, 6, 1)).mentions
    assert [(m.entity_id, m.country) for m in found] == [
        ("RECEP_TAYYIP_ERDOGAN", "TUR"),
        ("LUIZ_INACIO_LULA_DA_SILVA", "BRA"),
        ("VO_VAN_THUONG", "VNM"),
        ("MALE", "MDV"),
    ]


def test_a_capital_written_in_lower_case_is_the_ordinary_word():
    # "Malé" without its accent is "male"
    text = "Kerry courted traditionalist male voters in Ohio."
    assert "MALE" not in [m.entity_id for m in extract_entities(text, "en", PUBLISHED).mentions]
