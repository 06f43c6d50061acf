"""Rewrite the outputs README.md shows (the reporting example and the top pairs) from a demo's
published file, so they match what tests/integration/test_readme_outputs.py checks.

Usage: .venv/bin/python scripts/update_readme_outputs.py [PUBLISHED_FILE]   (default: the one
scripts/demo.sh leaves in data/published/)
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
from engagement.config import load_settings
from engagement.report import format_table, top_pairs

README = Path(__file__).resolve().parents[1] / "README.md"
EXAMPLE_MARK = "reporting.country_partners_between('ind'"


def main() -> int:
    published = Path(sys.argv[1]) if len(sys.argv) > 1 else load_settings().published_path
    lines = README.read_text(encoding="utf-8").split("\n")
    blocks = _blocks(lines)
    example = next(i for i, (start, end) in enumerate(blocks) if EXAMPLE_MARK in "\n".join(lines[start:end]))
    sql_start, sql_end = blocks[example]
    with duckdb.connect(str(published), read_only=True) as con:
        cursor = con.execute("\n".join(lines[sql_start:sql_end]))
        answer = format_table([column[0] for column in cursor.description], cursor.fetchall())
    pairs = next(i for i, (start, _) in enumerate(blocks) if lines[start].startswith("pair     events"))
    shown = blocks[pairs][1] - blocks[pairs][0] - 1  # the last line is "..."
    replacements = {
        blocks[example + 1]: answer.split("\n"),
        blocks[pairs]: [*top_pairs(published, limit=shown - 2).split("\n"), "..."],
    }
    for (start, end), new in sorted(replacements.items(), reverse=True):
        lines[start:end] = new
    README.write_text("\n".join(lines), encoding="utf-8")
    print(f"README.md: reporting example and top pairs rewritten from {published}")
    return 0


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first line, line after the last) of each fenced block's content."""
    fences = [number for number, line in enumerate(lines) if line.startswith("```")]
    return [(opening + 1, closing) for opening, closing in zip(fences[::2], fences[1::2], strict=True)]


if __name__ == "__main__":
    sys.exit(main())
