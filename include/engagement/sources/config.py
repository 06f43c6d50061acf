"""Source definitions: the one ``sources.yaml``, validated on load so a typo fails loudly.

A mistyped key or timezone would otherwise surface days later as a silently empty source, so
every entry is checked against a closed set of keys and types before anything is fetched.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pycountry
import yaml

from engagement.config import Settings

FEED_KINDS = ("rss", "atom", "feed")
KINDS = (*FEED_KINDS, "files")

# Fetch behaviour; `defaults:` in the file overrides these, a source's own keys override both.
FETCH_DEFAULTS: dict[str, Any] = {
    "user_agent": "engagement-bot/0.1 (+diplomatic-engagement research; polite, conditional GETs)",
    "timeout": 10.0,
    "max_bytes": 5_000_000,
    "retries": 3,
    "backoff_seconds": 0.5,
    "max_redirects": 5,
    "request_deadline": 60.0,
    "source_deadline": 900.0,
    "max_items": 200,
    "allow_hosts": (),
}
# Upper bounds, so a typo (timeout: 6000) cannot hold a run for hours or fill the disk.
FETCH_BOUNDS: dict[str, int | float] = {
    "timeout": 120,
    "max_bytes": 50_000_000,
    "retries": 10,
    "backoff_seconds": 60,
    "max_redirects": 10,
    "request_deadline": 900,
    "source_deadline": 3600,
    "max_items": 10_000,
}
_INTEGERS = ("max_bytes", "retries", "max_redirects", "max_items")
_AT_LEAST_ZERO = ("retries", "max_redirects")
# The fetch task's Airflow execution_timeout: the longest a source may fetch, plus time to
# store and parse what it fetched.
FETCH_TASK_TIMEOUT = timedelta(seconds=FETCH_BOUNDS["source_deadline"] + 600)
_LABEL = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(\.{_LABEL})*$")
_REQUIRED = ("name", "kind", "language")
_SOURCE_KEYS = {*_REQUIRED, "url", "path", "timezone", "enabled", *FETCH_DEFAULTS}
_TOP_KEYS = {"defaults", "sources"}


class SourceConfigError(ValueError):
    """sources.yaml is not valid; the message names the file, the source and the problem."""


@dataclass(frozen=True)
class Source:
    """One news source: a feed fetched over HTTP or a folder of file drops."""

    name: str
    kind: str
    language: str
    timezone: str = "UTC"
    enabled: bool = True
    url: str | None = None
    path: str | None = None
    user_agent: str = FETCH_DEFAULTS["user_agent"]
    timeout: float = FETCH_DEFAULTS["timeout"]
    max_bytes: int = FETCH_DEFAULTS["max_bytes"]
    retries: int = FETCH_DEFAULTS["retries"]
    backoff_seconds: float = FETCH_DEFAULTS["backoff_seconds"]
    max_redirects: int = FETCH_DEFAULTS["max_redirects"]
    request_deadline: float = FETCH_DEFAULTS["request_deadline"]
    source_deadline: float = FETCH_DEFAULTS["source_deadline"]
    max_items: int = FETCH_DEFAULTS["max_items"]
    allow_hosts: tuple[str, ...] = FETCH_DEFAULTS["allow_hosts"]

    @property
    def is_feed(self) -> bool:
        return self.kind in FEED_KINDS

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def folder(self, landing_dir: Path) -> Path:
        """A files source's folder, inside the landing folder (a symlink may not lead out)."""
        root = landing_dir.resolve()
        folder = (root / (self.path or ".")).resolve()
        if not folder.is_relative_to(root):
            raise SourceConfigError(
                f"source '{self.name}': path {self.path!r} leads to {folder}, "
                f"outside the landing folder {root}"
            )
        return folder


def load_sources(path: Path) -> dict[str, Source]:
    """Parse and validate ``sources.yaml``; returns sources by name, in file order."""
    label = path.name
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise SourceConfigError(f"{label}: cannot read: {error}") from error
    if not isinstance(document, dict):
        raise SourceConfigError(f"{label}: top level must be a mapping with 'sources'")
    _reject_unknown(label, document, _TOP_KEYS)
    defaults = {**FETCH_DEFAULTS, **_defaults(label, document.get("defaults") or {})}
    entries = document.get("sources")
    if not isinstance(entries, list):
        raise SourceConfigError(f"{label}: 'sources' must be a list")
    sources: dict[str, Source] = {}
    for position, entry in enumerate(entries, start=1):
        source = _source(label, position, entry, defaults)
        if source.name in sources:
            raise SourceConfigError(f"{label}: source '{source.name}': duplicate name")
        sources[source.name] = source
    return sources


def list_sources(settings: Settings, enabled_only: bool = True) -> list[str]:
    """Source names for Airflow dynamic task mapping (one mapped fetch task per source)."""
    sources = load_sources(settings.sources_file).values()
    return [source.name for source in sources if source.enabled or not enabled_only]


def fetchable_sources(settings: Settings) -> list[str]:
    """Enabled feed sources: the ones a fetch task has work for (file drops need none)."""
    sources = load_sources(settings.sources_file).values()
    return [source.name for source in sources if source.enabled and source.is_feed]


def get_source(settings: Settings, name: str) -> Source:
    sources = load_sources(settings.sources_file)
    if name not in sources:
        raise SourceConfigError(f"{settings.sources_file.name}: no source named '{name}'")
    return sources[name]


