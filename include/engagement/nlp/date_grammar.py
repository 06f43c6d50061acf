"""The per-language date grammar: word lists (``data/dates_<lang>.yaml``) compiled into one regex.

Kept apart from :mod:`engagement.nlp.dates`, which finds and resolves the dates: this module
only turns the data files into patterns and lookup tables, once per language.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from engagement.nlp.sentences import abbreviations

DATA_DIR = Path(__file__).resolve().parent / "data"
DIGIT = "[0-9०-९]"
# Devanagari vowel signs and nasal marks are not \w, yet they are inside words (not the danda).
WORD_CHAR = r"[\w\u0900-\u0963\u0966-\u097f\u200c\u200d]"
WORD_START = rf"(?<!{WORD_CHAR})"
WORD_END = rf"(?!{WORD_CHAR})"
NUKTA = "\u093c"
PRECOMPOSED_NUKTA = {
    unicodedata.normalize("NFD", chr(code)): chr(code) for code in range(0x0958, 0x0960)
}
SENTENCE_ENDS = [". ", "! ", "? ", "।", "\n"]  # ". " also matches ".\n"


@cache
def supported_languages() -> frozenset[str]:
    return frozenset(p.stem.removeprefix("dates_") for p in DATA_DIR.glob("dates_*.yaml"))


# --- word lists -> one regex per language -------------------------------------------------


@cache
def lookup_key(surface: str) -> str:
    """Lookup form: spelling variants (nukta, chandrabindu, case, full stop) collapse to one."""
    plain = unicodedata.normalize("NFC", surface).replace(NUKTA, "").replace("ँ", "ं")
    return " ".join(plain.lower().rstrip(".").split())


def _spellings(word: str, any_case: bool) -> set[str]:
    """The forms a word is written in: with or without nukta (typed or precomposed), with
    anusvara or chandrabindu, capitalised at a sentence start, abbreviations with a full stop."""
    nfc = unicodedata.normalize("NFC", str(word))
    forms = {nfc, nfc.replace(NUKTA, "")}
    for decomposed, composed in PRECOMPOSED_NUKTA.items():
        forms |= {form.replace(decomposed, composed) for form in forms}
    forms |= {form.replace("ं", "ँ") for form in forms} | {form.replace("ँ", "ं") for form in forms}
    if any_case:
        forms |= {form[:1].upper() + form[1:] for form in forms}
    return forms


def alternation(words: Iterable[str], any_case: bool = False, whole_words: bool = False) -> str:
    """Regex matching any of the words (and their spellings), longest first.

    Written as a trie ("अग(?:स्त|ले)") because Python's regex engine tries the branches of a flat
    alternation one by one at every position; a trie rejects a non-matching word in a few steps,
    and a trie whose branches all start with a letter lets the engine skip ahead to candidate
    letters. ``whole_words``: a form that starts (ends) with a letter may not continue a word
    before (after) it; a form starting with a sign ("$", "'ll") may touch the word before it.
    """
    forms = set().union(*(_spellings(word, any_case) for word in words))
    if not forms:
        return "(?!)"
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie, whole_words)


def _is_word_char(char: str) -> bool:
    return re.fullmatch(WORD_CHAR, char) is not None


def _trie_regex(node: dict, whole_words: bool, first: bool = True, last: str = "") -> str:
    branches = []
    for char, child in sorted(node.items()):
        if not char:
            continue
        piece = r"\s+" if char == " " else re.escape(char)
        if whole_words and first and _is_word_char(char):
            piece += rf"(?<!{WORD_CHAR}.)"  # checked after the first letter: see docstring above
        branches.append(piece + _trie_regex(child, whole_words, False, char))
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    end = WORD_END if whole_words and _is_word_char(last) else ""
    if not branches:
        return end
    # a word ends here and a longer one may go on: try the longer first
    return f"(?:{body}|{end})" if end else f"(?:{body})?"


def bounded(words: Iterable[str]) -> str:
    """Whole words, in lower case or capitalised, for the side patterns."""
    return alternation([str(w) for w in words], any_case=True, whole_words=True)


@dataclass(frozen=True)
class Grammar:
    pattern: re.Pattern[str]
    months: dict[str, int]
    weak_months: frozenset[str]
    weekdays: dict[str, int]
    day_offsets: dict[str, int]
    tense_day_offsets: dict[str, int]
    modifiers: dict[str, str]
    units: dict[str, str]
    numbers: dict[str, int]
    bare_month_context: re.Pattern[str] | None
    count_after: re.Pattern[str]
    count_before: re.Pattern[str]
    not_dates: re.Pattern[str]
    not_dates_after: re.Pattern[str]
    future: tuple[re.Pattern[str], ...]  # future words; future verb endings
    clause_bound: re.Pattern[str]
    reported_before: re.Pattern[str] | None
    year_joiner: re.Pattern[str]  # what may stand between a relative year and its month
    abbreviations: frozenset[str]  # words whose full stop ends no clause (the splitter's list)


def _inverse(table: dict) -> dict[str, object]:
    """{value: [surface, ...]} -> {lookup key: value}."""
    return {lookup_key(surface): value for value, surfaces in table.items() for surface in surfaces}


@cache
def load_grammar(lang: str) -> Grammar:
    spec = yaml.safe_load((DATA_DIR / f"dates_{lang}.yaml").read_text(encoding="utf-8"))
    month_surfaces = [s for forms in spec["months"].values() for s in forms]
    # abbreviations may carry a full stop ("Nov."); a full name never takes the sentence's one
    month = alternation(month_surfaces + [s + "." for s in month_surfaces if len(s) <= 4])
    month_name = alternation(month_surfaces)  # "last July": the full stop after it ends the sentence
    weekday = alternation(s for forms in spec["weekdays"].values() for s in forms)
    modifier = alternation((s for forms in spec["modifiers"].values() for s in forms), True)
    unit = alternation((s for forms in spec["units"].values() for s in forms), True)
    day_words = alternation([*spec["day_offsets"], *spec["tense_day_offsets"]], True)
    count = rf"(?:{DIGIT}{{1,2}}|{alternation(spec['number_words'], True)})"
    any_unit = alternation(
        [*spec["day_units"], *(s for forms in spec["units"].values() for s in forms)], True
    )
    suffix = rf"(?:{alternation(spec['day_suffixes'])})?" if spec["day_suffixes"] else ""
    day = rf"(?:{DIGIT}{{1,2}}(?!{DIGIT}){suffix}|{alternation(spec['day_number_words'])})"
    year = rf"{DIGIT}{{4}}(?!{DIGIT})"
    sep = rf"\s*{alternation(spec['range_separators'])}\s*"
    joiner = rf"(?:{alternation(spec['day_month_joiners'])}\s+)?"
    part_before = alternation(spec["month_part_before"], True)
    part_after = alternation(spec["month_part_after"])
    # every form starts with a digit or one of these words
    first_words = alternation(
        [
            *spec["month_part_before"],
            *spec["day_offsets"],
            *spec["tense_day_offsets"],
            *spec["number_words"],
            *spec["day_number_words"],
            *(
                s
                for table in ("months", "modifiers", "weekdays")
                for forms in spec[table].values()
                for s in forms
            ),
        ],
        True,
    )

    def opt_year(name: str) -> str:
        return rf"(?:,?\s*(?P<{name}>{year}))?"

    forms = [
        rf"(?P<iso>(?P<iso_y>{year})-(?P<iso_m>{DIGIT}{{2}})-(?P<iso_d>{DIGIT}{{2}}))",
        rf"(?P<dmy>(?P<dmy_d1>{day})(?:(?:\s*(?P<dmy_m1>{month}))?{sep}(?P<dmy_d2>{day}))?"
        rf"\s*{joiner}(?P<dmy_m2>{month}){opt_year('dmy_y')})",
        rf"(?P<ago>(?P<ago_n>{count})\s+(?P<ago_u>{any_unit})\s+{alternation(spec['ago'], True)})",
        # "2008-09", "2019-2021": a span of (financial) years
        rf"(?P<years>(?P<years_a>{year})[-–](?P<years_b>{DIGIT}{{2}}(?!{DIGIT})|{year}))",
        rf"(?P<year>{year})",
        rf"(?P<mpb>{part_before}(?:-|\s+)(?P<mpb_m>{month}){opt_year('mpb_y')})",
        # "नवंबर 18", "August 19-21", "दिसंबर 2025 के अंत", "December", "Nov. 18, 2025"
        rf"(?P<mon>(?P<mon_m>{month})(?:\s*(?P<mon_d1>{day})(?:{sep}(?P<mon_d2>{day}))?"
        rf"|{sep}(?P<mon_to>{month}))?"
        rf"{opt_year('mon_y')}(?P<mon_part>\s+{part_after})?)",
        rf"(?P<mod>(?P<mod_w>{modifier})\s+(?P<mod_u>{unit}|{weekday}|{month_name}))",
        rf"(?P<rel>{day_words})",
        rf"(?P<wd>{weekday})",
    ]
    # The guard fails in a step or two at a word that starts no form, i.e. at almost every word;
    # only then are the forms tried in order (longest first where they share a start).
    pattern = rf"{WORD_START}(?={DIGIT}|{first_words}{WORD_END})(?:{'|'.join(forms)}){WORD_END}"
    future_endings = alternation(spec["future_word_endings"])
    bare_context = spec["bare_month_preceded_by"]
    reporting = spec["reporting_verbs"]
    return Grammar(
        pattern=re.compile(pattern),
        months=_inverse(spec["months"]),
        weak_months=frozenset(lookup_key(s) for s in spec["weak_months"]),
        weekdays=_inverse(spec["weekdays"]),
        day_offsets={lookup_key(w): n for w, n in spec["day_offsets"].items()},
        tense_day_offsets={lookup_key(w): n for w, n in spec["tense_day_offsets"].items()},
        modifiers=_inverse(spec["modifiers"]),
        units={**_inverse(spec["units"]), **{lookup_key(s): "day" for s in spec["day_units"]}},
        numbers={
            lookup_key(w): n
            for table in ("number_words", "day_number_words")
            for w, n in spec[table].items()
        },
        bare_month_context=(
            re.compile(rf"{bounded(bare_context)}\s+\Z") if bare_context else None
        ),
        count_after=re.compile(
            rf"\s*(?:{bounded(spec['count_words_after'])}"
            rf"|{WORD_CHAR}*{alternation(spec['count_word_endings'])}{WORD_END})"
        ),
        count_before=re.compile(rf"{bounded(spec['count_words_before'])}\s*\Z"),
        not_dates=re.compile(alternation(spec["not_dates"], True) + WORD_END),
        not_dates_after=re.compile(rf"{bounded(spec['not_dates_after'])}\s+\Z"),
        future=tuple(
            re.compile(cue)
            for cue, words in (
                (bounded(spec["future_words"]), spec["future_words"]),
                (f"{future_endings}{WORD_END}", spec["future_word_endings"]),
            )
            if words
        ),
        clause_bound=re.compile(bounded([*SENTENCE_ENDS, *spec["clause_separators"]])),
        reported_before=(
            re.compile(rf"{bounded(reporting)}(?:\s+{WORD_CHAR}+)?\s+\Z") if reporting else None
        ),
        abbreviations=abbreviations(lang),
        year_joiner=re.compile(rf"\s*,?\s*(?:{bounded(spec['year_joiners'])}\s+)?"),
    )
