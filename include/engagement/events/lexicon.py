"""Event-coding knowledge loaded from the CSV files in ``events/data``.

Trigger words, status and role cues, topics and the CAMEO reference table are data so that an
analyst can extend them without touching the coder. Hindi patterns are written plainly and
compiled to tolerate the spelling variants news uses (nukta or not, chandrabindu or anusvara).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from re import _constants as sre_constants  # the parser of the running Python; pinned at 3.11
from re import _parser as sre_parser

DATA_DIR = Path(__file__).resolve().parent / "data"

# Letters that Hindi writers spell with or without a nukta (क़/क, ज़/ज ...).
_NUKTA_BASES = set("कखगजडढफय")
_PRECOMPOSED_NUKTA = dict(zip(map(chr, range(0x0958, 0x0960)), "कखगजडढफय", strict=True))
_NUKTA_PRECOMPOSED = {plain: composed for composed, plain in _PRECOMPOSED_NUKTA.items()}
_DEVANAGARI_WORD = "\u0900-\u0963\u0966-\u097f"  # the block without the dandas, which end words
_CONSONANT = re.compile("[\u0915-\u0939\u0958-\u095f]")  # a Devanagari consonant letter
# Where a trigger may start: English patterns open with \b by convention; Hindi phrases are
# compiled to start where no Devanagari letter precedes.
_WORD_START = {"en": r"\b", "hi": rf"(?<![{_DEVANAGARI_WORD}])"}


def variant_tolerant(phrase: str) -> str:
    """Regex for a plain Hindi phrase that also matches its nukta/chandrabindu/joiner variants,
    and an anusvara before a consonant written out as a half nasal ("निंदा"/"निन्दा", "संबंध"/"सम्बन्ध")."""
    out: list[str] = []
    for index, char in enumerate(phrase):
        base = _PRECOMPOSED_NUKTA.get(char, char)
        if char == "\u093c":  # a typed nukta: optional
            out.append("\u093c?")
        elif base in _NUKTA_BASES:
            out.append(f"(?:{base}\u093c?|{_NUKTA_PRECOMPOSED[base]})")
        elif char in "ंँ" and _CONSONANT.match(phrase, index + 1):
            out.append("(?:[ंँ]|[ङञणनम]\u094d)")
        elif char in "ंँ":
            out.append("[ंँ]")
        elif char == " ":
            out.append(r"[\s\u200c\u200d]+")
        elif char == "-":
            out.append(r"[-‐–—\s]?")
        else:
            out.append(re.escape(char))
    return "".join(out)


# A half nasal before a consonant (or at the end of a cut-short opening) and a chandrabindu,
# each read as the anusvara: the spelling variants ``variant_tolerant`` accepts share one opening.
_NASAL_VARIANT = re.compile("[ङञणनम]\u094d(?=[\u0915-\u0939\u0958-\u095f]|$)|\u0901")


def nasal_folded(text: str) -> str:
    """``text`` with its nasal spelling variants written as the anusvara, for screening only (it
    may be shorter than ``text``: offsets are never read from it)."""
    return _NASAL_VARIANT.sub("\u0902", text) if "\u094d" in text or "\u0901" in text else text


# What only a regular expression holds: a Hindi row without a leading ^ is a phrase.
_REGEX_SYNTAX = re.compile(r"[\\()\[\]|?*+{}]")


def compile_pattern(lang: str, pattern: str) -> re.Pattern[str]:
    """English rows are regular expressions; Hindi rows are plain phrases made variant-tolerant.

    A Hindi phrase must start at a word start (not inside another Devanagari word); its end is
    left open so inflected forms (यात्राओं, बातचीतों) match too, unless it ends in ``$``: then the
    word must end there ("दौरा$" is not the start of "दौरान", during). A Hindi regular expression
    starts with ``^``; a phrase holding regex syntax is refused, since it would match literally.
    """
    if lang == "hi" and not pattern.startswith("^"):
        phrase, closed = pattern.removesuffix("$"), pattern.endswith("$")
        if _REGEX_SYNTAX.search(phrase):
            raise ValueError(f"Hindi row {pattern!r} is a phrase: its regex syntax would match literally (add ^)")
        word_end = rf"(?![{_DEVANAGARI_WORD}])" if closed else ""
        return re.compile(_WORD_START["hi"] + variant_tolerant(phrase) + word_end)
    return re.compile(pattern, re.IGNORECASE)


TRIGGER_NEEDS = {"", "agent", "destination", "object", "official", "subject"}
_ESCAPE = re.compile(r"\\.")


def compile_trigger(lang: str, pattern: str) -> re.Pattern[str]:
    """A trigger row compiled to run over ``lowered`` text without IGNORECASE, which makes
    Python's regex engine 2.3x slower on our English alternations. A Hindi trigger that is a
    regular expression (``^`` marks it) matches at any word start, not only the sentence's:
    a trigger is searched for all through the sentence ("2003 के संघर्षविराम समझौते")."""
    _check_lower_case(pattern)
    if lang == "hi" and not pattern.startswith("^"):
        return compile_pattern(lang, pattern)  # a variant-tolerant phrase, compiled without flags
    if lang == "hi":
        return re.compile(_WORD_START["hi"] + pattern.removeprefix("^"))
    return re.compile(pattern)


def _check_lower_case(pattern: str) -> None:
    if _ESCAPE.sub("", pattern) != _ESCAPE.sub("", pattern).lower():
        raise ValueError(f"triggers: {pattern!r} must be lower case (it matches lower-cased text)")


def lowered(text: str) -> str:
    """``text`` in lower case with every offset kept: the few letters whose lower case is longer
    ("İ") stay as they are."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# How far the literal openings of a pattern are worked out: enough letters to be selective,
