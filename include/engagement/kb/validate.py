"""Consistency checks for the knowledge base, phrased so a person editing CSVs can fix them.

Run ``python -m engagement.kb.validate [override_dir]`` after editing; exit status 1 on problems.
"""

from __future__ import annotations

import sys
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

from engagement.kb.loader import build_kb
from engagement.kb.model import KnowledgeBase, Office

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
ORG_KINDS = {"forum", "igo", "ministry", "news_agency", "commission"}
COUNTRY_ALIAS_KINDS = {"name", "adjective", "demonym", "seat_metonym"}
# Officials (ambassadors, spokespeople, advisers) legitimately overlap; other roles have one holder.
SHARED_LEVELS = {"official"}
GENERIC_ROLES = {"minister", "official"}
# Offices a government fills several times over at once (India has two or three ministers of state
# for external affairs): their terms may overlap.
SHARED_ROLES = {"minister_of_state_external_affairs"}


def validate_kb(kb: KnowledgeBase) -> list[str]:
    """Every problem found, one human-readable line each; an empty list means the KB is sound."""
    return [
        *kb.load_problems,
        *_unknown_countries(kb),
        *_bad_kinds(kb),
        *_alias_problems(kb),
        *_office_problems(kb),
        *_overlapping_offices(kb),
        *_persons_in_two_countries(kb),
    ]


def _unknown_countries(kb: KnowledgeBase) -> list[str]:
    references = (
        [(f"organisation {o.org_id}", o.country) for o in kb.organisations.values() if o.country]
        + [(f"place {p.place_id}", p.country) for p in kb.places.values() if p.country or p.is_seat]
        + [(f"office of {o.person_id} ({o.role})", o.country) for o in kb.offices]
        + [(f"home country for {lang}", iso3) for lang, iso3 in kb.home_countries.items()]
        + [(f"alias {a.text!r}", a.entity_id) for a in kb.alias_rows if a.label == "COUNTRY"]
        + [(f"short name {s.text!r} (otherwise)", s.otherwise) for s in kb.short_names if s.otherwise]
    )
    return [f"{what}: unknown country code {code!r}" for what, code in references if code not in kb.countries]


def _bad_kinds(kb: KnowledgeBase) -> list[str]:
    problems = [
        f"organisation {o.org_id}: unknown kind {o.kind!r}"
        for o in kb.organisations.values()
        if o.kind not in ORG_KINDS
    ]
    problems += [
        f"alias {a.text!r} of {a.entity_id}: unknown country alias kind {a.kind!r}"
        for a in kb.alias_rows
        if a.label == "COUNTRY" and a.kind not in COUNTRY_ALIAS_KINDS
    ]
    return problems


def _alias_problems(kb: KnowledgeBase) -> list[str]:
    targets = {"PLACE": kb.places, "ORG": kb.organisations, "PERSON": kb.persons}
    problems = []
    for alias in kb.alias_rows:
        if not alias.text:
            problems.append(f"{alias.label} alias of {alias.entity_id}: empty alias")
        if alias.label in targets and alias.entity_id not in targets[alias.label]:
            problems.append(f"{alias.label} alias {alias.text!r}: points to missing id {alias.entity_id!r}")
    problems += _ambiguous_aliases(kb)
    return problems


def _ambiguous_aliases(kb: KnowledgeBase) -> list[str]:
    """The same spelling for two entities would be resolved arbitrarily by the matcher."""
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for alias in kb.alias_rows:
        owners[unicodedata.normalize("NFC", alias.text).casefold()].add((alias.label, alias.entity_id))
    return [
        f"alias {text!r} is ambiguous: {', '.join(sorted('/'.join(owner) for owner in entities))}"
        for text, entities in owners.items()
        if len(entities) > 1
    ]


def _office_problems(kb: KnowledgeBase) -> list[str]:
    problems = []
    for office in kb.offices:
        where = f"office of {office.person_id} ({office.country} {office.role})"
        if office.person_id not in kb.persons:
            problems.append(f"{where}: points to missing person {office.person_id!r}")
        if not kb.is_known_role(office.role):
            problems.append(f"{where}: unknown role {office.role!r}")
        for day in (office.start, office.end):
            if day is not None and not EARLIEST <= day <= LATEST:
                problems.append(f"{where}: date {day} outside 1900..2100")
        if office.end is not None and office.start > office.end:
            problems.append(f"{where}: start {office.start} is after end {office.end}")
        elif office.start == office.end:
            problems.append(f"{where}: starts and ends on {office.start}, an empty term")
    return problems


def _overlapping_offices(kb: KnowledgeBase) -> list[str]:
    by_seat: dict[tuple[str, str], list[Office]] = defaultdict(list)
    for office in kb.offices:
        if office.role not in GENERIC_ROLES | SHARED_ROLES and kb.level_of(office.role) not in SHARED_LEVELS:
            by_seat[(office.country, office.role)].append(office)
    problems = []
    for (country, role), offices in by_seat.items():
        offices.sort(key=lambda office: office.start)
        for earlier, later in zip(offices, offices[1:], strict=False):
            if earlier.end is None or later.start < earlier.end:
                problems.append(
                    f"{country} {role}: {earlier.person_id} (from {earlier.start}) overlaps "
                    f"{later.person_id} (from {later.start})"
                )
    return problems


def _persons_in_two_countries(kb: KnowledgeBase) -> list[str]:
    """One person serves one country at a time; two would make the resolver's answer depend on
    which office it meets first (generated and curated rows merged can do this)."""
    by_person: dict[str, list[Office]] = defaultdict(list)
    for office in kb.offices:
        by_person[office.person_id].append(office)
    problems = []
    for person_id, offices in by_person.items():
        offices.sort(key=lambda office: office.start)
        for i, earlier in enumerate(offices):
            for later in offices[i + 1 :]:
                if earlier.end is not None and later.start >= earlier.end:
                    continue
                if later.country != earlier.country:
                    problems.append(
                        f"person {person_id}: in office for {earlier.country} (from {earlier.start}) and "
                        f"{later.country} (from {later.start}) at the same time"
                    )
    return problems


def main(argv: list[str]) -> int:
    override_dir = Path(argv[1]) if len(argv) > 1 else None
    problems = validate_kb(build_kb(override_dir))
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
