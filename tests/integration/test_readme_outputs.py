"""The outputs README.md shows are what the demo's published file gives today, so they cannot go stale."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from engagement.report import format_table, top_pairs

pytestmark = pytest.mark.integration

README = Path(__file__).resolve().parents[2] / "README.md"


def blocks() -> list[str]:
    """The fenced code blocks of README.md, in order, without their fences."""
    found, current = [], None
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            if current is None:
                current = []
            else:
                found.append("\n".join(current) + "\n")
                current = None
        elif current is not None:
            current.append(line)
    return found


def test_readme_reporting_example_is_the_demo_files_answer(demo_published):
    text = blocks()
    [index] = [i for i, block in enumerate(text) if "reporting.country_partners_between('ind'" in block]
    sql, shown = text[index], text[index + 1]
    with duckdb.connect(str(demo_published), read_only=True) as con:
        cursor = con.execute(sql)
        answer = format_table([column[0] for column in cursor.description], cursor.fetchall())
    assert shown.rstrip("\n") == answer


def test_readme_top_pairs_are_the_demos(demo_published):
    [shown] = [block for block in blocks() if block.startswith("pair     events")]
    lines = shown.rstrip("\n").splitlines()
    assert lines[-1] == "..."
    assert "\n".join(lines[:-1]) == top_pairs(demo_published, limit=len(lines) - 3)