# few enough alternatives to test them one by one.
_OPENING_MAX_CHARS = 8
_OPENING_MAX_VARIANTS = 64
_ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}


def openings(regex: re.Pattern[str]) -> frozenset[str]:
    """Literal strings one of which starts every match of ``regex`` (``"meet"`` for
    ``\\bmeets?\\b``, "के"/"क़े" for a nukta variant): a trigger whose openings are all absent from
    a sentence cannot match it. ``{""}`` when nothing literal opens the pattern."""
    found, _ = _literal_prefixes(sre_parser.parse(regex.pattern, regex.flags))
    return frozenset(p for p in found if not any(p != q and p.startswith(q) for q in found))


def _literal_prefixes(items) -> tuple[set[str], bool]:
    """(prefixes, whether they cover the whole of ``items``) for a parsed regex sequence."""
    prefixes = {""}
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre_constants.LITERAL:
            options, whole = {chr(arg)}, True
        elif op is sre_constants.IN and all(kind is sre_constants.LITERAL for kind, _ in arg):
            options, whole = {chr(code) for _, code in arg}, True
        elif op is sre_constants.SUBPATTERN:
            options, whole = _literal_prefixes(arg[3])
        elif op is sre_constants.BRANCH:
            branches = [_literal_prefixes(branch) for branch in arg[1]]
            options = set().union(*(found for found, _ in branches))
            whole = all(complete for _, complete in branches)
        elif op is sre_constants.MAX_REPEAT and arg[:2] == (0, 1):
            options, whole = _literal_prefixes(arg[2])
            options |= {""}
        else:
            return prefixes, False
        extended = {a + b for a in prefixes for b in options}
        if len(extended) > _OPENING_MAX_VARIANTS:
            return prefixes, False
        prefixes = extended
        if not whole or min(map(len, prefixes)) >= _OPENING_MAX_CHARS:
            return prefixes, False
    return prefixes, True


@dataclass(frozen=True)
class Trigger:
    lang: str
    kind: str
    cameo: str
    default_status: str | None
    pattern: str  # as written in the data file
    openings: frozenset[str]  # see ``openings``: screens the trigger out of most sentences
    # what the trigger's actors must show, one of ``TRIGGER_NEEDS`` ("" nothing): "destination"
    # (a bare motion verb, "पहुंचे", "arrived in", is a visit only to a country), "official"
    # ("रूस से मिले एसए-22": only people meet), "agent" ("मिसाइलें दागीं": a state named as the one
    # acting, not a militia), "object" ("blamed Pakistan for": its target right after it),
    # "subject" ("Israeli troops killed ...": the state acting named before it)
    needs: str = ""

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The pattern compiled to run over ``lowered`` text, on first use: of the English
        thousand and more, a process compiles only those whose openings its texts contain."""
        return compile_trigger(self.lang, self.pattern)


@dataclass(frozen=True)
class CameoCode:
    cameo: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str


def _rows(name: str) -> list[dict[str, str]]:
    """The rows of a CSV file in ``DATA_DIR``; lines starting with ``#`` (a generated file's
    source and licence notice) are comments."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


