"""Language identification for Hindi/English news, robust to code-mixing.

lingua is restricted to the allowed languages plus same-script rivals (``data/language.yaml``),
run only on the words of the text's dominant script, so a Hindi article quoting "Jaishankar"
or "G20" is still Hindi, and a Hinglish mix with no dominant script is reported as unsure.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

SETTINGS_FILE = Path(__file__).resolve().parent / "data" / "language.yaml"


@dataclass(frozen=True)
class Identification:
    """lingua's best guess (possibly a rival such as "mr"), its confidence and the script."""

    language: str | None
    confidence: float
    script: str | None


@lru_cache(maxsize=1)
def _settings() -> dict:
    return yaml.safe_load(SETTINGS_FILE.read_text(encoding="utf-8"))


def _language(code: str) -> Language:
    return Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))


@lru_cache(maxsize=8)
def _detector(allowed: tuple[str, ...]) -> LanguageDetector:
    rivals = _settings()["rivals"]
    codes = set(allowed) | {rival for code in allowed for rival in rivals.get(code, [])}
    builder = LanguageDetectorBuilder.from_languages(*(_language(c) for c in sorted(codes)))
    if _settings()["low_accuracy_mode"]:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


@lru_cache(maxsize=4096)
def _script(char: str) -> str | None:
    """Unicode script of a letter or combining mark (first word of its name), else None."""
    if unicodedata.category(char)[0] not in "LM":
        return None
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0].lower() if name else None


def _letters_by_script(text: str) -> dict[str, dict[str, int]]:
    """Letter counts of ``text`` per script, scripts in order of first appearance. Characters
    are counted once in C (``Counter``) and only the distinct ones are looked up."""
    by_script: dict[str, dict[str, int]] = {}
    for char, count in Counter(text).items():
        if script := _script(char):
            if script in by_script:
                by_script[script][char] = count
            else:
                by_script[script] = {char: count}
    return by_script


def _shares(by_script: dict[str, dict[str, int]]) -> dict[str, float]:
    totals = Counter({script: sum(letters.values()) for script, letters in by_script.items()})
    total = totals.total()
    return {script: n / total for script, n in totals.most_common()} if total else {}


def script_share(text: str) -> dict[str, float]:
    """Share of letters (and vowel signs) per script, largest first, e.g.
    ``{"devanagari": 0.93, "latin": 0.07}``."""
    return _shares(_letters_by_script(text))


def _words_with(text: str, letters: dict[str, int], limit: int) -> tuple[str, bool]:
    """The first words of ``text`` holding one of ``letters``, up to ``limit`` characters, and
    whether words were left unread."""
    sample, size = [], 0
    for word in text.split():
        if size >= limit:
            return " ".join(sample), True
        if not letters.keys().isdisjoint(word):
            sample.append(word)
            size += len(word) + 1
    return " ".join(sample), False


def identify(text: str, allowed: tuple[str, ...]) -> Identification:
    """Best language among ``allowed`` and their rivals, with a script-weighted confidence."""
    by_script = _letters_by_script(text[: _settings()["script_sample_chars"]])
    shares = _shares(by_script)
    if not shares:
        return Identification(None, 0.0, None)
    script, share = next(iter(shares.items()))
    settings, detector = _settings(), _detector(tuple(sorted(allowed)))
    # lingua costs about 0.75 µs a character: a clear case is settled on a short sample. Only an
    # allowed language is accepted early; a rival must win on the longest sample to set a text
    # aside (the names in a sports result list read as Dutch on 150 characters).
    for limit in settings["sample_steps"].get(script, settings["default_sample_steps"]):
        sample, unread = _words_with(text, by_script[script], limit)
        values = detector.compute_language_confidence_values(sample)
        if not unread:
            break
        best = values[0] if values else None
        if best and best.value >= settings["sure_confidence"] and _code(best.language) in allowed:
            break
    if not values or values[0].value <= 0:
        return Identification(None, 0.0, script)
    best = values[0]
    return Identification(_code(best.language), best.value * share, script)


def _code(language: Language) -> str:
    return language.iso_code_639_1.name.lower()


def is_confident(identification: Identification) -> bool:
    return identification.confidence >= _settings()["min_confidence"]


def detect_language(text: str, allowed: tuple[str, ...]) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence) when the text is confidently one of ``allowed``; otherwise
    (None, confidence) — a rival language, code-mixed or too short to tell."""
    result = identify(text, allowed)
    if result.language in allowed and is_confident(result):
        return result.language, result.confidence
    return None, result.confidence
