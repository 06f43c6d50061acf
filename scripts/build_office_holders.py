"""Build the knowledge base's generated office-holders from Phoenix.Countries.actors.txt.

Input: ``../shared/anchors_raw/petrarch2/dictionaries/Phoenix.Countries.actors.txt``
(openeventdata/petrarch2, MIT; produced from CountryInfo.140130.txt, January 2014). A person
there is a name, its ``+`` synonyms and date-ranged codes (``[FRAGOV 950517-070516]``): the
three letters are the country, ``GOV...`` means in government; ``ELI`` (elite, out of office) and
undated codes are not offices.

The dictionary names no roles, so they are read from what it does say, strongest first:
- the person's own names ("PRESIDENT_MUSHARRAF", "SECRETARY_OF_STATE_COLIN_POWELL");
- the section comment above them ("# Prime Ministers", "# U.S. Secretaries of State");
- anyone else in government is a ``minister`` (the generic role, minister level): CountryInfo's
  order (heads of state, then of government, then the cabinet) is too irregular in this file
  to read roles from -- tried, it made Koizumi Japan's head of state.

Ours win: a person our persons.csv knows (same id) keeps our names, and of their terms in the
source only those that none of ours overlap (Netanyahu's 1996-99; see ``_our_people_elsewhere``
for their role); a person named like one of ours under another id is left out (the father's
"George Bush"), and so is a generated term that overlaps one of ours in the same seat (country
and role). Terms ending before ``SINCE`` are left out (news from 1990 on). A term open at the end
(``>040701``) ends at the next holder's start or at the source's date. Within a seat, a term that
overlaps an earlier generated one is left out. Aliases: the person's full names (two words or
more); a one-word surname goes to the short names, read as the person only in context (see
docs/knowledge_base.md), and becomes a plain alias for the three top levels when it is unique and
not listed in ``scripts/data/surnames_common_words.csv``.

Writes ``include/engagement/kb/data/{persons,person_aliases,person_short_names,offices}_phoenix.csv``
with the MIT notice and the source in their header; the loader merges them under ours.

    .venv/bin/python scripts/build_office_holders.py
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from generated_notice import build_from_source

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "anchors_raw" / "petrarch2" / "dictionaries" / "Phoenix.Countries.actors.txt"
SNAPSHOT = (
    "openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf, "
    "petrarch2/data/dictionaries/Phoenix.Countries.actors.txt (from CountryInfo.140130.txt)"
)
KB_DATA = ROOT / "include" / "engagement" / "kb" / "data"
COMMON_WORDS = ROOT / "scripts" / "data" / "surnames_common_words.csv"
SINCE = date(1990, 1, 1)
RETURN_GAP = timedelta(days=365)  # an earlier term in our seat of the person is a return to office
SOURCE_DATE = date(2014, 1, 30)  # "Generated at: Thu Jan 30 2014": nothing later is known
TOP_ROLES = ("head_of_state", "head_of_government", "foreign_minister")

# Titles that say the role, in a section comment ("# U.S. Secretaries of State") or as the first
# words of one of a person's names ("PRESIDENT_MUSHARRAF"); the first that matches wins.
ROLE_TITLES = (
    ("vice_president", r"VICE[_ ]PRESIDENTS?"),
    ("foreign_minister", r"SECRETAR(?:Y|IES)[_ ]OF[_ ]STATE|FOREIGN[_ ](?:MINISTERS?|SECRETAR(?:Y|IES))"),
    ("defence_minister", r"SECRETAR(?:Y|IES)[_ ]OF[_ ]DEFEN[CS]E|DEFEN[CS]E[_ ]MINISTERS?"),
    ("head_of_government", r"PRIME[_ ]MINISTERS?|PREMIERS?|CHANCELLORS?"),
    ("head_of_state", r"PRESIDENTS?|MONARCHS?|KINGS?|QUEENS?|EMIRS?|SULTANS?"),
)
SECTION_TITLES = tuple((role, re.compile(rf"\b(?:{words})\b", re.I)) for role, words in ROLE_TITLES)
# Sultan and Emir are also given names (Sultan Hashim Ahmad was Iraq's defence minister).
NAME_TITLES = tuple(
    (role, re.compile(rf"^(?:{words.replace('|EMIRS?|SULTANS?', '')})_[A-Z]")) for role, words in ROLE_TITLES
)
_DATE_RANGE = re.compile(r"^\[(?P<code>[A-Z]{3}\w*)\s+(?P<range>[<>]?\d{6,8}(?:-\d{6,8})?)\]")


@dataclass
class Record:
    names: list[str]  # primary first, upper case with underscores
    section: tuple[int, str] | None  # (line, role) of the last section comment naming a role
    terms: list[tuple[str, str, date | None, date | None]] = field(default_factory=list)  # country, code, start, end


@dataclass
class Term:
    person_id: str
    country: str
    role: str
    start: date
    end: date | None


def parse_date(text: str) -> date:
    """YYYYMMDD, or TABARI's YYMMDD with years up to 30 read as 20xx."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    return date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def section_role(comment: str) -> str | None:
    return next((role for role, pattern in SECTION_TITLES if pattern.search(comment)), None)