# Trigger files generated from public dictionaries (scripts/build_cameo_verbs.py); they come
# after our hand-written triggers.csv, which wins wherever both match.
GENERATED_TRIGGERS = ("triggers_cameo_en.csv",)


def trigger_rows(lang: str) -> list[dict[str, str]]:
    """Trigger rows of one language in the order they are tried: ours longest pattern first, then
    the generated ones longest first, leaving out a generated pattern that repeats one of ours."""
    ours = sorted((r for r in _rows("triggers.csv") if r["lang"] == lang), key=lambda r: -len(r["pattern"]))
    known = {r["pattern"] for r in ours}
    generated = [
        r
        for name in GENERATED_TRIGGERS
        if (DATA_DIR / name).is_file()
        for r in _rows(name)
        if r["lang"] == lang and r["pattern"] not in known
    ]
    return ours + sorted(generated, key=lambda r: -len(r["pattern"]))


@cache
def triggers(lang: str) -> tuple[Trigger, ...]:
    """Trigger phrases for one language in the order they are tried (``trigger_rows``): where
    two overlap, the first wins, so our own and then specific phrases win."""
    rows = trigger_rows(lang)
    unknown = {r["needs"] for r in rows} - TRIGGER_NEEDS
    if unknown:
        raise ValueError(f"triggers: unknown 'needs' {sorted(unknown)}; allowed: {sorted(TRIGGER_NEEDS)}")
    for r in rows:
        _check_lower_case(r["pattern"])
    return tuple(
        Trigger(
            lang=lang,
            kind=r["kind"],
            cameo=r["cameo"],
            default_status=r["default_status"] or None,
            pattern=r["pattern"],
            # generated files carry their openings, so loading needs no regex parsing
            openings=frozenset(r["openings"].split("|"))
            if r.get("openings")
            else frozenset(map(nasal_folded, openings(compile_trigger(lang, r["pattern"])))),
            needs=r["needs"],
        )
        for r in rows
    )


# Where an English trigger may start: every pattern that opens with \b and a letter starts a word.
_EN_WORD = re.compile(r"\w+")


# Openings are looked up by their first letters (at most this many) at each word start.
_KEY_CHARS = 4


def compile_every_trigger(lang: str) -> None:
    """Compile every trigger of ``lang`` and its screens now rather than on first use: for a
    parent process whose forked children code text (``detect_events.warm``)."""
    for trigger in triggers(lang):
        trigger.regex  # noqa: B018 - a cached_property: reading it compiles and keeps the regex
    trigger_screen(lang)
    if lang == "en":
        _opening_index(lang)


@cache
def _opening_index(lang: str) -> tuple[dict[str, tuple[tuple[str, tuple[int, ...]], ...]], tuple[int, ...]]:
    """(first letters -> (opening, positions in ``triggers(lang)`` of the triggers it opens),
    positions of the triggers that must always be tried)."""
    by_opening: dict[str, list[int]] = {}
    always = []
    for position, trig in enumerate(triggers(lang)):
        if not trig.pattern.startswith(r"\b") or "" in trig.openings:
            always.append(position)
            continue
        for opening in trig.openings:
            by_opening.setdefault(opening, []).append(position)
    index: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for opening, positions in by_opening.items():
        # the key is the opening's first word, cut short: what ``trigger_matches`` looks up
        key = _EN_WORD.match(opening)
        if key is None or len(key.group()) < 2:
            always.extend(positions)
            continue
        index.setdefault(key.group()[:_KEY_CHARS], []).append((opening, tuple(positions)))
    return {key: tuple(entries) for key, entries in index.items()}, tuple(sorted(set(always)))


def trigger_matches(lang: str, low: str) -> list[tuple[Trigger, re.Match[str]]]:
    """Every match of every trigger in ``low`` (``lowered`` text): triggers in the order they are
    tried, each trigger's matches left to right and not overlapping one another.

    English has thousands of triggers (the CAMEO verb dictionary), so its patterns are tried
    only where one of their openings starts a word, looked up in an index by first letters;
    Hindi's hundred are screened by one alternation and then by their openings.
    """
    if lang != "en":
        if not trigger_screen(lang).search(low):
            return []
        folded = nasal_folded(low)  # openings are folded so (a phrase's spellings share one)
        present = {opening for opening in trigger_openings(lang) if opening in folded}
        return [(t, m) for t in triggers(lang) if not t.openings.isdisjoint(present) for m in t.regex.finditer(low)]
    every = triggers(lang)
    index, always = _opening_index(lang)
    starts: dict[int, set[int]] = {position: {-1} for position in always}
    for word in _EN_WORD.finditer(low):
        start, word_end = word.span()
        for end in range(start + 2, min(start + _KEY_CHARS, word_end) + 1):
            for opening, positions in index.get(low[start:end], ()):
                if low.startswith(opening, start):
                    for position in positions:
                        starts.setdefault(position, set()).add(start)
    found = []
    for position in sorted(starts):
        trig, reached = every[position], 0
        if -1 in starts[position]:
            found.extend((trig, m) for m in trig.regex.finditer(low))
            continue
        for start in sorted(starts[position]):
            m = trig.regex.match(low, start) if start >= reached else None
            if m:
                found.append((trig, m))
                reached = max(m.end(), start + 1)
    return found


