"""Poison files among good drops: each becomes quarantine rows with reasons, nothing else changes.

Every case's bad file is dropped beside the world's good articles, all in one landing folder, and
both days run end to end once (each case alone cost a run of its own: 24 runs, about three
minutes of the suite). Each file must become exactly its expected (stage, reason, article id)
rows, told apart by the file its rows come from; together they are the day's whole quarantine
beside the clean run's, and every other published table equals the clean run's: the good
articles of the day are kept and the other day is untouched.
"""

from __future__ import annotations

import codecs
import json

import pytest

from tests.hostile.world import DAY, OTHER_DAY, World

HINDI = "विदेश मंत्री ने वार्ता की और दोनों देशों ने सहयोग बढ़ाने पर सहमति जताई। " * 2
STORY = "The foreign ministers of the two countries met in the capital and discussed trade ties."


def _jsonl(**record) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def _story(article_id: str, **fields) -> str:
    return _jsonl(**{"id": article_id, "published": "2025-11-17T06:00:00Z", "text": STORY, **fields})


ALIAS_BOMB = (
    "---\n"
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
    "published: 2025-11-17\n"
    "---\n" + STORY
)

CASES = {
    # name: (file name, content, expected quarantine rows of DAY as (stage, reason, article_id))
    "csv field over the article cap": (
        "wire.csv",
        'id,published,text\nhuge,2025-11-17,"' + "a" * 250_000 + '"\n',
        [("ingest", "too_large", None)],
    ),
    "date at the calendar's edge": (
        "edge.jsonl",
        _story("edge", published="0001-01-01T00:00:00+05:00"),
        [("ingest", "bad_date", "edge")],
    ),
    "deeply nested JSON": (
        "deep.jsonl",
        '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n",
        [("ingest", "bad_record", None)],
    ),
    "YAML alias bomb in front matter": ("bomb.txt", ALIAS_BOMB, [("ingest", "bad_record", "bomb")]),
    "front matter over its cap": (
        "long-head.txt",
        "---\nnote: " + "x" * 70_000 + "\n---\n" + STORY,
        [("ingest", "too_large", "long-head")],
    ),
    "Latin-1 file": (
        "latin1.txt",
        ("---\npublished: 2025-11-17\n---\nCaf\xe9 diplomacy " + STORY).encode("latin-1"),
        [("ingest", "invalid_utf8", None)],
    ),
    "text is an object": (
        "object-text.jsonl",
        _story("object-text", text={"body": STORY}),
        [("ingest", "bad_record", "object-text")],
    ),
    "id is an object": (
        "object-id.jsonl",
        _jsonl(id={"x": 1}, published="2025-11-17", text=STORY),
        [("ingest", "bad_record", "{'x': 1}")],
    ),
    "title over the field cap": (
        "long-title.jsonl",
        _story("long-title", title="T" * 5_000),
        [("ingest", "too_large", "long-title")],
    ),
    "publication date in 2030": (
        "future.jsonl",
        _story("future", published="2030-01-01T00:00:00Z"),
        [("ingest", "implausible_date", "future")],
    ),
    "publication date before 1900": (
        "past.jsonl",
        _story("past", published="1850-06-01"),
        [("ingest", "implausible_date", "past")],
    ),
    "publication date is a number": (
        "number-date.jsonl",
        _story("number-date", published=20251117),
        [("ingest", "bad_date", "number-date")],
    ),
    "undated article": ("undated.jsonl", _jsonl(id="undated", text=STORY), [("ingest", "missing_date", "undated")]),
    "empty article": ("empty.jsonl", _story("empty", text="   "), [("ingest", "empty_text", "empty")]),
    "article over the cap": ("huge.jsonl", _story("huge", text=STORY * 3_000), [("ingest", "too_large", "huge")]),
    "truncated JSON line": ("cut.jsonl", '{"id": "cut", "published": "2025-11-', [("ingest", "bad_record", None)]),
    "JSON line that is not an object": ("list.jsonl", "[1, 2, 3]\n", [("ingest", "bad_record", None)]),
    "binary garbage named .jsonl": (
        "garbage.jsonl",
        bytes(b for b in range(256) if b not in b"\r\n") * 4,
        [("ingest", "invalid_utf8", None)],
    ),
    "CSV row with the wrong field count": (
        "short.csv",
        "id,published,text\nshort,2025-11-17\n",
        [("ingest", "bad_record", None)],
    ),
    "HTML page without an article": (
        "menu.html",
        "<html><head><meta property='article:published_time' content='2025-11-17'></head><body></body></html>",
        [("ingest", "no_main_text", None)],
    ),
    "reused id with other text": (
        "zz-copy.jsonl",
        _story("good-en-1", text=STORY),
        [("ingest", "duplicate_id", "good-en-1")],
    ),
    "Tamil declared as Hindi": (
        "tamil.jsonl",
        _story("tamil", language="hi", text="வெளியுறவுத் துறை அமைச்சர் இன்று டெல்லியில் பேச்சுவார்த்தை நடத்தினார். " * 3),
        [("clean", "unknown_language", "tamil")],
    ),
    "numbers only": (
        "scores.jsonl",
        _story("scores", text="12 - 7, 31 - 4, 18 - 22, 9 - 11, 40 - 2, 3 - 3, 17 - 5, 8 - 1"),
        [("clean", "unknown_language", "scores")],
    ),
    "Hindi too short after cleaning": (
        "short-hi.jsonl",
        _story("short-hi", language="hi", text="नमस्ते।"),
        [("clean", "empty_text", "short-hi")],
    ),
}


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory) -> dict:
    """The world with every case's file dropped at once, run once; its published outcome."""
    monkeypatch = pytest.MonkeyPatch()
    try:
        world = World(tmp_path_factory.mktemp("poisoned"), monkeypatch)
        for file_name, content, _ in CASES.values():
            world.drop(file_name, content)
        return {
            "exit": world.run(),
            "rows": world.rows(
                "SELECT stage, reason, article_id, raw_ref, detail FROM core.quarantine WHERE day = ? ORDER BY ALL",
                DAY,
            ),
            "articles": world.articles(),
            "checksums": world.checksums(without=("quarantine",)),
            "other_day": world.quarantine(OTHER_DAY),
        }
    finally:
        monkeypatch.undo()  # the world's folders must not leak into later tests


