from __future__ import annotations

import csv
from pathlib import Path

import pytest
from engagement.text.boilerplate import (
    boilerplate_lines,
    inline_tags,
    mask_boilerplate,
    strip_boilerplate,
)
from engagement.text.normalise import normalise

SEED = "seeds/000_2134693827e85ec0.txt"
BBC_HINDI = "corpora/bbc_hindi_cohn/hindi-cleaned-test.csv"

HINDI_ARTICLE = """नई दिल्ली, 18 नवंबर (भाषा)
विदेश मंत्री एस जयशंकर ने मंगलवार को मॉस्को में रूसी विदेश मंत्री लावरोव से मुलाकात की (भाषा)।
इसे भी पढ़ें: जयशंकर कनाडा दौरे पर पहुंचे
फोटो: पीटीआई
दोनों नेताओं ने द्विपक्षीय व्यापार पर चर्चा की।
ये भी पढ़े :- पुतिन दिसंबर में भारत आएंगे
रिपोर्ट: अजय कुमार
इमेज स्रोत,Getty Images
शेयर करें
"""

ENGLISH_ARTICLE = """NEW DELHI, Nov 18 (Reuters) -
By Jane Doe and John Roe
India and Russia will hold talks in Moscow (PTI).
Also Read | Jaishankar reaches Canada for G7 meeting
READ ALSO: Putin to visit India in December
(Photo: PTI)
Image caption
By Tuesday, the two sides had agreed on a joint statement on trade and energy.
Written by Staff Reporter
Follow us on Twitter and Facebook
Subscribe to our newsletter
"""


def _kinds(text: str, lang: str, title: str | None = None) -> list[tuple[str, str]]:
    return [(kind, text[s:e]) for s, e, kind in boilerplate_lines(text, lang, title)]


def test_hindi_boilerplate_lines_found_by_kind() -> None:
    text = normalise(HINDI_ARTICLE)
    assert _kinds(text, "hi") == [
        ("dateline", "नई दिल्ली, 18 नवंबर (भाषा)"),
        ("link", "इसे भी पढ़ें: जयशंकर कनाडा दौरे पर पहुंचे"),
        ("caption", "फोटो: पीटीआई"),
        ("link", "ये भी पढ़े :- पुतिन दिसंबर में भारत आएंगे"),
        ("byline", "रिपोर्ट: अजय कुमार"),
        ("caption", "इमेज स्रोत,Getty Images"),
        ("share", "शेयर करें"),
    ]


def test_english_boilerplate_lines_found_but_not_a_sentence_starting_with_by() -> None:
    text = normalise(ENGLISH_ARTICLE)
    found = _kinds(text, "en")
    assert [kind for kind, _ in found] == [
        "dateline",
        "byline",
        "link",
        "link",
        "caption",
        "caption",
        "byline",
        "share",
        "share",
    ]
    assert all("By Tuesday" not in line for _, line in found)


def test_headline_repeated_in_body_is_boilerplate() -> None:
    text = "India, Russia to hold talks\nIndia and Russia will hold talks in Moscow today."
    assert _kinds(text, "en", title="India, Russia to Hold Talks!") == [
        ("headline", "India, Russia to hold talks")
    ]


def test_agency_tags_removed_inside_lines_not_the_line() -> None:
    text = normalise(HINDI_ARTICLE)
    stripped, removed = strip_boilerplate(text, "hi", None)
    assert removed == 7
    assert stripped == (
        "विदेश मंत्री एस जयशंकर ने मंगलवार को मॉस्को में रूसी विदेश मंत्री लावरोव से"
        " मुलाकात की।\nदोनों नेताओं ने द्विपक्षीय व्यापार पर चर्चा की।"
    )
    english, _ = strip_boilerplate(normalise(ENGLISH_ARTICLE), "en", None)
    assert english.splitlines()[0] == "India and Russia will hold talks in Moscow."


def test_mask_keeps_length_and_newlines() -> None:
    text = normalise(HINDI_ARTICLE)
    masked = mask_boilerplate(text, "hi")
    assert len(masked) == len(text)
    assert [i for i, ch in enumerate(masked) if ch == "\n"] == [
        i for i, ch in enumerate(text) if ch == "\n"
    ]
    assert "पढ़ें" not in masked and "(भाषा)" not in masked
    start = text.index("दोनों नेताओं")
    assert masked[start : start + 12] == text[start : start + 12]


def test_seed_article_read_also_lines_masked_and_removed(shared_dir: Path) -> None:
    text = normalise((shared_dir / SEED).read_text(encoding="utf-8"))
    spans = boilerplate_lines(text, "hi")
    assert [(kind, text[s:e].split(":")[0]) for s, e, kind in spans] == [
        ("link", "इसे भी पढ़ें"),
        ("link", "इसे भी पढ़ें"),
    ]
    masked = mask_boilerplate(text, "hi")
    assert len(masked) == len(text)
    assert "इसे भी पढ़ें" not in masked
    stripped, removed = strip_boilerplate(text, "hi", None)
    assert removed == 2
    content = [line for line in text.splitlines() if not line.startswith("इसे भी पढ़ें")]
    assert stripped.splitlines() == content
    assert "Bahrain" not in stripped and "TASS" in stripped


def _bbc_hindi_texts(shared_dir: Path) -> list[str]:
    with (shared_dir / BBC_HINDI).open(encoding="utf-8", newline="") as handle:
        return [normalise(row["1"]) for row in csv.DictReader(handle) if row["1"]]


@pytest.fixture(scope="module")
def bbc_hindi(shared_dir: Path) -> list[str]:
    return _bbc_hindi_texts(shared_dir)


def test_bbc_hindi_app_footer_lines_found(bbc_hindi: list[str]) -> None:
    """Real BBC Hindi pages end with a follow-us footer split over short lines."""
    footer = next(t for t in bbc_hindi if "\nएंड्रॉएड ऐप के लिए" in t)
    lines = {footer[s:e]: kind for s, e, kind in boilerplate_lines(footer, "hi")}
    assert lines.get("एंड्रॉएड ऐप के लिए आप") == "share"
    assert any(line.startswith("यहां क्लिक") for line in lines)
    assert any(line.startswith("फ़ेसबुक और") for line in lines)
    stripped, _ = strip_boilerplate(footer, "hi", None)
    assert "फ़ॉलो" not in stripped and "बीबीसी हिन्दी के" not in stripped


def test_bbc_hindi_footer_gone_from_nearly_all_articles(bbc_hindi: list[str]) -> None:
    with_footer = [t for t in bbc_hindi if "आप हमें" in t]
    left = [t for t in with_footer if "आप हमें" in strip_boilerplate(t, "hi", None)[0]]
    assert len(with_footer) > 150
    assert left == []


def test_bbc_hindi_prose_mentioning_photos_is_kept(bbc_hindi: list[str]) -> None:
    prose = next(t for t in bbc_hindi if "फोटो खिंचवाए" in t)
    stripped, _ = strip_boilerplate(prose, "hi", None)
    assert "फोटो खिंचवाए" in stripped


def test_inline_footer_opener_removed_at_line_end() -> None:
    text = "वो ये फ़िल्म नहीं बनाना चाहते.(बीबीसी हिन्दी के\n\nएंड्रॉएड ऐप के लिए"
    assert [text[s:e] for s, e, _ in inline_tags(text, "hi")] == ["(बीबीसी हिन्दी के"]
    assert strip_boilerplate(text, "hi", None) == ("वो ये फ़िल्म नहीं बनाना चाहते.", 1)
