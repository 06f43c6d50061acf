"""The probe's page list (bench/probe_manifest.jsonl): pages nobody annotated, read by hand for
rules. None may be held out for outside evaluation or be a dev-set page."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import REPO, SHARED

MANIFEST = REPO / "bench" / "probe_manifest.jsonl"
KEYS = ["id", "lang", "url", "query", "retrieved", "chars"]


def _pages() -> list[dict]:
    return [json.loads(line) for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_probe_page_is_listed_once_with_its_query_and_length():
    pages = _pages()
    assert len(pages) == 565
    assert all(list(page) == KEYS for page in pages)
    assert len({p["id"] for p in pages}) == len({p["url"] for p in pages}) == len(pages)
    assert {p["lang"] for p in pages} == {"hi", "en"}
    assert all(isinstance(p["chars"], int) and p["chars"] >= 300 for p in pages)


def test_no_probe_page_is_a_dev_set_page():
    shared_manifest = SHARED / "corpora" / "news_pages" / "manifest.jsonl"
    more = REPO / "bench" / "gold" / "news_pages_more_manifest.jsonl"
    dev_urls = {
        json.loads(line)["url"]
        for path in (shared_manifest, more)
        if path.is_file()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert dev_urls, "no dev-set manifest found"
    assert not dev_urls & {p["url"] for p in _pages()}


def test_no_probe_page_is_held_out():
    tool = SHARED / "tools" / "held_out.py"
    if not tool.is_file():
        pytest.skip("../shared/tools/held_out.py is not beside the repository")
    urls = [p["url"] for p in _pages()]
    result = subprocess.run([sys.executable, str(tool), *urls], capture_output=True, text=True)
    assert result.returncode == 0, [line for line in result.stdout.splitlines() if line.startswith("held out")]
    assert result.stdout.count("free\t") == len(urls)
