"""Sentence boundaries for Hindi and English news without a trained parser.

A sentence ends after a terminal mark (danda, ?, !, .) and at a line break. A full stop after a
known abbreviation or initial ("एस. जयशंकर", "Dr.") is not an end. Only the few terminal and
whitespace tokens get work in Python. A run of more than ``MAX_SENTENCE_TOKENS`` tokens without
an end (a long unpunctuated line) is cut into pieces of that length, so every rule that works
within a sentence works on a bounded span and the whole pipeline stays linear in the text.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

DATA_DIR = Path(__file__).resolve().parent / "data"
NOT_A_START = np.uint64(2**64 - 1)  # -1 as spaCy's to_array gives it for SENT_START
# Longer than any sentence of the 48,000 in the bench corpora (the longest has 779 characters).
MAX_SENTENCE_TOKENS = 250


@cache
def abbreviations(lang: str) -> frozenset[str]:
    with (DATA_DIR / "sentence_abbreviations.csv").open(encoding="utf-8", newline="") as handle:
        return frozenset(
            row["abbreviation"] for row in csv.DictReader(handle) if row["lang"] == lang
        )


class SentenceSplitter:
    def __init__(
        self, nlp: Language, terminals: list[str], closers: list[str], full_stop: str
    ) -> None:
        strings = nlp.vocab.strings
        self.terminals = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.terminals.add("TERMINAL", [nlp.make_doc(mark) for mark in terminals])
        self.whitespace = PhraseMatcher(nlp.vocab, attr="IS_SPACE")
        self.whitespace.add("WHITESPACE", [nlp.make_doc("\n")])
        self.trailing = {strings.add(mark) for mark in [*terminals, *closers]}
        self.full_stop = strings.add(full_stop)
        self.abbreviations = {strings.add(word) for word in abbreviations(nlp.lang)}
        self.abbreviations |= {strings.add(chr(code)) for code in range(ord("A"), ord("Z") + 1)}

    def __call__(self, doc: Doc) -> Doc:
        """Candidates come from two phrase matchers, which walk the tokens in C: reading every
        token's ORTH or IS_SPACE into Python costs more than the rest of the splitting."""
        count = len(doc)
        if not count:
            return doc
        starts = np.full(count, NOT_A_START, dtype=np.uint64)
        starts[0] = 1
        for _, index, _ in self.terminals(doc):
            after_abbreviation = index and doc[index - 1].orth in self.abbreviations
            if after_abbreviation and doc[index].orth == self.full_stop:
                continue
            following = index + 1
            while following < count and doc[following].orth in self.trailing:
                following += 1
            if following < count:
                starts[following] = 1
        for _, index, _ in self.whitespace(doc):
            if index + 1 < count and "\n" in doc[index].text:
                starts[index + 1] = 1
        _cut_long_runs(starts)
        return doc.from_array([SENT_START], starts)


def _cut_long_runs(starts: np.ndarray, limit: int = MAX_SENTENCE_TOKENS) -> None:
    """Mark a sentence start every ``limit`` tokens inside runs longer than ``limit``."""
    marked = np.flatnonzero(starts == 1)
    lengths = np.diff(np.append(marked, len(starts)))
    for first, length in zip(marked[lengths > limit], lengths[lengths > limit], strict=True):
        starts[first + limit : first + length : limit] = 1


@Language.factory(
    "engagement_sentences",
    default_config={
        "terminals": ["।", "॥", "?", "!", "."],
        "closers": ['"', "”", "’", "'", ")"],
        "full_stop": ".",
    },
)
def make_sentence_splitter(
    nlp: Language, name: str, terminals: list[str], closers: list[str], full_stop: str
) -> SentenceSplitter:
    return SentenceSplitter(nlp, terminals, closers, full_stop)
