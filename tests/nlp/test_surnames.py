"""A person named in full is meant by the surname alone later in the article (one sense per
article), unless two people named in full share it. Sentences written for the test."""

from datetime import date

from engagement.nlp.entities import extract_entities

from tests.events.test_coder import events as coded


def _people(text: str, lang: str = "en") -> list[tuple[str, str | None, str | None]]:
    mentions = extract_entities(text, lang, date(2010, 1, 1)).mentions
    return [(m.text, m.entity_id, m.country) for m in mentions if m.label == "PERSON"]


def test_a_surname_after_the_full_name_is_that_person_with_the_same_country():
    text = "Prime Minister Manmohan Singh arrived in Hanoi. Singh later left for home."
    assert _people(text) == [("Manmohan Singh", "MANMOHAN_SINGH", "IND"), ("Singh", "MANMOHAN_SINGH", "IND")]


def test_a_surname_two_people_named_in_full_share_stays_unread():
    text = "Hillary Clinton met Bill Clinton. Clinton then flew to Beijing."
    assert [name for name, _, _ in _people(text)] == ["Hillary Clinton", "Bill Clinton"]


def test_a_surname_before_the_full_name_is_not_read():
    assert [name for name, _, _ in _people("Singh spoke first. Then Manmohan Singh arrived.")] == ["Manmohan Singh"]


def test_meetings_of_a_person_named_by_surname_count_for_his_country():
    text = (
        "Prime Minister Manmohan Singh attended the East Asia Summit in Hanoi. Singh also held bilateral"
        " meetings with his counterparts from China, Vietnam and Australia."
    )
    pairs = {tuple(e["actors"]) for e in coded(text, "en", None) if e["cameo"].startswith("04")}
    assert {("AUS", "IND"), ("CHN", "IND"), ("IND", "VNM")} <= pairs
