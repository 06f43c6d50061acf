"""Read the packaged CSV knowledge base and merge a user's override directory on top of it.

Overrides let a deployment correct or extend facts (a new foreign minister, a local spelling)
without editing the package: a row whose key matches one of ours replaces it, others are added.
"""

from __future__ import annotations

import csv
import hashlib
from datetime import date
from functools import lru_cache
from pathlib import Path

from engagement.kb.model import (
    SHORT_NAME,
    Alias,
    Country,
    KnowledgeBase,
    Office,
    Organisation,
    Person,
    Place,
    RolePhrase,
    ShortName,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
MFA_PREFIX = "MFA_"

# File name -> the columns that identify a row (an override row with the same key replaces ours).
ROW_KEYS: dict[str, tuple[str, ...]] = {
    "countries.csv": ("iso3",),
    "country_aliases.csv": ("iso3", "lang", "alias"),
    "places.csv": ("place_id",),
    "place_aliases.csv": ("place_id", "lang", "alias"),
    "organisations.csv": ("org_id",),
    "org_aliases.csv": ("org_id", "lang", "alias"),
    "persons.csv": ("person_id",),
    "person_aliases.csv": ("person_id", "lang", "alias"),
    "person_short_names.csv": ("person_id", "lang", "alias"),
    "offices.csv": ("person_id", "role", "start"),
    "role_phrases.csv": ("lang", "phrase"),
    "home_country.csv": ("lang",),
    "name_exclusions.csv": ("lang", "alias"),
}


# Files generated from public dictionaries, read before ours so that ours win: dated office-holders
# from PETRARCH-2's Phoenix.Countries.actors.txt (scripts/build_office_holders.py) and the English
# adjectives of country names from the same file (scripts/build_country_adjectives.py), the other
# capitals from GeoNames (scripts/build_capitals.py) and the regular Hindi adjectives of country
# names (scripts/build_hindi_demonyms.py). Of several files for one table, a later one wins.
GENERATED: dict[str, tuple[str, ...]] = {
    "places.csv": ("places_geonames.csv",),
    "place_aliases.csv": ("place_aliases_geonames.csv",),
    "persons.csv": ("persons_phoenix.csv",),
    "person_aliases.csv": ("person_aliases_phoenix.csv",),
    "person_short_names.csv": ("person_short_names_phoenix.csv",),
    "offices.csv": ("offices_phoenix.csv",),
    "country_aliases.csv": ("country_aliases_phoenix.csv", "country_aliases_derived.csv"),
}


def _read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file; lines starting with ``#`` (a generated file's source and licence
    notice) are comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {key: (value or "").strip() for key, value in row.items() if key is not None}
            for row in csv.DictReader(line for line in handle if not line.startswith("#"))
        ]


def _merged_rows(
    name: str, override_dir: Path | None, problems: list[str], without: frozenset[str]
) -> list[dict[str, str]]:
    """Generated rows (but the files named in ``without``), then ours, then the override's, each
    replacing the earlier rows with the same key; a repeated key inside one file is reported."""
    key_columns = ROW_KEYS[name]
    merged: dict[tuple[str, ...], dict[str, str]] = {}
    generated = [DATA_DIR / file for file in GENERATED.get(name, ()) if file not in without]
    sources = generated + [DATA_DIR / name] + ([override_dir / name] if override_dir else [])
    for path in sources:
        if not path.is_file():
            continue
        seen_here: set[tuple[str, ...]] = set()
        for line_no, row in enumerate(_read_rows(path), start=2):
            key = tuple(row.get(column, "") for column in key_columns)
            if key in seen_here:
                problems.append(f"{path.name}:{line_no}: duplicate id {'/'.join(key)}")
            seen_here.add(key)
            merged[key] = row
    return list(merged.values())


def _to_bool(value: str) -> bool:
    return value.lower() in {"true", "1", "yes"}


