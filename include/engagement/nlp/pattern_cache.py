"""The KB matcher's phrase patterns kept on disk, so each task loads them instead of tokenizing
the ~30,000 alias texts again.

A sharded stage runs once per shard, each time in a new process (an Airflow task instance), and
tokenizing every alias of every language cost about 0.5 CPU s per language per task. The cache
file is named after a fingerprint of everything the patterns are computed from: the packaged KB
files, the override folder's files, the code that reads the KB and folds and matches words, the
spaCy version (its tokenizer rules) and the folding setting. Any change there gives another file
name, so a stale file is never read; a file that cannot be read is computed again and rewritten.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import spacy

import engagement.kb.loader as kb_loader
import engagement.kb.model as kb_model
import engagement.nlp.fold_component as fold_component
import engagement.nlp.folding as folding

log = logging.getLogger(__name__)

# (label, entity id) -> that entity's aliases as sequences of NORM hashes
Patterns = dict[tuple[str, str], list[tuple[int, ...]]]
CACHE_VERSION = "1"
_MATCHER_CODE = Path(__file__).with_name("kb_matcher.py")  # which imports this module


def patterns_fingerprint(lang: str, override_dir: Path | None, acronym_max_letters: int) -> str:
    """sha256 over the names and contents of the files the patterns depend on, and the settings."""
    code = (kb_loader.__file__, kb_model.__file__, folding.__file__, fold_component.__file__, __file__, _MATCHER_CODE)
    sources = kb_loader.kb_sources(override_dir) + [("code", Path(path)) for path in code]
    return kb_loader.files_digest(sources, f"{CACHE_VERSION}\0{spacy.__version__}\0{lang}\0{acronym_max_letters}\0")


def cached_patterns(cache_file: Path, compute: Callable[[], Patterns]) -> Patterns:
    """The patterns stored in ``cache_file``, or computed and stored there (atomically, so
    concurrent tasks never read half a file)."""
    try:
        return _read(cache_file)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, TypeError, KeyError) as exc:
        log.warning("KB pattern cache %s unreadable (%s: %s): rebuilding it", cache_file, type(exc).__name__, exc)
    patterns = compute()
    try:
        _write(cache_file, patterns)
        _prune(cache_file)
    except OSError as exc:  # a read-only data folder costs time, not correctness
        log.warning("KB pattern cache %s not written: %s", cache_file, exc)
    return patterns


# Cache files kept per language: the current KB version's and a few before it (another process
# may still run on an older override folder); each is about 1 MB.
KEEP_VERSIONS = 4


def _prune(cache_file: Path) -> None:
    """Delete the oldest cache files of ``cache_file``'s language beyond KEEP_VERSIONS (every
    edit of the KB or the override folder leaves one behind)."""
    lang = cache_file.name.split("-", 1)[0]
    versions = sorted(cache_file.parent.glob(f"{lang}-*.json"), key=lambda path: path.stat().st_mtime, reverse=True)
    for stale in versions[KEEP_VERSIONS:]:
        if stale != cache_file:
            stale.unlink(missing_ok=True)


def cache_file_for(cache_dir: Path, lang: str, fingerprint: str) -> Path:
    return cache_dir / "kb_patterns" / f"{lang}-{fingerprint[:32]}.json"


def _read(path: Path) -> Patterns:
    with path.open(encoding="utf-8") as handle:
        stored = json.load(handle)
    return {(label, entity_id): [tuple(pattern) for pattern in patterns] for label, entity_id, patterns in stored}


def _write(path: Path, patterns: Patterns) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [[label, entity_id, patterns_of] for (label, entity_id), patterns_of in patterns.items()]
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(rows, out, separators=(",", ":"))
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from workers running as other users
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
