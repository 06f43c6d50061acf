"""Spelling-variant folding for matching: the same name written two ways must get one NORM.

Hindi news spells loan words with or without nukta (कज़ान/कजान), with chandrabindu or anusvara
(अँग्रेज़/अंग्रेज), with candra-o or aa (मॉस्को/मास्को) and with stray ZWJ/ZWNJ. ड़ and ढ़ are
distinct native letters, so only the loan-word nukta is dropped. Latin letters lose their
diacritics (Erdoğan/Erdogan, Võ Văn Thưởng/Vo Van Thuong). Latin is lowercased, except short
all-capital acronyms, so "US" does not match the pronoun "us" nor "WHO" the word "who".
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
# Latin letters with diacritics: news writes "Erdoğan" and "Erdogan", "Peña Nieto" and "Pena Nieto"
_ACCENTED_LATIN = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")


def _without_accent(match: re.Match[str]) -> str:
    """The letter without its diacritics ("ğ" -> "g"); one with none to drop ("ø", "ß") stays."""
    return "".join(c for c in unicodedata.normalize("NFKD", match.group()) if not unicodedata.combining(c))


def fold(text: str, acronym_max_letters: int = 3) -> str:
    """The matching form of one token (or a short phrase) of Hindi or English text. Runs once
    per new word type, so the steps a word does not need are skipped (ASCII needs no NFC)."""
    folded = text
    if not text.isascii():
        folded = unicodedata.normalize("NFC", text)
        if "\u093c" in folded:
            folded = _LOANWORD_NUKTA.sub("", folded)
        folded = folded.translate(_DEVANAGARI_FOLDS)
        folded = _ACCENTED_LATIN.sub(_without_accent, folded)
    if folded.isupper() and sum(char.isalpha() and char.isascii() for char in folded) <= acronym_max_letters:
        return folded
    folded = folded.lower()
    return _POSSESSIVE.sub("", folded) if "'" in folded else folded


# Devanagari vowel signs, virama, anusvara, visarga and nukta: what transliterations of one
# foreign name disagree on ("जावेद/जवाद जरीफ", "शाहबाज/शहबाज शरीफ", "डॉनल्ड/डोनाल्ड ट्रंप")
_VOWEL_MARKS = re.compile("[\u093a-\u094f\u0962\u0963\u0901-\u0903]")
# a half nasal before a consonant is an anusvara written out: ट्रम्प/ट्रंप, नरेन्द्र/नरेंद्र
_HALF_NASAL = re.compile("[ङञणनम]\u094d(?=[\u0915-\u0939])")
# and ब for व, which transliterations swap ("देउबा/देउवा", "वांगचुक/बांगचुक")
_SKELETON_FOLDS = str.maketrans({"आ": "अ", "ई": "इ", "ऊ": "उ", "ऐ": "ए", "औ": "ओ", "ऑ": "अ", "ब": "व"})


def consonant_skeleton(text: str) -> str:
    """The consonants of a folded Devanagari word, with its initial vowel shortened: the form
    two spellings of one transliterated name share. Too coarse for single words ("चीन" and
    "चुना" share one); only names of several words are matched on it (``kb_matcher``). A hyphen
    at the word's edge is dropped: "अल- सिसी" is "अल-सीसी" typed loosely."""
    folded = _HALF_NASAL.sub("", fold(text))
    return _VOWEL_MARKS.sub("", folded).translate(_SKELETON_FOLDS).strip("-")
