"""One storage URL for the files the pipeline shares between tasks: staging and the raw store.

On one machine it is a local folder (``file://.../data``); on a cluster of Celery workers it is
an object store every worker reaches (``s3://bucket/prefix``; the endpoint and keys come from
the usual ``AWS_ENDPOINT_URL``/``AWS_ACCESS_KEY_ID``/... variables, which botocore reads). Code
never builds paths by hand: it asks a :class:`Storage` for a child location and reads or writes
through fsspec, so the same code runs on both.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass

import fsspec
from fsspec.implementations.local import LocalFileSystem


@dataclass(frozen=True)
class Storage:
    """A folder on some fsspec file system: ``fs`` plus the ``root`` path inside it."""

    fs: fsspec.AbstractFileSystem
    root: str

    @classmethod
    def from_url(cls, url: str) -> Storage:
        """``file:///abs/path``, a plain absolute path, or ``s3://bucket/prefix``.

        Listings are never cached: another worker's writes must show up in the next listing
        (s3fs would otherwise answer ``find``/``exists`` from this process's cache).
        """
        fs, root = fsspec.core.url_to_fs(url, use_listings_cache=False)
        return cls(fs, root.rstrip("/") or "/")

    @property
    def is_local(self) -> bool:
        return isinstance(self.fs, LocalFileSystem)

    def path(self, *parts: str) -> str:
        """The path of ``parts`` below the root, as the file system names it."""
        return posixpath.join(self.root, *parts) if parts else self.root

    def url(self, *parts: str) -> str:
        """A URL for logs, XCom and DuckDB/polars readers (``file://`` or ``s3://``)."""
        return self.fs.unstrip_protocol(self.path(*parts))

    def child(self, *parts: str) -> Storage:
        return Storage(self.fs, self.path(*parts))

    def exists(self, *parts: str) -> bool:
        return self.fs.exists(self.path(*parts))

    def read_bytes(self, *parts: str) -> bytes:
        return self.fs.cat_file(self.path(*parts))

    def read_lines(self, *parts: str) -> Iterator[bytes]:
        """An object's lines (with their ``\\n``), read as they are consumed, not whole."""
        with self.fs.open(self.path(*parts), "rb") as handle:
            yield from handle

    def write_bytes(self, data: bytes, *parts: str) -> str:
        """Write a whole object so that readers see the old one or the new one, never half.

        Locally the bytes go to a temporary file beside the target that is then renamed over
        it; an object store's PUT is atomic by itself.
        """
        target = self.path(*parts)
        if not self.is_local:
            self.fs.pipe_file(target, data)
            return target
        self.fs.makedirs(posixpath.dirname(target), exist_ok=True)
        temporary = f"{target}.{os.getpid()}.tmp"
        try:
            with open(temporary, "wb") as handle:
                handle.write(data)
            os.replace(temporary, target)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        return target

    def list(self, *parts: str) -> list[str]:
        """Paths directly below ``parts``, sorted; empty when the folder does not exist."""
        folder = self.path(*parts)
        if not self.fs.exists(folder):
            return []
        return sorted(self.fs.ls(folder, detail=False))

    def find(self, *parts: str) -> list[str]:
        """Every file below ``parts`` (at any depth) as a path relative to it, sorted.

        One recursive listing: on an object store that is one paginated LIST, not a call per
        folder. Only names below the folder come back (an object store lists by prefix, and
        ``index.jsonl`` must not turn up when ``index/`` is asked for).
        """
        folder = self.path(*parts).rstrip("/") + "/"
        if not self.fs.exists(folder):
            return []
        found = self.fs.find(folder)
        return sorted(path[len(folder) :] for path in found if path.startswith(folder))

    def remove(self, *parts: str) -> None:
        """Remove one file or object, if it exists."""
        try:
            self.fs.rm_file(self.path(*parts))
        except FileNotFoundError:
            pass

    def remove_tree(self, *parts: str) -> None:
        """Remove a folder and everything below it, if it exists."""
        folder = self.path(*parts)
        if self.fs.exists(folder):
            self.fs.rm(folder, recursive=True)
