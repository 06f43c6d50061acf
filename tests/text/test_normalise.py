from __future__ import annotations

import unicodedata

import pytest
from engagement.text.normalise import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("India &amp; Russia &quot;agree&quot;", 'India & Russia "agree"'),
        ("“Talks”, he said – ‘soon’ — maybe", "\"Talks\", he said - 'soon' - maybe"),
        ("New\u00a0Delhi\u2009today\u202f!", "New Delhi today !"),
        ("line one   \r\nline two\t\t", "line one\nline two"),
        ("para one\r\r\n\r\r\n\r\r\npara two", "para one\n\npara two"),
        ("\n\n  top\n\n\n\n\nbottom  \n\n", "top\n\nbottom"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        # entities that lost their "&" in a feed or dataset (AG News writes them so)
        ("Arafat #39;s body arrives; they don #39;t agree", "Arafat's body arrives; they don't agree"),
        ("Libya hosts quot;mini-summit quot; on AT amp;T", 'Libya hosts "mini-summit " on AT &T'),
        ("Room #12; and #2004; stay", "Room #12; and #2004; stay"),
    ],
)
def test_normalise_cleans_entities_quotes_spaces_and_blank_lines(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_devanagari_joiners_removed_but_persian_zwnj_kept() -> None:
    assert normalise("भा\u200dरत और रू\u200cस") == "भारत और रूस"
    persian = "می\u200cخواهم"
    assert normalise(persian) == persian


def test_result_is_nfc_so_nukta_spellings_agree() -> None:
    precomposed = "\u095c"  # ड़ as one code point
    decomposed = "\u0921\u093c"
    assert normalise(f"पढ{precomposed}") == normalise(f"पढ{decomposed}")
    assert unicodedata.is_normalized("NFC", normalise("ज़रूर क़ानून"))
