"""Spelling-variant folding for matching: the same name written two ways must get one NORM.

Hindi news spells loan words with or without nukta (कज़ान/कजान), with chandrabindu or anusvara
(अँग्रेज़/अंग्रेज), with candra-o or aa (मॉस्को/मास्को) and with stray ZWJ/ZWNJ. ड़ and ढ़ are
distinct native letters, so only the loan-word nukta is dropped. Latin is lowercased, except
short all-capital acronyms, so "US" does not match the pronoun "us" nor "WHO" the word "who".
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

_LOANWORD_NUKTA = re.compile("(?<![डढ])\u093c")  # after NFC every nukta is a combining mark
_DEVANAGARI_FOLDS = str.maketrans(
    {"\u0901": "\u0902", "\u0949": "\u093e", "\u0911": "\u0906", "\u200c": None, "\u200d": None, "’": "'"}
)
_POSSESSIVE = re.compile(r"(?<=[a-z])'s$")


def fold(text: str, acronym_max_letters: int = 3) -> str:
    """The matching form of one token (or a short phrase) of Hindi or English text."""
    folded = _LOANWORD_NUKTA.sub("", unicodedata.normalize("NFC", text)).translate(_DEVANAGARI_FOLDS)
    letters = sum(char.isalpha() and char.isascii() for char in folded)
    if folded.isupper() and letters <= acronym_max_letters:
        return folded
    return _POSSESSIVE.sub("", folded.lower())


class TextFolder:
    """Sets the NORM of each new word type once, on the shared vocabulary: a token's norm_ is its
    lexeme's, so later documents pay only a set lookup per distinct word, not a fold per token."""

    def __init__(self, acronym_max_letters: int) -> None:
        self.acronym_max_letters = acronym_max_letters
        self._folded: set[int] = set()

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            vocab = doc.vocab
            for orth in np.unique(doc.to_array(ORTH)).tolist():
                if orth not in self._folded:
                    lexeme = vocab[orth]
                    lexeme.norm_ = fold(lexeme.orth_, self.acronym_max_letters)
                    self._folded.add(orth)
        return doc


@Language.factory("engagement_text_fold", default_config={"acronym_max_letters": 3})
def make_text_folder(nlp: Language, name: str, acronym_max_letters: int) -> TextFolder:
    return TextFolder(acronym_max_letters)
