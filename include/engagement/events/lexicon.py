"""Event-coding knowledge loaded from the CSV files in ``events/data``.

Trigger words, status and role cues, topics and the CAMEO reference table are data so that an
analyst can extend them without touching the coder. Hindi patterns are written plainly and
compiled to tolerate the spelling variants news uses (nukta or not, chandrabindu or anusvara).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# Letters that Hindi writers spell with or without a nukta (क़/क, ज़/ज ...).
_NUKTA_BASES = set("कखगजडढफय")
_PRECOMPOSED_NUKTA = dict(zip(map(chr, range(0x0958, 0x0960)), "कखगजडढफय", strict=True))
_NUKTA_PRECOMPOSED = {plain: composed for composed, plain in _PRECOMPOSED_NUKTA.items()}
_DEVANAGARI_WORD = "\u0900-\u0963\u0966-\u097f"  # the block without the dandas, which end words
# Where a trigger may start: English patterns open with \b by convention; Hindi phrases are
# compiled to start where no Devanagari letter precedes.
_WORD_START = {"en": r"\b", "hi": rf"(?<![{_DEVANAGARI_WORD}])"}


def variant_tolerant(phrase: str) -> str:
    """Regex for a plain Hindi phrase that also matches its nukta/chandrabindu/joiner variants."""
    out: list[str] = []
    for char in phrase:
        base = _PRECOMPOSED_NUKTA.get(char, char)
        if char == "\u093c":  # a typed nukta: optional
            out.append("\u093c?")
        elif base in _NUKTA_BASES:
            out.append(f"(?:{base}\u093c?|{_NUKTA_PRECOMPOSED[base]})")
        elif char in "ंँ":
            out.append("[ंँ]")
        elif char == " ":
            out.append(r"[\s\u200c\u200d]+")
        elif char == "-":
            out.append(r"[-‐–—\s]?")
        else:
            out.append(re.escape(char))
    return "".join(out)


def compile_pattern(lang: str, pattern: str) -> re.Pattern[str]:
    """English rows are regular expressions; Hindi rows are plain phrases made variant-tolerant.

    A Hindi phrase must start at a word start (not inside another Devanagari word); its end is
    left open so inflected forms (यात्राओं, बातचीतों) match too, unless it ends in ``$``: then the
    word must end there ("दौरा$" is not the start of "दौरान", during).
    """
    if lang == "hi" and not pattern.startswith("^"):
        phrase, closed = pattern.removesuffix("$"), pattern.endswith("$")
        word_end = rf"(?![{_DEVANAGARI_WORD}])" if closed else ""
        return re.compile(_WORD_START["hi"] + variant_tolerant(phrase) + word_end)
    return re.compile(pattern, re.IGNORECASE)


TRIGGER_NEEDS = {"", "destination", "official"}


@dataclass(frozen=True)
class Trigger:
    lang: str
    kind: str
    cameo: str
    default_status: str | None
    regex: re.Pattern[str]
    needs_destination: bool = False  # a bare motion verb ("पहुंचे", "arrived in") is a visit only to a country
    needs_official: bool = False  # "रूस से मिले एसए-22" (received from Russia): only people meet


@dataclass(frozen=True)
class CameoCode:
    cameo: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: str


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def triggers(lang: str) -> tuple[Trigger, ...]:
    """Trigger phrases for one language, longest pattern first so specific phrases win."""
    rows = [r for r in _rows("triggers.csv") if r["lang"] == lang]
    unknown = {r["needs"] for r in rows} - TRIGGER_NEEDS
    if unknown:
        raise ValueError(f"triggers.csv: unknown 'needs' {sorted(unknown)}; allowed: {sorted(TRIGGER_NEEDS)}")
    rows.sort(key=lambda r: -len(r["pattern"]))
    return tuple(
        Trigger(
            lang=lang,
            kind=r["kind"],
            cameo=r["cameo"],
            default_status=r["default_status"] or None,
            regex=compile_pattern(lang, r["pattern"]),
            needs_destination=r["needs"] == "destination",
            needs_official=r["needs"] == "official",
        )
        for r in rows
    )


@cache
def trigger_screen(lang: str) -> re.Pattern[str]:
    """One regex matching wherever any trigger of ``lang`` matches.

    Most sentences hold no trigger; one search rules them out instead of a search per pattern.
    The word-start assertion that the patterns share is tested once per position rather than
    once per pattern (15x faster on Hindi). It only screens: which trigger wins where
    triggers overlap is still decided pattern by pattern.
    """
    anchor = _WORD_START[lang]
    anchored, free = [], []
    for trig in triggers(lang):
        pattern = trig.regex.pattern
        if pattern.startswith(anchor) and not _has_top_level_alternation(pattern):
            anchored.append(f"(?:{pattern.removeprefix(anchor)})")
        else:
            free.append(f"(?:{pattern})")
    branches = ([f"{anchor}(?:{'|'.join(anchored)})"] if anchored else []) + free
    return re.compile("|".join(branches), triggers(lang)[0].regex.flags)


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
    """All patterns of one cue as a single regex, to count them over a whole article at once."""
    patterns = cues(lang).get(cue, ())
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or "(?!)", patterns[0].flags if patterns else 0)


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
