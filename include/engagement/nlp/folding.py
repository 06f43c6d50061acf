"""Spelling-variant folding for matching: the same name written two ways must get one NORM.

Hindi news spells loan words with or without nukta (कज़ान/कजान), with chandrabindu or anusvara
(अँग्रेज़/अंग्रेज), with candra-o or aa (मॉस्को/मास्को) and with stray ZWJ/ZWNJ. ड़ and ढ़ are
distinct native letters, so only the loan-word nukta is dropped. Latin is lowercased, except
short all-capital acronyms, so "US" does not match the pronoun "us" nor "WHO" the word "who".
"""

from __future__ import annotations

import re
import unicodedata

_LOANWORD_NUKTA = re.compile("(?<![डढ])\u093c")  # after NFC every nukta is a combining mark
_DEVANAGARI_FOLDS = str.maketrans(
    {
        "\u0901": "\u0902",
        "\u0949": "\u093e",
        "\u0911": "\u0906",
        "\u200c": None,
        "\u200d": None,
        "’": "'",
    }
)
_POSSESSIVE = re.compile(r"(?<=[a-z])'s$")


def fold(text: str, acronym_max_letters: int = 3) -> str:
    """The matching form of one token (or a short phrase) of Hindi or English text. Runs once
    per new word type, so the steps a word does not need are skipped (ASCII needs no NFC)."""
    folded = text
    if not text.isascii():
        folded = unicodedata.normalize("NFC", text)
        if "\u093c" in folded:
            folded = _LOANWORD_NUKTA.sub("", folded)
        folded = folded.translate(_DEVANAGARI_FOLDS)
    if folded.isupper() and sum(char.isalpha() and char.isascii() for char in folded) <= acronym_max_letters:
        return folded
    folded = folded.lower()
    return _POSSESSIVE.sub("", folded) if "'" in folded else folded
