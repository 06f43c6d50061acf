"""Realistic landing days of any size, built from real sentences and the knowledge base's names.

Issue 14's scale corpus. Sentences come from real news read in place under ``../shared/corpora``
(BBC Hindi test articles, the Hindi disaster news, AG News World, CoNLL-2003 Reuters stories;
``$ENGAGEMENT_SHARED_DIR``) and from the demo corpus. Each article is a fresh draw of them,
with country and person names swapped for others from the knowledge base and one to three
diplomatic sentences (``scale_templates.yaml``) naming the office-holders of the day, so the
coder has events to find and no two articles are alike, except the deliberate copies: a share
of exact syndicated duplicates and of near duplicates (a byline, a sentence dropped, changed or
added) of an article published earlier that day.

Output is JSON Lines landing files, the demo corpus's format, ``OUT/<day>/part-NNN.jsonl``
(a new part before one passes ``--max-file-mb``, so no drop reaches ingest's file cap). Every
day has its own random stream seeded from ``--seed`` and the day, so the same call writes
byte-identical files, and the generator keeps only a bounded window of recent articles in
memory whatever the size.

    .venv/bin/python bench/scale_corpus.py --days 2025-01-01..2025-01-31 --per-day 2000 --out DIR
        [--seed 14] [--hindi-share 0.6] [--exact-share 0.03] [--near-share 0.05]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

import yaml
from engagement.evaluation.readers import read_conll
from engagement.kb.loader import load_kb
from engagement.kb.model import KnowledgeBase
from extract_bench import CORPORA, agnews_world, bbc_hindi, hindi_disaster_events

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "scale_templates.yaml"
DEMO_CORPUS = HERE.parent / "include" / "demo_corpus"
DEFAULT_SEED = 14
ROLES = ("head_of_state", "head_of_government", "foreign_minister")
OUTLETS_PER_LANGUAGE = 24
MIN_SENTENCES_TO_CUT = 8
RECENT_ORIGINALS = 256  # the window copies are drawn from: bounded, so memory stays flat
# Hindi outlets write +05:30; their UTC times stop at 18:29 so the local day is the UTC day.
HINDI_LAST_SECOND = 18 * 3600 + 29 * 60
IST = timezone(timedelta(hours=5, minutes=30))
_LETTER = r"\w\u0900-\u097F"
_SENTENCE_END = {
    "hi": re.compile(r"(?<=[।?!])\s+|\n+"),
    "en": re.compile(r"(?<=[.?!])\s+(?=[A-Z\"'(])|\n+"),
}


@dataclass(frozen=True)
class Sentence:
    """A real sentence and where KB country and person names sit in it (to be swapped)."""

    text: str
    names: tuple[tuple[int, int, str], ...]  # start, end, "country" | "person"


@dataclass(frozen=True)
class Actor:
    person: str
    role: str
    country: str  # iso3


@dataclass
class Language:
    """Everything one language's articles are drawn from."""

    code: str
    sentences: list[Sentence]
    country_names: dict[str, str]  # iso3 -> name in this language
    person_names: dict[str, str]  # person_id -> name in this language
    role_names: dict[str, str]  # role -> phrase in this language
    seats: dict[str, list[str]]  # iso3 -> seat names in this language
    templates: dict = field(repr=False)


@dataclass
class Stats:
    """What a call wrote; printed at the end and returned for tests."""

    files: list[Path] = field(default_factory=list)
    articles: int = 0
    bytes: int = 0
    hindi: int = 0
    exact: int = 0
    near: int = 0
    load_seconds: float = 0.0  # reading the corpora and the KB, once per call
    seconds: float = 0.0  # drawing and writing the articles

    def summary(self) -> str:
        share = lambda n: f"{n / self.articles:.1%}" if self.articles else "-"  # noqa: E731
        rate = self.articles / self.seconds if self.seconds else 0.0
        return (
            f"wrote {len(self.files)} files, {self.articles:,} articles, {self.bytes / 1e6:,.1f} MB; "
            f"Hindi {share(self.hindi)}, English {share(self.articles - self.hindi)}, "
            f"exact duplicates {share(self.exact)}, near duplicates {share(self.near)}; "
            f"sentence pools and KB read in {self.load_seconds:.1f} s; articles written in "
            f"{self.seconds:.1f} s = {rate:,.0f} articles/s, {self.bytes / 1e6 / max(self.seconds, 1e-9):.1f} MB/s"
        )


