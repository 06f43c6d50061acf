"""Reproducible choice of the English dev-set items from AG News World and CoNLL-2003.

Issue 10 point 2: 100 AG News World items and 20 CoNLL-2003 stories, picked with a fixed seed
so anyone can redraw the same ids. The texts stay in ../shared; this module also says how a text
is rendered for the coder (`agnews_text`, `conll_text`), so gold and scorer read the same words.

Rules
- AG News: random.Random(20261204).sample(range(N), 100) over the N data rows of
  agnews_test_world.csv (header excluded); id ``ag-<row>`` (0-based row).
- CoNLL-2003: random.Random(20261204).sample(eligible, 20) over the -DOCSTART- documents of
  eng.testb (0-based index) that are news stories, i.e. all of:
    * at least 8 sentences and at least 150 tokens;
    * the headline carries no sports-desk slug (its text before the first '-' names a sport:
      'SOCCER - ...', 'ALPINE SKIING-...', 'RTRS - Cricket - ...');
    * no table line: no sentence of 3+ tokens of which half or more match NUMBER below
      (numbers, scores such as 2-1, and also lone '.', ',', ':' or '/' tokens, as the pattern
      was written when the sample was drawn; results tables, standings, price and freight lists).
  id ``conll-testb-<doc:03d>``.

Usage: python bench/devset_select.py [--shared ../shared]   (prints the ids, one per line)
"""

from __future__ import annotations

import argparse
import csv
import html
import random
import re
from pathlib import Path

SEED = 20261204
AG_COUNT = 100
CONLL_COUNT = 20
MIN_SENTENCES = 8
MIN_TOKENS = 150
SPORTS = {
    "soccer",
    "rugby",
    "cricket",
    "golf",
    "basketball",
    "tennis",
    "skiing",
    "hockey",
    "football",
    "badminton",
    "squash",
    "boxing",
    "bobsleigh",
    "skating",
    "jumping",
    "athletics",
    "cycling",
    "motor racing",
    "formula one",
    "baseball",
    "swimming",
    "showcase",
}
NUMBER = re.compile(r"^[-+]?[\d.,/:]+%?$|^\d+-\d+$")

AG_FILE = "corpora/agnews_world/agnews_test_world.csv"
CONLL_FILE = "corpora/conll2003_en/eng.testb"


def agnews_rows(shared: Path) -> list[tuple[str, str]]:
    """(title, description) of every data row, header excluded."""
    with open(shared / AG_FILE, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        return [(row[1], row[2]) for row in reader]


def agnews_text(title: str, description: str) -> str:
    """Title and description as one short article; the dataset's escapes (' #36;', ' quot;', '\\') undone."""

    def clean(text: str) -> str:
        text = re.sub(r" ?#(\d+);", lambda m: html.unescape(f"&#{m.group(1)};"), text)
        text = re.sub(r" ?(?<!&)\b(quot|amp|lt|gt);", lambda m: html.unescape(f"&{m.group(1)};"), text)
        return html.unescape(text).replace("\\", " ")

    return f"{clean(title)}\n\n{clean(description)}\n"


def conll_documents(shared: Path) -> list[list[list[str]]]:
    """Each -DOCSTART- document as a list of sentences, each a list of tokens."""
    documents: list[list[list[str]]] = []
    sentence: list[str] | None = None
    for line in (shared / CONLL_FILE).read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            documents.append([])
            sentence = None
        elif not line.strip():
            sentence = None
        else:
            if sentence is None:
                sentence = []
                documents[-1].append(sentence)
            sentence.append(line.split()[0])
    return documents


def conll_text(sentences: list[list[str]]) -> str:
    """One sentence per line, tokens joined by single spaces (the corpus keeps no original spacing)."""
    return "".join(" ".join(tokens) + "\n" for tokens in sentences)


def is_sports_headline(headline: list[str]) -> bool:
    text = " ".join(headline)
    slug = re.split(r"\s*-\s*", re.sub(r"^RTRS\s*-\s*", "", text), maxsplit=1)[0].lower()
    return any(sport in slug for sport in SPORTS) and len(slug.split()) <= 4


def is_table_line(tokens: list[str]) -> bool:
    return len(tokens) >= 3 and sum(bool(NUMBER.match(t)) for t in tokens) * 2 >= len(tokens)


def is_news_story(sentences: list[list[str]]) -> bool:
    return (
        len(sentences) >= MIN_SENTENCES
        and sum(len(s) for s in sentences) >= MIN_TOKENS
        and not is_sports_headline(sentences[0])
        and not any(is_table_line(s) for s in sentences)
    )


def select_ids(shared: Path) -> tuple[list[str], list[str]]:
    rows = agnews_rows(shared)
    ag = sorted(random.Random(SEED).sample(range(len(rows)), AG_COUNT))
    documents = conll_documents(shared)
    eligible = [i for i, doc in enumerate(documents) if is_news_story(doc)]
    conll = sorted(random.Random(SEED).sample(eligible, CONLL_COUNT))
    return [f"ag-{row}" for row in ag], [f"conll-testb-{doc:03d}" for doc in conll]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = parser.parse_args()
    ag_ids, conll_ids = select_ids(args.shared)
    print("\n".join(ag_ids + conll_ids))


if __name__ == "__main__":
    main()
