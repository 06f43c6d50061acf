"""spaCy pipelines per language: blank tokenizer + rule components, no trained models.

Components are registered factories added by name with their config, so the pipeline is
inspectable (``nlp.pipe_names``, ``nlp.config``) and a user can re-build it from config.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

import engagement.nlp.folding  # noqa: F401 - registers engagement_text_fold
import engagement.nlp.kb_matcher  # noqa: F401 - registers engagement_kb_matcher
import engagement.nlp.sentences  # noqa: F401 - registers engagement_sentences
from engagement.config import load_settings

ACRONYM_MAX_LETTERS = 3


def get_nlp(lang: str) -> Language:
    """The pipeline for ``lang`` with the KB override dir from the environment (cached)."""
    override_dir = load_settings().kb_override_dir
    return _build_nlp(lang, str(override_dir) if override_dir else None)


@cache
def _build_nlp(lang: str, override_dir: str | None) -> Language:
    nlp = spacy.blank(lang)
    nlp.add_pipe("engagement_text_fold", config={"acronym_max_letters": ACRONYM_MAX_LETTERS})
    nlp.add_pipe("engagement_sentences")
    nlp.add_pipe(
        "engagement_kb_matcher",
        config={"override_dir": override_dir, "acronym_max_letters": ACRONYM_MAX_LETTERS},
    )
    return nlp
