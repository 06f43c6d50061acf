"""The spaCy component that makes :func:`engagement.nlp.folding.fold` every word's NORM.

Apart from ``folding`` so that the event coder, which folds words but runs no pipeline, does not
import spaCy.
"""

from __future__ import annotations

from functools import partial

from spacy.attrs import NORM
from spacy.language import Language
from spacy.tokens import Doc

from engagement.nlp.folding import fold


class TextFolder:
    """Installs :func:`fold` as the vocabulary's NORM getter, so every word type is folded once,
    when spaCy first creates its lexeme, and ``token.norm_`` (the lexeme's) is ready before this
    component runs: folding costs nothing per token or per document."""

    def __init__(self, nlp: Language, acronym_max_letters: int) -> None:
        self.acronym_max_letters = acronym_max_letters
        folder = partial(fold, acronym_max_letters=acronym_max_letters)
        nlp.vocab.lex_attr_getters[NORM] = folder
        for lexeme in nlp.vocab:  # word types created before the component was added
            lexeme.norm_ = folder(lexeme.orth_)

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("engagement_text_fold", default_config={"acronym_max_letters": 3})
def make_text_folder(nlp: Language, name: str, acronym_max_letters: int) -> TextFolder:
    return TextFolder(nlp, acronym_max_letters)
