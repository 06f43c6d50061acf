"""Knowledge-base names found by one PhraseMatcher on folded NORMs, longest match winning.

Every alias of every language is a pattern (Hindi articles quote "Bahrain", English ones
Devanagari), built once per pipeline. Results go to ``doc.ents``: label COUNTRY/PLACE/ORG/
PERSON/ROLE and ``kb_id_`` the entity id (the role for ROLE).

Hindi news transliterates foreign names as it hears them ("जावेद जरीफ" for the KB's "जवाद जरीफ",
"शाहबाज शरीफ", "डॉनल्ड ट्रंप"). In a Hindi pipeline a second matcher compares people's names of
several Devanagari words by their consonants (``folding.consonant_skeleton``, kept in each
lexeme's otherwise unused SHAPE slot); an exact match of the same length or longer wins.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import spacy
from spacy.attrs import NORM, SHAPE
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from engagement.kb.loader import load_kb
from engagement.kb.model import Alias
from engagement.nlp.folding import consonant_skeleton
from engagement.nlp.pattern_cache import Patterns, cache_file_for, cached_patterns, patterns_fingerprint

FOLD_COMPONENT = "engagement_text_fold"
SPELLING_VARIANT_LANGS = frozenset({"hi"})
CAPITALISED_NAME_LANGS = frozenset({"en"})
_CAPITALISED_LABELS = frozenset({"PLACE"})  # people keep lower-case handles ("@narendramodi")
_DEVANAGARI_NAME = re.compile(r"[\u0900-\u0963\u0966-\u097f]+(?:[ -][\u0900-\u0963\u0966-\u097f]+)+")
_NAME_PARTS = re.compile(r"[ -]")


class KbMatcher:
    def __init__(self, nlp: Language, override_dir: str | None, cache_dir: str | None = None) -> None:
        if FOLD_COMPONENT not in nlp.pipe_names:
            raise ValueError(
                f"add {FOLD_COMPONENT!r} before the KB matcher: patterns match on folded NORMs"
            )
        self.kb = load_kb(Path(override_dir) if override_dir else None)
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.keys: dict[int, tuple[str, str]] = {}
        for (label, entity_id), patterns in self._patterns(nlp, override_dir, cache_dir).items():
            key = f"{label}|{entity_id}"
            self.keys[nlp.vocab.strings.add(key)] = (label, entity_id)
            self.matcher.add(key, patterns)
        self.variants = _variant_matcher(nlp, self.kb.aliases(nlp.lang), set(self.keys))
        # English writes places with a capital: folded without its accent, "Malé"
        # would otherwise be every "male"
        self.places_capitalised = nlp.lang in CAPITALISED_NAME_LANGS

    def _patterns(self, nlp: Language, override_dir: str | None, cache_dir: str | None) -> Patterns:
        """Computed here, or read from ``cache_dir`` where an earlier task left them."""
        if not cache_dir:
            return _norm_patterns(nlp, self.kb.aliases(nlp.lang))
        acronym_max_letters = nlp.get_pipe(FOLD_COMPONENT).acronym_max_letters
        fingerprint = patterns_fingerprint(nlp.lang, Path(override_dir) if override_dir else None, acronym_max_letters)
        return cached_patterns(
            cache_file_for(Path(cache_dir), nlp.lang, fingerprint),
            lambda: _norm_patterns(nlp, self.kb.aliases(nlp.lang)),
        )

    def __call__(self, doc: Doc) -> Doc:
        """Longest match wins, as ``spacy.util.filter_spans`` decides, but on plain tuples: only
        the kept names become Spans. Tokens outside names keep the tokenizer's "missing" IOB,
        which ``doc.ents`` reads as outside; marking each one "O" costs a set lookup per token."""
        taken: set[int] = set()
        kept = []
        found = [(match_id, start, end, True) for match_id, start, end in self.matcher(doc)]
        if self.variants is not None:
            found += [(match_id, start, end, False) for match_id, start, end in self.variants(doc)]
        keys = self.keys
        if self.places_capitalised:
            found = [m for m in found if not (keys[m[0]][0] in _CAPITALISED_LABELS and doc[m[1]].text.islower())]
        for match_id, start, end, _ in sorted(found, key=_longest_first, reverse=True):
            if start not in taken and end - 1 not in taken:
                kept.append((start, end, match_id))
                taken.update(range(start, end))
        names = [
            Span(doc, start, end, label=keys[match_id][0], kb_id=keys[match_id][1])
            for start, end, match_id in sorted(kept)
        ]
        doc.set_ents(names, default="unmodified")
        return doc


def _longest_first(match: tuple[int, int, int, bool]) -> tuple[int, bool, int]:
    """filter_spans' order (with reverse=True): longer first, an exact match before a spelling
    variant, then earlier."""
    _, start, end, exact = match
    return end - start, exact, -start


def _variant_matcher(nlp: Language, aliases: list[Alias], known_keys: set[int]) -> PhraseMatcher | None:
    """A matcher of people's names of several Devanagari words by their consonant skeletons, for
    a language whose news transliterates names (``SPELLING_VARIANT_LANGS``); a skeleton two
    people share is left out. Installs the skeleton as every lexeme's SHAPE."""
    if nlp.lang not in SPELLING_VARIANT_LANGS:
        return None
    nlp.vocab.lex_attr_getters[SHAPE] = consonant_skeleton
    for lexeme in nlp.vocab:  # word types created before
        lexeme.shape_ = consonant_skeleton(lexeme.orth_)
    people: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for alias in aliases:
        if alias.label == "PERSON" and _DEVANAGARI_NAME.fullmatch(alias.text):
            # "अल-सीसी" written "अल सीसी" or "अल- सिसी": its words without the hyphen
            people[tuple(consonant_skeleton(word) for word in _NAME_PARTS.split(alias.text))].add(alias.entity_id)
    strings = nlp.vocab.strings
    matcher = PhraseMatcher(nlp.vocab, attr="SHAPE")
    for skeleton, person_ids in people.items():
        key = f"PERSON|{next(iter(person_ids))}"  # the exact matcher's key for that person
        if len(person_ids) == 1 and all(skeleton) and strings.add(key) in known_keys:
            matcher.add(key, [[strings.add(part) for part in skeleton]])
    return matcher


