"""sources.yaml validation: every mistake stops the load with a message naming the source."""

from __future__ import annotations

import pytest
import yaml
from engagement.config import load_settings
from engagement.sources.config import SourceConfigError, fetchable_sources, load_sources

GOOD = {
    "name": "bbc-hindi",
    "kind": "rss",
    "url": "https://feeds.bbci.co.uk/hindi/rss.xml",
    "language": "hi",
    "timezone": "Asia/Kolkata",
}


def _load(tmp_path, document):
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return load_sources(path)


def test_shipped_file_has_the_demo_files_source_enabled_and_feeds_disabled():
    sources = load_sources(load_settings().sources_file)
    enabled = {name: source.kind for name, source in sources.items() if source.enabled}
    assert enabled == {"demo-files": "files"}
    assert {s.kind for s in sources.values() if not s.enabled} == {"rss"}
    assert all(s.url.startswith("https://") for s in sources.values() if s.is_feed)
    assert fetchable_sources(load_settings()) == []  # nothing to fetch offline


def test_defaults_apply_and_a_source_overrides_them(tmp_path):
    sources = _load(
        tmp_path,
        {
            "defaults": {"timeout": 3, "retries": 1},
            "sources": [GOOD, {**GOOD, "name": "slow", "timeout": 30}],
        },
    )
    assert (sources["bbc-hindi"].timeout, sources["bbc-hindi"].retries) == (3, 1)
    assert sources["slow"].timeout == 30
    assert sources["bbc-hindi"].max_redirects == 5


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({**GOOD, "url": "ftp://example.org/feed"}, "source 'bbc-hindi': url must be http(s)"),
        ({**GOOD, "refresh": 5}, "source 'bbc-hindi': unknown key(s) 'refresh'"),
        ({k: v for k, v in GOOD.items() if k != "language"}, "missing required field 'language'"),
        ({**GOOD, "kind": "twitter"}, "kind must be one of rss, atom, feed, files"),
        ({**GOOD, "timezone": "India/Delhi"}, "unknown timezone 'India/Delhi'"),
        ({**GOOD, "language": "hindi"}, "language must be an ISO 639-1 code"),
        ({**GOOD, "enabled": "yes"}, "enabled must be true or false"),
        ({**GOOD, "timeout": 0}, "invalid timeout 0"),
        ({"name": "drops", "kind": "files", "language": "en"}, "a files source needs 'path'"),
        (
            {k: v for k, v in GOOD.items() if k != "name"},
            "source #1: missing required field 'name'",
        ),
    ],
)
def test_invalid_entries_are_rejected_with_a_clear_message(tmp_path, entry, message):
    with pytest.raises(SourceConfigError, match="^sources.yaml: ") as error:
        _load(tmp_path, {"sources": [entry]})
    assert message in str(error.value)


def test_duplicate_names_are_rejected(tmp_path):
    with pytest.raises(SourceConfigError, match="source 'bbc-hindi': duplicate name"):
        _load(tmp_path, {"sources": [GOOD, GOOD]})


def test_unknown_top_level_key_is_rejected(tmp_path):
    with pytest.raises(SourceConfigError, match="unknown key"):
        _load(tmp_path, {"sources": [GOOD], "feeds": []})
