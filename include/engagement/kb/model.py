"""Typed, immutable view of the knowledge base; the loader builds it, the NLP stages query it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Highest first: when a person holds several offices on one day, the highest one describes them.
LEVELS: tuple[str, ...] = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "minister",
    "official",
)
# Alias kind of a surname that names a person only in context (see person_short_names.csv).
SHORT_NAME = "short_name"


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name_en: str
    name_hi: str


@dataclass(frozen=True)
class Organisation:
    org_id: str
    name_en: str
    kind: str
    country: str | None
    is_actor: bool


@dataclass(frozen=True)
class Place:
    place_id: str
    name_en: str
    country: str | None  # None for a region of several states ("South America")
    is_seat: bool


@dataclass(frozen=True)
class Person:
    person_id: str
    name_en: str


@dataclass(frozen=True)
class Office:
    """``end`` is the day the successor took over (exclusive); ``None`` means still in office."""

    person_id: str
    country: str
    role: str
    start: date
    end: date | None

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Alias:
    text: str
    label: str  # COUNTRY, PLACE, ORG, PERSON, ROLE
    entity_id: str  # iso3 / place_id / org_id / person_id / role
    # country: name|adjective|demonym|seat_metonym; place: seat|place; org: its kind;
    # person: name|short_name; ROLE: level
    kind: str
    lang: str


@dataclass(frozen=True)
class ShortName:
    """A surname alone that names the person only in context; ``otherwise`` is the country the
    same spelling names when it is not the person (मिस्री "Egyptian": EGY), if any."""

    person_id: str
    text: str
    lang: str
    otherwise: str | None


@dataclass(frozen=True)
class RolePhrase:
    phrase: str
    role: str
    level: str


def is_plural_role(phrase: str) -> bool:
    """ "विदेश मंत्रियों", "राजदूतों": a Hindi oblique plural names several office-holders, none of
    them one person, and is the home country's only when the text says so."""
    return phrase.endswith("ों")


@dataclass(frozen=True)
class KnowledgeBase:
    countries: dict[str, Country]
    organisations: dict[str, Organisation]
    places: dict[str, Place]
    persons: dict[str, Person]
    offices: tuple[Office, ...]
    alias_rows: tuple[Alias, ...]
    role_phrase_rows: dict[str, tuple[RolePhrase, ...]]
    home_countries: dict[str, str]
    load_problems: tuple[str, ...] = ()
    short_names: tuple[ShortName, ...] = ()
    _offices_by_person: dict[str, tuple[Office, ...]] = field(init=False, repr=False, compare=False)
    _role_levels: dict[str, str] = field(init=False, repr=False, compare=False)
    _short_names: dict[str, tuple[ShortName, ...]] = field(init=False, repr=False, compare=False)
    _offices_by_seat: dict[tuple[str, str], tuple[Office, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_person: dict[str, list[Office]] = {}
        for office in self.offices:
            by_person.setdefault(office.person_id, []).append(office)
        role_levels = {
            phrase.role: phrase.level
            for phrases in self.role_phrase_rows.values()
            for phrase in phrases
        }
        role_levels.update({level: level for level in LEVELS})
        object.__setattr__(self, "_offices_by_person", {k: tuple(v) for k, v in by_person.items()})
        by_seat: dict[tuple[str, str], list[Office]] = {}
        for office in self.offices:  # tens of thousands with the generated office-holders
            by_seat.setdefault((office.country, office.role), []).append(office)
        object.__setattr__(self, "_offices_by_seat", {k: tuple(v) for k, v in by_seat.items()})
        object.__setattr__(self, "_role_levels", role_levels)
        short_names: dict[str, list[ShortName]] = {}
        for short_name in self.short_names:
            short_names.setdefault(short_name.person_id, []).append(short_name)
        object.__setattr__(self, "_short_names", {k: tuple(v) for k, v in short_names.items()})

    def offices_of(self, person_id: str) -> list[Office]:
        return list(self._offices_by_person.get(person_id, ()))

    def office_on(self, person_id: str, day: date) -> Office | None:
        """The office held that day; with several, the highest level (a PM who is also FM is PM)."""
        held = [office for office in self.offices_of(person_id) if office.held_on(day)]
        return min(held, key=lambda office: LEVELS.index(self.level_of(office.role)), default=None)

    def short_names_of(self, person_id: str) -> tuple[ShortName, ...]:
        return self._short_names.get(person_id, ())

    def holder_of(self, country: str, role: str, day: date) -> str | None:
        for office in self._offices_by_seat.get((country, role), ()):
            if office.held_on(day):
                return office.person_id
        return None

    def aliases(self, lang: str) -> list[Alias]:
        """Every alias of every language (news mixes scripts), the asked language's first."""
        return sorted(self.alias_rows, key=lambda alias: alias.lang != lang)

    def role_phrases(self, lang: str) -> list[RolePhrase]:
        return list(self.role_phrase_rows.get(lang, ()))

    def home_country(self, lang: str) -> str | None:
        return self.home_countries.get(lang)

    def level_of(self, role: str) -> str:
        """Level of a role (``defence_minister`` -> ``minister``); unknown roles count as officials."""
        return self._role_levels.get(role, "official")

    def is_known_role(self, role: str) -> bool:
        return role in self._role_levels
