"""Public entry point of entity extraction: sentences and typed mentions of one article.

Mention fields are the ``mentions`` contract of docs/contracts.md. Offsets are character
offsets into the text exactly as given (the caller has already blanked boilerplate lines).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from engagement.nlp.model import EntityResult, Mention, Sentence
from engagement.nlp.pipeline import KB_MATCHER, get_nlp
from engagement.nlp.resolve import Resolver

__all__ = ["EntityResult", "Mention", "Sentence", "extract_entities"]


def extract_entities(text: str, lang: str, published: date, nlp: Language | None = None) -> EntityResult:
    """Sentences and KB/date mentions of ``text``; roles and holders as of ``published``. ``nlp``
    is the language's pipeline (``pipeline.Pipelines``); without it, the environment's."""
    nlp = nlp or get_nlp(lang)
    doc = nlp.make_doc(text)
    for _, component in nlp.pipeline:  # nlp(text) without its per-call bookkeeping (~30 µs a text)
        doc = component(doc)
    sentences = _sentences(doc, text)
    kb = nlp.get_pipe(KB_MATCHER).kb
    found = [
        (*resolved, None, None, None) for resolved in Resolver(doc, text, kb, lang, published).mentions()
    ]
    found += [
        (d.start, d.end, d.text, "DATE", None, None, None, None, d.value, d.value_end, d.precision)
        for d in _dates(text, lang, published)
    ]
    found.sort(key=lambda fields: (fields[0], fields[1]))
    starts = [sentence.start for sentence in sentences]
    mentions = [
        Mention(idx, max(bisect_right(starts, fields[0]) - 1, 0), *fields)
        for idx, fields in enumerate(found)
    ]
    return EntityResult(sentences, mentions)


def _sentences(doc: Doc, text: str) -> list[Sentence]:
    """The splitter's sentences, trimmed of surrounding whitespace; blank ones are skipped.
    ``doc.sents`` walks the tokens in C and makes one Span per sentence (not per token)."""
    if not len(doc):
        return []
    sentences: list[Sentence] = []
    for span in doc.sents:
        raw = text[span.start_char : span.end_char]
        stripped = raw.strip()
        if stripped:
            start = span.start_char + len(raw) - len(raw.lstrip())
            sentences.append(Sentence(len(sentences), start, start + len(stripped), stripped))
    return sentences


def _dates(text: str, lang: str, published: date):
    from engagement.nlp.dates import find_dates  # owned by the dates module; imported on use

    return find_dates(text, lang, published)
