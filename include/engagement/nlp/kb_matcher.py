"""Knowledge-base names found by one PhraseMatcher on folded NORMs, longest match winning.

Every alias of every language is a pattern (Hindi articles quote "Bahrain", English ones
Devanagari), built once per pipeline. Results go to ``doc.ents``: label COUNTRY/PLACE/ORG/
PERSON/ROLE and ``kb_id_`` the entity id (the role for ROLE).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from engagement.kb.loader import load_kb
from engagement.nlp.folding import TextFolder


class KbMatcher:
    def __init__(self, nlp: Language, override_dir: str | None, acronym_max_letters: int) -> None:
        kb = load_kb(Path(override_dir) if override_dir else None)
        folder = TextFolder(acronym_max_letters)
        texts_by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
        for alias in kb.aliases(nlp.lang):
            texts_by_key[(alias.label, alias.entity_id)].append(alias.text)
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.keys: dict[int, tuple[str, str]] = {}
        for (label, entity_id), texts in texts_by_key.items():
            key = f"{label}|{entity_id}"
            self.keys[nlp.vocab.strings.add(key)] = (label, entity_id)
            patterns = [folder(doc) for doc in nlp.tokenizer.pipe(texts) if len(doc)]
            self.matcher.add(key, patterns)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, entity_id = self.keys[match_id]
            spans.append(Span(doc, start, end, label=label, kb_id=entity_id))
        doc.ents = sorted(filter_spans(spans), key=lambda span: span.start)
        return doc


@Language.factory(
    "engagement_kb_matcher", default_config={"override_dir": None, "acronym_max_letters": 3}
)
def make_kb_matcher(nlp: Language, name: str, override_dir: str | None, acronym_max_letters: int) -> KbMatcher:
    return KbMatcher(nlp, override_dir, acronym_max_letters)
