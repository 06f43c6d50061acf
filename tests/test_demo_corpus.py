"""The demo corpus is what a newcomer's first run shows, so it must be what its README says.

Read with plain ``json`` and ``yaml`` rather than the pipeline's readers: the point is to check
the files themselves, and the pipeline's own handling of them is tested elsewhere.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from itertools import combinations
from urllib.parse import urlparse

import pytest
import yaml
from engagement.config import load_settings

from tests.conftest import REPO

CORPUS = REPO / "include" / "demo_corpus"
README = (CORPUS / "README.md").read_text(encoding="utf-8")
REQUIRED_KEYS = {"id", "url", "title", "text", "published", "language", "source"}
ARTICLE_ID = re.compile(r"demo-(?:hi|en)-\d{3}")
PROBLEMS_FILE = "problems.jsonl"


def _readme_table(heading: str) -> list[list[str]]:
    """Body rows of the first Markdown table under ``heading``, cells stripped of backticks."""
    lines = README.split(f"\n{heading}\n", 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip().strip("`") for cell in line.strip("|").split("|")])
    return rows[2:]  # header and separator rows


def _front_matter(path) -> dict:
    text = path.read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    return {**yaml.safe_load(header), "text": body.strip()}


def _records_by_file() -> dict[str, list[dict]]:
    """Every record of the files the README lists, keyed by the README's file name."""
    records = {}
    for name, *_ in _readme_table("## Files"):
        if name.endswith(".jsonl"):
            lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
            records[name] = [json.loads(line) for line in lines if line.strip()]
        else:
            records[name] = [_front_matter(path) for path in sorted(CORPUS.glob(name))]
    return records


RECORDS = _records_by_file()
ALL = [record for records in RECORDS.values() for record in records]
ARTICLES = [
    record for name, records in RECORDS.items() if name != PROBLEMS_FILE for record in records
]
IDS = {record["id"] for record in ALL}


def _published(record: dict) -> datetime:
    value = record["published"]
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = text.split()
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _jaccard(a: str, b: str) -> float:
    sa, sb = _shingles(a), _shingles(b)
    return len(sa & sb) / len(sa | sb)


def test_readme_record_counts_match_the_files():
    for name, count, *_ in _readme_table("## Files"):
        assert len(RECORDS[name]) == int(re.match(r"\d+", count).group()), name


def test_every_record_has_the_keys_and_a_unique_id():
    for record in ALL:
        assert REQUIRED_KEYS <= record.keys(), record.get("id")
        assert ARTICLE_ID.fullmatch(record["id"]), record["id"]
    assert len(IDS) == len(ALL)


def test_articles_are_complete_and_dated_with_a_time_zone():
    for article in ARTICLES:
        published = _published(article)
        assert published.tzinfo is not None, article["id"]
        # The README promises the local day is the UTC day the pipeline files the article under.
        assert published.date() == (published - published.utcoffset()).date(), article["id"]
        assert article["text"].strip() and article["title"].strip(), article["id"]
        assert article["language"] in {"hi", "en"}, article["id"]
        assert urlparse(article["url"]).hostname in {"example.org", "example.com"}, article["id"]


def test_corpus_is_large_and_bilingual_enough_and_matches_the_readme_totals():
    languages = [article["language"] for article in ARTICLES]
    days = {_published(article).date() for article in ARTICLES}
    assert len(ARTICLES) >= 40 and len(days) >= 10
    totals = re.search(
        r"(\d+) good articles in total: (\d+) in Hindi \(\d+%\) and (\d+) in English", README
    )
    assert totals, "the README no longer states its totals"
    assert (len(ARTICLES), languages.count("hi"), languages.count("en")) == tuple(
        int(n) for n in totals.groups()
    )
    stated_days = re.search(r"They have\s+(\d+) distinct publication days", README)
    assert stated_days and len(days) == int(stated_days.group(1))


def _by_id(article_id: str) -> dict:
    return next(record for record in ALL if record["id"] == article_id)


def test_problem_records_have_the_problems_the_readme_names():
    problems = {
        row[0]: row[-1]
        for row in _readme_table("## Bad records (`problems.jsonl`) and expected quarantine")
    }
    assert problems == {
        "demo-hi-901": "empty_text",
        "demo-en-902": "missing_date",
        "demo-en-903": "unknown_language",
        "demo-en-009": "duplicate",
        "demo-hi-026": "near_duplicate",
    }
    assert _by_id("demo-hi-901")["text"] == ""
    assert _by_id("demo-en-902")["published"] is None
    assert _by_id("demo-en-903")["language"] == "fr"
    copy, original = _by_id("demo-en-009"), _by_id("demo-en-008")
    assert copy["text"] == original["text"] and copy["source"] != original["source"]
    threshold = load_settings().near_duplicate_threshold
    assert _jaccard(_by_id("demo-hi-026")["text"], _by_id("demo-hi-025")["text"]) >= threshold


def test_no_other_articles_are_near_duplicates():
    expected = {
        frozenset({"demo-en-008", "demo-en-009"}),
        frozenset({"demo-hi-025", "demo-hi-026"}),
    }
    similar = {
        frozenset({a["id"], b["id"]})
        for a, b in combinations(ARTICLES, 2)
        if _jaccard(a["text"], b["text"]) > 0.5
    }
    assert similar == expected


@pytest.mark.parametrize(
    "row", _readme_table("## Events in the corpus"), ids=lambda row: f"{row[0]} {row[1]}"
)
def test_every_article_named_in_the_events_table_exists(row):
    named = ARTICLE_ID.findall(row[-1])
    assert named, f"no article named in row {row}"
    assert set(named) <= IDS
