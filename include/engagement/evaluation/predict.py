"""What the extractor says about a gold document, and what a gold span's text means to the KB.

Predictions come from the same path as ``engagement extract`` (boilerplate blanked, then the
entity pipeline), so the scores describe the product, not a test double.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from engagement.evaluation.gold import GoldDocument
from engagement.kb.model import SHORT_NAME
from engagement.nlp.entities import extract_entities
from engagement.nlp.pipeline import KB_MATCHER, get_nlp
from engagement.text.boilerplate import mask_boilerplate

# Country aliases that name the country as a place or a government ("India", "Kremlin"); the
# others (adjectives, demonyms: "Indian", "रूसी") are not location names in any gold set.
COUNTRY_NAME_KINDS = frozenset({"name", "seat_metonym"})
NOT_SCORED = frozenset({"ROLE"})  # role phrases are titles, not names, in every gold set


@dataclass(frozen=True, slots=True)
class KbEntry:
    label: str  # COUNTRY, PLACE, ORG, PERSON
    entity_id: str
    kind: str  # alias kind: name, adjective, demonym, seat_metonym for countries


@dataclass(frozen=True, slots=True)
class Predicted:
    start: int
    end: int
    text: str
    label: str  # our label: COUNTRY, PLACE, ORG, PERSON, DATE
    entity_id: str | None
    kind: str | None  # the matched alias's kind (countries: name or adjective ...)


class AliasIndex:
    """Folded token sequence of every KB alias -> the entries it names. A text "resolves to the
    KB" when, tokenised and folded exactly as the matcher folds article text, it equals one of
    these sequences: the same test the phrase matcher applies, minus the article around it."""

    def __init__(self, lang: str) -> None:
        self.nlp = get_nlp(lang)
        self._entries: dict[tuple[str, ...], list[KbEntry]] = {}
        for alias in self.nlp.get_pipe(KB_MATCHER).kb.aliases(lang):
            # A bare surname ("Wang", "Dar") names our person only in context, so a gold span
            # that is just the surname is not "in our KB" (CoNLL's many Wangs are not Wang Yi).
            if alias.label in NOT_SCORED or alias.kind == SHORT_NAME:
                continue
            entry = KbEntry(alias.label, alias.entity_id, alias.kind)
            entries = self._entries.setdefault(self.norms(alias.text), [])
            if entry not in entries:
                entries.append(entry)

    def norms(self, text: str) -> tuple[str, ...]:
        return tuple(token.norm_ for token in self.nlp.make_doc(text))

    def lookup(self, text: str) -> list[KbEntry]:
        return self._entries.get(self.norms(text), [])


@cache
def alias_index(lang: str) -> AliasIndex:
    return AliasIndex(lang)


def predict(document: GoldDocument) -> list[Predicted]:
    masked = mask_boilerplate(document.text, document.lang)
    mentions = extract_entities(masked, document.lang, document.published).mentions
    index = alias_index(document.lang)
    predicted = []
    for m in mentions:
        if m.label in NOT_SCORED:
            continue
        kind = next((e.kind for e in index.lookup(m.text) if e.entity_id == m.entity_id), None)
        predicted.append(Predicted(m.start, m.end, m.text, m.label, m.entity_id, kind))
    return predicted
