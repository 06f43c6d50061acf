"""The `engagement` command as analysts call it: JSON on stdout, one clear line on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED, require_shared

ENGAGEMENT = Path(sys.executable).parent / "engagement"


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(ENGAGEMENT), *args], input=stdin, capture_output=True, cwd=REPO, timeout=120)


def test_extract_reads_stdin_and_prints_the_contract():
    text = "विदेश मंत्री एस जयशंकर ने 21 अगस्त को मॉस्को में सर्गेई लावरोव से मुलाकात की।"
    out = run_cli("extract", "--lang", "hi", "--published", "2025-11-17", "-", stdin=text.encode())
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    persons = {e["id"]: e for e in result["entities"] if e["label"] == "PERSON"}
    assert persons["S_JAISHANKAR"]["role"] == "foreign_minister"
    assert text[persons["SERGEY_LAVROV"]["start"] : persons["SERGEY_LAVROV"]["end"]] == "सर्गेई लावरोव"
    [event] = result["events"]
    assert (event["actors"], event["root"], event["status"], event["date"]) == (
        ["IND", "RUS"],
        "04",
        "held",
        "2025-08-21",
    )
    assert event["evidence"]["text"] == text


def test_extract_without_a_publication_date_leaves_unanchored_dates_unknown():
    """Codebook §6: with no publication date, "on Friday" dates nothing; today's date is never used."""
    text = "Jaishankar met Lavrov in Moscow on Friday. They last met on 21 August 2025 in Moscow."
    out = run_cli("extract", "--lang", "en", "-", stdin=text.encode())
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert [(e["text"], e["value"]) for e in result["entities"] if e["label"] == "DATE"] == [
        ("Friday", None),
        ("21 August 2025", "2025-08-21"),
    ]
    assert sorted((e["date"] or "", e["status"]) for e in result["events"]) == [("", "held"), ("2025-08-21", "held")]


def test_extract_offsets_point_into_the_text_as_given():
    text = require_shared(SEED).read_text(encoding="utf-8")
    out = run_cli("extract", "--lang", "hi", "--published", "2025-11-17", str(SEED))
    entities = json.loads(out.stdout)["entities"]
    assert entities and all(text[e["start"] : e["end"]] == e["text"] for e in entities)
    also_read, offset = [], 0
    for line in text.splitlines(keepends=True):
        if line.startswith("इसे भी पढ़ें"):
            also_read.append((offset, offset + len(line)))
        offset += len(line)
    assert len(also_read) == 2
    assert not [e for e in entities for s, end in also_read if s <= e["start"] < end]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("extract", "--lang", "hi", "-"), b"\xff\xfe bad bytes", "not valid UTF-8"),
        (("extract", "--lang", "hi", "-"), b"   \n", "empty"),
        (("extract", "--lang", "fr", "-"), b"Bonjour", "unknown language 'fr'"),
        (("extract", "--lang", "hi", "/nonexistent/article.txt"), None, "cannot read"),
        (("top-pairs", "--db", "/nonexistent/x.duckdb"), None, "no published database"),
    ],
)
def test_bad_input_is_one_clear_line_and_a_nonzero_exit(args, stdin, message):
    out = run_cli(*args, stdin=stdin)
    assert out.returncode == 2
    err = out.stderr.decode()
    assert message in err and "Traceback" not in err and err.count("\n") == 1
