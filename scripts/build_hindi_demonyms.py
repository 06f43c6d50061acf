"""Build the knowledge base's derived Hindi adjectives of country names (``सूडानी``, ``कुवैती``).

Why: Hindi news names a state's people and officials by its adjective ("सूडानी सैन्य विमान",
"यमनी विदेश मंत्री"); ``country_aliases.csv`` gives it by hand for the 31 countries news writes
about most, so the adjective of every other country was an unknown word and its government no
actor.

Input: the knowledge base itself: each country's Hindi name (``countries.csv``). Hindi forms the
adjective of a country name regularly: a name ending in a consonant takes ``ी`` (सूडान, सूडानी),
one ending in ``ा`` takes ``ई`` (क्यूबा, क्यूबाई); after a direction word only the last word
changes (दक्षिण सूडान, दक्षिण सूडानी). A "-stan" name also gives its people's name as the
adjective, which news writes more often than the regular form ("ताजिक सीमा रक्षकों",
"उज़्बेक राष्ट्रपति"; ताजिकिस्तान, ताजिक). Names ending in another vowel sign are irregular
(इटली, इतालवी), and so are compounds ("बोस्निया और हर्ज़ेगोविना"): the hand-written table has them.

Ours win: a country that ``country_aliases.csv`` already gives a Hindi adjective is left out, and
so is a form the knowledge base already gives to anything (a person's surname: मिस्री). A form
that is a common Hindi word is left out with its reason in
``scripts/data/hindi_demonyms_left_out.csv``.

Writes ``include/engagement/kb/data/country_aliases_derived.csv``; the loader merges it under ours.

    .venv/bin/python scripts/build_hindi_demonyms.py
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "include"))

from engagement.kb.loader import build_kb  # noqa: E402
from engagement.nlp.folding import fold  # noqa: E402
from generated_notice import generated_notes, write_tables  # noqa: E402

KB_DATA = ROOT / "include" / "engagement" / "kb" / "data"
OUTPUT = "country_aliases_derived.csv"
LEFT_OUT = ROOT / "scripts" / "data" / "hindi_demonyms_left_out.csv"
AA = "\u093e"  # ा
II = "\u0940"  # ी
I_LETTER = "\u0908"  # ई
# Devanagari consonants (क to ह, with the nukta forms' base letters): a name ending in one takes ी.
CONSONANTS = {chr(code) for code in range(0x0915, 0x093A)} | {"\u093c"}  # and a final nukta
DEVANAGARI = re.compile(r"[\u0900-\u097F ]+")
STAN_ENDINGS = ("िस्तान", "स्तान")  # ताजिकिस्तान -> ताजिक, कज़ाखस्तान -> कज़ाख
DIRECTIONS = {"उत्तर", "उत्तरी", "दक्षिण", "दक्षिणी", "पूर्व", "पूर्वी", "पश्चिम", "पश्चिमी"}
LICENCE = ["Derived from the knowledge base's own country names (this repository's licence)."]


def adjective_of(name: str) -> str | None:
    """The regular Hindi adjective of a country name, or None where the name ends irregularly
    or is a compound ("बोस्निया और हर्ज़ेगोविना", "मध्य अफ़्रीकी गणराज्य": no one writes those as
    adjectives)."""
    words = name.split()
    if len(words) > 2 or (len(words) == 2 and words[0] not in DIRECTIONS) or not DEVANAGARI.fullmatch(name):
        return None
    last = words[-1]
    if last.endswith(AA):
        derived = last + I_LETTER
    elif last[-1] in CONSONANTS:
        derived = last + II
    else:
        return None
    return " ".join([*words[:-1], derived])


def stem_adjective_of(name: str) -> str | None:
    """The people's name of a one-word "-stan" country, used as its adjective (ताजिकिस्तान:
    ताजिक), or None."""
    ending = next((e for e in STAN_ENDINGS if name.endswith(e)), None)
    if ending is None or " " in name or len(name) - len(ending) < 3:
        return None
    return name.removesuffix(ending)


def build(stats: Counter) -> dict[str, list[dict[str, str]]]:
    kb = build_kb(without=frozenset({OUTPUT}))
    known = {fold(alias.text) for alias in kb.alias_rows}
    has_adjective = {
        alias.entity_id
        for alias in kb.alias_rows
        if alias.label == "COUNTRY" and alias.lang == "hi" and alias.kind in ("adjective", "demonym")
    }
    with LEFT_OUT.open(encoding="utf-8", newline="") as handle:
        left_out = {fold(row["form"]) for row in csv.DictReader(handle)}
    rows = []
    for iso3, country in sorted(kb.countries.items()):
        if iso3 in has_adjective:
            stats["country with a hand-written Hindi adjective (ours win)"] += 1
            continue
        if not country.name_hi:
            stats["country without a Hindi name"] += 1
            continue
        form = adjective_of(country.name_hi)
        if form is None:
            stats["Hindi name ending in another vowel sign or a compound (left out)"] += 1
        for candidate in filter(None, (form, stem_adjective_of(country.name_hi))):
            if fold(candidate) in left_out:
                stats["form listed in hindi_demonyms_left_out.csv"] += 1
            elif fold(candidate) in known:
                stats["form the knowledge base gives to something else (ours win)"] += 1
            else:
                rows.append({"iso3": iso3, "lang": "hi", "alias": candidate, "kind": "adjective"})
                known.add(fold(candidate))
    stats["adjectives kept"] = len(rows)
    return {OUTPUT: rows}


def main() -> int:
    stats: Counter = Counter()
    tables = build(stats)
    notes = generated_notes("scripts/build_hindi_demonyms.py", "the knowledge base's countries.csv", stats, LICENCE)
    write_tables(KB_DATA, tables, notes, stats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