def normalise_host(host: str) -> str:
    """``[::1]``, ``Example.ORG.`` → ``::1``, ``example.org``: the form allow_hosts is matched in."""
    return host.strip().strip("[]").rstrip(".").lower()


def _reject_unknown(where: str, mapping: dict, allowed: set[str]) -> None:
    unknown = sorted(set(mapping) - allowed)
    if unknown:
        raise SourceConfigError(f"{where}: unknown key(s) {', '.join(map(repr, unknown))}")


def _defaults(label: str, defaults: Any) -> dict[str, Any]:
    if not isinstance(defaults, dict):
        raise SourceConfigError(f"{label}: 'defaults' must be a mapping")
    _reject_unknown(f"{label}: defaults", defaults, set(FETCH_DEFAULTS))
    for key, value in defaults.items():
        _check_fetch_value(f"{label}: defaults", key, value)
    return defaults


def _source(label: str, position: int, entry: Any, defaults: dict[str, Any]) -> Source:
    if not isinstance(entry, dict):
        raise SourceConfigError(f"{label}: source #{position}: must be a mapping")
    name = entry.get("name")
    where = f"{label}: source '{name}'" if name else f"{label}: source #{position}"
    _reject_unknown(where, entry, _SOURCE_KEYS)
    for key in _REQUIRED:
        if entry.get(key) in (None, ""):
            raise SourceConfigError(f"{where}: missing required field '{key}'")
    if not isinstance(name, str):
        raise SourceConfigError(f"{where}: name must be text")
    kind = entry["kind"]
    if kind not in KINDS:
        raise SourceConfigError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    _check_location(where, kind, entry)
    _check_language(where, entry["language"])
    timezone = entry.get("timezone", "UTC")
    try:
        ZoneInfo(str(timezone))
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise SourceConfigError(f"{where}: unknown timezone {timezone!r}") from error
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise SourceConfigError(f"{where}: enabled must be true or false")
    fetch = {key: entry.get(key, defaults[key]) for key in FETCH_DEFAULTS}
    for key, value in fetch.items():
        _check_fetch_value(where, key, value)
    fetch["allow_hosts"] = tuple(normalise_host(host) for host in fetch["allow_hosts"])
    return Source(
        name=name,
        kind=kind,
        language=entry["language"],
        timezone=str(timezone),
        enabled=enabled,
        url=entry.get("url"),
        path=entry.get("path"),
        **fetch,
    )


def _check_location(where: str, kind: str, entry: dict) -> None:
    if kind == "files":
        path = entry.get("path")
        if not isinstance(path, str) or "url" in entry:
            raise SourceConfigError(f"{where}: a files source needs 'path' (and no 'url')")
        relative = PurePosixPath(path.replace("\\", "/"))
        if relative.is_absolute() or path.startswith("~") or ".." in relative.parts:
            raise SourceConfigError(
                f"{where}: path must be a folder inside the landing folder "
                f"(relative, without '..'), not {path!r}"
            )
        return
    url = entry.get("url")
    parsed = urlparse(url) if isinstance(url, str) else None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise SourceConfigError(f"{where}: url must be http(s)")
    if "path" in entry:
        raise SourceConfigError(f"{where}: a {kind} source takes 'url', not 'path'")


def _check_language(where: str, language: Any) -> None:
    """Languages are ISO 639-1 codes (``hi``, ``en``), matching what clean detects."""
    if not isinstance(language, str) or pycountry.languages.get(alpha_2=language) is None:
        raise SourceConfigError(f"{where}: language must be an ISO 639-1 code, not {language!r}")


def _check_fetch_value(where: str, key: str, value: Any) -> None:
    if key == "user_agent":
        if not (isinstance(value, str) and value.strip()):
            raise SourceConfigError(f"{where}: invalid {key} {value!r}")
    elif key == "allow_hosts":
        _check_allow_hosts(where, value)
    else:
        _check_limit(where, key, value)


def _check_limit(where: str, key: str, value: Any) -> None:
    """Numbers within (0 or more than 0) .. FETCH_BOUNDS[key]; the message names the bound."""
    integer = key in _INTEGERS
    number = int if integer else int | float
    lowest = 0 if key in _AT_LEAST_ZERO else None
    valid_type = isinstance(value, number) and not isinstance(value, bool)
    low_ok = valid_type and (value >= lowest if lowest is not None else value > 0)
    if not (low_ok and value <= FETCH_BOUNDS[key]):
        kind = "a whole number" if integer else "a number"
        low = "from 0" if lowest is not None else "above 0"
        raise SourceConfigError(
            f"{where}: invalid {key} {value!r}: must be {kind} {low} and at most {FETCH_BOUNDS[key]}"
        )


def _check_allow_hosts(where: str, value: Any) -> None:
    """Host names or IP addresses only: no scheme, port, path or wildcard."""
    if not isinstance(value, list | tuple):
        raise SourceConfigError(f"{where}: allow_hosts must be a list of host names or addresses")
    for host in value:
        text = normalise_host(host) if isinstance(host, str) else ""
        try:
            ipaddress.ip_address(text)
        except ValueError:
            if not _HOST.match(text):
                raise SourceConfigError(
                    f"{where}: allow_hosts entry {host!r} is not a host name or IP address"
                ) from None
