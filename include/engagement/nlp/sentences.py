"""Sentence boundaries for Hindi and English news without a trained parser.

A sentence ends after a terminal mark (danda, ?, !, .) and at a line break. A full stop after a
known abbreviation or initial ("एस. जयशंकर", "Dr.") is not an end. Works on token arrays so only
the few terminal tokens are visited in Python.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import numpy as np
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def abbreviations(lang: str) -> frozenset[str]:
    with (DATA_DIR / "sentence_abbreviations.csv").open(encoding="utf-8", newline="") as handle:
        return frozenset(row["abbreviation"] for row in csv.DictReader(handle) if row["lang"] == lang)


class SentenceSplitter:
    def __init__(self, nlp: Language, terminals: list[str], closers: list[str], full_stop: str) -> None:
        strings = nlp.vocab.strings
        self.terminals = np.array([strings.add(mark) for mark in terminals], dtype=np.uint64)
        self.trailing = {strings.add(mark) for mark in [*terminals, *closers]}
        self.full_stop = strings.add(full_stop)
        self.abbreviations = {strings.add(word) for word in abbreviations(nlp.lang)}
        self.abbreviations |= {strings.add(chr(code)) for code in range(ord("A"), ord("Z") + 1)}

    def __call__(self, doc: Doc) -> Doc:
        count = len(doc)
        if not count:
            return doc
        arrays = doc.to_array([ORTH, IS_SPACE])
        orths, spaces = arrays[:, 0], arrays[:, 1]
        starts = np.full(count, -1, dtype=np.int32)
        starts[0] = 1
        for index in np.flatnonzero(np.isin(orths, self.terminals)).tolist():
            if orths[index] == self.full_stop and index and int(orths[index - 1]) in self.abbreviations:
                continue
            following = index + 1
            while following < count and int(orths[following]) in self.trailing:
                following += 1
            if following < count:
                starts[following] = 1
        for index in np.flatnonzero(spaces).tolist():
            if "\n" in doc[index].text and index + 1 < count:
                starts[index + 1] = 1
        # -1 (not a start) wraps in uint64 exactly as spaCy's own to_array output does.
        return doc.from_array([SENT_START], starts.astype(np.uint64).reshape(-1, 1))


@Language.factory(
    "engagement_sentences",
    default_config={"terminals": ["।", "॥", "?", "!", "."], "closers": ['"', "”", "’", "'", ")"], "full_stop": "."},
)
def make_sentence_splitter(
    nlp: Language, name: str, terminals: list[str], closers: list[str], full_stop: str
) -> SentenceSplitter:
    return SentenceSplitter(nlp, terminals, closers, full_stop)
