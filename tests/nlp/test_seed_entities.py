"""The seed article must be extracted completely (gold: shared/gold/seed_000.json)."""

import json
import os
from datetime import date
from pathlib import Path

import pytest
from engagement.nlp.entities import extract_entities

SHARED = Path(
    os.environ.get("ENGAGEMENT_SHARED_DIR", Path(__file__).resolve().parents[2] / ".." / "shared")
)
SEED = SHARED / "seeds" / "000_2134693827e85ec0.txt"
GOLD = SHARED / "gold" / "seed_000.json"

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="shared seed article not available")


@pytest.fixture(scope="module")
def result():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = SEED.read_text(encoding="utf-8")
    for line in gold["boilerplate_lines"]:  # the caller blanks "also read" lines the same way
        text = text.replace(line, " " * len(line))
    return text, extract_entities(text, gold["language"], date.fromisoformat(gold["published"]))


def _ids(mentions, label):
    return {m.entity_id for m in mentions if m.label == label}


def test_offsets_point_at_the_mention_text(result):
    text, extracted = result
    assert all(text[m.start : m.end] == m.text for m in extracted.mentions)
    assert all(text[s.start : s.end] == s.text for s in extracted.sentences)


def test_persons_with_country_and_role_on_the_publication_day(result):
    _, extracted = result
    persons = {(m.entity_id, m.country, m.role) for m in extracted.mentions if m.label == "PERSON"}
    assert persons == {
        ("SERGEY_LAVROV", "RUS", "foreign_minister"),
        ("S_JAISHANKAR", "IND", "foreign_minister"),
        ("VLADIMIR_PUTIN", "RUS", "head_of_state"),
        ("MIKHAIL_MISHUSTIN", "RUS", "head_of_government"),
    }
    surfaces = {m.text for m in extracted.mentions if m.label == "PERSON"}
    assert {"सर्गेई लावरोव", "लावरोव", "एस जयशंकर", "जयशंकर", "व्लादिमीर पुतिन", "पुतिन"} <= surfaces


def test_countries_places_and_organisations(result):
    _, extracted = result
    assert _ids(extracted.mentions, "COUNTRY") == {"RUS", "IND"}
    places = {(m.entity_id, m.country) for m in extracted.mentions if m.label == "PLACE"}
    assert places == {
        ("MOSCOW", "RUS"),
        ("NEW_DELHI", "IND"),
        ("KAZAN", "RUS"),
        ("YEKATERINBURG", "RUS"),
    }
    assert _ids(extracted.mentions, "ORG") == {
        "SCO",
        "BRICS",
        "UN",
        "UNSC",
        "G20",
        "MFA_RUS",
        "MFA_IND",
        "TASS",
        "IRIGC-TEC",
    }


def test_bare_hindi_foreign_ministry_and_minister_are_india(result):
    _, extracted = result
    said = next(
        m for m in extracted.mentions if m.text == "विदेश मंत्रालय" and m.entity_id == "MFA_IND"
    )
    assert said.country == "IND"
    roles = [m for m in extracted.mentions if m.label == "ROLE"]
    assert roles and all((m.entity_id, m.country) == ("S_JAISHANKAR", "IND") for m in roles)


def test_nothing_from_the_masked_also_read_lines(result):
    _, extracted = result
    assert not {"BHR", "ISR", "CAN"} & _ids(extracted.mentions, "COUNTRY")
    assert "G7" not in _ids(extracted.mentions, "ORG")


def test_dates_and_sentences(result):
    _, extracted = result
    values = {(m.text, m.value, m.value_end) for m in extracted.mentions if m.label == "DATE"}
    assert ("18 नवंबर", "2025-11-18", None) in values
    assert ("19-21 अगस्त", "2025-08-19", "2025-08-21") in values
    assert len(extracted.sentences) == 11
    assert [m.mention_idx for m in extracted.mentions] == list(range(len(extracted.mentions)))
