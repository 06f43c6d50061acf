"""spaCy pipelines per language: blank tokenizer + rule components, no trained models.

Components are registered factories added by name with their config, so the pipeline is
inspectable (``nlp.pipe_names``, ``nlp.config``) and a user can re-build it from config.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path

import spacy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.util import compile_infix_regex, get_lang_class
from spacy.vocab import create_vocab

import engagement.nlp.fold_component  # noqa: F401 - registers engagement_text_fold
import engagement.nlp.kb_matcher  # noqa: F401 - registers engagement_kb_matcher
import engagement.nlp.sentences  # noqa: F401 - registers engagement_sentences
from engagement.config import Settings, load_settings
from engagement.kb.loader import kb_fingerprint

ACRONYM_MAX_LETTERS = 3
DEVANAGARI_RUN_ON_STOP = r"(?<=[\u0900-\u097F])\.(?=[\u0900-\u097F])"
RUN_ON_DANDA = r"[\u0964\u0965]"  # "लिया है।विवाद": a danda never stands inside a word
NOT_DEVANAGARI_WORDS = r"(?![\u0900-\u097F.]+$)"


# Same variable Settings reads; looked up raw on every call because load_settings() costs more
# than tokenizing a short article, and the pipeline is cached per value anyway.
KB_OVERRIDES_ENV = "ENGAGEMENT_KB_OVERRIDES"
KB_MATCHER = "engagement_kb_matcher"


def get_nlp(lang: str) -> Language:
    """The pipeline for ``lang`` with the KB override dir of the environment (cached)."""
    return _build_nlp(lang, os.environ.get(KB_OVERRIDES_ENV))


@cache
def _build_nlp(lang: str, override_env_value: str | None) -> Language:
    return build_nlp(lang, load_settings().kb_override_dir if override_env_value else None)


def build_nlp(lang: str, override_dir: Path | None, cache_dir: Path | None = None) -> Language:
    """A new pipeline for ``lang``; with ``cache_dir`` its KB patterns are read from (or left
    in) that folder, so the next process builds it in a fraction of the time."""
    nlp = spacy.blank(lang)
    nlp.tokenizer.max_cache_size = TOKENIZER_CACHE_CHUNKS
    _compute_only_the_attributes_we_read(nlp)
    _split_abbreviation_pairs(nlp)
    nlp.add_pipe("engagement_text_fold", config={"acronym_max_letters": ACRONYM_MAX_LETTERS})
    nlp.add_pipe("engagement_sentences")
    nlp.add_pipe(
        KB_MATCHER,
        config={
            "override_dir": str(override_dir) if override_dir else None,
            "cache_dir": str(cache_dir) if cache_dir else None,
        },
    )
    return nlp


class Pipelines:
    """Each language's pipeline for one ``Settings``, built on first use (a shard may hold one
    language only), with the KB patterns cached under the settings' cache folder. Built once per
    process and KB version (``kb_fingerprint``): a task forked from a scheduler that built them
    already (``extract_entities.warm``) finds them built."""

    def __init__(self, settings: Settings) -> None:
        self.override_dir = settings.kb_override_dir
        self.cache_dir = settings.cache_dir
        self.kb_version = kb_fingerprint(self.override_dir)

    def __call__(self, lang: str) -> Language:
        return _shared_nlp(lang, self.override_dir, self.cache_dir, self.kb_version)


@lru_cache(maxsize=8)
def _shared_nlp(lang: str, override_dir: Path | None, cache_dir: Path | None, kb_version: str) -> Language:
    return build_nlp(lang, override_dir, cache_dir)


# How many distinct chunks (words with their punctuation) the tokenizer remembers how to split.
# spaCy's default of 10,000 fills within a few dozen articles, after which every further word is
# split from scratch; a day's news has tens of thousands of distinct chunks. At 100,000 the
# tokenizer pass over the 9 MB benchmark corpus takes a fifth less time, for a few MB of memory.
TOKENIZER_CACHE_CHUNKS = 100_000

# Word attributes computed for every new word type: the KB matcher matches on NORM (the folded
# form) and the sentence splitter finds line breaks by IS_SPACE. spaCy computes all 23 of its
# lexical attributes when it first meets a word; on unseen news text that was half of the
# tokenizer's time, and the few other tests we need are asked of a handful of tokens
# (``word_is``).
LEXEME_ATTRIBUTES = ("NORM", "IS_SPACE")


def _compute_only_the_attributes_we_read(nlp: Language) -> None:
    keep = {IDS[name] for name in LEXEME_ATTRIBUTES}
    nlp.vocab.lex_attr_getters = {attr: get for attr, get in nlp.vocab.lex_attr_getters.items() if attr in keep}


@cache
def _spacy_word_tests(lang: str) -> dict[int, Callable[[str], object]]:
    return dict(create_vocab(lang, get_lang_class(lang).Defaults).lex_attr_getters)


def word_is(lang: str, attribute: str, text: str) -> bool:
    """spaCy's own lexical test ``attribute`` ("IS_STOP", "LIKE_NUM", "IS_TITLE" ...) for
    ``lang``, on one word whose lexeme was not given it."""
    return bool(_spacy_word_tests(lang)[IDS[attribute]](text))


def _split_abbreviation_pairs(nlp: Language) -> None:
    """Split "U.S.-Iraq" into U.S. / - / Iraq, as "भारत-रूस" already is, so both countries match,
    and "हैं.इन" into हैं / . / इन, so the splitter sees the full stop between two sentences.

    spaCy keeps a hyphen after an abbreviation's full stop inside one token; an infix rule for
    a hyphen between "." and a capital letter separates the pair and leaves "U.S.-led" whole.
    Scraped Hindi often loses the space after a sentence's full stop; an initial written
    without one ("एस.जयशंकर") is split too, and the splitter's abbreviation list keeps it whole.
    It loses the space after a danda too ("होगी।भारत"): the danda is split off wherever it stands.
    """
    infixes = [*nlp.Defaults.infixes, r"(?<=\.)-(?=[A-Z])", DEVANAGARI_RUN_ON_STOP, RUN_ON_DANDA]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if nlp.tokenizer.url_match:  # its pattern takes "हैं.इन" for a domain name
        url = nlp.tokenizer.url_match.__self__
        nlp.tokenizer.url_match = re.compile(NOT_DEVANAGARI_WORDS + url.pattern.removeprefix("(?u)"), url.flags).match
