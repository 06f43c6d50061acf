"""The KB matcher's patterns cached on disk: built once, reused, and never stale when the KB,
the override folder or the cache file itself changes."""

import shutil
from datetime import date

import pytest
from engagement.config import load_settings
from engagement.kb import loader as kb_loader
from engagement.nlp import kb_matcher
from engagement.nlp.entities import extract_entities
from engagement.nlp.pipeline import Pipelines, build_nlp, get_nlp

DAY = date(2025, 11, 17)
TEXT = "Quintessia's envoy met Indian officials in Moscow. जयशंकर मास्को पहुंचे।"


def _ids(text: str, nlp) -> list[tuple[str, str | None]]:
    return [(m.label, m.entity_id) for m in extract_entities(text, "en", DAY, nlp).mentions if m.label != "DATE"]


def _cache_files(cache_dir):
    return sorted(path.name for path in (cache_dir / "kb_patterns").glob("*.json"))


@pytest.fixture
def fresh_kb():
    """The KB is cached per process by override folder; tests that edit its files start and end
    with that cache empty."""
    kb_loader._cached_kb.cache_clear()
    yield
    kb_loader._cached_kb.cache_clear()


def test_patterns_are_built_once_then_read_and_match_as_the_uncached_pipeline(tmp_path, monkeypatch):
    expected = _ids(TEXT, get_nlp("en"))
    first = build_nlp("en", None, tmp_path)
    assert [name.split("-")[0] for name in _cache_files(tmp_path)] == ["en"]

    def no_tokenizing(*_):
        raise AssertionError("patterns were tokenized again instead of read from the cache")

    monkeypatch.setattr(kb_matcher, "_norm_patterns", no_tokenizing)
    second = build_nlp("en", None, tmp_path)
    assert ("COUNTRY", "IND") in expected and ("PLACE", "MOSCOW") in expected
    assert _ids(TEXT, first) == _ids(TEXT, second) == expected


def test_the_stage_pipelines_cache_under_the_settings_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path))
    pipelines = Pipelines(load_settings())
    assert pipelines("hi") is pipelines("hi")
    assert [name.split("-")[0] for name in _cache_files(tmp_path / "cache")] == ["hi"]


def test_a_changed_override_folder_gets_new_patterns(tmp_path, fresh_kb):
    overrides, cache = tmp_path / "overrides", tmp_path / "cache"
    overrides.mkdir()
    aliases = overrides / "country_aliases.csv"
    aliases.write_text("iso3,lang,alias,kind\nIND,en,Hindustan,name\n", encoding="utf-8")
    assert ("COUNTRY", "IND") in _ids("Hindustan spoke.", build_nlp("en", overrides, cache))
    aliases.write_text("iso3,lang,alias,kind\nIND,en,Hindustan,name\nFRA,en,Gallia,name\n", encoding="utf-8")
    kb_loader._cached_kb.cache_clear()
    rebuilt = build_nlp("en", overrides, cache)
    assert _ids("Hindustan and Gallia spoke.", rebuilt) == [("COUNTRY", "IND"), ("COUNTRY", "FRA")]
    assert len(_cache_files(cache)) == 2


def test_a_changed_packaged_kb_file_gets_new_patterns(tmp_path, monkeypatch, fresh_kb):
    kb_dir, cache = tmp_path / "kb", tmp_path / "cache"
    shutil.copytree(kb_loader.DATA_DIR, kb_dir)
    monkeypatch.setattr(kb_loader, "DATA_DIR", kb_dir)
    assert _ids("Gallia spoke.", build_nlp("en", None, cache)) == []
    with (kb_dir / "country_aliases.csv").open("a", encoding="utf-8") as handle:
        handle.write("FRA,en,Gallia,name\n")
    kb_loader._cached_kb.cache_clear()
    assert _ids("Gallia spoke.", build_nlp("en", None, cache)) == [("COUNTRY", "FRA")]
    assert len(_cache_files(cache)) == 2


def test_an_unreadable_cache_file_is_rebuilt(tmp_path):
    build_nlp("en", None, tmp_path)
    (cached,) = (tmp_path / "kb_patterns").glob("en-*.json")
    written = cached.read_bytes()
    cached.write_text('[["COUNTRY", "IND", [[1, 2]', encoding="utf-8")  # cut short, as a full disk leaves it
    nlp = build_nlp("en", None, tmp_path)
    assert ("COUNTRY", "IND") in _ids("India spoke.", nlp)
    assert cached.read_bytes() == written


def test_stage_pipelines_are_shared_within_a_process_until_the_override_folder_changes(tmp_path, monkeypatch):
    """A task forked from a scheduler that built the pipelines reuses them, but an alias the user
    adds to the override folder afterwards is matched by the next task: no cache to clear."""
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    aliases = overrides / "country_aliases.csv"
    aliases.write_text("iso3,lang,alias,kind\nIND,en,Hindustan,name\n", encoding="utf-8")
    monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ENGAGEMENT_KB_OVERRIDES", str(overrides))
    settings = load_settings()
    before = Pipelines(settings)("en")
    assert Pipelines(settings)("en") is before
    assert _ids("Hindustan and Gallia spoke.", before) == [("COUNTRY", "IND")]
    aliases.write_text("iso3,lang,alias,kind\nIND,en,Hindustan,name\nFRA,en,Gallia,name\n", encoding="utf-8")
    after = Pipelines(settings)("en")
    assert after is not before
    assert _ids("Hindustan and Gallia spoke.", after) == [("COUNTRY", "IND"), ("COUNTRY", "FRA")]


def test_only_the_newest_cache_files_of_a_language_are_kept(tmp_path):
    import os

    from engagement.nlp import pattern_cache

    folder = tmp_path / "kb_patterns"
    folder.mkdir()
    for age in range(6):  # six older KB versions, the oldest first
        old = folder / f"en-old{age}.json"
        old.write_text("[]", encoding="utf-8")
        os.utime(old, (1_000_000 + age, 1_000_000 + age))
    (folder / "hi-other.json").write_text("[]", encoding="utf-8")
    current = folder / "en-current.json"
    pattern_cache.cached_patterns(current, lambda: {("COUNTRY", "IND"): [(1, 2)]})
    kept = sorted(path.name for path in folder.glob("*.json"))
    assert kept == ["en-current.json", "en-old3.json", "en-old4.json", "en-old5.json", "hi-other.json"]
    assert pattern_cache.cached_patterns(current, lambda: {}) == {("COUNTRY", "IND"): [(1, 2)]}
