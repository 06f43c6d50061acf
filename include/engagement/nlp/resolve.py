"""Turn matched names into mentions with country, role and resolved entity ids.

Context rules, all from small word lists (``data/link_words.csv``):
- a role phrase directly followed by a person belongs to that person (the phrase is dropped);
- otherwise it is a ROLE mention whose holder on the publication day comes from the KB, for the
  country written next to it ("रूसी विदेश मंत्री", "India's foreign minister", "foreign minister
  of Russia") or, for a bare phrase, the language's home country (Hindi press: India);
- a generic "foreign ministry" becomes that country's ``MFA_<ISO3>`` by the same rule, and a
  country's own name for one ("Foreign Office") names the country written next to it, if any;
- "former"/"पूर्व" before a phrase means a past office: no current holder is assigned;
- a bare phrase right before a name the KB does not know is that person's title, so it takes
  no home-country default either ("राष्ट्रपति ओलांड");
- an interim or self-declared office ("अंतरिम राष्ट्रपति", "स्वघोषित राष्ट्रपति") is no
  office of the home country: India has had neither;
- a bare diplomatic rank ("प्रभारी राजदूत", "the ambassador") takes no home-country default
  (``data/roles_without_home_country.csv``): only a country written next to it says whose;
- a surname alone that also names something or someone else (मिस्री "Egyptian", Dar, Wong) is
  the person only in context, see :meth:`Resolver._read_short_names`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import NamedTuple

from spacy.tokens import Doc, Span

from engagement.kb.loader import MFA_PREFIX
from engagement.kb.model import KnowledgeBase, ShortName, is_plural_role
from engagement.nlp.folding import fold
from engagement.nlp.pipeline import word_is

# A word after a bare role that cannot be a name: the role then titles no unknown person.
_NOT_A_NAME_TESTS = ("IS_STOP", "IS_PUNCT", "LIKE_NUM")

DATA_DIR = Path(__file__).resolve().parent / "data"
GENERIC_MFA = "MFA"
# The role of an office whose title the source does not say (the generated office-holders).
GENERIC_OFFICE = "minister"
# Shorter words are too often something else to be read as a surname alone ("Li", "Ma").
_SHORTEST_SURNAME = 3
MAX_LINK_TOKENS = 2


class Resolved(NamedTuple):
    """A KB mention before sentence indices are attached (a tuple: cheap to make by the dozen)."""

    start: int
    end: int
    text: str
    label: str
    entity_id: str | None
    name: str | None
    country: str | None
    role: str | None


@dataclass(frozen=True)
class LinkWords:
    before: frozenset[str]  # between a preceding country and its phrase: के, 's
    after: frozenset[str]  # between a phrase and a following country: of, the
    former: frozenset[str]  # marks a past office: पूर्व, former
    not_a_name: frozenset[str]  # may follow a bare role without being a name: श्री, स्तर, office
    deputy: frozenset[str]  # "के उप उच्चायुक्त", "'s deputy ...": the country's, but another office
    # "अंतरिम राष्ट्रपति" (interim), "स्वघोषित" (self-declared), "इसके" (its), "देशों के" (the
    # countries'): the one or two words before a bare role that make it no home-country office
    not_home: frozenset[str]
    level: frozenset[str]  # "राष्ट्रपति स्तर की बैठक", "minister-level talks": a rank of talks, no office-holder
    generic_in_lower_case: frozenset[str]  # "foreign office consultations": no one country's office


@cache
def link_words(lang: str) -> LinkWords:
    groups: dict[str, set[str]] = {
        "before": set(),
        "after": set(),
        "former": set(),
        "not_a_name": set(),
        "deputy": set(),
        "not_home": set(),
        "level": set(),
        "generic_in_lower_case": set(),
    }
    with (DATA_DIR / "link_words.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["lang"] == lang:
                groups[row["position"]].add(row["word"].lower())
    return LinkWords(**{position: frozenset(words) for position, words in groups.items()})


@cache
def roles_without_home_country() -> frozenset[str]:
    with (DATA_DIR / "roles_without_home_country.csv").open(encoding="utf-8", newline="") as handle:
        return frozenset(row["role"] for row in csv.DictReader(handle))


class Resolver:
    def __init__(self, doc: Doc, text: str, kb: KnowledgeBase, lang: str, published: date) -> None:
        """``text`` is the text ``doc`` was made from: ``doc.text`` would rebuild it token by token."""
        self.doc, self.text, self.kb, self.lang, self.published = doc, text, kb, lang, published
        self.ents: list[Span] = self._read_short_names(list(doc.ents))
        self.surnames: set[int] = set()  # starts of the surnames alone read by ``_read_surnames``
        self.ents = self._read_surnames(self.ents)
        self.words = link_words(lang)
        # role -> country of its latest mention with a country written next to it, for the bare
        # mentions after it of a role that has no home-country default ("उच्चायुक्त ने")
        self.written_roles: dict[str, str] = {}
        # role -> countries whose holder of it the article has named so far ("पाकिस्तान के विदेश
        # मंत्री कुरैशी"): a bare mention of it after is that country's when it is the only one
        self.held_roles: dict[str, set[str]] = {}

    def _read_short_names(self, ents: list[Span]) -> list[Span]:
        """A surname alone (``person_short_names.csv``) is the person when a role phrase stands
        right before it ("विदेश सचिव मिस्री") or the article names the person in full anywhere
        (one sense per article), unless a role phrase follows it ("मिस्री विदेश मंत्री" is the
        Egyptian minister). Otherwise it is the country its spelling also names (मिस्री: Egypt)
        or nothing (Dar, Wong, Asif are other people's names too)."""
        short = [
            index for index, ent in enumerate(ents) if ent.label_ == "PERSON" and self._short_name(ent) is not None
        ]
        if not short:
            return ents
        full_names = {ent.kb_id_ for index, ent in enumerate(ents) if ent.label_ == "PERSON" and index not in short}
        read = list(ents)
        for index in reversed(short):
            ent = ents[index]
            titled = index > 0 and ents[index - 1].label_ == "ROLE" and ents[index - 1].end == ent.start
            before_role = (
                index + 1 < len(ents) and ents[index + 1].label_ == "ROLE" and ents[index + 1].start == ent.end
            )
            if titled or (ent.kb_id_ in full_names and not before_role):
                continue
            otherwise = self._short_name(ent).otherwise
            if otherwise:
                read[index] = Span(self.doc, ent.start, ent.end, label="COUNTRY", kb_id=otherwise)
            else:
                del read[index]
        return read

    def _read_surnames(self, ents: list[Span]) -> list[Span]:
        """A person the article names in full ("Prime Minister Manmohan Singh") is meant by the
        surname alone after it ("Singh left for home"): one sense per article, when no other
        person it names in full shares that surname. English surnames count only capitalised.
        The surname is looked for as written, in the text after the first full mention."""
        holders: dict[str, set[str]] = {}
        first_end: dict[str, int] = {}
        for ent in ents:
            if ent.label_ == "PERSON" and len(ent) > 1 and len(ent[-1].text) >= _SHORTEST_SURNAME:
                holders.setdefault(ent[-1].text, set()).add(ent.kb_id_)
                first_end.setdefault(ent[-1].text, ent.end_char)
        text, added = self.text, []
        taken: set[int] | None = None
        for surname, ids in holders.items():
            if len(ids) > 1 or (self.lang == "en" and not surname[0].isupper()):
                continue
            at = text.find(surname, first_end[surname])
            while at >= 0:
                span = self.doc.char_span(at, at + len(surname))
                if taken is None:
                    taken = {i for ent in ents for i in range(ent.start, ent.end)}
                if span is not None and len(span) == 1 and span.start not in taken:
                    added.append(Span(self.doc, span.start, span.end, label="PERSON", kb_id=next(iter(ids))))
                    self.surnames.add(span.start)
                at = text.find(surname, at + len(surname))
        return sorted([*ents, *added], key=lambda ent: ent.start) if added else ents

    def _short_name(self, ent: Span) -> ShortName | None:
        """The short name this PERSON mention is written as, if it is one (not a full alias)."""
        candidates = self.kb.short_names_of(ent.kb_id_)
        if not candidates:
            return None
        written = " ".join(token.norm_ for token in ent)
        return next((short for short in candidates if fold(short.text) == written), None)

    def mentions(self) -> list[Resolved]:
        resolved = []
        named_in_full: dict[str, Resolved] = {}
        for index, ent in enumerate(self.ents):
            if ent.label_ == "ROLE":
                person = self._person_after(index)
                if person is not None and self._agrees(index, person):
                    continue
                resolved.append(self._role(index))
            elif ent.start in self.surnames:  # the person named in full before, as resolved there
                named = named_in_full[ent.kb_id_]
                resolved.append(named._replace(start=ent.start_char, end=ent.end_char, text=ent.text))
            elif ent.label_ == "PERSON":
                resolved.append(self._person(index))
                named_in_full[ent.kb_id_] = resolved[-1]
                if resolved[-1].role and resolved[-1].country:
                    self.held_roles.setdefault(resolved[-1].role, set()).add(resolved[-1].country)
            elif ent.label_ == "ORG":
                resolved.append(self._organisation(index))
            elif ent.label_ == "PLACE":
                place = self.kb.places[ent.kb_id_]
                resolved.append(self._make(ent, ent.kb_id_, place.name_en, place.country, None))
            else:
                country = self.kb.countries[ent.kb_id_]
                resolved.append(self._make(ent, ent.kb_id_, country.name_en, country.iso3, None))
        return resolved

    # --- context -------------------------------------------------------------------------------
    def _gap_is(self, start: int, end: int, words: frozenset[str]) -> bool:
        return end - start <= MAX_LINK_TOKENS and all(token.norm_ in words for token in self.doc[start:end])

    def _adjacent_country(self, index: int) -> str | None:
        """The country written right before the phrase (with के/'s) or after it (with "of")."""
        ent = self.ents[index]
        if index > 0:
            previous = self.ents[index - 1]
            if self._stands_for_country(previous) and self._gap_is(
                previous.end, ent.start, self.words.before | self.words.deputy
            ):
                return self._country_of(previous)
        if index + 1 < len(self.ents):
            following = self.ents[index + 1]
            if (
                following.label_ == "COUNTRY"
                and following.start > ent.end
                and self._gap_is(ent.end, following.start, self.words.after)
            ):
                return following.kb_id_
        return None

    def _stands_for_country(self, ent: Span) -> bool:
        """A country's name, or its seat of government ("अबू धाबी के क्राउन प्रिंस")."""
        if ent.label_ == "PLACE":
            place = self.kb.places.get(ent.kb_id_)
            return place is not None and place.is_seat
        return ent.label_ == "COUNTRY"

    def _country_of(self, ent: Span) -> str:
        return self.kb.places[ent.kb_id_].country if ent.label_ == "PLACE" else ent.kb_id_

    def _is_former(self, index: int) -> bool:
        ent = self.ents[index]
        first = ent.start
        if index > 0 and self.ents[index - 1].label_ == "COUNTRY" and self.ents[index - 1].end >= ent.start - 1:
            first = self.ents[index - 1].start
        return first > 0 and self.doc[first - 1].norm_ in self.words.former

    def _word_before(self, index: int) -> str | None:
        start = self.ents[index].start
        return self.doc[start - 1].norm_ if start > 0 else None

    def _owned_elsewhere(self, index: int) -> bool:
        """ "अंतरिम राष्ट्रपति", "इसके राष्ट्रपति" (its), "दोनों देशों के राष्ट्रपति" (both
        countries'): the words before a bare role give it another owner than the home country."""
        start, one = self.ents[index].start, self._word_before(index)
        two = f"{self.doc[start - 2].norm_} {one}" if start > 1 else None
        return one in self.words.not_home or two in self.words.not_home

    def _is_deputy(self, index: int) -> bool:
        """ "पाकिस्तान के उप उच्चायुक्त": the deputy holds another office than the KB's holder."""
        start = self.ents[index].start
        return start > 0 and self.doc[start - 1].norm_ in self.words.deputy

    def _person_after(self, index: int) -> Span | None:
        if index + 1 < len(self.ents):
            following = self.ents[index + 1]
            if following.label_ == "PERSON" and following.start == self.ents[index].end:
                return following
        return None

    def _agrees(self, index: int, person: Span) -> bool:
        """A person named after a role phrase takes it, unless the phrase names another country."""
        phrase_country = self._adjacent_country(index)
        office = self.kb.office_on(person.kb_id_, self.published)
        return phrase_country is None or office is None or office.country == phrase_country

    def _country_for(self, index: int) -> str | None:
        adjacent = self._adjacent_country(index)
        role = self.ents[index].kb_id_
        if adjacent:
            self.written_roles[role] = adjacent
            return adjacent
        if role in roles_without_home_country():
            # "पाकिस्तान के उच्चायुक्त को तलब किया ... उच्चायुक्त ने कहा": the one named before
            return None if self._titles_unknown_name(index) else self.written_roles.get(role)
        if self._titles_unknown_name(index) or self._owned_elsewhere(index) or self._is_level(index):
            return None
        held = self.held_roles.get(role, set())
        if len(held) == 1 and self.kb.home_country(self.lang) not in held:
            # "पाकिस्तान के विदेश मंत्री कुरैशी ... विदेश मंत्री 24 से 26 दिसंबर के दौरान": the one
            # holder the article has named, not the home country's
            return next(iter(held))
        return None if self._story_of_others else self.kb.home_country(self.lang)

    @cached_property
    def _story_of_others(self) -> bool:
        """Whether the article is between other states: it names two or more of them and no
        place or office-holder of the home country ("सऊदी ... ईरान ... विदेश मंत्री कार्यालय के
        महानिदेशक"), so a bare role there has no Indian holder. With one other state named
        ("प्रधानमंत्री ने नेपाल के राष्ट्रपति से भेंट की") the bare role is still India's."""
        named: set[str | None] = set()
        for ent in self.ents:
            if ent.label_ in ("COUNTRY", "PLACE"):
                named.add(self._country_of(ent))
            elif ent.label_ == "PERSON":
                office = self.kb.office_on(ent.kb_id_, self.published)
                named.add(office.country if office is not None else None)
        return self.kb.home_country(self.lang) not in named and len(named - {None}) >= 2

    def _is_level(self, index: int) -> bool:
        """A bare phrase naming the rank of talks ("विदेश मंत्री स्तर की बैठक", "minister-level
        talks") names no one: the home country's minister is no party to them."""
        following = [token.norm_ for token in self.doc[self.ents[index].end : self.ents[index].end + 2]]
        if following[:1] == ["-"]:
            following = following[1:]
        return bool(following) and following[0] in self.words.level

    def _titles_unknown_name(self, index: int) -> bool:
        """A bare role right before a name the KB does not know ("राष्ट्रपति ओलांड ने",
        "President Hollande said") is that person's title: it says nothing of the home country."""
        end = self.ents[index].end
        if end >= len(self.doc) or (index + 1 < len(self.ents) and self.ents[index + 1].start == end):
            return False
        following = self.doc[end]
        if following.is_space or any(word_is(self.lang, test, following.text) for test in _NOT_A_NAME_TESTS):
            return False
        if following.norm_.rstrip(".") in self.words.not_a_name:
            return False
        return self.lang != "en" or word_is(self.lang, "IS_TITLE", following.text)

    # --- mentions --------------------------------------------------------------------------------
    def _make(
        self,
        ent: Span,
        entity_id: str | None,
        name: str | None,
        country: str | None,
        role: str | None,
    ) -> Resolved:
        return Resolved(ent.start_char, ent.end_char, ent.text, ent.label_, entity_id, name, country, role)

    def _person(self, index: int) -> Resolved:
        ent = self.ents[index]
        person_id = ent.kb_id_
        office = self.kb.office_on(person_id, self.published)
        if office is not None:
            country, role = office.country, office.role
            titled_country, title = self._phrase_before(index)
            if role == GENERIC_OFFICE and title and titled_country == country:
                # the generated office-holders know only "in government": "French President
                # Jacques Chirac" says more
                role = title
        else:
            country, role = self._phrase_before(index)
        return self._make(ent, person_id, self.kb.persons[person_id].name_en, country, role)

    def _phrase_before(self, index: int) -> tuple[str | None, str | None]:
        """No office on the day: trust a role phrase written right before the name (unless
        "former"); the country is the phrase's, else the one of the person's last known office."""
        offices = self.kb.offices_of(self.ents[index].kb_id_)
        country = max(offices, key=lambda office: office.start).country if offices else None
        previous = self.ents[index - 1] if index > 0 else None
        if self._titled_by_international_body(index):
            return None, None  # "UN Secretary-General António Guterres": no longer Portugal's

        if previous is None or previous.label_ != "ROLE" or previous.end != self.ents[index].start:
            return country, None
        if self._is_former(index - 1):
            return country, None
        return self._adjacent_country(index - 1) or country, previous.kb_id_

    def _titled_by_international_body(self, index: int) -> bool:
        """Whether an international body and a title of at most three words (a role the KB
        knows or not) stand right before the person ("UN Secretary-General", "IAEA chief",
        "संयुक्त राष्ट्र महासचिव")."""
        person = self.ents[index]
        body = next((ent for ent in reversed(self.ents[max(0, index - 2) : index]) if ent.label_ == "ORG"), None)
        organisation = self.kb.organisations.get(body.kb_id_) if body is not None else None
        between = self.doc[body.end : person.start] if body is not None else ()
        return (
            organisation is not None
            and organisation.kind == "igo"
            and 1 <= len(between) <= 3
            and all(token.text.replace("-", "").isalpha() or token.text == "-" for token in between)
        )

    def _role(self, index: int) -> Resolved:
        ent = self.ents[index]
        plural = is_plural_role(ent.text)
        country = self._adjacent_country(index) if plural else self._country_for(index)
        holder = None
        if country and not plural and not self._is_former(index) and not self._is_deputy(index):
            holder = self.kb.holder_of(country, ent.kb_id_, self.published)
        name = self.kb.persons[holder].name_en if holder else None
        return self._make(ent, holder, name, country, ent.kb_id_)

    def _organisation(self, index: int) -> Resolved:
        ent = self.ents[index]
        org_id = ent.kb_id_
        if org_id == GENERIC_MFA:
            country = self._country_for(index)
            org_id = f"{MFA_PREFIX}{country}" if country else None
        elif org_id.startswith(MFA_PREFIX):  # "Pakistan's Foreign Office": its own, not London's
            country = self._adjacent_country(index)
            # "held foreign office consultations": in lower case a kind of ministry, not London's
            generic = ent.text in self.words.generic_in_lower_case
            org_id = f"{MFA_PREFIX}{country}" if country else (None if generic else org_id)
        organisation = self.kb.organisations.get(org_id) if org_id else None
        if organisation is None:
            return self._make(ent, None, self.kb.organisations[GENERIC_MFA].name_en, None, None)
        return self._make(ent, org_id, organisation.name_en, organisation.country, None)
