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


@pytest.mark.parametrize(
    ("key", "value", "bound"),
    [
        ("retries", 11, "a whole number from 0 and at most 10"),
        ("timeout", 121, "a number above 0 and at most 120"),
        ("max_bytes", 50_000_001, "at most 50000000"),
        ("max_redirects", 11, "at most 10"),
        ("backoff_seconds", 61, "at most 60"),
        ("request_deadline", 901, "at most 900"),
        ("source_deadline", 3601, "at most 3600"),
        ("max_items", 0, "a whole number above 0 and at most 10000"),
        ("max_items", 10_001, "at most 10000"),
        ("retries", 2.5, "a whole number"),
        ("timeout", True, "a number above 0"),
    ],
)
def test_fetch_limits_out_of_bounds_name_the_key_and_the_bound(tmp_path, key, value, bound):
    for document in ({"sources": [{**GOOD, key: value}]}, {"defaults": {key: value}, "sources": [GOOD]}):
        with pytest.raises(SourceConfigError, match=f"invalid {key} {value!r}: must be") as error:
            _load(tmp_path, document)
        assert bound in str(error.value)


def test_limits_at_their_bounds_are_accepted(tmp_path):
    bounds = {"retries": 10, "timeout": 120, "max_bytes": 50_000_000, "max_redirects": 10}
    bounds |= {"backoff_seconds": 60, "request_deadline": 900, "source_deadline": 3600, "max_items": 10_000}
    (source,) = _load(tmp_path, {"sources": [{**GOOD, **bounds}]}).values()
    assert (source.retries, source.source_deadline, source.max_items) == (10, 3600, 10_000)


@pytest.mark.parametrize(
    ("hosts", "message"),
    [
        ("127.0.0.1", "allow_hosts must be a list"),
        (["http://127.0.0.1"], "allow_hosts entry 'http://127.0.0.1' is not a host name or IP address"),
        (["127.0.0.1:8080"], "is not a host name"),
        (["*.internal"], "is not a host name"),
        ([""], "is not a host name"),
        ([7], "is not a host name"),
    ],
)
def test_allow_hosts_takes_only_host_names_and_addresses(tmp_path, hosts, message):
    with pytest.raises(SourceConfigError, match="source 'bbc-hindi': allow_hosts") as error:
        _load(tmp_path, {"sources": [{**GOOD, "allow_hosts": hosts}]})
    assert message in str(error.value)


def test_allow_hosts_are_normalised_and_default_to_none(tmp_path):
    entry = {**GOOD, "name": "lab", "allow_hosts": ["127.0.0.1", "[::1]", "Feeds.Example.ORG."]}
    sources = _load(tmp_path, {"sources": [GOOD, entry]})
    assert sources["bbc-hindi"].allow_hosts == ()
    assert sources["lab"].allow_hosts == ("127.0.0.1", "::1", "feeds.example.org")


@pytest.mark.parametrize("path", ["/etc", "../outside", "drops/../../etc", "~/drops", "..\\windows"])
def test_files_paths_must_stay_inside_the_landing_folder(tmp_path, path):
    drops = {"name": "drops", "kind": "files", "language": "en", "path": path}
    with pytest.raises(SourceConfigError, match="source 'drops': path must be a folder inside the landing folder"):
        _load(tmp_path, {"sources": [drops]})


def test_a_symlink_leading_out_of_the_landing_folder_is_refused(tmp_path):
    landing = tmp_path / "landing"
    (landing / "inside").mkdir(parents=True)
    (landing / "escape").symlink_to(tmp_path)
    drops = {"name": "drops", "kind": "files", "language": "en"}
    sources = _load(tmp_path, {"sources": [{**drops, "path": "inside"}, {**drops, "name": "out", "path": "escape"}]})
    assert sources["drops"].folder(landing) == (landing / "inside").resolve()
    with pytest.raises(SourceConfigError, match="source 'out': path 'escape' leads to .*, outside the landing folder"):
        sources["out"].folder(landing)