@cache
def trigger_openings(lang: str) -> tuple[str, ...]:
    """Every literal opening of the triggers of ``lang``, each once: a sentence is searched for
    each opening once, not once per trigger that shares it."""
    return tuple(sorted({opening for trig in triggers(lang) for opening in trig.openings}))


@cache
def trigger_screen(lang: str) -> re.Pattern[str]:
    """One regex matching wherever any trigger of ``lang`` matches (over ``lowered`` text).

    Most sentences hold no trigger; one search rules them out instead of a search per pattern.
    It only screens: which trigger wins where triggers overlap is still decided pattern by pattern.
    """
    return _alternation(lang, [trig.regex for trig in triggers(lang)])


def _alternation(lang: str, patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """One regex matching wherever one of ``patterns`` matches; a pattern whose case rule differs
    from the first's keeps it in a scoped flag. The word-start assertion that patterns share is
    tested once per position rather than once per pattern (15x faster on Hindi)."""
    if not patterns:
        return re.compile("(?!)")
    anchor, flags = _WORD_START[lang], patterns[0].flags

    def branch(regex: re.Pattern[str], pattern: str) -> str:
        if (regex.flags ^ flags) & re.IGNORECASE:
            return f"(?{'i' if regex.flags & re.IGNORECASE else '-i'}:{pattern})"
        return f"(?:{pattern})"

    anchored, free = [], []
    for regex in patterns:
        if regex.pattern.startswith(anchor) and not _has_top_level_alternation(regex.pattern):
            anchored.append(branch(regex, regex.pattern.removeprefix(anchor)))
        else:
            free.append(branch(regex, regex.pattern))
    branches = ([f"{anchor}(?:{'|'.join(anchored)})"] if anchored else []) + free
    return re.compile("|".join(branches), flags)


def _has_top_level_alternation(pattern: str) -> bool:
    """Whether ``|`` splits the whole pattern, so a leading anchor binds only its first branch."""
    depth, in_class, escaped = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


@cache
def cues(lang: str) -> dict[str, tuple[re.Pattern[str], ...]]:
    """Status, negation, anaphora and argument-position cues, grouped by cue type."""
    grouped: dict[str, list[re.Pattern[str]]] = {}
    for r in _rows("cues.csv"):
        if r["lang"] == lang:
            grouped.setdefault(r["cue"], []).append(compile_pattern(lang, r["pattern"]))
    return {cue: tuple(patterns) for cue, patterns in grouped.items()}


@cache
def cue_screen(lang: str, cue: str) -> re.Pattern[str]:
    """All patterns of one cue as a single regex: one search tells whether any of them matches."""
    return _alternation(lang, cues(lang).get(cue, ()))


@cache
def topic_patterns(lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(topic, regex) pairs, longest keyword first; topic ``_ignore`` masks misleading phrases."""
    rows = sorted((r for r in _rows("topics.csv") if r["lang"] == lang), key=lambda r: -len(r["keyword"]))
    if lang == "en":
        return tuple((r["topic"], re.compile(rf"\b{re.escape(r['keyword'])}", re.IGNORECASE)) for r in rows)
    return tuple((r["topic"], compile_pattern(lang, r["keyword"])) for r in rows)


@cache
def cameo_table() -> dict[str, CameoCode]:
    """CAMEO code → name, Goldstein value, quad class and PLOVER event (sources: docs/events.md)."""
    return {
        r["cameo"]: CameoCode(
            cameo=r["cameo"],
            root=r["root"],
            name=r["name"],
            goldstein=float(r["goldstein"]),
            quad_class=int(r["quad_class"]),
            plover=r["plover_event"],
        )
        for r in _rows("cameo.csv")
    }