# --- sentence pools -----------------------------------------------------------------------------


def split_sentences(text: str, lang: str) -> Iterator[str]:
    """Sentences of news prose; headings, tables and fragments (few words, many digits) dropped."""
    for piece in _SENTENCE_END[lang].split(text):
        piece = " ".join(piece.split())
        words = piece.split()
        if not 6 <= len(words) <= 60:
            continue
        digits = sum(char.isdigit() for char in piece)
        if digits > len(piece) * 0.15 or (lang == "en" and piece.isupper()):
            continue
        yield piece


def real_documents(lang: str) -> Iterator[str]:
    """The real news of one language, read in place (nothing is copied anywhere)."""
    if lang == "hi":
        yield from bbc_hindi()
        yield from hindi_disaster_events()
    else:
        yield from agnews_world()
        yield from (doc.text for doc in read_conll(CORPORA / "conll2003_en"))
    for path in sorted(DEMO_CORPUS.glob("*_wire_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("language") == lang:
                yield record["text"]


def name_pattern(names: list[str]) -> re.Pattern:
    """Whole-word alternation of names, longest first."""
    alternation = "|".join(re.escape(name) for name in sorted(set(names), key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<![{_LETTER}])(?:{alternation})(?![{_LETTER}])")


def sentence_pool(lang: str, kb: KnowledgeBase) -> list[Sentence]:
    """Distinct real sentences of ``lang``, each with its KB country and person names located."""
    kinds = {}
    for alias in kb.alias_rows:
        if alias.lang == lang and alias.kind == "name" and alias.label in ("COUNTRY", "PERSON"):
            kinds.setdefault(alias.text, alias.label.lower())
    pattern = name_pattern(list(kinds))
    seen: dict[str, Sentence] = {}
    for document in real_documents(lang):
        for text in split_sentences(document, lang):
            if text not in seen:
                names = tuple((m.start(), m.end(), kinds[m.group()]) for m in pattern.finditer(text))
                seen[text] = Sentence(text, names)
    return list(seen.values())


def build_language(lang: str, kb: KnowledgeBase, templates: dict) -> Language:
    """Pools and KB names of one language (first listed alias of each entity)."""
    first: dict[tuple[str, str], str] = {}
    for alias in kb.alias_rows:
        if alias.lang == lang and alias.kind in ("name", "seat"):
            first.setdefault((alias.label, alias.entity_id), alias.text)
    seats: dict[str, list[str]] = {}
    for place in sorted(kb.places.values(), key=lambda p: p.place_id):
        name = first.get(("PLACE", place.place_id))
        if place.is_seat and name:
            seats.setdefault(place.country, []).append(name)
    countries = {
        iso3: (country.name_hi if lang == "hi" else country.name_en)
        for iso3, country in sorted(kb.countries.items())
    }
    return Language(
        code=lang,
        sentences=sentence_pool(lang, kb),
        country_names={iso3: name for iso3, name in countries.items() if name},
        person_names={key[1]: name for key, name in sorted(first.items()) if key[0] == "PERSON"},
        role_names={role: next(p.phrase for p in kb.role_phrases(lang) if p.role == role) for role in ROLES},
        seats=seats,
        templates=templates,
    )


# --- one day's articles ------------------------------------------------------------------------


class DayWriter:
    """Draws one day's articles from its own random stream (``seed/day``)."""

    def __init__(self, languages: dict[str, Language], kb: KnowledgeBase, args: argparse.Namespace, day: date):
        self.languages = languages
        self.args = args
        self.day = day
        self.rng = random.Random(f"{args.seed}/{day.isoformat()}")
        self.recent: deque[dict] = deque(maxlen=RECENT_ORIGINALS)
        self.actors = {
            lang: [
                Actor(o.person_id, o.role, o.country)
                for o in sorted(kb.offices, key=lambda o: (o.person_id, o.role, o.start))
                if o.held_on(day) and o.role in ROLES and o.person_id in language.person_names
                and o.country in language.country_names
            ]
            for lang, language in languages.items()
        }

    def records(self, count: int) -> Iterator[tuple[dict, str]]:
        """``count`` landing records with their kind: original, exact or near."""
        for number in range(1, count + 1):
            draw = self.rng.random()
            if self.recent and draw < self.args.exact_share:
                yield self._copy(number, self.rng.choice(self.recent), changed=False), "exact"
            elif self.recent and draw < self.args.exact_share + self.args.near_share:
                yield self._copy(number, self.rng.choice(self.recent), changed=True), "near"
            else:
                record = self._original(number)
                self.recent.append(record)
                yield record, "original"

    def _original(self, number: int) -> dict:
        lang = "hi" if self.rng.random() < self.args.hindi_share else "en"
        language = self.languages[lang]
        events = [self._event_sentence(language) for _ in range(self.rng.choice((1, 1, 2, 3)))]
        body = [sentence for _ in range(self.rng.randint(3, 5)) for sentence in self._passage(language)]
        for sentence in (text for text, _ in events[1:]):
            body.insert(self.rng.randrange(len(body) + 1), sentence)
        sentences = [self._dateline(language) + events[0][0], *body]
        published = self._published(lang)
        return self._record(number, lang, events[0][1], self._paragraphs(sentences), published)

    def _copy(self, number: int, original: dict, changed: bool) -> dict:
        """A syndicated copy published later the same day, word for word or slightly edited."""
        text = self._edited(original) if changed else original["text"]
        published = datetime.fromisoformat(original["published"])
        later = min(published + timedelta(minutes=self.rng.randint(5, 300)), self._day_end(published))
        return self._record(number, original["language"], original["title"], text, later)

    def _edited(self, original: dict) -> str:
        """One edit a syndicating outlet makes: a byline, a sentence dropped, changed or added."""
        language = self.languages[original["language"]]
        lines = original["text"].split("\n")
        # Dropping or changing one of few sentences would make a different story, not a copy.
        long_enough = sum(len(self._split_line(line, language.code)) for line in lines) >= MIN_SENTENCES_TO_CUT
        edit = self.rng.choice(("byline", "drop", "change", "add") if long_enough else ("byline", "add"))
        if edit == "byline":
            agency = self.rng.choice(language.templates["agencies"])
            return "\n".join([f"{'By' if language.code == 'en' else 'द्वारा'} {agency}", *lines])
        index = self.rng.randrange(1, len(lines)) if len(lines) > 1 else 0
        sentences = self._split_line(lines[index], language.code)
        position = self.rng.randrange(len(sentences))
        if edit == "drop" and len(sentences) > 1:
            del sentences[position]
        elif edit == "change":
            sentences[position] = self._recombined(language)
        else:
            sentences.insert(position, self._recombined(language))
        lines[index] = " ".join(sentences)
        return "\n".join(lines)

    def _split_line(self, line: str, lang: str) -> list[str]:
        return [piece for piece in _SENTENCE_END[lang].split(line) if piece]

    def _passage(self, language: Language) -> list[str]:
        """One to three consecutive pool sentences (the pool keeps document order, so they
        read on from each other), names swapped. Short runs from several places: two articles
        sharing most of their text by chance would look like syndicated copies to clean."""
        count = self.rng.randint(1, 3)
        start = self.rng.randrange(len(language.sentences) - count)
        return [self._swapped(language, sentence) for sentence in language.sentences[start : start + count]]

    def _recombined(self, language: Language) -> str:
        return self._swapped(language, self.rng.choice(language.sentences))

    def _swapped(self, language: Language, sentence: Sentence) -> str:
        """A real sentence with each KB country or person name swapped, half the time, for another."""
        if not sentence.names:
            return sentence.text
        parts, last = [], 0
        for start, end, kind in sentence.names:
            parts.append(sentence.text[last:start])
            original = sentence.text[start:end]
            if self.rng.random() < 0.5:
                original = self._any_name(language, kind)
            parts.append(original)
            last = end
        parts.append(sentence.text[last:])
        return "".join(parts)

    def _any_name(self, language: Language, kind: str) -> str:
        actor = self.rng.choice(self.actors[language.code])
        if kind == "person":
            return language.person_names[actor.person]
        return language.country_names[actor.country]

    def _event_sentence(self, language: Language) -> tuple[str, str]:
        """A diplomatic sentence and its headline, between two office-holders of the day."""
        actors = self.actors[language.code]
        a = self.rng.choice(actors)
        b = self.rng.choice([actor for actor in actors if actor.country != a.country])
        template = self.rng.choice(language.templates["templates"])
        if template["status"] == "held":
            when = self.day - timedelta(days=self.rng.randint(0, 2))
        else:
            when = self.day + timedelta(days=self.rng.randint(2, 20))
        a_country, b_country = language.country_names[a.country], language.country_names[b.country]
        values = {
            "a_person": language.person_names[a.person],
            "a_role": language.role_names[a.role],
            "a_country": a_country,
            "a_country_s": f"{a_country}'s",
            "b_person": language.person_names[b.person],
            "b_role": language.role_names[b.role],
            "b_country": b_country,
            "b_country_s": f"{b_country}'s",
            "place": self.rng.choice(language.seats.get(b.country, [b_country])),
            "date": self._date(language, when),
            "topic": self.rng.choice(language.templates["topics"]),
        }
        return template["text"].format(**values), template["title"].format(**values)

    def _date(self, language: Language, when: date) -> str:
        month = language.templates["months"][when.month - 1]
        return language.templates["date"].format(day=when.day, month=month)

    def _dateline(self, language: Language) -> str:
        if self.rng.random() < 0.3:
            return ""
        place = self.rng.choice(language.seats.get("IND") or [language.country_names["IND"]])
        month = language.templates["months"][self.day.month - 1]
        return language.templates["dateline"].format(
            place=place,
            place_upper=place.upper(),
            month=month,
            month_short=month[:3],
            day=self.day.day,
            agency=self.rng.choice(language.templates["agencies"]),
        )

    def _paragraphs(self, sentences: list[str]) -> str:
        paragraphs, index = [], 0
        while index < len(sentences):
            size = self.rng.randint(1, 3)
            paragraphs.append(" ".join(sentences[index : index + size]))
            index += size
        return "\n".join(paragraphs)

    def _published(self, lang: str) -> datetime:
        second = self.rng.randrange(HINDI_LAST_SECOND if lang == "hi" else 86_400)
        moment = datetime(self.day.year, self.day.month, self.day.day, tzinfo=UTC) + timedelta(seconds=second)
        return moment.astimezone(IST if lang == "hi" else UTC)

    def _day_end(self, published: datetime) -> datetime:
        last = HINDI_LAST_SECOND if published.utcoffset() == IST.utcoffset(None) else 86_399
        start = datetime(self.day.year, self.day.month, self.day.day, tzinfo=UTC)
        return (start + timedelta(seconds=last)).astimezone(published.tzinfo)

    def _record(self, number: int, lang: str, title: str, text: str, published: datetime) -> dict:
        outlet = self.rng.randrange(1, OUTLETS_PER_LANGUAGE + 1)
        article_id = f"scale-{self.day:%Y%m%d}-{number:07d}"
        domain = "example.org" if lang == "hi" else "example.com"
        return {
            "id": article_id,
            "url": f"https://{domain}/scale/{lang}/{self.day:%Y/%m/%d}/{number:07d}",
            "source": f"scale-{lang}-outlet-{outlet:02d}",
            "title": title,
            "language": lang,
            "published": published.isoformat(),
            "text": text,
        }


# --- files --------------------------------------------------------------------------------------


class PartFiles:
    """``OUT/<day>/part-NNN.jsonl``, a new part before one would pass ``max_bytes``."""

    def __init__(self, folder: Path, max_bytes: int, stats: Stats):
        self.folder, self.max_bytes, self.stats = folder, max_bytes, stats
        self.handle = None
        self.size = 0

    def write(self, line: bytes) -> None:
        if self.handle is None or (self.size and self.size + len(line) > self.max_bytes):
            self.close()
            path = self.folder / f"part-{len([f for f in self.stats.files if f.parent == self.folder]):03d}.jsonl"
            path.parent.mkdir(parents=True, exist_ok=True)
            self.handle, self.size = path.open("wb"), 0
            self.stats.files.append(path)
        self.handle.write(line)
        self.size += len(line)
        self.stats.bytes += len(line)

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


@lru_cache(maxsize=1)
def load_languages() -> tuple[dict[str, Language], KnowledgeBase]:
    """Both languages' pools and names, read once per process (about 3 s)."""
    kb = load_kb()
    templates = yaml.safe_load(TEMPLATES.read_text(encoding="utf-8"))
    return {lang: build_language(lang, kb, templates[lang]) for lang in ("hi", "en")}, kb


def generate(days: list[date], per_day: int, out: Path, args: argparse.Namespace) -> Stats:
    """Write ``per_day`` articles for each day under ``out``; returns what was written."""
    started = time.perf_counter()
    languages, kb = load_languages()
    stats = Stats(load_seconds=time.perf_counter() - started)
    started = time.perf_counter()
    for day in days:
        files = PartFiles(out / day.isoformat(), int(args.max_file_mb * 1e6), stats)
        for record, kind in DayWriter(languages, kb, args, day).records(per_day):
            files.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
            stats.articles += 1
            stats.hindi += record["language"] == "hi"
            stats.exact += kind == "exact"
            stats.near += kind == "near"
        files.close()
    stats.seconds = time.perf_counter() - started
    return stats


def generate_with_defaults(days: list[date], per_day: int, out: Path, seed: int = DEFAULT_SEED) -> Stats:
    """:func:`generate` with the command line's default shares, for the benchmarks that land days."""
    args = parser().parse_args(["--days", days[0].isoformat(), "--out", str(out), "--seed", str(seed)])
    return generate(days, per_day, out, args)


def day_range(value: str) -> list[date]:
    """``2025-01-01..2025-01-31`` (inclusive) or one day."""
    first, _, last = value.partition("..")
    try:
        start, end = date.fromisoformat(first), date.fromisoformat(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day or range YYYY-MM-DD..YYYY-MM-DD: {value!r}") from None
    if end < start:
        raise argparse.ArgumentTypeError(f"range ends before it starts: {value!r}")
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


def share(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"a share is between 0 and 1, not {value}")
    return number


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--days", type=day_range, required=True, help="YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD")
    p.add_argument("--per-day", type=int, default=2000, help="articles per day")
    p.add_argument("--out", type=Path, required=True, help="landing folder to write into")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    p.add_argument("--hindi-share", type=share, default=0.6)
    p.add_argument("--exact-share", type=share, default=0.03, help="exact syndicated copies")
    p.add_argument("--near-share", type=share, default=0.05, help="copies with one edit")
    p.add_argument("--max-file-mb", type=float, default=64.0, help="start a new part file before this size")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.exact_share + args.near_share >= 1.0:
        parser().error("--exact-share + --near-share must leave room for originals")
    stats = generate(args.days, args.per_day, args.out, args)
    print(stats.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