@pytest.mark.integration
def test_poison_files_are_quarantined_and_nothing_else_changes(poisoned, clean):
    assert poisoned["exit"] == 0
    expected = [row for _, _, rows in CASES.values() for row in rows]
    assert sorted((row[:3] for row in poisoned["rows"]), key=_nulls_first) == sorted(
        clean["quarantine"] + expected, key=_nulls_first
    )
    assert poisoned["articles"] == clean["articles"]
    assert poisoned["checksums"] == {table: sums for table, sums in clean["checksums"].items() if table != "quarantine"}
    assert poisoned["other_day"] == []
    assert all(detail and "Traceback" not in detail for *_, detail in poisoned["rows"])


@pytest.mark.integration
@pytest.mark.parametrize("name", sorted(CASES))
def test_each_poison_file_becomes_its_own_quarantine_rows(poisoned, name):
    file_name, _, expected = CASES[name]
    from_file = [row[:3] for row in poisoned["rows"] if row[3] and row[3].rsplit(":", 1)[0] == file_name]
    assert sorted(from_file, key=_nulls_first) == sorted(expected, key=_nulls_first)


def _nulls_first(row: tuple) -> tuple:
    """Sort key of a quarantine row whose article id may be NULL (None sorts before any id)."""
    return tuple((value is not None, value or "") for value in row)


@pytest.mark.integration
def test_utf16_file_with_byte_order_mark_is_read(world, clean):
    record = _story("utf16-story", published="2025-11-18T07:00:00Z")
    world.drop("utf16.jsonl", codecs.BOM_UTF16_LE + record.encode("utf-16-le"))
    assert world.run() == 0
    assert world.articles() == sorted([*clean["articles"], "utf16-story"])
    assert world.quarantine(DAY) == clean["quarantine"]


@pytest.mark.integration
def test_control_characters_and_bidi_overrides_never_reach_the_published_text(world, clean):
    dirty = "Foreign\x00 ministers \x1b[31mmet\x1b[0m in Delhi\x7f on \u202eMonday\u202c and discussed trade ties."
    world.drop("dirty.jsonl", _story("dirty", title="Talks\x1b[2J in Delhi\u202e", text=dirty))
    assert world.run() == 0
    text, title = world.rows("SELECT text_clean, title FROM core.articles WHERE article_id = 'dirty'")[0]
    assert text == "Foreign ministers met in Delhi on Monday and discussed trade ties."
    assert title == "Talks in Delhi"
    assert world.quarantine(DAY) == clean["quarantine"]


@pytest.mark.integration
def test_file_over_the_drop_cap_is_quarantined_whole_without_being_parsed(world, clean, monkeypatch):
    monkeypatch.setenv("ENGAGEMENT_MAX_DROP_BYTES", "100000")
    world.drop("dump.jsonl", _story("in-dump") * 2_000)  # ~300 kB
    assert world.run() == 0
    assert world.quarantine(DAY) == sorted([*clean["quarantine"], ("ingest", "too_large", None)])
    detail = world.rows("SELECT detail FROM core.quarantine WHERE reason = 'too_large'")[0][0]
    assert "bytes > 100000" in detail
    assert world.articles() == clean["articles"]
