"""Unicode and whitespace normalisation so that later matching sees one spelling per character.

News feeds mix HTML entities, curly quotes, NBSPs, Windows line endings and Devanagari joiners
that render identically but break exact matching of names and phrases.
"""

from __future__ import annotations

import html
import re
import unicodedata

_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        # Zero-width and invisible characters that only confuse tokenisers.
        "\u200b": None,
        "\u2060": None,
        "\ufeff": None,
        "\u00ad": None,
        "\t": " ",
        "\u00a0": " ",
        "\u1680": " ",
        "\u202f": " ",
        "\u205f": " ",
        "\u3000": " ",
        **{chr(code): " " for code in range(0x2000, 0x200B)},
        "\v": "\n",
        "\f": "\n",
        "\u0085": "\n",
        "\u2028": "\n",
        "\u2029": "\n\n",
    }
)
_TO_PLAIN = re.compile("[" + re.escape("".join(map(chr, _PLAIN))) + "]")
_DEVANAGARI = "\u0900-\u097f\ua8e0-\ua8ff"
# ZWJ/ZWNJ next to Devanagari only steer conjunct rendering; elsewhere (Persian, emoji) they
# carry meaning and are kept.
_DEVANAGARI_JOINER = re.compile(
    f"(?<=[{_DEVANAGARI}])[\u200c\u200d]+|[\u200c\u200d]+(?=[{_DEVANAGARI}])"
)
_SPACES = re.compile(r" {2,}")
# Terminal escape sequences (whole, so no "[31m" is left behind), C0/C1 controls but newline and
# tab, DEL, and the invisible bidi marks, embeddings, overrides and isolates that can make a
# published string display other than it reads.
_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]?|[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_BLANK_RUNS = re.compile(r"\n{3,}")
# Quote and ampersand entities that lost their "&" on the way through a feed or a dataset
# ("Arafat #39;s body", "a quot;mini-summit quot;"); an apostrophe of a contraction takes the
# space before it, which stood for the "&".
_BARE_APOSTROPHE = re.compile(r" ?#(?:39|146|8217);(?=(?:s|t|d|m|ll|re|ve)\b)")
_BARE_NUMERIC_ENTITY = re.compile(r"(?<![&\w])#(34|38|39|146|147|148|8216|8217|8220|8221);")
_BARE_NAMED_ENTITY = re.compile(r"(?<![&\w])(quot|amp|apos);")


def normalise(text: str) -> str:
    """Return ``text`` unescaped, NFC, with plain quotes/dashes/spaces and tidy blank lines."""
    text = html.unescape(_bare_entities(text)).replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():  # ASCII is NFC already; the check is a fraction of NFC's own scan
        text = unicodedata.normalize("NFC", text)
    if _TO_PLAIN.search(text):  # most texts have none; translate() looks up every character
        text = text.translate(_PLAIN)
    if "\u200c" in text or "\u200d" in text:  # the pattern's lookbehind would try every position
        text = _DEVANAGARI_JOINER.sub("", text)
    if "  " in text:  # a regex scan costs more than this check on the many texts without
        text = _SPACES.sub(" ", text)
    return collapse_blank_lines("\n".join(line.strip() for line in text.split("\n")))


def _bare_entities(text: str) -> str:
    """``text`` with entities that lost their "&" written as entities again, for ``html.unescape``."""
    if ";" not in text:
        return text
    text = _BARE_APOSTROPHE.sub("'", text)
    text = _BARE_NUMERIC_ENTITY.sub(r"&#\1;", text)
    return _BARE_NAMED_ENTITY.sub(r"&\1;", text)


def strip_controls(text: str) -> tuple[str, int]:
    """``text`` without control characters and bidi controls; returns it and how many went."""
    removed = 0

    def count(match: re.Match) -> str:
        nonlocal removed
        removed += len(match.group())
        return ""

    return _CONTROLS.sub(count, text), removed


def collapse_blank_lines(text: str) -> str:
    """``text`` with runs of blank lines cut to one and no blank lines around it."""
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip("\n")
