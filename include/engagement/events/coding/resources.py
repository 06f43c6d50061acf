"""Everything the coder knows, built once from ``Settings`` and passed in.

The knowledge base comes with the user's override folder, so an organisation or person added
there is an actor here as it is a mention for the entity extractor. Each supported language gets
its lexicon: triggers, cues, topics and the word lists of ``events/data/word_lists.csv``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from engagement.config import SUPPORTED_LANGUAGES, Settings
from engagement.events import lexicon
from engagement.kb.loader import kb_fingerprint, load_kb
from engagement.kb.model import KnowledgeBase
from engagement.nlp.folding import fold

_NEVER = re.compile("(?!)")
_DEVANAGARI = "\u0900-\u097f"
# Punctuation that ends a clause; the conjunctions that do come from word_lists.csv.
_CLAUSE_MARKS = {"hi": "[,;।]", "en": '[,;:"“”()]'}
# How a stay's length is written, around its number ("a four-day visit", "चार दिवसीय दौरा").
_STAY_LENGTH = {"hi": r"(?<![\u0900-\u097f])({number})[\s-]*(?:दिवसीय|दिन)", "en": r"\b({number})-day\b"}


def _data_rows(name: str) -> list[dict[str, str]]:
    with (lexicon.DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _word_lists(lang: str) -> dict[str, tuple[str, ...]]:
    lists: dict[str, list[str]] = {}
    for row in _data_rows("word_lists.csv"):
        if row["lang"] == lang:
            lists.setdefault(row["list"], []).append(row["word"])
    return {name: tuple(words) for name, words in lists.items()}


def _clause_break(lang: str, conjunctions: tuple[str, ...]) -> re.Pattern[str]:
    """Where a clause ends: a punctuation mark or a conjunction standing as a word."""
    words = "|".join(map(re.escape, conjunctions))
    if lang == "hi":
        return re.compile(rf"{_CLAUSE_MARKS[lang]}|(?<![{_DEVANAGARI}])(?:{words})(?![{_DEVANAGARI}])")
    return re.compile(rf"{_CLAUSE_MARKS[lang]}|\b(?:{words})\b")


def _relative_clause(pronouns: tuple[str, ...]) -> re.Pattern[str]:
    """A relative clause set off by commas: the comma, a relative pronoun, words, the comma."""
    if not pronouns:
        return _NEVER
    words = "|".join(map(re.escape, pronouns))
    return re.compile(rf",\s*(?:{words})\s[^,;:।|]*,", re.IGNORECASE)


@dataclass(frozen=True)
class LanguageLexicon:
    """The coding knowledge of one language, compiled once."""

    lang: str
    triggers: tuple[lexicon.Trigger, ...]
    cues: Mapping[str, tuple[re.Pattern[str], ...]]
    screens: Mapping[str, re.Pattern[str]]
    topics: tuple[tuple[str, re.Pattern[str]], ...]
    clause_break: re.Pattern[str]
    relative_date_words: frozenset[str]
    dated_dateline: re.Pattern[str]  # "MOSCOW, Dec 4 -", "New York [US], September 24": a place, a comma, a date
    stay_length: re.Pattern[str]  # "a four-day visit": group 1 is the number of days
    numbers: Mapping[str, int]  # number words, "two" -> 2 (ten at most: stays are short)
    # ", who last visited India in 2019,", ", जो 2023 में भारत आए थे,": a clause about someone
    relative_clause: re.Pattern[str]

    @classmethod
    def build(cls, lang: str) -> LanguageLexicon:
        cues = lexicon.cues(lang)
        words = _word_lists(lang)
        months = "|".join(map(re.escape, words.get("month_abbreviation", ())))
        numbers = {word: value for value, word in enumerate(words.get("number_word", ()), start=2)}
        number = "|".join([r"\d{1,2}", *map(re.escape, numbers)])
        return cls(
            lang=lang,
            triggers=lexicon.triggers(lang),
            cues=cues,
            screens={cue: lexicon.cue_screen(lang, cue) for cue in cues},
            topics=lexicon.topic_patterns(lang),
            clause_break=_clause_break(lang, words.get("clause_conjunction", ())),
            relative_date_words=frozenset(words.get("relative_date_word", ())),
            dated_dateline=re.compile(rf"^[\])]?,\s*(?:{months})[a-z]*\.?\s+\d", re.IGNORECASE) if months else _NEVER,
            stay_length=re.compile(_STAY_LENGTH[lang].format(number=number), re.IGNORECASE),
            numbers=numbers,
            relative_clause=_relative_clause(words.get("relative_pronoun", ())),
        )

    def screen(self, cue: str) -> re.Pattern[str]:
        """All patterns of one cue as a single regex (one that never matches for a cue the
        language lacks)."""
        return self.screens.get(cue, _NEVER)

    def matches(self, cue: str, text: str) -> bool:
        return self.screen(cue).search(text) is not None


@dataclass(frozen=True)
class KindGroups:
    """Trigger kinds that share a rule (``events/data/kind_groups.csv``)."""

    travel: frozenset[str]  # direction comes from who travels where / who hosts
    meeting: frozenset[str]
    # meetings and calls: the people in them are the parties, and a list of counterparts
    # ("called the leaders of Canada and Mexico") is met one by one or all at once
    conversation: frozenset[str]
    # formal acts whose parties are the sentence's subject pair even when another trigger
    # stands between them and the act
    shares_arguments: frozenset[str]
    speech: frozenset[str]  # statements aim at their own object
    mediation: frozenset[str]  # a mediator between two sides: one event with each side
    # conflict acts whose one named state acts on the story's other side ("दक्षिण कोरिया ने जवाब
    # में गोलियां चलाईं" in a story of the two Koreas)
    story_pair: frozenset[str]
    # force that lands where it strikes: the state named as the place ("strikes on camps in
    # Pakistan") is the target, a strike on another state's territory being 19 (SPLIT.md)
    lands_on_venue: frozenset[str]
    # directed acts that each state of a subject list does ("Canada, Australia and New Zealand
    # expelled ..."); signing, meeting or restoring ties together is one act between them
    each_agent: frozenset[str]
    # acts two states listed after "both" do to each other ("Both Cambodia and Thailand have
    # downgraded relations"); statements are left out ("both condemned the attack by militants")
    mutual: frozenset[str]
    # a speaker or attacker that is no state ("militants said", "आत्मघाती हमलावर ने ... हमला")
    # makes no state pair, whatever countries the sentence names
    non_state_agent: frozenset[str]
    # meetings that may be talk about talks ("resume stalled talks", "बातचीत ... लटकी हुई है")
    talk_about_talks: frozenset[str]
    # acts whose other side may be no state ("talks with Darfur rebels", "clash with protesters")
    non_state_partner: frozenset[str]
    # a welcome that may be of a thing, not a guest ("बयान का स्वागत किया")
    things_welcomed: frozenset[str]
    # a ban that may be on a group, not a state ("लश्कर पर प्रतिबंध")
    group_banned: frozenset[str]
    # happenings a frame may name first ("during his visit to Paris", "के साथ फोन पर बातचीत के
    # दौरान ... निंदा की"): news of their own unless the article already reported one like them
    news_when_framed: frozenset[str]

    @classmethod
    def load(cls) -> KindGroups:
        groups: dict[str, set[str]] = {}
        for row in _data_rows("kind_groups.csv"):
            groups.setdefault(row["group"], set()).add(row["kind"])
        return cls(**{name: frozenset(groups.get(name, ())) for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class CodingResources:
    kb: KnowledgeBase
    lexicons: Mapping[str, LanguageLexicon]
    cameo: Mapping[str, lexicon.CameoCode]
    kinds: KindGroups
    adjective_forms: frozenset[str]  # folded adjective and demonym forms of country names ("Thai")

    @classmethod
    def build(cls, settings: Settings) -> CodingResources:
        kb = load_kb(settings.kb_override_dir)
        return cls(
            kb=kb,
            lexicons={lang: LanguageLexicon.build(lang) for lang in settings.languages if lang in SUPPORTED_LANGUAGES},
            cameo=lexicon.cameo_table(),
            kinds=KindGroups.load(),
            adjective_forms=frozenset(
                fold(alias.text)
                for alias in kb.alias_rows
                if alias.label == "COUNTRY" and alias.kind in ("adjective", "demonym")
            ),
        )


def resources_for(settings: Settings) -> CodingResources:
    """The resources of one ``Settings`` value, built once per process and KB version (a task
    forked from a scheduler that built them already finds them built: ``detect_events.warm``)."""
    return _resources(settings, kb_fingerprint(settings.kb_override_dir))


@lru_cache(maxsize=4)
def _resources(settings: Settings, kb_version: str) -> CodingResources:
    return CodingResources.build(settings)