def _norm_patterns(nlp: Language, aliases: list[Alias]) -> Patterns:
    """Each (label, entity id)'s aliases as sequences of NORM hashes, which is what the
    PhraseMatcher stores of a pattern Doc: all alias texts go through one tokenizer pass, and
    the matcher gets the hashes instead of ~40,000 Docs it would check and convert one by one."""
    tokenizer = _pattern_tokenizer(nlp).tokenizer
    patterns: Patterns = defaultdict(list)
    for alias, doc in zip(aliases, tokenizer.pipe(alias.text for alias in aliases), strict=True):
        if len(doc):
            patterns[(alias.label, alias.entity_id)].append(tuple(doc.to_array(NORM).tolist()))
    return dict(patterns)


def _pattern_tokenizer(nlp: Language) -> Language:
    """A scratch pipeline with the same tokenizer and folding, so that the ~3000 alias words do
    not take slots of the main tokenizer's cache (it stops storing new chunks once full, see
    ``pipeline.TOKENIZER_CACHE_CHUNKS``), which are better spent on the articles' words. Matching
    compares NORM hashes only, which are the same in both vocabularies; so its new word types
    get the folded NORM alone, not spaCy's other lexical attributes (which cost more than the
    tokenizing)."""
    scratch = spacy.blank(nlp.lang)
    scratch.add_pipe(
        FOLD_COMPONENT,
        config={"acronym_max_letters": nlp.get_pipe(FOLD_COMPONENT).acronym_max_letters},
    )
    getters = scratch.vocab.lex_attr_getters
    scratch.vocab.lex_attr_getters = {NORM: getters[NORM]}
    return scratch


@Language.factory("engagement_kb_matcher", default_config={"override_dir": None, "cache_dir": None})
def make_kb_matcher(nlp: Language, name: str, override_dir: str | None, cache_dir: str | None) -> KbMatcher:
    return KbMatcher(nlp, override_dir, cache_dir)
