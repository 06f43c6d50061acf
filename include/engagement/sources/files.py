"""File drops in a landing folder: JSON Lines, text with YAML front matter, CSV and HTML.

A bad line or file becomes a quarantine row and reading goes on: one broken export must not
hide the rest of the day's news.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from engagement.sources.config import Source
from engagement.sources.pages import UndecodableError, decode_html, extract_page
from engagement.sources.records import Article, Rejected, make_article, stable_id

_IGNORED_STEMS = ("readme", "source")


def drop_files(folder: Path) -> list[Path]:
    """Readable drops under ``folder``: no hidden files or folders, no README/SOURCE notes."""
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix.lower() in _READERS
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and not path.stem.lower().startswith(_IGNORED_STEMS)
    )


def read_drop(
    path: Path, landing_dir: Path, source: Source, max_chars: int
) -> list[Article | Rejected]:
    """Every record of one file, as articles or quarantine rows."""
    reader = _READERS[path.suffix.lower()]
    context = _Context(path, landing_dir, source, max_chars)
    return list(reader(path.read_bytes(), context))


class _Context:
    """What a reader needs to know about the file it is reading."""

    def __init__(self, path: Path, landing_dir: Path, source: Source, max_chars: int):
        inside = path.is_relative_to(landing_dir)
        self.relative = path.relative_to(landing_dir).as_posix() if inside else str(path)
        self.source = source
        self.max_chars = max_chars
        self.mtime_day: date = datetime.fromtimestamp(path.stat().st_mtime, UTC).date()

    def ref(self, line: int) -> str:
        return f"{self.relative}:{line}"

    def reject(
        self, line: int, reason: str, detail: str, article_id: str | None = None
    ) -> Rejected:
        return Rejected(self.mtime_day, self.ref(line), article_id, reason, detail)

    def article(self, fields: dict, line: int) -> Article | Rejected:
        """Record fields (id, url, title, text, published, language, source) to an article.

        No id → sha1 of (source, url), else of (path, line).
        """
        source_name = str(fields.get("source") or self.source.name)
        url = fields.get("url") or None
        given_id = fields.get("id")
        if given_id not in (None, ""):
            article_id = str(given_id)
        elif url:
            article_id = stable_id(source_name, url)
        else:
            article_id = stable_id(self.relative, line)
        return make_article(
            article_id=article_id,
            source=source_name,
            url=str(url) if url else None,
            title=_text_or_none(fields.get("title")),
            text=_text_or_none(fields.get("text")),
            published=fields.get("published"),
            language=_text_or_none(fields.get("language")) or self.source.language,
            raw_ref=self.ref(line),
            source_tz=self.source.tz,
            undated_day=self.mtime_day,
            max_chars=self.max_chars,
        )


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _read_jsonl(body: bytes, context: _Context) -> Iterator[Article | Rejected]:
    for number, raw_line in enumerate(body.splitlines(), start=1):
        try:
            line = raw_line.decode("utf-8")
        except UnicodeDecodeError as error:
            yield context.reject(number, "invalid_utf8", str(error))
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield context.reject(number, "bad_record", f"not JSON: {error}")
            continue
        if not isinstance(record, dict):
            yield context.reject(number, "bad_record", "JSON line is not an object")
            continue
        yield context.article(record, number)


def _decoded(body: bytes, context: _Context) -> str | Rejected:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return context.reject(1, "invalid_utf8", str(error))


def _read_txt(body: bytes, context: _Context) -> Iterator[Article | Rejected]:
    text = _decoded(body, context)
    if isinstance(text, Rejected):
        yield text
        return
    stem_id = Path(context.relative).stem
    if not text.startswith("---"):
        yield context.article({"id": stem_id, "text": text}, 1)
        return
    head, separator, rest = text[3:].partition("\n---")
    if not separator:
        yield context.reject(1, "bad_record", "front matter is not closed by '---'", stem_id)
        return
    try:
        meta = yaml.safe_load(head)
    except yaml.YAMLError as error:
        yield context.reject(1, "bad_record", f"front matter is not YAML: {error}", stem_id)
        return
    if not isinstance(meta, dict):
        yield context.reject(1, "bad_record", "front matter is not a mapping", stem_id)
        return
    body_text = rest.split("\n", 1)[1] if "\n" in rest else ""
    yield context.article({"id": stem_id, **meta, "text": body_text.strip("\n")}, 1)


def _read_csv(body: bytes, context: _Context) -> Iterator[Article | Rejected]:
    text = _decoded(body, context)
    if isinstance(text, Rejected):
        yield text
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if not header:
        return
    for row in reader:
        if not row:
            continue
        if len(row) != len(header):
            yield context.reject(
                reader.line_num, "bad_record", f"{len(row)} fields, header has {len(header)}"
            )
            continue
        yield context.article(dict(zip(header, row, strict=True)), reader.line_num)


def _read_html(body: bytes, context: _Context) -> Iterator[Article | Rejected]:
    try:
        html = decode_html(body)
    except UndecodableError as error:
        yield context.reject(1, "invalid_utf8", str(error))
        return
    page = extract_page(html, context.source.tz)
    if not page.text:
        yield context.reject(1, "no_main_text", "no article text found in the page")
        return
    fields = {"url": page.url, "title": page.title, "text": page.text, "language": page.language}
    yield context.article({**fields, "published": page.published}, 1)


_READERS = {".jsonl": _read_jsonl, ".txt": _read_txt, ".csv": _read_csv, ".html": _read_html}