def read_records(lines: list[str], stats: Counter) -> list[Record]:
    records: list[Record] = []
    section: tuple[int, str] | None = None
    for line_no, raw in enumerate(lines):
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            role = section_role(stripped)
            section = (line_no, role) if role else None
            continue
        if raw.startswith(("\t", " ")) and stripped.startswith("["):
            if records:
                _add_term(records[-1], stripped, stats)
            continue
        name = stripped.split("#")[0].split("[")[0].strip()
        if stripped.startswith("+") and records:
            records[-1].names.append(name[1:])
        elif name:
            if "[" in stripped.split("#")[0]:  # a country or institution with its own code
                section = None
            records.append(Record([name], section))
    return records


def _add_term(record: Record, text: str, stats: Counter) -> None:
    m = _DATE_RANGE.match(text)
    if not m:
        return
    code, span = m["code"], m["range"]
    if not code[3:].startswith("GOV"):
        return
    if span.startswith("<"):
        stats["term with no start ('<date')"] += 1
        return
    if span.startswith(">"):
        record.terms.append((code[:3], code, parse_date(span[1:]), None))
        return
    first, _, last = span.partition("-")
    try:
        record.terms.append((code[:3], code, parse_date(first), parse_date(last)))
    except ValueError:
        stats["term with an impossible date"] += 1


def succession_sections(records: list[Record]) -> dict[int, str]:
    """Record index -> role of its section comment, for the records that continue the section's
    line of succession: a comment's list ends where the next name took office before the
    previous one ("# Greek Prime Ministers" runs on into the cabinet without a new comment)."""
    roles: dict[int, str] = {}
    previous: dict[int, date] = {}
    broken: set[int] = set()
    for index, record in enumerate(records):
        if not record.section or not record.terms or record.section[0] in broken:
            continue
        line, role = record.section
        start = min(term[2] for term in record.terms)
        if line in previous and start < previous[line]:
            broken.add(line)
            continue
        previous[line] = start
        roles[index] = role
    return roles


