"""The English dev-set gold is well-formed and refers to exactly the items the selection draws.

Only gold fields and the TUNING part's texts are read here: the TEST part's texts are scored,
never read for rules (issue 10).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re

import pytest
from engagement.kb.loader import load_kb

from tests.conftest import REPO, SHARED, require_shared

GOLD = REPO / "bench" / "gold" / "devset"
MORE_MANIFEST = REPO / "bench" / "gold" / "news_pages_more_manifest.jsonl"
STATUSES = {"held", "ongoing", "planned", "cancelled"}
PRECISION = {10: "day", 7: "month", 4: "year"}


def _select():
    spec = importlib.util.spec_from_file_location("devset_select", REPO / "bench" / "devset_select.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines()]


def _is_test(item_id: str) -> bool:
    return int(hashlib.sha256(item_id.encode()).hexdigest(), 16) % 3 == 0


@pytest.fixture(scope="module")
def select():
    require_shared(SHARED / "corpora" / "conll2003_en" / "eng.testb")
    return _select()


def test_the_selection_is_fixed_by_its_seed(select):
    ag_ids, conll_ids = select.select_ids(SHARED)
    assert len(ag_ids) == 100 and len(set(ag_ids)) == 100
    assert len(conll_ids) == 20
    assert ag_ids[:3] == ["ag-2", "ag-5", "ag-16"]
    assert conll_ids[:3] == ["conll-testb-049", "conll-testb-050", "conll-testb-055"]
    assert [r["id"] for r in _gold("agnews.jsonl")] == sorted(ag_ids)
    assert [r["id"] for r in _gold("conll.jsonl")] == sorted(conll_ids)


def test_sports_tables_and_short_items_are_not_news_stories(select):
    documents = select.conll_documents(SHARED)
    headline = documents[0][0]
    assert " ".join(headline).startswith("SOCCER - JAPAN GET LUCKY WIN")
    assert select.is_sports_headline(headline) and not select.is_news_story(documents[0])
    assert select.is_table_line("Japan 2 1 0 1 4 3 3".split()) and select.is_table_line("Dier 90 2-3".split())
    assert not select.is_table_line("Britain sets conditions to clear American alliance .".split())
    assert select.is_news_story(documents[50])  # HAVEL PRAISES CZECH NATIVE ALBRIGHT AS FRIEND


def test_news_page_gold_covers_the_english_manifest_items():
    manifest = require_shared(SHARED / "corpora" / "news_pages" / "manifest.jsonl")
    english = sorted(
        r["id"] for r in map(json.loads, manifest.read_text(encoding="utf-8").splitlines()) if r["lang"] == "en"
    )
    assert [r["id"] for r in _gold("news_pages_en.jsonl")] == english


def test_further_pages_gold_covers_its_manifest_and_repeats_no_page():
    """The pages found after the 90 (ids m...) are listed with url, query and rank in the repo's
    manifest; none is one of the 90, none repeats, and none is held out from development."""
    shared = require_shared(SHARED / "corpora" / "news_pages" / "manifest.jsonl")
    held_out = require_shared(SHARED / "tools" / "held_out_urls.sha256").read_text().split()
    spec = importlib.util.spec_from_file_location("held_out", SHARED / "tools" / "held_out.py")
    checker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checker)
    manifest = [json.loads(line) for line in MORE_MANIFEST.read_text(encoding="utf-8").splitlines()]
    urls = [r["url"] for r in manifest]
    assert [r["id"] for r in _gold("news_pages_more.jsonl")] == [r["id"] for r in manifest]
    assert len(set(urls)) == len(urls)
    assert not set(urls) & {json.loads(line)["url"] for line in shared.read_text(encoding="utf-8").splitlines()}
    assert not [url for url in urls if checker.key(url) in held_out]
    assert all(r["query"] and r["rank"] >= 1 and r["chars"] > 0 for r in manifest)


@pytest.mark.parametrize("name", ["news_pages_en.jsonl", "agnews.jsonl", "conll.jsonl", "news_pages_more.jsonl"])
def test_every_line_follows_the_gold_format(name):
    countries = load_kb().countries.keys()
    for record in _gold(name):
        assert record["lang"] == ("en" if name != "news_pages_more.jsonl" else record["lang"]) in ("en", "hi")
        assert record["published_note"]
        assert record["published"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", record["published"])
        assert record["countries"] == sorted(set(record["countries"])) and set(record["countries"]) <= countries
        for ev in record["events"]:
            assert ev["actors"] == sorted(ev["actors"]) and len(set(ev["actors"])) == 2
            assert set(ev["actors"]) <= countries and ev.get("source") in (None, *ev["actors"])
            assert ("source" in ev) == ("target" in ev) and ev.get("source") != ev.get("target", "-")
            assert re.fullmatch(r"\d\d", ev["family"]) and ev["status"] in STATUSES
            assert ev.get("cameo", ev["family"]).startswith(ev["family"]) or ev["cameo"] == "036"
            assert ev["date_precision"] == (PRECISION[len(ev["date"])] if ev["date"] else None)
            assert 0 < len(ev["evidence"].split()) <= 12 and ev["what"]
        for pair in record["must_not"]:
            assert pair["actors"] == sorted(pair["actors"]) and set(pair["actors"]) <= countries and pair["why"]


def test_evidence_is_quoted_from_the_tuning_texts(select):
    """AG News and CoNLL texts are rendered from ../shared; the quotes must be their words."""
    rows = select.agnews_rows(SHARED)
    documents = select.conll_documents(SHARED)
    checked = 0
    for record in _gold("agnews.jsonl") + _gold("conll.jsonl"):
        if _is_test(record["id"]):
            continue
        if record["id"].startswith("ag-"):
            text = select.agnews_text(*rows[int(record["id"][3:])])
        else:
            text = select.conll_text(documents[int(record["id"].rsplit("-", 1)[1])])
        flat = " ".join(text.split())
        for ev in record["events"]:
            assert " ".join(ev["evidence"].split()) in flat, (record["id"], ev["evidence"])
            checked += 1
    assert checked >= 10
