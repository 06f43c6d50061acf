"""Sentence boundaries for Hindi and English news without a trained parser.

A sentence ends after a terminal mark (danda, ?, !, .) and at a line break. A full stop after a
known abbreviation or initial ("एस. जयशंकर", "Dr.") is not an end. Works on token arrays: a set
lookup per token, and only the few terminal tokens get more work in Python.
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
        self.terminals = {strings.add(mark) for mark in terminals}
        self.trailing = {strings.add(mark) for mark in [*terminals, *closers]}
        self.full_stop = strings.add(full_stop)
        self.abbreviations = {strings.add(word) for word in abbreviations(nlp.lang)}
        self.abbreviations |= {strings.add(chr(code)) for code in range(ord("A"), ord("Z") + 1)}

    def __call__(self, doc: Doc) -> Doc:
        count = len(doc)
        if not count:
            return doc
        arrays = doc.to_array([ORTH, IS_SPACE])
        orths = arrays[:, 0].tolist()
        starts = np.full(count, -1, dtype=np.int32)
        starts[0] = 1
        terminals = self.terminals
        for index in [i for i, orth in enumerate(orths) if orth in terminals]:
            if orths[index] == self.full_stop and index and orths[index - 1] in self.abbreviations:
                continue
            following = index + 1
            while following < count and orths[following] in self.trailing:
                following += 1
            if following < count:
                starts[following] = 1
        for index in np.flatnonzero(arrays[:, 1]).tolist():
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