def person_id(name: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", name.upper()).strip("_")


def display(name: str) -> str:
    """``P.V._NARASIMHA_RAO_`` -> ``P.V. Narasimha Rao``; ``MCCAIN`` stays ``Mccain`` (no guessing)."""
    words = [w for w in re.split(r"[_\s]+", name.strip("_+")) if w]
    return " ".join(w if re.fullmatch(r"(?:[A-Z]\.)+", w) else w.capitalize() for w in words)


def surname(name: str) -> str:
    return [w for w in re.split(r"[_\s]+", name.strip("_")) if w][-1]


def own_names(record: Record, stats: Counter) -> list[str]:
    """The primary name and the synonyms that share its surname: CountryInfo lists different
    people as synonyms of one record when they share codes ("ABDUL_QADIR_ +NUR_MOHAMMAD_TARAKI_")."""
    last = surname(record.names[0])
    names = [record.names[0]]
    for other in record.names[1:]:
        if last in other.strip("_").split("_"):
            names.append(other)
        else:
            stats["synonym naming someone else (left out)"] += 1
    return names


def role_by_name(names: list[str]) -> str | None:
    return next((role for n in names for role, pattern in NAME_TITLES if pattern.search(n.lstrip("+"))), None)


@dataclass
class Ours:
    """What our curated tables say: ids, aliases (folded, with their last words and the country
    names) and our offices."""

    ids: set[str]
    aliases: set[str]
    offices: list[dict[str, str]]

    def holds(self, pid: str, country: str, role: str | None) -> bool:
        return any(o["person_id"] == pid and o["country"] == country and o["role"] == role for o in self.offices)


def read_ours() -> Ours:
    with (KB_DATA / "persons.csv").open(encoding="utf-8", newline="") as fh:
        ids = {r["person_id"] for r in csv.DictReader(fh)}
    aliases: set[str] = set()
    for name in ("person_aliases.csv", "person_short_names.csv", "country_aliases.csv", "place_aliases.csv",
                 "org_aliases.csv", "role_phrases.csv"):  # fmt: skip
        with (KB_DATA / name).open(encoding="utf-8", newline="") as fh:
            aliases |= {(r.get("alias") or r["phrase"]).casefold() for r in csv.DictReader(fh)}
    # the surnames of our people too: "President Bush" must stay George W. Bush, not McKeeva Bush
    aliases |= {alias.rsplit(" ", 1)[-1] for alias in aliases if " " in alias}
    with (KB_DATA / "countries.csv").open(encoding="utf-8", newline="") as fh:
        countries = list(csv.DictReader(fh))
    aliases |= {r["name_en"].casefold() for r in countries}
    with (KB_DATA / "offices.csv").open(encoding="utf-8", newline="") as fh:
        offices = list(csv.DictReader(fh))
    return Ours(ids | {"#countries:" + r["iso3"] for r in countries}, aliases, offices)


def build(lines: list[str], stats: Counter) -> dict[str, list[dict[str, str]]]:
    records = read_records(lines, stats)
    ours = read_ours()
    countries = {i.split(":", 1)[1] for i in ours.ids if i.startswith("#countries:")}
    terms: list[Term] = []
    our_people_terms: list[Term] = []
    titles: dict[str, str | None] = {}
    names_of: dict[str, list[str]] = {}
    sections = succession_sections(records)
    for index, record in enumerate(records):
        if not record.terms:
            continue
        names = own_names(record, stats)
        pid = person_id(names[0])
        titled = role_by_name(names) or sections.get(index)
        if pid in ours.ids:
            stats["person our knowledge base already has (its terms that ours do not cover kept)"] += 1
            if pid not in titles:
                titles[pid] = titled
                our_people_terms += [
                    Term(pid, country, "minister", start, end)
                    for country, _, start, end in record.terms
                    if country in countries and (end is None or end > SINCE) and (end is None or start < end)
                ]
            continue
        if any(display(n).casefold() in ours.aliases for n in names if "_" in n.strip("_")):
            stats["person named like one of ours (left out: the same name may be another person)"] += 1
            continue
        kept = [
            Term(pid, country, titled or "minister", start, end)
            for country, _, start, end in record.terms
            if country in countries and (end is None or end > SINCE) and (end is None or start < end)
        ]
        stats["term outside 1990.. or of an unknown country or empty"] += len(record.terms) - len(kept)
        if kept and pid not in names_of:
            names_of[pid] = names
            terms.extend(kept)
        elif kept:
            stats["person listed twice (second record left out)"] += 1
    terms = _without_conflicts(_closed(terms), ours.offices, stats)
    terms += _our_people_elsewhere(_closed(our_people_terms), terms, ours, titles, stats)
    return _rows(terms, names_of, ours, stats)


def _closed(terms: list[Term]) -> list[Term]:
    """Open terms end at the next holder's start in the same seat, else at the source's date."""
    by_seat: dict[tuple[str, str], list[Term]] = defaultdict(list)
    for term in terms:
        by_seat[(term.country, term.role)].append(term)
    for seat in by_seat.values():
        seat.sort(key=lambda term: term.start)
        for term in seat:
            if term.end is None:
                later = [t.start for t in seat if t.start > term.start]
                term.end = min(later) if later and term.role in TOP_ROLES else SOURCE_DATE
    return [term for term in terms if term.start < term.end]


def _overlaps(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    return (b_end is None or a_start < b_end) and (a_end is None or b_start < a_end)


def _without_conflicts(terms: list[Term], our_offices: list[dict[str, str]], stats: Counter) -> list[Term]:
    """Drop a term overlapping one of ours in its seat, one overlapping an earlier generated term
    in a single-holder seat, and one putting its person in two countries at once."""
    ours = _spans(our_offices, lambda office: (office["country"], office["role"]))
    kept: list[Term] = []
    seats: dict[tuple[str, str], list[Term]] = defaultdict(list)
    persons: dict[str, list[Term]] = defaultdict(list)
    started: set[tuple[str, str, date]] = set()
    for term in sorted(terms, key=lambda t: (t.start, t.person_id, -(t.end or date.max).toordinal())):
        seat = (term.country, term.role)
        if (term.person_id, term.role, term.start) in started:
            stats["term starting the same day as another of the person's (the longer kept)"] += 1
        elif term.role != "minister" and any(_overlaps(term.start, term.end, s, e) for s, e in ours[seat]):
            stats["term overlapping one of ours in the same seat (ours win)"] += 1
        elif term.role != "minister" and any(_overlaps(term.start, term.end, t.start, t.end) for t in seats[seat]):
            stats["term overlapping another generated holder of the seat"] += 1
        elif any(
            t.country != term.country and _overlaps(term.start, term.end, t.start, t.end)
            for t in persons[term.person_id]
        ):
            stats["term in a second country at the same time"] += 1
        else:
            kept.append(term)
            started.add((term.person_id, term.role, term.start))
            seats[seat].append(term)
            persons[term.person_id].append(term)
    return kept


def _spans(offices: list[dict[str, str]], key) -> dict[object, list[tuple[date, date | None]]]:
    spans: dict[object, list[tuple[date, date | None]]] = defaultdict(list)
    for office in offices:
        spans[key(office)].append(
            (date.fromisoformat(office["start"]), date.fromisoformat(office["end"]) if office["end"] else None)
        )
    return spans


def _our_people_elsewhere(
    candidates: list[Term], generated: list[Term], ours: Ours, titles: dict[str, str | None], stats: Counter
) -> list[Term]:
    """The terms of our people that ours do not cover (Netanyahu's 1996-99, Sharif's 1990s).

    Such a term takes the source's title when ours give the person that office too, its seat was
    nobody else's then, and ours of the person lie more than a year away (the office right before
    ours is another: Putin was prime minister up to his presidency); else it is the generic
    minister. Names carry the latest title ("PRESIDENT_REUVEN_RIVLIN" was a speaker and a minister
    in 2003) and most generated people have no title, hence the conditions. A term overlapping one
    of ours of the person, or another kept term of theirs, is left out."""
    ours_of_person = _spans(ours.offices, lambda office: office["person_id"])
    of_person = defaultdict(list, {pid: list(spans) for pid, spans in ours_of_person.items()})
    taken = _spans(ours.offices, lambda office: (office["country"], office["role"]))
    for term in generated:
        taken[(term.country, term.role)].append((term.start, term.end))
    kept: list[Term] = []
    for term in sorted(candidates, key=lambda t: (t.person_id, t.start)):
        if any(_overlaps(term.start, term.end, s, e) for s, e in of_person[term.person_id]):
            stats["term of one of our people that overlaps one of ours or another of theirs (left out)"] += 1
        else:
            title = titles[term.person_id]
            free = (
                ours.holds(term.person_id, term.country, title)
                and not any(_overlaps(term.start, term.end, s, e) for s, e in taken[(term.country, title)])
                and not any(
                    _overlaps(term.start - RETURN_GAP, term.end + RETURN_GAP, s, e)
                    for s, e in ours_of_person[term.person_id]
                )
            )
            term.role = title if free else "minister"
            taken[(term.country, term.role)].append((term.start, term.end))
            of_person[term.person_id].append((term.start, term.end))
            kept.append(term)
            stats[f"term of one of our people kept as {'their office' if free else 'a minister'}"] += 1
    return kept


# Words that make an alias more than a name ("President Bill Clinton", "Mr Clinton", "Clinton
# Administration", "American President Clinton"): the entity's span would swallow the title,
# which the role phrases already cover.
TITLE_WORDS = {
    "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "general", "gen", "mr",
    "mrs", "ms", "dr", "sir", "lord", "king", "queen", "prince", "princess", "emir", "sheikh", "ambassador",
    "senator", "sen", "governor", "administration", "government", "regime", "american", "us", "u.s", "british",
    "former", "foreign", "defense", "defence", "state", "leader", "chairman", "colonel", "marshal", "judge",
}  # fmt: skip


def _titled(alias: str) -> bool:
    return any(word.casefold().rstrip(".") in TITLE_WORDS for word in alias.split())


def _rows(
    terms: list[Term], names_of: dict[str, list[str]], ours: Ours, stats: Counter
) -> dict[str, list[dict[str, str]]]:
    """Persons and names for the generated people; offices for them and for our people's earlier
    (or later) terms that ours do not cover."""
    with COMMON_WORDS.open(encoding="utf-8", newline="") as fh:
        common = {r["surname"].casefold() for r in csv.DictReader(fh)}
    our_aliases = ours.aliases
    holders = sorted({t.person_id for t in terms} - ours.ids)
    top = {t.person_id for t in terms if t.role in TOP_ROLES}
    full: dict[str, set[str]] = {pid: set() for pid in holders}
    for pid in holders:
        for name in names_of[pid]:
            text = display(name)
            if _titled(text):
                stats["alias with a title or institution in it (left out: the name is matched alone)"] += 1
            elif " " in text and text.casefold() not in our_aliases:
                full[pid].add(text)
    owners = Counter(a.casefold() for names in full.values() for a in names)
    surnames = Counter(display(surname(names_of[pid][0])).casefold() for pid in holders)
    persons, aliases, short_names = [], [], []
    for pid in holders:
        unique = sorted(a for a in full[pid] if owners[a.casefold()] == 1)
        stats["full name shared by two generated people (left out)"] += len(full[pid]) - len(unique)
        last = display(surname(names_of[pid][0]))
        persons.append({"person_id": pid, "name_en": display(names_of[pid][0])})
        aliases += [{"person_id": pid, "lang": "en", "alias": a} for a in unique]
        free = len(last) >= 4 and surnames[last.casefold()] == 1 and last.casefold() not in our_aliases
        if free and pid in top and last.casefold() not in common:
            aliases.append({"person_id": pid, "lang": "en", "alias": last})
            stats["surname as a plain alias (top levels)"] += 1
        elif free:
            short_names.append({"person_id": pid, "lang": "en", "alias": last, "otherwise": ""})
    offices = [
        {"person_id": t.person_id, "country": t.country, "role": t.role, "start": t.start.isoformat(),
         "end": t.end.isoformat() if t.end else ""}
        for t in sorted(terms, key=lambda t: (t.country, t.role, t.start, t.person_id))
    ]  # fmt: skip
    stats.update({f"offices: {role}": n for role, n in Counter(t.role for t in terms).items()})
    return {
        "persons_phoenix.csv": persons,
        "person_aliases_phoenix.csv": aliases,
        "person_short_names_phoenix.csv": short_names,
        "offices_phoenix.csv": offices,
    }


def main() -> int:
    return build_from_source("scripts/build_office_holders.py", SOURCE, SNAPSHOT, KB_DATA, build)


if __name__ == "__main__":
    sys.exit(main())