def _to_date(value: str, where: str, problems: list[str]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(f"{where}: not an ISO date: {value!r}")
        return None


def _offices(rows: list[dict[str, str]], problems: list[str]) -> tuple[Office, ...]:
    offices = []
    for row in rows:
        where = f"offices.csv {row['person_id']}/{row['role']}"
        start = _to_date(row["start"], where, problems)
        if start is None:
            problems.append(f"{where}: missing or invalid start date")
            continue
        end = _to_date(row.get("end", ""), where, problems)
        offices.append(Office(row["person_id"], row["country"], row["role"], start, end))
    return tuple(offices)


def _aliases(
    rows: dict[str, list[dict[str, str]]],
    countries: dict[str, Country],
    places: dict[str, Place],
    organisations: dict[str, Organisation],
) -> tuple[Alias, ...]:
    excluded = {(row["lang"], row["alias"]) for row in rows["name_exclusions.csv"]}
    generated = [
        Alias(name, "COUNTRY", country.iso3, "name", lang)
        for country in countries.values()
        for lang, name in (("en", country.name_en), ("hi", country.name_hi))
        if name and (lang, name) not in excluded
    ]
    curated = (
        [Alias(r["alias"], "COUNTRY", r["iso3"], r["kind"], r["lang"]) for r in rows["country_aliases.csv"]]
        + [
            Alias(
                r["alias"],
                "PLACE",
                r["place_id"],
                _place_kind(places.get(r["place_id"])),
                r["lang"],
            )
            for r in rows["place_aliases.csv"]
        ]
        + [
            Alias(r["alias"], "ORG", r["org_id"], _org_kind(organisations.get(r["org_id"])), r["lang"])
            for r in rows["org_aliases.csv"]
        ]
        + [Alias(r["alias"], "PERSON", r["person_id"], "name", r["lang"]) for r in rows["person_aliases.csv"]]
        + [Alias(r["alias"], "PERSON", r["person_id"], SHORT_NAME, r["lang"]) for r in rows["person_short_names.csv"]]
        + [Alias(r["phrase"], "ROLE", r["role"], r["level"], r["lang"]) for r in rows["role_phrases.csv"]]
    )
    unique: dict[tuple[str, str, str], Alias] = {}
    for alias in curated + generated:
        unique.setdefault((alias.text, alias.label, alias.entity_id), alias)
    return tuple(unique.values())


def _foreign_ministries(countries: dict[str, Country]) -> dict[str, Organisation]:
    """``MFA_<ISO3>`` for every country, so "<adjective> foreign ministry" always resolves;
    curated rows in organisations.csv (e.g. MFA_IND's real name) replace these."""
    return {
        f"{MFA_PREFIX}{iso3}": Organisation(
            f"{MFA_PREFIX}{iso3}",
            f"Ministry of Foreign Affairs of {country.name_en}",
            "ministry",
            iso3,
            True,
        )
        for iso3, country in countries.items()
    }


def _place_kind(place: Place | None) -> str:
    return "seat" if place and place.is_seat else "place"


def _org_kind(organisation: Organisation | None) -> str:
    return organisation.kind if organisation else ""


def build_kb(override_dir: Path | None = None, without: frozenset[str] = frozenset()) -> KnowledgeBase:
    """Read and merge all files now (uncached; tests and the validator CLI use this directly).
    ``without``: generated files to leave out, for the script that regenerates them."""
    problems: list[str] = []
    rows = {name: _merged_rows(name, override_dir, problems, without) for name in ROW_KEYS}
    countries = {r["iso3"]: Country(r["iso3"], r["iso2"], r["name_en"], r["name_hi"]) for r in rows["countries.csv"]}
    organisations = _foreign_ministries(countries) | {
        r["org_id"]: Organisation(r["org_id"], r["name_en"], r["kind"], r["country"] or None, _to_bool(r["is_actor"]))
        for r in rows["organisations.csv"]
    }
    places = {
        r["place_id"]: Place(r["place_id"], r["name_en"], r["country"] or None, _to_bool(r["is_seat"]))
        for r in rows["places.csv"]
    }
    persons = {r["person_id"]: Person(r["person_id"], r["name_en"]) for r in rows["persons.csv"]}
    role_phrases: dict[str, list[RolePhrase]] = {}
    for r in rows["role_phrases.csv"]:
        role_phrases.setdefault(r["lang"], []).append(RolePhrase(r["phrase"], r["role"], r["level"]))
    return KnowledgeBase(
        countries=countries,
        organisations=organisations,
        places=places,
        persons=persons,
        offices=_offices(rows["offices.csv"], problems),
        alias_rows=_aliases(rows, countries, places, organisations),
        role_phrase_rows={lang: tuple(phrases) for lang, phrases in role_phrases.items()},
        home_countries={r["lang"]: r["iso3"] for r in rows["home_country.csv"]},
        load_problems=tuple(problems),
        short_names=tuple(
            ShortName(r["person_id"], r["alias"], r["lang"], r.get("otherwise") or None)
            for r in rows["person_short_names.csv"]
        ),
    )


@lru_cache(maxsize=8)
def _cached_kb(override_dir: Path | None, fingerprint: str) -> KnowledgeBase:
    return build_kb(override_dir)


def kb_sources(override_dir: Path | None = None) -> list[tuple[str, Path]]:
    """(origin, path) of every file the knowledge base is read from: ours, then the overrides."""
    sources = [("kb", path) for path in sorted(DATA_DIR.rglob("*"))]
    if override_dir:
        sources += [("override", path) for path in sorted(Path(override_dir).rglob("*"))]
    return sources


def files_digest(sources: list[tuple[str, Path]], salt: str = "") -> str:
    """sha256 over ``salt`` and the names (with their folder), sizes and contents of ``sources``'
    files: the fingerprint every cache of something built from files is keyed by."""
    digest = hashlib.sha256(salt.encode())
    for origin, path in sources:
        if path.is_file():
            digest.update(f"{origin}/{path.relative_to(path.parent.parent)}\0{path.stat().st_size}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def kb_fingerprint(override_dir: Path | None = None) -> str:
    """The KB's files and the override folder's, digested: what a process-wide cache of anything
    built from the KB is keyed by, so an edit to an override file is seen by the next task even
    when a long-lived parent (the scheduler) built the KB earlier."""
    return files_digest(kb_sources(override_dir))


def load_kb(override_dir: Path | None = None) -> KnowledgeBase:
    """The knowledge base, built once per process and version of its files (``kb_fingerprint``)."""
    resolved = Path(override_dir).resolve() if override_dir else None
    return _cached_kb(resolved, kb_fingerprint(resolved))
