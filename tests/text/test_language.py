from __future__ import annotations

import csv
from pathlib import Path

import pytest
from engagement.text.language import detect_language, identify, script_share
from engagement.text.normalise import normalise

ALLOWED = ("hi", "en")
HINDI = (
    "विदेश मंत्री एस जयशंकर ने मंगलवार को मॉस्को में रूसी विदेश मंत्री सर्गेई लावरोव से मुलाकात"
    " की और दोनों देशों के बीच व्यापार, ऊर्जा और रक्षा सहयोग पर चर्चा की।"
)
HINDI_WITH_ENGLISH_NAMES = (
    "Bahrain और Israel के विदेश मंत्री अचानक भारत आये, Jaishankar ने पश्चिम एशिया को लेकर"
    " G20 और BRICS बैठक से पहले कौन-सी बड़ी चाल चल दी है? दोनों पक्षों ने साझा बयान जारी किया।"
)
ENGLISH = (
    "External Affairs Minister S. Jaishankar met Russian Foreign Minister Sergei Lavrov in"
    " Moscow on Tuesday to prepare for President Vladimir Putin's visit to India in December."
)
MARATHI = (
    "मुख्यमंत्री देवेंद्र फडणवीस यांनी आज मुंबईत पत्रकार परिषद घेतली. राज्यातील शेतकऱ्यांना मदत"
    " देण्याचा निर्णय सरकारने घेतला आहे, असे त्यांनी सांगितले."
)
FRENCH = (
    "Le ministre des Affaires étrangères a rencontré son homologue indien à Paris mardi pour"
    " discuter du commerce et de la coopération dans le domaine de la défense."
)
HINGLISH = "Modi ne कहा कि भारत aur Russia के रिश्ते बहुत mazboot हैं, और hum milkar काम करेंगे"


@pytest.mark.parametrize(
    ("text", "expected"),
    [(HINDI, "hi"), (HINDI_WITH_ENGLISH_NAMES, "hi"), (ENGLISH, "en")],
)
def test_allowed_languages_detected_confidently(text: str, expected: str) -> None:
    language, confidence = detect_language(text, ALLOWED)
    assert language == expected
    assert confidence > 0.6


@pytest.mark.parametrize(("text", "rival"), [(MARATHI, "mr"), (FRENCH, "fr")])
def test_same_script_rivals_are_not_forced_into_hindi_or_english(text: str, rival: str) -> None:
    assert identify(text, ALLOWED).language == rival
    assert detect_language(text, ALLOWED)[0] is None


def test_code_mixed_text_without_a_dominant_script_is_unsure() -> None:
    language, confidence = detect_language(HINGLISH, ALLOWED)
    assert language is None
    assert 0 < confidence < 0.6


def test_allowed_list_restricts_the_answer() -> None:
    assert detect_language(ENGLISH, ("hi",)) == (None, pytest.approx(0.0, abs=0.01))


def test_script_share_counts_letters_and_vowel_signs_only() -> None:
    shares = script_share("भारत 2025 India!")
    assert shares == {"devanagari": pytest.approx(4 / 9), "latin": pytest.approx(5 / 9)}
    assert script_share("2025 — 11.") == {}


def test_real_bbc_hindi_articles_are_hindi(shared_dir: Path) -> None:
    path = shared_dir / "corpora/bbc_hindi_cohn/hindi-cleaned-test.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [normalise(row["1"]) for row in csv.DictReader(handle) if row["1"]][:40]
    assert [detect_language(t, ALLOWED)[0] for t in texts] == ["hi"] * len(texts)


# A squad list opens the article: its first 150 characters are Dutch names, the rest English.
SQUAD_LIST = (
    "AMSTERDAM - Van der Sar, Van Nistelrooy, De Boer, Van Bronckhorst, Kluivert, Van Bommel, "
    "Sneijder, Van Persie, De Jong, Kuijt, Van der Vaart, Huntelaar. "
    "The Dutch coach named these players on Friday for the qualifier against Scotland next week, "
    "saying the squad had trained well and that he expected a difficult match in front of a full stadium. "
    "Several of the players have been carrying injuries this season, and the coach said he would decide "
    "on the starting line-up only after the final training session on Tuesday evening."
)


def test_a_rival_winning_the_short_first_sample_does_not_set_the_text_aside() -> None:
    assert detect_language(SQUAD_LIST[:150], ("hi", "en"))[0] is None  # the names alone read as Dutch
    assert detect_language(SQUAD_LIST, ("hi", "en"))[0] == "en"


# Marathi news in the register the feeds carry, names and all: on a short sample lingua never
# takes it for Hindi, which is why Hindi may be accepted on the first 150 characters.
MARATHI_NEWS = [
    "परराष्ट्र मंत्री एस. जयशंकर यांनी मंगळवारी मॉस्को येथे रशियाचे परराष्ट्र मंत्री सर्गेई लावरोव्ह यांची"
    " भेट घेतली. या भेटीत दोन्ही देशांमधील व्यापार, ऊर्जा आणि संरक्षण सहकार्य यांवर सविस्तर चर्चा झाली.",
    "नेपाळच्या पंतप्रधानांचा भारत दौरा पुढे ढकलण्यात आला आहे. नेपाळमधील अंतर्गत राजकीय परिस्थितीमुळे हा"
    " निर्णय घेण्यात आल्याचे सूत्रांनी सांगितले. दौऱ्याच्या नव्या तारखा लवकरच जाहीर केल्या जातील.",
    "राष्ट्रपती द्रौपदी मुर्मू यांनी राष्ट्रपती भवनात भूतानच्या राजांचे स्वागत केले. दोन्ही देशांमधील"
    " मैत्रीचे संबंध अधिक दृढ करण्यासाठी जलविद्युत प्रकल्प, व्यापार आणि शिक्षण क्षेत्रात सहकार्यावर चर्चा झाली.",
]


@pytest.mark.parametrize("text", MARATHI_NEWS)
def test_marathi_news_is_set_aside_even_from_its_first_words(text: str) -> None:
    assert identify(text[:160], ALLOWED).language == "mr"
    assert detect_language(text, ALLOWED)[0] is None
